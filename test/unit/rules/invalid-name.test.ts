import { ruleTable } from '../helpers/ruleTester';

const meta = (apiVersion: string, kind: string, name: string, rest = '') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${rest}`;
const pod = (containerName: string, portName = 'http') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: ${containerName}\n    image: nginx:1.27\n    ports:\n    - name: ${portName}\n      containerPort: 80\n`;

ruleTable('invalid-name', {
  valid: [
    meta('apps/v1', 'Deployment', 'web.example.com'),
    meta('v1', 'ConfigMap', 'app-config.v2'),
    meta('v1', 'Service', 'web-0'),
    meta('batch/v1', 'CronJob', 'x'.repeat(52)),
    pod('web', 'metrics-9090'),
    {
      name: 'labels and annotations with prefixes, empty and upper-case values',
      text: meta(
        'v1',
        'ConfigMap',
        'c',
        '  labels:\n    app.kubernetes.io/name: Web_App.v2\n    empty: ""\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "{ any text }"\n',
      ),
    },
    {
      name: 'targetPort and probe ports by number or by name',
      text:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: a\n    port: 80\n    targetPort: 8080\n  - name: b\n    port: 81\n    targetPort: http\n---\n' +
        pod('web').replace(
          '      containerPort: 80\n',
          '      containerPort: 80\n    livenessProbe:\n      tcpSocket:\n        port: http\n',
        ),
    },
    { name: 'CRDs have their own rules', text: meta('example.com/v1', 'Widget', 'Not_Valid') },
    { name: 'a non-string name is invalid-value, not invalid-name', text: meta('v1', 'ConfigMap', '123') },
  ],
  invalid: [
    {
      name: 'upper case and underscore in a Deployment name, with a rename',
      text: meta('apps/v1', 'Deployment', '«My_App»'),
      messageId: 'invalid',
      message:
        "Deployment name `My_App` is invalid: as a DNS-1123 subdomain it must consist of lower case letters, digits, '-' or '.', and must start and end with a letter or digit.",
      fix: 'Rename to `my-app`',
      fixes: ['Rename to `my-app`'],
      preferred: false,
      safe: false,
      output: meta('apps/v1', 'Deployment', 'my-app'),
    },
    {
      name: 'a Service name must start with a letter',
      text: meta('v1', 'Service', '«1-web»'),
      messageId: 'invalid',
      message:
        "Service name `1-web` is invalid: as a DNS-1035 label it must consist of lower case letters, digits and '-', start with a letter and end with a letter or digit.",
    },
    {
      name: 'a StatefulSet name may not have dots',
      text: meta('apps/v1', 'StatefulSet', '«db.primary»'),
      messageId: 'invalid',
      message:
        "StatefulSet name `db.primary` is invalid: as a DNS-1123 label it must consist of lower case letters, digits and '-', and must start and end with a letter or digit.",
    },
    {
      name: 'a CronJob name over 52 characters',
      text: meta('batch/v1', 'CronJob', `«${'x'.repeat(53)}»`),
      messageId: 'invalid',
      message: `CronJob name \`${'x'.repeat(53)}\` is invalid: as a DNS-1123 subdomain of at most 52 characters it must be no more than 52 characters, because Job names add a suffix of 11 (it has 53).`,
    },
    {
      name: 'a container name',
      text: pod('«Web»'),
      messageId: 'invalid',
      message:
        "Container name `Web` is invalid: as a DNS-1123 label it must consist of lower case letters, digits and '-', and must start and end with a letter or digit.",
      output: pod('web'),
    },
    {
      name: 'a container port name longer than 15 characters',
      text: pod('web', '«prometheus-metrics»'),
      messageId: 'invalid',
      message:
        'Container port name `prometheus-metrics` is invalid: as an IANA service name it must be no more than 15 characters (it has 18).',
    },
    {
      name: 'a port name with a double hyphen',
      text: pod('web', '«http--alt»'),
      messageId: 'invalid',
      message: "Container port name `http--alt` is invalid: as an IANA service name it must not contain two '-' in a row.",
    },
    {
      name: 'a quoted targetPort number is a port name to the API server',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: «"8080"»\n',
      messageId: 'quotedPort',
      message:
        'targetPort "8080" is quoted, so the API server reads it as a port name, and a port name must contain a letter: write the number without quotes.',
      fix: 'Write 8080 as a number',
      fixes: ['Write 8080 as a number'],
      preferred: true,
      safe: true,
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n',
    },
    {
      name: 'a probe port name that is too long',
      text: pod('web').replace(
        '      containerPort: 80\n',
        '      containerPort: 80\n    readinessProbe:\n      httpGet:\n        path: /\n        port: «prometheus-metrics»\n',
      ),
      messageId: 'invalid',
      message:
        'readinessProbe port `prometheus-metrics` is invalid: as a port name (an IANA service name) it must be no more than 15 characters (it has 18).',
    },
    {
      name: 'a label value with a space, and a label key with two slashes',
      text: meta('v1', 'ConfigMap', 'c', '  labels:\n    team: «data platform»\n    «a/b/c»: x\n'),
      messageId: 'invalid',
    },
    {
      name: 'a pod template label value longer than 63 characters',
      text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n        note: «${'x'.repeat(64)}»\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`,
      messageId: 'invalid',
      message: `Label value \`${'x'.repeat(64)}\` is invalid: as a label value it must be no more than 63 characters (it has 64).`,
    },
    {
      name: 'a Service selector value',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: «web app»\n  ports:\n  - port: 80\n',
      messageId: 'invalid',
      message:
        "Selector label value `web app` is invalid: as a label value it must consist of letters, digits, '-', '_' or '.', and must start and end with a letter or digit.",
    },
    {
      name: 'an annotation key with an invalid prefix',
      text: meta('v1', 'ConfigMap', 'c', '  annotations:\n    «Example.com/owner»: me\n'),
      messageId: 'invalid',
      message:
        "Annotation key `Example.com/owner` is invalid: as an annotation key it has a prefix that is not a DNS-1123 subdomain: it must consist of lower case letters, digits, '-' or '.', and must start and end with a letter or digit.",
    },
    {
      name: 'a namespace',
      text: meta('v1', 'ConfigMap', 'c', '  namespace: «Team_A»\n'),
      messageId: 'invalid',
    },
  ],
});

