import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance } from '../../../server/src/service/text/distance';
import { closest } from '../../../server/src/service/rules/unknown-field';

describe('editDistance', () => {
  const table: [string, string, number][] = [
    ['replica', 'replicas', 1],
    ['contianers', 'containers', 1],
    ['ImagePullPolicy', 'imagePullPolicy', 0],
    ['image', 'image', 0],
    ['abc', '', 3],
    ['selctor', 'selector', 1],
    ['kitten', 'sitting', 3],
  ];
  for (const [a, b, d] of table) it(`${a} ↔ ${JSON.stringify(b)} = ${d}`, () => assert.equal(editDistance(a, b), d));
});

describe('closest', () => {
  it('finds a typo', () => assert.deepEqual(closest('replica', ['replicas', 'selector']), { best: 'replicas', distance: 1, unique: true }));
  it('gives nothing when nothing is close', () => assert.equal(closest('colour', ['replicas', 'selector', 'template']), undefined));
  it('says when two are equally close', () => assert.equal(closest('por', ['port', 'pod'])?.unique, false));
  it('allows one edit in a short word', () => assert.equal(closest('arg', ['args'])?.best, 'args'));
});
