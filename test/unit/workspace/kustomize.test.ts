// Kustomize patches: files a kustomization file names as patches get the checks about what is
// written, not the ones that conclude from an absence; the same file named by nobody is a whole
// manifest again. Also: path resolution, the four ways of naming a patch, the cross-file index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { RULES } from '../../../server/src/service/rules/registry';
import { isKustomizationUri, kustomizationRefs, resolveRelative, uriKey } from '../../../server/src/service/workspace/kustomize';
import { applyEdits } from '../helpers/ruleTester';
import { MINIMAL_DEPLOYMENT } from '../helpers/manifests';

/** A strategic-merge patch with a typo (`replica`). */
const TYPO_PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 5\n';
const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  template:
    spec:
      containers:
        - name: web
          env:
            - name: LOG_LEVEL
              value: debug
`;
const BASE = MINIMAL_DEPLOYMENT;

/** Codes that conclude from an absence, all of which a bare patch would get as a whole manifest. */
const ABSENCE = ['missing-required-field', 'missing-resources', 'run-as-non-root'];

function setup() {
  const workspace = new WorkspaceIndex();
  const ls = getLanguageService({ workspace });
  const docs = new Map<string, TextDocument>();
  const put = (uri: string, text: string) => {
    const doc = TextDocument.create(uri, 'yaml', (docs.get(uri)?.version ?? 0) + 1, text);
    docs.set(uri, doc);
    ls.parse(doc);
    return doc;
  };
  const codes = (uri: string) => ls.doValidation(docs.get(uri)!).map((d) => String(d.code));
  return { workspace, ls, put, codes, docs };
}

describe('resolveRelative: kustomization paths against the kustomization file directory', () => {
  const from = 'file:///repo/overlays/prod/kustomization.yaml';
  const table: [string, string | undefined][] = [
    ['replicas.yaml', 'file:///repo/overlays/prod/replicas.yaml'],
    ['./replicas.yaml', 'file:///repo/overlays/prod/replicas.yaml'],
    ['patches/cpu.yaml', 'file:///repo/overlays/prod/patches/cpu.yaml'],
    ['../common/labels.yaml', 'file:///repo/overlays/common/labels.yaml'],
    ['../../base/./deploy.yaml', 'file:///repo/base/deploy.yaml'],
    ['a/../b//c.yaml', 'file:///repo/overlays/prod/b/c.yaml'],
    ['', undefined],
    ['https://github.com/org/repo/patch.yaml', undefined],
    ['apiVersion: apps/v1\nkind: Deployment', undefined],
    ['kind: Deployment', undefined],
  ];
  for (const [rel, expected] of table)
    it(`${JSON.stringify(rel)} -> ${expected}`, () => {
      assert.equal(resolveRelative(from, rel), expected);
    });

  it('editor-encoded URIs (%3A after the drive letter, %20) compare equal to Node ones', () => {
    const editor = 'file:///c%3A/My%20Repo/overlays/kustomization.yaml';
    assert.equal(resolveRelative(editor, 'patch.yaml'), uriKey('file:///C:/My Repo/overlays/patch.yaml'));
    assert.equal(uriKey('file:///C:/x%40y/a.yaml'), uriKey('file:///c%3A/x@y/a.yaml'));
  });

  it('keeps the authority of non-file URIs', () => {
    assert.equal(resolveRelative('vscode-vfs://github/org/repo/k/kustomization.yaml', '../p.yaml'), 'vscode-vfs://github/org/repo/p.yaml');
  });

  it('recognises the three kustomization file names only', () => {
    const table: [string, boolean][] = [
      ['file:///r/kustomization.yaml', true],
      ['file:///r/kustomization.yml', true],
      ['file:///r/Kustomization', true],
      ['file:///r/my-kustomization.yaml', false],
      ['file:///r/Kustomization.yaml', false],
      ['file:///r/kustomization.yaml/x.yaml', false],
    ];
    for (const [uri, expected] of table) assert.equal(isKustomizationUri(uri), expected, uri);
  });
});

describe('kustomizationRefs: the files a kustomization file patches with', () => {
  const refs = (text: string, uri = 'file:///r/o/kustomization.yaml') => kustomizationRefs(parseManifest(uri, text));
  const table: { name: string; text: string; patches: [string, string][]; resources?: string[] }[] = [
    {
      name: 'patchesStrategicMerge (legacy), inline entries ignored',
      text: 'patchesStrategicMerge:\n  - replicas.yaml\n  - ./cpu.yaml\n  - |-\n    apiVersion: v1\n    kind: Service\n',
      patches: [
        ['file:///r/o/replicas.yaml', 'strategic-merge'],
        ['file:///r/o/cpu.yaml', 'strategic-merge'],
      ],
    },
    {
      name: 'patches with path, with and without target; inline patch ignored',
      text:
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base\n  - extra.yaml\npatches:\n' +
        '  - path: replicas.yaml\n  - path: ../shared/probe.yaml\n    target:\n      kind: Deployment\n      name: web\n' +
        '  - patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\n    target:\n      kind: Deployment\n',
      patches: [
        ['file:///r/o/replicas.yaml', 'strategic-merge'],
        ['file:///r/shared/probe.yaml', 'strategic-merge'],
      ],
      resources: ['file:///r/base', 'file:///r/o/extra.yaml'],
    },
    {
      name: 'patchesJson6902',
      text: 'patchesJson6902:\n  - target: {group: apps, version: v1, kind: Deployment, name: web}\n    path: ops.yaml\n',
      patches: [['file:///r/o/ops.yaml', 'json6902']],
    },
    { name: 'no patches', text: 'resources:\n  - deploy.yaml\n', patches: [], resources: ['file:///r/o/deploy.yaml'] },
  ];
  for (const c of table)
    it(c.name, () => {
      const r = refs(c.text);
      assert.deepEqual(
        r?.patches.map((p) => [p.uri, p.kind]),
        c.patches,
      );
      assert.deepEqual(r?.resources, c.resources ?? []);
    });

  it('a file not named like a kustomization file names nothing', () => {
    assert.equal(refs('patches:\n  - path: x.yaml\n', 'file:///r/o/other.yaml'), undefined);
  });
});

describe('diagnostics on Kustomize patches', () => {
  const KUSTOMIZATIONS: [string, string, string][] = [
    ['patchesStrategicMerge', 'file:///r/overlays/prod/kustomization.yaml', 'patchesStrategicMerge:\n- replicas.yaml\n'],
    ['patches: [{path}]', 'file:///r/overlays/prod/kustomization.yml', 'patches:\n  - path: ./replicas.yaml\n'],
    [
      'patches with target',
      'file:///r/overlays/prod/Kustomization',
      'patches:\n  - path: replicas.yaml\n    target:\n      kind: Deployment\n      name: web\n',
    ],
    ['a kustomization one level up (../)', 'file:///r/overlays/kustomization.yaml', 'patches:\n  - path: prod/../prod/replicas.yaml\n'],
  ];
  const PATCH_URI = 'file:///r/overlays/prod/replicas.yaml';

  it('without a kustomization, the same file is a whole manifest and gets the absence diagnostics', () => {
    const { put, codes } = setup();
    put(PATCH_URI, PATCH);
    for (const code of ABSENCE) assert.ok(codes(PATCH_URI).includes(code), code);
  });

  for (const [name, kUri, kText] of KUSTOMIZATIONS)
    it(`${name}: no absence diagnostics; a typo is still reported with its fix; deleting the kustomization brings them back`, () => {
      const { put, codes, ls, workspace, docs } = setup();
      put(PATCH_URI, PATCH);
      put(kUri, kText);
      assert.equal(workspace.patchKind(PATCH_URI), 'strategic-merge');
      assert.deepEqual(codes(PATCH_URI), []);
      put(PATCH_URI, TYPO_PATCH);
      const diags = ls.doValidation(docs.get(PATCH_URI)!);
      assert.deepEqual(
        diags.map((d) => d.code),
        ['unknown-field'],
      );
      const actions = ls.getCodeActions(docs.get(PATCH_URI)!, { range: diags[0].range, diagnostics: diags });
      const rename = actions.find((a) => a.title === 'Rename to `replicas`');
      assert.ok(rename, actions.map((a) => a.title).join(', '));
      assert.equal(applyEdits(TYPO_PATCH, rename.edit!.changes![PATCH_URI]), TYPO_PATCH.replace('replica:', 'replicas:'));
      // The kustomization goes away: the patch is judged as a whole manifest again.
      workspace.delete(kUri);
      assert.equal(workspace.patchKind(PATCH_URI), undefined);
      assert.ok(codes(PATCH_URI).includes('missing-required-field'));
    });

  it('a kustomization edited to drop the patch brings the diagnostics back; the generation moves with membership', () => {
    const { put, codes, workspace } = setup();
    put(PATCH_URI, PATCH);
    const kUri = 'file:///r/overlays/prod/kustomization.yaml';
    put(kUri, 'patches:\n  - path: replicas.yaml\n');
    const g1 = workspace.generation;
    assert.deepEqual(codes(PATCH_URI), []);
    put(kUri, 'patches:\n  - path: replicas.yaml\n# a comment changes nothing\n');
    assert.equal(workspace.generation, g1, 'same patches: same generation');
    put(kUri, 'patches:\n  - path: other.yaml\n');
    assert.notEqual(workspace.generation, g1);
    assert.ok(codes(PATCH_URI).includes('missing-required-field'));
  });

  it('a file listed under resources is not a patch, even if another kustomization patches with it', () => {
    const { put, codes, workspace } = setup();
    const base = 'file:///r/base/deployment.yaml';
    put(base, PATCH);
    put('file:///r/base/kustomization.yaml', 'resources:\n  - deployment.yaml\n');
    assert.equal(workspace.patchKind(base), undefined);
    assert.ok(codes(base).includes('missing-required-field'));
    put('file:///r/overlays/x/kustomization.yaml', 'patches:\n  - path: ../../base/deployment.yaml\n');
    assert.equal(workspace.patchKind(base), undefined);
  });

  it('a JSON 6902 patch (a list of operations) gets no diagnostics, whichever field names it', () => {
    const ops = '- op: replace\n  path: /spec/replicas\n  value: 3\n- op: add\n  path: /metadata/labels/tier\n  value: web\n';
    for (const kText of [
      'patchesJson6902:\n  - path: ops.yaml\n    target: {kind: Deployment, name: web}\n',
      'patches:\n  - path: ops.yaml\n',
    ]) {
      const { put, codes } = setup();
      put('file:///r/o/ops.yaml', ops);
      put('file:///r/o/kustomization.yaml', kText);
      assert.deepEqual(codes('file:///r/o/ops.yaml'), [], kText);
    }
    // Even unnamed, a list is not a Kubernetes object.
    const { put, codes } = setup();
    put('file:///r/o/ops.yaml', ops);
    assert.deepEqual(codes('file:///r/o/ops.yaml'), []);
  });

  it('a kustomization file itself (with inline patches, with or without apiVersion) gets no diagnostics', () => {
    const inline =
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n' +
      '  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: web\n      spec:\n        replicas: 5\n' +
      'patchesStrategicMerge:\n  - |-\n    apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n' +
      'images:\n  - name: nginx\n    newTag: latest\n';
    for (const text of [inline, inline.split('\n').slice(2).join('\n')]) {
      const { put, codes } = setup();
      put('file:///r/o/kustomization.yaml', text);
      assert.deepEqual(codes('file:///r/o/kustomization.yaml'), []);
    }
  });

  it('patch directives ($patch, $setElementOrder/…) are not unknown fields in a patch, but are in a whole manifest', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      $setElementOrder/containers:
        - name: web
      containers:
        - name: sidecar
          $patch: delete
`;
    const { put, codes } = setup();
    put('file:///r/o/p.yaml', text);
    assert.ok(codes('file:///r/o/p.yaml').includes('unknown-field'));
    put('file:///r/o/kustomization.yaml', 'patchesStrategicMerge: [p.yaml]\n');
    assert.deepEqual(codes('file:///r/o/p.yaml'), []);
  });

  it('what is written is still judged: invalid values and names, a bad schedule, :latest, restartPolicy: Always on a Job', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: Bad_Name
spec:
  template:
    spec:
      restartPolicy: Always
      containers:
        - name: main
          image: busybox:latest
          resources:
            requests:
              cpu: lots
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "61 * * * *"
  concurrencyPolicy: Sometimes
`;
    const { put, codes } = setup();
    put('file:///r/o/p.yaml', text);
    put('file:///r/o/kustomization.yaml', 'patchesStrategicMerge: [p.yaml]\n');
    assert.deepEqual(
      codes('file:///r/o/p.yaml').sort(),
      ['image-tag', 'invalid-cron-schedule', 'invalid-name', 'invalid-quantity', 'invalid-value', 'job-restart-policy'].sort(),
    );
  });

  it('rules that are only partly silenced keep their findings about what is written (run-as-non-root: false on a container)', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          securityContext:
            runAsNonRoot: false
        - name: side
`;
    const { put, ls, docs } = setup();
    put('file:///r/o/p.yaml', text);
    put('file:///r/o/kustomization.yaml', 'patchesStrategicMerge: [p.yaml]\n');
    const found = ls.ruleResults(docs.get('file:///r/o/p.yaml')!).map((r) => `${r.rule.meta.id}/${r.report.messageId}`);
    assert.deepEqual(found, ['run-as-non-root/containerFalse']);
  });
});

