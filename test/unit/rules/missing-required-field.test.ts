import { ruleTable } from '../helpers/ruleTester';

ruleTable('missing-required-field', {
  valid: [
    {
      name: 'a complete Deployment',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
    },
    {
      name: 'a headless Service needs no ports',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n',
    },
    {
      name: 'an ExternalName Service needs no ports',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: example.com\n',
    },
    {
      name: 'a single Service port needs no name',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n',
    },
    { name: 'a ConfigMap needs only a name', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    { name: 'generateName instead of name', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: c-\n' },
    {
      name: 'a pod template needs no name',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox:1.36\n',
    },
    {
      name: 'fields merged in with a YAML merge key are not reported missing',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - &base\n    name: a\n    image: nginx:1.27\n  - <<: *base\n    name: b\n',
    },
    {
      name: 'a merge key Kubernetes cannot apply (`<<: 5`) is a yaml-syntax error, and nothing else is checked in that document',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - <<: 5\n    name: b\n',
    },
    { name: 'an unknown kind is not checked', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n' },
    {
      name: 'values of the wrong type and unknown fields are other rules’ business',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: 5\n  containers:\n  - name: web\n    image: nginx:1.27\n    replicas: 2\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment without selector: on the parent key, the fix copies the template labels',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n«spec»:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
      messageId: 'missing',
      message: 'Deployment.spec is missing the required field `selector`.',
      fix: 'Add `selector`',
      fixes: ['Add `selector`'],
      preferred: true,
      output:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n  selector:\n    matchLabels:\n      app: web\n',
    },
    {
      name: 'container without image: on the item, inserted at its indentation',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - «name: web»\n    ports:\n    - containerPort: 80\n',
      messageId: 'missing',
      message: 'Pod.spec.containers[0] is missing the required field `image`.',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n    image: ""\n',
    },
    {
      name: 'container without name',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - «image: nginx:1.27»\n',
      messageId: 'missing',
      message: 'Pod.spec.containers[0] is missing the required field `name`.',
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - image: nginx:1.27\n    name: web\n',
    },
    {
      name: 'a workload without spec: on the kind line, the fix writes a skeleton',
      text: 'apiVersion: apps/v1\n«kind: StatefulSet»\nmetadata:\n  name: db\n',
      messageId: 'missing',
      message: 'StatefulSet is missing the required field `spec`.',
      output:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: ""\n',
    },
    {
      name: 'CronJob without schedule and jobTemplate: two diagnostics',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n««spec»»:\n  concurrencyPolicy: Forbid\n',
      messageId: 'missing',
      fix: 'Add `schedule`',
      output:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  concurrencyPolicy: Forbid\n  schedule: "0 0 * * *"\n',
    },
    {
      name: 'Job without template, with restartPolicy Never in the skeleton',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n«spec»:\n  backoffLimit: 2\n',
      messageId: 'missing',
      message: 'Job.spec is missing the required field `template`.',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  backoffLimit: 2\n  template:\n    metadata:\n      labels:\n        app: once\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: once\n          image: ""\n',
    },
    {
      name: 'a ClusterIP Service without ports',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n«spec»:\n  selector:\n    app: web\n',
      messageId: 'missing',
      message: 'Service.spec is missing the required field `ports`.',
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
    },
    {
      name: 'an empty spec counts as missing (null is unset)',
      text: 'apiVersion: v1\n«kind: Pod»\nmetadata:\n  name: web\nspec:\n',
      messageId: 'missing',
      message: 'Pod is missing the required field `spec`.',
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: ""\n',
    },
    {
      name: 'an explicit null is replaced, in the second document',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n«spec»:\n  containers: ~ # none yet\n',
      messageId: 'missing',
      message: 'Pod.spec is missing the required field `containers`.',
      output:
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: # none yet\n    - name: web\n      image: ""\n',
    },
    {
      name: 'an object without metadata: inserted after the kind line',
      text: 'apiVersion: batch/v1\n«kind: Job»\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox:1.36\n',
      messageId: 'missing',
      message: 'Job is missing the required field `metadata`.',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox:1.36\n',
    },
    {
      name: 'metadata without name or generateName',
      text: 'apiVersion: v1\nkind: ConfigMap\n«metadata»:\n  labels: {app: web}\n',
      messageId: 'missing',
      message: 'ConfigMap.metadata is missing the required field `name`.',
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: web}\n  name: configmap\n',
    },
    {
      name: 'an empty container list',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: «[]»\n',
      messageId: 'empty',
      message: '`containers` of Pod.spec is empty, but the API requires a value.',
    },
    {
      name: 'an empty image',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: «""»\n',
      messageId: 'empty',
      message: '`image` of Pod.spec.containers[0] is empty, but the API requires a value.',
    },
    {
      name: 'a Service with two ports needs a name on each',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - «port: 8080»\n  - name: https\n    port: 443\n',
      messageId: 'missing',
      message: 'Service.spec.ports[0] is missing the required field `name`.',
      output:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 8080\n    name: port-8080\n  - name: https\n    port: 443\n',
    },
    {
      name: 'a Service port without port',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - «name: http»\n    targetPort: 8080\n',
      messageId: 'missing',
      message: 'Service.spec.ports[0] is missing the required field `port`.',
      output:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n    targetPort: 8080\n    port: 80\n',
    },
  ],
});
