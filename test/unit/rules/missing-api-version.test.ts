import { ruleTable } from '../helpers/ruleTester';

ruleTable('missing-api-version', {
  valid: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    { name: 'a Kustomization (not a Kubernetes kind)', text: 'kind: Kustomization\nmetadata:\n  name: x\nresources: [a.yaml]\n' },
    { name: 'a kind without metadata (compose, workflows…)', text: 'kind: Deployment\nreplicas: 3\n' },
    { name: 'a GitHub workflow', text: 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
  ],
  invalid: [
    {
      name: 'a Deployment without apiVersion',
      text: '«kind: Deployment»\nmetadata:\n  name: web\n',
      messageId: 'missing',
      message: 'Deployment has no `apiVersion`: Kubernetes 1.35 serves it as `apps/v1`.',
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    },
    {
      name: 'a HorizontalPodAutoscaler: two apiVersions, offered both',
      text: 'metadata:\n  name: web\n«kind: HorizontalPodAutoscaler»\n',
      messageId: 'missing',
      message: 'HorizontalPodAutoscaler has no `apiVersion`: Kubernetes 1.35 serves it as `autoscaling/v1` or `autoscaling/v2`.',
      fix: 'Add `apiVersion: autoscaling/v2`',
      output: 'metadata:\n  name: web\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n',
    },
  ],
});
