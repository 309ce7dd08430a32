import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiVersionsOf, isCrd, readCrd, versionFor } from '../../../server/src/service/crd/read';
import { WIDGETS } from './widgets';

describe('crd/read: a CustomResourceDefinition', () => {
  it('reads group, names, scope and every version with its flags and schema', () => {
    assert.equal(WIDGETS.name, 'widgets.example.com');
    assert.equal(WIDGETS.group, 'example.com');
    assert.equal(WIDGETS.scope, 'Namespaced');
    assert.deepEqual(WIDGETS.names, {
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      listKind: 'WidgetList',
      shortNames: ['wd'],
      categories: [],
    });
    assert.deepEqual(
      WIDGETS.versions.map((v) => [v.name, v.served, v.storage, v.deprecated, v.deprecationWarning, v.index, typeof v.schema]),
      [
        ['v1alpha1', false, false, false, undefined, 0, 'object'],
        ['v1beta1', true, false, true, 'example.com/v1beta1 Widget is deprecated; use example.com/v1', 1, 'object'],
        ['v1', true, true, false, undefined, 2, 'object'],
      ],
    );
    assert.deepEqual(apiVersionsOf(WIDGETS), ['example.com/v1alpha1', 'example.com/v1beta1', 'example.com/v1']);
  });

  const cases: [string, unknown, string | undefined][] = [
    ['not an object', 'text', undefined],
    [
      'v1beta1 CRD (removed in 1.22)',
      { apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', spec: { group: 'a.b', names: { kind: 'A' } } },
      undefined,
    ],
    ['another kind', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'Deployment' }, undefined],
    ['no group', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { names: { kind: 'A' } } }, undefined],
    ['no kind', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'a.b', names: {} } }, undefined],
    [
      'half written: no versions, no plural (kind lower-cased)',
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'a.b', names: { kind: 'Thing' } } },
      'thing.a.b',
    ],
  ];
  for (const [name, value, expected] of cases)
    it(`${name} → ${expected ?? 'not read'}`, () => {
      const crd = readCrd(value);
      assert.equal(crd?.name, expected);
      if (crd) assert.deepEqual(crd.versions, []);
    });

  it('scope Cluster is read; anything else is Namespaced (the default)', () => {
    const base = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'a.b', names: { kind: 'A' } } };
    assert.equal(readCrd({ ...base, spec: { ...base.spec, scope: 'Cluster' } })?.scope, 'Cluster');
    assert.equal(readCrd({ ...base, spec: { ...base.spec, scope: 'cluster' } })?.scope, 'Namespaced');
  });

  it('a version entry without a name is left out; one without a schema has none; non-true flags are false', () => {
    const crd = readCrd({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: { group: 'a.b', names: { kind: 'A' }, versions: [{ served: true }, { name: 'v1', served: 'true', storage: 1 }] },
    })!;
    assert.deepEqual(crd.versions, [
      { name: 'v1', served: false, storage: false, deprecated: false, deprecationWarning: undefined, schema: undefined, index: 1 },
    ]);
  });

  it('versionFor matches group and version exactly', () => {
    assert.equal(versionFor(WIDGETS, 'example.com/v1')?.name, 'v1');
    assert.equal(versionFor(WIDGETS, 'example.com/v2'), undefined);
    assert.equal(versionFor(WIDGETS, 'other.com/v1'), undefined);
    assert.equal(versionFor(WIDGETS, 'v1'), undefined);
    assert.equal(isCrd({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' }), true);
  });
});
