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

ruleTable('volume-without-source', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'emptyDir: {}', text: pod('  - name: a\n    emptyDir: {}') },
    { name: '`emptyDir:` alone is an emptyDir', text: pod('  - name: a\n    emptyDir:') },
    { name: 'a source', text: pod('  - name: a\n    secret:\n      secretName: web') },
    { name: 'two sources are volume-source’s', text: pod('  - name: a\n    secret: {secretName: x}\n    emptyDir: {}') },
  ],
  invalid: [
    {
      name: 'no source: write emptyDir: {}',
      text: pod('  - name: «scratch» # temp files\n  - name: b\n    emptyDir: {}'),
      messageId: 'noSource',
      message:
        'Volume scratch names no source, so Kubernetes makes it an empty emptyDir — write `emptyDir: {}` if that is meant, or add the source (configMap, secret, persistentVolumeClaim…).',
      fix: 'Write emptyDir: {} (what Kubernetes uses)',
      fixes: ['Write emptyDir: {} (what Kubernetes uses)'],
      preferred: true,
      safe: false,
      output: pod('  - name: scratch # temp files\n    emptyDir: {}\n  - name: b\n    emptyDir: {}'),
    },
    {
      name: 'no source in flow style',
      text: pod('  - {name: «scratch»}'),
      messageId: 'noSource',
      output: pod('  - {name: scratch, emptyDir: {}}'),
    },
    {
      name: 'a volume without a name or a source',
      text: pod('  - «{}»'),
      messageId: 'noSource',
      message: /^Volume \(unnamed\) names no source/,
    },
    {
      name: 'an empty configMap (its fields were not indented under it)',
      text: pod('  - name: config\n    «configMap»:\n  - name: other\n    emptyDir: {}'),
      messageId: 'emptySource',
      message:
        'Volume config has `configMap:` with nothing under it, which Kubernetes reads as no source: the volume becomes an empty emptyDir. Indent the fields of configMap under it.',
    },
    {
      name: 'in a CronJob pod template',
      text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: c:1
          volumes:
          - name: «work»
`,
      messageId: 'noSource',
    },
  ],
});
