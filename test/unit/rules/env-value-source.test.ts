import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

/** A Deployment whose container has the given env lines (indented under `env:`). */
const deployment = (env: string, list = 'containers') => `apiVersion: apps/v1
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
      ${list}:
      - name: web
        image: web:1.0.0
        env:
${env}
`;

ruleTable('env-value-source', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'value only', text: deployment('        - name: MODE\n          value: production') },
    {
      name: 'valueFrom with one source',
      text: deployment('        - name: PASSWORD\n          valueFrom:\n            secretKeyRef: {name: web, key: password}'),
    },
    {
      name: 'an empty value next to valueFrom is accepted (len(value) == 0)',
      text: deployment('        - name: POD\n          value: ""\n          valueFrom:\n            fieldRef: {fieldPath: metadata.name}'),
    },
    {
      name: 'a null source does not count (Go decodes null as unset)',
      text: deployment(
        '        - name: POD\n          valueFrom:\n            configMapKeyRef:\n            fieldRef: {fieldPath: metadata.name}',
      ),
    },
    { name: 'valueFrom: null is no valueFrom', text: deployment('        - name: POD\n          value: x\n          valueFrom:') },
    {
      name: 'keys named like Object.prototype members are plain keys',
      text: deployment(
        '        - name: constructor\n          value: x\n          toString: 1\n        - __proto__: {}\n          name: y\n          value: z',
      ),
    },
  ],
  invalid: [
    {
      name: 'value and valueFrom: remove the value',
      text: deployment(
        '        - name: PASSWORD\n          value: changeme # old\n          «valueFrom»:\n            secretKeyRef:\n              name: web\n              key: password',
      ),
      messageId: 'valueAndValueFrom',
      message:
        'Env var PASSWORD in container web has both value and valueFrom: the API server rejects valueFrom when value is not empty — keep one of them.',
      fix: 'Remove value (keep valueFrom: secretKeyRef)',
      fixes: ['Remove value (keep valueFrom: secretKeyRef)', 'Remove valueFrom (keep value)'],
      preferred: false,
      safe: false,
      output: deployment(
        '        - name: PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: web\n              key: password',
      ),
    },
    {
      name: 'value and valueFrom: remove valueFrom',
      text: deployment(
        '        - name: MODE\n          value: fast\n          «valueFrom»:\n            fieldRef:\n              fieldPath: metadata.name\n        - name: NEXT\n          value: x',
      ),
      messageId: 'valueAndValueFrom',
      fix: 'Remove valueFrom (keep value)',
      preferred: false,
      safe: false,
      output: deployment('        - name: MODE\n          value: fast\n        - name: NEXT\n          value: x'),
    },
    {
      name: 'in an init container, flow style',
      text: deployment('        - {name: A, value: "1", «valueFrom»: {fieldRef: {fieldPath: metadata.name}}}', 'initContainers'),
      messageId: 'valueAndValueFrom',
      message: /^Env var A in container web has both value and valueFrom/,
    },
    {
      name: 'valueFrom with no source',
      text: deployment('        - name: A\n          «valueFrom»: {}'),
      messageId: 'noSource',
      message:
        'valueFrom of env var A in container web names no source: the API server requires one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef or fileKeyRef.',
    },
    {
      name: 'valueFrom with only a misspelt source is no source (the typo is unknown-field’s)',
      text: deployment('        - name: A\n          «valueFrom»:\n            secretRef: {name: web, key: a}'),
      messageId: 'noSource',
    },
    {
      name: 'an entry without a name',
      text: deployment('        - «valueFrom»: {}'),
      messageId: 'noSource',
      message: /^valueFrom of env var \(unnamed\) in container web /,
    },
    {
      name: 'a value next to two sources: the fix names both',
      text: deployment(
        '        - name: A\n          value: x\n          «valueFrom»:\n            secretKeyRef: {name: web, key: a}\n            configMapKeyRef: {name: web, key: a}',
      ),
      messageId: 'valueAndValueFrom',
      fixes: ['Remove value (keep valueFrom: secretKeyRef, configMapKeyRef)', 'Remove valueFrom (keep value)'],
    },
    {
      name: 'valueFrom with two sources',
      text: deployment(
        '        - name: A\n          «valueFrom»:\n            secretKeyRef: {name: web, key: a}\n            configMapKeyRef: {name: web, key: a}',
      ),
      messageId: 'manySources',
      message: 'valueFrom of env var A in container web names 2 sources (secretKeyRef, configMapKeyRef): the API server accepts only one.',
    },
    {
      name: 'a Pod, one report per entry',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: a:1
    env:
    - {name: X, value: "1", «valueFrom»: {fieldRef: {fieldPath: metadata.name}}}
    - {name: Y, value: x, «valueFrom»: {secretKeyRef: {name: s, key: k}}}
`,
      messageId: 'valueAndValueFrom',
    },
  ],
});
