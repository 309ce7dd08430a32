import { readFileSync } from 'node:fs';
import { ruleTable } from '../helpers/ruleTester';
import { WIDGETS_PATH } from '../crd/widgets';

const pod = (specLines: string, containerLines = '') =>
  `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${specLines}  containers:
  - name: web
    image: nginx:1.27
${containerLines}`;

const deployment = (specLines: string) =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${specLines}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

const statefulSet = (maxUnavailable: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  updateStrategy:
    rollingUpdate:
      maxUnavailable: ${maxUnavailable}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16
`;

const daemonSet = (rollingUpdate: string, type = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  updateStrategy:
${type}    rollingUpdate:
${rollingUpdate}  template:
    metadata:
      labels: {app: agent}
    spec:
      tolerations:
      - operator: Exists
      containers:
      - name: agent
        image: agent:1.0.0
`;

const service = (portLines: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n${portLines}`;

ruleTable('invalid-value', {
  valid: [
    { name: 'targetPort as a number', text: service('    targetPort: 8080\n') },
    { name: 'targetPort as a port name', text: service('    targetPort: http\n') },
    {
      name: 'maxSurge above 100% (a Deployment may surge past its size)',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 150%\n'),
    },
    { name: 'a StatefulSet maxUnavailable as a number', text: statefulSet('2') },
    { name: 'a DaemonSet that surges with maxUnavailable 0', text: daemonSet('      maxSurge: 1\n      maxUnavailable: 0\n') },
    { name: 'a DaemonSet that makes 10% unavailable', text: daemonSet('      maxUnavailable: 10%\n') },
    { name: 'an OnDelete DaemonSet is not rolled', text: daemonSet('      maxSurge: 1\n', '    type: OnDelete\n') },
    { name: 'a StatefulSet maxUnavailable as a percentage', text: statefulSet('50%') },
    {
      name: 'maxSurge as a percentage, maxUnavailable as a number',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n'),
    },
    { name: 'every allowed restartPolicy', text: pod('  restartPolicy: OnFailure\n') },
    {
      name: 'allowed access modes',
      text: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  accessModes: [ReadWriteOnce, ReadWriteOncePod]\n  resources:\n    requests:\n      storage: 1Gi\n',
    },
    { name: 'int32 maximum', text: deployment('  replicas: 2147483647\n') },
    {
      name: 'zero replicas, port 65535 and a named targetPort',
      text: deployment('  replicas: 0\n') + '---\n' + service('    targetPort: metrics\n').replace('port: 80', 'port: 65535'),
    },
    {
      name: 'base64 Secret data',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: cGFzc3dvcmQ=\nstringData:\n  plain: text 123\n',
    },
    {
      name: 'YAML 1.1 booleans for a boolean field, quoted yes for a string',
      text: pod('  hostNetwork: yes\n  enableServiceLinks: Off\n', '    env:\n    - name: A\n      value: "yes"\n'),
    },
    {
      name: 'file modes in YAML 1.1 octal (as Kubernetes reads 0644) and in decimal',
      text: pod(
        '  volumes:\n  - name: a\n    secret:\n      secretName: s\n      defaultMode: 0400\n      items:\n      - key: k\n        path: p\n        mode: 420\n',
      ),
    },
    { name: 'an empty list item is the zero value', text: pod('', '    args:\n    - --verbose\n    -\n') },
    { name: 'quantities are invalid-quantity, not invalid-value', text: pod('', '    resources:\n      limits:\n        memory: 500mi\n') },
  ],
  invalid: [
    {
      name: 'maxSurge that is neither a number nor a percentage',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: «abc»\n'),
      messageId: 'percent',
      message: '`maxSurge` is "abc", but it must be a whole number or a percentage such as `25%`.',
    },
    {
      name: 'a quoted number is a string to the API server, and not a percentage',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: «"1"»\n'),
      messageId: 'percent',
    },
    {
      name: 'maxUnavailable above 100%',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxUnavailable: «150%»\n'),
      messageId: 'percentRange',
      message: '`maxUnavailable` is "150%", but as a percentage it must be at most 100%.',
    },
    {
      name: 'a negative maxSurge',
      text: deployment('  strategy:\n    rollingUpdate:\n      maxSurge: «-1»\n'),
      messageId: 'negative',
    },
    { name: 'a StatefulSet maxUnavailable of 0', text: statefulSet('«0»'), messageId: 'notPositive' },
    {
      name: 'a DaemonSet maxSurge with the default maxUnavailable of 1',
      text: daemonSet('      maxSurge: «1»\n'),
      messageId: 'daemonSetSurge',
      message:
        'A DaemonSet rolling update cannot both surge and make pods unavailable: `maxSurge` must be 0 while `maxUnavailable` is 1 (the default). Set maxUnavailable: 0 to surge.',
      fix: 'Set maxUnavailable: 0 (surge instead)',
      preferred: true,
      safe: false,
      output: daemonSet('      maxSurge: 1\n      maxUnavailable: 0\n'),
    },
    {
      name: 'a DaemonSet maxSurge with a maxUnavailable set',
      text: daemonSet('      maxSurge: «25%»\n      maxUnavailable: 2\n'),
      messageId: 'daemonSetSurge',
      fix: 'Set maxUnavailable: 0 (surge instead)',
      output: daemonSet('      maxSurge: 25%\n      maxUnavailable: 0\n'),
    },
    {
      name: 'a StatefulSet maxUnavailable of 0%',
      text: statefulSet('«0%»'),
      messageId: 'percentRange',
      message: '`maxUnavailable` is "0%", but as a percentage it must be between 1% and 100%.',
    },
    {
      name: 'a quoted number for an integer',
      text: deployment('  replicas: «"3"»\n'),
      messageId: 'wrongType',
      message: '`replicas` must be an integer, not a string ("3").',
      fix: 'Write 3 as a number',
      fixes: ['Write 3 as a number'],
      preferred: true,
      safe: true,
      output: deployment('  replicas: 3\n'),
    },
    {
      name: 'a number for a string (env value)',
      text: pod('', '    env:\n    - name: PORT\n      value: «8080»\n'),
      messageId: 'wrongType',
      message: '`value` must be a string, not an integer (8080).',
      output: pod('', '    env:\n    - name: PORT\n      value: "8080"\n'),
    },
    {
      name: 'a label value that YAML reads as a boolean',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: «true»\n',
      messageId: 'wrongType',
      message: '`enabled` must be a string, not a boolean (true).',
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: "true"\n',
    },
    {
      name: 'a value outside the allowed set, one fix per allowed value',
      text: pod('  restartPolicy: «Sometimes»\n'),
      messageId: 'notAllowed',
      message: '"Sometimes" is not a valid value of `restartPolicy`. Allowed values: `Always`, `OnFailure`, `Never`.',
      fix: 'Change to `Never`',
      fixes: ['Change to `Always`', 'Change to `OnFailure`', 'Change to `Never`'],
      preferred: false,
      safe: false,
      output: pod('  restartPolicy: Never\n'),
    },
    {
      name: 'wrong case of an allowed value',
      text: service('    protocol: «tcp»\n'),
      messageId: 'notAllowed',
      message: '"tcp" is not a valid value of `protocol`. Allowed values: `TCP`, `UDP`, `SCTP`.',
      fix: 'Change to `TCP`',
      fixes: ['Change to `TCP`', 'Change to `UDP`', 'Change to `SCTP`'],
      preferred: true,
      safe: true,
      output: service('    protocol: TCP\n'),
    },
    {
      name: 'an item of an enum list',
      text: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  accessModes:\n  - «ReadWriteAll»\n',
      messageId: 'notAllowed',
      message:
        '"ReadWriteAll" is not a valid value of `accessModes`. Allowed values: `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`.',
    },
    {
      name: 'int32 overflow',
      text: deployment('  replicas: «3000000000»\n'),
      messageId: 'int32',
      message: '`replicas` is 3000000000, outside the int32 range (-2147483648 to 2147483647) the API accepts.',
    },
    {
      name: 'a port outside 1-65535',
      text: service('    targetPort: «70000»\n'),
      messageId: 'range',
      message: '`targetPort` is 70000, but it must be between 1 and 65535.',
    },
    {
      name: 'a container port of 0',
      text: pod('', '    ports:\n    - containerPort: «0»\n'),
      messageId: 'range',
      message: '`containerPort` is 0, but it must be between 1 and 65535.',
    },
    {
      name: 'negative replicas',
      text: deployment('  replicas: «-1»\n'),
      messageId: 'negative',
      message: '`replicas` is -1, but it must not be negative.',
    },
    {
      name: 'an activeDeadlineSeconds of 0',
      text: pod('  activeDeadlineSeconds: «0»\n'),
      messageId: 'notPositive',
      message: '`activeDeadlineSeconds` is 0, but it must be at least 1.',
    },
    {
      name: 'env written as a mapping becomes a list of name/value pairs',
      text: pod('', '    env:\n      «MODE: production»\n      PORT: 8080\n'),
      messageId: 'wrongType',
      message: '`env` must be a list (array of EnvVar), not a mapping ({…}).',
      fix: 'Write the variables as a list of name/value pairs',
      fixes: ['Write the variables as a list of name/value pairs'],
      preferred: true,
      safe: true,
      output: pod('', '    env:\n    - name: MODE\n      value: production\n    - name: PORT\n      value: "8080"\n'),
    },
    {
      name: 'a file mode written in decimal digits',
      text: pod('  volumes:\n  - name: config\n    configMap:\n      name: app\n      defaultMode: «644»\n'),
      messageId: 'fileMode',
      message:
        '`defaultMode` is 644, but file permission bits must be between 0 and 0777 in octal: write octal with a leading zero (0644), or the decimal value (420).',
      fix: 'Write it in octal: 0644',
      fixes: ['Write it in octal: 0644'],
      preferred: true,
      safe: false,
      output: pod('  volumes:\n  - name: config\n    configMap:\n      name: app\n      defaultMode: 0644\n'),
    },
    {
      name: 'a probe scheme in lower case',
      text: pod('', '    readinessProbe:\n      httpGet:\n        port: 80\n        scheme: «https»\n'),
      messageId: 'notAllowed',
      fix: 'Change to `HTTPS`',
      fixes: ['Change to `HTTP`', 'Change to `HTTPS`'],
      preferred: true,
      safe: true,
      output: pod('', '    readinessProbe:\n      httpGet:\n        port: 80\n        scheme: HTTPS\n'),
    },
    {
      name: 'an object where a list belongs',
      text: pod('  tolerations:\n    «operator: Exists»\n'),
      messageId: 'wrongType',
      message: '`tolerations` must be a list (array of Toleration), not a mapping ({…}).',
    },
    {
      name: 'a string where an object belongs (only one diagnostic)',
      text: deployment('  strategy: «Recreate»\n'),
      messageId: 'wrongType',
      message: '`strategy` must be a mapping (DeploymentStrategy), not a string ("Recreate").',
    },
    {
      name: 'int-or-string does not take a boolean',
      text: service('    targetPort: «true»\n'),
      messageId: 'wrongType',
      message: '`targetPort` must be an integer or a string, not a boolean (true).',
    },
    {
      name: 'Secret data that is not base64',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: «hunter2!»\n',
      messageId: 'base64',
      message:
        '`password` in `data` is not base64: Secret `data` values must be base64-encoded. Put plain text under `stringData` instead.',
    },
    {
      name: 'an unquoted yes is a boolean to Kubernetes (YAML 1.1)',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  feature: «yes»\n',
      messageId: 'yaml11Bool',
      message: '`feature` must be a string, but Kubernetes reads the unquoted `yes` as the boolean true (YAML 1.1): quote it.',
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  feature: "yes"\n',
    },
    {
      name: 'a quoted boolean',
      text: pod('  hostNetwork: «"true"»\n'),
      messageId: 'wrongType',
      fix: 'Write true as a boolean',
      fixes: ['Write true as a boolean'],
      preferred: true,
      safe: true,
      output: pod('  hostNetwork: true\n'),
    },
  ],
});

// A custom resource checked against its CRD (test/fixtures/crds): each keyword's own message.
const WIDGET_CRD = { 'file:///work/widgets-crd.yaml': readFileSync(WIDGETS_PATH, 'utf8') };
const widget = (specLines: string) =>
  `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: small\n  parts:\n  - name: p-1\n${specLines}`;
/** A pod whose sequences are indented under their keys (the other common style). */
const indentedPod = (containerLines: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n${containerLines}`;

ruleTable('invalid-value', {
  valid: [
    { name: 'a valid Widget', text: widget('  color: red\n'), files: WIDGET_CRD },
    {
      name: 'a StatefulSet is not a DaemonSet: its rolling update is not checked for surge',
      text: statefulSet('1').replace('    rollingUpdate:\n', '    rollingUpdate:\n      maxSurge: 1\n'),
    },
  ],
  invalid: [
    {
      name: 'CRD pattern',
      text: widget('  color: «Red1»\n'),
      files: WIDGET_CRD,
      messageId: 'crdPattern',
      message: '"Red1" is not a valid value of `color`: it must match `^[a-z]+$`.',
    },
    {
      name: 'CRD minimum',
      text: widget('  minReplicas: «-1»\n'),
      files: WIDGET_CRD,
      messageId: 'crdBound',
      message: '`minReplicas` is -1, but it must be at least 0.',
    },
    {
      name: 'CRD length',
      text: widget('  color: «abcdefghijkl»\n'),
      files: WIDGET_CRD,
      messageId: 'crdLength',
      message: '`color` is 12 characters long ("abcdefghijkl"), but it must be at most 10.',
    },
    {
      name: 'CRD item count',
      text: widget('  tags: «[a, b, c, d]»\n'),
      files: WIDGET_CRD,
      messageId: 'crdCount',
      message: '`tags` has 4 items, but it must have at most 3 items.',
    },
    {
      name: 'CRD set with a duplicate',
      text: widget('  tags: [a, «a»]\n'),
      files: WIDGET_CRD,
      messageId: 'crdDuplicate',
      message: '"a" appears twice in `tags` (first as item 0): its items must be unique.',
    },
    {
      name: 'CRD map list with a duplicate key',
      text: widget('').replace('  - name: p-1\n', '  - name: p-1\n  - «name: p-1»\n'),
      files: WIDGET_CRD,
      messageId: 'crdDuplicateKey',
      message: 'This item of `parts` has the same key (name: "p-1", kind: "bolt") as item 0: the list is keyed by it.',
    },
    {
      name: 'CRD format',
      text: widget('  address: «not-an-ip»\n'),
      files: WIDGET_CRD,
      messageId: 'invalid',
      message: '`address` has an invalid value "not-an-ip" (not a valid ipv4).',
    },
    // What each type is called when a value has another one.
    {
      name: 'a list for a quantity',
      text: pod('', '    resources:\n      limits:\n        cpu: «[1]»\n'),
      messageId: 'wrongType',
      message: /must be a quantity \(a number or a string like `500Mi`\), not a list/,
    },
    {
      name: 'a list for a map of strings',
      text: pod('  nodeSelector: «[a]»\n'),
      messageId: 'wrongType',
      message: /^`nodeSelector` must be a mapping \(map of string\), not a list/,
    },
    {
      name: 'a list for an int32',
      text: deployment('  replicas: «[3]»\n'),
      messageId: 'wrongType',
      message: /must be an integer, not a list/,
    },
    {
      name: 'a mapping for an int64',
      text: pod('  activeDeadlineSeconds: «{a: 1}»\n'),
      messageId: 'wrongType',
      message: /^`activeDeadlineSeconds` must be an integer, not a mapping/,
    },
    {
      name: 'a list for a boolean',
      text: pod('  hostNetwork: «[true]»\n'),
      messageId: 'wrongType',
      message: /^`hostNetwork` must be `true` or `false`, not a list/,
      fixes: [],
    },
    {
      name: 'a list for a string: nothing to quote',
      text: pod('', '    workingDir: «[a]»\n'),
      messageId: 'wrongType',
      message: '`workingDir` must be a string, not a list ([…]).',
      fixes: [],
    },
    // The fixes of a wrong type, and where they are not offered.
    {
      name: 'a quoted integer with spaces and a sign',
      text: deployment('  replicas: «" +3 "»\n'),
      messageId: 'wrongType',
      fixes: ['Write +3 as a number'],
      output: deployment('  replicas: 3\n'),
    },
    { name: 'a quoted integer with a tail', text: deployment('  replicas: «"3x"»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'a quoted integer with a head', text: deployment('  replicas: «"x3"»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'a quoted decimal', text: deployment('  replicas: «"3.5"»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'a quoted boolean word for an integer', text: deployment('  replicas: «"true"»\n'), messageId: 'wrongType', fixes: [] },
    {
      name: 'a quoted boolean in capitals',
      text: pod('  hostNetwork: «"TRUE"»\n'),
      messageId: 'wrongType',
      fixes: ['Write true as a boolean'],
      output: pod('  hostNetwork: true\n'),
    },
    { name: 'a quoted boolean with a tail', text: pod('  hostNetwork: «"truex"»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'a quoted boolean with a head', text: pod('  hostNetwork: «"xfalse"»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'a quoted number for a boolean', text: pod('  hostNetwork: «"1"»\n'), messageId: 'wrongType', fixes: [] },
    {
      name: 'a number for a string: quoted as written, preferred and safe',
      text: pod('', '    env:\n    - name: MASK\n      value: «0x1F»\n'),
      messageId: 'wrongType',
      message: '`value` must be a string, not an integer (31).',
      fix: 'Quote it: "0x1F"',
      fixes: ['Quote it: "0x1F"'],
      preferred: true,
      safe: true,
      output: pod('', '    env:\n    - name: MASK\n      value: "0x1F"\n'),
    },
    {
      name: 'a mapping for another list is not rewritten as env pairs',
      text: pod('', '    args: «{a: b}»\n'),
      messageId: 'wrongType',
      fixes: [],
    },
    { name: 'a string for env', text: pod('', '    env: «abc»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'an empty env mapping', text: pod('', '    env: «{}»\n'), messageId: 'wrongType', fixes: [] },
    { name: 'env with a nested mapping', text: pod('', '    env: «{A: {b: 1}}»\n'), messageId: 'wrongType', fixes: [] },
    {
      // The variable without a value is kept (the API server's view of the mapping drops it).
      name: 'env as a mapping with an empty value, in a file whose lists are indented',
      text: indentedPod('      env:\n        «A:»\n        B: x\n'),
      messageId: 'wrongType',
      fixes: ['Write the variables as a list of name/value pairs'],
      output: indentedPod('      env:\n        - name: A\n        - name: B\n          value: x\n'),
    },
    // Allowed values: only the fix of the same spelling is preferred.
    {
      name: 'wrong case of an allowed value: the others are not preferred',
      text: service('    protocol: «tcp»\n'),
      messageId: 'notAllowed',
      fix: 'Change to `UDP`',
      preferred: false,
      safe: false,
      output: service('    protocol: UDP\n'),
    },
    {
      name: 'an enum list item is named without its index, even past item 9',
      text: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  accessModes: [${'ReadWriteOnce, '.repeat(10)}«Bad»]\n`,
      messageId: 'notAllowed',
      message:
        '"Bad" is not a valid value of `accessModes`. Allowed values: `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`.',
    },
    // File modes: the octal fix only for what reads as octal digits.
    {
      name: 'a file mode with an 8 in it',
      text: pod('  volumes:\n  - name: c\n    configMap:\n      name: a\n      defaultMode: «8644»\n'),
      messageId: 'fileMode',
      fixes: [],
    },
    {
      name: 'a file mode of five octal digits',
      text: pod('  volumes:\n  - name: c\n    configMap:\n      name: a\n      defaultMode: «64400»\n'),
      messageId: 'fileMode',
      fixes: [],
    },
    {
      name: 'Secret data not base64, under a dotted key',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  tls.key: «not base64!»\n',
      messageId: 'base64',
      message: '`tls.key` in `data` is not base64: Secret `data` values must be base64-encoded. Put plain text under `stringData` instead.',
    },
    {
      name: 'a DaemonSet whose RollingUpdate type is written out',
      text: daemonSet('      maxSurge: «1»\n', '    type: RollingUpdate\n'),
      messageId: 'daemonSetSurge',
      message:
        'A DaemonSet rolling update cannot both surge and make pods unavailable: `maxSurge` must be 0 while `maxUnavailable` is 1 (the default). Set maxUnavailable: 0 to surge.',
    },
  ],
});
