// Navigation across the files of the workspace in a real VS Code host, through the editor's own
// commands: go to definition from a StatefulSet's serviceName to the Service in another file
// (`vscode.executeDefinitionProvider`) and find the references of that Service
// (`vscode.executeReferenceProvider`). The two fixtures: nav-db-statefulset.yaml and
// nav-db-service.yaml. The Service's file is never opened before the definition test: the server
// finds it through its index of the workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, eventually, extension, fixtureUri, openFixture, waitForDiagnostics } from './helpers';

const STATEFULSET_FILE = 'nav-db-statefulset.yaml';
const SERVICE_FILE = 'nav-db-service.yaml';

/** The range of `value` on the only line of `doc` that is exactly `line`. */
function rangeIn(doc: vscode.TextDocument, line: string, value: string): vscode.Range {
  const lines = doc.getText().split(/\r?\n/);
  const at = lines.indexOf(line);
  assert.ok(at >= 0 && lines.lastIndexOf(line) === at, `expected exactly one line ${JSON.stringify(line)} in ${doc.uri.toString()}`);
  const col = line.lastIndexOf(value);
  assert.ok(col >= 0);
  return new vscode.Range(at, col, at, col + value.length);
}

type Target = { uri: vscode.Uri; range: vscode.Range };
const asTarget = (l: vscode.Location | vscode.LocationLink): Target =>
  'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
const show = (ts: readonly Target[]) =>
  JSON.stringify(
    ts.map(
      (t) => `${t.uri.path.split('/').pop()}:${t.range.start.line}:${t.range.start.character}-${t.range.end.line}:${t.range.end.character}`,
    ),
  );
const sameFile = (a: vscode.Uri, b: vscode.Uri) => a.fsPath === b.fsPath;

async function documentOf(name: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fixtureUri(name));
}

describe('navigation across workspace files in a real VS Code host', () => {
  // a clear failure when the extension cannot start, instead of every test timing out
  before(async () => {
    await extension().activate();
  });

  it('the Service in the other file satisfies the StatefulSet (workspace index)', async () => {
    const editor = await openFixture(STATEFULSET_FILE);
    // missing-resources is the fixture's one known warning: it shows the file has been checked
    const ds = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => diagnosticCode(x) === 'missing-resources') && !d.some((x) => diagnosticCode(x) === 'missing-headless-service'),
      'the StatefulSet checked with its Service found in nav-db-service.yaml',
    );
    assert.deepEqual(
      ds.map((d) => diagnosticCode(d)),
      ['missing-resources'],
    );
  });

  it('go to definition: serviceName → the Service’s name in nav-db-service.yaml', async () => {
    const editor = await openFixture(STATEFULSET_FILE);
    const from = rangeIn(editor.document, '  serviceName: nav-db-headless', 'nav-db-headless');
    const position = from.start.translate(0, 4);
    const targets = await eventually(async () => {
      const ls = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        editor.document.uri,
        position,
      );
      return ls?.length ? ls.map(asTarget) : undefined;
    }, 'a definition for serviceName');
    const service = await documentOf(SERVICE_FILE);
    assert.equal(targets.length, 1, show(targets));
    assert.ok(sameFile(targets[0].uri, fixtureUri(SERVICE_FILE)), show(targets));
    assert.deepEqual(targets[0].range, rangeIn(service, '  name: nav-db-headless', 'nav-db-headless'), show(targets));

    // a value that names nothing (replicas) has no definition
    const replicas = rangeIn(editor.document, '  replicas: 2', '2');
    const none = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      replicas.start,
    );
    assert.deepEqual(none ?? [], []);
  });

  it('find references of a Service: itself, the serviceName naming it and the pod template it selects', async () => {
    const editor = await openFixture(SERVICE_FILE);
    const name = rangeIn(editor.document, '  name: nav-db-headless', 'nav-db-headless');
    const refs = await eventually(async () => {
      const ls = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        editor.document.uri,
        name.start,
      );
      return ls && ls.length >= 3 ? ls.map(asTarget) : undefined;
    }, 'the references of the Service');
    const statefulSet = await documentOf(STATEFULSET_FILE);
    const inService = refs.filter((r) => sameFile(r.uri, fixtureUri(SERVICE_FILE)));
    const inStatefulSet = refs.filter((r) => sameFile(r.uri, fixtureUri(STATEFULSET_FILE)));
    assert.equal(refs.length, 3, show(refs));
    assert.equal(inService.length + inStatefulSet.length, 3, `references outside the two files: ${show(refs)}`);
    // the declaration (VS Code asks with includeDeclaration: true)
    assert.deepEqual(
      inService.map((r) => r.range),
      [name],
      show(refs),
    );
    // the StatefulSet, where its serviceName names the Service, and its pod template labels that the selector matches
    const labelsLine = statefulSet.getText().split('\n').indexOf('        app: nav-db');
    assert.ok(labelsLine > 0);
    const sorted = [...inStatefulSet].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted[0].range, rangeIn(statefulSet, '  serviceName: nav-db-headless', 'nav-db-headless'), show(refs));
    assert.deepEqual(sorted[1].range.start, new vscode.Position(labelsLine, 8), show(refs));
    assert.match(statefulSet.getText(sorted[1].range), /^app: nav-db\s*$/, show(refs));
  });
});
