// lint(targets, options): the seam a project file (.k8s-workloads.yaml) plugs into — rule
// severities and `off`, ignore globs, CRD globs, the Kubernetes release — and the globs themselves.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { globRegExp, ignoreMatcher } from '../../../server/src/cli/glob';
import { lint } from '../../../server/src/cli/lint';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';
import { WIDGETS_PATH } from '../crd/widgets';

const ROOT = join(__dirname, '..', '..', '..');
const BROKEN = readFileSync(join(ROOT, 'examples', 'broken-deployment.yaml'), 'utf8');
const CR = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: tiny\n  colr: red\n  parts:\n  - name: p-1\n';

describe('globs', () => {
  const cases: [string, string, boolean][] = [
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'deep/er/a.yaml', true],
    ['*.yaml', 'a.yml', false],
    ['vendor', 'vendor', true],
    ['vendor', 'x/vendor', true],
    ['vendor/', 'vendor', true],
    ['vendor/**', 'vendor/a/b.yaml', true],
    ['vendor/**', 'vendor', true],
    ['vendor/**', 'other/vendor/a.yaml', false],
    ['**/crds/*.yaml', 'crds/a.yaml', true],
    ['**/crds/*.yaml', 'x/y/crds/a.yaml', true],
    ['**/crds/*.yaml', 'x/y/crds/z/a.yaml', false],
    ['./k8s/?.yaml', 'k8s/a.yaml', true],
    ['k8s/?.yaml', 'k8s/ab.yaml', false],
    ['k8s/*.yaml', 'k8s/sub/a.yaml', false],
    ['a.b+c(d).yaml', 'a.b+c(d).yaml', true],
    ['a.b+c(d).yaml', 'aXb+c(d).yaml', false],
    ['/abs/**/x.yaml', '/abs/x.yaml', true],
    ['/abs/**/x.yaml', '/abs/p/q/x.yaml', true],
    ['**', 'anything/at/all.yaml', true],
    // the same translation as the project file's ignore globs (service/config/glob.ts)
    ['k8s/*.{yaml,yml}', 'k8s/a.yml', true],
    ['k8s/*.{yaml,yml}', 'k8s/a.json', false],
    ['k8s/[ab].yaml', 'k8s/b.yaml', true],
    ['k8s/[ab].yaml', 'k8s/c.yaml', false],
  ];
  for (const [glob, p, expected] of cases)
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${p}`, () => assert.equal(globRegExp(glob).test(p), expected));

  it('ignore: relative globs against the base folder, a matching folder takes what is below it', () => {
    const ignored = ignoreMatcher(['generated/', '*.secret.yaml', '/opt/elsewhere/**'], '/repo');
    assert.equal(ignored('/repo/generated/a.yaml'), true);
    assert.equal(ignored('/repo/x/generated/deep/a.yaml'), true);
    assert.equal(ignored('/repo/app/db.secret.yaml'), true);
    assert.equal(ignored('/repo/app/db.yaml'), false);
    assert.equal(ignored('/opt/elsewhere/x.yaml'), true);
    assert.equal(ignored('/other/generated/a.yaml'), false, 'relative globs never match outside the base');
    assert.equal(ignoreMatcher([], '/repo')('/repo/a.yaml'), false);
    assert.equal(ignoreMatcher(['  '], '/repo')('/repo/a.yaml'), false);
  });
});

describe('lint(targets, options)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8sw-lint-'));
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'vendor', 'crds'), { recursive: true });
    mkdirSync(join(dir, 'generated'));
    writeFileSync(join(dir, 'app', 'deploy.yaml'), BROKEN);
    writeFileSync(join(dir, 'app', 'widget.yaml'), CR);
    writeFileSync(join(dir, 'generated', 'out.yaml'), BROKEN);
    writeFileSync(join(dir, 'vendor', 'crds', 'widgets.yaml'), readFileSync(WIDGETS_PATH, 'utf8'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const rulesOf = (report: ReturnType<typeof lint>, file: string) =>
    report.files.find((f) => f.path.endsWith(file))?.diagnostics.map((d) => `${String(d.code)}:${d.severity}`);

  it('rules: a severity changes the level, off drops the rule, unknown ids are reported and ignored', () => {
    const plain = lint([join(dir, 'app', 'deploy.yaml')]);
    assert.deepEqual(rulesOf(plain, 'deploy.yaml'), ['unknown-field:1', 'selector-mismatch:1', 'image-tag:2', 'invalid-quantity:1']);
    const tuned = lint([join(dir, 'app', 'deploy.yaml')], {
      rules: { 'image-tag': 'error', 'unknown-field': 'off', 'selector-mismatch': 'hint', 'no-such-rule': 'off' },
    });
    assert.deepEqual(rulesOf(tuned, 'deploy.yaml'), ['selector-mismatch:4', 'image-tag:1', 'invalid-quantity:1']);
    assert.deepEqual(tuned.problems, [{ path: '', severity: 'warning', message: 'rules: unknown rule "no-such-rule"; it is ignored.' }]);
  });

  it('ignore: files and folders matching a glob (relative to cwd) are not linted', () => {
    const all = lint([dir], { cwd: dir, crds: ['vendor/crds'] });
    assert.deepEqual(
      all.files.map((f) => f.path.slice(dir.length + 1)),
      ['app/deploy.yaml', 'app/widget.yaml', 'generated/out.yaml', 'vendor/crds/widgets.yaml'],
    );
    const some = lint([dir], { cwd: dir, ignore: ['generated', 'vendor/**'] });
    assert.deepEqual(
      some.files.map((f) => f.path.slice(dir.length + 1)),
      ['app/deploy.yaml', 'app/widget.yaml'],
    );
    const named = lint([join(dir, 'generated', 'out.yaml')], { cwd: dir, ignore: ['generated/'] });
    assert.deepEqual(named.files, []);
    assert.deepEqual(named.problems, [
      { path: join(dir, 'generated', 'out.yaml'), severity: 'warning', message: 'skipped: matches an ignore pattern' },
    ]);
  });

  it('crds: a glob (relative to cwd) finds the CRD, so the custom resource is checked against it; a glob matching nothing is said', () => {
    const without = lint([join(dir, 'app', 'widget.yaml')], { cwd: dir });
    const withCrds = lint([join(dir, 'app', 'widget.yaml')], { cwd: dir, crds: ['**/crds/*.yaml'] });
    assert.notDeepEqual(rulesOf(without, 'widget.yaml'), rulesOf(withCrds, 'widget.yaml'));
    assert.ok(rulesOf(withCrds, 'widget.yaml')?.includes('unknown-field:1'), String(rulesOf(withCrds, 'widget.yaml')));
    const none = lint([join(dir, 'app', 'widget.yaml')], { cwd: dir, crds: ['nothing/**/*.yaml'] });
    assert.deepEqual(none.problems, [
      { path: 'nothing/**/*.yaml', severity: 'warning', message: 'no CustomResourceDefinition files match' },
    ]);
    const missing = lint([join(dir, 'app', 'widget.yaml')], { cwd: dir, crds: ['no-such-folder'] });
    assert.equal(missing.problems.length, 1);
    assert.equal(missing.problems[0].severity, 'error');
    assert.match(missing.problems[0].message, /^cannot read: no such file or folder \(ENOENT\)$/);
  });

  it('kubernetesVersion: checks against that release', () => {
    const hpa = join(dir, 'hpa.yaml');
    writeFileSync(
      hpa,
      'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n  maxReplicas: 3\n',
    );
    assert.ok(rulesOf(lint([hpa], { kubernetesVersion: '1.35' }), 'hpa.yaml')?.includes('api-version-mismatch:1'));
    rmSync(hpa);
  });

  it('maxFileSize: a file over the limit is reported, not read', () => {
    const report = lint([join(dir, 'app', 'deploy.yaml')], { maxFileSize: 100 });
    assert.deepEqual(rulesOf(report, 'deploy.yaml'), ['file-too-large:2']);
    assert.match(
      String(report.files[0].diagnostics[0].message),
      /^This file is 0\.0 MB, larger than the 0\.0 MB Kubernetes Workloads checks; it was not read\.$/,
    );
  });
});

describe('lint: a defect of ours on one file', () => {
  it('reports that file as an internal error and still checks the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8sw-lint-defect-'));
    const original = WorkspaceIndex.prototype.setFile;
    try {
      writeFileSync(join(dir, 'a.yaml'), BROKEN);
      writeFileSync(join(dir, 'b.yaml'), BROKEN);
      // stands for any defect that throws while a file is read (kind: constructor once did)
      WorkspaceIndex.prototype.setFile = function (this: WorkspaceIndex, file, ...rest) {
        if (file.uri.endsWith('/a.yaml')) throw new Error('templatePath is not iterable');
        return original.call(this, file, ...rest);
      };
      const report = lint([dir], { cwd: dir });
      assert.deepEqual(report.problems, [
        {
          path: join(dir, 'a.yaml'),
          severity: 'error',
          message: 'internal error while checking this file, please report it: templatePath is not iterable',
        },
      ]);
      assert.deepEqual(
        report.files.map((f) => f.path),
        [join(dir, 'b.yaml')],
      );
      assert.ok(report.files[0].diagnostics.length > 0, 'b.yaml was checked');
    } finally {
      WorkspaceIndex.prototype.setFile = original;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
