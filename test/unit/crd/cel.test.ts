import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeName, evaluateRule, toCel } from '../../../server/src/service/crd/cel';
import { isCIDR, isIP } from '../../../server/src/service/crd/ipAddress';
import { validateCustomResource } from '../../../server/src/service/crd/validate';
import type { SchemaNode } from '../../../server/src/service/crd/types';
import { WIDGET_V1, widget } from './widgets';

const OBJ: SchemaNode = {
  type: 'object',
  properties: {
    n: { type: 'integer' },
    d: { type: 'number' },
    s: { type: 'string' },
    list: { type: 'array', items: { type: 'integer' } },
    names: { type: 'array', items: { type: 'string' } },
    m: { type: 'object', additionalProperties: { type: 'string' } },
    port: { 'x-kubernetes-int-or-string': true },
    'x-y': { type: 'string' },
    namespace: { type: 'string' },
  },
};
const SELF = { n: 3, d: 1, s: 'abc', list: [1, 2, 3], names: ['b', 'a'], m: { 'a.b': 'c' }, port: 80, 'x-y': 'z', namespace: 'ns' };

/** [rule, expected outcome]: true passes, false fails, 'skip' is not evaluated. */
const RULES: [string, boolean | 'skip'][] = [
  // types from the schema: integer is int, number is double
  ['self.n == 3', true],
  ['self.n + 1 == 4', true],
  ['self.d == 1.0', true],
  ['type(self.n) == int && type(self.d) == double', true],
  ['self.port == 80', true],
  // objects and maps
  ['has(self.s) && !has(self.missing)', true],
  ["self.m['a.b'] == 'c'", true],
  ['self.x__dash__y == "z"', true],
  ['self.__namespace__ == "ns"', true],
  // macros, lists, strings (cel-go's strings extension, as Kubernetes enables it)
  ['self.list.all(x, x > 0)', true],
  ['self.list.exists_one(x, x == 2)', true],
  ['self.list.filter(x, x > 1).size() == 2', true],
  ['self.list.map(x, x * 2)[2] == 6', true],
  ['size(self.s) == 3', true],
  ["self.s.startsWith('a') && self.s.endsWith('c') && self.s.contains('b')", true],
  ["self.s.matches('^a[bc]+$')", true],
  ["'a,b'.split(',').size() == 2 && 'abc'.substring(1) == 'bc' && self.s.indexOf('c') == 2", true],
  ["self.s.upperAscii() == 'ABC' && ' x '.trim() == 'x' && 'a.b'.replace('.', '-') == 'a-b'", true],
  ["duration('1h') > duration('59m')", true],
  ["timestamp('2024-01-01T00:00:00Z') < timestamp('2025-01-01T00:00:00Z')", true],
  // Kubernetes libraries
  ['self.list.isSorted() && !self.names.isSorted()', true],
  ['self.list.sum() == 6 && self.list.min() == 1 && self.list.max() == 3', true],
  ['self.list.indexOf(2) == 1 && self.list.lastIndexOf(9) == -1', true],
  ["isIP('10.0.0.1') && isIP('::1') && !isIP('10.0.0.01') && !isIP('::ffff:1.2.3.4') && !isIP('fe80::1%eth0')", true],
  ["isCIDR('10.0.0.0/8') && isCIDR('2001:db8::/32') && !isCIDR('10.0.0.0/33') && !isCIDR('10.0.0.0')", true],
  ["isQuantity('500m') && !isQuantity('5 Gi')", true],
  // failing rules
  ['self.n > 3', false],
  ["self.s == 'x'", false],
  // not evaluated: transition rules, functions we do not have, errors, non-bool results, syntax errors
  ['self == oldSelf', 'skip'],
  ["quantity('1Gi').isGreaterThan(quantity('1Mi'))", 'skip'],
  ["url('https://x').getHost() == 'x'", 'skip'],
  ['self.missing == 1', 'skip'],
  ['self.n', 'skip'],
  ['self.n ==', 'skip'],
];

