// The command line as CI uses it: dist/cli.js over files and folders, its formats and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT, options: { uid?: number; gid?: number } = {}) {
  // A hang (a FIFO read, a link loop walked forever) fails the test instead of stalling the run.
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  assert.equal(r.signal, null, `the CLI was killed (${r.signal ?? ''}): it hung`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WEB = fs.readFileSync(path.join(ROOT, 'examples', 'web-deployment.yaml'), 'utf8');
const BROKEN = fs.readFileSync(path.join(ROOT, 'examples', 'broken-deployment.yaml'), 'utf8');
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: same\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n';
/** Lines a stack trace would print. */
const STACK = /^\s+at /m;

describe('CLI: k8s-workloads lint', () => {
  it('lints examples/: file:line:col, severity, rule id and message, in reading order; exit 1 on errors', () => {
    const r = run(['lint', 'examples/']);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('examples/'));
    assert.match(
      lines[0],
      /^examples\/broken-deployment\.yaml:8:3\s+error\s+unknown-field\s+`replica` is not a field of Deployment\.spec\. Did you mean `replicas`\?$/,
    );
    const deployment = lines.filter((l) => l.startsWith('examples/broken-deployment.yaml')).map((l) => Number(l.split(':')[1]));
    assert.deepEqual(
      deployment,
      [...deployment].sort((a, b) => a - b),
      'sorted by line',
    );
    assert.ok(!lines.some((l) => /web-deployment|postgres-statefulset|nightly-backup/.test(l)), 'the clean examples are clean');
    assert.match(r.stdout, /5 files checked: \d+ error\(s\), \d+ warning\(s\), \d+ info\.\n$/);
  });

  it('exits 0 when there are only warnings or nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'web-deployment.yaml'), path.join(dir, 'web.yaml'));
    fs.writeFileSync(path.join(dir, 'ci.yml'), 'name: CI\non: push\n');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'bad.yaml'), 'a: [\n');
    const r = run(['lint', dir]);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /2 files checked: 0 error\(s\)/, 'node_modules is skipped');
  });

  it('--format json and --format sarif', () => {
    const json = JSON.parse(run(['lint', 'examples/broken-deployment.yaml', '--format', 'json']).stdout) as {
      ruleId: string;
      line: number;
      column: number;
      severity: string;
    }[];
    assert.deepEqual(json[0], { ...json[0], ruleId: 'unknown-field', line: 8, column: 3, severity: 'error' });
    const sarif = JSON.parse(run(['lint', 'examples/broken-deployment.yaml', '--format=sarif']).stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'selector-mismatch'));
    assert.deepEqual(sarif.runs[0].results[0], { ...sarif.runs[0].results[0], ruleId: 'unknown-field', level: 'error' });
  });

  it('bad usage exits 2 with a message', () => {
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['lint', 'examples', '--format', 'xml']).code, 2);
    assert.equal(run(['check', 'examples']).code, 2);
    const missing = run(['lint', 'no/such/folder']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^k8s-workloads: no\/such\/folder: cannot read: no such file or folder \(ENOENT\)\n$/);
    assert.equal(run(['--help']).code, 0);
  });
});

