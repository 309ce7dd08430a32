// k8sWorkloads.kubernetesVersion over LSP: changing the release re-validates the open documents at
// once (a field that arrives in 1.33 is flagged on 1.32 and not on 1.35), and a release the server
// does not know is reported once and checked as the default.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestClient } from './lspClient';

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
const URI = 'file:///ws/versions/pod.yaml';

describe('protocol: k8sWorkloads.kubernetesVersion', () => {
  let client: TestClient;
  const messages: ShowMessageParams[] = [];
  before(async () => {
    client = await startServer();
    client.connection.onNotification('window/showMessage', (m: ShowMessageParams) => {
      messages.push(m);
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** Sends the setting and waits for the publish that follows it (the one that mentions `expect`, or has no unknown-field). */
  const configure = async (kubernetesVersion: unknown, expect?: string) => {
    const next = client.nextDiagnostics(URI, (p) =>
      expect ? p.diagnostics.some((d) => String(d.message).includes(expect)) : !p.diagnostics.some((d) => d.code === 'unknown-field'),
    );
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { k8sWorkloads: { kubernetesVersion } },
    });
    return next;
  };
  const unknownFields = (p: PublishDiagnosticsParams) =>
    p.diagnostics.filter((d) => d.code === 'unknown-field').map((d) => String(d.message));

  it('checks against 1.35 by default: stopSignal is a field', async () => {
    assert.deepEqual(unknownFields(await client.open(URI, POD)), []);
  });

  it('re-validates the open document when the release changes, and names the release', async () => {
    assert.deepEqual(unknownFields(await configure('1.32', '1.32')), [
      '`stopSignal` is not a field of Pod.spec.containers[0].lifecycle in Kubernetes 1.32: it arrives in Kubernetes 1.33.',
    ]);
    assert.deepEqual(unknownFields(await configure('1.33')), []);
  });

  it('reports a release it does not know once, and checks against the default', async () => {
    await configure('1.32', '1.32');
    const p = await configure('1.29');
    assert.deepEqual(unknownFields(p), []);
    assert.equal(messages.length, 1);
    assert.match(
      messages[0].message,
      /kubernetesVersion "1\.29" is not a release this extension knows \(1\.30, 1\.31, 1\.32, 1\.33, 1\.34, 1\.35\); checking against 1\.35/,
    );
  });
});
