import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertPair } from '../../../server/src/service/manifest/edit';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { composeEdits, scalarLike, tabStop, toSnippetEdits, withoutTabStops, yamlString } from '../../../server/src/service/rules/fixText';
import type { DocEdit } from '../../../server/src/service/rules/types';

const doc = (text: string) => parseManifest('file:///t.yaml', text).documents[0];
const apply = (text: string, edits: readonly DocEdit[]) => {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
};

describe('fixText yamlString', () => {
  const cases: [string, string][] = [
    ['web', 'web'],
    ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
    ['my-app_1', 'my-app_1'],
    ['2', '"2"'],
    ['1.0', '"1.0"'],
    ['1e3', '"1e3"'],
    ['0x1f', '"0x1f"'],
    ['true', '"true"'],
    ['yes', '"yes"'],
    ['No', '"No"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    ['-web', '"-web"'],
    ['a: b', '"a: b"'],
    ['a #b', '"a #b"'],
  ];
  for (const [s, out] of cases) it(`${JSON.stringify(s)} → ${out}`, () => assert.equal(yamlString(s), out));
});

describe('fixText scalarLike', () => {
  const d = doc('a: \'x\'\nb: "y"\nc: z\n');
  it('keeps single quotes', () => assert.equal(scalarLike(d, ['a'], "it's"), "'it''s'"));
  it('keeps double quotes', () => assert.equal(scalarLike(d, ['b'], 'v'), '"v"'));
  it('stays plain when it can', () => assert.equal(scalarLike(d, ['c'], 'v'), 'v'));
  it('quotes a plain number-like value', () => assert.equal(scalarLike(d, ['c'], '10'), '"10"'));
});

describe('fixText composeEdits', () => {
  it('runs each step on the result of the previous one and returns whole changed lines', () => {
    const text = 'spec:\n  template:\n    spec: {}  # pod\nstatus: {}\n';
    const d = doc(text);
    const edits = composeEdits(d, [
      (x) => insertPair(x, ['spec', 'template', 'metadata', 'labels'], 'app', 'web'),
      (x) => insertPair(x, ['spec', 'template', 'metadata', 'labels'], 'tier', 'front'),
    ]);
    assert.ok(edits);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].start, text.indexOf('status'));
    assert.equal(
      apply(text, edits),
      'spec:\n  template:\n    spec: {}  # pod\n    metadata:\n      labels:\n        app: web\n        tier: front\nstatus: {}\n',
    );
  });
  it('is undefined when a step cannot be done', () => {
    assert.equal(composeEdits(doc('a: [1]\n'), [(x) => insertPair(x, ['a', 'b'], 'c', 'd')]), undefined);
  });
  it('is undefined when nothing changes', () => assert.equal(composeEdits(doc('a: 1\n'), [() => []]), undefined));
  it('turns tab-stop markers into snippet placeholders and escapes the rest', () => {
    const text = 'c:\n  x: 1\n';
    const edits = composeEdits(doc(text), [(x) => insertPair(x, ['c'], 'y', `${tabStop(1, '100m')} # $ {}`)]);
    assert.ok(edits);
    assert.deepEqual(
      withoutTabStops(edits).map((e) => e.newText),
      ['  y: 100m # $ {}\n'],
    );
    assert.deepEqual(
      toSnippetEdits(edits).map((e) => e.newText),
      ['  y: ${1:100m} # \\$ {\\}\n'],
    );
  });
});
