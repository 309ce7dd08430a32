// No request waits behind a long validation: the server validates in slices and answers the
// requests that arrive meanwhile first (server/src/validationScheduler.ts). Each test sends what
// starts a long validation of a large file (2,000 documents, every pod-running one with findings:
// seconds of rule checks) and, right behind it, a hover and a completion; it records the order in
// which the answers and the file's diagnostics arrive. A server validating in one go publishes the
// diagnostics first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, DidChangeConfigurationNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { benchWorkload } from '../../bench/workload';
import { startServer, type TestClient } from './lspClient';

const DOCS = 2000;
/** The `image:` key of the first Deployment (line 23 of benchWorkload's first document): hover shows its documentation. */
const IMAGE_KEY = { line: 23, character: 10 };
/** Just after `imagePullPolicy: ` on line 24: completion offers the policies. */
const PULL_POLICY_VALUE = { line: 24, character: 25 };

describe('protocol: requests are answered while a large file is validated', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer({ diagnosticsTimeoutMs: 120_000 });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** Sends a hover and a completion at once; resolves with the order of their answers and of the diagnostics of `uri` at `version`. */
  async function requestsDuringValidation(uri: string, version: number): Promise<string[]> {
    const order: string[] = [];
    const diagnostics = client
      .nextDiagnostics(uri, (p) => p.version === version)
      .then((p) => {
        order.push('diagnostics');
        return p;
      });
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: IMAGE_KEY }).then((h) => {
      order.push('hover');
      return h;
    });
    const completion = client.connection
      .sendRequest(CompletionRequest.type, { textDocument: { uri }, position: PULL_POLICY_VALUE })
      .then((c) => {
        order.push('completion');
        return c;
      });
    const [h, c, d] = await Promise.all([hover, completion, diagnostics]);
    // The answers are the real ones for the version being validated, not empty stand-ins.
    assert.match(JSON.stringify(h?.contents), /image/i, 'the hover documents the image field');
    const labels = (Array.isArray(c) ? c : (c?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('IfNotPresent'), `completion offers the pull policies, got ${labels.join(', ')}`);
    assert.ok(d.diagnostics.length > 0, 'the file has findings');
    return order;
  }

  it('opening a 2,000-document file: hover and completion answer before its diagnostics', async () => {
    // An untitled file: nothing to look up on disk first (a file: one waits for the look for a
    // kustomization beside it), so its validation starts at once on open.
    const uri = 'untitled:Untitled-yields';
    const opened = client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: benchWorkload(DOCS, undefined, 'findings') },
    });
    const order = await requestsDuringValidation(uri, 1);
    await opened;
    assert.deepEqual(order.slice(-1), ['diagnostics'], `answers first, then the diagnostics: ${order.join(' → ')}`);
  });

  it('changing a 2,000-document file: hover and completion answer before the new version’s diagnostics', async () => {
    const uri = 'file:///ws/yields/change.yaml';
    await client.open(uri, benchWorkload(DOCS, undefined, 'findings'));
    // Every document changes (another namespace), so nothing is cached. A settings change sent with
    // the edit starts the validation of the new version at once, as a debounced change does 120 ms
    // later, when the user may be hovering: the requests behind it must not wait for it.
    const text = benchWorkload(DOCS, undefined, 'findings').replaceAll('namespace: bench', 'namespace: bench-2');
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { k8sWorkloads: {} } });
    const order = await requestsDuringValidation(uri, 2);
    assert.deepEqual(order.slice(-1), ['diagnostics'], `answers first, then the diagnostics: ${order.join(' → ')}`);
  });

  it('a version replaced while it is validated gets no diagnostics; the new one does', async () => {
    const uri = 'file:///ws/yields/replaced.yaml';
    const first = benchWorkload(DOCS, undefined, 'findings');
    const v2 = client.nextDiagnostics(uri, (p) => p.version === 2);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: first } });
    // Version 2 arrives while version 1 (seconds of work) is being validated: v1's run is dropped.
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: first.replace('replicas: 3', 'replicas: 4') }],
    });
    await v2;
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [2], 'only the open version’s diagnostics are published');
  });
});
