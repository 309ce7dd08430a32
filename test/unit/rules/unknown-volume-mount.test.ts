import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (mounts: string, volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: web:1.0.0
    volumeMounts:
${mounts}
${volumes}`;

ruleTable('unknown-volume-mount', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    {
      name: 'mount of a pod volume',
      text: pod('    - name: config\n      mountPath: /etc/web', '  volumes:\n  - name: config\n    emptyDir: {}\n'),
    },
    {
      name: 'init container mounting a volume',
      text: `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        volumeMounts: [{name: work, mountPath: /w}]
      containers: []
      volumes: [{name: work, emptyDir: {}}]
`,
    },
    { name: 'a mount without a name is not ours', text: pod('    - mountPath: /x', '') },
    {
      name: 'a mount with an empty name is not ours',
      text: pod('    - name: ""\n      mountPath: /x', '  volumes:\n  - name: config\n    emptyDir: {}\n'),
    },
  ],
  invalid: [
    {
      name: 'a typo: renamed to the closest volume, quotes kept',
      text: pod(
        '    - name: «"confg"»  # typo\n      mountPath: /etc/web',
        '  volumes:\n  - name: config\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n',
      ),
      messageId: 'unknown',
      message: 'volumeMount confg in container web names no volume (volumes: config, cache) — rename it to config or add the volume.',
      fix: 'Rename to config',
      preferred: true,
      output: pod(
        '    - name: "config"  # typo\n      mountPath: /etc/web',
        '  volumes:\n  - name: config\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'the other candidates are offered too',
      text: pod(
        '    - name: «confg»\n      mountPath: /etc/web',
        '  volumes:\n  - name: config\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n',
      ),
      messageId: 'unknown',
      fix: 'Rename to cache',
      fixes: ['Rename to config', 'Rename to cache'],
      preferred: false,
      output: pod(
        '    - name: cache\n      mountPath: /etc/web',
        '  volumes:\n  - name: config\n    emptyDir: {}\n  - name: cache\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'far from every name: no suggestion in the message',
      text: pod('    - name: «certificates»\n      mountPath: /tls', '  volumes:\n  - name: data\n    emptyDir: {}\n'),
      messageId: 'unknown',
      message: 'volumeMount certificates in container web names no volume (volumes: data) — rename it or add the volume.',
      fix: 'Rename to data',
      preferred: false,
      output: pod('    - name: data\n      mountPath: /tls', '  volumes:\n  - name: data\n    emptyDir: {}\n'),
    },
    {
      name: 'two names equally close: a rename is no obvious choice',
      text: pod(
        '    - name: «dat»\n      mountPath: /d',
        '  volumes:\n  - name: date\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n',
      ),
      messageId: 'unknown',
      fix: 'Rename to data',
      fixes: ['Rename to data', 'Rename to date'],
      preferred: false,
      output: pod(
        '    - name: data\n      mountPath: /d',
        '  volumes:\n  - name: date\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'volumes without a usable name are not offered',
      text: pod(
        '    - name: «confg»\n      mountPath: /etc/web',
        '  volumes:\n  - name: config\n    emptyDir: {}\n  - emptyDir: {}\n  - name: ""\n    emptyDir: {}\n',
      ),
      messageId: 'unknown',
      message: 'volumeMount confg in container web names no volume (volumes: config) — rename it to config or add the volume.',
    },
    {
      name: 'two edits away from a short name is still a near miss',
      text: pod('    - name: «conf»\n      mountPath: /etc/web', '  volumes:\n  - name: config\n    emptyDir: {}\n'),
      messageId: 'unknown',
      fix: 'Rename to config',
      preferred: true,
      output: pod('    - name: config\n      mountPath: /etc/web', '  volumes:\n  - name: config\n    emptyDir: {}\n'),
    },
    {
      name: 'a container without a name is named by its place',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - image: web:1.0.0\n    volumeMounts:\n    - {name: «data», mountPath: /data}\n',
      messageId: 'none',
      message: /^volumeMount data in container #1 names no volume/,
    },
    {
      name: 'no volumes at all',
      text: pod('    - name: «data»\n      mountPath: /data', ''),
      messageId: 'none',
      message: 'volumeMount data in container web names no volume: this pod defines no volumes — add one named data.',
    },
    {
      name: 'StatefulSet: claim templates count, a typo is renamed to one',
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15
        volumeMounts:
        - name: «dta»
          mountPath: /var/lib/postgresql/data
        - name: run
          mountPath: /run
      volumes:
      - name: run
        emptyDir: {}
  volumeClaimTemplates:
  - metadata:
      name: data
`,
      messageId: 'unknown',
      message:
        'volumeMount dta in container postgres names no volume or volumeClaimTemplate (known: run, data) — rename it to data or add the volume.',
      fix: 'Rename to data',
      preferred: true,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
        - name: run
          mountPath: /run
      volumes:
      - name: run
        emptyDir: {}
  volumeClaimTemplates:
  - metadata:
      name: data
`,
    },
    {
      name: 'a Deployment has no claim templates',
      text: `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1.0.0
        volumeMounts:
        - {name: «data», mountPath: /data}
`,
      messageId: 'none',
      message: 'volumeMount data in container app names no volume: this pod defines no volumes — add one named data.',
    },
  ],
});
