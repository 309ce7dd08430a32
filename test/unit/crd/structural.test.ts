import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCrdDocument, type StructuralProblem } from '../../../server/src/service/crd/structural';
import { WIDGETS_VALUE } from './widgets';

const S = ['spec', 'versions', 0, 'schema', 'openAPIV3Schema'];

/** A CRD with one version whose schema is `schema`. */
function crd(schema: unknown, version: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.a.io' },
    spec: {
      group: 'a.io',
      names: { kind: 'Thing', plural: 'things' },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, ...version }],
      ...extra,
    },
  };
}
const spec = (s: unknown) => ({ type: 'object', properties: { spec: s } });

describe('crd/structural: what the API server requires of a CRD and its schemas', () => {
  it('the fixture CRD and a minimal one pass', () => {
    assert.deepEqual(checkCrdDocument(WIDGETS_VALUE), []);
    assert.deepEqual(checkCrdDocument(crd(spec({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }))), []);
  });

  const cases: [string, unknown, StructuralProblem[]][] = [
    ['no versions', crd({}, {}, { versions: [] }), [{ code: 'noVersions', path: ['spec'], params: {} }]],
    [
      'no storage version',
      crd({ type: 'object' }, { storage: false }),
      [{ code: 'storageVersionCount', path: ['spec', 'versions'], params: { count: 0 } }],
    ],
    [
      'two storage versions with one name',
      crd(
        {},
        {},
        {
          versions: [
            { name: 'v1', storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
            { name: 'v1', storage: true, schema: { openAPIV3Schema: { type: 'object' } } },
          ],
        },
      ),
      [
        { code: 'storageVersionCount', path: ['spec', 'versions'], params: { count: 2 } },
        { code: 'duplicateVersion', path: ['spec', 'versions', 1, 'name'], params: { name: 'v1' } },
      ],
    ],
    ['a version without a schema', crd(undefined), [{ code: 'missingSchema', path: ['spec', 'versions', 0], params: { version: 'v1' } }]],
    [
      'a name that is not plural.group',
      { ...(crd({ type: 'object' }) as object), metadata: { name: 'thing.a.io' } },
      [{ code: 'nameMismatch', path: ['metadata', 'name'], params: { name: 'thing.a.io', expected: 'things.a.io' } }],
    ],
    [
      'a root that is not an object',
      crd({ type: 'array', items: { type: 'string' } }),
      [{ code: 'rootNotObject', path: [...S, 'type'], params: { type: 'array' } }],
    ],
    [
      'a node without a type',
      crd(spec({ properties: { a: { type: 'string' } } })),
      [{ code: 'missingType', path: [...S, 'properties', 'spec'], params: {} }],
    ],
    [
      'int-or-string with a type',
      crd(spec({ type: 'string', 'x-kubernetes-int-or-string': true })),
      [{ code: 'intOrStringWithType', path: [...S, 'properties', 'spec', 'type'], params: { type: 'string' } }],
    ],
    [
      'additionalProperties beside properties',
      crd(spec({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } })),
      [{ code: 'additionalPropertiesWithProperties', path: [...S, 'properties', 'spec', 'additionalProperties'], params: {} }],
    ],
    [
      'additionalProperties: false',
      crd(spec({ type: 'object', additionalProperties: false })),
      [{ code: 'additionalPropertiesFalse', path: [...S, 'properties', 'spec', 'additionalProperties'], params: {} }],
    ],
    [
      'preserve-unknown-fields: false',
      crd(spec({ type: 'object', 'x-kubernetes-preserve-unknown-fields': false })),
      [{ code: 'preserveUnknownFieldsFalse', path: [...S, 'properties', 'spec', 'x-kubernetes-preserve-unknown-fields'], params: {} }],
    ],
    ['an array without items', crd(spec({ type: 'array' })), [{ code: 'missingItems', path: [...S, 'properties', 'spec'], params: {} }]],
    [
      'uniqueItems',
      crd(spec({ type: 'array', items: { type: 'string' }, uniqueItems: true })),
      [{ code: 'forbiddenKeyword', path: [...S, 'properties', 'spec', 'uniqueItems'], params: { keyword: 'uniqueItems' } }],
    ],
    [
      '$ref',
      crd(spec({ type: 'object', $ref: '#/x' })),
      [{ code: 'forbiddenKeyword', path: [...S, 'properties', 'spec', '$ref'], params: { keyword: '$ref' } }],
    ],
    [
      'an unknown list type',
      crd(spec({ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'bag' })),
      [{ code: 'listTypeInvalid', path: [...S, 'properties', 'spec', 'x-kubernetes-list-type'], params: { value: 'bag' } }],
    ],
    [
      'list-map-keys without list-type map',
      crd(spec({ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-map-keys': ['a'] })),
      [{ code: 'listMapKeysWithoutMap', path: [...S, 'properties', 'spec', 'x-kubernetes-list-map-keys'], params: {} }],
    ],
    [
      'a list map without keys, of strings',
      crd(spec({ type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'map' })),
      [
        { code: 'listMapWithoutKeys', path: [...S, 'properties', 'spec', 'x-kubernetes-list-type'], params: {} },
        { code: 'listMapItemsNotObject', path: [...S, 'properties', 'spec', 'items'], params: {} },
      ],
    ],
    [
      'a list map key neither required nor defaulted',
      crd(
        spec({
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name', 'port'],
          items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' } } },
        }),
      ),
      [{ code: 'listMapKeyNotRequired', path: [...S, 'properties', 'spec', 'x-kubernetes-list-map-keys', 1], params: { key: 'port' } }],
    ],
    [
      'a set of granular objects',
      crd(spec({ type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'object', properties: { a: { type: 'string' } } } })),
      [{ code: 'listSetItemsNotScalar', path: [...S, 'properties', 'spec', 'items'], params: {} }],
    ],
    [
      'an embedded resource that is not an object',
      crd(spec({ type: 'string', 'x-kubernetes-embedded-resource': true })),
      [{ code: 'embeddedNotObject', path: [...S, 'properties', 'spec', 'x-kubernetes-embedded-resource'], params: {} }],
    ],
    [
      'metadata narrowed beyond name and generateName',
      crd({
        type: 'object',
        properties: { metadata: { type: 'object', properties: { name: { type: 'string' }, labels: { type: 'object' } } } },
      }),
      [{ code: 'metadataNotRestricted', path: [...S, 'properties', 'metadata'], params: { keywords: ['labels'] } }],
    ],
  ];
  for (const [name, value, expected] of cases)
    it(name, () => {
      assert.deepEqual(checkCrdDocument(value), expected);
    });
});
