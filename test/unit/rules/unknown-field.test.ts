import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abbreviationOf } from '../../../server/src/service/rules/unknown-field';
import { ruleTable } from '../helpers/ruleTester';

const deployment = (specExtra: string, containerExtra = '') =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${specExtra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
${containerExtra}`;

ruleTable('unknown-field', {
  valid: [
    { name: 'a complete Deployment', text: deployment('  replicas: 3\n') },
    { name: 'labels and annotations take any key', text: deployment('', '        env:\n        - name: A\n          value: b\n') },
    {
      name: 'a CRD kind is not ours',
      text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  anything: goes\n',
    },
    {
      name: 'a Knative Service is not a core Service',
      text: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      containers:\n      - image: x\n',
    },
    { name: 'status is part of the schema', text: deployment('', '') + 'status:\n  replicas: 1\n' },
    { name: 'null values are unset fields', text: deployment('  replicas:\n') + '  strategy: ~\n' },
    {
      name: 'free-form fields (managedFields.fieldsV1)',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  managedFields:\n  - manager: kubectl\n    fieldsV1:\n      f:data: {}\ndata:\n  a: b\n',
    },
    { name: 'not Kubernetes', text: 'name: CI\non:\n  push: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n' },
  ],
  invalid: [
    {
      name: 'typo with a suggestion, renamed by the fix',
      text: deployment('  «replica»: 3\n'),
      messageId: 'unknownSuggest',
      message: '`replica` is not a field of Deployment.spec. Did you mean `replicas`?',
      fix: 'Rename to `replicas`',
      fixes: ['Rename to `replicas`'],
      preferred: true,
      safe: true,
      output: deployment('  replicas: 3\n'),
    },
    {
      name: 'wrong case inside a container',
      text: deployment('', '        «ImagePullPolicy»: Always\n'),
      messageId: 'unknownSuggest',
      message: '`ImagePullPolicy` is not a field of Deployment.spec.template.spec.containers[0]. Did you mean `imagePullPolicy`?',
      output: deployment('', '        imagePullPolicy: Always\n'),
    },
    {
      name: 'a shortened field name gets the field it shortens (more than a typo apart)',
      text: deployment('', '        «imagePolicy»: Always\n'),
      messageId: 'unknownSuggest',
      message: '`imagePolicy` is not a field of Deployment.spec.template.spec.containers[0]. Did you mean `imagePullPolicy`?',
      fix: 'Rename to `imagePullPolicy`',
      fixes: ['Rename to `imagePullPolicy`', 'Remove `imagePolicy`'],
      preferred: true,
      safe: false,
      output: deployment('', '        imagePullPolicy: Always\n'),
    },
    {
      name: 'a key that is nothing like a field: remove it',
      text: deployment('  «colour»: blue\n'),
      messageId: 'unknown',
      message: '`colour` is not a field of Deployment.spec in the Kubernetes 1.35 API.',
      fix: 'Remove `colour`',
      fixes: ['Remove `colour`'],
      preferred: false,
      safe: false,
      output: deployment(''),
    },
    {
      name: 'top level',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n«date»:\n  a: b\n',
      messageId: 'unknownSuggest',
      message: '`date` is not a field of ConfigMap. Did you mean `data`?',
      output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n',
    },
    {
      name: 'in a flow mapping, in the second document',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  ports:\n  - {port: 80, «targetport»: 8080}\n',
      messageId: 'unknownSuggest',
      message: '`targetport` is not a field of Service.spec.ports[0]. Did you mean `targetPort`?',
      output:
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  ports:\n  - {port: 80, targetPort: 8080}\n',
    },
    {
      name: 'containers written directly under a Deployment spec',
      text: deployment('  «containers»: []\n'),
      messageId: 'unknownMoved',
      message: '`containers` is not a field of Deployment.spec: it belongs in Deployment.spec.template.spec. Check the indentation.',
      fix: 'Remove `containers`',
      output: deployment(''),
    },
    {
      name: 'a field indented one level too deep',
      text: deployment('', '          «imagePullPolicy»: Always\n').replace(
        'image: nginx:1.27\n',
        'image: nginx:1.27\n        resources:\n',
      ),
      messageId: 'unknownMoved',
      message:
        '`imagePullPolicy` is not a field of Deployment.spec.template.spec.containers[0].resources: it belongs in Deployment.spec.template.spec.containers[0]. Check the indentation.',
    },
    {
      name: 'a field already present is not suggested again',
      text: deployment('  replicas: 2\n  «replica»: 3\n'),
      messageId: 'unknown',
      message: '`replica` is not a field of Deployment.spec in the Kubernetes 1.35 API.',
    },
  ],
});

describe('abbreviationOf: the one field a key shortens', () => {
  const container = ['imagePullPolicy', 'image', 'imagePullSecrets', 'readinessProbe', 'resources', 'restartPolicy'];
  it('finds a field with every letter of the key in order and the same first letter', () => {
    assert.equal(abbreviationOf('imagePolicy', container), 'imagePullPolicy');
    assert.equal(abbreviationOf('readiness', container), 'readinessProbe');
  });
  it('says nothing when several fields fit, the key is short, or the first letter differs', () => {
    assert.equal(abbreviationOf('imagePull', container), undefined, 'imagePullPolicy and imagePullSecrets');
    assert.equal(abbreviationOf('res', container), undefined);
    assert.equal(abbreviationOf('pullPolicy', container), undefined);
  });
});
