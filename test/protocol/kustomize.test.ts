// Kustomize patches end to end: the language server over stdio (a workspace folder holding the
// kustomization; a single file opened with no folder) and the CLI over test/fixtures/kustomize.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from './lspClient';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'kustomize');
const CLI = join(ROOT, 'dist', 'cli.js');

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();
/** The patch's only real problem is the `replica` typo. */
const onlyTypo = (p: PublishDiagnosticsParams) => codes(p).join() === 'unknown-field';
const judgedWhole = (p: PublishDiagnosticsParams) => codes(p).includes('missing-required-field');

describe('protocol: a Kustomize patch in a workspace folder', () => {
  let client: TestClient;
  let root: string;
  let patchUri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'k8s-kustomize-'));
    cpSync(FIXTURE, root, { recursive: true });
    patchUri = pathToFileURL(join(root, 'overlays', 'prod', 'replicas.yaml')).toString();
    client = await startServer({
      rootUri: pathToFileURL(root).toString(),
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        workspace: { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('opening the patch: no missing-required-field, the typo still reported', async () => {
    const clean = client.nextDiagnostics(patchUri, onlyTypo);
    await client.open(patchUri, readFileSync(join(root, 'overlays', 'prod', 'replicas.yaml'), 'utf8'));
    const p = await clean;
    const message = p.diagnostics[0].message;
    assert.match(
      typeof message === 'string' ? message : message.value,
      /`replica` is not a field of Deployment\.spec\. Did you mean `replicas`\?/,
    );
  });

  it('deleting the kustomization file brings the whole-manifest diagnostics back', async () => {
    const whole = client.nextDiagnostics(patchUri, judgedWhole);
    const kUri = pathToFileURL(join(root, 'overlays', 'prod', 'kustomization.yaml')).toString();
    rmSync(join(root, 'overlays', 'prod', 'kustomization.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: kUri, type: 3 }] });
    const p = await whole;
    assert.ok(codes(p).includes('unknown-field'));
  });
});

describe('protocol: a patch opened on its own (no workspace folder)', () => {
  let client: TestClient;

  before(async () => {
    client = await startServer({ rootUri: null });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('looks for the kustomization file in the patch’s directory and validates again', async () => {
    const file = join(FIXTURE, 'overlays', 'prod', 'memory.yaml');
    const uri = pathToFileURL(file).toString();
    // The first answer waits for the look into the directory: the kustomization file beside it
    // makes the file a patch, and nothing is published that would be taken back.
    const first = client.nextDiagnostics(uri);
    await client.open(uri, readFileSync(file, 'utf8'));
    assert.deepEqual(codes(await first), []);
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map(codes), [[]], 'one publication, clean');
  });
});

describe('protocol: a patch opened while the workspace is still being indexed', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'k8s-kustomize-busy-'));
    cpSync(FIXTURE, root, { recursive: true });
    // enough files that the crawl is still reading when the patch opens
    const many = join(root, 'many');
    mkdirSync(many);
    const deployment = readFileSync(join(FIXTURE, 'base', 'deployment.yaml'), 'utf8');
    for (let i = 0; i < 1500; i++) writeFileSync(join(many, `app-${i}.yaml`), deployment.replace(/name: web\b/g, `name: web-${i}`));
    client = await startServer({ rootUri: pathToFileURL(root).toString() });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes nothing for the patch before the index has read its kustomization: the first diagnostics are the final ones', async () => {
    const file = join(root, 'overlays', 'prod', 'replicas.yaml');
    const uri = pathToFileURL(file).toString();
    const first = client.nextDiagnostics(uri);
    await client.open(uri, readFileSync(file, 'utf8'));
    assert.deepEqual(codes(await first), ['unknown-field'], 'only the typo, never missing-required-field');
    const change = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: readFileSync(file, 'utf8').replace('replica:', 'replicas:') }],
    });
    assert.deepEqual(codes(await change), []);
    assert.ok(!client.published.some((p) => p.uri === uri && judgedWhole(p)), 'no publication judged it a whole manifest');
  });
});

describe('CLI: k8s-workloads lint on a kustomize tree', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('the whole tree: only the real problem (the typo in a patch), not the patches as whole manifests', () => {
    const r = run(['lint', 'test/fixtures/kustomize', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as { file: string; ruleId: string; line: number }[]).map((d) => `${d.file}:${d.line} ${d.ruleId}`);
    assert.deepEqual(found, [`${join('test', 'fixtures', 'kustomize', 'overlays', 'prod', 'replicas.yaml')}:7 unknown-field`]);
  });

  it('patch files named on their own use the kustomization file beside them or above them', () => {
    const r = run([
      'lint',
      'test/fixtures/kustomize/overlays/prod/memory.yaml',
      'test/fixtures/kustomize/overlays/prod/add-label.yaml',
      'test/fixtures/kustomize/overlays/staging/patches/service.yaml',
    ]);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /3 files checked: 0 error\(s\), 0 warning\(s\), 0 info\./);
  });

  it('the same patch copied out of the tree is judged as a whole manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-kustomize-cli-'));
    try {
      cpSync(join(FIXTURE, 'overlays', 'prod', 'memory.yaml'), join(dir, 'memory.yaml'));
      const r = run(['lint', join(dir, 'memory.yaml')]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /missing-required-field/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
