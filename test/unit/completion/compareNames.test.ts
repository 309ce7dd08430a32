// Field names are sorted without ICU's collator (its first load cost the first completion ~80 ms):
// the order must be exactly localeCompare's, for every name the completion sorts and any other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareNames } from '../../../server/src/service/completion/keys';

const sign = (n: number) => Math.sign(n);

describe('completion: compareNames orders as localeCompare does', () => {
  it('a table of the cases that differ from code-point order', () => {
    const names = [
      'hostname',
      'hostIPC',
      'hostNetwork',
      'hostAliases',
      'hostPID',
      'HOSTNAME',
      'Hostname',
      'host',
      'host2',
      'a',
      'A',
      'b',
      'B',
      '9',
      '10',
      'x-y',
      'x_y',
      '$ref',
      '',
    ];
    const expected = [...names].sort((a, b) => a.localeCompare(b));
    assert.deepEqual([...names].sort(compareNames), expected);
    assert.deepEqual(expected.slice(0, 11), ['', '$ref', '10', '9', 'a', 'A', 'b', 'B', 'host', 'host2', 'hostAliases']);
  });

  it('any two strings of letters and digits (and a few others)', () => {
    const chars = fc.constantFrom(...'aAbBzZ019_-.'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 8 }), fc.string({ unit: chars, maxLength: 8 }), (a, b) => {
        assert.equal(sign(compareNames(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
      }),
      { numRuns: 5000 },
    );
  });
});
