// Custom resources in a real VS Code host: crd-widgets.yaml (a CustomResourceDefinition) and
// crd-widget.yaml (a Widget with a typo) are in the workspace folder. The CRD file is never
// opened: the server finds it by indexing the folder. The typo is squiggled at its key, the
// quick-fix renames it to the CRD's field, and hover shows the CRD's description.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, extension, openFixture, waitForDiagnostics } from './helpers';

const CR_FILE = 'crd-widget.yaml';

describe('custom resources from the workspace CRD in a real VS Code host', () => {
  before(async () => {
    await extension().activate();
  });

  it('a typo in a custom resource is squiggled and fixed from the CRD; hover comes from the CRD', async () => {
    const editor = await openFixture(CR_FILE);
    const uri = editor.document.uri;
    const [typo] = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => diagnosticCode(d) === 'unknown-field'),
      'unknown-field on the Widget (its CRD found in crd-widgets.yaml)',
    );
    assert.equal(typo.message, '`colr` is not a field of Widget.spec. Did you mean `color`?');
    assert.deepEqual([typo.range.start.line, typo.range.start.character, typo.range.end.line, typo.range.end.character], [6, 2, 6, 6]);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range);
    const rename = actions.find((a) => a.title === 'Rename to `color`');
    assert.ok(rename?.edit, `rename offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => diagnosticCode(d) === 'unknown-field'), 'the typo gone after the fix');
    assert.equal(editor.document.lineAt(6).text, '  color: red');

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*spec\.size\*\* `string` · required/);
    assert.match(text, /How big the widget is\./);
    assert.match(text, /From the CustomResourceDefinition `widgets\.example\.com` \(crd-widgets\.yaml\)/);
  });
});
