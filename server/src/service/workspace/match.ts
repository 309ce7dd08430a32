// How objects of the workspace index relate to each other: namespaces, label selectors, and the
// kinds whose pods we can see. Shared by the cross-document rules, navigation and completions.
import { POD_TEMPLATE_PATH } from '../k8s/podSpec';
import type { IndexedObject, WorkspaceView } from './types';
import { selectorMatches, type Labels } from '../k8s/labels';

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
  return o.kind === 'Pod' || POD_TEMPLATE_PATH[o.kind] !== undefined;
}

/** Built-in API groups have no dot (`apps`, `batch`, core `v1`) or end in `.k8s.io`; anything else is a custom resource. */
export function isCustomResource(o: Pick<IndexedObject, 'apiVersion'>): boolean {
  const slash = o.apiVersion.indexOf('/');
  if (slash < 0) return false;
  const group = o.apiVersion.slice(0, slash);
  return group.includes('.') && !group.endsWith('.k8s.io');
}

/** Services named `name` in the namespace of `from`. */
export function servicesNamed(workspace: WorkspaceView, name: string, from: { readonly namespace?: string }): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const o of workspace.objects('Service')) if (o.name === name && sameNamespace(o, from)) out.push(o);
  return out;
}

/** StatefulSets whose spec.serviceName is `name`, in the namespace of `from`. */
export function statefulSetsGovernedBy(workspace: WorkspaceView, name: string, from: { readonly namespace?: string }): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const o of workspace.objects('StatefulSet')) if (o.serviceName === name && sameNamespace(o, from)) out.push(o);
  return out;
}

/** Objects with a pod template (or Pods) in the namespace of `from` whose pod labels the selector selects. */
export function podTemplatesSelectedBy(
  workspace: WorkspaceView,
  selector: Labels | undefined,
  from: { readonly namespace?: string },
): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const o of workspace.objects()) if (makesPods(o) && sameNamespace(o, from) && selectorMatches(selector, o.podLabels)) out.push(o);
  return out;
}

/** True when a headless Service: `clusterIP: None` (the API accepts the exact string "None"). */
export function isHeadless(clusterIP: unknown): boolean {
  return clusterIP === 'None';
}
