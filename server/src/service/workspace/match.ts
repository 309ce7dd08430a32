// How objects of the workspace index relate to each other: namespaces, label selectors, and the
// kinds whose pods we can see. Shared by the cross-document rules, navigation and completions.
import { POD_TEMPLATE_PATH } from '../k8s/podSpec';
import type { IndexedObject, WorkspaceView } from './types';
import { selectorMatches, type Labels } from '../k8s/labels';
import { entryOf } from '../text/tables';

export { selectorMatches } from '../k8s/labels';

/**
 * The namespace an object lands in. An absent `metadata.namespace` means "the namespace the
 * manifest is applied to", which for a repository of manifests is the same for every file that
 * sets none; we treat it as `default`, so it matches other absent namespaces and `default`.
 */
export function namespaceOf(o: { readonly namespace?: string }): string {
  return o.namespace && o.namespace.trim() ? o.namespace : 'default';
}

export function sameNamespace(a: { readonly namespace?: string }, b: { readonly namespace?: string }): boolean {
  return namespaceOf(a) === namespaceOf(b);
}

/** Objects that make pods: workloads with a pod template, and bare Pods. */
export function makesPods(o: Pick<IndexedObject, 'kind'>): boolean {
  return o.kind === 'Pod' || entryOf(POD_TEMPLATE_PATH, o.kind) !== undefined;
}

/** Built-in API groups have no dot (`apps`, `batch`, core `v1`) or end in `.k8s.io`; anything else is a custom resource. */
export function isCustomResource(o: Pick<IndexedObject, 'apiVersion'>): boolean {
  const slash = o.apiVersion.indexOf('/');
  if (slash < 0) return false;
  const group = o.apiVersion.slice(0, slash);
  return group.includes('.') && !group.endsWith('.k8s.io');
}

/**
 * Lookup tables over a list of objects, each built once per list: WorkspaceIndex hands out the same
 * list until the index changes, and every Service or StatefulSet of a 2,000-document file asks, so
 * scanning the list each time was quadratic. (A view that makes a new list per call gets no reuse
 * and costs one scan per call, as before.)
 */
const tables = new WeakMap<object, Map<string, Map<string, IndexedObject[]>>>();

function table(
  objects: Iterable<IndexedObject>,
  name: string,
  keysOf: (o: IndexedObject) => readonly string[] | undefined,
): Map<string, IndexedObject[]> {
  let byName = tables.get(objects);
  if (!byName) tables.set(objects, (byName = new Map()));
  let t = byName.get(name);
  if (!t) {
    t = new Map();
    for (const o of objects)
      for (const key of keysOf(o) ?? []) {
        const list = t.get(key);
        if (list) list.push(o);
        else t.set(key, [o]);
      }
    byName.set(name, t);
  }
  return t;
}

const key = (...parts: string[]) => parts.join('\u0000');

/** Services named `name` in the namespace of `from`. */
export function servicesNamed(workspace: WorkspaceView, name: string, from: { readonly namespace?: string }): IndexedObject[] {
  const t = table(workspace.objects('Service'), 'name', (o) => (o.name === undefined ? undefined : [key(namespaceOf(o), o.name)]));
  return [...(t.get(key(namespaceOf(from), name)) ?? [])];
}

/** StatefulSets whose spec.serviceName is `name`, in the namespace of `from`. */
export function statefulSetsGovernedBy(workspace: WorkspaceView, name: string, from: { readonly namespace?: string }): IndexedObject[] {
  const t = table(workspace.objects('StatefulSet'), 'serviceName', (o) =>
    o.serviceName === undefined ? undefined : [key(namespaceOf(o), o.serviceName)],
  );
  return [...(t.get(key(namespaceOf(from), name)) ?? [])];
}

/** The objects of a table that carry the selector's first label pair (in `scope`), kept when the whole selector matches. */
function matching(
  t: Map<string, IndexedObject[]>,
  scope: string,
  selector: Labels | undefined,
  labelsOf: (o: IndexedObject) => Labels | undefined,
): IndexedObject[] {
  const first = selector ? Object.entries(selector)[0] : undefined;
  if (!first) return [];
  return (t.get(key(scope, first[0], first[1])) ?? []).filter((o) => selectorMatches(selector, labelsOf(o)));
}

const labelPairs = (scope: string, labels: Labels | undefined) => labels && Object.entries(labels).map(([k, v]) => key(scope, k, v));

/**
 * The objects of a list (in its order) whose pod labels `selector` selects: looked up by the
 * selector's first label pair in an index of the list's pod labels, then checked whole.
 */
export function selectedBy(objects: Iterable<IndexedObject>, selector: Labels | undefined): IndexedObject[] {
  const t = table(objects, 'podLabels', (o) => labelPairs('', o.podLabels));
  return matching(t, '', selector, (o) => o.podLabels);
}

/** Objects with a pod template (or Pods) in the namespace of `from` whose pod labels the selector selects. */
export function podTemplatesSelectedBy(
  workspace: WorkspaceView,
  selector: Labels | undefined,
  from: { readonly namespace?: string },
): IndexedObject[] {
  const labelsOf = (o: IndexedObject) => (makesPods(o) ? o.podLabels : undefined);
  const t = table(workspace.objects(), 'podTemplates', (o) => labelPairs(namespaceOf(o), labelsOf(o)));
  return matching(t, namespaceOf(from), selector, labelsOf);
}

/** True when a headless Service: `clusterIP: None` (the API accepts the exact string "None"). */
export function isHeadless(clusterIP: unknown): boolean {
  return clusterIP === 'None';
}
