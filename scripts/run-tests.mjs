// Runs node's built-in test runner over every *.test.ts below the given folders (node 20 does
// not expand globs itself), with tsx as the TypeScript loader.
//
// All the files run in ONE process, through a generated entry file that imports them in order:
// node's runner would otherwise start a process per file, and loading tsx and the service ~100
// times costs minutes of CPU on a 2-core machine (about 10 minutes against under 2 on a loaded
// one). The test files keep no state between them (each builds its own language service).
// `TEST_ISOLATION=process` runs them one process per file, as node does by default.
//
// In CI (the CI environment variable set, as .ci/run and CI services do) a skipped or todo test
// fails the run: a layer that quietly tests less must not pass as green.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
const dir = mkdtempSync(join(tmpdir(), 'k8sw-tests-'));
let entries = files;
if (process.env.TEST_ISOLATION !== 'process' && files.length > 1) {
  const entry = join(dir, 'all.test.mjs');
  writeFileSync(entry, files.map((f) => `import ${JSON.stringify(pathToFileURL(resolve(f)).href)};`).join('\n') + '\n');
  entries = [entry];
}
// A second reporter writes TAP to a file, whose summary says how many tests were skipped.
const tap = join(dir, 'results.tap');
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
    ...entries,
  ],
  { stdio: 'inherit' },
);
let status = r.status ?? 1;
const summary = readFileSync(tap, 'utf8');
rmSync(dir, { recursive: true, force: true });
const count = (name) => Number([...summary.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
const skipped = count('skipped') + count('todo');
if (skipped > 0 && process.env.CI && process.env.CI !== 'false') {
  console.error(`run-tests: ${skipped} test(s) skipped or todo in CI (CI=${process.env.CI}): a skip fails CI`);
  if (status === 0) status = 1;
}
process.exit(status);
