// Deeply nested documents (issue 14 item 6). A valid block map nested 2,000 levels used to get a
// false syntax error "Maximum call stack size exceeded": the `yaml` package reads nesting
// recursively and Node's default stack holds ~900 levels. The server and the CLI now work on a
// thread with a large stack (server/src/largeStack.ts), so such a document is read like any other;
// a document nested past 10,000 levels is not read at all and says so in one message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { startServer, type TestClient } from './lspClient';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
const LEVELS = 2000;

/** Plain YAML: `root:` and a block map nested LEVELS levels, each one space deeper. */
const deepYaml =
  'root:\n' + Array.from({ length: LEVELS }, (_v, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('') + `${' '.repeat(LEVELS + 1)}leaf: 1\n`;
/** A ConfigMap with that map under a field ConfigMaps do not have: one real finding, on line 5. */
const deepConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n' + deepYaml.replace(/^root:/, 'extra:');
/** Sequences nested 100,000 levels in flow style (200 KB): far past what anything should read. */
const absurd = `root: ${'['.repeat(100_000)}1${']'.repeat(100_000)}\n`;

const TOO_DEEP = /^Nesting too deep to analyse: this document nests mappings or sequences more than 10,000 levels deep/;

describe('protocol: deeply nested documents', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it(`a valid ${LEVELS}-level block map: no diagnostics`, async () => {
    const p = await client.open('untitled:deep-plain', deepYaml);
    assert.deepEqual(
      p.diagnostics.map((d) => d.message),
      [],
    );
  });

  it(`a ConfigMap holding a ${LEVELS}-level map: only the real finding; hover and completion answer`, async () => {
    const uri = 'untitled:deep-configmap';
    const p = await client.open(uri, deepConfigMap);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [['unknown-field', 4, '`extra` is not a field of ConfigMap in the Kubernetes 1.35 API.']],
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(JSON.stringify(hover?.contents), /ConfigMap/, 'the kind: hover, in a document the parser read whole');
    // The deepest line: completion there answers (nothing to offer in a map the API does not describe), no error.
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 4 + LEVELS + 1, character: LEVELS + 1 },
    });
    assert.ok(completion !== undefined);
  });

  it('nesting 100,000 levels deep: one clear message, no syntax error, and the server goes on', async () => {
    const p = await client.open('untitled:deep-absurd', absurd);
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    const [d] = p.diagnostics;
    assert.equal(d.code, 'nesting-too-deep');
    assert.equal(d.severity, 3, 'information: nothing wrong was found, nothing was checked');
    assert.match(String(d.message), TOO_DEEP);
    assert.deepEqual(
      d.range,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 200 } },
      'its first line, up to 200 characters',
    );
    // Still serving.
    const after = await client.open('untitled:deep-after', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata:\n  a: b\n');
    assert.deepEqual(after.diagnostics, []);
  });
});

describe('CLI: deeply nested documents', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-deep-'));
    fs.writeFileSync(path.join(dir, 'deep.yaml'), deepYaml);
    fs.writeFileSync(path.join(dir, 'deep-configmap.yaml'), deepConfigMap);
    fs.writeFileSync(path.join(dir, 'absurd.yaml'), absurd);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`${LEVELS} levels: only the real finding; past 10,000: one message; exit 1 for the finding`, () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    const findings = (JSON.parse(r.stdout) as { file: string; line: number; ruleId: string; severity: string; message: string }[]).map(
      (f) => [path.basename(f.file), f.line, f.ruleId, f.severity, f.message.replace(/ \(.*$/, '')],
    );
    assert.deepEqual(findings, [
      ['absurd.yaml', 1, 'nesting-too-deep', 'info', findings[0][4]],
      ['deep-configmap.yaml', 5, 'unknown-field', 'error', '`extra` is not a field of ConfigMap in the Kubernetes 1.35 API.'],
    ]);
    assert.match(String(findings[0][4]), TOO_DEEP);
    assert.equal(r.status, 1);
  });
});
