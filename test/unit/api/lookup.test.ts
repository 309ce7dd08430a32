import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanType } from '../../../server/src/service/api/typeRefs';
import { testApi } from '../helpers/api';

const api = testApi();

describe('schema lookup: kinds', () => {
  it('knows the workload kinds and the core kinds they need', () => {
    const kinds = api.knownKinds();
    for (const k of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Service', 'ConfigMap', 'Secret'])
      assert.ok(kinds.includes(k), k);
    for (const k of ['Ingress', 'Role', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'CustomResourceDefinition'])
      assert.ok(kinds.includes(k), k);
    for (const k of ['DeploymentList', 'DeleteOptions', 'WatchEvent', 'Status']) assert.ok(!kinds.includes(k), k);
  });
  const table: [string, string[]][] = [
    ['Deployment', ['apps/v1']],
    ['StatefulSet', ['apps/v1']],
    ['CronJob', ['batch/v1']],
    ['Service', ['v1']],
    ['PersistentVolumeClaim', ['v1']],
    ['Ingress', ['networking.k8s.io/v1']],
    ['HorizontalPodAutoscaler', ['autoscaling/v1', 'autoscaling/v2']],
    ['PodSecurityPolicy', []],
  ];
  for (const [kind, versions] of table)
    it(`${kind} is served by ${versions.join(', ') || 'nothing we know'}`, () => assert.deepEqual(api.apiVersionsOf(kind), versions));
  it('lists the kinds of an apiVersion', () => {
    assert.deepEqual(api.kindsByApiVersion('batch/v1'), ['CronJob', 'Job']);
    assert.deepEqual(api.kindsByApiVersion('apps/v1'), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    assert.deepEqual(api.kindsByApiVersion('extensions/v1beta1'), []);
  });
  it('matches apiVersion and kind exactly', () => {
    assert.equal(api.isKnownObject('apps/v1', 'Deployment'), true);
    assert.equal(api.isKnownObject('v1', 'Deployment'), false);
    assert.equal(api.isKnownObject('serving.knative.dev/v1', 'Service'), false);
  });
  it('requires metadata on every kind, and not on the objects inside one', () => {
    for (const kind of api.knownKinds())
      for (const apiVersion of api.apiVersionsOf(kind)) {
        const def = api.kindDefinition(apiVersion, kind)!;
        assert.ok(
          api.extraRequired(def).some((e) => e.prop === 'metadata') || api.getDefinition(def)?.r?.includes('metadata'),
          `${apiVersion} ${kind}`,
        );
      }
    assert.ok(!api.extraRequired('PodTemplateSpec').some((e) => e.prop === 'metadata'));
  });
  it('describes a kind from the API', () =>
    assert.match(api.kindDescription('Deployment'), /declarative updates for Pods and ReplicaSets/));
});

describe('schema lookup: resolveField', () => {
  const cases: { args: [string, string, (string | number)[]]; expect: Record<string, unknown> }[] = [
    {
      args: ['apps/v1', 'StatefulSet', ['spec', 'updateStrategy', 'rollingUpdate', 'partition']],
      expect: {
        name: 'partition',
        path: 'StatefulSet.spec.updateStrategy.rollingUpdate.partition',
        type: 'integer (int32)',
        shape: 'scalar',
        required: false,
      },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template']],
      expect: {
        type: 'object (PodTemplateSpec)',
        shape: 'object',
        required: true,
        definition: 'PodTemplateSpec',
        parentDefinition: 'DeploymentSpec',
      },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers']],
      expect: { type: 'array of Container', shape: 'array', itemShape: 'object', required: true, definition: 'Container' },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0]],
      expect: { name: 'containers[]', path: 'Deployment.spec.template.spec.containers[]', type: 'object (Container)', shape: 'object' },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 1, 'image']],
      expect: { path: 'Deployment.spec.template.spec.containers[].image', type: 'string', required: true },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']],
      expect: { type: 'map of Quantity', shape: 'map', itemShape: 'scalar' },
    },
    {
      args: ['apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory']],
      expect: { name: 'memory', type: 'Quantity', shape: 'scalar' },
    },
    { args: ['apps/v1', 'Deployment', ['metadata', 'labels']], expect: { type: 'map of string', shape: 'map', itemShape: 'scalar' } },
    { args: ['apps/v1', 'Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxSurge']], expect: { type: 'int-or-string' } },
    { args: ['v1', 'Service', ['spec', 'ports', 0, 'targetPort']], expect: { type: 'int-or-string' } },
    {
      args: ['v1', 'Service', ['spec', 'type']],
      expect: { type: 'string', allowedValues: ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'] },
    },
    { args: ['v1', 'Service', ['spec', 'ports', 0, 'protocol']], expect: { default: 'TCP' } },
    {
      args: ['v1', 'PersistentVolumeClaim', ['spec', 'accessModes', 0]],
      expect: { type: 'string', allowedValues: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
    },
    { args: ['batch/v1', 'CronJob', ['spec', 'schedule']], expect: { type: 'string', required: true } },
    { args: ['batch/v1', 'CronJob', ['spec', 'concurrencyPolicy']], expect: { allowedValues: ['Allow', 'Forbid', 'Replace'] } },
    {
      args: ['apps/v1', 'Deployment', []],
      expect: { name: 'Deployment', path: 'Deployment', type: 'object (Deployment)', shape: 'object' },
    },
    { args: ['apps/v1', 'Deployment', ['metadata', 'creationTimestamp']], expect: { type: 'string (date-time)' } },
  ];
  for (const c of cases) {
    it(`${c.args[1]} ${c.args[2].join('.')}`, () => {
      const info = api.resolveField(...c.args);
      assert.ok(info, 'resolves');
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual((info as unknown as Record<string, unknown>)[k], v, k);
      assert.ok(info.description.length > 0, 'has a description');
    });
  }
  const unknown: [string, string, (string | number)[]][] = [
    ['apps/v1', 'Deployment', ['spec', 'replica']],
    ['apps/v1', 'Deployment', ['spec', 'replicas', 'x']],
    ['apps/v1', 'Deployment', ['spec', 0]],
    ['v1', 'Deployment', ['spec']],
    ['networking.k8s.io/v1', 'Ingress', ['spec', 'replicas']],
    ['apps/v1', 'Deployment', ['metadata', 'managedFields', 0, 'fieldsV1', 'f:x']],
  ];
  for (const args of unknown) it(`no field at ${args[1]} ${args[2].join('.')}`, () => assert.equal(api.resolveField(...args), undefined));
  it('gives a map entry the map description', () => {
    assert.equal(
      api.resolveField('apps/v1', 'Deployment', ['metadata', 'labels', 'app'])?.description,
      api.resolveField('apps/v1', 'Deployment', ['metadata', 'labels'])?.description,
    );
  });
});

