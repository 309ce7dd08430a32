// Completion and hover on text mangled the way typing mangles it (characters removed, inserted,
// lines cut short): they never throw, every item's range lies on the cursor's line and contains
// the cursor (what editors require), and additional edits stay in the cursor's document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { splitDocuments } from '../../../server/src/service/manifest/parse';
import { assertNoInternalErrors } from '../helpers/internalErrors';

const BASE = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels: {app: db, tier: data}
spec:
  serviceName: db
  replicas: 3
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
        image: "postgres:16"
        args: ["-c", "max_connections=100"]
        ports:
          - containerPort: 5432
            name: pg
        env:
        - name: PGDATA
          value: /data # where it lives
        resources: {requests: {cpu: 500m, memory: 1Gi}}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 10Gi
---
apiVersion: batch/v1
kind: CronJob
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            command:
            - /bin/sh
            - -c
            - |
              pg_dump {x} > /backup/db.sql
`;

const edit = fc.oneof(
  fc.record({ type: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    type: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('{', '[', '- ', ': ', '\n', '  ', '"', '#', 'x', '---\n', '|'),
  }),
  fc.record({ type: fc.constant('cut' as const), at: fc.nat() }),
);

function mangle(text: string, edits: { type: string; at: number; length?: number; text?: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    if (e.type === 'delete') t = t.slice(0, at) + t.slice(at + (e.length ?? 1));
    else if (e.type === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
}

describe('completion and hover on mangled manifests', () => {
  it('never throw; ranges contain the cursor on its line; extra edits stay in its document', () => {
    const service = getLanguageService();
    let version = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), fc.nat(), fc.boolean(), (edits, cursorSeed, snippetSupport) => {
        const text = mangle(BASE, edits);
        const document = TextDocument.create('file:///work/fuzz.yaml', 'yaml', ++version, text);
        const offset = cursorSeed % (text.length + 1);
        const position = document.positionAt(offset);
        const list = service.doComplete(document, position, { snippetSupport });
        service.doHover(document, position);
        assertNoInternalErrors(service.doValidation(document), JSON.stringify(text));
        const docs = splitDocuments(text);
        const docOf = (o: number) => docs.filter((d) => d.offset <= o).length - 1;
        for (const item of list.items) {
          const r = (item.textEdit as TextEdit).range;
          assert.equal(r.start.line, position.line, `${item.label}: range on the cursor's line`);
          assert.equal(r.end.line, position.line, `${item.label}: single-line range`);
          assert.ok(r.start.character <= position.character && position.character <= r.end.character, `${item.label}: contains the cursor`);
          for (const e of item.additionalTextEdits ?? [])
            assert.equal(docOf(document.offsetAt(e.range.start)), docOf(offset), `${item.label}: additional edit in the same document`);
        }
      }),
      { numRuns: 250, seed: 4242 },
    );
  });
});
