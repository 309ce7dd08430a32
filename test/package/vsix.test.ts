// The packaged extension: `npm run package` builds a .vsix that holds only what runs, stays under
// 2 MB, and whose bundles need nothing that is not inside it (no node_modules ship).
// K8SW_VSIX=<path> checks an existing .vsix instead of packaging a fresh one.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { inflateSync } from 'node:zlib';
import { readZip, type ZipEntry } from './zip';

/** Width and height of a complete, uncorrupted PNG (its chunks' CRCs aside, its pixel data inflates to the size the header says). */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
  let width = 0;
  let height = 0;
  let bytesPerPixelRow = 0;
  const idat: Buffer[] = [];
  let ended = false;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[data[9]] ?? 0;
      bytesPerPixelRow = Math.ceil((width * channels * data[8]) / 8);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  assert.ok(ended, 'the PNG is complete (IEND)');
  assert.ok(width > 0 && height > 0, 'a size');
  assert.equal(inflateSync(Buffer.concat(idat)).length, height * (bytesPerPixelRow + 1), 'its pixel data is whole');
  return { width, height };
}

const repo = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const MAX_BYTES = 2 * 1024 * 1024;

/** Everything allowed inside the .vsix (vsce adds the two metadata files and renames readme/license/changelog). */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/THIRD_PARTY_NOTICES\.md$/,
  /^extension\/dist\/[^/]+\.js$/,
  // the Kubernetes API data the server reads on first use (scripts/bundles.mjs API_DATA_FILES)
  /^extension\/dist\/kubernetes-api(-descriptions)?\.json$/,
  /^extension\/snippets\/[^/]+\.code-snippets$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/docs\/.+\.md$/,
  /^extension\/docs\/screenshots\/[^/]+\.png$/,
  /^extension\/images\/icon\.png$/,
];
const REQUIRED: RegExp[] = [
  /^extension\/package\.json$/,
  /^extension\/dist\/extension\.js$/,
  /^extension\/dist\/server\.js$/,
  // the language server itself, which server.js runs on a thread with a large stack
  /^extension\/dist\/serverThread\.js$/,
  /^extension\/dist\/kubernetes-api\.json$/,
  /^extension\/dist\/kubernetes-api-descriptions\.json$/,
  // the server reads the whole-manifest skeletons from it at run time
  /^extension\/snippets\/workloads\.code-snippets$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/changelog\.md$/i,
  // The bundled schema data is generated from the Kubernetes OpenAPI spec (Apache-2.0): its notice ships with it.
  /^extension\/THIRD_PARTY_NOTICES\.md$/,
];
const FORBIDDEN = /(^|\/)(node_modules|src|test|out|\.test-host|\.git|\.ci|scripts|bench)(\/|$)|\.ts$|\.map$/;

