// The command line as CI uses it: dist/cli.js over files and folders, its formats and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
