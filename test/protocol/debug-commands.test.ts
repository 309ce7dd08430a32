// The debug commands over stdio, as any LSP client would ask for them: the custom request
// `k8sWorkloads/debugCommands` answers with the commands of the workload at a position (the server
// runs none of them), and each workload gets a "Debug…" code lens carrying the arguments for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeLensRequest, DidOpenTextDocumentNotification, type CodeLens } from 'vscode-languageserver-protocol/node';
import { DEBUG_COMMANDS_REQUEST } from '../../server/src/service/debug/protocol';
import type { DebugCommandList } from '../../server/src/service/debug/commands';
import { startServer, type TestClient } from './lspClient';

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
  namespace: shop
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: migrate:1.0.0
`;

describe('protocol: debug commands', () => {
  let client: TestClient;
  const uri = 'file:///work/protocol-debug.yaml';
  before(async () => {
    client = await startServer();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('answers the request with the Job’s commands, filled in', async () => {
    const list = (await client.connection.sendRequest(DEBUG_COMMANDS_REQUEST, {
      textDocument: { uri },
      position: { line: 8, character: 4 },
    })) as DebugCommandList | null;
    assert.ok(list);
    assert.equal(list.kind, 'Job');
    assert.equal(list.namespace, 'shop');
    assert.ok(list.commands.some((c) => c.command === 'kubectl get pods -l batch.kubernetes.io/job-name=db-migrate -n shop'));
  });

  it('answers null outside a workload and for an unknown document', async () => {
    assert.equal(
      await client.connection.sendRequest(DEBUG_COMMANDS_REQUEST, { textDocument: { uri }, position: { line: 1, character: 0 } }),
      null,
    );
    assert.equal(
      await client.connection.sendRequest(DEBUG_COMMANDS_REQUEST, {
        textDocument: { uri: 'file:///nowhere.yaml' },
        position: { line: 0, character: 0 },
      }),
      null,
    );
  });

  it('puts a Debug… lens on the Job only, with its URI and position', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [[5, 'Debug…', 'k8sWorkloads.debugCommands', [uri, { line: 5, character: 0 }]]],
    );
  });
});
