import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagOf } from '../../../server/src/service/rules/image-tag';
import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
`;

describe('image-tag tagOf', () => {
  const cases: [string, string | undefined][] = [
    ['nginx', ''],
    ['nginx:1.27', '1.27'],
    ['nginx:latest', 'latest'],
    ['registry.example.com:5000/team/app', ''],
    ['registry.example.com:5000/team/app:v2', 'v2'],
    ['localhost:5000/app', ''],
    ['nginx@sha256:0123abcd', undefined],
    ['nginx:1.27@sha256:0123abcd', undefined],
  ];
  for (const [image, tag] of cases) it(`${image} → ${String(tag)}`, () => assert.equal(tagOf(image), tag));
});

ruleTable('image-tag', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'a version tag', text: pod('nginx:1.27.0') },
    { name: 'a digest', text: pod('nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac') },
    { name: 'a registry port and a tag', text: pod('registry.local:5000/app:v3') },
    { name: 'a placeholder is not an image yet', text: pod('"<image_url>"') },
    { name: 'an env-substituted image', text: pod('${IMAGE}') },
    { name: 'a placeholder before the name', text: pod('"${REGISTRY}/nginx"') },
    { name: 'a placeholder after the registry', text: pod('"registry.example.com/${APP}"') },
    { name: 'a Service has no images', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: 'no tag',
      text: pod('«nginx»'),
      messageId: 'noTag',
      message:
        'Image nginx of container web has no tag, so Kubernetes pulls :latest — pin a version (e.g. nginx:1.0.0) or a digest (@sha256:…).',
    },
    {
      name: 'a registry port is not a tag',
      text: pod('«"registry.local:5000/team/app"»'),
      messageId: 'noTag',
      message: /^Image registry\.local:5000\/team\/app of container web has no tag/,
    },
    {
      name: 'a container without a name is named by its place',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n  - image: «busybox»\n',
      messageId: 'noTag',
      message: /^Image busybox of container #2 has no tag/,
    },
    {
      name: ':latest',
      text: pod('«nginx:latest»'),
      messageId: 'latest',
      message:
        'Image nginx:latest of container web uses the moving tag :latest — pin a version or a digest (@sha256:…) so every node runs the same code.',
    },
    {
      name: 'init containers and CronJobs too',
      text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: wait
            image: «busybox»
          containers:
          - name: backup
            image: «backup»
`,
      messageId: 'noTag',
    },
  ],
});
