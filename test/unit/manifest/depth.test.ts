// manifest/depth.ts: the nesting estimate that decides, before any parse, whether a document is
// read at all; and what the language service says about a document it does not read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nestingPastLimit } from '../../../server/src/service/manifest/depth';
import { OUT_OF_STACK, TOO_DEEP } from '../../../server/src/service/manifest/parse';
import { getLanguageService } from '../../../server/src/service/index';

const n = 300;
/** [shape, text nested about `n` levels] */
const SHAPES: [string, string][] = [
  ['block map, one space deeper each level', 'root:\n' + Array.from({ length: n }, (_v, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('')],
  ['block sequences of maps', 'root:\n' + Array.from({ length: n / 2 }, (_v, i) => `${' '.repeat(2 * i)}- k:\n`).join('')],
  [
    'sequences at their key’s column',
    'root:\n' + Array.from({ length: n / 2 }, (_v, i) => `${' '.repeat(2 * i)}k:\n${' '.repeat(2 * i)}- a: 1\n`).join(''),
  ],
  ['flow mappings', `root: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
  ['flow sequences over lines', `root: ${'[\n'.repeat(n)}1${']'.repeat(n)}\n`],
  ['compact sequences on one line', `root:\n${'- '.repeat(n)}x\n`],
];

describe('nesting estimate', () => {
  for (const [shape, text] of SHAPES)
    it(`${shape}: past a limit below its depth, not past one above`, () => {
      const found = nestingPastLimit(text, n - 10);
      assert.ok(found !== undefined && found > n - 10, `found ${found}`);
      assert.equal(nestingPastLimit(text, n + 10), undefined, 'no more than a few levels over');
    });

  const flat: [string, string][] = [
    ['brackets inside a plain scalar', `a: echo ${'['.repeat(n)}\n`],
    ['brackets inside quotes', `a: "${'['.repeat(n)}"\nb: '${'{'.repeat(n)}'\n`],
    ['brackets in a comment', `a: 1 # ${'['.repeat(n)}\n`],
    ['a long flat mapping', Array.from({ length: n * 10 }, (_v, i) => `k${i}: [a, {b: c}]\n`).join('')],
  ];
  for (const [shape, text] of flat) it(`${shape}: not nesting`, () => assert.equal(nestingPastLimit(text, 20), undefined));
});

describe('a document the service does not read', () => {
  const service = getLanguageService();
  it('past 10,000 levels: one information diagnostic, no syntax error, requests answer', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\nroot: ${'['.repeat(50_000)}1${']'.repeat(50_000)}\n`;
    const document = TextDocument.create('file:///deep.yaml', 'yaml', 1, text);
    const diagnostics = service.doValidation(document);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line]),
      [['nesting-too-deep', 3, TOO_DEEP, 5]],
    );
    assert.equal(service.doHover(document, { line: 5, character: 10 }), null);
    assert.deepEqual(service.doComplete(document, { line: 5, character: 10 }).items, []);
    assert.equal(service.findDocumentSymbols(document).length, 1, 'the ConfigMap before it is still read');
  });

  it('deeper than the stack holds (this test’s thread has the default stack): the same kind of message, not a syntax error', () => {
    // 2,000 levels: under the limit, but over what Node's default stack reads (~900).
    const text = 'root:\n' + Array.from({ length: 2000 }, (_v, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('');
    const diagnostics = service.doValidation(TextDocument.create('file:///stack.yaml', 'yaml', 1, text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['nesting-too-deep', OUT_OF_STACK]],
    );
  });
});
