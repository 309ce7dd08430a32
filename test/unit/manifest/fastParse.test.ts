// The fast path that reads a document's value without the `yaml` package: whenever it answers,
// yaml agrees (no errors, the same value with the same key order); on anything unusual it bails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { ENTRY, fastParseValue, type FastPositions } from '../../../server/src/service/manifest/fastParse';
import { splitDocuments } from '../../../server/src/service/manifest/parse';
import { benchWorkload } from '../../../bench/workload';

const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const EXAMPLES = resolve(__dirname, '../../../examples');

/** The value with every object turned into its entries, so that key order counts. */
function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (v && typeof v === 'object') return Object.keys(v).map((k) => [k, ordered((v as Record<string, unknown>)[k])]);
  return v;
}

/** A node's range as navigate.ts's nodeRange() reads it. */
function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * Walks the yaml tree and the recorded positions together: the same root range, and for every
 * mapping key and sequence item, in source order, the same key range, value range and children.
 * Returns how many entries it compared.
 */
function checkPositions(text: string, positions: FastPositions, doc: Document.Parsed): number {
  const { entries, keys } = positions;
  const where = (path: string) => `${path || '(root)'} in ${JSON.stringify(text)}`;
  assert.deepEqual(positions.root, rangeOf(doc.contents), `root range of ${JSON.stringify(text)}`);
  let compared = 0;
  const walk = (node: unknown, first: number, path: string): void => {
    let e = first;
    if (isMap(node)) {
      for (const pair of node.items) {
        assert.ok(isScalar(pair.key));
        const key = String(pair.key.value);
        assert.ok(e >= 0, `no entry for key ${key} of ${where(path)}`);
        assert.equal(keys[e / ENTRY], key, where(path));
        assert.deepEqual([entries[e], entries[e + 1]], rangeOf(pair.key), `key range of ${key} of ${where(path)}`);
        assert.deepEqual([entries[e + 2], entries[e + 3]], rangeOf(pair.value), `value range of ${key} of ${where(path)}`);
        compared++;
        walk(pair.value, entries[e + 4], `${path}.${key}`);
        e = entries[e + 5];
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        assert.ok(e >= 0, `no entry for item ${i} of ${where(path)}`);
        assert.equal(keys[e / ENTRY], null, where(path));
        assert.deepEqual([entries[e], entries[e + 1]], [-1, -1], where(path));
        assert.deepEqual([entries[e + 2], entries[e + 3]], rangeOf(item), `range of item ${i} of ${where(path)}`);
        compared++;
        walk(item, entries[e + 4], `${path}[${i}]`);
        e = entries[e + 5];
      });
    }
    assert.equal(e, -1, `entries left over at ${where(path)}`);
  };
  walk(doc.contents, positions.first, '');
  return compared;
}

