// missing-resources: a container without cpu/memory requests and limits.
import { insertPair, removePair } from '../manifest/edit';
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
 * The value to write for a missing entry: the default, unless it would clash with the other side
 * (a default limit below an existing request, or a default request above an existing limit).
 */
function valueFor(sectionName: Section, resource: (typeof RESOURCES)[number], other: unknown): string {
  const def = DEFAULTS[sectionName][resource];
  const o = amount(other);
  const d = amount(def);
  if (o === undefined || d === undefined || !(typeof other === 'string' || typeof other === 'number')) return def;
  const clash = sectionName === 'limits' ? o > d : o < d;
  return clash ? String(other) : def;
}

function describe(missing: readonly { section: Section; resource: string }[]): string {
  const parts: string[] = [];
  for (const s of ['requests', 'limits'] as const) {
    const res = missing.filter((m) => m.section === s).map((m) => m.resource);
    if (res.length) parts.push(`${res.join('/')} ${res.length > 1 ? s : s.slice(0, -1)}`);
  }
  return parts.join(' and no ');
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
      if (missing.length === 0) continue;

      const resourcesPath = [...path, 'resources'];
      const fixes = (): Fix[] => {
        const steps: EditStep[] = [];
        // `resources: {}` (what kubectl create writes) becomes a block map.
        const node = findNode(ctx.doc, resourcesPath);
        if (isMap(node) && node.flow && node.items.length === 0) steps.push((d) => removePair(d, resourcesPath));
        missing.forEach((m, i) => {
          const other = m.section === 'limits' ? requests?.[m.resource] : limits?.[m.resource];
          const value = tabStop(i + 1, valueFor(m.section, m.resource, other));
          steps.push((d) => insertPair(d, [...resourcesPath, m.section], m.resource, value));
        });
        let marked = composeEdits(ctx.doc, steps);
        if (!marked && container.resources === undefined) {
          // A flow-style container ({name: web, image: …}) gets a flow-style resources value.
          const flow = (section: Section) =>
            `${section}: {${missing
              .filter((m) => m.section === section)
              .map((m) => `${m.resource}: ${tabStop(missing.indexOf(m) + 1, valueFor(m.section, m.resource, undefined))}`)
              .join(', ')}}`;
          marked = composeEdits(ctx.doc, [(d) => insertPair(d, path, 'resources', `{${flow('requests')}, ${flow('limits')}}`)]);
        }
        return marked
          ? [
              {
                title: missing.length === 4 ? 'Add resource requests and limits' : `Add the missing ${describe(missing)}`,
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
              missing: missing.length === 4 ? 'cpu/memory requests and limits' : describe(missing),
              why: [
                missing.some((m) => m.section === 'requests') ? 'without requests the scheduler cannot reserve room for it' : '',
                missing.some((m) => m.section === 'limits') ? 'without limits it can use up its node and starve its neighbours' : '',
              ]
                .filter(Boolean)
                .join(', '),
            },
          },
          fixes,
        ),
      );
    }
  },
};
