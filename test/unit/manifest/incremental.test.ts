// An edit of a large file is read by splitting again only the documents around the change
// (parse.ts ManifestParser.parseEdit). Whatever the edits, the file must read exactly as a fresh
// parse of the same text: the same documents at the same offsets, with the same values, positions
// and syntax problems — and the language service the same diagnostics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { commonPrefixLength, commonSuffixLength, ManifestParser, parseManifest } from '../../../server/src/service/manifest/parse';
import type { ManifestFile } from '../../../server/src/service/manifest/types';
import { MINIMAL_SERVICE } from '../helpers/manifests';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    owner: team-a
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
const SERVICE = MINIMAL_SERVICE;
const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  script: |
    echo --- not a marker
    --- indented, still not a marker
  flag: "yes"
`;
const BROKEN = 'kind: Pod\nkind: Pod\nmetadata: [a, b\n';
const LIST = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: in-list\n';

/** Pieces of text that change where documents start and how they read. */
const PIECES = [
  '---\n',
  '---',
  '--- ',
  '-',
  '\n',
  '\n---\n',
  'x',
  '  ',
  ': ',
  'a: 1\n',
  '...\n',
  '%YAML 1.2\n',
  '\r\n',
  '\r',
  '{{ .Values.x }}',
  '# --- comment\n',
  '|\n  block\n',
  '  - item\n',
  'kind: Service\n',
  '\t',
  '\u2028',
  'é',
];

function snapshot(file: ManifestFile) {
  return {
    isTemplate: file.isTemplate,
    skippedReason: file.skippedReason,
    documents: file.documents.map((d) => ({
      offset: d.offset,
      index: d.index,
      text: d.text,
      value: d.value,
      object: d.object,
      syntaxProblems: d.syntaxProblems,
      positions: d.parsed.positions,
      skippedReason: d.skippedReason,
    })),
  };
}

/** What the workspace index holds, ranges read out of their getters. */
function indexed(service: ReturnType<typeof getLanguageService>) {
  return [...service.workspace.objects()].map((o) => ({
    ...o,
    range: o.range,
    podLabelsRange: o.podLabelsRange,
    serviceNameRange: o.serviceNameRange,
  }));
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const docArb = fc.constantFrom(DEPLOY, SERVICE, CONFIG, BROKEN, LIST, 'a: 1\n', '');
const textArb = fc
  .tuple(fc.array(docArb, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([docs, leadingMarker, crlf]) => {
    const text = (leadingMarker ? '---\n' : '') + docs.join('---\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')),
});

describe('manifest: an edit read incrementally equals a fresh parse of the same text', () => {
  it('common prefix and suffix lengths are exact', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 5 }), fc.string({ maxLength: 3000 }), (a, mid, b) => {
        const x = a + mid + b;
        const y = a + b;
        const p = commonPrefixLength(x, y);
        let q = 0;
        while (q < Math.min(x.length, y.length) && x[q] === y[q]) q++;
        assert.equal(p, q);
        const s = commonSuffixLength(x, y, p);
        let t = 0;
        while (t < Math.min(x.length, y.length) - p && x[x.length - 1 - t] === y[y.length - 1 - t]) t++;
        assert.equal(s, t);
      }),
      { numRuns: 300 },
    );
  });

  it('documents, offsets, values, positions and syntax problems after random edits', () => {
    let incremental = 0;
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (initial, edits) => {
        const parser = new ManifestParser();
        let text = initial;
        parser.parse('file:///a.yaml', text);
        for (const e of edits) {
          text = apply(text, e);
          const got = parser.parse('file:///a.yaml', text);
          assert.equal(got.text, text);
          assert.deepEqual(snapshot(got), snapshot(parseManifest('file:///a.yaml', text)), JSON.stringify(text));
        }
        incremental += parser.stats.incremental;
      }),
      { numRuns: 400 },
    );
    // Most runs take the incremental path; a bug there must not hide behind the full one.
    assert.ok(incremental > 1000, `${incremental} versions read incrementally`);
  });

  it('keeps the documents before the edit and shifts those after it', () => {
    const parser = new ManifestParser();
    const before = [DEPLOY, SERVICE, CONFIG, SERVICE.replace('web', 'api')].join('---\n');
    const first = parser.parse('file:///a.yaml', before);
    const after = before.replace('echo ---', 'echo ----');
    const second = parser.parse('file:///a.yaml', after);
    assert.equal(parser.stats.incremental, 1);
    assert.equal(second.documents[0], first.documents[0], 'a document before the edit is the same object');
    assert.equal(second.documents[3].parsed, first.documents[3].parsed, 'a document after the edit is the same parse');
    assert.equal(second.documents[3].offset, first.documents[3].offset + 1);
    assert.notEqual(second.documents[2].parsed, first.documents[2].parsed);
    // A `---` line typed inside the Service splits it in two; the documents after it move down one index.
    const split = after.replace('spec:\n  selector:\n    app: web', 'spec:\n---\n  selector:\n    app: web');
    const third = parser.parse('file:///a.yaml', split);
    assert.equal(parser.stats.incremental, 2);
    assert.equal(third.documents.length, 5);
    assert.equal(third.documents[4].parsed, first.documents[3].parsed);
    assert.equal(third.documents[4].index, 4);
    assert.deepEqual(snapshot(third), snapshot(parseManifest('file:///a.yaml', split)));
  });

  it('a first document that becomes directives and comments only joins the next one, as in a fresh parse', () => {
    // Only the file's first chunk can be directives-only (every other one starts with its `---` line);
    // it then belongs to the document after it, past the region the edit touched.
    for (const head of ['%YAML 1.2\n', '# c\n%YAML 1.2\n', '# c\n%TAG ! tag:x,2026:\n  x\n']) {
      const parser = new ManifestParser();
      const before = `a: 1\n---\n${SERVICE}---\n${CONFIG}`;
      parser.parse('file:///d.yaml', before);
      const after = before.replace('a: 1\n', head);
      assert.deepEqual(snapshot(parser.parse('file:///d.yaml', after)), snapshot(parseManifest('file:///d.yaml', after)), head);
    }
  });

  it('a duplicate object is no longer one when a document that is not an object is added before both', () => {
    // Two identical documents share one parse; the empty document typed before them moves them, not
    // the objects the index lists, so the cached cross-document result must see their new place.
    const service = getLanguageService();
    const text = `---\n${SERVICE}---\n${SERVICE}`;
    const lines = (d: TextDocument) =>
      service
        .doValidation(d)
        .filter((x) => x.code === 'duplicate-name')
        .map((x) => x.range.start.line);
    const v1 = TextDocument.create('file:///dup.yaml', 'yaml', 1, text);
    assert.deepEqual(lines(v1), [14]);
    const v2 = TextDocument.update(v1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '---\n' }], 2);
    assert.deepEqual(lines(v2), [15]);
  });

  it('the same diagnostics as a fresh language service after random edits', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        const service = getLanguageService();
        let document = TextDocument.create('file:///e.yaml', 'yaml', 1, initial);
        service.doValidation(document);
        for (const e of edits) {
          const text = document.getText();
          const at = Math.floor(e.at * (text.length + 1));
          const end = Math.min(text.length, at + e.remove);
          document = TextDocument.update(
            document,
            [{ range: { start: document.positionAt(at), end: document.positionAt(end) }, text: e.insert }],
            document.version + 1,
          );
          const got = service.doValidation(document);
          const fresh = TextDocument.create('file:///e.yaml', 'yaml', 1, document.getText());
          const freshService = getLanguageService();
          assert.deepEqual(got, freshService.doValidation(fresh), JSON.stringify(document.getText()));
          // The workspace index: the same objects, in the same places (Go to Definition and References read these ranges).
          assert.deepEqual(indexed(service), indexed(freshService), JSON.stringify(document.getText()));
        }
      }),
      { numRuns: 40 },
    );
  });
});
