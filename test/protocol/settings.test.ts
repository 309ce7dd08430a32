// k8sWorkloads.rules over LSP: severities and `off` apply to the published diagnostics, and a bad
// entry is reported once with window/showMessage instead of breaking the server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from './lspClient';

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

  // Waits for the publish that shows the expected severity: a late publish from before the change (the
  // index revalidating the open file) must not be taken for the answer.
  const configure = async (rules: unknown, expected: number | undefined) => {
    const next = client.nextDiagnostics(URI, (p) => severityOf(p) === expected);
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
    const p = await configure({ [RULE]: 'error', 'job-deadlin': 'off', 'image-tag': 'loud' }, 1);
    assert.equal(severityOf(p), 1);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].type, 2);
    assert.match(messages[0].message, /unknown rule "job-deadlin" — did you mean "job-deadline"\?/);
    assert.match(messages[0].message, /"image-tag" is set to "loud"; use one of error, warning, information, hint, off/);
    await configure({ [RULE]: 'error', 'job-deadlin': 'off', 'image-tag': 'loud' }, 1);
    assert.equal(messages.length, 1, 'the same problems are not shown again');
  });

  it('turns a rule off', async () => {
    const p = await configure({ [RULE]: 'off' }, undefined);
    assert.equal(severityOf(p), undefined);
  });

  it('survives a setting of the wrong shape', async () => {
    const p = await configure(['not', 'an', 'object'], 2);
    assert.equal(severityOf(p), 2);
    assert.match(messages.at(-1)!.message, /must be an object of rule ids to severities/);
  });
});

// VS Code serves settings with workspace/configuration (the pull model): the server asks after
// `initialized` and again on each didChangeConfiguration, which then carries no settings.
describe('protocol: settings pulled with workspace/configuration', () => {
  const UNTAGGED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;
  const PULLING = { ...DEFAULT_CAPABILITIES, workspace: { configuration: true, workspaceFolders: false } };
  const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);

  it('a document without settings gets image-tag (the control for the next test)', async () => {
    const client = await startServer({ capabilities: PULLING, settings: () => null });
    try {
      const p = await client.open('file:///ws/pull/control.yaml', UNTAGGED);
      assert.ok(codes(p).includes('image-tag'));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('the first diagnostics of a file opened right after start already follow the settings', async () => {
    const asked: (string | undefined)[] = [];
    const client = await startServer({
      capabilities: PULLING,
      settings: (section) => {
        asked.push(section);
        return section === 'k8sWorkloads' ? { rules: { 'image-tag': 'off', 'missing-resources': 'error' } } : null;
      },
    });
    try {
      const uri = 'file:///ws/pull/first.yaml';
      const p = await client.open(uri, UNTAGGED);
      assert.ok(asked.includes('k8sWorkloads'), 'the server asked for its section');
      assert.ok(!codes(p).includes('image-tag'), `image-tag is off: ${codes(p).join(', ')}`);
      assert.equal(p.diagnostics.find((d) => d.code === 'missing-resources')?.severity, 1, 'missing-resources raised to error');
      // Not published and withdrawn either: no publish for the file ever carried it.
      assert.deepEqual(
        client.published.filter((x) => x.uri === uri && codes(x).includes('image-tag')),
        [],
      );
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('a setting changed while files are open: didChangeConfiguration makes the server pull again and republish every open file', async () => {
    let rules: Record<string, string> = { 'image-tag': 'off' };
    const client = await startServer({ capabilities: PULLING, settings: (section) => (section === 'k8sWorkloads' ? { rules } : null) });
    try {
      const a = 'file:///ws/pull/a.yaml';
      const b = 'file:///ws/pull/b.yaml';
      assert.ok(!codes(await client.open(a, UNTAGGED)).includes('image-tag'));
      assert.ok(!codes(await client.open(b, UNTAGGED.replace('name: web', 'name: other'))).includes('image-tag'));
      rules = { 'image-tag': 'error' };
      const next = [a, b].map((uri) => client.nextDiagnostics(uri, (p) => codes(p).includes('image-tag')));
      // VS Code's client sends no settings with the notification in the pull model.
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      for (const p of await Promise.all(next)) assert.equal(p.diagnostics.find((d) => d.code === 'image-tag')?.severity, 1);
      rules = {};
      const back = client.nextDiagnostics(a, (p) => codes(p).includes('image-tag'));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.equal((await back).diagnostics.find((d) => d.code === 'image-tag')?.severity, 2, 'back to its default');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