describe('the cross-file index leaves patches out', () => {
  it('a patch neither satisfies nor triggers cross-file rules; objects() does not list it', () => {
    const workspace = new WorkspaceIndex();
    const ls = getLanguageService({ workspace });
    const doc = (uri: string, text: string) => {
      const d = TextDocument.create(uri, 'yaml', 1, text);
      ls.parse(d);
      return d;
    };
    // The base: a Deployment and a plain (not headless) Service named web.
    doc('file:///r/base/deploy.yaml', BASE);
    const svc = doc(
      'file:///r/base/svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    );
    // An overlay patches a StatefulSet naming web as its governing Service, and a headless Service db.
    const stsPatch =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n---\n' +
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n';
    doc('file:///r/overlays/prod/patch.yaml', stsPatch);
    doc('file:///r/overlays/prod/deploy.yaml', BASE);
    const sts = doc('file:///r/other/db.yaml', BASE.replace(/Deployment/, 'StatefulSet').replace('spec:\n', 'spec:\n  serviceName: db\n'));
    const codes = (d: TextDocument) => ls.doValidation(d).map((x) => String(x.code));
    // Before the kustomization: the StatefulSet "patch" makes the base Service look like its governing one.
    assert.ok(codes(svc).includes('service-not-headless'));
    assert.ok(!codes(sts).includes('missing-headless-service'), 'Service db counts while the file is a manifest');
    doc('file:///r/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n');
    assert.ok(!codes(svc).includes('service-not-headless'));
    assert.ok(codes(sts).includes('missing-headless-service'), 'a patched Service db is not a Service that exists');
    assert.deepEqual([...workspace.objects()].map((o) => `${o.uri.replace('file:///r/', '')} ${o.kind}/${o.name}`).sort(), [
      'base/deploy.yaml Deployment/web',
      'base/svc.yaml Service/web',
      'other/db.yaml StatefulSet/web',
      'overlays/prod/deploy.yaml Deployment/web',
    ]);
  });
});

describe('every rule says what it does on a patch', () => {
  for (const rule of RULES)
    it(rule.meta.id, () => {
      const onPatch = rule.meta.onPatch;
      assert.ok(onPatch !== undefined, 'meta.onPatch is set');
      if (typeof onPatch === 'object') {
        assert.ok(onPatch.skipMessages.length > 0);
        for (const id of onPatch.skipMessages) assert.ok(id in rule.meta.messages, `${id} is one of the rule's messages`);
      }
    });

  it('the rules that conclude from an absence do not run on patches', () => {
    const skipped = RULES.filter((r) => r.meta.onPatch === 'skip').map((r) => r.meta.id);
    for (const id of ['missing-required-field', 'missing-resources', 'selector-mismatch', 'dangling-service', 'missing-headless-service'])
      assert.ok(skipped.includes(id), id);
    const checked = RULES.filter((r) => r.meta.onPatch === 'check').map((r) => r.meta.id);
    for (const id of ['unknown-field', 'invalid-value', 'invalid-quantity', 'invalid-name', 'api-version-mismatch', 'yaml-syntax'])
      assert.ok(checked.includes(id), id);
  });
});
