// When a change of the workspace index validates open documents again: only those whose last
// validation saw an older index. A document's own parse moves the index; validating it again for
// that was a second full validation of every file just opened or edited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MINIMAL_DEPLOYMENT, MINIMAL_SERVICE } from '../unit/helpers/manifests';
import { startServer, type TestClient } from './lspClient';

/** A Service whose pods are in another file: dangling-service until that file is open (its own file has a near miss, app: webb). */
const SERVICE = `${MINIMAL_SERVICE}---
${MINIMAL_DEPLOYMENT.replace(/\bweb$/gm, 'webb')}`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

describe('protocol: revalidation after an index change', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('validates the other open documents again, not the one whose parse changed the index', async () => {
    const service = 'file:///ws/service.yaml';
    const deployment = 'file:///ws/deployment.yaml';
    const configMap = 'file:///ws/config-map.yaml';
    const dangling = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'dangling-service');

    assert.ok(dangling(await client.open(service, SERVICE)), 'the Service has no pods while the Deployment is not open');
    // The Service's diagnostics depend on the Deployment's file: they are computed again once it is open.
    const serviceAgain = client.nextDiagnostics(service, (p) => !dangling(p));
    await client.open(deployment, MINIMAL_DEPLOYMENT);
    await serviceAgain;

    // The run that published the Service's new diagnostics was scheduled together with any run of the
    // Deployment's file, and runs finish in the order they were scheduled: by the time a file opened
    // now has its diagnostics, a second run of the Deployment's would have published.
    await client.open(configMap, CONFIG_MAP);
    const deploymentRuns = client.published.filter((p) => p.uri === deployment);
    assert.equal(deploymentRuns.length, 1, `the Deployment's file was validated ${deploymentRuns.length} times for one version`);
  });

  it('checks every edit of a client that sends the same version number each time', async () => {
    const uri = 'file:///ws/same-version.yaml';
    const syntax = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.some((d) => d.code === 'yaml-syntax');
    assert.ok(syntax(await client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', 1)));
    // Version 1 again: the edit is not the open, and must be validated like any other.
    const mended = client.nextDiagnostics(uri, (p) => !syntax(p));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 1 },
      contentChanges: [{ text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' }],
    });
    await mended;
  });
});