/** Checks the contract for one text; returns whether the fast path answered. */
function checkContract(text: string): boolean {
  const fast = fastParseValue(text);
  if (!fast) return false;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  assert.deepEqual(
    doc.errors.map((e) => e.code),
    [],
    `fast path answered but yaml reports errors for ${JSON.stringify(text)}`,
  );
  assert.deepEqual(
    doc.warnings.map((e) => e.code),
    [],
    `fast path answered but yaml warns for ${JSON.stringify(text)}`,
  );
  const expected = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  assert.deepStrictEqual(fast.value, expected, `value differs for ${JSON.stringify(text)}`);
  assert.deepStrictEqual(ordered(fast.value), ordered(expected), `key order differs for ${JSON.stringify(text)}`);
  checkPositions(text, fast.positions, doc);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

// The benchmark's workload (bench/workload.ts): K8s-style sequences, nested mappings, a flow sequence,
// quoted scalars with `*`, a literal block scalar and probes, with the yaml-language-server modeline comment.
const WORKLOAD = benchWorkload(40, (kind) => `file:///schemas/${kind}.json`);

// ---------------------------------------------------------------- accepted inputs
const ACCEPTED: { name: string; text: string; value: unknown }[] = [
  // documents without content
  { name: 'empty text', text: '', value: null },
  { name: 'a marker alone', text: '---\n', value: null },
  { name: 'a marker and a comment', text: '--- # first\n', value: null },
  { name: 'comments only', text: '# a\n  # b\n\n', value: null },
  // core-schema scalars
  {
    name: 'nulls',
    text: 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: "null"\n',
    value: { a: null, b: null, c: null, d: null, e: null, f: 'nULL', g: 'null' },
  },
  {
    name: 'booleans (1.2 core: yes/on are strings)',
    text: 'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: tRUE\nh: yes\ni: on\nj: off\n',
    value: { a: true, b: true, c: true, d: false, e: false, f: false, g: 'tRUE', h: 'yes', i: 'on', j: 'off' },
  },
  {
    name: 'integers',
    text: 'a: 0\nb: 42\nc: -17\nd: +5\ne: 007\nf: 0o17\ng: 0x1F\nh: 0xff\ni: 0o8\nj: 0b101\nk: 1_000\nl: 12345678901234567890\nm: -0\n',
    value: { a: 0, b: 42, c: -17, d: 5, e: 7, f: 15, g: 31, h: 255, i: '0o8', j: '0b101', k: '1_000', l: 12345678901234567000, m: -0 },
  },
  {
    name: 'floats',
    text: 'a: 1.5\nb: 1.\nc: .5\nd: -2.50\ne: 1e3\nf: 1.5E-2\ng: +.5e+1\nh: 1e\ni: 1.2.3\nj: 0x1e3\n',
    value: { a: 1.5, b: 1, c: 0.5, d: -2.5, e: 1000, f: 0.015, g: 5, h: '1e', i: '1.2.3', j: 483 },
  },
  {
    name: 'infinities and NaN',
    text: 'a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: .Nan\nh: -.nan\n',
    value: { a: Infinity, b: -Infinity, c: Infinity, d: NaN, e: NaN, f: NaN, g: '.Nan', h: '-.nan' },
  },
  {
    name: 'plain strings with spaces, colons, hashes, percent and units',
    text: 'a: hello world\nb: http://example.com:8080/a?b=c#frag\nc: a:b\nd: C# rocks\ne: 25%\nf: 500Mi\ng: -Xmx512m\nh: 1:20\ni: echo [a] {b}, c\n',
    value: {
      a: 'hello world',
      b: 'http://example.com:8080/a?b=c#frag',
      c: 'a:b',
      d: 'C# rocks',
      e: '25%',
      f: '500Mi',
      g: '-Xmx512m',
      h: '1:20',
      i: 'echo [a] {b}, c',
    },
  },
  { name: 'trailing spaces are not part of a plain scalar', text: 'a: b   \nc: d   # x\n', value: { a: 'b', c: 'd' } },
  // quoted scalars
  {
    name: 'single-quoted',
    text: "a: 'it''s'\nb: ''\nc: 'x # not a comment'\nd: '*/5 * * * *'\ne: '123'\n",
    value: { a: "it's", b: '', c: 'x # not a comment', d: '*/5 * * * *', e: '123' },
  },
  {
    name: 'double-quoted with the common escapes',
    text: 'a: "x\\ny\\tz"\nb: "back\\\\slash \\"q\\" \\/"\nc: "\\u00e9\\u263A"\nd: "\\ud83d\\ude00"\ne: ""\nf: "true"\n',
    value: { a: 'x\ny\tz', b: 'back\\slash "q" /', c: 'é☺', d: '😀', e: '', f: 'true' },
  },
  { name: 'quoted keys', text: '"a b": 1\n\'c\': 2\n"1": x\n"": y\n', value: { '1': 'x', 'a b': 1, c: 2, '': 'y' } },
  // comments
  {
    name: 'comments everywhere',
    text: '# head\na: 1 # one\n\n  # indented\nb:   # nothing yet\n  # between\n  c: "x" # after quotes\n# tail\n',
    value: { a: 1, b: { c: 'x' } },
  },
  // structure
  { name: 'nested mappings', text: 'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n', value: { a: { b: { c: 1 }, d: 2 }, e: 3 } },
  {
    name: 'K8s-style sequences at the key indentation',
    text: 'containers:\n- name: web\n  image: nginx\n  ports:\n  - containerPort: 80\n- name: side\nvolumes: []\n',
    value: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }, { name: 'side' }], volumes: [] },
  },
  {
    name: 'indented sequences',
    text: 'args:\n  - --port=8080\n  - -v\n  - "3"\nenv:\n    -   name: A\n        value: b\n',
    value: { args: ['--port=8080', '-v', '3'], env: [{ name: 'A', value: 'b' }] },
  },
  { name: 'a root sequence', text: '- a\n- 1\n-\n- - x\n  - y\n', value: ['a', 1, null, ['x', 'y']] },
  { name: 'an item on the lines after its dash', text: '-\n  a: 1\n- b\n', value: [{ a: 1 }, 'b'] },
  { name: 'a compact mapping with a quoted key', text: '- "a": 1\n  b: 2\n', value: [{ a: 1, b: 2 }] },
  { name: 'a root mapping indented', text: '  a: 1\n  b: 2\n', value: { a: 1, b: 2 } },
  { name: 'empty values', text: 'a:\nb:\n  c:\nd: []\n', value: { a: null, b: { c: null }, d: [] } },
  { name: 'keys inherited by objects are plain keys', text: 'constructor: 1\ntoString: 2\n', value: { constructor: 1, toString: 2 } },
  { name: 'a document marker line first', text: '---\napiVersion: v1\nkind: Pod\n', value: { apiVersion: 'v1', kind: 'Pod' } },
  { name: 'CRLF line endings', text: '---\r\na: 1\r\nb:\r\n- "x"\r\nc: |\r\n  l1\r\n  l2\r\n', value: { a: 1, b: ['x'], c: 'l1\nl2\n' } },
  // flow collections on one line
  {
    name: 'flow collections',
    text: 'a: []\nb: {}\nc: ["ReadWriteOnce"]\nd: {app: web}\ne: [a, "b", 1, true, null]\nf: {x: [1, {y: z}], "q": \'s\'}\ng: [ ]\nh: [a b, -1, .5]\n',
    value: {
      a: [],
      b: {},
      c: ['ReadWriteOnce'],
      d: { app: 'web' },
      e: ['a', 'b', 1, true, null],
      f: { x: [1, { y: 'z' }], q: 's' },
      g: [],
      h: ['a b', -1, 0.5],
    },
  },
  { name: 'a flow collection in a sequence, with a comment', text: '- [1, 2] # pair\n- {a: b}\n', value: [[1, 2], { a: 'b' }] },
  // block scalars
  { name: 'literal, clip', text: 'a: |\n  line 1\n    indented\n  line 3\n\n\nb: 1\n', value: { a: 'line 1\n  indented\nline 3\n', b: 1 } },
  { name: 'literal, strip', text: 'a: |-\n  x\n  y\n\nb: 1\n', value: { a: 'x\ny', b: 1 } },
  { name: 'literal, keep', text: 'a: |+\n  x\n\n\nb: 1\n', value: { a: 'x\n\n\n', b: 1 } },
  { name: 'literal, keep, trailing lines end at a comment', text: 'a: |+\n  x\n\n# c\n\nb: 1\n', value: { a: 'x\n\n', b: 1 } },
  { name: 'literal at the end without a newline', text: 'a: |\n  x', value: { a: 'x\n' } },
  { name: 'literal, keep, at the end without a newline', text: 'a: |+\n  x', value: { a: 'x\n' } },
  {
    name: 'literal with inner blank lines and a header comment',
    text: 'a: | # script\n\n  x\n\n  # not a comment\n',
    value: { a: '\nx\n\n# not a comment\n' },
  },
  { name: 'literal in a sequence item', text: 'args:\n- |\n  echo hi\n- -c\n', value: { args: ['echo hi\n', '-c'] } },
  {
    name: 'literal in a compact mapping',
    text: '- script: |-\n    set -e\n    run\n  name: x\n',
    value: [{ script: 'set -e\nrun', name: 'x' }],
  },
  { name: 'folded, clip', text: 'a: >\n  x\n  y\n\n  z\nb: 1\n', value: { a: 'x y\nz\n', b: 1 } },
  { name: 'folded, strip', text: 'a: >-\n  one\n  two\n', value: { a: 'one two' } },
  { name: 'folded, keep', text: 'a: >+\n  one\n\n', value: { a: 'one\n\n' } },
  { name: 'folded with several blank lines', text: 'a: >\n  x\n\n\n  y\n', value: { a: 'x\n\ny\n' } },
];

