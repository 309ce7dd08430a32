// requests-exceed-limits: a resource request larger than its limit (the API server rejects it).
import { replaceValue } from '../manifest/edit';
import { findNode, rangeOfValue } from '../manifest/navigate';
import { parseQuantity } from '../k8s/quantity';
import { containersOf, POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';

function amount(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  return parseQuantity(v);
}

function map(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export const requestsExceedLimits: Rule = {
  meta: {
    id: 'requests-exceed-limits',
    name: 'Request above its limit',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A container requests more of a resource than its limit allows.',
    rationale:
      'A request is what the scheduler reserves, a limit is the most the container may use; a request above the limit can never ' +
      "be honoured, so the API server rejects the pod. The guide's examples keep requests at or below limits (Qdrant: 500m/2 CPU, " +
      '2Gi/8Gi memory).',
    guideSection: 'StatefulSet › AI Pattern: Vector Database (Qdrant)',
    fixable: true,
    onPatch: 'check',
    messages: {
      exceeds:
        'requests.{{resource}} {{request}} is above limits.{{resource}} {{limit}} in container {{container}}: the API server rejects ' +
        'a request larger than its limit — raise the limit to {{request}} or lower the request.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    resources:\n' +
        '      requests:\n        memory: 1Gi\n      limits:\n        memory: 512Mi\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    resources:\n' +
        '      requests:\n        memory: 1Gi\n      limits:\n        memory: 1Gi\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const { container, path } of containersOf(ctx.value, ctx.object.kind)) {
      const resources = map(container.resources);
      const requests = map(resources?.requests);
      const limits = map(resources?.limits);
      if (!requests || !limits) continue;
      for (const [resource, req] of Object.entries(requests)) {
        if (!(resource in limits)) continue;
        const r = amount(req);
        const l = amount(limits[resource]);
        // Values that do not parse are invalid-quantity's to report.
        if (r === undefined || l === undefined || r <= l) continue;
        const reqPath = [...path, 'resources', 'requests', resource];
        const limPath = [...path, 'resources', 'limits', resource];
        const reqNode = findNode(ctx.doc, reqPath);
        const reqText = reqNode?.range ? ctx.doc.text.slice(reqNode.range[0], reqNode.range[1]) : String(req);
        const edits = replaceValue(ctx.doc, limPath, reqText);
        const [start, end] = rangeOfValue(ctx.doc, reqPath);
        ctx.report({
          start,
          end,
          messageId: 'exceeds',
          data: {
            resource,
            request: String(req),
            limit: String(limits[resource]),
            container: typeof container.name === 'string' ? container.name : `#${Number(path[path.length - 1]) + 1}`,
          },
          fixes: edits ? [{ title: `Raise limits.${resource} to ${String(req)}`, edits, isPreferred: true }] : [],
        });
      }
    }
  },
};
