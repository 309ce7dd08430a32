// statefulset-service-name: a StatefulSet without spec.serviceName gets no stable per-pod DNS names.
import { insertFirstPair, replaceValue } from '../manifest/edit';
import { findPair, getAt, rangeOfKey } from '../manifest/navigate';
import type { Fix, Rule } from './types';
import { yamlString } from '../text/yamlScalar';

export const statefulsetServiceName: Rule = {
  meta: {
    id: 'statefulset-service-name',
    name: 'StatefulSet without serviceName',
    severity: 'warning',
    kinds: ['StatefulSet'],
    description: 'A StatefulSet has no spec.serviceName naming its governing headless Service.',
    rationale:
      'The stable network identity that makes a StatefulSet worth using comes from its governing headless Service: each pod is ' +
      'reachable as {pod-name}.{service-name}.{namespace}.svc.cluster.local (postgres-0.postgres.default.svc.cluster.local). ' +
      'Kubernetes 1.35 accepts a StatefulSet without serviceName, but its pods then get no per-pod DNS names; the guide calls ' +
      'the headless Service required.',
    guideSection: 'StatefulSet › DNS Resolution',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing:
        'StatefulSet {{name}} has no serviceName, so its pods get no stable DNS names ({{name}}-0.<service>.<namespace>.svc.cluster.local) — ' +
        'add serviceName naming a headless Service (clusterIP: None).',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n' +
        '      app: postgres\n',
      fixed:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  replicas: 3\n  selector:\n' +
        '    matchLabels:\n      app: postgres\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = getAt(ctx.value, ['spec']);
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const serviceName = (spec as Record<string, unknown>).serviceName;
    if (typeof serviceName === 'string' && serviceName !== '') return;
    if (serviceName !== undefined && serviceName !== null && typeof serviceName !== 'string') return; // invalid-value's job
    const name = ctx.object.name;
    const hasKey = !!findPair(ctx.doc, ['spec', 'serviceName']);
    const fixes: Fix[] = [];
    if (name) {
      const edits = hasKey
        ? replaceValue(ctx.doc, ['spec', 'serviceName'], yamlString(name))
        : insertFirstPair(ctx.doc, ['spec'], 'serviceName', yamlString(name));
      if (edits) fixes.push({ title: `Add serviceName: ${name}`, edits, isPreferred: true });
    }
    const [start, end] = rangeOfKey(ctx.doc, hasKey ? ['spec', 'serviceName'] : ['spec']);
    ctx.report({ start, end, messageId: 'missing', data: { name: name ?? '<name>' }, fixes });
  },
};
