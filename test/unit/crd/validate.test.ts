import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFieldPath, prepare, validateCustomResource } from '../../../server/src/service/crd/validate';
import type { CrdProblem, SchemaNode } from '../../../server/src/service/crd/types';
import { WIDGET_V1, widget } from './widgets';

const KNOWN_SPEC = [
  'size',
  'color',
  'minReplicas',
  'maxReplicas',
  'ratio',
  'enabled',
  'port',
  'address',
  'note',
  'labels',
  'tags',
  'parts',
  'extra',
  'template',
  'x-custom-name',
];

const problems = (value: unknown, schema: SchemaNode = WIDGET_V1) => validateCustomResource(schema, value).problems;

describe('crd/validate: a custom resource against its openAPIV3Schema', () => {
  const valid: [string, Record<string, unknown>][] = [
    ['the minimal widget', {}],
    [
      'every field set right',
      {
        size: 'huge',
        color: 'red',
        minReplicas: 0,
        maxReplicas: 9,
        ratio: 1.5,
        enabled: true,
        port: 'http',
        address: '10.0.0.1',
        note: null,
        labels: { a: 'b' },
        tags: ['x', 'y'],
        parts: [{ name: 'p-1' }, { name: 'p-1', kind: 'nut' }, { name: 'p-2', count: 3 }],
        extra: { level: 2, anything: { goes: [1] } },
        template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { free: 1 } },
        'x-custom-name': 'fine',
      },
    ],
    ['int-or-string as an integer', { port: 8080 }],
    ['a non-nullable field set to null is pruned, not wrong', { color: null, enabled: null }],
    ['ratio an integer (a number accepts integers)', { ratio: 2 }],
  ];
  for (const [name, spec] of valid)
    it(`valid: ${name}`, () => {
      assert.deepEqual(problems(widget(spec)), []);
    });

  const invalid: [string, Record<string, unknown>, CrdProblem[]][] = [
    [
      'a typo field',
      { colour: 'red' },
      [{ code: 'unknownField', path: ['spec', 'colour'], params: { field: 'colour', known: KNOWN_SPEC } }],
    ],
    [
      'wrong enum',
      { size: 'tiny' },
      [{ code: 'enum', path: ['spec', 'size'], params: { value: 'tiny', allowed: ['small', 'medium', 'large', 'huge'] } }],
    ],
    ['wrong type', { enabled: 'yes' }, [{ code: 'type', path: ['spec', 'enabled'], params: { expected: 'boolean', actual: 'string' } }]],
    [
      'integer with a fraction',
      { minReplicas: 1.5 },
      [{ code: 'type', path: ['spec', 'minReplicas'], params: { expected: 'integer', actual: 'number' } }],
    ],
    [
      'int-or-string as a boolean',
      { port: true },
      [{ code: 'type', path: ['spec', 'port'], params: { expected: 'integer-or-string', actual: 'boolean' } }],
    ],
    ['pattern', { color: 'Red' }, [{ code: 'pattern', path: ['spec', 'color'], params: { value: 'Red', pattern: '^[a-z]+$' } }]],
    [
      'minLength (code points)',
      { color: 'ab' },
      [{ code: 'minLength', path: ['spec', 'color'], params: { value: 'ab', length: 2, limit: 3 } }],
    ],
    [
      'maxLength',
      { color: 'abcdefghijk' },
      [{ code: 'maxLength', path: ['spec', 'color'], params: { value: 'abcdefghijk', length: 11, limit: 10 } }],
    ],
    [
      'format ipv4',
      { address: '10.0.0.256' },
      [{ code: 'format', path: ['spec', 'address'], params: { value: '10.0.0.256', format: 'ipv4' } }],
    ],
    [
      'minimum',
      { minReplicas: -1 },
      [{ code: 'minimum', path: ['spec', 'minReplicas'], params: { value: -1, limit: 0, exclusive: false } }],
    ],
    [
      'exclusive maximum',
      { maxReplicas: 10 },
      [{ code: 'maximum', path: ['spec', 'maxReplicas'], params: { value: 10, limit: 10, exclusive: true } }],
    ],
    ['multipleOf', { ratio: 0.7 }, [{ code: 'multipleOf', path: ['spec', 'ratio'], params: { value: 0.7, multipleOf: 0.5 } }]],
    ['missing required', { size: undefined }, [{ code: 'required', path: ['spec'], params: { field: 'size' } }]],
    [
      'required of a list item',
      { parts: [{ kind: 'nut' }] },
      [{ code: 'required', path: ['spec', 'parts', 0], params: { field: 'name' } }],
    ],
    ['minItems', { parts: [] }, [{ code: 'minItems', path: ['spec', 'parts'], params: { count: 0, limit: 1 } }]],
    ['maxItems', { tags: ['a', 'b', 'c', 'd'] }, [{ code: 'maxItems', path: ['spec', 'tags'], params: { count: 4, limit: 3 } }]],
    [
      'maxProperties',
      { labels: { a: '1', b: '2', c: '3', d: '4' } },
      [{ code: 'maxProperties', path: ['spec', 'labels'], params: { count: 4, limit: 3 } }],
    ],
    [
      'additionalProperties value type',
      { labels: { a: 1 } },
      [{ code: 'type', path: ['spec', 'labels', 'a'], params: { expected: 'string', actual: 'integer' } }],
    ],
    [
      'list-type set: a duplicate',
      { tags: ['a', 'b', 'a'] },
      [{ code: 'duplicateItem', path: ['spec', 'tags', 2], params: { value: 'a', firstIndex: 0 } }],
    ],
    [
      'list-type map: a duplicate key (kind defaulted to bolt on both)',
      { parts: [{ name: 'p-1' }, { name: 'p-1', kind: 'bolt', count: 2 }] },
      [{ code: 'duplicateMapKey', path: ['spec', 'parts', 1], params: { keys: { name: 'p-1', kind: 'bolt' }, firstIndex: 0 } }],
    ],
    [
      'null in a non-nullable list item',
      { tags: [null] },
      [{ code: 'type', path: ['spec', 'tags', 0], params: { expected: 'string', actual: 'null' } }],
    ],
    [
      'preserve-unknown-fields keeps declared fields checked',
      { extra: { level: 'high', other: 1 } },
      [{ code: 'type', path: ['spec', 'extra', 'level'], params: { expected: 'integer', actual: 'string' } }],
    ],
    [
      'an embedded resource needs apiVersion and kind',
      { template: { metadata: { name: 'x' } } },
      [
        { code: 'required', path: ['spec', 'template'], params: { field: 'apiVersion' } },
        { code: 'required', path: ['spec', 'template'], params: { field: 'kind' } },
      ],
    ],
    [
      "an embedded resource's metadata is an object",
      { template: { apiVersion: 'v1', kind: 'Pod', metadata: 'x' } },
      [{ code: 'type', path: ['spec', 'template', 'metadata'], params: { expected: 'object', actual: 'string' } }],
    ],
    ['spec not an object', { __replace: 'text' }, [{ code: 'type', path: ['spec'], params: { expected: 'object', actual: 'string' } }]],
  ];
  for (const [name, spec, expected] of invalid)
    it(`invalid: ${name}`, () => {
      const value = widget(spec);
      const s = value.spec as Record<string, unknown>;
      for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
      if ('__replace' in spec) value.spec = spec.__replace;
      assert.deepEqual(problems(value), expected);
    });

  it('the root: apiVersion, kind and metadata are always allowed, other unknown fields are not; metadata.name is narrowed by the schema', () => {
    assert.deepEqual(problems(widget({}, { status: { ready: true } })), []);
    assert.deepEqual(problems(widget({}, { extraRoot: 1 })), [
      {
        code: 'unknownField',
        path: ['extraRoot'],
        params: { field: 'extraRoot', known: ['metadata', 'spec', 'status', 'apiVersion', 'kind'] },
      },
    ]);
    assert.deepEqual(problems(widget({}, { metadata: { name: 'a-very-long-widget-name-x', annotations: { a: 'b' } } })), [
      { code: 'maxLength', path: ['metadata', 'name'], params: { value: 'a-very-long-widget-name-x', length: 25, limit: 20 } },
    ]);
  });

  it('an object without properties or preserve-unknown-fields prunes every field: each is unknown', () => {
    const schema: SchemaNode = { type: 'object', properties: { spec: { type: 'object' } } };
    assert.deepEqual(problems({ apiVersion: 'a/v1', kind: 'A', spec: { x: 1 } }, schema), [
      { code: 'unknownField', path: ['spec', 'x'], params: { field: 'x', known: [] } },
    ]);
  });

  it('nullable: null is accepted where nullable, a type error in a list where not', () => {
    const schema: SchemaNode = { type: 'object', properties: { spec: { type: 'array', items: { type: 'string', nullable: true } } } };
    assert.deepEqual(problems({ spec: [null, 'a'] }, schema), []);
  });

  it('defaults are applied before validation, and required fields with a default are never missing', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: { spec: { type: 'object', required: ['mode'], properties: { mode: { type: 'string', default: 'auto' } } } },
    };
    assert.deepEqual(prepare(schema, { spec: {} }, true), { spec: { mode: 'auto' } });
    assert.deepEqual(problems({ spec: {} }, schema), []);
    assert.deepEqual(prepare(schema, { spec: { mode: null } }, true), { spec: { mode: 'auto' } });
  });

  it('allOf / anyOf / oneOf / not are value validations', () => {
    const spec = (s: SchemaNode): SchemaNode => ({
      type: 'object',
      properties: { spec: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, ...s } },
    });
    const anyOf = spec({ anyOf: [{ required: ['a'] }, { required: ['b'] }] });
    assert.deepEqual(problems({ spec: { a: 'x' } }, anyOf), []);
    assert.deepEqual(problems({ spec: {} }, anyOf), [{ code: 'anyOf', path: ['spec'], params: {} }]);
    const oneOf = spec({ oneOf: [{ required: ['a'] }, { required: ['b'] }] });
    assert.deepEqual(problems({ spec: { a: 'x', b: 'y' } }, oneOf), [{ code: 'oneOf', path: ['spec'], params: { matching: 2 } }]);
    const not = spec({ not: { required: ['a'] } });
    assert.deepEqual(problems({ spec: { a: 'x' } }, not), [{ code: 'not', path: ['spec'], params: {} }]);
    const allOf = spec({ allOf: [{ properties: { a: { maxLength: 1 } } }] });
    assert.deepEqual(problems({ spec: { a: 'xy' } }, allOf), [{ code: 'allOf', path: ['spec'], params: {} }]);
  });

  it('a pattern RE2 does not accept (lookahead) is not checked rather than guessed', () => {
    const schema: SchemaNode = { type: 'object', properties: { spec: { type: 'string', pattern: '^(?=a)b$' } } };
    assert.deepEqual(problems({ spec: 'zzz' }, schema), []);
  });

  it('an unchecked format never reports', () => {
    const schema: SchemaNode = { type: 'object', properties: { spec: { type: 'string', format: 'int-or-string-ish' } } };
    assert.deepEqual(problems({ spec: 'zzz' }, schema), []);
  });

  const fieldPaths: [string, (string | number)[] | undefined][] = [
    ['.a', ['a']],
    ['.a.b', ['a', 'b']],
    [".labels['app.kubernetes.io/name']", ['labels', 'app.kubernetes.io/name']],
    ['.list[2].x', ['list', 2, 'x']],
    ['a', undefined],
    ['.a[', undefined],
  ];
  for (const [fp, expected] of fieldPaths)
    it(`fieldPath ${fp} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseFieldPath(fp), expected);
    });
});
