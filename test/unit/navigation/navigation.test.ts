// Go to definition and find references over the workspace index. In a text, ‸ is the cursor and
// «» marks the ranges expected as results in that file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Range } from 'vscode-languageserver-types';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { unmark } from '../helpers/ruleTester';

const CURSOR = '‸';
const fmt = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const MAIN = 'file:///w/main.yaml';

/** Opens `main` (with ‸ and «») and the other files (with «»); returns what to expect and what came. */
function run(
  main: string,
  others: Record<string, string>,
  ask: 'definition' | 'references',
  includeDeclaration = false,
): { expected: string[]; actual: string[] } {
  const workspace = new WorkspaceIndex();
  const ls = getLanguageService({ workspace });
  const expected: string[] = [];
  for (const [uri, marked] of Object.entries(others)) {
    const { text, ranges } = unmark(marked);
    ls.parse(TextDocument.create(uri, 'yaml', 1, text));
    for (const r of ranges) expected.push(`${uri} ${fmt(r)}`);
  }
  const cursorAt = main.indexOf(CURSOR);
  assert.ok(cursorAt >= 0, 'the main text needs a ‸ cursor');
  const { text, ranges } = unmark(main.replace(CURSOR, ''));
  // the cursor offset in the unmarked text: count the markers before it
  const offset = cursorAt - (main.slice(0, cursorAt).match(/[«»]/g) ?? []).length;
  const document = TextDocument.create(MAIN, 'yaml', 1, text);
  for (const r of ranges) expected.push(`${MAIN} ${fmt(r)}`);
  const position = document.positionAt(offset);
  const result: Location[] =
    ask === 'definition' ? ls.findDefinition(document, position) : ls.findReferences(document, position, includeDeclaration);
  return { expected: expected.sort(), actual: result.map((l) => `${l.uri} ${fmt(l.range)}`).sort() };
}

const STS = (serviceName: string, ns = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
${ns}spec:
  serviceName: ${serviceName}
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;
const SVC = (name: string, ns = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${ns}spec:
  clusterIP: None
  selector:
    app: db
`;

describe('go to definition', () => {
  const cases: { name: string; main: string; others?: Record<string, string> }[] = [
    {
      name: 'serviceName → the Service in another file',
      main: STS('d‸b'),
      others: { 'file:///w/svc.yaml': SVC('«db»'), 'file:///w/other.yaml': SVC('other') },
    },
    {
      name: 'serviceName → the Service in the same file',
      main: `${STS('‸db')}---\n${SVC('«db»')}`,
    },
    {
      name: 'serviceName → only the Service of the same namespace',
      main: STS('db‸', '  namespace: prod\n'),
      others: { 'file:///w/a.yaml': SVC('«db»', '  namespace: prod\n'), 'file:///w/b.yaml': SVC('db', '  namespace: test\n') },
    },
    { name: 'serviceName naming nothing → nothing', main: STS('nowh‸ere'), others: { 'file:///w/svc.yaml': SVC('db') } },
    {
      name: 'volumeMounts[].name → the pod volume',
      main: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          volumeMounts:
            - name: con‸fig
              mountPath: /etc/nginx
      volumes:
        - name: cache
          emptyDir: {}
        - name: «config»
          configMap:
            name: nginx
`,
    },
    {
      name: 'volumeMounts[].name → the StatefulSet claim template',
      main: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          volumeMounts:
            - name: ‸data
              mountPath: /data
  volumeClaimTemplates:
    - metadata:
        name: «data»
      spec:
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'a Service selector → the pod templates it selects (here and in other files)',
      main: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    ap‸p: db
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: other
spec:
  template:
    metadata:
      labels:
        app: other
`,
      others: {
        'file:///w/sts.yaml': STS('db').replace('      labels:\n        app: db\n', '      labels:\n        «app: db\n»'),
        'file:///w/job.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: «{app: db, job: backup}»
        spec:
          restartPolicy: Never
          containers: []
`,
      },
    },
    {
      name: 'secretKeyRef.name → the Secret',
      main: `apiVersion: batch/v1
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
          env:
            - name: PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-cre‸ds
                  key: password
`,
      others: { 'file:///w/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: «db-creds»\nstringData:\n  password: x\n' },
    },
    {
      name: 'a secret volume → the Secret',
      main: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers: []
  volumes:
    - name: tls
      secret:
        secretName: ‸tls-cert
`,
      others: { 'file:///w/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: «tls-cert»\n' },
    },
    { name: 'a plain field → nothing', main: STS('db').replace('image: postgres', 'image: post‸gres') },
    { name: 'a Helm template → nothing', main: 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  serviceName: {{ .Values.‸name }}\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { expected, actual } = run(c.main, c.others ?? {}, 'definition');
      assert.deepEqual(actual, expected);
    });
  }
});

describe('find references', () => {
  const cases: { name: string; main: string; others?: Record<string, string>; includeDeclaration?: boolean }[] = [
    {
      name: 'of a Service: the StatefulSet naming it (its serviceName here) and the pod templates it selects',
      main: `${STS('«db»').replace('      labels:\n        app: db\n', '      labels:\n        «app: db\n»')}---\n${SVC('d‸b')}`,
    },
    {
      name: 'of a Service, with its declaration, across files (at the serviceName of a StatefulSet elsewhere)',
      main: SVC('«d‸b»'),
      includeDeclaration: true,
      others: {
        'file:///w/sts.yaml': STS('db')
          .replace('  serviceName: db\n', '  serviceName: «db»\n')
          .replace('      labels:\n        app: db\n', '      labels:\n        «app: db\n»'),
        'file:///w/elsewhere.yaml': STS('db', '  namespace: elsewhere\n'),
      },
    },
    {
      name: 'from a serviceName: the references of the Service it names',
      main: STS('«d‸b»').replace('      labels:\n        app: db\n', '      labels:\n        «app: db\n»'),
      others: { 'file:///w/svc.yaml': SVC('db') },
    },
    {
      name: 'of pod template labels: the Services that select them',
      main: STS('db').replace('      labels:\n        app: db\n', '      labels:\n        app: d‸b\n'),
      others: {
        'file:///w/svc.yaml': SVC('«db»'),
        'file:///w/other.yaml': SVC('other').replace('app: db', 'app: other'),
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { expected, actual } = run(c.main, c.others ?? {}, 'references', c.includeDeclaration);
      assert.deepEqual(actual, expected);
    });
  }
});
