// The project file `.k8s-workloads.yaml` in the real VS Code host: created on disk beside the
// workspace's manifests it applies at once (a rule off, another Kubernetes release) through the
// file watcher the server registers; edited in an editor it applies before saving and gets its
// own diagnostics and completion; deleted, the defaults return. Waits on diagnostics events only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, extension, fixtureUri, setText, waitForDiagnostics } from './helpers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n';
// pod-level resources arrive in Kubernetes 1.32
const SIZED =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sized\nspec:\n  resources:\n    limits:\n      cpu: "1"\n  containers:\n    - name: app\n      image: nginx:1.27\n';

const has = (code: string, severity?: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => diagnosticCode(d) === code && (severity === undefined || d.severity === severity));
const podLevelFlagged = (ds: vscode.Diagnostic[]) =>
  ds.some((d) => diagnosticCode(d) === 'unknown-field' && d.message.includes('in Kubernetes 1.31'));

async function closeAllEditors(): Promise<void> {
  // Bounded: an editor that will not close must not hang the hook.
  for (let i = 0; i < 20 && (vscode.window.activeTextEditor || vscode.window.visibleTextEditors.length > 0); i++) {
    if (!vscode.window.activeTextEditor) await vscode.window.showTextDocument(vscode.window.visibleTextEditors[0].document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  if (vscode.window.visibleTextEditors.length > 0) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('project file .k8s-workloads.yaml in a real VS Code host', () => {
  const config = () => fixtureUri('.k8s-workloads.yaml');
  const pod = () => fixtureUri('project-config/pod.yaml');
  const sized = () => fixtureUri('project-config/sized.yaml');
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));

  before(async () => {
    await extension().activate();
    await write(pod(), POD);
    await write(sized(), SIZED);
  });
  after(async () => {
    await closeAllEditors();
    // never leave a project file behind for the suites that follow
    await vscode.workspace.fs.delete(config()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(fixtureUri('project-config'), { recursive: true }).then(undefined, () => undefined);
  });

  it('created on disk, it applies at once to the open manifests: a rule turned off, another release', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pod()), { preview: false });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sized()), { preview: false });
    await waitForDiagnostics(pod(), has('image-tag', vscode.DiagnosticSeverity.Warning), 'image-tag at its default');
    const before = await waitForDiagnostics(sized(), (ds) => ds.length > 0, 'the first diagnostics of sized.yaml');
    assert.ok(!podLevelFlagged(before), 'pod-level resources are a field in 1.35');

    await write(config(), 'kubernetesVersion: "1.31"\nrules:\n  image-tag: off\n');
    await waitForDiagnostics(pod(), (ds) => !has('image-tag')(ds) && has('missing-resources')(ds), 'image-tag turned off by the file');
    await waitForDiagnostics(sized(), podLevelFlagged, 'pod-level resources flagged on 1.31');
  });

  it('edited in an editor, it applies before saving, with its own diagnostics and completion', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config()), { preview: false });
    await setText(editor, 'rules:\n  image-tag: error\n  job-deadlin: off\n');
    await waitForDiagnostics(pod(), has('image-tag', vscode.DiagnosticSeverity.Error), 'image-tag raised to error, unsaved');
    await waitForDiagnostics(sized(), (ds) => ds.length > 0 && !podLevelFlagged(ds), 'back to 1.35 without kubernetesVersion');
    const own = await waitForDiagnostics(config(), has('config-unknown-rule'), 'the project file’s own problem');
    assert.deepEqual(
      own.map((d) => [diagnosticCode(d), d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['config-unknown-rule', 2, 2, 13, 'Unknown rule "job-deadlin" — did you mean "job-deadline"? It is ignored.']],
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      config(),
      new vscode.Position(1, 13),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const s of ['error', 'warning', 'information', 'hint', 'off']) assert.ok(labels.includes(s), `${s} in ${labels.join(', ')}`);

    // closed without saving: the file on disk applies again
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(pod(), (ds) => !has('image-tag')(ds) && has('missing-resources')(ds), 'the saved file again');
  });

  it('deleted, the defaults return', async () => {
    await vscode.workspace.fs.delete(config());
    await waitForDiagnostics(pod(), has('image-tag', vscode.DiagnosticSeverity.Warning), 'image-tag at its default again');
    await waitForDiagnostics(sized(), (ds) => ds.length > 0 && !podLevelFlagged(ds), 'back to 1.35');
  });
});
