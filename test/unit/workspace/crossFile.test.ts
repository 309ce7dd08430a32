// The workspace index seen through the cross-document rules: a Service in another file satisfies a
// StatefulSet, and deleting (or changing) that file brings the warning back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';

const STS = `apiVersion: apps/v1
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
          image: postgres:16.4
`;
const SVC = (clusterIP: string) => `apiVersion: v1
kind: Service
metadata:
  name: postgres
spec:
  clusterIP: ${clusterIP}
  selector:
    app: postgres
`;

function setup() {
  const workspace = new WorkspaceIndex();
  const ls = getLanguageService({ workspace });
  const sts = TextDocument.create('file:///w/sts.yaml', 'yaml', 1, STS);
  const codes = (doc: TextDocument) => ls.doValidation(doc).map((d) => d.code);
  const putFile = (uri: string, text: string, version = 1) => ls.parse(TextDocument.create(uri, 'yaml', version, text));
  return { workspace, ls, sts, codes, putFile };
}

describe('workspace index and cross-document rules', () => {
  it('a Service in another file satisfies the StatefulSet; deleting that file brings the warning back', () => {
    const { workspace, sts, codes, putFile } = setup();
    assert.deepEqual(
      codes(sts).filter((c) => c === 'missing-headless-service'),
      ['missing-headless-service'],
    );
    putFile('file:///w/svc.yaml', SVC('None'));
    assert.deepEqual(
      codes(sts).filter((c) => c === 'missing-headless-service'),
      [],
    );
    workspace.delete('file:///w/svc.yaml');
    assert.deepEqual(
      codes(sts).filter((c) => c === 'missing-headless-service'),
      ['missing-headless-service'],
    );
  });

  it('renaming the Service in its file brings the warning back (the file is replaced whole)', () => {
    const { sts, codes, putFile } = setup();
    putFile('file:///w/svc.yaml', SVC('None'));
    assert.ok(!codes(sts).includes('missing-headless-service'));
    putFile('file:///w/svc.yaml', SVC('None').replace('name: postgres', 'name: pg'), 2);
    assert.ok(codes(sts).includes('missing-headless-service'));
  });

  it('the Service file gets service-not-headless from a StatefulSet in another file, and loses it when that file goes', () => {
    const { workspace, ls, putFile } = setup();
    const svc = TextDocument.create('file:///w/svc.yaml', 'yaml', 1, SVC('10.0.0.9'));
    const codes = () => ls.doValidation(svc).map((d) => d.code);
    assert.ok(!codes().includes('service-not-headless'));
    putFile('file:///w/sts.yaml', STS);
    assert.ok(codes().includes('service-not-headless'));
    workspace.delete('file:///w/sts.yaml');
    assert.ok(!codes().includes('service-not-headless'));
  });

  it('indexes only Kubernetes objects, and of a Helm-style template the documents that still read as objects', () => {
    const { workspace, putFile } = setup();
    putFile('file:///w/ci.yaml', 'name: CI\non: push\n');
    putFile('file:///w/chart.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n---\n{{- if .Values.x }}\nfoo: bar\n');
    putFile('file:///w/svc.yaml', `${SVC('None')}---\nfoo: bar\n`);
    assert.equal(workspace.has('file:///w/ci.yaml'), false);
    assert.deepEqual(
      [...workspace.objects()].map((o) => `${o.uri} ${o.kind}/${o.name}`),
      // The templated name is not a string: the Service counts, unnamed.
      ['file:///w/chart.yaml Service/undefined', 'file:///w/svc.yaml Service/postgres'],
    );
  });

  it('a templated file holds evidence for the cross-file rules but gets no diagnostics of its own', () => {
    const { ls, sts, codes, putFile } = setup();
    const chart = SVC('None').replace('  name: postgres\n', '  name: postgres\n  labels:\n    chart: {{ .Chart.Name }}\n');
    putFile('file:///w/chart.yaml', chart);
    assert.ok(!codes(sts).includes('missing-headless-service'));
    assert.deepEqual(ls.doValidation(TextDocument.create('file:///w/chart.yaml', 'yaml', 1, chart)), []);
  });
});