// ---------------------------------------------------------------- inputs that must bail
const BAILS: { name: string; text: string }[] = [
  { name: 'a tab in indentation', text: 'a:\n\tb: 1\n' },
  { name: 'a tab in a value', text: 'a: x\ty\n' },
  { name: 'an anchor', text: 'a: &x 1\n' },
  { name: 'an alias', text: 'a: *x\n' },
  { name: 'a tag', text: 'a: !!str 1\n' },
  { name: 'a local tag', text: 'a: !foo x\n' },
  { name: 'a directive', text: '%YAML 1.2\n---\na: 1\n' },
  { name: 'a document end marker', text: 'a: 1\n...\n' },
  { name: 'a second document marker', text: 'a: 1\n---\nb: 2\n' },
  { name: 'content on the marker line', text: '--- a: 1\n' },
  { name: 'a complex key', text: '? a\n: 1\n' },
  { name: 'a merge key', text: 'a: 1\n<<: {b: 2}\n' },
  { name: 'a __proto__ key', text: '__proto__: 1\n' },
  { name: 'a __proto__ key in a flow mapping', text: 'a: {__proto__: 1}\n' },
  { name: 'a duplicate key', text: 'a: 1\nb: 2\na: 3\n' },
  { name: 'a duplicate key, quoted and plain', text: 'a: 1\n"a": 2\n' },
  { name: 'a duplicate key in a flow mapping', text: 'x: {a: 1, a: 2}\n' },
  { name: 'a multi-line plain scalar', text: 'a: one\n  two\n' },
  { name: 'a multi-line plain scalar after a blank line', text: 'a: one\n\n  two\n' },
  { name: 'a multi-line plain scalar in a sequence', text: '- one\n  two\n' },
  { name: 'a multi-line double-quoted scalar', text: 'a: "one\n  two"\n' },
  { name: 'a multi-line single-quoted scalar', text: "a: 'one\n  two'\n" },
  { name: 'a multi-line flow sequence', text: 'a: [1,\n  2]\n' },
  { name: 'a multi-line flow mapping', text: '{\n  a: 1\n}\n' },
  { name: 'a value on the line after its key', text: 'key:\n  value\n' },
  { name: 'a BOM', text: '\ufeffa: 1\n' },
  { name: 'a lone CR', text: 'a: 1\rb: 2\n' },
  { name: 'a control character', text: 'a: x\u0007\n' },
  { name: 'NEL', text: 'a: x\u0085y\n' },
  { name: 'a line less indented than its mapping', text: 'a:\n    b: 1\n  c: 2\n' },
  { name: 'a line more indented than its mapping', text: 'a: 1\n  b: 2\n' },
  { name: 'a sequence item inside a mapping', text: 'a: 1\n- b\n' },
  { name: 'a mapping after a root sequence', text: '- a\nb: 1\n' },
  { name: 'a compact mapping misaligned', text: '- a: 1\n   b: 2\n' },
  { name: 'a nested mapping on one line', text: 'a: b: c\n' },
  { name: 'a value ending in a colon', text: 'a: b:\n' },
  { name: 'a sequence on the key line', text: 'a: - b\n' },
  { name: 'a root scalar', text: 'hello\n' },
  { name: 'a root flow collection', text: '[a, b]\n' },
  { name: 'a root block scalar', text: '--- |\n  x\n' },
  { name: 'a non-string key', text: '1: a\n' },
  { name: 'a null key', text: '~: a\n' },
  { name: 'a boolean key in a flow mapping', text: 'a: {true: 1}\n' },
  { name: 'an empty key', text: ': a\n' },
  { name: 'a key too long', text: `${'k'.repeat(1100)}: v\n` },
  { name: 'a comment right after a quoted scalar', text: 'a: "x"#c\n' },
  { name: 'text after a quoted scalar', text: 'a: "x" y\n' },
  { name: 'text after a flow collection', text: 'a: [x] y\n' },
  { name: 'an unknown escape', text: 'a: "\\x41"\n' },
  { name: 'a short unicode escape', text: 'a: "\\u12"\n' },
  { name: 'a line-continuation escape', text: 'a: "x\\\n  y"\n' },
  { name: 'a trailing comma in a flow sequence', text: 'a: [x, y,]\n' },
  { name: 'an empty flow entry', text: 'a: [x,,y]\n' },
  { name: 'a pair in a flow sequence', text: 'a: [x: y]\n' },
  { name: 'a key without value in a flow mapping', text: 'a: {x, y: 1}\n' },
  { name: 'an empty value in a flow mapping', text: 'a: {x: }\n' },
  { name: 'JSON-style adjacent colon', text: 'a: {"x":1}\n' },
  { name: 'a plain scalar with a colon in a flow collection', text: 'a: [x:y]\n' },
  { name: 'a comment inside a flow collection', text: 'a: [x #c\n  ]\n' },
  { name: 'a flow collection as a key', text: '[a]: 1\n' },
  { name: 'a block scalar with an indentation indicator', text: 'a: |2\n   x\n' },
  { name: 'a block scalar with text after the header', text: 'a: | x\n  y\n' },
  { name: 'a block scalar without content', text: 'a: |\nb: 1\n' },
  { name: 'a block scalar not indented', text: 'a:\n  b: |\n  x\n' },
  { name: 'a block scalar with more-indented leading blank lines', text: 'a: |\n     \n  x\n' },
  { name: 'a block scalar with long trailing blank lines', text: 'a: |+\n  x\n     \nb: 1\n' },
  { name: 'a folded scalar with more-indented lines', text: 'a: >\n  x\n    y\n  z\n' },
  { name: 'a reserved indicator', text: 'a: @x\n' },
  { name: 'a backquote', text: 'a: `x`\n' },
  { name: 'a lone dash value', text: 'a: -\n' },
  { name: 'a question mark plain scalar', text: 'a: ?x\n' },
  { name: 'deeply nested sequences', text: `${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n')} x\n` },
];

