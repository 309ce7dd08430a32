// npx tsx bench/start-floor.ts [runs]: how fast can any Node.js language server start here?
//
// #10 asks for start → initialized at least 4× faster than yaml-language-server's. This measures
// that target's floor on the machine at hand: a server that does nothing but answer `initialize`
// (bench/start-floor-stub.js: no libraries, no schemas), started with the same `node` and timed the
// same way as bench/run.ts times every server (spawn → initialize result), once on Node's main
// thread and once answering from a worker thread as ours does (server/src/largeStack.ts) — beside
// our server and the two yaml-language-server releases, alternating, median of `runs` starts each.
// When the stub itself is not 4× faster than a peer, no real server can be.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER, startServer } from '../test/protocol/lspClient';
import { serverArgs } from '../client/src/serverOptions';

const ROOT = path.join(__dirname, '..');
const STUB = path.join(__dirname, 'start-floor-stub.js');
const runs = Number(process.argv[2] ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const yamlls = (pkg: string) => path.join(ROOT, 'node_modules', pkg, 'bin', 'yaml-language-server');
const version = (pkg: string) =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

void (async () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-start-floor-'));
  const servers: { label: string; command: string[] }[] = [
    { label: 'stub: answers initialize, nothing else (main thread)', command: [process.execPath, STUB, '--stdio'] },
    { label: 'stub, answering from a 64 MB-stack worker thread', command: [process.execPath, STUB, '--stdio', '--worker'] },
    { label: 'k8s-workloads', command: [process.execPath, SERVER, '--stdio', ...serverArgs(cache)] },
    {
      label: `yaml-language-server ${version('yaml-language-server-2')}`,
      command: [process.execPath, yamlls('yaml-language-server-2'), '--stdio'],
    },
    {
      label: `yaml-language-server ${version('yaml-language-server')}`,
      command: [process.execPath, yamlls('yaml-language-server'), '--stdio'],
    },
  ];
  const times = servers.map(() => [] as number[]);
  // Run 0 is not counted: it fills our code cache and the OS's file cache.
  for (let run = 0; run <= runs; run++)
    for (let i = 0; i < servers.length; i++) {
      const t = performance.now();
      const client = await startServer({ command: servers[i].command });
      if (run > 0) times[i].push(performance.now() - t);
      await client.stop();
    }
  fs.rmSync(cache, { recursive: true, force: true });
  const peers = servers.slice(3).map((s, i) => ({ label: s.label, ms: median(times[i + 3]) }));
  console.log(`start → initialized, medians of ${runs} alternating starts (Node.js ${process.version}):`);
  servers.forEach((s, i) => {
    const ms = median(times[i]);
    const ratios = peers.map((p) => `${(p.ms / ms).toFixed(1)}× vs ${p.label.replace('yaml-language-server ', '')}`).join(', ');
    console.log(`  ${s.label}: ${ms.toFixed(0)} ms${i < 3 ? ` (${ratios})` : ''}`);
  });
  for (const p of peers) console.log(`4× faster than ${p.label} means ≤ ${(p.ms / 4).toFixed(0)} ms.`);
})();
