// YAML merge keys resolved as Kubernetes' YAML decoding (go-yaml v2) resolves them, and the rules
// reading the merged labels, containers and resources.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { parseDocumentText } from '../../../server/src/service/manifest/parse';

const CASES: readonly { name: string; text: string; value: unknown }[] = [
  { name: 'a merged mapping', text: 'a: &a {x: 1, y: 2}\nb:\n  <<: *a\n  z: 3\n', value: { a: { x: 1, y: 2 }, b: { x: 1, y: 2, z: 3 } } },
  { name: 'a key after the merge overrides it', text: 'a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n', value: { a: { x: 1 }, b: { x: 2 } } },
  // go-yaml v2 applies entries in order: the merge sets x over the explicit key written before it.
  {
    name: 'the merge overrides a key written before it',
    text: 'a: &a {x: 1}\nb:\n  x: 2\n  <<: *a\n',
    value: { a: { x: 1 }, b: { x: 1 } },
  },
  {
    name: 'a list of mappings: the first one wins',
    text: 'a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n',
    value: { a: { x: 1 }, b: { x: 2, y: 2 }, c: { x: 1, y: 2 } },
  },
  {
    name: 'nested merges',
    text: 'a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n',
    value: { a: { x: 1 }, b: { x: 1, y: 2 }, c: { x: 1, y: 2 } },
  },
  {
    name: 'in a sequence item',
    text: 'base: &c {name: a, image: x}\nlist:\n  - <<: *c\n    name: b\n',
    value: { base: { name: 'a', image: 'x' }, list: [{ name: 'b', image: 'x' }] },
  },
  { name: 'a `<<` that is not a merge (a string) stays a key', text: 'a:\n  "<<": text\n', value: { a: { '<<': 'text' } } },
];

describe('merge keys in values', () => {
  for (const c of CASES)
    it(c.name, () => {
      const parsed = parseDocumentText(c.text);
      assert.deepEqual(parsed.syntaxProblems, []);
      assert.deepEqual(parsed.value, c.value);
    });
});

// go-yaml v2 (decode.go, merge): a plain `<<` takes a mapping, an alias of a mapping, or a list
// whose items are each one of those; anything else fails the whole document.
const BAD_MERGES: readonly { name: string; text: string }[] = [
  { name: 'a number', text: 'a:\n  <<: 5\n' },
  { name: 'no value', text: 'a:\n  <<:\n  b: 1\n' },
  { name: 'a string', text: 'a:\n  <<: "x: 1"\n' },
  { name: 'an alias of a list', text: 'l: &l [{x: 1}]\na:\n  <<: *l\n' },
  { name: 'an alias of a scalar', text: 's: &s 1\na:\n  <<: *s\n' },
  { name: 'a list with a scalar', text: 'm: &m {x: 1}\na:\n  <<: [*m, 5]\n' },
  { name: 'a list of lists', text: 'a:\n  <<: [[{x: 1}]]\n' },
  { name: 'in a sequence item', text: 'a:\n- <<: 5\n' },
];

describe('merge keys Kubernetes cannot decode', () => {
  for (const c of BAD_MERGES)
    it(c.name, () => {
      const parsed = parseDocumentText(c.text);
      const at = c.text.indexOf('<<');
      assert.deepEqual(
        parsed.syntaxProblems.map((p) => [p.yamlCode, p.start, p.end]),
        [['BAD_MERGE_VALUE', at, at + 2]],
      );
      // Like any document kubectl cannot read: no value for the other rules to check.
      assert.equal(parsed.value, undefined);
    });
  it('every bad merge key of a document is reported', () => {
    const text = 'a:\n  <<: 1\nb:\n  <<: 2\n';
    assert.deepEqual(
      parseDocumentText(text).syntaxProblems.map((p) => p.start),
      [text.indexOf('<<'), text.lastIndexOf('<<')],
    );
  });
  it('a quoted "<<" is an ordinary key, whatever its value', () => {
    const parsed = parseDocumentText("a:\n  '<<': 5\n");
    assert.deepEqual(parsed.syntaxProblems, []);
    assert.deepEqual(parsed.value, { a: { '<<': 5 } });
  });
  it('a quoted "<<" with a mapping or an alias of one is an ordinary key too, beside a real merge', () => {
    assert.deepEqual(parseDocumentText("a: &a {x: 1}\nb:\n  '<<': *a\n").value, { a: { x: 1 }, b: { '<<': { x: 1 } } });
    assert.deepEqual(parseDocumentText('a: &a {x: 1}\nb:\n  "<<": {y: 2}\n  c:\n    <<: *a\n').value, {
      a: { x: 1 },
      b: { '<<': { y: 2 }, c: { x: 1 } },
    });
    // the parsed tree keeps the key as written
    const parsed = parseDocumentText("a: &a {x: 1}\nb:\n  '<<': *a\n");
    assert.equal(parsed.yaml.toString(), "a: &a { x: 1 }\nb:\n  '<<': *a\n");
  });
  it('a list of inline mappings and aliases is a merge', () => {
    const parsed = parseDocumentText('m: &m {x: 1}\na:\n  <<: [*m, {y: 2}]\n');
    assert.deepEqual(parsed.syntaxProblems, []);
    assert.deepEqual(parsed.value, { m: { x: 1 }, a: { x: 1, y: 2 } });
  });
});

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: &labels
    app: web
    tier: backend
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        <<: *labels
        version: v1
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - &main
          name: web
          image: nginx:1.27
          resources: &res
            requests: {cpu: 10m, memory: 8Mi}
            limits: {cpu: 10m, memory: 8Mi}
        - <<: *main
          name: sidecar
`;

describe('rules on merged manifests', () => {
  const findings = (text: string) =>
    getLanguageService()
      .doValidation(TextDocument.create('file:///merge.yaml', 'yaml', 1, text))
      .map((d) => `${d.code} ${d.range.start.line}: ${d.message}`);

  it('merged labels and containers: no false selector-mismatch, invalid-name for `<<` or missing resources', () => {
    assert.deepEqual(findings(MANIFEST), []);
  });

  it('an inherited container is checked with what it inherits', () => {
    const text = MANIFEST.replace('            limits: {cpu: 10m, memory: 8Mi}\n', '');
    const got = findings(text).filter((f) => f.startsWith('missing-resources'));
    assert.equal(got.length, 2, got.join('\n'));
    assert.ok(got.some((f) => f.includes('sidecar')));
  });

  it('a selector label overridden after the merge is a mismatch', () => {
    const text = MANIFEST.replace('        version: v1\n', '        version: v1\n        app: other\n');
    assert.equal(findings(text).filter((f) => f.startsWith('selector-mismatch')).length, 1);
  });
});
