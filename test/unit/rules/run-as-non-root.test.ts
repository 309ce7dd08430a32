import { ruleTable } from '../helpers/ruleTester';
import { API_SERVER, QDRANT } from './guide-examples';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}
`;

ruleTable('run-as-non-root', {
  valid: [
    { name: "guide: qdrant sets it on the pod (the guide's own practice)", text: QDRANT },
    { name: 'pod level', text: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0') },
    {
      name: 'every container',
      text: pod(
        '  initContainers:\n  - name: init\n    image: init:1\n    securityContext: {runAsNonRoot: true}\n' +
          '  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: true',
      ),
    },
    { name: 'no containers yet', text: pod('  restartPolicy: Always') },
    {
      name: 'a non-zero pod runAsUser (the zookeeper example of the Kubernetes docs)',
      text: pod('  securityContext:\n    runAsUser: 1000\n    fsGroup: 1000\n  containers:\n  - name: zk\n    image: zk:3.9'),
    },
    {
      name: 'a container runAsUser overrides a pod-level false',
      text: pod(
        '  securityContext:\n    runAsNonRoot: false\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsUser: 65534',
      ),
    },
    { name: 'a Service is not checked', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: "the guide's api-server Deployment (only the Qdrant example sets runAsNonRoot)",
      text: API_SERVER.replace('    spec:\n      containers:', '    «spec»:\n      containers:'),
      messageId: 'missing',
      output: API_SERVER.replace(
        '        - containerPort: 8000\n',
        '        - containerPort: 8000\n      securityContext:\n        runAsNonRoot: true\n',
      ),
    },
    {
      name: 'nothing set: a pod-level securityContext is added',
      text: pod('  containers:\n  - name: web\n    image: web:1.0.0').replace('spec:', '«spec»:'),
      messageId: 'missing',
      message:
        'Neither the pod nor container web sets runAsNonRoot: true (or a non-zero runAsUser), so it may run as root — add securityContext.runAsNonRoot: true to the pod spec.',
      fix: 'Add securityContext.runAsNonRoot: true to the pod',
      preferred: true,
      output: pod('  containers:\n  - name: web\n    image: web:1.0.0\n  securityContext:\n    runAsNonRoot: true'),
    },
    {
      name: 'an existing pod securityContext gets the key',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    «spec»:
      securityContext:
        fsGroup: 1000  # app group
      containers:
      - name: web
        image: web:1.0.0
      - name: proxy
        image: proxy:1.0.0
        securityContext:
          runAsNonRoot: true
      - name: log
        image: log:1.0.0
`,
      messageId: 'missing',
      message:
        'Neither the pod nor containers web, log set runAsNonRoot: true (or a non-zero runAsUser), so they may run as root — add securityContext.runAsNonRoot: true to the pod spec.',
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        fsGroup: 1000  # app group
        runAsNonRoot: true
      containers:
      - name: web
        image: web:1.0.0
      - name: proxy
        image: proxy:1.0.0
        securityContext:
          runAsNonRoot: true
      - name: log
        image: log:1.0.0
`,
    },
    {
      name: 'an empty flow securityContext',
      text: pod('  «securityContext»: {}\n  containers:\n  - name: web\n    image: web:1.0.0')
        .replace('«securityContext»', 'securityContext')
        .replace('spec:', '«spec»:'),
      messageId: 'missing',
      output: pod('  securityContext: {runAsNonRoot: true}\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: 'a flow-style pod spec gets a flow-style securityContext',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n«spec»: {containers: [{name: web, image: web:1.0.0}]}\n',
      messageId: 'missing',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec: {containers: [{name: web, image: web:1.0.0}], securityContext: {runAsNonRoot: true}}\n',
    },
    // The fix used to add runAsNonRoot: true beside runAsUser: 0 — a pair the kubelet refuses to start
    // (run-as-non-root-conflict). It now turns runAsUser: 0 into runAsNonRoot: true.
    {
      name: 'runAsUser 0 is root: the fix replaces it, never writing runAsNonRoot: true beside runAsUser: 0',
      text: pod('  securityContext:\n    runAsUser: 0\n    fsGroup: 1000\n  containers:\n  - name: web\n    image: web:1.0.0').replace(
        'spec:',
        '«spec»:',
      ),
      messageId: 'missing',
      output: pod('  securityContext:\n    runAsNonRoot: true\n    fsGroup: 1000\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: 'runAsUser 0 in a flow securityContext',
      text: pod('  securityContext: {runAsUser: 0}\n  containers:\n  - name: web\n    image: web:1.0.0').replace('spec:', '«spec»:'),
      messageId: 'missing',
      output: pod('  securityContext: {runAsNonRoot: true}\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: "a container's own runAsUser 0 goes (its securityContext with it) when the pod gets runAsNonRoot",
      text: pod(
        '  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsUser: 0\n  - name: side\n    image: side:1.0.0\n    securityContext:\n      runAsUser: 0\n      readOnlyRootFilesystem: true',
      ).replace('spec:', '«spec»:'),
      messageId: 'missing',
      message:
        'Neither the pod nor containers web, side set runAsNonRoot: true (or a non-zero runAsUser), so they may run as root — add securityContext.runAsNonRoot: true to the pod spec.',
      output: pod(
        '  containers:\n  - name: web\n    image: web:1.0.0\n  - name: side\n    image: side:1.0.0\n    securityContext:\n      readOnlyRootFilesystem: true\n  securityContext:\n    runAsNonRoot: true',
      ),
    },
    {
      name: 'pod says false beside runAsUser 0: set to true, runAsUser 0 goes',
      text: pod('  securityContext:\n    runAsNonRoot: «false»\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1.0.0'),
      messageId: 'podFalse',
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: 'a container says false with its own runAsUser 0 (flow): set to true, runAsUser 0 goes',
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext: {runAsNonRoot: «false», runAsUser: 0}',
      ),
      messageId: 'containerFalse',
      output: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext: {runAsNonRoot: true}',
      ),
    },
    {
      name: "a container says false and runs as the pod's runAsUser 0: the pod's goes",
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: «false»',
      ),
      messageId: 'containerFalse',
      output: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: true',
      ),
    },
    {
      name: 'an empty container runAsUser runs as the pod’s runAsUser 0: the pod’s 0 becomes runAsNonRoot: true',
      text: pod(
        '  securityContext:\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsUser:',
      ).replace('spec:', '«spec»:'),
      messageId: 'missing',
      output: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsUser:',
      ),
    },
    {
      name: 'pod says false',
      text: pod('  securityContext:\n    runAsNonRoot: «false»\n  containers:\n  - name: web\n    image: web:1.0.0'),
      messageId: 'podFalse',
      message: 'The pod sets runAsNonRoot: false, so containers that do not override it may run as root — set it to true.',
      fixes: ['Set runAsNonRoot: true'],
      preferred: true,
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: 'a container overrides the pod with false',
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: «false»',
      ),
      messageId: 'containerFalse',
      message: 'Container web sets runAsNonRoot: false and may run as root — set it to true.',
      fixes: ['Set runAsNonRoot: true'],
      preferred: true,
      output: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: true',
      ),
    },
  ],
});