describe('CLI: hostile folders never end or hang the run (issue 14, items 7–9)', () => {
  let dir: string;
  let outside: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-hostile-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), BROKEN);
    const tree = path.join(dir, 'tree');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'good.yaml'), WEB);
    fs.writeFileSync(path.join(tree, 'sub', 'broken.yaml'), BROKEN);
    spawnSync('mkfifo', [path.join(tree, 'pipe.yaml')]);
    fs.symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(tree, 'dangling.yaml'));
    fs.symlinkSync('loop-b.yaml', path.join(tree, 'loop-a.yaml'));
    fs.symlinkSync('loop-a.yaml', path.join(tree, 'loop-b.yaml'));
    fs.symlinkSync('/', path.join(tree, 'root'));
    fs.symlinkSync('/dev/zero', path.join(tree, 'zero.yaml'));
    fs.symlinkSync('..', path.join(tree, 'sub', 'up'));
    fs.symlinkSync(outside, path.join(tree, 'outside'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(tree, 'outside.yaml'));
    fs.symlinkSync('sub/broken.yaml', path.join(tree, 'inside-link.yaml'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('lints the regular files, says on stderr what it skipped and why, and never leaves the tree', () => {
    assert.ok(fs.statSync(path.join(dir, 'tree', 'pipe.yaml')).isFIFO(), 'mkfifo made a FIFO');
    const r = run(['lint', 'tree'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stderr.split('\n').filter(Boolean).sort(), [
      'k8s-workloads: tree/dangling.yaml: skipped: broken symbolic link',
      'k8s-workloads: tree/loop-a.yaml: skipped: symbolic link loop',
      'k8s-workloads: tree/loop-b.yaml: skipped: symbolic link loop',
      `k8s-workloads: tree/outside.yaml: skipped: a link to ${fs.realpathSync(outside)}/secret.yaml, outside the folder being checked`,
      `k8s-workloads: tree/outside: skipped: a link to ${fs.realpathSync(outside)}, outside the folder being checked`,
      'k8s-workloads: tree/pipe.yaml: skipped: a named pipe (FIFO)',
      'k8s-workloads: tree/root: skipped: a link to /, outside the folder being checked',
      'k8s-workloads: tree/sub/up: skipped: symbolic link loop (a link to a folder above it)',
      'k8s-workloads: tree/zero.yaml: skipped: a link to /dev/zero, outside the folder being checked',
    ]);
    const files = new Set(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('tree/'))
        .map((l) => l.slice(0, l.indexOf(':'))),
    );
    // the link inside the tree is the same file as sub/broken.yaml: linted once, under the first name met
    assert.deepEqual([...files], ['tree/inside-link.yaml']);
    assert.match(r.stdout, /\n2 files checked: /);
    assert.doesNotMatch(r.stdout, /secret/, 'nothing outside the tree was linted');
  });

  it('a FIFO, a device or a folder link loop named on the command line: exit 2 with one line, the other targets still linted', () => {
    const r = run(['lint', 'tree/pipe.yaml', 'tree/zero.yaml', 'tree/loop-a.yaml', 'tree/sub/broken.yaml', 'tree/dangling.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      [
        'k8s-workloads: tree/pipe.yaml: cannot read: a named pipe (FIFO), not a regular file',
        'k8s-workloads: tree/zero.yaml: cannot read: a character device, not a regular file',
        'k8s-workloads: tree/loop-a.yaml: cannot read: symbolic link loop (ELOOP)',
        'k8s-workloads: tree/dangling.yaml: cannot read: broken symbolic link',
        '',
      ].join('\n'),
    );
    assert.match(r.stdout, /^tree\/sub\/broken\.yaml:8:3 +error +unknown-field/m);
  });

  it('an unreadable file: exit 2 with one line and no stack trace; the other files are still linted and reported', () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'a-secret.yaml'), WEB);
    fs.writeFileSync(path.join(locked, 'b-broken.yaml'), BROKEN);
    fs.chmodSync(path.join(locked, 'a-secret.yaml'), 0o000);
    // root reads everything: run the CLI as nobody (the folders on the way must let nobody in)
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    const r = run(['lint', locked, '--format', 'json'], ROOT, asNobody);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, `k8s-workloads: ${path.join(locked, 'a-secret.yaml')}: cannot read: permission denied (EACCES)\n`);
    assert.doesNotMatch(r.stderr, STACK);
    const found = JSON.parse(r.stdout) as { file: string; ruleId: string }[];
    assert.ok(
      found.some((f) => f.file === path.join(locked, 'b-broken.yaml') && f.ruleId === 'unknown-field'),
      r.stdout,
    );
  });

  it('a 600 MB file is not read: it is reported as too large (a warning), without a crash', () => {
    const big = path.join(dir, 'big');
    fs.mkdirSync(big);
    const file = path.join(big, 'huge.yaml');
    fs.writeFileSync(file, SERVICE);
    fs.truncateSync(file, 600 * 1024 * 1024); // sparse: no disk used, but stat says 600 MB
    const r = run(['lint', 'big', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file: 'big/huge.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'warning',
        ruleId: 'file-too-large',
        message: 'This file is 600 MB, larger than the 4.0 MB Kubernetes Workloads checks; it was not read.',
      },
    ]);
    assert.equal(run(['lint', 'big', '--max-warnings', '0'], dir).code, 1, 'a file not checked fails --max-warnings 0');
  });

  it('at most 300 problems per file, with a line saying how many more there are; the exit code counts them all', () => {
    const file = path.join(dir, 'services.yaml');
    fs.writeFileSync(file, Array.from({ length: 400 }, () => SERVICE).join('---\n'));
    const r = run(['lint', file], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines.filter((l) => l.startsWith(`${file}:`) && / error +duplicate-name /.test(l)).length, 300);
    assert.ok(
      lines.includes(
        `${file}: 99 more problems in this file are not shown (at most 300 per file, the most severe first). Fix the ones above first.`,
      ),
      r.stdout.slice(-400),
    );
    assert.match(r.stdout, /1 file checked: 399 error\(s\)/);
  });
});

