// service-not-headless: a Service that some StatefulSet names in serviceName, but that has a
// cluster IP. The governing Service of a StatefulSet must be headless (clusterIP: None).
import { findNode, getAt, rangeOfValue } from '../manifest/navigate';
import { insertPair, replaceValue } from '../manifest/edit';
import type { ManifestFile } from '../manifest/types';
import { isHeadless, sameNamespace, statefulSetsGovernedBy } from '../workspace/match';
import type { Fix, CrossDocumentRule } from './types';

/** The StatefulSets of each file by their serviceName, built once per parsed file (every Service of the file asks). */
const governedInFile = new WeakMap<ManifestFile, Map<string, { name: string; object: { namespace?: string } }[]>>();

/** StatefulSets of this file naming the Service (the index holds them too; this keeps the rule right without it). */
function governingInFile(file: ManifestFile, name: string, from: { namespace?: string }): string[] {
  let byServiceName = governedInFile.get(file);
  if (!byServiceName) {
    byServiceName = new Map();
    for (const d of file.documents) {
      const serviceName = d.object?.kind === 'StatefulSet' ? getAt(d.value, ['spec', 'serviceName']) : undefined;
      if (!d.object || typeof serviceName !== 'string') continue;
      const list = byServiceName.get(serviceName) ?? [];
      list.push({ name: d.object.name ?? '(unnamed)', object: d.object });
      byServiceName.set(serviceName, list);
    }
    governedInFile.set(file, byServiceName);
  }
  return (byServiceName.get(name) ?? []).filter((s) => sameNamespace(s.object, from)).map((s) => s.name);
}

export const serviceNotHeadless: CrossDocumentRule = {
  meta: {
    id: 'service-not-headless',
    name: "A StatefulSet's governing Service is not headless",
    severity: 'warning',
    kinds: ['Service'],
    description: 'A Service that a StatefulSet names in `serviceName` has a cluster IP instead of `clusterIP: None`.',
    rationale:
      'The per-pod DNS records a StatefulSet promises (`postgres-0.postgres.default.svc.cluster.local`) are published only by a headless Service — ' +
      'one with `clusterIP: None`. A normal Service load-balances across the pods behind one virtual IP, so clients cannot address ' +
      'the primary or a given shard, which is the reason to run a StatefulSet in the first place. Note that `clusterIP` cannot be changed on ' +
      'an existing Service: delete it and create it again. If you also need a load-balanced or external address, keep it as a second Service.',
    guideSection: 'StatefulSet — DNS Resolution; Headless Service',
    fixable: true,
    onPatch: {
      skipMessages: ['notHeadless'],
      skipped: 'a Service without clusterIP: None (a type other than ClusterIP is still reported)',
    },
    crossDocument: true,
    messages: {
      notHeadless:
        'Service {{service}} is the governing Service of StatefulSet {{statefulSets}} (its serviceName) but is not headless{{current}}: ' +
        'the pods get no stable DNS names like {{first}}-0.{{service}}. Set clusterIP: None.',
      wrongType:
        'Service {{service}} is the governing Service of StatefulSet {{statefulSets}} but has type {{type}}, which cannot be headless: ' +
        'add a separate Service with clusterIP: None for serviceName and keep this one for outside access.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.4\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  selector:\n    app: postgres\n  ports:\n    - port: 5432\n',
      fixed:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.4\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  selector:\n    app: postgres\n  ports:\n    - port: 5432\n  clusterIP: None\n',
    },
  },
  check(ctx) {
    const object = ctx.object;
    const name = object?.name;
    if (!object || !name) return;
    const names = new Set(statefulSetsGovernedBy(ctx.workspace, name, object).map((o) => o.name ?? '(unnamed)'));
    for (const n of governingInFile(ctx.file, name, object)) names.add(n);
    if (names.size === 0) return;
    const clusterIP = getAt(ctx.value, ['spec', 'clusterIP']);
    if (isHeadless(clusterIP)) return;
    const statefulSets = [...names].sort().join(', ');
    const type = getAt(ctx.value, ['spec', 'type']);
    const hasClusterIP = findNode(ctx.doc, ['spec', 'clusterIP']) !== undefined;
    const [start, end] = hasClusterIP ? rangeOfValue(ctx.doc, ['spec', 'clusterIP']) : rangeOfValue(ctx.doc, ['metadata', 'name']);
    if (typeof type === 'string' && type !== 'ClusterIP') {
      ctx.report({ start, end, messageId: 'wrongType', data: { service: name, statefulSets, type } });
      return;
    }
    const fixes: Fix[] = [];
    // clusterIPs (dual-stack) must agree with clusterIP; leave that rare case to the user.
    if (getAt(ctx.value, ['spec', 'clusterIPs']) === undefined) {
      const edits = hasClusterIP
        ? replaceValue(ctx.doc, ['spec', 'clusterIP'], 'None')
        : insertPair(ctx.doc, ['spec'], 'clusterIP', 'None');
      if (edits) fixes.push({ title: 'Make the Service headless (clusterIP: None)', edits, isPreferred: true });
    }
    ctx.report({
      start,
      end,
      messageId: 'notHeadless',
      data: {
        service: name,
        statefulSets,
        first: [...names].sort()[0],
        current: typeof clusterIP === 'string' ? ` (clusterIP: ${clusterIP})` : ' (no clusterIP: None)',
      },
      fixes,
    });
  },
};
