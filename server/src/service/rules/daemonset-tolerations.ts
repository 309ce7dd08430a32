// daemonset-tolerations: a DaemonSet without tolerations skips tainted nodes (control plane included).
import { findPair, getAt, rangeOfKey } from '../manifest/navigate';
import { insertPair, replaceValue } from '../manifest/edit';
import { podSpecPath } from '../k8s/podSpec';
import type { Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';

export const daemonsetTolerations: Rule = {
  meta: {
    id: 'daemonset-tolerations',
    name: 'DaemonSet without tolerations',
    severity: 'information',
    kinds: ['DaemonSet'],
    description: 'A DaemonSet has no tolerations, so it does not run on tainted nodes such as control-plane nodes.',
    rationale:
      "A DaemonSet is meant to put one pod on every node, but the scheduler keeps its pods off any node with a taint they do not tolerate — control-plane nodes, GPU or dedicated node pools. Log collectors and monitoring agents usually need to run there too; the guide's node-exporter tolerates every taint with `operator: Exists`. If the DaemonSet should skip those nodes, list only the taints it may tolerate. A DaemonSet aimed at selected nodes (nodeSelector or required node affinity) is not checked.",
    guideSection: 'DaemonSet',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing:
        'This DaemonSet has no tolerations: its pods will not run on tainted nodes, including control-plane nodes, so it does not cover every node. Add a toleration with operator: Exists to run everywhere, or tolerate the specific taints it needs.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-exporter\nspec:\n  selector:\n    matchLabels:\n      app: node-exporter\n  template:\n    metadata:\n      labels:\n        app: node-exporter\n    spec:\n      containers:\n      - name: node-exporter\n        image: prom/node-exporter:v1.6.0\n',
      fixed:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-exporter\nspec:\n  selector:\n    matchLabels:\n      app: node-exporter\n  template:\n    metadata:\n      labels:\n        app: node-exporter\n    spec:\n      containers:\n      - name: node-exporter\n        image: prom/node-exporter:v1.6.0\n      tolerations:\n      - operator: Exists\n',
    },
  },
  check(ctx) {
    const podSpec = podSpecPath('DaemonSet')!;
    const spec = getAt(ctx.value, podSpec);
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const tolerations = (spec as Record<string, unknown>).tolerations;
    if (Array.isArray(tolerations) && tolerations.length > 0) return;
    if (tolerations !== undefined && tolerations !== null && !Array.isArray(tolerations)) return; // wrong type: schema rules
    // A DaemonSet aimed at selected nodes (nodeSelector or required node affinity) is not meant for every node.
    const selector = (spec as Record<string, unknown>).nodeSelector;
    if (selector && typeof selector === 'object' && Object.keys(selector).length > 0) return;
    if (getAt(spec, ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution']) !== undefined) return;
    const fixes: Fix[] = [];
    // `tolerations: []` or an empty `tolerations:` is filled in place; otherwise the key is added.
    const edits = keepsYamlValid(
      ctx.doc,
      findPair(ctx.doc, [...podSpec, 'tolerations'])
        ? replaceValue(ctx.doc, [...podSpec, 'tolerations'], '[{operator: Exists}]')
        : insertPair(ctx.doc, podSpec, 'tolerations', ['- operator: Exists']),
    );
    if (edits) fixes.push({ title: 'Add a toleration for every taint (operator: Exists)', edits, isPreferred: true });
    const [start, end] = rangeOfKey(ctx.doc, [...podSpec, 'tolerations']);
    ctx.report({ start, end, messageId: 'missing', fixes });
  },
};
