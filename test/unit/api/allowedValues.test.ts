// The curated allowed values cannot drift from the spec: every value must be named in the newest
// description of its property (or be listed, with its source, as not named there), and every
// entry must point at a property that exists with a string (or array of string) type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALLOWED_VALUES } from '../../../server/src/service/api/allowedValues';
import { testApi } from '../helpers/api';

const api = testApi();
const getDefinition = (name: string) => api.getDefinition(name);
const description = (i: number) => api.description(i);

function mentions(text: string, value: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9]|$)`).test(text);
}

describe('allowed values table', () => {
  for (const e of ALLOWED_VALUES) {
    describe(`${e.def}.${e.prop}`, () => {
      const def = getDefinition(e.def);
      const prop = def?.p[e.prop];
      it('is a string property of the spec', () => {
        assert.ok(prop, `${e.def}.${e.prop} is not in the generated schema`);
        assert.match(prop[0], /^(\[\])?string$/);
      });
      const text = prop ? description(prop[1]) : '';
      const undocumented = e.notInDescription?.values ?? [];
      for (const v of e.values) {
        if (undocumented.includes(v)) {
          it(`${v} is not named in the description (source: ${e.notInDescription?.source})`, () => {
            assert.equal(mentions(text, v), false, `${v} is now in the description: drop it from notInDescription`);
          });
        } else {
          it(`${v} is named in the description`, () => assert.ok(mentions(text, v), `"${v}" not found in: ${text}`));
        }
      }
      it('has no duplicate values', () => assert.equal(new Set(e.values).size, e.values.length));
      it('lists only its own values as undocumented', () => {
        for (const v of undocumented) assert.ok(e.values.includes(v), v);
      });
    });
  }
  it('has each property once', () => {
    const keys = ALLOWED_VALUES.map((e) => `${e.def}.${e.prop}`);
    assert.equal(new Set(keys).size, keys.length);
  });
  it('covers the fields the issue names', () => {
    const keys = new Set(ALLOWED_VALUES.map((e) => `${e.def}.${e.prop}`));
    for (const k of [
      'PodSpec.restartPolicy',
      'Container.imagePullPolicy',
      'CronJobSpec.concurrencyPolicy',
      'JobSpec.completionMode',
      'StatefulSetSpec.podManagementPolicy',
      'DeploymentStrategy.type',
      'StatefulSetUpdateStrategy.type',
      'DaemonSetUpdateStrategy.type',
      'ServiceSpec.type',
      'ServicePort.protocol',
      'ContainerPort.protocol',
      'PersistentVolumeClaimSpec.accessModes',
      'PersistentVolumeClaimSpec.volumeMode',
      'StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted',
      'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled',
    ])
      assert.ok(keys.has(k), k);
  });
});
