// The README's first command, on a fresh clone, twice: `npm run build` rewrites dist/ and the
// second `npx k8s-workloads lint` must still run (it failed with `Permission denied`, exit 127,
// when a rebuild wrote dist/cli.js without its execute bit and npx reused its link).
// The fresh clone is a copy of the files git tracks (no dist/, nothing ignored) with the repo's
// node_modules linked in, which is what `npm ci`, the command's first step, would produce.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');

/** The first line of the README's first shell block, without its comment. */
function readmeFirstCommand(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /```sh\n([^\n]*)\n/.exec(readme);
  assert.ok(block, 'README.md has a ```sh block');
  return block[1].replace(/\s+#.*$/, '').trim();
}

function cloneLikeCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-clone-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    const to = path.join(dir, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe("README's first command on a fresh clone", () => {
  let dir: string;
  const command = readmeFirstCommand();
  before(() => {
    dir = cloneLikeCopy();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts with npm ci and then builds and lints with npx', () => {
    assert.match(command, /^npm ci && npm run build && npx k8s-workloads lint \S+$/);
  });

  for (const round of ['the first time', 'the second time, after a rebuild']) {
    it(`runs ${round}: exit 1 (the examples have mistakes), never "Permission denied"`, () => {
      assert.ok(!fs.existsSync(path.join(dir, 'dist')) || round !== 'the first time', 'a fresh clone has no dist/');
      // `npm ci` is the step the linked node_modules stands for: it would empty the repo's own.
      const rest = command.replace(/^npm ci && /, '');
      const r = spawnSync('sh', ['-c', rest], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
      assert.doesNotMatch(r.stderr, /Permission denied/);
      assert.equal(r.status, 1, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /\d+ files checked: \d+ error\(s\)/);
      assert.equal(fs.statSync(path.join(dir, 'dist', 'cli.js')).mode & 0o111, 0o111, 'dist/cli.js is executable');
    });
  }
});