describe('manifest: fastParseValue accepts the common shapes', () => {
  for (const c of ACCEPTED) {
    it(c.name, () => {
      const fast = fastParseValue(c.text);
      assert.ok(fast, 'the fast path should answer');
      assert.deepStrictEqual(fast.value, c.value);
      assert.deepStrictEqual(ordered(fast.value), ordered(c.value));
      assert.ok(checkContract(c.text));
    });
  }
});

describe('manifest: fastParseValue bails on anything unusual', () => {
  for (const c of BAILS) {
    it(c.name, () => assert.equal(fastParseValue(c.text), undefined));
  }
});

describe('manifest: fastParseValue on adversarial input', () => {
  const big = 200_000;
  const cases: { name: string; text: string; answers: boolean }[] = [
    { name: 'one huge line without a colon', text: 'x'.repeat(big), answers: false },
    { name: 'a line of colons', text: `a: ${'b:c'.repeat(big / 3)}\n`, answers: true },
    { name: 'many quote pairs', text: `a: '${"''".repeat(big / 2)}'\n`, answers: true },
    { name: 'many escaped quotes, unclosed', text: `a: "${'\\"'.repeat(big / 2)}\n`, answers: false },
    { name: 'deep flow nesting', text: `a: ${'['.repeat(big)}\n`, answers: false },
    { name: 'deep compact sequences', text: `${'- '.repeat(big / 2)}x\n`, answers: false },
    { name: 'deep block nesting', text: Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), answers: false },
    { name: 'many keys', text: Array.from({ length: big / 10 }, (_, i) => `key${i}: value ${i} # c`).join('\n'), answers: true },
    {
      name: 'many keys and one duplicate',
      text: Array.from({ length: big / 10 }, (_, i) => `key${i % 19_999}: v`).join('\n'),
      answers: false,
    },
    { name: 'a long block scalar', text: `a: |\n${'  line\n\n'.repeat(big / 8)}b: 1\n`, answers: true },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.answers ? 'answers' : 'bails'} in linear time`, () => {
      const start = performance.now();
      const fast = fastParseValue(c.text);
      const ms = performance.now() - start;
      assert.equal(fast !== undefined, c.answers);
      assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
      if (c.name === 'many keys') assert.equal(Object.keys(fast?.value ?? {}).length, big / 10);
      // yaml's duplicate-key check is quadratic: 20,000 keys take it seconds.
      if (c.answers && !c.name.startsWith('many keys')) assert.ok(checkContract(c.text));
    });
  }
});

describe('manifest: fastParseValue against yaml on real files', () => {
  it('the bench-like workload takes the fast path, every document', () => {
    const chunks = splitDocuments(WORKLOAD);
    assert.equal(chunks.length, 40);
    for (const chunk of chunks) assert.ok(checkContract(chunk.text), chunk.text);
    // …and with CRLF line endings
    for (const chunk of splitDocuments(WORKLOAD.replace(/\n/g, '\r\n'))) assert.ok(checkContract(chunk.text), chunk.text);
  });

  const shares: Record<string, number> = { k8s: 0.9 };
  for (const area of ['k8s', 'not-k8s', 'helm-templates']) {
    it(`corpus/${area}: agrees with yaml whenever it answers`, () => {
      const files = yamlFiles(join(CORPUS, area));
      assert.ok(files.length > 0, `expected the corpus at ${CORPUS}`);
      let answered = 0;
      let total = 0;
      for (const f of files) {
        for (const chunk of splitDocuments(readFileSync(f, 'utf8'))) {
          total++;
          try {
            if (checkContract(chunk.text)) answered++;
          } catch (err) {
            assert.fail(`${relative(CORPUS, f)} at offset ${chunk.offset}: ${(err as Error).message}`);
          }
        }
      }
      // k8s: 215 of 235 documents measured; the rest are JSON-style documents, duplicate keys, a TAB.
      if (shares[area] !== undefined) assert.ok(answered / total >= shares[area], `${answered}/${total} documents took the fast path`);
    });
  }

  it('examples/: agrees with yaml and takes the fast path for every document', () => {
    const files = yamlFiles(EXAMPLES);
    assert.ok(files.length > 0);
    for (const f of files) for (const chunk of splitDocuments(readFileSync(f, 'utf8'))) assert.ok(checkContract(chunk.text), f);
  });
});

// ---------------------------------------------------------------- properties
const TRICKY = [
  'yes',
  'no',
  'on',
  '1e3',
  ' lead',
  'trail ',
  'a: b',
  'a:b',
  '#x',
  'a #b',
  'a#b',
  '- x',
  '-x',
  '-',
  '',
  ' ',
  'null',
  'Null',
  '~',
  'true',
  'False',
  '0x1F',
  '0o17',
  '007',
  '+5',
  '-0',
  '.inf',
  '-.INF',
  '.NaN',
  '1.',
  '.5',
  '1_000',
  '12e',
  "it's",
  'say "hi"',
  'multi\nline',
  'multi\nline\n',
  'trailing\n\n',
  '\nleading',
  '  indented\nblock',
  'tab\there',
  '*/5 * * * *',
  '{a}',
  '[b]',
  '&a',
  '*a',
  '!t',
  '%p',
  '@x',
  '`b`',
  '|',
  '>',
  '---',
  '...',
  '? q',
  'http://x:80/p?q=1#f',
  'é ☺ 😀',
  '\\',
  '"',
  "'",
  ':',
  'a  b',
  '25%',
  '500Mi',
  '__proto__',
  '<<',
  'x'.repeat(90),
  'word '.repeat(20),
  '\u0007bell',
  '\u0085nel',
  '\ufeffbom',
];

const stringArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  {
    weight: 2,
    arbitrary: fc.string({
      maxLength: 10,
      unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '\n', '\\', '.', '1', 'e', '[', '{', ','),
    }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const keyArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('name', 'image', 'a', 'b c', 'port', 'data') },
  { weight: 1, arbitrary: stringArb },
);
const scalarArb = fc.oneof(
  stringArb,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e21, 2 ** 53 + 2, NaN, Infinity, -Infinity, 0.1, 1.5),
  fc.boolean(),
  fc.constant(null),
);
const { value: valueArb } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalarArb, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
}));
const rootArb = fc.oneof(fc.dictionary(keyArb, valueArb, { minKeys: 1, maxKeys: 5 }), fc.array(valueArb, { minLength: 1, maxLength: 4 }));
const optionsArb = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  minContentWidth: fc.constantFrom(0, 20),
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  flowCollectionPadding: fc.boolean(),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<
    'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'
  >,
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<null | 'PLAIN' | 'QUOTE_DOUBLE'>,
  doubleQuotedAsJSON: fc.boolean(),
});
/** Ways to dress a rendered document: a marker line, comments, CRLF. */
const dressArb = fc.record({ marker: fc.boolean(), comments: fc.boolean(), crlf: fc.boolean() });

function dress(text: string, d: { marker: boolean; comments: boolean; crlf: boolean }): string {
  let t = text;
  if (d.comments) t = t.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? ' # c\n' : i % 3 === 1 ? '\n  # line\n' : '\n'));
  if (d.marker) t = `--- # doc\n${t}`;
  if (d.crlf) t = t.replace(/\n/g, '\r\n');
  return t;
}

