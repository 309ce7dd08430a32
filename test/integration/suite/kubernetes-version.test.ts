// The Kubernetes release in the real VS Code host: the Select Kubernetes Version command writes
// k8sWorkloads.kubernetesVersion, the server re-validates the open document at once, and a field
// that arrives in 1.33 is flagged on 1.32 and not on 1.35.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openYaml, waitForDiagnostics } from './helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        stopSignal: SIGUSR1
`;

const stopSignalFlagged = (ds: vscode.Diagnostic[]) =>
  ds.some((d) => diagnosticCode(d) === 'unknown-field' && d.message.includes('`stopSignal`'));

describe('Kubernetes version', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('k8sWorkloads').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('switching to 1.32 flags a field that arrives in 1.33, and switching back clears it', async () => {
    const editor = await openYaml(POD);
    const uri = editor.document.uri;
    // 1.35 (the default): a Pod with findings of other rules, but stopSignal is a field
    const first = await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first diagnostics');
    assert.ok(!stopSignalFlagged(first), JSON.stringify(first.map((d) => d.message)));

    const picked = await vscode.commands.executeCommand('k8sWorkloads.selectKubernetesVersion', '1.32');
    assert.equal(picked, '1.32');
    assert.equal(vscode.workspace.getConfiguration('k8sWorkloads').get('kubernetesVersion'), '1.32');
    const flagged = await waitForDiagnostics(uri, stopSignalFlagged, 'stopSignal flagged on 1.32');
    const d = flagged.find((x) => diagnosticCode(x) === 'unknown-field')!;
    assert.equal(d.message, '`stopSignal` is not a field of Pod.spec.containers[0].lifecycle in Kubernetes 1.32: it arrives in Kubernetes 1.33.');
    assert.equal(d.range.start.line, 9);

    await vscode.commands.executeCommand('k8sWorkloads.selectKubernetesVersion', '1.35');
    await waitForDiagnostics(uri, (ds) => ds.length > 0 && !stopSignalFlagged(ds), 'stopSignal accepted on 1.35');
  });
});
