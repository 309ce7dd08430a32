// The project file `.k8s-workloads.yaml` over LSP, with real folders on disk: it is read before
// the first diagnostics of a file are published, a change to it (on disk, or typed in the editor)
// applies to every open document at once, `ignore`d files get no diagnostics, and what it sets wins
// over the editor's settings while the settings still apply to what it does not set.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  CompletionRequest,
  type PublishDiagnosticsParams,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from './lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;
// a field Kubernetes 1.32 added (pod-level resources): unknown to 1.31
const POD_LEVEL_RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  resources:
    limits:
      cpu: "1"
  containers:
  - name: app
    image: nginx:1.27
`;
const text = (m: string | MarkupContent) => (typeof m === 'string' ? m : m.value);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const severity = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;
const PULLING = {
  ...DEFAULT_CAPABILITIES,
  workspace: {
    configuration: true,
    workspaceFolders: false,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
  },
};

describe('protocol: the project file .k8s-workloads.yaml', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'k8sw-config-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh repository: `.git`, the project file (when given) and the files. */
  function repo(
    name: string,
    files: Record<string, string>,
  ): { dir: string; uri: (rel: string) => string; write: (rel: string, text: string) => void } {
    const dir = path.join(root, name);
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    };
    for (const [rel, text] of Object.entries(files)) write(rel, text);
    return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).toString(), write };
  }

  async function withServer(
    folder: string,
    rules: Record<string, string> | (() => Record<string, string>),
    body: (client: TestClient) => Promise<void>,
    kubernetesVersion?: string,
  ): Promise<void> {
    const client = await startServer({
      capabilities: PULLING,
      rootUri: pathToFileURL(folder).toString(),
      settings: (section) =>
        section === 'k8sWorkloads' ? { rules: typeof rules === 'function' ? rules() : rules, kubernetesVersion } : null,
    });
    try {
      await body(client);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  }

  it('is read before the first diagnostics: a rule it turns off is never published, one it raises is an error at once', async () => {
    const r = repo('first', {
      '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n  missing-resources: error\n',
      'apps/web/pod.yaml': POD,
    });
    // opened from a folder below the project file's, as the first thing after start
    await withServer(r.dir, {}, async (client) => {
      const uri = r.uri('apps/web/pod.yaml');
      const p = await client.open(uri, POD);
      assert.ok(!codes(p).includes('image-tag'), codes(p).join(', '));
      assert.equal(severity(p, 'missing-resources'), 1);
      assert.deepEqual(
        client.published.filter((x) => x.uri === uri && codes(x).includes('image-tag')),
        [],
        'never published and withdrawn',
      );
    });
  });

  it('is found above the workspace folder up to the repository root, and not above it', async () => {
    const outer = repo('outer', { '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n' });
    // a repository inside: the outer project file is not its own
    const inner = repo('outer/inner', { 'k8s/pod.yaml': POD });
    const above = repo('above', { '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n', 'k8s/pod.yaml': POD });
    await withServer(path.join(above.dir, 'k8s'), {}, async (client) => {
      assert.ok(!codes(await client.open(above.uri('k8s/pod.yaml'), POD)).includes('image-tag'), 'the repository root’s file applies');
    });
    await withServer(inner.dir, {}, async (client) => {
      assert.ok(codes(await client.open(inner.uri('k8s/pod.yaml'), POD)).includes('image-tag'), 'not past the repository root');
    });
    assert.ok(outer.dir);
  });

  it('a change on disk (created, changed, deleted) applies to every open document at once', async () => {
    const r = repo('change', { 'a.yaml': POD, 'b/b.yaml': POD.replace('name: web', 'name: other') });
    await withServer(r.dir, {}, async (client) => {
      const a = r.uri('a.yaml');
      const b = r.uri('b/b.yaml');
      assert.ok(codes(await client.open(a, POD)).includes('image-tag'));
      assert.ok(codes(await client.open(b, POD.replace('name: web', 'name: other'))).includes('image-tag'));
      const notify = (type: FileChangeType) =>
        client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [{ uri: r.uri('.k8s-workloads.yaml'), type }],
        });

      r.write('.k8s-workloads.yaml', 'rules:\n  image-tag: off\n');
      let next = [a, b].map((uri) => client.nextDiagnostics(uri, (p) => !codes(p).includes('image-tag')));
      await notify(FileChangeType.Created);
      await Promise.all(next);

      r.write('.k8s-workloads.yaml', 'rules:\n  image-tag: error\n');
      next = [a, b].map((uri) => client.nextDiagnostics(uri, (p) => severity(p, 'image-tag') === 1));
      await notify(FileChangeType.Changed);
      await Promise.all(next);

      unlinkSync(path.join(r.dir, '.k8s-workloads.yaml'));
      next = [a, b].map((uri) => client.nextDiagnostics(uri, (p) => severity(p, 'image-tag') === 2));
      await notify(FileChangeType.Deleted);
      await Promise.all(next);
    });
  });

  it('typed in the editor, it applies as it is typed (before saving); closed unsaved, the disk is the truth again', async () => {
    const r = repo('typed', { '.k8s-workloads.yaml': '', 'pod.yaml': POD });
    await withServer(r.dir, {}, async (client) => {
      const pod = r.uri('pod.yaml');
      const config = r.uri('.k8s-workloads.yaml');
      assert.ok(codes(await client.open(pod, POD)).includes('image-tag'));
      assert.deepEqual((await client.open(config, '')).diagnostics, []);
      const off = client.nextDiagnostics(pod, (p) => !codes(p).includes('image-tag'));
      const own = await client.change(config, 2, [{ text: 'rules:\n  image-tag: off\n  job-deadlin: off\n' }]);
      await off;
      // its own diagnostics, not a manifest's
      assert.deepEqual(codes(own), ['config-unknown-rule']);
      assert.deepEqual(own.diagnostics[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
      const back = client.nextDiagnostics(pod, (p) => codes(p).includes('image-tag'));
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: config } });
      await back;
    });
  });

  it('deleted on disk while open in an editor, it no longer applies', async () => {
    const r = repo('deleted-open', { '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n', 'pod.yaml': POD });
    await withServer(r.dir, {}, async (client) => {
      const pod = r.uri('pod.yaml');
      const config = r.uri('.k8s-workloads.yaml');
      assert.ok(!codes(await client.open(pod, POD)).includes('image-tag'));
      await client.open(config, 'rules:\n  image-tag: off\n');
      unlinkSync(path.join(r.dir, '.k8s-workloads.yaml'));
      const back = client.nextDiagnostics(pod, (p) => severity(p, 'image-tag') === 2);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: config, type: FileChangeType.Deleted }],
      });
      await back;
    });
  });

  it('ignored files get no diagnostics; the others do; the project file names its own problems even when it is not open', async () => {
    const r = repo('ignore', {
      '.k8s-workloads.yaml': 'ignore:\n  - generated/\n  - "*.tmpl.yaml"\nrulez: {}\n',
      'generated/pod.yaml': POD,
      'app/x.tmpl.yaml': POD,
      'app/pod.yaml': POD,
    });
    await withServer(r.dir, {}, async (client) => {
      const configProblems = client.nextDiagnostics(r.uri('.k8s-workloads.yaml'));
      assert.deepEqual((await client.open(r.uri('generated/pod.yaml'), POD)).diagnostics, []);
      assert.deepEqual((await client.open(r.uri('app/x.tmpl.yaml'), POD)).diagnostics, []);
      assert.ok(codes(await client.open(r.uri('app/pod.yaml'), POD)).includes('image-tag'));
      const p = await configProblems;
      assert.deepEqual(
        p.diagnostics.map((d) => [d.code, text(d.message), d.range.start.line]),
        [
          [
            'config-unknown-key',
            'Unknown key "rulez" — did you mean "rules"? The keys are kubernetesVersion, rules, customResourceDefinitions or ignore.',
            3,
          ],
        ],
      );
    });
  });

  it('precedence: the file wins over the settings for what it sets; the settings apply to the rest', async () => {
    const r = repo('precedence', {
      '.k8s-workloads.yaml': 'kubernetesVersion: "1.31"\nrules:\n  image-tag: hint\n',
      'pod.yaml': POD,
      'sized.yaml': POD_LEVEL_RESOURCES,
    });
    await withServer(
      r.dir,
      { 'image-tag': 'off', 'missing-resources': 'error' },
      async (client) => {
        const p = await client.open(r.uri('pod.yaml'), POD);
        assert.equal(severity(p, 'image-tag'), 4, 'the file’s hint, not the setting’s off');
        assert.equal(severity(p, 'missing-resources'), 1, 'the setting’s error, which the file does not set');
        // the file's 1.31, not the setting's 1.35: pod-level resources are unknown there
        const sized = await client.open(r.uri('sized.yaml'), POD_LEVEL_RESOURCES);
        assert.ok(
          sized.diagnostics.some(
            (d) => d.code === 'unknown-field' && /in Kubernetes 1\.31: it arrives in Kubernetes 1\.32/.test(text(d.message)),
          ),
          sized.diagnostics.map((d) => text(d.message)).join('\n'),
        );
        // what the status bar shows: the release of a document, and the project file that sets it
        assert.deepEqual(
          await client.connection.sendRequest('k8sWorkloads/kubernetesVersion', { textDocument: { uri: r.uri('pod.yaml') } }),
          {
            version: '1.31',
            projectFile: r.uri('.k8s-workloads.yaml'),
          },
        );
        assert.deepEqual(
          await client.connection.sendRequest('k8sWorkloads/kubernetesVersion', { textDocument: { uri: 'untitled:Untitled-1' } }),
          {
            version: '1.31',
            projectFile: r.uri('.k8s-workloads.yaml'),
          },
          'an untitled document gets the workspace folder’s project file',
        );
      },
      '1.35',
    );
  });

  it('completion and hover in the project file', async () => {
    const r = repo('features', { '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n' });
    await withServer(r.dir, {}, async (client) => {
      const uri = r.uri('.k8s-workloads.yaml');
      await client.open(uri, 'rules:\n  image-tag: off\n');
      const list = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 13 },
      });
      const labels = (Array.isArray(list) ? list : (list?.items ?? [])).map((i) => i.label);
      assert.deepEqual(labels, ['error', 'warning', 'information', 'hint', 'off']);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
      assert.match((hover?.contents as MarkupContent).value, /`image-tag`, default `warning`/);
    });
  });
});