describe('CLI: output for CI (issue 13)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-ci-'));
    fs.mkdirSync(path.join(dir, 'app', 'k8s'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'app', 'k8s', 'broken.yaml'), BROKEN);
    fs.writeFileSync(path.join(dir, 'app', 'k8s', 'warn.yaml'), WEB.replace(/image: \S+/, 'image: nginx:latest'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('paths as given: absolute stays absolute, relative stays relative to where it was given from', () => {
    const absolute = run(['lint', path.join(dir, 'app')], ROOT);
    assert.match(absolute.stdout, new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/app/k8s/broken\\.yaml:8:3 `, 'm'));
    assert.doesNotMatch(absolute.stdout, /\.\.\//);
    const relative = run(['lint', 'app/k8s'], dir);
    assert.match(relative.stdout, /^app\/k8s\/broken\.yaml:8:3 /m);
    const file = run(['lint', './app/k8s/broken.yaml'], dir);
    assert.match(file.stdout, /^\.\/app\/k8s\/broken\.yaml:8:3 /m);
  });

  it('--quiet prints errors only; --max-warnings fails the run above the limit', () => {
    const warnOnly = path.join('app', 'k8s', 'warn.yaml');
    const all = run(['lint', warnOnly], dir);
    assert.equal(all.code, 0);
    assert.match(all.stdout, / warning +image-tag /);
    const quiet = run(['lint', warnOnly, '--quiet'], dir);
    assert.equal(quiet.code, 0);
    assert.doesNotMatch(quiet.stdout, /image-tag/);
    assert.match(quiet.stdout, /1 file checked: 0 error\(s\), 1 warning\(s\)/);
    assert.equal(run(['lint', warnOnly, '--max-warnings', '1'], dir).code, 0);
    const over = run(['lint', warnOnly, '--max-warnings=0'], dir);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'k8s-workloads: 1 warnings, more than --max-warnings 0.\n');
    assert.equal(run(['lint', warnOnly, '--quiet', '--max-warnings', '0'], dir).code, 1, 'hidden warnings still count');
    assert.equal(run(['lint', warnOnly, '--max-warnings', 'x'], dir).code, 2);
    assert.equal(run(['lint', warnOnly, '--max-warnings', '-1'], dir).code, 2);
  });

  it('--help documents the options and the exit codes', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    for (const option of ['--format', '--kubernetes-version', '--crds', '--quiet', '--max-warnings'])
      assert.ok(help.stdout.includes(option), option);
    assert.match(
      help.stdout,
      /Exit codes:\n {2}0 {2}no errors.*\n {2}1 {2}errors found, or more warnings than --max-warnings\n {2}2 {2}bad usage,(?: or)? input that cannot be read/,
    );
  });

  it('--format sarif: relative, encoded locations under %SRCROOT% (the working directory)', () => {
    const sarif = JSON.parse(run(['lint', 'app', '--format', 'sarif'], dir).stdout) as {
      runs: {
        originalUriBaseIds: Record<string, { uri: string }>;
        results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
      }[];
    };
    assert.deepEqual(sarif.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `file://${fs.realpathSync(dir)}/` } });
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
      uri: 'app/k8s/broken.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });
});
