// The foundation in a real VS Code extension host: activation, diagnostics pushed by our language
// server, the outline, and the restart command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, eventually, extension, flattenSymbols, openFixture, openYaml, setText, waitForDiagnostics } from './helpers';

const hasYamlSyntax = (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === 'yaml-syntax');

describe('foundation: the extension in a real VS Code host', () => {
  it('activates when a YAML file is opened', async () => {
    const ext = extension();
    assert.equal(ext.packageJSON.name, 'k8s-workloads');
    const editor = await openFixture('app.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    await eventually(() => ext.isActive, 'the extension to activate on a YAML document');
  });

  it('reports a duplicate key as yaml-syntax on the repeated key', async () => {
    const editor = await openFixture('duplicate-key.yaml');
    const ds = await waitForDiagnostics(editor.document.uri, hasYamlSyntax, 'a yaml-syntax diagnostic');
    const dup = ds.filter((d) => diagnosticCode(d) === 'yaml-syntax');
    assert.equal(dup.length, 1, JSON.stringify(dup.map((d) => d.message)));
    assert.equal(dup[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(dup[0].source, 'k8s-workloads');
    // the second `labels:` (line 7 of the file, 0-based 6) is the offending key
    assert.equal(dup[0].range.start.line, 6, `range ${JSON.stringify(dup[0].range)}`);
    assert.equal(editor.document.getText(dup[0].range).startsWith('labels'), true, editor.document.getText(dup[0].range));
  });

  it('checks an untitled YAML document and clears the error once it is fixed', async () => {
    const editor = await openYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    const ds = await waitForDiagnostics(editor.document.uri, hasYamlSyntax, 'a yaml-syntax diagnostic on the untitled document');
    assert.equal(ds.find((d) => diagnosticCode(d) === 'yaml-syntax')?.range.start.line, 4);
    await setText(editor, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    await waitForDiagnostics(editor.document.uri, (d) => !hasYamlSyntax(d), 'the yaml-syntax diagnostic to clear');
  });

  it("checks a Service again when the pods it selects appear, change or go in another editor's document", async () => {
    const deployment = (name: string, app: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: xfile\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n` +
      `  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
    // The Service's own file has only a near miss (xfile-webb): dangling-service until the real pods are open. A namespace
    // of their own: the workspace's custom resources in `default` would keep the rule quiet (their operators make pods).
    const service = await openYaml(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: xfile-web\n  namespace: xfile\nspec:\n  selector:\n    app: xfile-web\n  ports:\n    - port: 80\n---\n${deployment('xfile-webb', 'xfile-webb')}`,
    );
    const dangling = (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === 'dangling-service');
    await waitForDiagnostics(service.document.uri, dangling, 'dangling-service on the Service');

    const pods = await openYaml(deployment('xfile-web', 'xfile-web'));
    await waitForDiagnostics(service.document.uri, (ds) => ds.length > 0 && !dangling(ds), 'dangling-service gone once the pods are open');

    await setText(pods, deployment('xfile-web', 'xfile-other'));
    await waitForDiagnostics(service.document.uri, dangling, 'dangling-service back once the pods carry other labels');
  });

  it('checks a YAML file of a virtual workspace (vscode-vfs, as GitHub Repositories opens them)', async () => {
    const files = new Map<string, Uint8Array>();
    const emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const notFound = (uri: vscode.Uri) => vscode.FileSystemError.FileNotFound(uri);
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: emitter.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        const data = files.get(uri.path);
        if (data) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
        if (uri.path === '/' || uri.path === '/repo') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
        throw notFound(uri);
      },
      readDirectory: () => [...files.keys()].map((p) => [p.split('/').pop()!, vscode.FileType.File]),
      createDirectory: () => undefined,
      readFile: (uri) => files.get(uri.path) ?? Promise.reject(notFound(uri)),
      writeFile: (uri, content) => void files.set(uri.path, content),
      delete: (uri) => void files.delete(uri.path),
      rename: () => undefined,
    };
    const registration = vscode.workspace.registerFileSystemProvider('vscode-vfs', provider);
    try {
      files.set('/repo/app.yaml', new TextEncoder().encode('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'));
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode-vfs://github/repo/app.yaml'));
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'yaml');
      const ds = await waitForDiagnostics(document.uri, hasYamlSyntax, 'a yaml-syntax diagnostic on the virtual file');
      assert.equal(ds.find((d) => diagnosticCode(d) === 'yaml-syntax')?.range.start.line, 4);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      registration.dispose();
    }
  });

  it('gives an outline with one symbol per object, named "Kind name"', async () => {
    const editor = await openFixture('app.yaml');
    const symbols = await eventually(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      return s && s.length > 0 ? s : undefined;
    }, 'document symbols for app.yaml');
    const tree = JSON.stringify(flattenSymbols(symbols));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Deployment web', 'Service web'],
      tree,
    );
    const [deployment, service] = symbols;
    // each object's range lies within its own YAML document
    assert.ok(deployment.range.start.line <= 2 && deployment.range.end.line <= 33, tree);
    assert.ok(service.range.start.line >= 33, tree);
    assert.equal(editor.document.getText(deployment.selectionRange).length > 0, true);
    // the main sections and the containers, by name, are children
    const names = flattenSymbols(deployment.children).map(([, n]) => n);
    assert.ok(names.includes('metadata') && names.includes('spec'), tree);
    assert.ok(
      names.some((n) => n.includes('app-server')),
      tree,
    );
  });

  it('the restart command restarts the server and diagnostics still arrive', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('k8sWorkloads.restartServer'), 'k8sWorkloads.restartServer is not registered');
    const editor = await openYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n');
    await vscode.commands.executeCommand('k8sWorkloads.restartServer');
    // an edit to an already open document reaches the restarted server
    await setText(editor, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n  x: "2"\n');
    const ds = await waitForDiagnostics(editor.document.uri, hasYamlSyntax, 'a yaml-syntax diagnostic after the restart');
    assert.equal(ds.find((d) => diagnosticCode(d) === 'yaml-syntax')?.range.start.line, 6);
    // and so does a document opened after it
    const fresh = await openYaml('kind: Job\nkind: CronJob\n');
    await waitForDiagnostics(fresh.document.uri, hasYamlSyntax, 'a yaml-syntax diagnostic on a document opened after the restart');
  });
});
