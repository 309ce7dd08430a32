// run-as-non-root: the guide's best practice of refusing to start containers as root
// (securityContext.runAsNonRoot: true on the pod, or on every container).
import type { Node } from 'yaml';
import { insertPair, removePair, replaceValue } from '../manifest/edit';
import { findPair, getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import type { ManifestDocument } from '../manifest/types';
import { containersOf, podSpecPath, POD_KINDS, type ContainerRef, type Path } from '../k8s/podSpec';
import { withLazyFixes } from './fixText';
import { containerName, removeRunAsUser } from './run-as-non-root-conflict';
import type { DocEdit, Fix, Rule } from './types';

/**
 * The edits that set runAsNonRoot: true at `nonRootPath` (a pod's or a container's securityContext)
 * without writing the pair the kubelet refuses — runAsNonRoot: true with runAsUser: 0, see
 * run-as-non-root-conflict: every runAsUser: 0 that an `affected` container (one that takes the new
 * value) would run with goes too.
 */
function setNonRoot(
  doc: ManifestDocument,
  value: unknown,
  spec: Path,
  nonRootPath: Path,
  affected: readonly ContainerRef[],
): DocEdit[] | undefined {
  const scPath = nonRootPath.slice(0, -1);
  const podLevel = scPath.length === spec.length + 1;
  const podUserPath = [...spec, 'securityContext', 'runAsUser'];
  const ownZero: Path[] = [];
  let podZero = false;
  for (const c of affected) {
    const own = getAt(c.container, ['securityContext', 'runAsUser']);
    if (own === 0) ownZero.push([...c.path, 'securityContext', 'runAsUser']);
    else if ((own === undefined || own === null) && getAt(value, podUserPath) === 0) podZero = true;
  }
  // The zero beside the new runAsNonRoot, and the zeros in other securityContexts.
  const zeroHere = podLevel ? podZero : ownZero.length > 0;
  const zerosElsewhere = podLevel ? ownZero : podZero ? [podUserPath] : [];
  const edits: DocEdit[] = [];
  if (zeroHere && getAt(value, nonRootPath) === undefined) {
    // `runAsUser: 0` becomes `runAsNonRoot: true` in place: one edit, in a block or a flow map.
    const pair = findPair(doc, [...scPath, 'runAsUser']);
    const k = (pair?.key as Node | undefined)?.range;
    const v = (pair?.value as Node | null | undefined)?.range;
    if (!k || !v) return undefined;
    edits.push({ start: k[0], end: v[1], newText: 'runAsNonRoot: true' });
  } else {
    // replaceValue inserts securityContext and the key when they are missing (in a block map; a flow-style pod spec gets a flow value).
    const set =
      replaceValue(doc, nonRootPath, 'true') ??
      (getAt(value, scPath) === undefined ? insertPair(doc, scPath.slice(0, -1), 'securityContext', '{runAsNonRoot: true}') : undefined);
    if (!set) return undefined;
    edits.push(...set);
    if (zeroHere) {
      const rm = removePair(doc, [...scPath, 'runAsUser']);
      if (!rm) return undefined;
      edits.push(...rm);
    }
  }
  for (const z of zerosElsewhere) {
    const rm = removeRunAsUser(doc, value, z);
    if (!rm) return undefined;
    edits.push(...rm);
  }
  return edits;
}

export const runAsNonRoot: Rule = {
  meta: {
    id: 'run-as-non-root',
    name: 'Containers may run as root',
    severity: 'information',
    kinds: POD_KINDS,
    description: 'Neither the pod securityContext nor every container sets runAsNonRoot: true (or a non-zero runAsUser).',
    rationale:
      'With runAsNonRoot: true the kubelet refuses to start a container whose image would run as UID 0, so a compromised process ' +
      "does not hold root inside the container. The guide's vector-database example sets it at the pod level together with " +
      'runAsUser and fsGroup; one pod-level setting covers every container. A non-zero runAsUser also rules out root and counts.',
    guideSection: 'StatefulSet › AI Pattern: Vector Database (Qdrant)',
    fixable: true,
    onPatch: {
      skipMessages: ['missing', 'podFalse'],
      skipped: 'containers that do not set runAsNonRoot themselves (a container’s own runAsNonRoot: false is still reported)',
    },
    messages: {
      missing:
        'Neither the pod nor {{containers}} {{sets}} runAsNonRoot: true (or a non-zero runAsUser), so {{them}} may run as root — add ' +
        'securityContext.runAsNonRoot: true to the pod spec.',
      podFalse: 'The pod sets runAsNonRoot: false, so containers that do not override it may run as root — set it to true.',
      containerFalse: 'Container {{container}} sets runAsNonRoot: false and may run as root — set it to true.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '  securityContext:\n    runAsNonRoot: true\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const spec = podSpecPath(kind);
    if (!spec) return;
    const containers = containersOf(ctx.value, kind);
    if (containers.length === 0) return;
    const podPath = [...spec, 'securityContext', 'runAsNonRoot'];
    const pod = getAt(ctx.value, podPath);
    const podUser = getAt(ctx.value, [...spec, 'securityContext', 'runAsUser']);
    const uncovered: ContainerRef[] = [];
    const underPodFalse: ContainerRef[] = [];
    for (const c of containers) {
      const own = getAt(c.container, ['securityContext', 'runAsNonRoot']);
      const ownUser = getAt(c.container, ['securityContext', 'runAsUser']);
      const nonRoot = own === true || own === false ? own : pod;
      const user = ownUser ?? podUser;
      // A non-zero runAsUser cannot be root either (the kubelet's own check accepts it).
      if (nonRoot === true || (typeof user === 'number' && user > 0)) continue;
      if (own === false) {
        const p = [...c.path, 'securityContext', 'runAsNonRoot'];
        const value = ctx.value;
        const [start, end] = rangeOfValue(ctx.doc, p);
        ctx.report(
          withLazyFixes({ start, end, messageId: 'containerFalse', data: { container: containerName(c) } }, () => {
            const edits = setNonRoot(ctx.doc, value, spec, p, [c]);
            return edits ? [{ title: 'Set runAsNonRoot: true', edits, isPreferred: true }] : [];
          }),
        );
      } else if (pod === false) underPodFalse.push(c);
      else uncovered.push(c);
    }
    // Setting the pod's value reaches every container without a runAsNonRoot of its own.
    const inheriting = containers.filter((c) => typeof getAt(c.container, ['securityContext', 'runAsNonRoot']) !== 'boolean');
    if (underPodFalse.length) {
      const value = ctx.value;
      const [start, end] = rangeOfValue(ctx.doc, podPath);
      ctx.report(
        withLazyFixes({ start, end, messageId: 'podFalse' }, () => {
          const edits = setNonRoot(ctx.doc, value, spec, podPath, inheriting);
          return edits ? [{ title: 'Set runAsNonRoot: true', edits, isPreferred: true }] : [];
        }),
      );
    }
    if (uncovered.length === 0) return;
    const value = ctx.value;
    const fixes = (): Fix[] => {
      const edits = setNonRoot(ctx.doc, value, spec, podPath, inheriting);
      return edits ? [{ title: 'Add securityContext.runAsNonRoot: true to the pod', edits, isPreferred: true }] : [];
    };
    const [start, end] = rangeOfKey(ctx.doc, spec);
    const names = uncovered.map(containerName);
    ctx.report(
      withLazyFixes(
        {
          start,
          end,
          messageId: 'missing',
          data: {
            containers: names.length === 1 ? `container ${names[0]}` : `containers ${names.join(', ')}`,
            them: names.length === 1 ? 'it' : 'they',
            sets: names.length === 1 ? 'sets' : 'set',
          },
        },
        fixes,
      ),
    );
  },
};
