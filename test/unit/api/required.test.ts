import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTRA_REQUIRED } from '../../../server/src/service/api/required';
import type { ApiData } from '../../../server/src/service/api/types';
import rawData from '../../../server/src/service/api/generated/kubernetes-api.json';

const DEFS = (rawData as unknown as ApiData).defs;

/** Every property (definition.property) whose type refers to `def`, directly or as list / map items. */
function referencesTo(def: string): string[] {
  const out: string[] = [];
  for (const [name, data] of Object.entries(DEFS))
    for (const [prop, [type]] of Object.entries(data.p)) if (type.replace(/^(\[\]|\{\})+/, '') === `@${def}`) out.push(`${name}.${prop}`);
  return out.sort();
}

describe('conditional required fields: maxDepth is where they can apply', () => {
  it('every conditional requirement says how deep it can apply', () => {
    for (const e of EXTRA_REQUIRED.filter((x) => x.when)) assert.equal(typeof e.maxDepth, 'number', `${e.def}.${e.prop}`);
  });

  it('ServiceSpec is only ever Service.spec (depth 1)', () => {
    assert.deepEqual(referencesTo('ServiceSpec'), ['Service.spec']);
  });

  it('metadata.name (depth 1) and ports[].name (depth 3) hold at their depth and not in deeper objects of the same type', () => {
    const byDef = (def: string) => EXTRA_REQUIRED.find((x) => x.when && x.def === def)!;
    const root = { spec: { ports: [{}, {}] } };
    const meta = byDef('ObjectMeta');
    assert.equal(meta.maxDepth, 1);
    assert.equal(meta.when!({}, ['metadata'], root), true);
    assert.equal(meta.when!({}, ['spec', 'template', 'metadata'], root), false);
    const port = byDef('ServicePort');
    assert.equal(port.maxDepth, 3);
    assert.equal(port.when!({}, ['spec', 'ports', 1], root), true);
    assert.equal(port.when!({}, ['spec', 'template', 'spec', 'ports', 1], root), false);
  });
});