describe('manifest: fastParseValue properties (fast-check)', () => {
  it('agrees with yaml on what yaml stringify writes, and takes the fast path for a good share', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(rootArb, optionsArb, dressArb, (value, options, d) => {
        runs++;
        const text = dress(stringify(value, options), d);
        if (checkContract(text)) answered++;
      }),
      { numRuns: 4000 },
    );
    // Not a correctness property: a guard that the generator exercises the fast path at all.
    assert.ok(answered > runs * 0.2, `${answered}/${runs} took the fast path`);
  });

  it('agrees with yaml on random lines of keys, dashes, scalars and block scalars', () => {
    // Hand-written shapes stringify never produces: odd indentation, compact and same-indent
    // sequences, block scalars with blank and comment lines, values on the next line.
    const word = fc.constantFrom(
      'a',
      'b',
      'name',
      '"q"',
      "'s'",
      'x y',
      '1',
      '-1',
      '~',
      'true',
      '.5',
      '0x1',
      'a:b',
      'c#d',
      '"a\\tb"',
      '[]',
      '{}',
      '[a, b]',
      '{k: v}',
      '[x, {y: 1}]',
      'z ',
      '#c',
      '',
    );
    const valueArb = fc.oneof(
      word,
      fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '| # h', '&a x', '*a', '!t x', ': x', '- x', 'a: b', '[a,', '"open', "'it''s'"),
    );
    const line = fc.oneof(
      fc.tuple(word, valueArb).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(word).map(([k]) => `${k}:`),
      valueArb.map((v) => `- ${v}`),
      fc.tuple(word, valueArb).map(([k, v]) => `- ${k}: ${v}`),
      fc.constantFrom('-', '- -', '# comment', '', ' ', 'text', 'more text', '---', '...'),
    );
    const lines = fc.array(fc.tuple(fc.constantFrom(0, 0, 0, 2, 2, 2, 4, 4, 1, 3, 6), line), { minLength: 1, maxLength: 12 });
    let answered = 0;
    fc.assert(
      fc.property(lines, fc.boolean(), (ls, nl) => {
        const text = ls.map(([ind, l]) => ' '.repeat(ind) + l).join('\n') + (nl ? '\n' : '');
        if (checkContract(text)) answered++;
      }),
      { numRuns: 5000 },
    );
    assert.ok(answered > 200, `${answered} random documents took the fast path`);
  });

  it('agrees with yaml on block scalars: chomping, blank lines, indentation, what follows', () => {
    const header = fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '| # c', '>- #c', '|2', '|+ ');
    const content = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('', '', 'x', 'two words', '# hash', 'a: b', '- item', 'trail  ', '---', '"q"'),
      ),
      { maxLength: 6 },
    );
    const after = fc.constantFrom('', 'next: 1\n', '# comment\n', '  # indented\nnext: 1\n', '- item\n', '\n\nnext: 1\n');
    const where = fc.constantFrom('root', 'nested', 'item', 'compact');
    let answered = 0;
    fc.assert(
      fc.property(where, header, content, fc.boolean(), after, fc.boolean(), (w, h, lines, nl, tail, crlf) => {
        const base = w === 'nested' ? 2 : w === 'compact' ? 2 : 0;
        const head = w === 'nested' ? `top:\n  key: ${h}` : w === 'item' ? `- ${h}` : w === 'compact' ? `- key: ${h}` : `key: ${h}`;
        const body = lines.map(([ind, l]) => (l ? ' '.repeat(base + ind) + l : ' '.repeat(ind))).join('\n');
        let text = `${head}\n${body}${nl ? '\n' : ''}${tail}`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (checkContract(text)) answered++;
      }),
      { numRuns: 4000 },
    );
    assert.ok(answered > 300, `${answered} block scalars took the fast path`);
  });

  it('agrees with yaml on random mutations of valid manifests', () => {
    const k8s = yamlFiles(join(CORPUS, 'k8s')).sort();
    const sources = [
      ...splitDocuments(WORKLOAD).slice(0, 5),
      ...yamlFiles(EXAMPLES).flatMap((f) => splitDocuments(readFileSync(f, 'utf8'))),
      ...k8s.filter((_, i) => i % 4 === 0).flatMap((f) => splitDocuments(readFileSync(f, 'utf8'))),
    ]
      .map((c) => c.text)
      .filter((t) => fastParseValue(t));
    const insertions = [
      ' ',
      '  ',
      ':',
      ': ',
      '-',
      '- ',
      '#',
      ' #',
      '"',
      "'",
      '\n',
      '\n  ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '|',
      '>',
      '&',
      '*',
      '!',
      '?',
      'x',
      '1',
      '\t',
      '\r',
      '\\',
    ];
    // A character-level edit, or a line-level one: indent or dedent, duplicate, delete, blank.
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('char' as const),
        at: fc.nat(),
        del: fc.integer({ min: 0, max: 3 }),
        ins: fc.constantFrom(...insertions),
      }),
      fc.record({
        kind: fc.constantFrom('indent' as const, 'dedent' as const, 'dup' as const, 'drop' as const, 'blank' as const),
        at: fc.nat(),
      }),
    );
    const apply = (text: string, m: { kind: string; at: number; del?: number; ins?: string }): string => {
      if (m.kind === 'char') {
        const at = m.at % (text.length + 1);
        return text.slice(0, at) + (m.ins ?? '') + text.slice(at + (m.del ?? 0));
      }
      const lines = text.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'indent') lines[i] = ` ${lines[i]}`;
      else if (m.kind === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '');
      else if (m.kind === 'dup') lines.splice(i, 0, lines[i]);
      else if (m.kind === 'drop') lines.splice(i, 1);
      else lines.splice(i, 0, ' '.repeat(m.at % 7));
      return lines.join('\n');
    };
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (s, muts) => {
        let text = sources[s];
        for (const m of muts) text = apply(text, m);
        if (checkContract(text)) answered++;
      }),
      { numRuns: 4000 },
    );
    assert.ok(answered > 300, `${answered} mutated documents took the fast path`);
  });
});

