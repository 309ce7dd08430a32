// The committed schema data must be exactly what the generator makes from the spec in
// ../shared/k8s-openapi (regenerate with `npm run generate:schemas`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_SPEC_DIR,
  OUTPUT,
  VALIDATORS_OUTPUT,
  generateSchemaData,
  generateValidatorsCode,
  readSpecs,
  serializeSchemaData,
} from '../../../scripts/generate-schemas';

const root = join(__dirname, '..', '..', '..');

describe('generated schema data', () => {
  const data = generateSchemaData(readSpecs(join(root, DEFAULT_SPEC_DIR)));
  const committed = readFileSync(join(root, OUTPUT), 'utf8');
  it('equals the generator output (run npm run generate:schemas)', () => {
    assert.ok(committed === serializeSchemaData(data), `${OUTPUT} is stale: run \`npm run generate:schemas\``);
  });
  it('has the validators compiled from it (run npm run generate:schemas)', () => {
    const code = readFileSync(join(root, VALIDATORS_OUTPUT), 'utf8');
    assert.ok(code === generateValidatorsCode(data), `${VALIDATORS_OUTPUT} is stale: run \`npm run generate:schemas\``);
  });
  it('keeps the descriptions and the int-or-string and quantity types', () => {
    const data = JSON.parse(committed);
    assert.ok(data.descriptions.length > 1000);
    assert.equal(data.defs.RollingUpdateDeployment.p.maxSurge[0], 'int-or-string');
    assert.equal(data.defs.ResourceRequirements.p.limits[0], '{}quantity');
    assert.deepEqual(data.kinds.Deployment, [{ apiVersion: 'apps/v1', def: 'Deployment' }]);
    assert.deepEqual(data.defs.Deployment.gvk, ['apps/v1']);
  });
});
