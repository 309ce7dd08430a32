// run-as-non-root-conflict: runAsNonRoot: true together with runAsUser: 0. The API server accepts the
// pair, but the kubelet refuses to create the container ("container's runAsUser breaks non-root
// policy"), so the pod stays in CreateContainerConfigError and never runs.
import { removePair, replaceValue } from '../manifest/edit';
import { getAt, rangeOfValue } from '../manifest/navigate';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import { containersOf, podSpecPath, POD_KINDS, type ContainerRef, type Path } from '../k8s/podSpec';
import type { DocEdit, Fix, Rule } from './types';

/** The non-root UID of the guide's own example (Qdrant: runAsNonRoot: true, runAsUser: 1000). */
export const GUIDE_NON_ROOT_UID = 1000;

/** What a container runs with: its own securityContext value, else the pod's (null counts as unset, as in the API). */
export function effectiveSecurity(
  value: unknown,
  spec: Path,
  c: ContainerRef,
): { nonRoot: unknown; user: unknown; userPath: Path; ownNonRoot: unknown; ownUser: unknown } {
  const ownNonRoot = getAt(c.container, ['securityContext', 'runAsNonRoot']);
  const ownUser = getAt(c.container, ['securityContext', 'runAsUser']);
  const podNonRoot = getAt(value, [...spec, 'securityContext', 'runAsNonRoot']);
  const podUser = getAt(value, [...spec, 'securityContext', 'runAsUser']);
  const ownSet = ownUser !== undefined && ownUser !== null;
  return {
    nonRoot: ownNonRoot ?? podNonRoot,
    user: ownSet ? ownUser : podUser,
    // Where the user comes from (the pod's path also when neither sets one: then there is no user to report).
    userPath: ownSet ? [...c.path, 'securityContext', 'runAsUser'] : [...spec, 'securityContext', 'runAsUser'],
    ownNonRoot,
    ownUser,
  };
}

/**
 * Edits that remove `securityContext.runAsUser` at `userPath`: the whole securityContext when
 * runAsUser is its only key (no empty `securityContext:` left behind), else the one pair.
 */
export function removeRunAsUser(doc: ManifestDocument, value: unknown, userPath: JsonPath): DocEdit[] | undefined {
  const scPath = userPath.slice(0, -1);
  const sc = getAt(value, scPath);
  const only = sc !== null && typeof sc === 'object' && !Array.isArray(sc) && Object.keys(sc).length === 1;
  return removePair(doc, only ? scPath : userPath);
}

export const containerName = (c: ContainerRef): string =>
  typeof c.container.name === 'string' ? c.container.name : `#${Number(c.path[c.path.length - 1]) + 1}`;

export const runAsNonRootConflict: Rule = {
  meta: {
    id: 'run-as-non-root-conflict',
    name: 'runAsNonRoot: true with runAsUser: 0',
    severity: 'error',
    kinds: POD_KINDS,
    description:
      'A container gets runAsNonRoot: true and runAsUser: 0 (from the pod or its own securityContext; the container’s value wins), so the kubelet refuses to start it.',
    rationale:
      'runAsNonRoot: true tells the kubelet to refuse a container that would run as UID 0, and runAsUser: 0 makes it run as UID 0. ' +
      'The API server accepts the pair, but the kubelet does not create the container ("container\'s runAsUser breaks non-root ' +
      'policy"): the pod stays in CreateContainerConfigError and never runs. Each field is resolved separately — a container’s own ' +
      "value wins over the pod's — so the pair can come from two levels. The guide's Qdrant example pairs runAsNonRoot: true with " +
      'runAsUser: 1000.',
    guideSection: 'StatefulSet › AI Pattern: Vector Database (Qdrant)',
    fixable: true,
    onPatch: 'check',
    messages: {
      conflict:
        'runAsUser: 0 is root, but runAsNonRoot: true forbids root: the kubelet refuses to start {{containers}} ' +
        "(CreateContainerConfigError: container's runAsUser breaks non-root policy) — remove runAsUser: 0 or set a non-zero user.",
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n' +
        '  containers:\n  - name: web\n    image: web:1.0.0\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const spec = podSpecPath(kind);
    if (!spec) return;
    const podUserPath = [...spec, 'securityContext', 'runAsUser'];
    // One report per runAsUser: 0 that some non-root container runs with.
    const bySource = new Map<string, { path: Path; containers: ContainerRef[] }>();
    for (const c of containersOf(ctx.value, kind)) {
      const e = effectiveSecurity(ctx.value, spec, c);
      if (e.nonRoot !== true || e.user !== 0) continue;
      const key = JSON.stringify(e.userPath);
      const entry = bySource.get(key) ?? { path: e.userPath, containers: [] };
      entry.containers.push(c);
      bySource.set(key, entry);
    }
    for (const { path, containers } of bySource.values()) {
      const fixes: Fix[] = [];
      const removal = removeRunAsUser(ctx.doc, ctx.value, path);
      // A container whose own 0 goes falls back to the pod's runAsUser: a 0 there must go as well.
      const fallsBackToZero = path.length !== podUserPath.length && getAt(ctx.value, podUserPath) === 0;
      const podRemoval = fallsBackToZero ? removeRunAsUser(ctx.doc, ctx.value, podUserPath) : [];
      if (removal && podRemoval)
        fixes.push({
          title: fallsBackToZero ? 'Remove runAsUser: 0 (here and on the pod)' : 'Remove runAsUser: 0',
          edits: [...removal, ...podRemoval],
          isPreferred: true,
        });
      const change = replaceValue(ctx.doc, path, String(GUIDE_NON_ROOT_UID));
      if (change) fixes.push({ title: `Set runAsUser: ${GUIDE_NON_ROOT_UID}`, edits: change });
      const names = containers.map(containerName);
      const [start, end] = rangeOfValue(ctx.doc, path);
      ctx.report({
        start,
        end,
        messageId: 'conflict',
        data: { containers: names.length === 1 ? `container ${names[0]}` : `containers ${names.join(', ')}` },
        fixes,
      });
    }
  },
};
