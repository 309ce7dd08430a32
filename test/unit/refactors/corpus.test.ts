// Every kind refactor applied to every document of the corpus it is offered for: the YAML still
// parses, the document has the new kind and still holds its pod template, the other documents are
// byte-for-byte the same, and no comment is lost except on the lines of fields the target kind
// does not have (schedule, replicas, maxSurge, …).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { getAt } from '../../../server/src/service/manifest/navigate';
import { parseManifest, splitDocuments } from '../../../server/src/service/manifest/parse';
import { podTemplatePath } from '../../../server/src/service/k8s/podSpec';
import { getRefactors } from '../../../server/src/service/refactors/index';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'k8s');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.(ya?ml|json)$/i.test(name) ? [p] : [];
    });
}

/** Lines removed with the fields a refactor drops may take their comments along. */
const DROPPED_FIELD =
  /^\s*-?\s*(replicas|progressDeadlineSeconds|paused|maxSurge|maxUnavailable|schedule|timeZone|concurrencyPolicy|startingDeadlineSeconds|suspend|successfulJobsHistoryLimit|failedJobsHistoryLimit|persistentVolumeClaim|claimName|readOnly|strategy|rollingUpdate|type|name|labels|metadata)\b/;

function commentsOutsideDroppedFields(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !DROPPED_FIELD.test(l))
    .map((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1].trim())
    .filter((c): c is string => !!c);
}

describe('kind refactors over the corpus', () => {
  const files = yamlFiles(CORPUS);
  let applied = 0;

  for (const path of files) {
    const name = relative(CORPUS, path);
    const text = readFileSync(path, 'utf8');
    const file = parseManifest(`file:///corpus/${name}`, text);
    if (file.isTemplate) continue;
    for (const doc of file.documents) {
      for (const r of getRefactors(file, doc)) {
        it(`${name} #${doc.index}: ${r.title}`, () => {
          let out = text;
          for (const e of [...r.edits].sort((a, b) => b.start - a.start))
            out = out.slice(0, doc.offset + e.start) + e.newText + out.slice(doc.offset + e.end);
          const after = parseManifest('file:///after.yaml', out);
          assert.deepEqual(
            after.documents.flatMap((d) => d.syntaxProblems.map((p) => `#${d.index}: ${p.message}`)),
            [],
          );
          const converted = after.documents[doc.index];
          assert.equal(converted.object?.kind, r.target);
          const template = podTemplatePath(r.target)!;
          assert.ok(getAt(converted.value, [...template, 'spec', 'containers']), 'the pod template moved with the spec');
          const before = splitDocuments(text).map((c) => c.text);
          const now = splitDocuments(out).map((c) => c.text);
          before.forEach((t, i) => {
            if (i !== doc.index) assert.ok(now.includes(t), `document #${i} changed`);
          });
          // Comments inside what a refactor deletes outright (a PVC volume item, a removed field) go with it.
          const deleted = r.edits.filter((e) => e.newText === '').map((e) => doc.text.slice(e.start, e.end));
          const lost = commentsOutsideDroppedFields(doc.text).filter((c) => !out.includes(c) && !deleted.some((d) => d.includes(c)));
          assert.deepEqual(lost, [], 'comments must survive');
          applied++;
        });
      }
    }
  }

  it('converted documents at all', () => {
    assert.ok(applied >= 30, `only ${applied} refactors applied`);
  });
});
