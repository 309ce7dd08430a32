import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';
import { WIDGETS_PATH } from '../crd/widgets';

const widgetFiles = { 'file:///work/crds/widgets.yaml': readFileSync(WIDGETS_PATH, 'utf8') };
const widget = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: small\n  colr: red\n  parts:\n  - name: p-1\n`;
/** A selector-less workload of `kind` whose template has the given labels lines (none when empty). */
const selectorless = (apiVersion: string, kind: string, labels: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n${labels}      annotations: {a: b}\n    spec:\n      containers:\n      - name: web\n        image: web:1.0\n`;
const hpa = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 3\n`;

const cronjob = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1.0\n`;
const daemonset = (apiVersion: string) =>
  `apiVersion: ${apiVersion}\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers:\n      - name: agent\n        image: agent:1.0\n`;

ruleTable('api-version-mismatch', {
  valid: [
    cronjob('batch/v1'),
    daemonset('apps/v1'),
    { name: 'core kinds in v1', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    { name: 'a CRD that reuses a kind name', text: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\n' },
    { name: 'a kind no release has', text: 'apiVersion: extensions/v1beta1\nkind: Widget\nmetadata:\n  name: web\n' },
    { name: 'not Kubernetes', text: 'apiVersion: v2\nname: chart\nversion: 1.0.0\n' },
    { name: 'a v1 List', text: 'apiVersion: v1\nkind: List\nitems: []\n' },
    { name: 'a kind of v1 that is far from every kind we know', text: 'apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: x\n' },
    { name: 'a CRD kind close to ours', text: 'apiVersion: example.com/v1\nkind: Deploymnet\nmetadata:\n  name: x\n' },
    {
      name: 'a custom resource at a version its CRD serves: its other problems are not this rule’s',
      text: widget('example.com/v1'),
      files: widgetFiles,
    },
    { name: 'a document that is not an object', text: '- apiVersion: v1\n- kind: Deployment\n' },
    { name: 'a document without a kind', text: 'apiVersion: extensions/v1beta1\nmetadata:\n  name: web\n' },
    { name: 'a List kind under a version that does not serve it', text: 'apiVersion: apps/v1\nkind: DeploymentList\nitems: []\n' },
  ],
  invalid: [
    {
      name: 'a misspelt kind',
      text: 'apiVersion: apps/v1\nkind: «Deploymnet»\nmetadata:\n  name: web\n',
      messageId: 'unknownKind',
      message: '`apps/v1` has no kind `Deploymnet`. Did you mean `Deployment`?',
      fixes: ['Change kind to `Deployment`'],
      preferred: true,
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    },
    {
      name: 'a lower-case kind under the wrong apiVersion: one fix sets both',
      text: 'apiVersion: v1\nkind: «statefulset»\nmetadata:\n  name: db\n',
      messageId: 'unknownKind',
      message: '`v1` has no kind `statefulset`. Did you mean `StatefulSet`?',
      fix: 'Change kind to `StatefulSet` and apiVersion to `apps/v1`',
      fixes: ['Change kind to `StatefulSet` and apiVersion to `apps/v1`', 'Change kind to `StatefulSet`'],
      preferred: true,
      safe: false,
      output: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n',
    },
    {
      name: 'batch/v1beta1 CronJob, removed in 1.25',
      text: cronjob('«batch/v1beta1»'),
      messageId: 'removed',
      message: '`batch/v1beta1` no longer serves CronJob: it was removed in Kubernetes 1.25. Use `batch/v1`.',
      fix: 'Change apiVersion to `batch/v1`',
      preferred: true,
      safe: true,
      output: cronjob('batch/v1'),
    },
    {
      name: 'extensions/v1beta1 DaemonSet, removed in 1.16',
      text: daemonset('«extensions/v1beta1»'),
      messageId: 'removed',
      message: '`extensions/v1beta1` no longer serves DaemonSet: it was removed in Kubernetes 1.16. Use `apps/v1`.',
      output: daemonset('apps/v1'),
    },
    {
      name: 'a selector-less extensions/v1beta1 DaemonSet: apps/v1 requires the selector the beta defaulted, so the fix writes it',
      text: 'apiVersion: «extensions/v1beta1»\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n        tier: "1"\n    spec:\n      containers:\n      - name: agent\n        image: agent:1.0\n',
      messageId: 'removed',
      fix: 'Change apiVersion to `apps/v1` and write spec.selector from the template labels',
      preferred: true,
      output:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    metadata:\n      labels:\n        app: agent\n        tier: "1"\n    spec:\n      containers:\n      - name: agent\n        image: agent:1.0\n  selector:\n    matchLabels:\n      app: agent\n      tier: "1"\n',
    },
    {
      name: 'a selector-less extensions/v1beta1 Deployment indented by 4',
      text: 'apiVersion: «extensions/v1beta1»\nkind: Deployment\nmetadata:\n    name: web\nspec:\n    replicas: 2\n    template:\n        metadata:\n            labels: {app: web}\n        spec:\n            containers:\n            - name: web\n              image: web:1.0\n',
      messageId: 'removed',
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n    name: web\nspec:\n    replicas: 2\n    template:\n        metadata:\n            labels: {app: web}\n        spec:\n            containers:\n            - name: web\n              image: web:1.0\n    selector:\n        matchLabels:\n            app: web\n',
    },
    {
      name: 'apps/v1beta2 Deployment, quoted',
      text: 'apiVersion: «"apps/v1beta2"»\nkind: Deployment\nmetadata:\n  name: web\n',
      messageId: 'removed',
      message: '`apps/v1beta2` no longer serves Deployment: it was removed in Kubernetes 1.16. Use `apps/v1`.',
    },
    {
      name: 'apps/v1beta1 StatefulSet',
      text: 'apiVersion: «apps/v1beta1»\nkind: StatefulSet\nmetadata:\n  name: db\n',
      messageId: 'removed',
      message: '`apps/v1beta1` no longer serves StatefulSet: it was removed in Kubernetes 1.16. Use `apps/v1`.',
    },
    {
      name: 'a kind under the wrong group',
      text: 'apiVersion: «v1»\nkind: Deployment\nmetadata:\n  name: web\n',
      messageId: 'mismatch',
      message: '`v1` does not serve Deployment. Use `apps/v1`.',
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    },
    {
      name: 'a Job in a batch version that never served it, in the second document',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: «batch/v1beta1»\nkind: Job\nmetadata:\n  name: once\n',
      messageId: 'mismatch',
      message: '`batch/v1beta1` does not serve Job. Use `batch/v1`.',
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n',
    },
    {
      name: 'a custom resource at a version its CRD does not have',
      text: widget('«example.com/v9»'),
      files: widgetFiles,
      messageId: 'crdNoVersion',
      message:
        'The CustomResourceDefinition `widgets.example.com` has no version `example.com/v9` (served: `example.com/v1beta1`, `example.com/v1`).',
    },
    {
      name: 'a misspelt kind with two apiVersions: only the kind is changed, and that fix is preferred',
      text: 'apiVersion: v1\nkind: «HorizontalPodAutoscalr»\nmetadata:\n  name: web\n',
      messageId: 'unknownKind',
      message: '`v1` has no kind `HorizontalPodAutoscalr`. Did you mean `HorizontalPodAutoscaler`?',
      fixes: ['Change kind to `HorizontalPodAutoscaler`'],
    },
    {
      name: 'a selector-less apps/v1beta1 StatefulSet: the fix writes the selector',
      text: selectorless('«apps/v1beta1»', 'StatefulSet', '      labels:\n        app: db\n'),
      messageId: 'removed',
      message: '`apps/v1beta1` no longer serves StatefulSet: it was removed in Kubernetes 1.16. Use `apps/v1`.',
      fixes: ['Change apiVersion to `apps/v1` and write spec.selector from the template labels'],
      safe: true,
      output: selectorless('apps/v1', 'StatefulSet', '      labels:\n        app: db\n') + '  selector:\n    matchLabels:\n      app: db\n',
    },
    {
      name: 'a selector-less extensions/v1beta1 ReplicaSet: the fix writes the selector',
      text: selectorless('«extensions/v1beta1»', 'ReplicaSet', '      labels:\n        app: web\n'),
      messageId: 'removed',
      message: '`extensions/v1beta1` no longer serves ReplicaSet: it was removed in Kubernetes 1.16. Use `apps/v1`.',
      fixes: ['Change apiVersion to `apps/v1` and write spec.selector from the template labels'],
      output:
        selectorless('apps/v1', 'ReplicaSet', '      labels:\n        app: web\n') + '  selector:\n    matchLabels:\n      app: web\n',
    },
    {
      name: 'a selector-less Deployment without template labels: no selector to write, so the fix is offered but not safe',
      text: selectorless('«apps/v1beta2»', 'Deployment', ''),
      messageId: 'removed',
      fixes: ['Change apiVersion to `apps/v1`'],
      preferred: true,
      safe: false,
      output: selectorless('apps/v1', 'Deployment', ''),
    },
    {
      name: 'a ControllerRevision moved to apps/v1 needs no selector',
      text: 'apiVersion: «apps/v1beta2»\nkind: ControllerRevision\nmetadata:\n  name: r\nrevision: 1\n',
      messageId: 'removed',
      message: '`apps/v1beta2` no longer serves ControllerRevision: it was removed in Kubernetes 1.16. Use `apps/v1`.',
      fixes: ['Change apiVersion to `apps/v1`'],
      safe: true,
      output: 'apiVersion: apps/v1\nkind: ControllerRevision\nmetadata:\n  name: r\nrevision: 1\n',
    },
    {
      name: 'autoscaling/v2beta2: two replacements, neither preferred nor safe',
      text: hpa('«autoscaling/v2beta2»'),
      messageId: 'removed',
      fixes: ['Change apiVersion to `autoscaling/v1`', 'Change apiVersion to `autoscaling/v2`'],
      fix: 'Change apiVersion to `autoscaling/v2`',
      preferred: false,
      safe: false,
      output: hpa('autoscaling/v2'),
    },
    {
      name: 'DeviceClass on 1.30: no release before 1.31 has it, so there is nothing to advise',
      text: 'apiVersion: «resource.k8s.io/v1»\nkind: DeviceClass\nmetadata:\n  name: gpu\n',
      kubernetesVersion: '1.30',
      messageId: 'notYetServed',
      message: 'Kubernetes 1.30 does not serve DeviceClass at `resource.k8s.io/v1`: it arrives in Kubernetes 1.34.',
      fixes: [],
    },
  ],
});

describe('api-version-mismatch: the preferred fix (Ctrl+. Enter)', () => {
  const offered = (text: string) => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///work/a.yaml', 'yaml', 1, text);
    const diagnostics = service.doValidation(document).filter((d) => d.code === 'api-version-mismatch');
    assert.equal(diagnostics.length, 1);
    return service
      .getCodeActions(document, { range: diagnostics[0].range, diagnostics })
      .filter((a) => !a.title.startsWith('Disable '))
      .map((a) => [a.title, a.isPreferred === true]);
  };
  it('a lower-case kind under the wrong apiVersion: the fix that sets both, not the one that leaves the apiVersion wrong', () =>
    assert.deepEqual(offered('apiVersion: v1\nkind: statefulset\nmetadata:\n  name: db\n'), [
      ['Change kind to `StatefulSet` and apiVersion to `apps/v1`', true],
      ['Change kind to `StatefulSet`', false],
    ]));
  it('two replacement apiVersions: neither', () =>
    assert.deepEqual(offered(hpa('autoscaling/v2beta1')), [
      ['Change apiVersion to `autoscaling/v1`', false],
      ['Change apiVersion to `autoscaling/v2`', false],
    ]));
});
