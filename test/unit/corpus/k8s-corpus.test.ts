// The schema rules over the real manifests of ../shared/corpus, on every Kubernetes release we
// ship: every Kubernetes file gets exactly the diagnostics listed below (the true positives:
// removed apiVersions, duplicate keys, a TAB, typos in old examples…) from the schema rules and
// yaml-syntax, and nothing else from them; the Gateway API examples get no error at all;
// non-Kubernetes YAML and Helm templates get no diagnostics at all, from any rule; and no rule
// throws anywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, KUBERNETES_VERSIONS, type KubernetesVersion } from '../../../server/src/service/index';
import { TEST_APIS } from '../helpers/api';
import { assertNoInternalErrors } from '../helpers/internalErrors';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const SCHEMA_RULES = new Set([
  'unknown-field',
  'invalid-value',
  'missing-required-field',
  'api-version-mismatch',
  'missing-api-version',
  'invalid-quantity',
  'invalid-name',
  'yaml-syntax',
]);

/** File (relative to corpus/k8s) → the schema-rule diagnostics it must get, as `rule@line`. */
const EXPECTED: Record<string, string[]> = {
  // extensions/v1beta1 DaemonSets: removed in 1.16
  'kubernetes-examples/_archived__newrelic-infrastructure__newrelic-infra-daemonset.yaml': ['api-version-mismatch@1'],
  'kubernetes-examples/_archived__volumes__flexvolume__deploy__ds.yaml': ['api-version-mismatch@1'],
  // policy/v1beta1 PodDisruptionBudget: removed in 1.25
  'kubernetes-examples/_archived__cockroachdb__cockroachdb-statefulset.yaml': ['api-version-mismatch@57'],
  // batch/v1beta1 CronJob: removed in 1.25
  'kubernetes-website/content__en__examples__application__job__cronjob.yaml': ['api-version-mismatch@1'],
  // duplicate keys
  'kubernetes-examples/_archived__openshift-origin__etcd-controller.yaml': ['yaml-syntax@12'],
  'kubernetes-examples/_archived__openshift-origin__etcd-discovery-controller.yaml': ['yaml-syntax@12'],
  'kubernetes-examples/_archived__openshift-origin__openshift-controller.yaml': ['yaml-syntax@12'],
  'kubernetes-examples/_archived__volumes__scaleio__sc-pvc.yaml': ['yaml-syntax@12'],
  // a TAB used for indentation
  'kubernetes-website/content__en__examples__controllers__job-pod-failure-policy-ignore.yaml': ['yaml-syntax@24'],
  // `protocol: tcp`: the API only accepts TCP, UDP, SCTP
  'kubernetes-examples/_archived__volumes__aws_ebs__aws-ebs-web.yaml': ['invalid-value@12'],
  'kubernetes-examples/_archived__volumes__cinder__cinder-web.yaml': ['invalid-value@12'],
  // `lun: <ADD LUN ID Here>`: a placeholder where an integer belongs
  'kubernetes-examples/_archived__volumes__fibre_channel__fc.yaml': ['invalid-value@17'],
  // StorageClass parameters written into a Pod's rbd volume
  'kubernetes-examples/_archived__volumes__rbd__rbd.yaml': ['unknown-field@25', 'unknown-field@26'],
  // `protectionDoamin`: a typo of protectionDomain
  'kubernetes-examples/_archived__volumes__scaleio__pod.yaml': ['unknown-field@17'],
  // storageos.pool is not a field of the 1.35 API
  'kubernetes-examples/_archived__volumes__storageos__storageos-pod.yaml': ['unknown-field@35'],
  // a Job without metadata: "name or generateName is required"
  'kubernetes-website/content__en__examples__controllers__job-success-policy-example.yaml': ['missing-required-field@2'],
  // a template for sed: `process-item-$ITEM` is not a valid name until expanded
  'kubernetes-website/content__en__examples__application__job__job-tmpl.yaml': ['invalid-name@6'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

function validate(path: string, kubernetesVersion?: KubernetesVersion) {
  const service = getLanguageService({ apis: TEST_APIS, kubernetesVersion });
  const document = TextDocument.create(`file://${path}`, 'yaml', 1, readFileSync(path, 'utf8'));
  return service.doValidation(document);
}

for (const version of KUBERNETES_VERSIONS)
  describe(`corpus: Kubernetes manifests on Kubernetes ${version}`, () => {
    const root = join(CORPUS, 'k8s');
    const all = files(root).sort();
    it('finds the corpus', () => assert.ok(all.length > 150, `expected the corpus at ${root}`));
    it('lists only files that exist', () => {
      const rel = new Set(all.map((f) => relative(root, f)));
      for (const f of Object.keys(EXPECTED)) assert.ok(rel.has(f), f);
    });
    for (const f of all) {
      const rel = relative(root, f);
      it(rel, () => {
        const diagnostics = validate(f, version);
        assertNoInternalErrors(diagnostics, rel);
        const mine = diagnostics
          .filter((d) => SCHEMA_RULES.has(String(d.code)))
          .map((d) => `${d.code}@${d.range.start.line + 1}`)
          .sort();
        assert.deepEqual(mine, [...(EXPECTED[rel] ?? [])].sort(), diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
      });
    }
  });

describe('corpus: the Gateway API CRDs and their examples (custom resources beside built-in objects) get no error on any release', () => {
  // the CRDs are CustomResourceDefinition objects (their schemas' default/enum/example hold any JSON value)
  const root = join(CORPUS, 'crds', 'gateway-api');
  const all = files(root).sort();
  it('finds the CRDs and the examples', () => assert.ok(all.length > 80, root));
  for (const version of KUBERNETES_VERSIONS)
    it(`on Kubernetes ${version}`, () => {
      const errors = all.flatMap((f) => {
        const diagnostics = validate(f, version);
        assertNoInternalErrors(diagnostics, f);
        return diagnostics
          .filter((d) => d.severity === 1)
          .map((d) => `${relative(root, f)}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
      });
      assert.deepEqual(errors, []);
    });
});

for (const folder of ['not-k8s', 'helm-templates']) {
  describe(`corpus: ${folder} gets no diagnostics`, () => {
    const root = join(CORPUS, folder);
    const all = files(root).sort();
    it('finds the files', () => assert.ok(all.length >= 10, root));
    for (const f of all) {
      it(relative(root, f), () => {
        const diagnostics = validate(f);
        assertNoInternalErrors(diagnostics, f);
        assert.deepEqual(
          diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}: ${d.message}`),
          [],
        );
      });
    }
  });
}
