// topology-spread-constraint: topologySpreadConstraints the API server rejects although each
// field has the right type: maxSkew or minDomains below 1, minDomains without
// whenUnsatisfiable: DoNotSchedule, and two constraints on the same topologyKey and
// whenUnsatisfiable (validateTopologySpreadConstraints).
import { removePair, replaceValue } from '../manifest/edit';
import { getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { isInt, objectItems, own } from './podParts';
import { podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

export const topologySpreadConstraint: Rule = {
  meta: {
    id: 'topology-spread-constraint',
    name: 'Invalid topology spread constraint',
    severity: 'error',
    kinds: POD_KINDS,
    description:
      'A topology spread constraint with `maxSkew` or `minDomains` below 1, `minDomains` with `whenUnsatisfiable: ScheduleAnyway`, or ' +
      'two constraints with the same topologyKey and whenUnsatisfiable.',
    rationale:
      'maxSkew is how many more matching pods one zone (or node…) may have than the emptiest one: 0 would forbid any pod once domains are ' +
      'uneven, so it must be at least 1. minDomains — the number of domains to spread over even before they exist — must be at least 1 ' +
      'and only means something when the scheduler may refuse to place a pod, so it requires `whenUnsatisfiable: DoNotSchedule`. Two ' +
      'constraints on one topologyKey with the same whenUnsatisfiable contradict each other. The API server rejects each case.',
    guideSection: 'Kubernetes API',
    source:
      '`validateTopologySpreadConstraints` (`ValidateMaxSkew`, `validateMinDomains`, `ValidateSpreadConstraintNotRepeat`), ' +
      'pkg/apis/core/validation/validation.go',
    fixable: true,
    onPatch: 'check',
    messages: {
      maxSkew: 'maxSkew is {{value}}, but it must be at least 1.',
      minDomains: 'minDomains is {{value}}, but it must be at least 1.',
      minDomainsNeedsDoNotSchedule:
        'minDomains requires whenUnsatisfiable: DoNotSchedule (this constraint has {{action}}): remove minDomains or let the scheduler refuse.',
      duplicate:
        'Constraints {{first}} and {{second}} both spread over {{topologyKey}} with whenUnsatisfiable {{action}}: merge them into one (the API ' +
        'server rejects the repeat).',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  topologySpreadConstraints:\n  - maxSkew: 0\n' +
        '    topologyKey: topology.kubernetes.io/zone\n    whenUnsatisfiable: DoNotSchedule\n    labelSelector:\n      matchLabels:\n' +
        '        app: web\n  containers:\n  - name: web\n    image: web:1.0.0\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  topologySpreadConstraints:\n  - maxSkew: 1\n' +
        '    topologyKey: topology.kubernetes.io/zone\n    whenUnsatisfiable: DoNotSchedule\n    labelSelector:\n      matchLabels:\n' +
        '        app: web\n  containers:\n  - name: web\n    image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec || getAt(ctx.value, spec) === undefined) return;
    const seen = new Map<string, number>();
    for (const { item, path, index } of objectItems(ctx.value, [...spec, 'topologySpreadConstraints'])) {
      const maxSkew = own(item, 'maxSkew');
      if (isInt(maxSkew) && maxSkew < 1) {
        const [start, end] = rangeOfValue(ctx.doc, [...path, 'maxSkew']);
        const edits = replaceValue(ctx.doc, [...path, 'maxSkew'], '1');
        ctx.report({
          start,
          end,
          messageId: 'maxSkew',
          data: { value: maxSkew },
          fixes: edits ? [{ title: 'Set maxSkew to 1', edits, isPreferred: true, safe: false }] : [],
        });
      }
      const action = own(item, 'whenUnsatisfiable');
      const minDomains = own(item, 'minDomains');
      if (isInt(minDomains)) {
        if (minDomains < 1) {
          const [start, end] = rangeOfValue(ctx.doc, [...path, 'minDomains']);
          ctx.report({ start, end, messageId: 'minDomains', data: { value: minDomains } });
        }
        // A missing whenUnsatisfiable is missing-required-field's.
        if (typeof action === 'string' && action !== 'DoNotSchedule') {
          const [start, end] = rangeOfKey(ctx.doc, [...path, 'minDomains']);
          const fixes: Fix[] = [];
          const remove = removePair(ctx.doc, [...path, 'minDomains']);
          if (remove) fixes.push({ title: 'Remove minDomains', edits: remove, safe: false });
          const set = replaceValue(ctx.doc, [...path, 'whenUnsatisfiable'], 'DoNotSchedule');
          if (set) fixes.push({ title: 'Set whenUnsatisfiable: DoNotSchedule', edits: set, safe: false });
          ctx.report({ start, end, messageId: 'minDomainsNeedsDoNotSchedule', data: { action }, fixes });
        }
      }
      const topologyKey = own(item, 'topologyKey');
      if (typeof topologyKey !== 'string' || typeof action !== 'string') continue;
      const key = `${topologyKey}\u0000${action}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        continue;
      }
      const [start, end] = rangeOfValue(ctx.doc, [...path, 'topologyKey']);
      ctx.report({
        start,
        end,
        messageId: 'duplicate',
        data: { first: `[${first}]`, second: `[${index}]`, topologyKey, action },
      });
    }
  },
};
