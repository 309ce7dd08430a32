import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (containers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${containers}
  volumes:
  - name: config
    configMap:
      name: web
  - name: secrets
    secret:
      secretName: web
`;

ruleTable('duplicate-mount-path', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    {
      name: 'different paths',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: /etc/web}\n    - {name: secrets, mountPath: /etc/secrets}',
      ),
    },
    {
      name: 'the same path in two containers',
      text: pod(
        '  containers:\n  - name: a\n    image: a:1\n    volumeMounts: [{name: config, mountPath: /etc/web}]\n  - name: b\n    image: b:1\n    volumeMounts: [{name: config, mountPath: /etc/web}]',
      ),
    },
    {
      name: 'paths are compared as written (the API does not clean them)',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: /etc/web}\n    - {name: secrets, mountPath: /etc/web/}',
      ),
    },
    {
      name: 'empty mount paths are missing-required-field’s business',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: ""}\n    - {name: secrets, mountPath: ""}',
      ),
    },
    {
      name: 'a path named like an Object.prototype member',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: constructor}\n    - {name: secrets, mountPath: __proto__}',
      ),
    },
  ],
  invalid: [
    {
      name: 'two volumes at /etc/web',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - name: config\n      mountPath: /etc/web\n    - name: secrets\n      mountPath: «/etc/web»',
      ),
      messageId: 'duplicate',
      message:
        'mountPath /etc/web is used twice in container web (volumeMounts[0] config and volumeMounts[1] secrets): mount paths must be unique in a container.',
    },
    {
      name: 'in an init container, quoted',
      text: pod(
        '  initContainers:\n  - name: setup\n    image: s:1\n    volumeMounts:\n    - {name: config, mountPath: /work}\n    - {name: config, mountPath: «"/work"»}\n  containers:\n  - name: web\n    image: web:1',
      ),
      messageId: 'duplicate',
      message: /^mountPath \/work is used twice in container setup \(volumeMounts\[0\] config and volumeMounts\[1\] config\)/,
    },
    {
      name: 'a third copy is reported against the first',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: /a}\n    - {name: secrets, mountPath: «/a»}\n    - {name: config, mountPath: «/a»}',
      ),
      messageId: 'duplicate',
    },
    {
      name: 'a mount without a name',
      text: pod(
        '  containers:\n  - name: web\n    image: web:1\n    volumeMounts:\n    - {name: config, mountPath: /a}\n    - {mountPath: «/a»}',
      ),
      messageId: 'duplicate',
      message: /\(volumeMounts\[0\] config and volumeMounts\[1\] \(unnamed\)\)/,
    },
  ],
});
