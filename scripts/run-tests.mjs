// Runs node's built-in test runner over every *.test.ts below the given folders (node 20 does
// not expand globs itself), with tsx as the TypeScript loader.
// In CI (the CI environment variable set, as .ci/run and CI services do) a skipped or todo test
// fails the run: a layer that quietly tests less must not pass as green.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir) {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return find(p);
    return p.endsWith('.test.ts') ? [p] : [];
  });
}
const files = process.argv.slice(2).flatMap(find).sort();
if (files.length === 0) {
  console.error('no test files found under', process.argv.slice(2).join(' '));
  process.exit(1);
}
const reporter = process.env.TEST_REPORTER ?? 'spec';
// A second reporter writes TAP to a file, whose summary says how many tests were skipped.
const tapDir = mkdtempSync(join(tmpdir(), 'k8sw-tests-'));
const tap = join(tapDir, 'results.tap');
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-reporter=${reporter}`,
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
let status = r.status ?? 1;
const summary = readFileSync(tap, 'utf8');
rmSync(tapDir, { recursive: true, force: true });
const count = (name) => Number([...summary.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
const skipped = count('skipped') + count('todo');
if (skipped > 0 && process.env.CI && process.env.CI !== 'false') {
  console.error(`run-tests: ${skipped} test(s) skipped or todo in CI (CI=${process.env.CI}): a skip fails CI`);
  if (status === 0) status = 1;
}
process.exit(status);
