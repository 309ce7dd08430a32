// missing-resources: a container without cpu/memory requests and limits.
import { removePair, replaceValue } from '../manifest/edit';
import { findNode, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { isMap } from 'yaml';
import { parseQuantity } from '../k8s/quantity';
import { composeEdits, tabStop, toSnippetEdits, withLazyFixes, withoutTabStops, type EditStep } from './fixText';
import { containersOf, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

const RESOURCES = ['cpu', 'memory'] as const;
type Section = 'requests' | 'limits';
const DEFAULTS: Record<Section, Record<(typeof RESOURCES)[number], string>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '512Mi' },
};

function section(resources: unknown, name: Section): Record<string, unknown> | undefined {
  const s = resources && typeof resources === 'object' ? (resources as Record<string, unknown>)[name] : undefined;
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : undefined;
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** A quantity's value as a number, or undefined when it does not parse. */
function amount(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  return parseQuantity(v);
}

/**
 * The limit to write for a missing one: the default, unless the container requests more (a limit
 * below its request is refused). A request is only missing when its limit is too, so a request
 * always gets the default.
 */
function limitFor(resource: (typeof RESOURCES)[number], request: unknown): string {
  const def = DEFAULTS.limits[resource];
  const requested = amount(request);
  return requested !== undefined && requested > amount(def)! ? String(request) : def;
}

/** "cpu/memory requests and no memory limit" in a message; the fix title joins with `and`. */
function describe(missing: readonly { section: Section; resource: string }[], joiner: string): string {
  const parts: string[] = [];
  for (const s of ['requests', 'limits'] as const) {
    const res = missing.filter((m) => m.section === s).map((m) => m.resource);
    if (res.length) parts.push(`${res.join('/')} ${res.length > 1 ? s : s.slice(0, -1)}`);
  }
  return parts.join(joiner);
}

export const missingResources: Rule = {
  meta: {
    id: 'missing-resources',
    name: 'Container without resource requests and limits',
    severity: 'warning',
    kinds: POD_KINDS,
    description: 'A container sets no cpu/memory requests or limits.',
    rationale:
      'Requests are what the scheduler reserves on a node; without them a pod lands on a node that cannot really hold it and is the ' +
      'first to be evicted. Limits cap what it may use; without them one pod can starve its neighbours. Every long-running example in ' +
      'the guide (the Qdrant StatefulSet, the LLM inference cache, node-exporter) sets both, sized for its job. A request left out is ' +
      'taken from the limit, so a container with limits only is covered.',
    guideSection: 'StatefulSet › AI Pattern: Vector Database (Qdrant)',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing: 'Container {{container}} has no {{missing}} — {{why}}; add them under resources.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    resources:\n' +
        '      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        cpu: 500m\n        memory: 512Mi\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const { container, path } of containersOf(ctx.value, ctx.object.kind)) {
      const requests = section(container.resources, 'requests');
      const limits = section(container.resources, 'limits');
      const missing: { section: Section; resource: (typeof RESOURCES)[number] }[] = [];
      for (const resource of RESOURCES) {
        // Kubernetes copies a missing request from the limit.
        if (!isSet(requests?.[resource]) && !isSet(limits?.[resource])) missing.push({ section: 'requests', resource });
      }
      for (const resource of RESOURCES) if (!isSet(limits?.[resource])) missing.push({ section: 'limits', resource });
      // A missing request implies a missing limit (see above): whatever is missing, a limit is.
      if (missing.length === 0) continue;

      const resourcesPath = [...path, 'resources'];
      const fixes = (): Fix[] => {
        const steps: EditStep[] = [];
        // `resources: {}` (what kubectl create writes) becomes a block map.
        const node = findNode(ctx.doc, resourcesPath);
        if (isMap(node) && node.flow && node.items.length === 0) steps.push((d) => removePair(d, resourcesPath));
        missing.forEach((m, i) => {
          const value = tabStop(
            i + 1,
            m.section === 'limits' ? limitFor(m.resource, requests?.[m.resource]) : DEFAULTS.requests[m.resource],
          );
          // replaceValue fills in an entry that is there but empty (`cpu: ""`, `memory:`) and inserts a missing one.
          steps.push((d) => replaceValue(d, [...resourcesPath, m.section, m.resource], value));
        });
        const marked = composeEdits(ctx.doc, steps);
        return marked
          ? [
              {
                title: missing.length === 4 ? 'Add resource requests and limits' : `Add the missing ${describe(missing, ' and ')}`,
                edits: withoutTabStops(marked),
                snippet: toSnippetEdits(marked),
                isPreferred: true,
              },
            ]
          : [];
      };
      const [start, end] = typeof container.name === 'string' ? rangeOfValue(ctx.doc, [...path, 'name']) : rangeOfKey(ctx.doc, path);
      ctx.report(
        withLazyFixes(
          {
            start,
            end,
            messageId: 'missing',
            data: {
              container: typeof container.name === 'string' ? container.name : `#${Number(path[path.length - 1]) + 1}`,
              missing: missing.length === 4 ? 'cpu/memory requests and limits' : describe(missing, ' and no '),
              why: `${missing.some((m) => m.section === 'requests') ? 'without requests the scheduler cannot reserve room for it, ' : ''}without limits it can use up its node and starve its neighbours`,
            },
          },
          fixes,
        ),
      );
    }
  },
};
