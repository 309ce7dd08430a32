import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';

const deploy = (labels: string, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${ns}spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const service = (selector: string, ns = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${ns}spec:
  «selector»:
${selector}
  ports:
    - port: 80
`;
const plain = (s: string) => s.replace(/[«»]/g, '');

ruleTable('dangling-service', {
  valid: [
    {
      name: 'selects the Deployment of the same file',
      text: `${deploy('        app: web\n        tier: fe')}---\n${plain(service('    app: web'))}`,
    },
    {
      name: 'a subset of the pod labels is enough',
      text: `${deploy('        app: web\n        tier: fe')}---\n${plain(service('    tier: fe'))}`,
    },
    { name: 'a lone Service: nothing to compare with', text: plain(service('    app: nothing-here')) },
    {
      name: 'the workspace was not fully indexed and the workload is in another file',
      text: plain(service('    app: wob')),
      files: { 'file:///work/deploy.yaml': deploy('        app: web') },
    },
    {
      name: 'the only workload is in another namespace',
      text: `${deploy('        app: web', '  namespace: other\n')}---\n${plain(service('    app: api'))}`,
    },
    {
      name: 'a custom resource in the namespace may create the pods',
      text: `${deploy('        app: web')}---\napiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: main\n---\n${plain(service('    app: prometheus'))}`,
    },
    {
      name: 'no selector: manual Endpoints',
      text: `${deploy('        app: web')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  ports:\n    - port: 80\n`,
    },
    {
      name: 'ExternalName',
      text: `${deploy('        app: web')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  selector:\n    app: x\n`,
    },
    {
      name: 'selects a CronJob pod template',
      text: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels:\n            app: c\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: busybox:1.36\n---\n${plain(service('    app: c'))}`,
    },
  ],
  invalid: [
    {
      name: 'a typo in the selector',
      text: `${deploy('        app: web')}---\n${service('    app: wbe')}`,
      messageId: 'dangling',
      message:
        'Service web selects app=wbe, but no pod template in namespace default has these labels (Deployment web has app=web): ' +
        'the Service would have no endpoints. Fix the selector or the pod template labels.',
    },
    {
      name: 'one label of two does not match',
      text: `${deploy('        app: web\n        tier: fe')}---\n${service('    app: web\n    tier: backend')}`,
      messageId: 'dangling',
      message: /selects app=web,tier=backend, .*Deployment web has app=web,tier=fe/,
    },
    {
      name: 'the workload of the same file has no labels; flow selector',
      text: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers: []\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: agent\nspec:\n  «selector»: {app: agent}\n`,
      messageId: 'dangling',
      message: /\(DaemonSet agent has no labels\)/,
    },
  ],
});

describe('dangling-service across files', () => {
  function check(complete: boolean, files: Record<string, string>, text: string) {
    const workspace = new WorkspaceIndex();
    workspace.complete = complete;
    const ls = getLanguageService({ workspace });
    for (const [uri, t] of Object.entries(files)) ls.parse(TextDocument.create(uri, 'yaml', 1, t));
    const doc = TextDocument.create('file:///work/svc.yaml', 'yaml', 1, text);
    return ls.doValidation(doc).filter((d) => d.code === 'dangling-service');
  }

  it('warns about a Service matching the workload of another file only once the whole workspace is indexed', () => {
    const files = { 'file:///work/deploy.yaml': deploy('        app: web') };
    assert.equal(check(false, files, plain(service('    app: wob'))).length, 0);
    const found = check(true, files, plain(service('    app: wob')));
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /selects app=wob/);
    assert.deepEqual(found[0].range, { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } });
  });

  it('speaks up once the crawl marks the index complete, even for a document validated before (no stale cache)', () => {
    const workspace = new WorkspaceIndex();
    const ls = getLanguageService({ workspace });
    ls.parse(TextDocument.create('file:///work/deploy.yaml', 'yaml', 1, deploy('        app: web')));
    const doc = TextDocument.create('file:///work/svc.yaml', 'yaml', 1, plain(service('    app: wob')));
    const count = () => ls.doValidation(doc).filter((d) => d.code === 'dangling-service').length;
    assert.equal(count(), 0);
    workspace.complete = true;
    assert.equal(count(), 1);
    workspace.complete = false;
    assert.equal(count(), 0);
  });

  it('across files it needs a near miss: an unrelated workload elsewhere is no evidence', () => {
    const files = { 'file:///work/deploy.yaml': deploy('        app: web').replace('name: web', 'name: api') };
    const other = plain(service('    app: payments')).replace('name: web', 'name: payments');
    assert.equal(check(true, files, other).length, 0);
    // a shared label is: app=web with tier=backend vs a pod template app=web
    assert.equal(check(true, files, plain(service('    app: web\n    tier: backend'))).length, 1);
  });

  it('says nothing while a document of the Service file does not parse (it may be the workload)', () => {
    const text = `${plain(service('    app: wob'))}---\n${deploy('        app: web')}---\nkind: Deployment\nkind: x\n`;
    assert.equal(check(true, {}, text).length, 0);
  });

  it('is satisfied by a workload in another file', () => {
    assert.deepEqual(check(true, { 'file:///work/deploy.yaml': deploy('        app: web') }, plain(service('    app: web'))), []);
  });

  it('counts the workloads of a Helm-style template: a ReplicationController with `{{ }}` values selects the pods', () => {
    const rc = `apiVersion: v1
kind: ReplicationController
metadata:
  name: web
spec:
  replicas: {{ .Values.replicas }}
  selector:
    app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: "{{ .Values.image }}"
`;
    // The Service's file has a workload of its own (evidence), which the Service does not select.
    const text = `${deploy('        app: worker').replace('name: web', 'name: worker')}---\n${plain(service('    app: web'))}`;
    assert.equal(check(false, {}, text).length, 1);
    assert.deepEqual(check(false, { 'file:///work/rc.yaml': rc }, text), []);
    assert.deepEqual(check(true, { 'file:///work/rc.yaml': rc }, text), []);
  });

  it('looks at namespaces: a match in another namespace does not count', () => {
    const files = {
      'file:///work/a.yaml': deploy('        app: web', '  namespace: a\n'),
      'file:///work/b.yaml': deploy('        app: api', '  namespace: b\n'),
    };
    assert.equal(check(true, files, plain(service('    app: web', '  namespace: b\n'))).length, 1);
    assert.equal(check(true, files, plain(service('    app: web', '  namespace: a\n'))).length, 0);
  });
});

describe('dangling-service: what counts as the workload a Service was written for', () => {
  const IDENTITY_KEYS = [
    'app.kubernetes.io/name',
    'app.kubernetes.io/instance',
    'app',
    'k8s-app',
    'name',
    'component',
    'app.kubernetes.io/component',
  ];
  const workload = (name: string, labels: Record<string, string>) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: ${JSON.stringify(labels)}\n  template:\n    metadata:\n      labels: ${JSON.stringify(labels)}\n    spec:\n      containers:\n        - name: c\n          image: c:1\n`;
  const svc = (name: string, selector: Record<string, string>) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: ${JSON.stringify(selector)}\n  ports:\n    - port: 80\n`;
  /** The dangling-service messages of `text` with `other` in another file of a fully indexed workspace. */
  function messages(other: string, text: string): string[] {
    const workspace = new WorkspaceIndex();
    workspace.complete = true;
    const ls = getLanguageService({ workspace });
    ls.parse(TextDocument.create('file:///work/other.yaml', 'yaml', 1, other));
    return ls
      .doValidation(TextDocument.create('file:///work/svc.yaml', 'yaml', 1, text))
      .filter((d) => d.code === 'dangling-service')
      .map((d) => String(d.message));
  }

  for (const key of IDENTITY_KEYS)
    it(`the same ${key} label is evidence`, () => {
      assert.equal(messages(workload('api', { [key]: 'shop' }), svc('front', { [key]: 'shop', tier: 'web' })).length, 1);
    });
  it('the same value of another label (tier, role) is not', () => {
    assert.deepEqual(messages(workload('api', { tier: 'web', app: 'api' }), svc('front', { tier: 'web', app: 'zzzzzz' })), []);
  });
  it("the Service's own name is", () => {
    assert.equal(messages(workload('front', { app: 'api' }), svc('front', { app: 'zzzzzz' })).length, 1);
  });
  it('a value a typo away is, within one edit per three letters and at most two', () => {
    assert.equal(messages(workload('api', { app: 'payments' }), svc('front', { app: 'paymnts' })).length, 1, 'one edit of eight letters');
    assert.equal(messages(workload('api', { app: 'abcdef' }), svc('front', { app: 'abxyef' })).length, 1, 'two edits of six letters');
    assert.deepEqual(messages(workload('api', { app: 'abcd' }), svc('front', { app: 'abxy' })), [], 'two edits of four letters');
    assert.deepEqual(messages(workload('api', { app: 'abcdefghijkl' }), svc('front', { app: 'abcxyzghijkl' })), [], 'never three');
    assert.deepEqual(messages(workload('api', { role: 'x' }), svc('front', { app: 'api' })), [], 'a label the workload does not have');
  });
  it('a ConfigMap in the same file is no workload, so no evidence', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n${svc('front', { app: 'api' })}`;
    assert.deepEqual(messages('', text), []);
  });
  it('names at most three candidates, then how many more, each once; unnamed objects say so', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => workload(n, { app: n, tier: 'x' })).join('---\n');
    const [message] = messages('', `${five}---\n${svc('front', { app: 'zzzzzz' })}`);
    assert.equal(
      message,
      'Service front selects app=zzzzzz, but no pod template in namespace default has these labels (Deployment a has app=a,tier=x; ' +
        'Deployment b has app=b,tier=x; Deployment c has app=c,tier=x; 2 more): the Service would have no endpoints. Fix the selector or the pod template labels.',
    );
    const three = ['a', 'b', 'c'].map((n) => workload(n, { app: n })).join('---\n');
    assert.match(messages('', `${three}---\n${svc('front', { app: 'zzzzzz' })}`)[0], /Deployment c has app=c\): /);
    const unnamed = `${workload('a', { app: 'a' }).replace('  name: a\n', '  labels: {}\n')}---\n${svc('front', { app: 'b' }).replace('  name: front\n', '  labels: {}\n')}`;
    assert.match(messages('', unnamed)[0], /^Service \(unnamed\) selects app=b, .*\(Deployment \(unnamed\) has app=a\)/);
  });
});
