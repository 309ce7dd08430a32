// dangling-service: a Service whose selector matches no pod template in its namespace, so it would
// have no endpoints. It concludes from an absence, so it speaks only when it has seen enough.
import { rangeOfKey } from '../manifest/navigate';
import { getAt } from '../manifest/navigate';
import type { IndexedObject } from '../workspace/types';
import { isCustomResource, makesPods, namespaceOf, sameNamespace, selectorMatches } from '../workspace/match';
import type { Rule } from './types';

function labelMap(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v))
    if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  return out;
}

const formatLabels = (labels: Readonly<Record<string, string>> | undefined) =>
  labels && Object.keys(labels).length
    ? Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : 'no labels';

export const danglingService: Rule = {
  meta: {
    id: 'dangling-service',
    name: 'Service selects no pods',
    severity: 'warning',
    kinds: ['Service'],
    description: "A Service's selector matches the pod template labels of no workload in its namespace, so it would have no endpoints.",
    rationale:
      'A Service finds its pods by label only: when no pod carries every label of `spec.selector`, the Service exists, resolves in DNS and ' +
      'refuses every connection, with no error anywhere. The usual cause is a typo or a label renamed on one side only. ' +
      'Because the rule concludes from an absence, it stays quiet unless it can see the pods: it runs only when the namespace ' +
      'holds at least one workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or Pod), only when the whole workspace ' +
      'was indexed or a workload sits in the same file as the Service, and never when the namespace holds custom resources, ' +
      'whose operators create pods we cannot see. Services without a selector (manual Endpoints) and ExternalName Services are skipped.',
    guideSection: 'StatefulSet — Headless Service; Deployment',
    fixable: false,
    crossDocument: true,
    messages: {
      dangling:
        'Service {{service}} selects {{selector}}, but no pod template in namespace {{namespace}} has these labels ({{candidates}}): ' +
        'the Service would have no endpoints. Fix the selector or the pod template labels.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n' +
        '      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: wbe\n  ports:\n    - port: 80\n',
    },
  },
  check(ctx) {
    const object = ctx.object;
    if (!object) return;
    if (getAt(ctx.value, ['spec', 'type']) === 'ExternalName') return;
    const selector = labelMap(getAt(ctx.value, ['spec', 'selector']));
    if (!selector || Object.keys(selector).length === 0) return;

    const workloads: IndexedObject[] = [];
    for (const o of ctx.workspace.objects()) {
      if (!sameNamespace(o, object)) continue;
      if (isCustomResource(o)) return; // an operator may create the pods
      if (makesPods(o)) workloads.push(o);
    }
    if (workloads.length === 0) return;
    if (!ctx.workspace.complete && !workloads.some((w) => w.uri === ctx.file.uri)) return;
    if (workloads.some((w) => selectorMatches(selector, w.podLabels))) return;

    const shown = workloads.slice(0, 3).map((w) => `${w.kind} ${w.name ?? '(unnamed)'} has ${formatLabels(w.podLabels)}`);
    if (workloads.length > 3) shown.push(`${workloads.length - 3} more`);
    const [start, end] = rangeOfKey(ctx.doc, ['spec', 'selector']);
    ctx.report({
      start,
      end,
      messageId: 'dangling',
      data: {
        service: object.name ?? '(unnamed)',
        selector: formatLabels(selector),
        namespace: namespaceOf(object),
        candidates: shown.join('; '),
      },
    });
  },
};