describe('crd/cel: x-kubernetes-validations with @bufbuild/cel', () => {
  const self = toCel(OBJ, SELF);
  for (const [rule, expected] of RULES)
    it(`${rule} → ${expected}`, () => {
      const out = evaluateRule({ rule, message: 'm' }, self);
      const got = out.kind === 'pass' ? true : out.kind === 'fail' ? false : 'skip';
      assert.equal(got, expected, JSON.stringify(out));
    });

  it('a failing rule reports its messageExpression, else its message, else the rule', () => {
    const self = toCel(OBJ, SELF);
    assert.deepEqual(evaluateRule({ rule: 'self.n > 5', messageExpression: "'n is ' + string(self.n)", message: 'm' }, self), {
      kind: 'fail',
      message: 'n is 3',
    });
    assert.deepEqual(evaluateRule({ rule: 'self.n > 5', messageExpression: 'self.nope', message: 'plain' }, self), {
      kind: 'fail',
      message: 'plain',
    });
    assert.deepEqual(evaluateRule({ rule: 'self.n > 5' }, self), { kind: 'fail', message: 'failed rule: self.n > 5' });
    assert.deepEqual(evaluateRule({ rule: 'self.n > 1', optionalOldSelf: true }, self), {
      kind: 'skip',
      reason: 'transition rule (optionalOldSelf)',
    });
  });

  const names: [string, string | undefined][] = [
    ['plain', 'plain'],
    ['x-y', 'x__dash__y'],
    ['a.b/c', 'a__dot__b__slash__c'],
    ['__x', '__underscores__x'],
    ['namespace', '__namespace__'],
    ['in', '__in__'],
    ['9lives', undefined],
    ['a b', undefined],
  ];
  for (const [name, expected] of names)
    it(`property ${JSON.stringify(name)} is ${JSON.stringify(expected)} in CEL`, () => {
      assert.equal(escapeName(name), expected);
    });

  it('isIP and isCIDR read addresses as netip does', () => {
    assert.deepEqual(['1.2.3.4', '255.255.255.255', '::', '2001:db8::1', '1:2:3:4:5:6:7:8', '::1.2.3.4'].map(isIP), [
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(['256.0.0.1', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', ''].map(isIP), [
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    assert.deepEqual(['0.0.0.0/0', '::/0', '10.0.0.0/08', '::/129'].map(isCIDR), [true, true, false, false]);
  });
});

describe('crd/validate: CEL rules at their node, reported at their fieldPath', () => {
  const celProblems = (spec: Record<string, unknown>) => validateCustomResource(WIDGET_V1, widget(spec)).problems;

  it('a failing rule with fieldPath and reason reports at the field', () => {
    assert.deepEqual(celProblems({ minReplicas: 5, maxReplicas: 2 }), [
      {
        code: 'cel',
        path: ['spec', 'minReplicas'],
        params: {
          rule: '!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas',
          message: 'minReplicas must not exceed maxReplicas',
          reason: 'FieldValueInvalid',
          fieldPath: '.minReplicas',
        },
      },
    ]);
  });

  it('messageExpression is evaluated; without fieldPath the problem is on the node', () => {
    assert.deepEqual(celProblems({ size: 'huge' }), [
      {
        code: 'cel',
        path: ['spec'],
        params: { rule: "self.size != 'huge' || self.parts.size() >= 2", message: 'a huge widget needs at least 2 parts, not 1' },
      },
    ]);
  });

  it('a rule on a list item runs for each item; an escaped property is read by its CEL name', () => {
    assert.deepEqual(
      celProblems({ parts: [{ name: 'p-1' }, { name: 'bad' }], 'x-custom-name': 'much-too-long-name' }).map((p) => [
        p.path,
        p.params.message,
      ]),
      [
        [['spec', 'parts', 1, 'name'], "a part's name starts with p-"],
        [['spec'], 'x-custom-name is too long'],
      ],
    );
  });

  it('the transition rule (oldSelf) is skipped and said so; rules are not run where the schema already failed', () => {
    const r = validateCustomResource(WIDGET_V1, widget({ minReplicas: 5, maxReplicas: 2 }));
    assert.deepEqual(r.skippedRules, [{ path: ['spec'], rule: 'self == oldSelf', reason: 'transition rule (oldSelf)' }]);
    const wrongType = validateCustomResource(WIDGET_V1, widget({ minReplicas: 5, maxReplicas: 'two' }));
    assert.deepEqual(
      wrongType.problems.map((p) => p.code),
      ['type'],
    );
  });
});
