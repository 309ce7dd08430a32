// k8sWorkloads.rules as VS Code delivers it (workspace/configuration, pulled by the server on a
// configuration change): turning a rule off while a file is open withdraws its diagnostic, turning
// it back on republishes it. Waits on diagnostics events only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openYaml, waitForDiagnostics } from './helpers';

const UNTAGGED = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === code);

describe('settings: k8sWorkloads.rules in a real VS Code host', () => {
  const config = () => vscode.workspace.getConfiguration('k8sWorkloads');
  afterEach(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a rule turned off while the file is open loses its diagnostic; back on, it returns at the configured severity', async () => {
    const editor = await openYaml(UNTAGGED);
    const uri = editor.document.uri;
    const before = await waitForDiagnostics(uri, has('image-tag'), 'image-tag on an untagged image');
    assert.equal(before.find((d) => diagnosticCode(d) === 'image-tag')?.severity, vscode.DiagnosticSeverity.Warning);

    await config().update('rules', { 'image-tag': 'off' }, vscode.ConfigurationTarget.Global);
    const off = await waitForDiagnostics(uri, (ds) => !has('image-tag')(ds) && has('missing-resources')(ds), 'image-tag to go');
    assert.ok(off.length > 0, 'the other rules still report');

    await config().update('rules', { 'image-tag': 'error' }, vscode.ConfigurationTarget.Global);
    const on = await waitForDiagnostics(
      uri,
      (ds) => ds.some((d) => diagnosticCode(d) === 'image-tag' && d.severity === vscode.DiagnosticSeverity.Error),
      'image-tag back, as an error',
    );
    assert.ok(on.length > 0);
  });
});
