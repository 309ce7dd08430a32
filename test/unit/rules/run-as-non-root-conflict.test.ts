import { ruleTable } from '../helpers/ruleTester';
import { QDRANT } from './guide-examples';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}
`;
const MSG = (containers: string) =>
  `runAsUser: 0 is root, but runAsNonRoot: true forbids root: the kubelet refuses to start ${containers} ` +
  "(CreateContainerConfigError: container's runAsUser breaks non-root policy) — remove runAsUser: 0 or set a non-zero user.";

ruleTable('run-as-non-root-conflict', {
  valid: [
    { name: 'guide: qdrant (runAsNonRoot: true, runAsUser: 1000)', text: QDRANT },
    {
      name: 'runAsUser 0 without runAsNonRoot (run-as-non-root reports that)',
      text: pod('  securityContext:\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1'),
    },
    {
      name: 'runAsNonRoot: false beside runAsUser: 0',
      text: pod('  securityContext:\n    runAsNonRoot: false\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1'),
    },
    {
      name: "a container's own non-zero runAsUser wins over the pod's 0",
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n  containers:\n  - name: web\n    image: web:1\n    securityContext:\n      runAsUser: 1000',
      ),
    },
    {
      name: "a container's own runAsNonRoot: false wins over the pod's true",
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1\n    securityContext:\n      runAsNonRoot: false\n      runAsUser: 0',
      ),
    },
    {
      name: 'a null container runAsUser is unset: the pod value 1000 applies',
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n  containers:\n  - name: web\n    image: web:1\n    securityContext:\n      runAsUser:',
      ),
    },
    {
      name: 'runAsUser "0" as a string is invalid-value’s',
      text: pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: "0"\n  containers:\n  - name: web\n    image: web:1'),
    },
    {
      name: 'a Service is not checked',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  securityContext: {runAsNonRoot: true, runAsUser: 0}\n',
    },
  ],
  invalid: [
    {
      name: 'both on the pod: the fix removes runAsUser',
      text: pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: «0»\n  containers:\n  - name: web\n    image: web:1.0.0'),
      messageId: 'conflict',
      message: MSG('container web'),
      fix: 'Remove runAsUser: 0',
      preferred: true,
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: "both on the pod: the other fix sets the guide's user",
      text: pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: «0»\n  containers:\n  - name: web\n    image: web:1.0.0'),
      messageId: 'conflict',
      fix: 'Set runAsUser: 1000',
      preferred: false,
      output: pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n  containers:\n  - name: web\n    image: web:1.0.0'),
    },
    {
      name: 'the pod says non-root, a container runs as 0 (a Deployment): its securityContext goes',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: web
        image: web:1.0.0
        securityContext:
          runAsUser: «0»  # root
`,
      messageId: 'conflict',
      message: MSG('container web'),
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: web
        image: web:1.0.0
`,
    },
    {
      name: "a container says non-root and inherits the pod's runAsUser 0; one report names every such container",
      text: pod(
        '  securityContext:\n    runAsUser: «0»\n  initContainers:\n  - name: init\n    image: init:1\n    securityContext: {runAsNonRoot: true}\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: true',
      ),
      messageId: 'conflict',
      message: MSG('containers init, web'),
      output: pod(
        '  initContainers:\n  - name: init\n    image: init:1\n    securityContext: {runAsNonRoot: true}\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsNonRoot: true',
      ),
    },
    {
      name: "a container's own 0 over the pod's 0: the fix removes both, or the pod's 0 would take over",
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n    fsGroup: 2000\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      runAsUser: «0»\n      readOnlyRootFilesystem: true',
      ),
      messageId: 'conflict',
      fix: 'Remove runAsUser: 0 (here and on the pod)',
      output: pod(
        '  securityContext:\n    runAsNonRoot: true\n    fsGroup: 2000\n  containers:\n  - name: web\n    image: web:1.0.0\n    securityContext:\n      readOnlyRootFilesystem: true',
      ),
    },
    {
      name: "a null container runAsUser is unset: the pod's 0 applies; an unnamed container is named by its place",
      text: pod(
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: «0»\n  containers:\n  - name: web\n    image: web:1\n  - image: side:1\n    securityContext:\n      runAsUser:',
      ),
      messageId: 'conflict',
      message: MSG('containers web, #2'),
    },
    {
      name: 'in a flow-style CronJob container, set to 1000',
      text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: report, image: report:1.0.0, securityContext: {runAsNonRoot: true, runAsUser: «0»}}
`,
      messageId: 'conflict',
      fix: 'Set runAsUser: 1000',
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: report, image: report:1.0.0, securityContext: {runAsNonRoot: true, runAsUser: 1000}}
`,
    },
  ],
});
