import { ruleTable } from '../helpers/ruleTester';

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
  ],
});
