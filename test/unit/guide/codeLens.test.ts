import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEBUG_COMMAND, getCodeLenses, podListLabel } from '../../../server/src/service/codeLens';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';

const sts = (name: string, replicas: number | undefined, serviceName: string | undefined, namespace?: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
spec:${serviceName ? `\n  serviceName: ${serviceName}` : ''}${replicas === undefined ? '' : `\n  replicas: ${replicas}`}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: c
        image: c:1
`;
const svc = (name: string, clusterIP: string | undefined, namespace?: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
spec:${clusterIP ? `\n  clusterIP: ${clusterIP}` : ''}
  selector:
    app: ${name}
  ports:
  - port: 80
`;

function allLenses(text: string, otherFiles: string[] = []) {
  const index = new WorkspaceIndex();
  otherFiles.forEach((t, i) => {
    const d = TextDocument.create(`file:///other${i}.yaml`, 'yaml', 1, t);
    index.setFile(parseManifest(d.uri, t), d);
  });
  const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
  const file = parseManifest(doc.uri, text);
  index.setFile(file, doc);
  return getCodeLenses(file, doc, index);
}

/** The StatefulSet lenses (pods and Service), without the "Debug…" ones. */
function lenses(text: string, otherFiles: string[] = []) {
  return allLenses(text, otherFiles)
    .filter((l) => l.command?.command !== DEBUG_COMMAND)
    .map((l) => ({ line: l.range.start.line, title: l.command?.title }));
}

describe('StatefulSet code lens', () => {
  const cases: [string, string, string[], string][] = [
    [
      'headless Service in the same file',
      `${sts('qdrant', 3, 'qdrant')}---\n${svc('qdrant', 'None')}`,
      [],
      'qdrant-0, qdrant-1, qdrant-2 · headless Service qdrant ✓',
    ],
    [
      'headless Service in another file',
      sts('qdrant', 3, 'qdrant'),
      [svc('qdrant', 'None')],
      'qdrant-0, qdrant-1, qdrant-2 · headless Service qdrant ✓',
    ],
    ['no Service', sts('qdrant', 3, 'qdrant'), [], 'qdrant-0, qdrant-1, qdrant-2 · headless Service qdrant ✗ not found'],
    [
      'Service with a cluster IP',
      sts('qdrant', 2, 'qdrant'),
      [svc('qdrant', undefined)],
      'qdrant-0, qdrant-1 · Service qdrant ✗ not headless',
    ],
    [
      'Service in another namespace',
      sts('qdrant', 1, 'qdrant', 'ai-prod'),
      [svc('qdrant', 'None')],
      'qdrant-0 · headless Service qdrant ✗ not found',
    ],
    ['same namespace', sts('qdrant', 1, 'qdrant', 'ai-prod'), [svc('qdrant', 'None', 'ai-prod')], 'qdrant-0 · headless Service qdrant ✓'],
    ['no serviceName, replicas defaults to 1', sts('db', undefined, undefined), [], 'db-0 · no serviceName ✗'],
    ['many replicas', sts('db', 12, 'db'), [svc('db', 'None')], 'db-0, db-1, …, db-11 (12 pods) · headless Service db ✓'],
  ];
  for (const [title, text, others, expected] of cases) {
    test(title, () => {
      const all = lenses(text, others);
      assert.deepEqual(all, [{ line: 0, title: expected }]);
    });
  }

  test('one lens per StatefulSet, on its first line', () => {
    const text = `${svc('a', 'None')}---\n${sts('a', 1, 'a')}---\n${sts('b', 2, 'a')}`;
    const all = lenses(text);
    assert.deepEqual(
      all.map((l) => l.title),
      ['a-0 · headless Service a ✓', 'b-0, b-1 · headless Service a ✓'],
    );
    const lines = text.split('\n');
    for (const l of all) assert.equal(lines[l.line], 'apiVersion: apps/v1');
  });

  test('podListLabel', () => {
    assert.equal(podListLabel('x', 0), 'no pods (replicas: 0)');
    assert.equal(podListLabel('x', 5), 'x-0, x-1, x-2, x-3, x-4');
    assert.equal(podListLabel('x', 6), 'x-0, x-1, …, x-5 (6 pods)');
  });
});

describe('StatefulSet code lens on a Kustomize patch', () => {
  test('shows nothing: the pods and the Service belong to the base', () => {
    const index = new WorkspaceIndex();
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatchesStrategicMerge:\n- a.yaml\n';
    const k = TextDocument.create('file:///kustomization.yaml', 'yaml', 1, kustomization);
    index.setFile(parseManifest(k.uri, kustomization), k);
    const text = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: qdrant\nspec:\n  replicas: 5\n';
    const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const file = parseManifest(doc.uri, text);
    index.setFile(file, doc);
    assert.deepEqual(getCodeLenses(file, doc, index), []);
    // the same file, not named by any kustomization, gets its lens
    const alone = new WorkspaceIndex();
    alone.setFile(file, doc);
    assert.deepEqual(
      getCodeLenses(file, doc, alone).map((l) => l.command?.title),
      ['Debug…', 'qdrant-0, qdrant-1, qdrant-2, qdrant-3, qdrant-4 · no serviceName ✗'],
    );
  });
});

describe('"Debug…" code lens', () => {
  test("above every named workload, with the document URI and the object's first position; not above other kinds", () => {
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
    const workload = (kind: string) =>
      `apiVersion: ${kind.endsWith('Job') ? 'batch/v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: w\n`;
    const text = [svc('s', 'None'), ...kinds.map(workload), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n'].join('---\n');
    const debug = allLenses(text).filter((l) => l.command?.command === DEBUG_COMMAND);
    const lines = text.split('\n');
    assert.deepEqual(
      debug.map((l) => [l.command?.title, lines[l.range.start.line + 1]]),
      kinds.map((k) => ['Debug…', `kind: ${k}`]),
    );
    for (const l of debug) assert.deepEqual(l.command?.arguments, ['file:///a.yaml', l.range.start]);
  });
});