// ---------------------------------------------------------------- positions
// checkContract compares every recorded position with the yaml tree's node ranges, for every
// document above. These cases and properties aim at what is hardest to get right: where a block
// collection ends, which depends on the comment and blank lines after its last line.
describe('manifest: fastParseValue positions are the yaml node ranges', () => {
  const TRIVIA: { name: string; text: string }[] = [
    { name: 'a comment line more indented than its mapping', text: 'a:\n  b: 1\n    # more\nc: 2\n' },
    { name: 'a comment line at its mapping’s indentation', text: 'a:\n  b: 1\n  # same\nc: 2\n' },
    { name: 'a comment line less indented than its mapping', text: 'a:\n    b: 1\n  # less\nc: 2\n' },
    { name: 'blank lines then an indented comment', text: 'a:\n  b: 1\n\n\n     # far\n\nc: 2\n' },
    { name: 'a column-0 comment stops the indented ones after it', text: 'a:\n  b: 1\n# zero\n    # more\nc: 2\n' },
    { name: 'an empty value with a comment', text: 'a:\n  b: # c\n\nc: 2\n' },
    { name: 'an empty value and a comment line', text: 'a:\n  b:\n# c\n\n' },
    { name: 'an empty value without comment', text: 'a:\n  b:\n\n\nc: 2\n' },
    { name: 'an empty item after a comment line', text: '     - a\n# comment\n     -\n' },
    { name: 'an empty item with a comment', text: 'a:\n  - x\n  - # c\n\nb: 1\n' },
    { name: 'a block scalar then comments', text: 'a:\n  b: |\n    x\n\n  # c\n\nc: 1\n' },
    { name: 'a kept block scalar then comments', text: 'a:\n  b: |+\n    x\n\n  # c\nc: 1\n' },
    { name: 'a flow collection then an indented comment', text: 'a:\n  b: [1, {c: d}] # e\n     # f\ng: 1\n' },
    { name: 'nested sequences ending together', text: 'a:\n- - x\n  - y\n    # c\n  # d\nb: 1\n' },
    { name: 'a compact mapping in an item, then comments', text: 'l:\n- a: 1\n  # c\n- b: 2\n    # d\n' },
    { name: 'comments at the end without a newline', text: 'a:\n  b: 1\n  # c' },
    { name: 'CRLF and comments', text: 'a:\r\n  b: 1\r\n    # c\r\n\r\n  # d\r\nc: 2\r\n' },
    { name: 'an indented root and comments', text: '  a:\n    b: 1\n   # c\n  d: 2\n  # e\n' },
  ];
  for (const c of TRIVIA) it(c.name, () => assert.ok(checkContract(c.text), 'the fast path should answer'));

  it('on random lines with comment and blank lines at every indentation', () => {
    const word = fc.constantFrom('a', 'name', '"q"', "'s'", 'x y', '1', '~', '[]', '{}', '[a, b]', '{k: v}', 'z ');
    const value = fc.oneof(word, fc.constantFrom('|', '|-', '|+', '>', '# c', ''));
    const line = fc.oneof(
      fc.tuple(word, value).map(([k, v]) => `${k}: ${v}`),
      value.map((v) => `- ${v}`),
      fc.tuple(word, value).map(([k, v]) => `- ${k}: ${v}`),
      fc.constantFrom('-', '- # c', '# comment', '#', '', ' ', '   ', 'text', '- - x'),
    );
    const lines = fc.array(fc.tuple(fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 5, 6, 8), line), { minLength: 1, maxLength: 14 });
    let answered = 0;
    fc.assert(
      fc.property(lines, fc.boolean(), fc.boolean(), (ls, nl, crlf) => {
        let text = ls.map(([ind, l]) => ' '.repeat(ind) + l).join('\n') + (nl ? '\n' : '');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        if (checkContract(text)) answered++;
      }),
      { numRuns: 30_000 },
    );
    assert.ok(answered > 1000, `${answered} random documents took the fast path`);
  });

  it('on real manifests with comment and blank lines inserted anywhere', () => {
    const sources = [
      ...splitDocuments(WORKLOAD).slice(0, 8),
      ...yamlFiles(EXAMPLES).flatMap((f) => splitDocuments(readFileSync(f, 'utf8'))),
      ...yamlFiles(join(CORPUS, 'k8s'))
        .sort()
        .filter((_, i) => i % 3 === 0)
        .flatMap((f) => splitDocuments(readFileSync(f, 'utf8'))),
    ]
      .map((c) => c.text)
      .filter((t) => fastParseValue(t));
    const insertion = fc.record({
      at: fc.nat(),
      indent: fc.integer({ min: 0, max: 12 }),
      text: fc.constantFrom('# c', '#', '', '', '   '),
    });
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(insertion, { minLength: 1, maxLength: 6 }), (s, inserts) => {
        const lines = sources[s].split('\n');
        for (const m of inserts) lines.splice(m.at % (lines.length + 1), 0, ' '.repeat(m.indent) + m.text);
        if (checkContract(lines.join('\n'))) answered++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(answered > 2000, `${answered} documents took the fast path`);
  });
});
