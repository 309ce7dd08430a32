// The committed API data must be exactly what the generator makes from the specs in
// ../shared/k8s-openapi/versions (regenerate with `npm run generate:api`), and say what the
// releases really differ in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_VERSIONS_DIR,
  DESCRIPTIONS_OUTPUT,
  STRUCTURE_OUTPUT,
  generateApiData,
  readReleases,
  serializeDescriptions,
  serializeStructure,
} from '../../../scripts/generate-kubernetes-api';
import { KUBERNETES_VERSIONS } from '../../../server/src/service/api/index';
import { testApi } from '../helpers/api';

const root = join(__dirname, '..', '..', '..');

describe('generated Kubernetes API data', () => {
  const { structure, descriptions } = generateApiData(readReleases(join(root, DEFAULT_VERSIONS_DIR)));
  it('equals the generator output (run npm run generate:api)', () => {
    assert.ok(readFileSync(join(root, STRUCTURE_OUTPUT), 'utf8') === serializeStructure(structure), `${STRUCTURE_OUTPUT} is stale`);
    assert.ok(readFileSync(join(root, DESCRIPTIONS_OUTPUT), 'utf8') === serializeDescriptions(descriptions), `${DESCRIPTIONS_OUTPUT} is stale`);
  });
  it('has exactly the releases the settings offer', () => assert.deepEqual(structure.versions, [...KUBERNETES_VERSIONS]));
  it('keeps the int-or-string and quantity types and the workload kinds', () => {
    assert.equal(structure.defs.RollingUpdateDeployment.p.maxSurge[0], 'int-or-string');
    assert.equal(structure.defs.ResourceRequirements.p.limits[0], '{}quantity');
    assert.deepEqual(structure.kinds.Deployment, [{ apiVersion: 'apps/v1', def: 'Deployment' }]);
  });
});

describe('the releases differ as the specs say', () => {
  const table: [version: string, apiVersion: string, kind: string, served: boolean][] = [
    ['1.30', 'networking.k8s.io/v1', 'Ingress', true],
    ['1.30', 'autoscaling/v2', 'HorizontalPodAutoscaler', true],
    ['1.30', 'policy/v1', 'PodDisruptionBudget', true],
    ['1.30', 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', true],
    ['1.30', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition', true],
    ['1.30', 'admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy', true],
    // flowcontrol v1beta3 was removed in 1.32
    ['1.31', 'flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', true],
    ['1.32', 'flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', false],
    // resource.k8s.io/v1 arrives in 1.34
    ['1.33', 'resource.k8s.io/v1', 'DeviceClass', false],
    ['1.34', 'resource.k8s.io/v1', 'DeviceClass', true],
    ['1.35', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler', false],
  ];
  for (const [version, apiVersion, kind, served] of table)
    it(`${apiVersion} ${kind} is ${served ? '' : 'not '}served by ${version}`, () =>
      assert.equal(testApi(version as (typeof KUBERNETES_VERSIONS)[number]).isKnownObject(apiVersion, kind), served));
  it('knows which releases have a field: PodSpec.resources arrives in 1.32', () => {
    assert.deepEqual(testApi().propertyReleases('PodSpec', 'resources'), ['1.32', '1.33', '1.34', '1.35']);
    assert.equal(testApi('1.31').resolveField('v1', 'Pod', ['spec', 'resources']), undefined);
    assert.ok(testApi('1.32').resolveField('v1', 'Pod', ['spec', 'resources']));
  });
});
