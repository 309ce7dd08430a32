// k8sWorkloads.rules over LSP: severities and `off` apply to the published diagnostics, and a bad
// entry is reported once with window/showMessage instead of breaking the server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { startServer, type TestClient } from './lspClient';

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;
const URI = 'file:///ws/settings/sts.yaml';
const RULE = 'missing-headless-service';

describe('protocol: k8sWorkloads.rules', () => {
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

  const configure = async (rules: unknown) => {
    const next = client.nextDiagnostics(URI);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { k8sWorkloads: { rules } } });
    return next;
  };
  const severityOf = (p: { diagnostics: { code?: string | number; severity?: number }[] }) =>
    p.diagnostics.find((d) => d.code === RULE)?.severity;

  it('publishes the rule at its default severity', async () => {
    const p = await client.open(URI, STS);
    assert.equal(severityOf(p), 2);
  });

  it('applies a configured severity, keeps the valid entries of a setting with a typo, and says what is wrong once', async () => {
    const p = await configure({ [RULE]: 'error', 'job-deadlin': 'off', 'image-tag': 'loud' });
    assert.equal(severityOf(p), 1);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].type, 2);
    assert.match(messages[0].message, /unknown rule "job-deadlin" — did you mean "job-deadline"\?/);
    assert.match(messages[0].message, /"image-tag" is set to "loud"; use one of error, warning, information, hint, off/);
    await configure({ [RULE]: 'error', 'job-deadlin': 'off', 'image-tag': 'loud' });
    assert.equal(messages.length, 1, 'the same problems are not shown again');
  });

  it('turns a rule off', async () => {
    const p = await configure({ [RULE]: 'off' });
    assert.equal(severityOf(p), undefined);
  });

  it('survives a setting of the wrong shape', async () => {
    // wait for the publish that follows this setting: on a loaded machine the previous step's may still arrive first
    const next = client.nextDiagnostics(URI, (d) => severityOf(d) === 2);
    await configure(['not', 'an', 'object']);
    const p = await next;
    assert.equal(severityOf(p), 2);
    assert.match(messages.at(-1)!.message, /must be an object of rule ids to severities/);
  });
});
