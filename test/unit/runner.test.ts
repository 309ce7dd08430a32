// scripts/run-tests.mjs, which every node:test layer runs through: in CI a skipped test fails the
// layer (a layer that quietly tests less must not pass as green); outside CI a skip is reported only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../..');
const fixtures = join(repo, 'test/fixtures/runner');

function runLayer(file: string, ci: string | undefined): { status: number | null; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_REPORTER: 'dot' };
  delete env.CI;
  // node --test sets these for its children; the nested runner must start fresh
  delete env.NODE_TEST_CONTEXT;
  if (ci !== undefined) env.CI = ci;
  const r = spawnSync(process.execPath, [join(repo, 'scripts/run-tests.mjs'), join(fixtures, file)], { cwd: repo, env, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('scripts/run-tests.mjs', () => {
  const table: { file: string; ci: string | undefined; status: number; message?: RegExp }[] = [
    { file: 'one-skip.fixture.ts', ci: 'true', status: 1, message: /1 test\(s\) skipped or todo in CI/ },
    { file: 'one-skip.fixture.ts', ci: '1', status: 1, message: /skipped or todo in CI/ },
    { file: 'one-skip.fixture.ts', ci: undefined, status: 0 },
    { file: 'one-skip.fixture.ts', ci: 'false', status: 0 },
    { file: 'all-pass.fixture.ts', ci: 'true', status: 0 },
  ];
  for (const { file, ci, status, message } of table) {
    it(`${file} with CI=${ci ?? '(unset)'} exits ${status}`, () => {
      const r = runLayer(file, ci);
      assert.equal(r.status, status, r.stderr);
      if (message) assert.match(r.stderr, message);
      else assert.doesNotMatch(r.stderr, /skipped or todo in CI/);
    });
  }
});
