// Names from the workspace as completions. ‸ is the cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';

function complete(marked: string, files: Record<string, string> = {}) {
  const offset = marked.indexOf('‸');
  assert.ok(offset >= 0);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const ls = getLanguageService({ workspace: new WorkspaceIndex() });
  for (const [uri, t] of Object.entries(files)) ls.parse(TextDocument.create(uri, 'yaml', 1, t));
  const document = TextDocument.create('file:///w/main.yaml', 'yaml', 1, text);
  const items = [...ls.doComplete(document, document.positionAt(offset)).items].sort((a, b) =>
    (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label),
  );
  const apply = (it: CompletionItem) => TextDocument.applyEdits(document, [it.textEdit as TextEdit, ...(it.additionalTextEdits ?? [])]);
  return { items, labels: items.map((i) => i.label), apply };
}
const find = (items: CompletionItem[], label: string) => {
  const it = items.find((i) => i.label === label);
  assert.ok(it, `no ${label} in ${items.map((i) => i.label).join(', ')}`);
  return it;
};

const svc = (name: string, extra = '', ns = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns}spec:\n${extra}  selector:\n    app: x\n`;

const STS = (serviceName: string, ns = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
${ns}spec:
  serviceName: ${serviceName}
  selector:
    matchLabels:
      app: db
      tier: "1"
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;

describe('name completions from the workspace', () => {
  it('serviceName: the Services of the namespace, headless ones first', () => {
    const { labels, items, apply } = complete(STS('‸'), {
      'file:///w/a.yaml': svc('web'),
      'file:///w/b.yaml': svc('db-headless', '  clusterIP: None\n'),
      'file:///w/c.yaml': svc('elsewhere', '  clusterIP: None\n', '  namespace: other\n'),
    });
    const services = labels.filter((l) => ['web', 'db-headless', 'elsewhere'].includes(l));
    assert.deepEqual(services, ['db-headless', 'web']);
    assert.equal(find(items, 'db-headless').detail, 'headless Service');
    assert.match(String(find(items, 'web').detail), /not headless/);
    assert.ok(apply(find(items, 'db-headless')).includes('  serviceName: db-headless\n'));
    assert.equal(labels.at(-1), 'db', 'the StatefulSet’s own name comes last');
    assert.match(String(find(items, 'db').detail), /no Service yet/);
  });

  it('serviceName in a namespace: only that namespace', () => {
    const { labels } = complete(STS('‸', '  namespace: other\n'), {
      'file:///w/a.yaml': svc('web'),
      'file:///w/c.yaml': svc('elsewhere', '  clusterIP: None\n', '  namespace: other\n'),
    });
    assert.ok(labels.includes('elsewhere'));
    assert.ok(!labels.includes('web'));
  });

  it('volumeMounts[].name: the pod volumes and the claim templates', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres:16.4
          volumeMounts:
            - name: ‸
      volumes:
        - name: config
          configMap:
            name: db-config
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        resources:
          requests:
            storage: 10Gi
`;
    const { items, labels, apply } = complete(text);
    assert.deepEqual(
      labels.filter((l) => l === 'config' || l === 'data'),
      ['config', 'data'],
    );
    assert.equal(find(items, 'config').detail, 'volume (configMap)');
    assert.equal(find(items, 'data').detail, 'volumeClaimTemplate (10Gi)');
    assert.ok(apply(find(items, 'data')).includes('            - name: data\n'));
  });

  it('secretKeyRef.name: the Secrets of the namespace; configMapRef.name: the ConfigMaps', () => {
    const job = (ref: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: migrate:1.0
${ref}`;
    const files = {
      'file:///w/s.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
      'file:///w/t.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: other-ns\n  namespace: prod\n',
    };
    const secrets = complete(
      job(
        '          env:\n            - name: PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: ‸\n',
      ),
      files,
    ).labels;
    assert.ok(secrets.includes('db-creds'));
    assert.ok(!secrets.includes('settings'));
    assert.ok(!secrets.includes('other-ns'));
    const maps = complete(job('          envFrom:\n            - configMapRef:\n                name: ‸\n'), files).labels;
    assert.ok(maps.includes('settings'));
    assert.ok(!maps.includes('db-creds'));
  });

  it('pod template labels: the selector labels not written yet, quoted when they must be', () => {
    const text = STS('db').replace('      labels:\n        app: db\n', '      labels:\n        app: db\n        ‸\n');
    const { items, labels, apply } = complete(text);
    assert.ok(labels.includes('tier'));
    assert.ok(!labels.includes('app'), 'app is already there');
    assert.ok(apply(find(items, 'tier')).includes('        tier: "1"\n'));
  });

  it('a pod template label value: the selector’s value for that key', () => {
    const text = STS('db').replace('      labels:\n        app: db\n', '      labels:\n        app: ‸\n');
    const { items } = complete(text);
    assert.equal(find(items, 'db').detail, 'from spec.selector.matchLabels');
  });

  it('a Service selector: the pod labels of the workloads of the namespace', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    ‸\n';
    const { items, labels, apply } = complete(text, { 'file:///w/sts.yaml': STS('db') });
    assert.ok(labels.includes('app: db'));
    assert.ok(apply(find(items, 'app: db')).includes('  selector:\n    app: db\n'));
  });

  it('says nothing where it knows nothing', () => {
    const { labels } = complete(STS('db').replace('image: postgres:16.4', 'image: ‸'), { 'file:///w/a.yaml': svc('web') });
    assert.ok(!labels.includes('web'));
  });
});
