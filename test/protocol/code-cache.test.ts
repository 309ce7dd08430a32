// The V8 code cache of the server's bundle (server/src/codeCache.ts), in the folder the client
// names with --code-cache-dir, as the extension starts the server: written by the first start,
// used (not rewritten) by the next, replaced when it is damaged, and never a reason for the server
// not to start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER } from './lspClient';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});
const SHUTDOWN = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
const EXIT = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Starts the server with `--code-cache-dir dir`, initializes it, shuts it down; resolves when it has exited. */
function startAndStop(dir: string): Promise<{ code: number | null; initialized: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER, '--stdio', '--code-cache-dir', dir]);
    let out = '';
    let stderr = '';
    let initialized = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!initialized && out.includes('"capabilities"')) {
        initialized = true;
        child.stdin.write(frame(SHUTDOWN) + frame(EXIT));
      }
    });
    child.on('exit', (code) => resolve({ code, initialized, stderr }));
    child.stdin.write(frame(INITIALIZE));
  });
}

const caches = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('server-code-cache-') && f.endsWith('.bin'));

describe('code cache', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'k8sw-code-cache-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is written by the first start, then used by the next without being written again', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'fresh', 'not-yet-made');
    const first = await startAndStop(dir);
    assert.deepEqual([first.code, first.initialized, first.stderr], [0, true, '']);
    const [file] = caches(dir);
    assert.ok(file, 'a cache file after the first start');
    const written = statSync(path.join(dir, file));
    // the compiled code of a 1 MB bundle, not an empty or truncated file
    assert.ok(written.size > 100_000, `cache size ${written.size}`);
    const second = await startAndStop(dir);
    assert.deepEqual([second.code, second.initialized, second.stderr], [0, true, '']);
    assert.deepEqual(caches(dir), [file]);
    assert.equal(statSync(path.join(dir, file)).mtimeMs, written.mtimeMs, 'a cache that fits is used, not written again');
  });

  it('is replaced when damaged; caches of other builds go, other files stay', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'damaged');
    await startAndStop(dir);
    const [file] = caches(dir);
    writeFileSync(path.join(dir, file), 'not a code cache');
    writeFileSync(path.join(dir, 'server-code-cache-0123456789abcdef0123.bin'), 'an older build');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const run = await startAndStop(dir);
    assert.deepEqual([run.code, run.initialized, run.stderr], [0, true, '']);
    assert.deepEqual(caches(dir), [file]);
    assert.ok(readFileSync(path.join(dir, file)).length > 100_000, 'the damaged cache was written anew');
    assert.equal(readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'mine');
  });

  it('that cannot be written costs a line on stderr, not the server', { timeout: 60_000 }, async () => {
    const blocker = path.join(root, 'a-file');
    writeFileSync(blocker, '');
    const run = await startAndStop(path.join(blocker, 'cache'));
    assert.equal(run.code, 0);
    assert.ok(run.initialized);
    assert.match(run.stderr, /^Code cache not written to .*a-file\/cache \(start-up stays slower\): ENOTDIR/);
  });
});
