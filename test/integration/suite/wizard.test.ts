// The "Choose Workload Type" wizard in a real VS Code host: run with an answers object for every
// outcome of the decision tree and every pattern, it inserts exactly the generated manifest, and
// the language server finds nothing wrong with it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WORKLOAD_KINDS } from '../../../server/src/service/guide/types';
import { answersWithDefaults, generateManifest, PATTERN_SHAPES, type WizardAnswers } from '../../../server/src/service/wizard/index';
import { diagnosticCode, eventually, extension, ours, setText, waitForDiagnostics } from './helpers';

const COMMAND = 'k8sWorkloads.chooseWorkloadType';

/**
 * A document with one known error. Once the server reports that error on the line where it
 * sits after an edit, the server has validated the edited text: if that is the only diagnostic,
 * whatever was inserted above it has none.
 */
const MARKER = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: marker\n  name: marker-again\n';
const markerLine = (text: string) => text.split('\n').indexOf('  name: marker-again');
const onlyTheMarker = (line: number) => (ds: vscode.Diagnostic[]) =>
  ds.length === 1 && diagnosticCode(ds[0]) === 'yaml-syntax' && ds[0].range.start.line === line;

async function markedEditor(text = MARKER): Promise<vscode.TextEditor> {
  const editor = await openYaml(text);
  await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(text)), 'the marker error');
  return editor;
}

let fresh = 0;
/**
 * A new untitled YAML document with `content`, under a name never used before: VS Code reuses
 * "Untitled-N" names, and a document opened right after "Revert and Close" of Untitled-N can come
 * back with the reverted text from its backup.
 */
async function openYaml(content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(`untitled:/k8s-workloads-${path.basename(__filename, '.js')}-${++fresh}-${Date.now()}.yaml`);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal(editor.document.languageId, 'yaml');
  if (content) await setText(editor, content);
  assert.equal(editor.document.getText(), content);
  return editor;
}

/** Closes every editor without saving (untitled documents are reverted, so no dialog). */
async function closeAllEditors(): Promise<void> {
  while (vscode.window.activeTextEditor || vscode.window.visibleTextEditors.length > 0) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    if (!vscode.window.activeTextEditor && vscode.window.visibleTextEditors.length > 0)
      await vscode.window.showTextDocument(vscode.window.visibleTextEditors[0].document);
  }
}

describe('wizard: Kubernetes: Choose Workload Type…', () => {
  before(async () => {
    await extension().activate();
  });
  afterEach(closeAllEditors);

  it('is contributed with its title and registered', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string; title: string; category?: string }[]).find(
      (c) => c.command === COMMAND,
    );
    assert.ok(contributed, 'contributes.commands has the wizard');
    assert.equal(`${contributed.category}: ${contributed.title}`, 'Kubernetes: Choose Workload Type…');
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  const outcomes: { name: string; answers: WizardAnswers }[] = [
    ...WORKLOAD_KINDS.map((kind) => ({ name: kind, answers: answersWithDefaults(kind) })),
    ...Object.values(PATTERN_SHAPES).map((p) => ({ name: `${p.kind} pattern ${p.id}`, answers: answersWithDefaults(p.kind, p.id) })),
  ];
  for (const { name, answers } of outcomes) {
    it(`${name}: inserts the manifest at the cursor, with no diagnostics of ours`, async () => {
      const editor = await markedEditor();
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const returned = await vscode.commands.executeCommand<string>(COMMAND, answers);
      const expected = generateManifest(answers);
      assert.equal(returned, expected);
      assert.match(expected, new RegExp(`^kind: ${answers.kind}$`, 'm'));
      const text = editor.document.getText();
      assert.equal(text, `${expected}---\n${MARKER}`);
      await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(text)), 'only the marker error, below the manifest');
    });
  }

  it('inserts after the document the cursor is in, never splitting it', async () => {
    const editor = await markedEditor();
    editor.selection = new vscode.Selection(2, 3, 2, 3); // inside "metadata"
    const answers: WizardAnswers = { kind: 'Job', name: 'after-marker', image: 'migrate:1.2.3' };
    const manifest = await vscode.commands.executeCommand<string>(COMMAND, answers);
    assert.equal(editor.document.getText(), `${MARKER}---\n${manifest}`);
    await waitForDiagnostics(editor.document.uri, onlyTheMarker(4), 'the marker error where it was');
    // and the server did see the Job: breaking it is reported
    await setText(editor, editor.document.getText().replace('restartPolicy: Never', 'restartPolicy: Always'));
    await waitForDiagnostics(
      editor.document.uri,
      (ds) => ds.some((d) => diagnosticCode(d) === 'job-restart-policy'),
      'job-restart-policy on the inserted Job',
    );
  });

  it('opens a new untitled YAML document when no YAML editor is active', async () => {
    await closeAllEditors();
    const answers = answersWithDefaults('CronJob');
    const manifest = await vscode.commands.executeCommand<string>(COMMAND, answers);
    const editor = await eventually(() => vscode.window.activeTextEditor, 'an editor for the new document');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'yaml');
    assert.equal(editor.document.getText(), manifest);
    // the tab is named after the object, not after the manifest's first line (a comment)
    assert.match(path.posix.basename(editor.document.uri.path), new RegExp(`^${answers.name}(-\\d+)?\\.yaml$`));
    assert.match(editor.document.getText(), /^# /, 'the manifest does start with a comment');
    const withMarker = `${manifest}---\n${MARKER}`;
    await setText(editor, withMarker);
    await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(withMarker)), 'only the marker error in the new document');
  });

  it('rejects invalid answers without touching the editor', async () => {
    const editor = await markedEditor();
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand(COMMAND, { kind: 'CronJob', name: 'Nightly_Backup', image: 'backup', schedule: '0 25 * * *' }),
      ),
      (e: Error) => /name/.test(e.message) && /image/.test(e.message) && /schedule/.test(e.message),
    );
    assert.equal(editor.document.getText(), MARKER);
  });

  it('the interactive wizard: accepting every default walks Yes → Yes to a CronJob and inserts it', async () => {
    const editor = await markedEditor();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const run = Promise.resolve(vscode.commands.executeCommand<string | undefined>(COMMAND));
    let settled = false;
    void run.finally(() => (settled = true));
    // the real quick picks and input boxes, answered with Enter; no API tells when the next step is
    // up, so accept until the command returns (an accept with no step open does nothing)
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the wizard to finish');
    const manifest = await run;
    assert.equal(manifest, generateManifest(answersWithDefaults('CronJob')));
    const text = editor.document.getText();
    assert.equal(text, `${manifest}---\n${MARKER}`);
    await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(text)), 'only the marker error, below the CronJob');
  });

  it('Escape cancels the interactive wizard: nothing is inserted and nothing returned', async () => {
    const editor = await markedEditor();
    const run = Promise.resolve(vscode.commands.executeCommand<string | undefined>(COMMAND));
    let settled = false;
    void run.finally(() => (settled = true));
    // no API tells when the quick pick is up: close quick input until the command returns
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    }, 'the wizard to close');
    assert.equal(await run, undefined);
    assert.equal(editor.document.getText(), MARKER);
    assert.equal(ours(editor.document.uri).length, 1);
  });
});
