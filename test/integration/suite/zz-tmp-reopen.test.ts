import * as vscode from 'vscode';
import { extension, openYaml, ours, waitForDiagnostics } from './helpers';
const M = (pad: number) => '\n'.repeat(pad) + 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: marker\n  name: marker-again\n';
describe('tmpreopen', () => {
  it('reopen same untitled uri', async () => {
    await extension().activate();
    const log: string[] = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) log.push(`${Date.now() % 100000} ${u.toString()} ${JSON.stringify(ours(u).map((d) => d.range.start.line))}`);
    });
    const a = await openYaml(M(0));
    await waitForDiagnostics(a.document.uri, (ds) => ds.length === 1 && ds[0].range.start.line === 4);
    await a.edit((b) => b.insert(new vscode.Position(0, 0), '\n'.repeat(30)));
    await waitForDiagnostics(a.document.uri, (ds) => ds.length === 1 && ds[0].range.start.line === 34);
    log.push('closing ' + a.document.uri.toString() + ' v' + a.document.version);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    log.push('closed; isClosed=' + a.document.isClosed);
    const b = await openYaml(M(0));
    log.push('opened ' + b.document.uri.toString() + ' v' + b.document.version);
    try {
      await waitForDiagnostics(b.document.uri, (ds) => ds.length === 1 && ds[0].range.start.line === 4, 'marker', 5000);
    } finally {
      sub.dispose();
      console.log(log.join('\n'));
    }
  });
});
