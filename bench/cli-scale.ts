// npx tsx bench/cli-scale.ts: the command line over one file of N same-named Services (every
// document after the first is a duplicate-name error), N = 5,000, 10,000 and 20,000 — issue 14,
// item 10 measured 2.8 s and 15.7 s for 5k and 20k before service-not-headless stopped scanning
// the whole file per Service. Wall time and peak resident memory of `node dist/cli.js lint` (run
// `npm run build` first); linear means the 20k time is about 4× the 5k time minus start-up.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: same\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-scale-'));
try {
  console.log('documents  size      time     peak RSS  problems shown');
  for (const n of (process.env.BENCH_SIZES ?? '1,5000,10000,20000').split(',').map(Number)) {
    const file = path.join(dir, `services-${n}.yaml`);
    fs.writeFileSync(file, Array.from({ length: n }, () => SERVICE).join('---\n'));
    const started = process.hrtime.bigint();
    // GNU time's %M: peak resident set of the CLI process
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'lint', file, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rssKb = Number(r.stderr.trim().split('\n').pop());
    const shown = (JSON.parse(r.stdout) as unknown[]).length;
    console.log(
      `${String(n).padStart(9)}  ${(fs.statSync(file).size / 1e6).toFixed(1).padStart(4)} MB  ${seconds.toFixed(2).padStart(5)} s  ${(rssKb / 1024).toFixed(0).padStart(5)} MB  ${shown}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
