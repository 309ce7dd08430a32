// incomplete-claim: a PersistentVolumeClaim spec without accessModes or without a storage
// request. ValidatePersistentVolumeClaimSpec requires both; the schema marks neither required.
// The same spec is written in a StatefulSet's volumeClaimTemplates (the StatefulSet is accepted,
// the claims it creates are not) and in a pod's ephemeral volumeClaimTemplate.
import { insertPair } from '../manifest/edit';
import { getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import type { OffsetRange } from '../manifest/navigate';
import { hasOwn, isObject, objectItems, own } from './podParts';
import { podSpecPath, POD_KINDS, type Path } from '../k8s/podSpec';
import type { Rule, RuleContext } from './types';

interface Claim {
  /** Path of the claim's spec. */
  readonly spec: Path;
  /** Where to flag when the spec is missing altogether. */
  readonly anchor: () => OffsetRange;
  readonly what: string;
  readonly consequence: string;
}

function claimsOf(ctx: RuleContext, value: Record<string, unknown>, kind: string): Claim[] {
  const out: Claim[] = [];
  if (kind === 'PersistentVolumeClaim') {
    out.push({
      spec: ['spec'],
      anchor: () => rangeOfValue(ctx.doc, ['kind']),
      what: `PersistentVolumeClaim ${ctx.object?.name ?? ''}`.trim(),
      consequence: 'the API server rejects the claim',
    });
  }
  if (kind === 'StatefulSet') {
    for (const { item, path } of objectItems(value, ['spec', 'volumeClaimTemplates'])) {
      const name = own(own(item, 'metadata'), 'name');
      out.push({
        spec: [...path, 'spec'],
        anchor: () => rangeOfKey(ctx.doc, [...path, 'metadata']),
        what: `volumeClaimTemplate ${typeof name === 'string' ? name : `#${Number(path[path.length - 1]) + 1}`}`,
        consequence: 'the StatefulSet is accepted, but the API server rejects every claim it creates from the template, so no pod starts',
      });
    }
  }
  const spec = podSpecPath(kind);
  if (spec) {
    for (const { item, path } of objectItems(value, [...spec, 'volumes'])) {
      const template = own(own(item, 'ephemeral'), 'volumeClaimTemplate');
      if (!isObject(template)) continue;
      const name = own(item, 'name');
      out.push({
        spec: [...path, 'ephemeral', 'volumeClaimTemplate', 'spec'],
        anchor: () => rangeOfKey(ctx.doc, [...path, 'ephemeral', 'volumeClaimTemplate']),
        what: `the ephemeral volume ${typeof name === 'string' ? name : ''}`.trim(),
        consequence: 'the API server rejects the pod',
      });
    }
  }
  return out;
}

export const incompleteClaim: Rule = {
  meta: {
    id: 'incomplete-claim',
    name: 'PersistentVolumeClaim without access modes or size',
    severity: 'error',
    kinds: ['PersistentVolumeClaim', 'StatefulSet', ...POD_KINDS.filter((k) => k !== 'StatefulSet')],
    description:
      'A PersistentVolumeClaim, StatefulSet volumeClaimTemplate or ephemeral volume claim template without `accessModes` or without ' +
      '`resources.requests.storage`.',
    rationale:
      'A claim asks for storage of a size with an access mode (ReadWriteOnce for one node, ReadWriteMany for many, ReadWriteOncePod…). ' +
      'The schema marks neither field required, but the API server rejects a claim without them ("at least 1 access mode is required", ' +
      '"resources[storage]: Required value"). In a StatefulSet’s volumeClaimTemplates the mistake shows late: the StatefulSet is accepted, ' +
      'then every claim it creates is rejected and its pods stay Pending — the guide’s "pod won’t start" issue. Most claims want ' +
      '`accessModes: [ReadWriteOnce]` and a size such as `storage: 10Gi`.',
    guideSection: 'Kubernetes API',
    source:
      '`ValidatePersistentVolumeClaimSpec` (also through `ValidatePersistentVolumeClaimTemplate` for ephemeral volumes), ' +
      'pkg/apis/core/validation/validation.go',
    fixable: true,
    // The base a patch is merged into holds the rest of the claim.
    onPatch: 'skip',
    messages: {
      noAccessModes: '{{what}} has no accessModes: {{consequence}} ("at least 1 access mode is required"). Add one, e.g. ReadWriteOnce.',
      noStorage: '{{what}} requests no storage size: {{consequence}}. Add resources.requests.storage, e.g. 10Gi.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 10Gi\n',
      fixed:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 10Gi\n' +
        '  accessModes:\n    - ReadWriteOnce\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const claim of claimsOf(ctx, ctx.value, ctx.object.kind)) {
      const spec = getAt(ctx.value, claim.spec);
      // A spec that is not a mapping is invalid-value's.
      if (spec !== undefined && spec !== null && !isObject(spec)) continue;
      const where = (sub: Path): OffsetRange => (spec === undefined ? claim.anchor() : rangeOfKey(ctx.doc, [...claim.spec, ...sub]));
      const data = { what: claim.what, consequence: claim.consequence };
      const modes = own(spec, 'accessModes');
      if (modes === undefined || modes === null || (Array.isArray(modes) && modes.length === 0)) {
        const [start, end] = where(['accessModes']);
        const edits = modes === undefined ? insertPair(ctx.doc, claim.spec, 'accessModes', ['- ReadWriteOnce']) : undefined;
        ctx.report({
          start,
          end,
          messageId: 'noAccessModes',
          data,
          fixes: edits ? [{ title: 'Add accessModes: [ReadWriteOnce]', edits, safe: false }] : [],
        });
      }
      const requests = own(own(spec, 'resources'), 'requests');
      if (!hasOwn(requests, 'storage') || own(requests, 'storage') === null) {
        const [start, end] = where(['resources', 'requests', 'storage']);
        const edits = !hasOwn(requests, 'storage')
          ? insertPair(ctx.doc, [...claim.spec, 'resources', 'requests'], 'storage', '1Gi')
          : undefined;
        ctx.report({
          start,
          end,
          messageId: 'noStorage',
          data,
          fixes: edits ? [{ title: 'Add a storage request (1Gi: set the size you need)', edits, safe: false }] : [],
        });
      }
    }
  },
};