// Every place the rule checks, each with a name only that place's format rejects.
const podWith = (specLines: string, containerLines = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${specLines}  containers:\n  - name: web\n    image: nginx:1.27\n${containerLines}`;
const PROBE_PORTS = ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) =>
  ['httpGet', 'tcpSocket'].map((handler) => ({
    at: `    ${probe}:\n      ${handler}:\n        port: «Bad_Port»\n`,
    what: `${probe} port`,
  })),
);
const HOOK_PORTS = ['postStart', 'preStop'].flatMap((hook) =>
  ['httpGet', 'tcpSocket'].map((handler) => ({
    at: `    lifecycle:\n      ${hook}:\n        ${handler}:\n          port: «Bad_Port»\n`,
    what: `${hook} port`,
  })),
);
const deploymentWith = (templateMeta: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n${templateMeta}    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n`;

ruleTable('invalid-name', {
  valid: [
    {
      name: 'RBAC names may hold a colon (only the core, apps and batch name rules are known)',
      text: meta('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:aggregate-to-view'),
    },
    { name: 'labels that are a string, not a mapping, are invalid-value', text: meta('v1', 'ConfigMap', 'c', '  labels: "a b"\n') },
  ],
  invalid: [
    ...[...PROBE_PORTS, ...HOOK_PORTS].map(({ at, what }) => ({
      name: `a ${what} by an invalid name`,
      text: podWith('', at),
      messageId: 'invalid',
      message: `${what} \`Bad_Port\` is invalid: as a port name (an IANA service name) it must contain only lower case letters, digits and '-'.`,
    })),
    {
      name: 'a port name of digits and a dash is a bad name, not a quoted number',
      text: podWith('', '    readinessProbe:\n      httpGet:\n        port: «"80-"»\n'),
      messageId: 'invalid',
    },
    {
      name: 'a port name that ends in digits is a bad name, not a quoted number',
      text: podWith('', '    readinessProbe:\n      httpGet:\n        port: «"-80"»\n'),
      messageId: 'invalid',
    },
    {
      name: 'a container port name of digits only is a bad name (nothing refers to it by number)',
      text: pod('web', '«"8080"»'),
      messageId: 'invalid',
      message: /^Container port name `8080` is invalid: as an IANA service name it must contain at least one letter/,
    },
    {
      name: 'a Namespace name is a label: no dots',
      text: meta('v1', 'Namespace', '«team.a»'),
      messageId: 'invalid',
      message: /^Namespace name `team\.a` is invalid: as a DNS-1123 label /,
    },
    {
      name: "an object's namespace",
      text: meta('v1', 'ConfigMap', 'c', '  namespace: «Team_A»\n'),
      messageId: 'invalid',
      message: /^Namespace `Team_A` is invalid: as a DNS-1123 label /,
    },
    {
      name: 'a label key',
      text: meta('v1', 'ConfigMap', 'c', '  labels:\n    «bad key»: x\n'),
      messageId: 'invalid',
      message: /^Label key `bad key` is invalid: as a label key /,
    },
    {
      name: 'an annotation key',
      text: meta('v1', 'ConfigMap', 'c', '  annotations:\n    «bad key»: x\n'),
      messageId: 'invalid',
      message: /^Annotation key `bad key` is invalid: as an annotation key /,
    },
    {
      name: 'an init container name',
      text: podWith('  initContainers:\n  - name: «Init_1»\n    image: busybox:1.36\n'),
      messageId: 'invalid',
      message: /^Container name `Init_1` is invalid: /,
    },
    {
      name: 'an ephemeral container name',
      text: podWith('  ephemeralContainers:\n  - name: «Debug_1»\n    image: busybox:1.36\n'),
      messageId: 'invalid',
      message: /^Container name `Debug_1` is invalid: /,
    },
    {
      name: 'a volume name',
      text: podWith('  volumes:\n  - name: «Data_1»\n    emptyDir: {}\n'),
      messageId: 'invalid',
      message: /^Volume name `Data_1` is invalid: as a DNS-1123 label /,
    },
    {
      name: 'a pod template annotation key',
      text: deploymentWith('      labels: {app: web}\n      annotations:\n        «bad key»: x\n'),
      messageId: 'invalid',
      message: /^Annotation key `bad key` is invalid/,
    },
    {
      name: "a CronJob's Job template label value",
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    metadata:\n      labels:\n        team: «-a-»\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: c\n            image: c:1\n',
      messageId: 'invalid',
      message: /^Label value `-a-` is invalid: as a label value /,
    },
    {
      name: 'a selector label value',
      text: deploymentWith('      labels: {app: web}\n').replace('matchLabels: {app: web}', 'matchLabels: {app: «web!»}'),
      messageId: 'invalid',
      message: /^Selector label value `web!` is invalid/,
    },
    {
      name: 'a Service port name',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: «Web_Port»\n    port: 80\n',
      messageId: 'invalid',
      message: /^Service port name `Web_Port` is invalid: as a DNS-1123 label /,
    },
  ],
});
