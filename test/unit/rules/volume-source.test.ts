import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: web:1.0.0
  volumes:
${volumes}
`;

ruleTable('volume-source', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'one source each', text: pod('  - name: a\n    emptyDir: {}\n  - name: b\n    configMap:\n      name: web') },
    { name: 'no source is not rejected (it becomes an emptyDir)', text: pod('  - name: a') },
    { name: 'a null second source is unset', text: pod('  - name: a\n    emptyDir: {}\n    secret:') },
    { name: 'other keys are not sources', text: pod('  - name: a\n    hostPath: {path: /x}\n    constructor: 1\n    toString: 2') },
  ],
  invalid: [
    {
      name: 'configMap and secret in one volume',
      text: pod('  - name: config\n    configMap:\n      name: web\n    «secret»:\n      secretName: web'),
      messageId: 'manySources',
      message:
        'Volume config names 2 sources (configMap, secret): the API server accepts only one per volume — split it into separate volumes.',
    },
    {
      name: 'three sources in a StatefulSet template, flagged at the second',
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: db:1
      volumes:
      - {name: data, persistentVolumeClaim: {claimName: d}, «emptyDir»: {}, hostPath: {path: /d}}
`,
      messageId: 'manySources',
      message: /^Volume data names 3 sources \(persistentVolumeClaim, emptyDir, hostPath\)/,
    },
    {
      name: 'a volume without a name',
      text: pod('  - emptyDir: {}\n    «hostPath»: {path: /x}'),
      messageId: 'manySources',
      message: /^Volume \(unnamed\) names 2 sources \(emptyDir, hostPath\)/,
    },
    {
      name: 'a volume whose name is not a string',
      text: pod('  - name: 7\n    emptyDir: {}\n    «hostPath»: {path: /x}'),
      messageId: 'manySources',
      message: /^Volume \(unnamed\) names 2 sources/,
    },
  ],
});
