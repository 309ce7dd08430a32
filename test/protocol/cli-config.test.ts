// The project file `.k8s-workloads.yaml` on the command line (dist/cli.js), as CI runs it: found in
// each target's folder or the folders above it (up to the repository root), named with --config,
// its keys applied as in the editor, the flags winning over it, and a broken one failing the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';
// pod-level resources arrive in Kubernetes 1.32
const SIZED =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sized\nspec:\n  resources:\n    limits:\n      cpu: "1"\n  containers:\n  - name: app\n    image: nginx:1.27\n';
const FIXTURES = path.join(ROOT, 'test', 'integration', 'fixtures', 'workspace');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `file:line:col severity rule` of each finding in the text output. */
const findings = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+\s/.test(l))
    .map((l) => l.split(/\s+/).slice(0, 3).join(' '));

describe('CLI: the project file .k8s-workloads.yaml', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-cli-config-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function repo(name: string, files: Record<string, string>): string {
    const dir = path.join(root, name);
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  }

  it('without a project file: the defaults (the control for the tests below)', () => {
    const dir = repo('none', { 'apps/pod.yaml': POD, 'apps/sized.yaml': SIZED });
    const r = run(['lint', 'apps'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(findings(r.stdout), [
      'apps/pod.yaml:5:1 info run-as-non-root',
      'apps/pod.yaml:7:11 warning missing-resources',
      'apps/pod.yaml:8:12 warning image-tag',
      'apps/sized.yaml:5:1 info run-as-non-root',
      'apps/sized.yaml:10:11 warning missing-resources',
    ]);
  });

  it('the nearest one above the target applies: rules, kubernetesVersion, ignore and customResourceDefinitions', () => {
    const dir = repo('applies', {
      '.k8s-workloads.yaml':
        'kubernetesVersion: 1.31\nrules:\n  image-tag: error\n  run-as-non-root: off\nignore:\n  - generated/\ncustomResourceDefinitions:\n  - crds/\n',
      'apps/pod.yaml': POD,
      'apps/sized.yaml': SIZED,
      'apps/generated/pod.yaml': POD,
      'apps/widget.yaml': fs.readFileSync(path.join(FIXTURES, 'crd-widget.yaml'), 'utf8'),
      'crds/widgets.yaml': fs.readFileSync(path.join(FIXTURES, 'crd-widgets.yaml'), 'utf8'),
    });
    // run from elsewhere with an absolute target: the file is found from the target, not the working directory
    const r = run(['lint', path.join(dir, 'apps')], root);
    assert.equal(r.code, 1, r.stderr);
    const shown = findings(r.stdout).map((f) => f.replace(`${dir}/`, ''));
    assert.deepEqual(shown, [
      'apps/pod.yaml:7:11 warning missing-resources',
      'apps/pod.yaml:8:12 error image-tag',
      'apps/sized.yaml:6:3 error unknown-field',
      'apps/sized.yaml:10:11 warning missing-resources',
      'apps/widget.yaml:7:3 error unknown-field',
    ]);
    assert.match(r.stdout, /`resources` is not a field of Pod\.spec in Kubernetes 1\.31/);
    assert.match(r.stdout, /`colr` is not a field of Widget\.spec/);
    assert.match(r.stdout, /\n3 files checked/, 'generated/ is ignored; the project file is not linted as a manifest');
  });

  it('an ignored file is not reported, but its objects count for the other files (as in the editor)', () => {
    const sts =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n' +
      '  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n';
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n  ports:\n    - port: 5432\n';
    const alone = repo('sts-alone', { 'sts.yaml': sts });
    assert.ok(
      findings(run(['lint', '.'], alone).stdout).some((f) => f.includes('missing-headless-service')),
      'the control',
    );
    const dir = repo('sts-ignored', {
      '.k8s-workloads.yaml': 'ignore:\n  - generated\n',
      'sts.yaml': sts,
      'generated/svc.yaml': svc + 'spec2: {}\n',
    });
    const r = run(['lint', '.'], dir);
    const shown = findings(r.stdout);
    assert.ok(!shown.some((f) => f.includes('missing-headless-service')), shown.join('\n'));
    assert.ok(!shown.some((f) => f.startsWith('generated/')), 'the ignored file’s own findings are not reported');
    assert.match(r.stdout, /\n1 file checked/);
    const named = run(['lint', 'generated/svc.yaml'], dir);
    assert.equal(named.stderr, 'k8s-workloads: generated/svc.yaml: skipped: matches an ignore pattern of its project file\n');
  });

  it('the flags win over it: --kubernetes-version for that run', () => {
    const dir = repo('flags', { '.k8s-workloads.yaml': 'kubernetesVersion: "1.31"\n', 'sized.yaml': SIZED });
    assert.ok(findings(run(['lint', '.'], dir).stdout).includes('sized.yaml:6:3 error unknown-field'));
    const r = run(['lint', '.', '--kubernetes-version', '1.35'], dir);
    assert.equal(r.code, 0, r.stdout);
  });

  it('is not looked for above the repository root', () => {
    const outer = repo('outer', { '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n', 'other/pod.yaml': POD });
    const inner = repo('outer/inner', { 'pod.yaml': POD });
    assert.ok(
      !findings(run(['lint', 'other/pod.yaml'], outer).stdout).some((f) => f.includes('image-tag')),
      'in its repository, it applies',
    );
    assert.ok(
      findings(run(['lint', 'pod.yaml'], inner).stdout).includes('pod.yaml:8:12 warning image-tag'),
      'not in the repository inside',
    );
    assert.ok(
      findings(run(['lint', 'inner/pod.yaml'], outer).stdout).includes('inner/pod.yaml:8:12 warning image-tag'),
      'whatever the working directory',
    );
  });

  it('a nested project file replaces the root one for the files below it, as in the editor', () => {
    const dir = repo('nested', {
      '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n',
      'team/.k8s-workloads.yaml': 'rules:\n  missing-resources: off\n',
      'a/pod.yaml': POD,
      'team/pod.yaml': POD,
    });
    const shown = findings(run(['lint', '.'], dir).stdout);
    assert.ok(!shown.some((f) => f.startsWith('a/') && f.includes('image-tag')));
    assert.ok(shown.some((f) => f.startsWith('a/') && f.includes('missing-resources')));
    assert.ok(shown.some((f) => f.startsWith('team/') && f.includes('image-tag')));
    assert.ok(!shown.some((f) => f.startsWith('team/') && f.includes('missing-resources')));
  });

  it('--config names the file: it applies instead of the nearest one', () => {
    const dir = repo('explicit', {
      '.k8s-workloads.yaml': 'rules:\n  image-tag: off\n',
      'ci/strict.yaml': 'rules:\n  image-tag: error\n',
      'pod.yaml': POD,
    });
    const r = run(['lint', 'pod.yaml', '--config', 'ci/strict.yaml'], dir);
    assert.equal(r.code, 1);
    assert.ok(findings(r.stdout).includes('pod.yaml:8:12 error image-tag'));
    assert.ok(findings(run(['lint', 'pod.yaml', '--config=ci/strict.yaml'], dir).stdout).includes('pod.yaml:8:12 error image-tag'));
  });

  it('--config with a file that cannot be read, or that has problems: exit 2, its problems on stderr, nothing checked', () => {
    const dir = repo('broken', { 'bad.yaml': 'rules:\n  image-tagg: off\n  job-ttl: loud\n', 'pod.yaml': POD });
    const missing = run(['lint', 'pod.yaml', '--config', 'nope.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'k8s-workloads: nope.yaml: cannot read the project file: no such file or folder (ENOENT)\n');
    const bad = run(['lint', 'pod.yaml', '--config', 'bad.yaml'], dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(
      bad.stderr,
      [
        'k8s-workloads: bad.yaml:2:3: Unknown rule "image-tagg" — did you mean "image-tag"? It is ignored. (config-unknown-rule)',
        'k8s-workloads: bad.yaml:3:12: "loud" is not a severity: use error, warning, information, hint or off. The rule keeps its default. (config-invalid-severity)',
        'k8s-workloads: bad.yaml is not a valid project file (2 problem(s)); nothing was checked.',
        '',
      ].join('\n'),
    );
    assert.equal(run(['lint', 'pod.yaml', '--config'], dir).code, 2, '--config without a file is bad usage');
  });

  it('a project file found with problems fails the run (exit 2) after checking with its valid part', () => {
    const dir = repo('found-broken', { '.k8s-workloads.yaml': 'rules:\n  image-tag: error\n  job-deadlin: off\n', 'pod.yaml': POD });
    const r = run(['lint', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^k8s-workloads: \.k8s-workloads\.yaml:3:3: Unknown rule "job-deadlin" — did you mean "job-deadline"\? It is ignored\. \(config-unknown-rule\)$/m,
    );
    assert.ok(findings(r.stdout).includes('pod.yaml:8:12 error image-tag'), 'the valid entries still apply');
  });

  it('a project file named as a target is checked as one', () => {
    const dir = repo('target', { '.k8s-workloads.yaml': 'rulez: {}\n' });
    const r = run(['lint', '.k8s-workloads.yaml', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as { ruleId: string; line: number }[];
    assert.deepEqual(
      json.map((f) => [f.ruleId, f.line]),
      [['config-unknown-key', 1]],
    );
  });
});
