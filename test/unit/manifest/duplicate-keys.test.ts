// Duplicate keys are found in one pass per mapping (yaml's own `uniqueKeys` check compares each
// key with every earlier one: a 64,000-key mapping took minutes). The errors must be exactly the
// package's: same codes, same positions, same order, over the real corpus and hand-made cases.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { parseDocumentText, splitDocuments, yamlErrors } from '../../../server/src/service/manifest/parse';

const OPTIONS = { prettyErrors: false, logLevel: 'error' } as const;

/**
 * The package's errors. One difference is on purpose: after a key with an empty value the package
 * points a duplicate at the line break before the key (the diagnostic then sat at the end of the
 * line above); ours points at the key itself.
 */
const reference = (text: string) =>
  parseDocument(text, { ...OPTIONS, uniqueKeys: true }).errors.map((e) => {
    let at = e.pos[0];
    if (e.code === 'DUPLICATE_KEY') while (/\s/.test(text[at] ?? '')) at++;
    return `${e.code}@${at}-${e.code === 'DUPLICATE_KEY' ? at + 1 : e.pos[1]}`;
  });
const ours = (text: string) =>
  yamlErrors(parseDocument(text, { ...OPTIONS, uniqueKeys: false }), text).map((e) => `${e.code}@${e.pos[0]}-${e.pos[1]}`);

const CASES: readonly string[] = [
  'a: 1\na: 2\n',
  'a: 1\nb: 2\na: 3\nb: 4\na: 5\n',
  'outer:\n  a: 1\n  a: 2\nother:\n  - x: 1\n    x: 2\n',
  '"a": 1\na: 2\n',
  '\'a\': 1\n"a": 2\n',
  '1: a\n"1": b\n',
  '1: a\n1: b\n',
  '0x10: a\n16: b\n',
  'true: a\nTrue: b\n',
  'null: a\n~: b\n',
  ': a\n: b\n',
  '.nan: a\n.nan: b\n',
  '0: a\n-0: b\n',
  '&x a: 1\n&y a: 2\n',
  '!!str a: 1\na: 2\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  '? a\n: 1\n? a\n: 2\n',
  '{a: 1, b: 2, a: 3}\n',
  'm: {a: 1, a: 2}\nn: [ {b: 1, b: 2} ]\n',
  'x: &anchor\n  a: 1\ny: *anchor\nx: 2\n',
  '<<: {a: 1}\n<<: {b: 2}\n',
  'a:\nb:\na: 1\n',
  'a: 1\n  bad indent: 2\na: 3\n',
  'a: [1, 2\na: 3\n',
  'a: 1\nb: "unclosed\na: 2\n',
  'a: 1\n\tb: 2\na: 3\n',
  '- a: 1\n  a: 2\n- a: 1\n  b: 2\n  b: 3\n',
  'a:\n  b:\n    c: 1\n    c: 2\n  b: 3\na: 4\n',
  `data:\n${Array.from({ length: 300 }, (_v, i) => `  k${i % 250}: v${i}`).join('\n')}\n`,
];

function corpusTexts(): string[] {
  const root = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(name) && statSync(p).size < 512 * 1024) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

describe('duplicate keys in one pass', () => {
  CASES.forEach((text, i) => {
    it(`case #${i + 1}: the yaml package's DUPLICATE_KEY errors and order`, () => {
      assert.deepEqual(ours(text), reference(text));
    });
  });

  it('every document of the corpus, and each with its first key repeated', () => {
    const texts = corpusTexts();
    assert.ok(texts.length > 200);
    let withDuplicates = 0;
    for (const file of texts)
      for (const chunk of splitDocuments(file)) {
        assert.deepEqual(ours(chunk.text), reference(chunk.text), chunk.text.slice(0, 200));
        // The same document with its first top-level line repeated at the end: a duplicate key.
        const first = /^[A-Za-z][^\n]*\n/m.exec(chunk.text);
        if (!first) continue;
        const doubled = `${chunk.text.endsWith('\n') ? chunk.text : `${chunk.text}\n`}${first[0]}`;
        const ref = reference(doubled);
        if (ref.some((e) => e.startsWith('DUPLICATE_KEY'))) withDuplicates++;
        assert.deepEqual(ours(doubled), ref, doubled.slice(0, 200));
      }
    assert.ok(withDuplicates > 100, `${withDuplicates} documents with a duplicate`);
  });

  it('a syntax problem of a duplicate key keeps its message and range', () => {
    const parsed = parseDocumentText('apiVersion: v1\nkind: ConfigMap\ndata:\n  "a": 1\n  a: 2\n');
    assert.deepEqual(
      parsed.syntaxProblems.map((p) => [p.yamlCode, p.start, p.end]),
      [['DUPLICATE_KEY', 48, 49]],
    );
    assert.equal(parsed.value, undefined);
  });
});