describe('schema lookup: childFields', () => {
  it('lists DeploymentSpec with selector and template required', () => {
    const fields = api.childFields('apps/v1', 'Deployment', ['spec']);
    assert.deepEqual(
      fields.map((f) => f.name),
      ['minReadySeconds', 'paused', 'progressDeadlineSeconds', 'replicas', 'revisionHistoryLimit', 'selector', 'strategy', 'template'],
    );
    assert.deepEqual(
      fields.filter((f) => f.required).map((f) => f.name),
      ['selector', 'template'],
    );
    assert.equal(fields.find((f) => f.name === 'replicas')?.path, 'Deployment.spec.replicas');
  });
  it('lists container fields for the array and for an item, name and image required', () => {
    const a = api.childFields('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers']);
    const b = api.childFields('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0]);
    assert.deepEqual(a, b);
    assert.deepEqual(
      a
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
      ['image', 'name'],
    );
    assert.equal(a.find((f) => f.name === 'imagePullPolicy')?.allowedValues?.join(), 'Always,Never,IfNotPresent');
  });
  it('marks metadata and metadata.name of the object required, not the name of a template', () => {
    assert.deepEqual(
      api
        .childFields('apps/v1', 'Deployment', [])
        .filter((f) => f.required)
        .map((f) => f.name),
      ['metadata', 'spec'],
    );
    assert.equal(api.childFields('apps/v1', 'Deployment', ['metadata']).find((f) => f.name === 'name')?.required, true);
    assert.equal(api.resolveField('apps/v1', 'Deployment', ['metadata', 'name'])?.required, true);
    assert.equal(api.resolveField('apps/v1', 'Deployment', ['spec', 'template', 'metadata', 'name'])?.required, false);
  });
  it('lists the top-level fields of a kind', () => {
    assert.deepEqual(
      api.childFields('batch/v1', 'CronJob', []).map((f) => f.name),
      ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    );
  });
  it('is empty for maps, scalars and unknown kinds', () => {
    assert.deepEqual(api.childFields('apps/v1', 'Deployment', ['metadata', 'labels']), []);
    assert.deepEqual(api.childFields('apps/v1', 'Deployment', ['spec', 'replicas']), []);
    assert.deepEqual(api.childFields('example.com/v1', 'Widget', []), []);
  });
});

describe('schema lookup: humanType', () => {
  const table: [string, string][] = [
    ['integer:int32', 'integer (int32)'],
    ['string', 'string'],
    ['@PodSpec', 'object (PodSpec)'],
    ['[]@Container', 'array of Container'],
    ['[]string', 'array of string'],
    ['{}string', 'map of string'],
    ['{}quantity', 'map of Quantity'],
    ['int-or-string', 'int-or-string'],
    ['boolean', 'boolean'],
    ['quantity', 'Quantity'],
  ];
  for (const [t, h] of table) it(`${t} → ${h}`, () => assert.equal(humanType(t), h));
});
