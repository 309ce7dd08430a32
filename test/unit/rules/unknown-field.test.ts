import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abbreviationOf, closest, releaseNote } from '../../../server/src/service/rules/unknown-field';
import { readFileSync } from 'node:fs';
import { WIDGETS_PATH } from '../crd/widgets';
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
      // The object as the API server reads it drops the unset key after the typo: the typo stays in it.
      name: 'a typo before a key left empty',
      text: deployment('  «replica»: 3\n  strategy:\n'),
      messageId: 'unknownSuggest',
      message: '`replica` is not a field of Deployment.spec. Did you mean `replicas`?',
      output: deployment('  replicas: 3\n  strategy:\n'),
    },
    {
      // …and a list whose later item has an unset key keeps its earlier items.
      name: 'a typo in the first container when the second has a key left empty',
      text: deployment('', '        «ImagePullPolicy»: Always\n      - name: side\n        image: busybox:1.36\n        args:\n'),
      messageId: 'unknownSuggest',
      message: '`ImagePullPolicy` is not a field of Deployment.spec.template.spec.containers[0]. Did you mean `imagePullPolicy`?',
      output: deployment('', '        imagePullPolicy: Always\n      - name: side\n        image: busybox:1.36\n        args:\n'),
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

describe('closest: how far a typo may be', () => {
  it('allows one edit per three letters, at least one and at most three', () => {
    assert.deepEqual(closest('ab', ['ac']), { best: 'ac', distance: 1, unique: true });
    assert.equal(closest('abcde', ['abxye']), undefined, 'five letters: one edit');
    assert.deepEqual(closest('abcdef', ['abxyef']), { best: 'abxyef', distance: 2, unique: true });
    assert.deepEqual(closest('abcdefghi', ['abcxyzghi']), { best: 'abcxyzghi', distance: 3, unique: true });
    assert.equal(closest('abcdefghijklmnop', ['abcdwxyzijklmnop']), undefined, 'never more than three edits');
  });
  it('keeps the first of equally close candidates and says it is not the only one', () => {
    assert.deepEqual(closest('abz', ['abx', 'aby']), { best: 'abx', distance: 1, unique: false });
    assert.deepEqual(closest('abz', ['zzz', 'abx']), { best: 'abx', distance: 1, unique: true });
    assert.deepEqual(closest('abz', ['abx', 'qqq', 'abz1']), { best: 'abx', distance: 1, unique: false });
  });
});

describe('abbreviationOf', () => {
  it('needs four letters, a longer field, and only one match', () => {
    assert.equal(abbreviationOf('rplc', ['replicas']), 'replicas');
    assert.equal(abbreviationOf('rpl', ['replicas']), undefined);
    assert.equal(abbreviationOf('Abcd', ['abcd']), undefined, 'not longer: the same word in another case');
    assert.equal(abbreviationOf('imgp', ['imagePullPolicy', 'imagePullSecrets']), undefined, 'two matches');
    assert.equal(abbreviationOf('mgpl', ['imagePullPolicy']), undefined, 'another first letter');
  });
});

describe('releaseNote', () => {
  it('says when a field arrives, when it was removed, or which releases have it', () => {
    assert.equal(releaseNote('1.30', ['1.33', '1.34', '1.35']), 'it arrives in Kubernetes 1.33');
    assert.equal(releaseNote('1.35', ['1.30', '1.31']), 'it was removed in Kubernetes 1.32');
    assert.equal(releaseNote('1.32', ['1.30', '1.33']), 'it is in Kubernetes 1.30, 1.33');
  });
});

const pod = (specLines: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${specLines}  containers:\n  - name: c\n    image: c:1\n`;

ruleTable('unknown-field', {
  valid: [],
  invalid: [
    {
      name: 'a custom resource field the CRD does not have',
      text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: small\n  parts:\n  - name: p-1\n  «zzzzzzzzz»: 1\n',
      files: { 'file:///work/widgets-crd.yaml': readFileSync(WIDGETS_PATH, 'utf8') },
      messageId: 'unknownCrd',
      message: '`zzzzzzzzz` is not a field of Widget.spec in the CustomResourceDefinition `widgets.example.com`.',
    },
    {
      name: 'a field of a later release: removing it is the fix',
      text: pod('  «resources»:\n    limits: {cpu: 1}\n'),
      kubernetesVersion: '1.31',
      messageId: 'notInRelease',
      fixes: ['Remove `resources`'],
    },
    {
      name: 'a quoted "<<" is an ordinary key, and not a field',
      text: pod('  «"<<"»: 5\n'),
      messageId: 'unknown',
      message: '`<<` is not a field of Pod.spec in the Kubernetes 1.35 API.',
    },
    {
      name: 'a quoted "<<" with a mapping is not a merge either: its fields are not Pod.spec fields',
      text: pod("  «'<<'»: {hostNetwork: true}\n"),
      messageId: 'unknown',
      message: '`<<` is not a field of Pod.spec in the Kubernetes 1.35 API.',
    },
    {
      name: 'two edits away: suggested, but not applied by fix-all',
      text: deployment('  «replikaz»: 3\n'),
      messageId: 'unknownSuggest',
      message: '`replikaz` is not a field of Deployment.spec. Did you mean `replicas`?',
      fix: 'Rename to `replicas`',
      preferred: true,
      safe: false,
      output: deployment('  replicas: 3\n'),
    },
    {
      name: 'one edit from two fields: suggested, but not applied by fix-all',
      text: pod('  «hostPIC»: true\n'),
      messageId: 'unknownSuggest',
      fix: /^Rename to /,
      safe: false,
    },
    {
      name: 'one edit from one field: applied by fix-all',
      text: pod('  «hostPDI»: true\n').replace('hostPDI', 'hostPID').replace('«hostPID»', '«hostPIDs»'),
      messageId: 'unknownSuggest',
      fix: 'Rename to `hostPID`',
      safe: true,
    },
    {
      name: 'a pod field three objects above is too far up to guess',
      text: deployment('', '        «replicas»: 3\n'),
      messageId: 'unknown',
    },
    {
      name: 'a container field written under the Deployment spec belongs in its containers',
      text: deployment('  «imagePullPolicy»: Always\n'),
      messageId: 'unknownMoved',
      message:
        '`imagePullPolicy` is not a field of Deployment.spec: it belongs in Deployment.spec.template.spec.containers[]. Check the indentation.',
    },
    {
      name: 'a field four objects down is too far down to guess',
      text: deployment('  «capabilities»: {}\n'),
      messageId: 'unknown',
    },
    {
      name: 'status fields are not where a misplaced key belongs',
      text: deployment('').replace('spec:\n', '«availableReplicas»: 3\nspec:\n'),
      messageId: 'unknown',
    },
  ],
});
