// "Debug…" in a real VS Code host: the code lens above a workload runs the client command, which
// asks the server for the object's kubectl commands and shows them in a quick pick; picking one
// and then Copy puts the command, filled in from the manifest, on the clipboard.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openYaml } from './helpers';

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: dbg-db
  namespace: dbg-data
spec:
  serviceName: dbg-db
  replicas: 2
  selector:
    matchLabels:
      app: dbg-db
  template:
    metadata:
      labels:
        app: dbg-db
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;

describe('debug commands', () => {
  it('the Debug… lens opens the commands; picking one and Copy puts it on the clipboard', async () => {
    const editor = await openYaml(STATEFULSET);
    const lens = await eventually(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return l?.find((x) => x.command?.title === 'Debug…');
    }, 'the Debug… code lens');
    assert.equal(lens.range.start.line, 0);
    await vscode.env.clipboard.writeText('before');
    // what a click on the lens does: run its command with its arguments
    const run = Promise.resolve(
      vscode.commands.executeCommand<{ action: string; command: string } | undefined>(
        lens.command!.command,
        ...(lens.command!.arguments ?? []),
      ),
    );
    let settled = false;
    void run.finally(() => (settled = true));
    // two quick picks (the command, then Copy / Run in Terminal), answered with Enter; no API tells
    // when each is up, so accept until the command returns
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the debug command to finish');
    assert.deepEqual(await run, { action: 'copy', command: 'kubectl get statefulset dbg-db -n dbg-data' });
    assert.equal(await vscode.env.clipboard.readText(), 'kubectl get statefulset dbg-db -n dbg-data');
  });

  it('from the command palette at the cursor: Escape closes the list and nothing is copied', async () => {
    const editor = await openYaml(STATEFULSET.replace(/dbg-db/g, 'dbg-esc'));
    editor.selection = new vscode.Selection(8, 4, 8, 4);
    await eventually(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return l?.length ? l : undefined;
    }, 'the server to know the document');
    await vscode.env.clipboard.writeText('untouched');
    const run = Promise.resolve(vscode.commands.executeCommand<unknown>('k8sWorkloads.debugCommands'));
    let settled = false;
    void run.finally(() => (settled = true));
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    }, 'the list to close');
    assert.equal(await run, undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
  });
});

describe('workload types guide view', () => {
  it('opens the guide with the decision tree drawn and the object’s kind and path highlighted, under a strict CSP', async () => {
    const editor = await openYaml(STATEFULSET.replace(/dbg-db/g, 'dbg-guide'));
    editor.selection = new vscode.Selection(3, 2, 3, 2);
    const result = await vscode.commands.executeCommand<{ kind?: string; html: string }>('k8sWorkloads.openGuide');
    assert.equal(result.kind, 'StatefulSet');
    assert.match(
      result.html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-[^']+';">/,
    );
    assert.doesNotMatch(result.html, /<script/);
    // the diagram, with the StatefulSet box highlighted as the current kind
    assert.match(result.html, /<g id="kind-StatefulSet"><rect class="box kind on current"/);
    assert.match(result.html, /<g id="q-stable-identity"><rect class="box on"/);
    assert.match(result.html, /<g id="kind-Deployment"><rect class="box kind"/);
    // the markdown rendered by VS Code's own renderer, the object's kind first
    assert.match(result.html, /<h1[^>]*>Workload Types Decision Guide<\/h1>/);
    assert.match(result.html, /<h2[^>]*>▶ StatefulSet — /);
    await eventually(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Workload Types Guide — StatefulSet'),
      'the guide open in a tab titled with the kind',
    );
  });
});
