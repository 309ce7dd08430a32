// Where the pod template and its containers sit in each kind: the one table rules, the workspace
// index, the guide's notes, completion and refactors read.
import { getAt } from '../manifest/navigate';
import { entryOf } from '../text/tables';

/** Where the pod template sits in each kind that has one. */
export const POD_TEMPLATE_PATH: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export type Path = readonly (string | number)[];

/** Kinds whose objects hold containers. */
export const POD_KINDS: readonly string[] = [...Object.keys(POD_TEMPLATE_PATH), 'Pod'];

/** The pod template (`spec.template`, CronJob: `spec.jobTemplate.spec.template`); undefined for Pod and other kinds. */
export function podTemplatePath(kind: string): Path | undefined {
  return entryOf(POD_TEMPLATE_PATH, kind);
}

/**
 * Where the PodSpec sits in each kind: the template's spec, or `spec` of a Pod. Built once, frozen:
 * rules ask for it for every document they check (a new array per question was ~1 MB of garbage
 * per 500 documents checked).
 */
const POD_SPEC_PATH: Readonly<Record<string, Path>> = Object.freeze(
  Object.fromEntries([
    ...Object.entries(POD_TEMPLATE_PATH).map(([kind, t]) => [kind, Object.freeze([...t, 'spec'])]),
    ['Pod', Object.freeze(['spec'])],
  ]),
);

/** The PodSpec: the template's spec, or `spec` of a Pod. */
export function podSpecPath(kind: string): Path | undefined {
  return entryOf(POD_SPEC_PATH, kind);
}

export interface ContainerRef {
  readonly container: Record<string, unknown>;
  /** Path of the container item, e.g. ['spec','template','spec','containers',0]. */
  readonly path: Path;
  readonly list: 'containers' | 'initContainers';
}

/** Every container and init container of the object (items that are not mappings are skipped). */
export function containersOf(value: unknown, kind: string): ContainerRef[] {
  const spec = podSpecPath(kind);
  if (!spec) return [];
  const out: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const items = getAt(value, [...spec, list]);
    if (!Array.isArray(items)) continue;
    items.forEach((c, i) => {
      if (c && typeof c === 'object' && !Array.isArray(c))
        out.push({ container: c as Record<string, unknown>, path: [...spec, list, i], list });
    });
  }
  return out;
}
