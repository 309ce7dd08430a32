import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidQuantity, parseQuantity, suggestQuantities } from '../../../server/src/service/k8s/quantity';

describe('parseQuantity (Kubernetes quantity grammar)', () => {
  const valid: [string | number, number][] = [
    ['1', 1],
    ['0', 0],
    ['250m', 0.25],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+2', 2],
    ['-2', -2],
    ['100n', 100e-9],
    ['100u', 100e-6],
    ['2k', 2000],
    ['500M', 500e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['500Mi', 500 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1e3', 1000],
    ['1E3', 1000],
    ['12e-3', 0.012],
    ['1e+2', 100],
    [0.5, 0.5],
    [2, 2],
  ];
  for (const [text, n] of valid) it(`${JSON.stringify(text)} = ${n}`, () => assert.equal(parseQuantity(text), n));
  const invalid = [
    '',
    ' 1',
    '1 ',
    '500mi',
    '2GB',
    '1.5.0',
    '1K',
    '1gi',
    'Mi',
    '.',
    '+',
    '1e',
    '1e1.5',
    '1MiB',
    '1 Gi',
    'abc',
    '1,5',
    '--1',
    '1Mi1',
    '0x10',
  ];
  for (const text of invalid) it(`${JSON.stringify(text)} is not a quantity`, () => assert.equal(isValidQuantity(text), false));
});

describe('suggestQuantities', () => {
  const table: [string, string[]][] = [
    ['500mi', ['500Mi']],
    ['500MI', ['500Mi']],
    ['2GB', ['2G', '2Gi']],
    ['2gb', ['2G', '2Gi']],
    ['1K', ['1k', '1Ki']],
    ['512MiB', ['512Mi']],
    ['1 Gi', ['1Gi']],
    ['2 cores', ['2']],
    ['100millicores', ['100m']],
    ['1.5.0', []],
    ['lots', []],
  ];
  for (const [text, out] of table) it(`${text} → ${out.join(', ') || 'nothing'}`, () => assert.deepEqual(suggestQuantities(text), out));
});
