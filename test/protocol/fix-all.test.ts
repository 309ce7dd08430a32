// Fix all over LSP, as VS Code asks for it on save ("editor.codeActionsOnSave": {"source.fixAll":
// "explicit"}): the server announces the kind, answers a `source.fixAll` request with one action,
// and applying its edits removes exactly the problems that had safe fixes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type CodeActionKind } from 'vscode-languageserver-protocol/node';
import { startServer, type TestClient } from './lspClient';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "2"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: never
      containers:
      - name: web
        image: web:1.0.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: "8080"
`;
const AFTER = TEXT.replace('replicas: "2"', 'replicas: 2')
  .replace('restartPolicy: never', 'restartPolicy: Never')
  .replace('"8080"', '8080');
const FIXABLE = ['invalid-value', 'invalid-name'];

describe('protocol: source.fixAll.k8sWorkloads', () => {
  let client: TestClient;
  const uri = 'file:///ws/fix-all/web.yaml';
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const request = async (only: CodeActionKind[]) =>
    (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 26, character: 0 } },
      context: { diagnostics: [], only },
    })) as CodeAction[];

  it('announces the kind', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object');
    assert.ok(provider.codeActionKinds?.includes('source.fixAll.k8sWorkloads'));
  });

  it('answers source.fixAll with one action whose edits remove the fixable problems, and only those', async () => {
    const before = await client.open(uri, TEXT);
    assert.deepEqual(before.diagnostics.filter((d) => FIXABLE.includes(String(d.code))).length, 3);
    const actions = await request(['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [['source.fixAll.k8sWorkloads', 'Fix all Kubernetes Workloads problems']],
    );
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, TEXT), actions[0].edit?.changes?.[uri] ?? []);
    assert.equal(after, AFTER);
    const p = await client.change(uri, 2, [{ text: after }]);
    assert.deepEqual(
      p.diagnostics.filter((d) => FIXABLE.includes(String(d.code))),
      [],
    );
    assert.ok(
      p.diagnostics.some((d) => d.code === 'missing-resources'),
      'the fixes that guess values are left to the user',
    );
  });

  it('a quick-fix request gets no fix-all action', async () => {
    assert.deepEqual(
      (await request(['quickfix'])).filter((a) => a.kind === 'source.fixAll.k8sWorkloads'),
      [],
    );
  });
});
