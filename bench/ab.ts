// npx tsx bench/ab.ts: an A/B of our server alone — start → initialized and open → first diagnostics
// of fresh servers, variants alternating so that a noisy moment of the machine hits each alike. For
// a change of code or of V8 flags whose effect is smaller than the swing between two runs of
// `npm run bench` (on these machines, ±20%: compare the medians here, and rerun before believing
// a difference of a few per cent).
//
//   npx tsx bench/ab.ts <file.yaml> '<variants as JSON>' [runs]
//
// Each variant is a list of node flags, and optionally the path of another build's server.js
// (copy `dist/` elsewhere first: the bundle reads its API data beside it):
//   npx tsx bench/ab.ts bench/results/workload-findings-500.yaml \
//     '[[], ["/tmp/before/dist/server.js"], ["--maglev"]]' 9
// A workload file is written by `npm run bench` (bench/results/workload-<shape>-<docs>.yaml). Each
// server gets a code cache folder of its variant, filled by an unmeasured first start.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, startServer } from '../test/protocol/lspClient';

const [file, variantsJson, runsArg] = process.argv.slice(2);
if (!file || !variantsJson) {
  console.error('usage: npx tsx bench/ab.ts <file.yaml> \'[["--flag"], ["--flag", "/other/dist/server.js"]]\' [runs]');
  process.exit(2);
}
const variants = JSON.parse(variantsJson) as string[][];
const runs = Number(runsArg ?? 7);
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(path.resolve(file)).toString();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function measure(variant: string[], codeCache: string): Promise<{ start: number; open: number }> {
  const server = variant.find((a) => a.endsWith('.js')) ?? SERVER;
  const flags = variant.filter((a) => !a.endsWith('.js'));
  const t0 = performance.now();
  const client = await startServer({
    diagnosticsTimeoutMs: 300_000,
    command: [process.execPath, ...flags, server, '--stdio', '--code-cache-dir', codeCache],
  });
  const start = performance.now() - t0;
  const t1 = performance.now();
  await client.open(uri, text, 1);
  const open = performance.now() - t1;
  await client.stop();
  return { start, open };
}

void (async () => {
  const caches = variants.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-ab-code-cache-')));
  const figures = variants.map(() => ({ start: [] as number[], open: [] as number[] }));
  for (let run = 0; run <= runs; run++)
    for (let v = 0; v < variants.length; v++) {
      const m = await measure(variants[v], caches[v]);
      if (run === 0) continue; // the first start compiles the bundle and writes the cache
      figures[v].start.push(m.start);
      figures[v].open.push(m.open);
    }
  console.log(`${path.basename(file)}, medians of ${runs} alternating fresh starts (ms):`);
  variants.forEach((variant, v) => {
    const f = figures[v];
    console.log(
      `${JSON.stringify(variant)}: start ${median(f.start).toFixed(0)}, open ${median(f.open).toFixed(0)} (each: ${f.open.map((x) => x.toFixed(0)).join(' ')})`,
    );
  });
  for (const c of caches) fs.rmSync(c, { recursive: true, force: true });
})();
