// Fields the API server requires by validation code although the OpenAPI spec does not list
// them in `required` (pkg/apis/core/validation, pkg/apis/apps/validation, pkg/apis/batch/validation).
// `when` narrows a conditional requirement: it gets the object that should hold the field, the
// JSON path of that object in the document and the whole document.

export interface ExtraRequired {
  readonly def: string;
  readonly prop: string;
  /** Why: what the API server says, for the docs and the tests. */
  readonly reason: string;
  /** Only required when this returns true (undefined: always). */
  readonly when?: (obj: Record<string, unknown>, path: readonly (string | number)[], root: Record<string, unknown>) => boolean;
  /**
   * For a conditional requirement: the longest path (from the document root) of an object it can
   * apply to. The search for such objects stops there instead of walking the whole document.
   */
  readonly maxDepth?: number;
  /** For a conditional requirement: where it usually applies, for completion and hover (`required` of FieldInfo). */
  readonly usuallyAt?: (path: readonly (string | number)[]) => boolean;
}

export const EXTRA_REQUIRED: readonly ExtraRequired[] = [
  // Every kind's metadata is required too: KubernetesApi.extraRequired adds it for each kind definition.
  {
    def: 'ObjectMeta',
    prop: 'name',
    reason: 'metadata.name: Required value (name or generateName is required); only for the object itself, not for templates',
    when: (meta: Record<string, unknown>, path: readonly (string | number)[]) =>
      path.length === 1 && path[0] === 'metadata' && typeof meta.generateName !== 'string',
    maxDepth: 1,
    usuallyAt: (path: readonly (string | number)[]) => path.length === 1 && path[0] === 'metadata',
  },
  { def: 'Container', prop: 'image', reason: 'containers[].image: Required value (ValidatePodSpec)' },
  // A missing spec is reported once, on the kind, instead of once per required field inside it.
  ...['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'].map((def) => ({
    def,
    prop: 'spec',
    reason: 'the spec holds required fields (selector, template, containers, schedule…)',
  })),
  { def: 'PodTemplateSpec', prop: 'spec', reason: 'template.spec.containers: Required value' },
  { def: 'JobTemplateSpec', prop: 'spec', reason: 'jobTemplate.spec.template: Required value' },
  {
    def: 'Service',
    prop: 'spec',
    reason: 'spec.ports: Required value (a ClusterIP Service needs ports)',
  },
  {
    def: 'ServiceSpec',
    prop: 'ports',
    reason: 'spec.ports: Required value, unless the Service is headless (clusterIP: None) or of type ExternalName (ValidateService)',
    when: (spec) => spec.type !== 'ExternalName' && spec.clusterIP !== 'None',
    // ServiceSpec is only ever Service.spec
    maxDepth: 1,
  },
  {
    def: 'ServicePort',
    prop: 'name',
    reason: 'spec.ports[].name: Required value when the Service has more than one port (ValidateService)',
    when: (_port, path, root) => {
      const ports = (root.spec as Record<string, unknown> | undefined)?.ports;
      return path.length === 3 && path[0] === 'spec' && path[1] === 'ports' && Array.isArray(ports) && ports.length > 1;
    },
    maxDepth: 3,
  },
];

const byDef = new Map<string, ExtraRequired[]>();
for (const e of EXTRA_REQUIRED) {
  const list = byDef.get(e.def) ?? [];
  list.push(e);
  byDef.set(e.def, list);
}

export function extraRequiredOf(def: string): readonly ExtraRequired[] {
  return byDef.get(def) ?? [];
}

/**
 * Required fields that the API server also rejects when empty ("Required value" for `image: ""`,
 * `containers: []`): strings get minLength 1, lists minItems 1 in the validators.
 */
export const NON_EMPTY: ReadonlySet<string> = new Set([
  'PodSpec.containers',
  'Container.name',
  'Container.image',
  'EnvVar.name',
  'Volume.name',
  'VolumeMount.name',
  'VolumeMount.mountPath',
  'CronJobSpec.schedule',
  'KeyToPath.key',
  'KeyToPath.path',
  'ConfigMapKeySelector.key',
  'SecretKeySelector.key',
  'PersistentVolumeClaimVolumeSource.claimName',
]);
