import { ruleTable } from '../helpers/ruleTester';

ruleTable('missing-api-version', {
  valid: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    { name: 'a Kustomization (not a Kubernetes kind)', text: 'kind: Kustomization\nmetadata:\n  name: x\nresources: [a.yaml]\n' },
    { name: 'a kind without metadata (compose, workflows…)', text: 'kind: Deployment\nreplicas: 3\n' },
    { name: 'metadata is a list, not an object', text: 'kind: Deployment\nmetadata: [web]\n' },
    { name: 'metadata is a string', text: 'kind: Deployment\nmetadata: web\n' },
    { name: 'a kind Kubernetes does not have', text: 'kind: Frobnicator\nmetadata:\n  name: x\n' },
    { name: 'a kind that is not a string', text: 'kind: 3\nmetadata:\n  name: x\n' },
    { name: 'an empty apiVersion is there (other rules speak)', text: 'apiVersion:\nkind: Deployment\nmetadata:\n  name: web\n' },
    { name: 'a GitHub workflow', text: 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
  ],
  invalid: [
    {
      name: 'a Deployment without apiVersion',
      text: '«kind: Deployment»\nmetadata:\n  name: web\n',
      messageId: 'missing',
      message: 'Deployment has no `apiVersion`: Kubernetes 1.35 serves it as `apps/v1`.',
      fixes: ['Add `apiVersion: apps/v1`'],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      preferred: true,
      safe: true,
    },
    {
      name: 'a HorizontalPodAutoscaler: two apiVersions, offered both',
      text: 'metadata:\n  name: web\n«kind: HorizontalPodAutoscaler»\n',
      messageId: 'missing',
      message: 'HorizontalPodAutoscaler has no `apiVersion`: Kubernetes 1.35 serves it as `autoscaling/v1` or `autoscaling/v2`.',
      fixes: ['Add `apiVersion: autoscaling/v1`', 'Add `apiVersion: autoscaling/v2`'],
      fix: 'Add `apiVersion: autoscaling/v2`',
      preferred: false,
      safe: false,
      output: 'metadata:\n  name: web\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n',
    },
    {
      name: 'kind in a flow mapping: reported, but no line above `kind:` to put apiVersion on',
      text: '{«kind: Deployment», metadata: {name: web}}\n',
      messageId: 'missing',
      message: 'Deployment has no `apiVersion`: Kubernetes 1.35 serves it as `apps/v1`.',
      fixes: [],
    },
    {
      name: 'kind indented under a comment line',
      text: '# web\n«kind: Service»\nmetadata:\n  name: web\n',
      messageId: 'missing',
      output: '# web\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    },
  ],
});