describe('the .vsix package', () => {
  let vsixPath: string;
  let entries: ZipEntry[];
  let read: (name: string) => Buffer;

  before(() => {
    if (process.env.K8SW_VSIX) {
      vsixPath = resolve(process.env.K8SW_VSIX);
    } else {
      const started = Date.now();
      const r = spawnSync('npm', ['run', 'package'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
      vsixPath = join(repo, `${manifest.name}-${manifest.version}.vsix`);
      assert.ok(existsSync(vsixPath), `npm run package did not write ${vsixPath}:\n${r.stdout}`);
      assert.ok(statSync(vsixPath).mtimeMs >= started - 2000, `${vsixPath} is stale: npm run package did not rewrite it`);
    }
    ({ entries, read } = readZip(vsixPath));
  });

  it('holds only what runs', () => {
    const names = entries.map((e) => e.name);
    const unexpected = names.filter((n) => !ALLOWED.some((re) => re.test(n)) || FORBIDDEN.test(n.replace(/^extension\//, '')));
    assert.deepEqual(unexpected, [], `unexpected files in the .vsix:\n${unexpected.join('\n')}`);
    for (const re of REQUIRED)
      assert.ok(
        names.some((n) => re.test(n)),
        `missing ${re} in:\n${names.join('\n')}`,
      );
  });

  it('is smaller than 2 MB', () => {
    const size = statSync(vsixPath).size;
    assert.ok(size < MAX_BYTES, `${vsixPath} is ${(size / 1024 / 1024).toFixed(2)} MB`);
    const unpacked = entries.reduce((s, e) => s + e.size, 0);
    assert.ok(unpacked < 4 * MAX_BYTES, `unpacked size ${unpacked} bytes`);
  });

  it('bundles only Latin-1 characters, so V8 keeps their source as one-byte strings (half the memory)', () => {
    for (const bundle of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/serverThread.js']) {
      const text = read(bundle).toString('utf8');
      const wide = [...text].findIndex((ch) => ch.codePointAt(0)! > 0xff);
      assert.equal(wide, -1, `${bundle}: ${JSON.stringify(text.slice(Math.max(0, wide - 40), wide + 10))}`);
    }
  });

  it('its page (the packaged README) shows every image in VS Code: each is a data: image of a whole PNG, or https:', () => {
    const readme = read(entries.find((e) => /^extension\/readme\.md$/i.test(e.name))!.name).toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*\bsrc=["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length >= 5, `the screenshots are on the page (${images.length} images)`);
    for (const src of images) {
      // VS Code's extension page loads only https: and data: images (no file:, no relative paths)
      assert.match(src.slice(0, 40), /^(https:|data:image\/png;base64,)/, 'an image VS Code renders');
      if (src.startsWith('data:')) {
        const { width, height } = pngSize(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
        assert.ok(width >= 200 && height >= 100, `a screenshot, not a dot: ${width}x${height}`);
      }
    }
  });

  it('its page is for users: what it does, how to use it, settings — no developer commands', () => {
    const readme = read(entries.find((e) => /^extension\/readme\.md$/i.test(e.name))!.name).toString('utf8');
    assert.match(readme, /^# Kubernetes Workloads\n\nWrite Kubernetes workload manifests/);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    for (const h of ['What it looks like', 'How to use it', 'Features', 'Settings'])
      assert.ok(headings.includes(h), `## ${h} in ${headings.join(', ')}`);
    for (const h of ['Tests', 'Development', 'Performance', 'Project layout']) assert.ok(!headings.includes(h), `no ## ${h}`);
    assert.doesNotMatch(readme, /npm (ci|test|run build)\b/, 'no set-up commands of the repository');
    // a link into the repository would lead nowhere from the extension page
    const links = [...readme.matchAll(/(?<!!)\[[^\]]+\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      links.filter((l) => !/^(https?:|#)/.test(l)),
      [],
    );
  });

  it('has honest metadata: an icon, a publisher that is not a placeholder, no made-up repository', () => {
    const pkg = JSON.parse(read('extension/package.json').toString('utf8')) as { icon?: string; publisher: string; repository?: unknown };
    assert.ok(pkg.icon, 'an icon');
    const { width, height } = pngSize(read(`extension/${pkg.icon}`));
    assert.ok(width >= 128 && width === height, `a square icon of at least 128 px: ${width}x${height}`);
    assert.equal(pkg.publisher, 'local', 'not on the Marketplace: a local publisher id (README, Development)');
    assert.doesNotMatch(JSON.stringify(pkg), /example\.(invalid|com)/);
    assert.equal(pkg.repository, undefined, 'there is no public repository to name');
  });

  it('has every file its manifest points at', () => {
    const pkg = JSON.parse(read('extension/package.json').toString('utf8'));
    const names = new Set(entries.map((e) => e.name));
    const inVsix = (p: string) => names.has(`extension/${p.replace(/^\.\//, '')}`);
    const referenced: string[] = [pkg.main, ...(pkg.contributes?.snippets ?? []).map((s: { path: string }) => s.path)];
    referenced.push(...(pkg.contributes?.grammars ?? []).map((g: { path: string }) => g.path));
    if (pkg.icon) referenced.push(pkg.icon);
    const missing = referenced.filter((p) => !inVsix(p));
    assert.deepEqual(missing, [], `package.json refers to files the .vsix lacks: ${missing.join(', ')}`);
    assert.equal(pkg.name, manifest.name);
    assert.equal(pkg.version, manifest.version);
  });

  it('bundles every runtime dependency (the JavaScript requires only node built-ins and vscode)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
    for (const e of entries.filter((x) => /^extension\/dist\/.+\.js$/.test(x.name))) {
      const code = read(e.name).toString('utf8');
      // a require call, not the text of one inside a string (ajv keeps `'require("ajv/dist/runtime/…")'` as code for standalone output)
      const required = [...code.matchAll(/(?<![\w$.'"`])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      const external = [...new Set(required.filter((m) => !builtins.has(m) && !m.startsWith('.')))];
      assert.deepEqual(external, [], `${e.name} requires modules that are not in the .vsix: ${external.join(', ')}`);
      const relative = required.filter((m) => m.startsWith('.'));
      for (const rel of relative) {
        const target = join('extension/dist', rel).replace(/\\/g, '/');
        assert.ok(
          [target, `${target}.js`].some((t) => entries.some((x) => x.name === t)),
          `${e.name} requires ${rel}, which is not in the .vsix`,
        );
      }
    }
  });

  it('its language server runs from the unpacked .vsix, with no node_modules anywhere', async () => {
    // unpack outside the repo so module resolution cannot fall back to the repo's node_modules
    const dir = mkdtempSync(join(tmpdir(), 'k8sw-vsix-'));
    try {
      for (const e of entries.filter((x) => x.name.startsWith('extension/') && !x.name.endsWith('/'))) {
        const target = join(dir, e.name);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, read(e.name));
      }
      for (let d = dir; d !== dirname(d); d = dirname(d)) assert.ok(!existsSync(join(d, 'node_modules')), `${d}/node_modules exists`);
      const env = { ...process.env };
      delete env.NODE_PATH;
      delete env.NODE_OPTIONS;
      const child = spawn(process.execPath, [join(dir, 'extension/dist/server.js'), '--stdio'], { cwd: dir, env });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      const uri = 'untitled:deployment.yaml';
      const diagnostics = new Promise<PublishDiagnosticsParams>((r) =>
        connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
          if (p.uri === uri && p.diagnostics.length > 0) r(p);
        }),
      );
      connection.listen();
      try {
        await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
        await connection.sendNotification(InitializedNotification.type, {});
        const text = [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          'spec:',
          '  replicass: 2',
          '  selector:',
          '    matchLabels: { app: web }',
          '  template:',
          '    metadata:',
          '      labels: { app: web }',
          '    spec:',
          '      containers:',
          '        - name: web',
          '          image: nginx:1.27.3',
          '',
        ].join('\n');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'yaml', version: 1, text },
        });
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no diagnostics within 20 s; server stderr:\n${stderr}`)), 20_000).unref(),
        );
        const published = await Promise.race([diagnostics, timeout]);
        const codes = published.diagnostics.map((d) => (typeof d.code === 'object' ? JSON.stringify(d.code) : d.code));
        assert.ok(codes.includes('unknown-field'), `expected unknown-field for "replicass", got ${JSON.stringify(codes)}`);
        const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? [];
        assert.deepEqual(
          symbols.map((x) => x.name),
          ['Deployment web'],
        );
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        assert.equal(await exited, 0, stderr);
        assert.doesNotMatch(stderr, /Cannot find module/);
      } finally {
        connection.dispose();
        child.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
