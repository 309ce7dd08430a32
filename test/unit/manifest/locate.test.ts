// manifest/locate.ts answers from the fast path's recorded positions while a document has no
// syntax tree, and from the tree once it has one: both answers must be the same, for every path
// of every document of the corpus, the examples and the bench workload, and for paths that lead
// nowhere (a missing key, an index past the end, an index into a mapping, a key into a sequence).
// The same holds for the ranges rules report (navigate.ts), so reporting a finding builds no tree.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { itemRanges, keyRange, kindAt, rootRange, scalarAt, valueRange } from '../../../server/src/service/manifest/locate';
import { rangeOfKey, rangeOfValue } from '../../../server/src/service/manifest/navigate';
import { parseDocumentText, placeDocument, splitDocuments } from '../../../server/src/service/manifest/parse';
import type { JsonPath, ManifestDocument } from '../../../server/src/service/manifest/types';
import { benchWorkload } from '../../../bench/workload';

const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const EXAMPLES = resolve(__dirname, '../../../examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

/** Every path of a value, and a few beside it that lead nowhere. */
function paths(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => paths(v, [...path, i], out));
    out.push([...path, value.length], [...path, -1], [...path, 0.5], [...path, 'name']);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...path, k], out);
    out.push([...path, 'no-such-key'], [...path, 0], [...path, 'constructor']);
  } else {
    out.push([...path, 'x'], [...path, 0]);
  }
  return out;
}

/** Everything locate.ts says about a document, and the ranges rules flag (navigate.ts's rangeOfKey / rangeOfValue). */
function answers(doc: ManifestDocument, all: JsonPath[]) {
  return {
    root: rootRange(doc),
    at: all.map((p) => ({
      path: p.join('/'),
      value: valueRange(doc, p),
      key: keyRange(doc, p),
      items: itemRanges(doc, p),
      kind: kindAt(doc, p),
      scalar: scalarAt(doc, p),
      flagKey: rangeOfKey(doc, p),
      flagValue: rangeOfValue(doc, p),
    })),
  };
}

function documents(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of [...yamlFiles(join(CORPUS, 'k8s')), ...yamlFiles(join(CORPUS, 'not-k8s')), ...yamlFiles(EXAMPLES)])
    for (const chunk of splitDocuments(readFileSync(f, 'utf8')))
      out.push({ name: `${relative(CORPUS, f)}@${chunk.offset}`, text: chunk.text });
  for (const chunk of splitDocuments(benchWorkload(16))) out.push({ name: `bench@${chunk.offset}`, text: chunk.text });
  return out;
}

describe('manifest/locate: the recorded positions answer as the tree does', () => {
  it('for every path of every fast-path document', () => {
    let fast = 0;
    let compared = 0;
    for (const { name, text } of documents()) {
      const parsed = parseDocumentText(text);
      if (!parsed.positions) continue;
      fast++;
      const doc = placeDocument(parsed, 0, 0);
      const all = paths(doc.value);
      const before = answers(doc, all);
      assert.equal(parsed.builtTree, undefined, `${name}: answering built the tree`);
      assert.ok(doc.yaml);
      assert.deepStrictEqual(before, answers(doc, all), name);
      compared += all.length;
    }
    assert.ok(fast > 250, `${fast} documents took the fast path`);
    assert.ok(compared > 10_000, `${compared} paths compared`);
  });

  it('a document without content', () => {
    for (const text of ['', '# only a comment\n', '---\n', '--- # c\n']) {
      const parsed = parseDocumentText(text);
      assert.ok(parsed.positions, JSON.stringify(text));
      const doc = placeDocument(parsed, 0, 0);
      const before = answers(doc, [[], ['a'], [0]]);
      assert.ok(doc.yaml);
      assert.deepStrictEqual(before, answers(doc, [[], ['a'], [0]]), JSON.stringify(text));
    }
  });

  it('documents outside the fast path answer from their tree', () => {
    const parsed = parseDocumentText('a: &x [1, 2]\nb: *x\n');
    assert.equal(parsed.positions, undefined);
    const doc = placeDocument(parsed, 0, 0);
    assert.deepEqual(itemRanges(doc, ['a']), [
      [7, 8],
      [10, 11],
    ]);
    assert.equal(kindAt(doc, ['b']), 'other');
    assert.deepEqual(keyRange(doc, ['b']), [13, 14]);
  });
});
