// run-as-non-root: the guide's best practice of refusing to start containers as root
// (securityContext.runAsNonRoot: true on the pod, or on every container).
import { insertPair, replaceValue } from '../manifest/edit';
import { getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { containersOf, podSpecPath, POD_KINDS, type ContainerRef } from '../k8s/podSpec';
import type { JsonPath } from '../manifest/types';
import { withLazyFixes } from './fixText';
import type { Fix, Rule } from './types';

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
    const setTrue = (p: JsonPath): Fix[] => {
      const edits = replaceValue(ctx.doc, p, 'true');
      return edits ? [{ title: 'Set runAsNonRoot: true', edits, isPreferred: true }] : [];
    };
    const name = (c: ContainerRef) =>
      typeof c.container.name === 'string' ? c.container.name : `#${Number(c.path[c.path.length - 1]) + 1}`;
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
        const [start, end] = rangeOfValue(ctx.doc, p);
        ctx.report(withLazyFixes({ start, end, messageId: 'containerFalse', data: { container: name(c) } }, () => setTrue(p)));
      } else if (pod === false) underPodFalse.push(c);
      else uncovered.push(c);
    }
    if (underPodFalse.length) {
      const [start, end] = rangeOfValue(ctx.doc, podPath);
      ctx.report(withLazyFixes({ start, end, messageId: 'podFalse' }, () => setTrue(podPath)));
    }
    if (uncovered.length === 0) return;
    const value = ctx.value;
    const fixes = (): Fix[] => {
      // replaceValue inserts securityContext and the key when they are missing (in a block map; a flow-style pod spec gets a flow value).
      const edits =
        replaceValue(ctx.doc, podPath, 'true') ??
        (getAt(value, [...spec, 'securityContext']) === undefined
          ? insertPair(ctx.doc, spec, 'securityContext', '{runAsNonRoot: true}')
          : undefined);
      return edits ? [{ title: 'Add securityContext.runAsNonRoot: true to the pod', edits, isPreferred: true }] : [];
    };
    const [start, end] = rangeOfKey(ctx.doc, spec);
    const names = uncovered.map(name);
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
