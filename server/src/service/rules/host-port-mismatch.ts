// host-port-mismatch: with `hostNetwork: true` the containers listen on the node's own network,
// so a port cannot be mapped: validateHostNetwork rejects a hostPort other than its containerPort.
import { removePair, replaceValue } from '../manifest/edit';
import { getAt, rangeOfValue } from '../manifest/navigate';
import { containersIn, isInt, objectItems, own } from './podParts';
import { podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

export const hostPortMismatch: Rule = {
  meta: {
    id: 'host-port-mismatch',
    name: 'hostPort differs from containerPort under hostNetwork',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A pod with `hostNetwork: true` whose container port has a `hostPort` different from its `containerPort`.',
    rationale:
      'With `hostNetwork: true` the pod shares the node’s network namespace: a process listening on 9100 listens on the node’s port 9100, ' +
      'and there is no port mapping between the two. The API server therefore requires every hostPort to equal its containerPort ("must ' +
      'match `containerPort` when `hostNetwork` is true"); left out, hostPort is set to the containerPort. To serve on another node port, ' +
      'change the port the process listens on and the containerPort together.',
    guideSection: 'Kubernetes API',
    source: '`validateHostNetwork`, pkg/apis/core/validation/validation.go (and `defaultHostNetworkPorts`, pkg/apis/core/v1/defaults.go)',
    fixable: true,
    onPatch: 'check',
    messages: {
      mismatch:
        'hostPort {{hostPort}} differs from containerPort {{containerPort}} in container {{container}}, but the pod uses hostNetwork: ' +
        'there is no port mapping, so the two must be equal.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: exporter\nspec:\n  hostNetwork: true\n  containers:\n  - name: exporter\n' +
        '    image: exporter:1.0.0\n    ports:\n    - containerPort: 9100\n      hostPort: 9101\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: exporter\nspec:\n  hostNetwork: true\n  containers:\n  - name: exporter\n' +
        '    image: exporter:1.0.0\n    ports:\n    - containerPort: 9100\n      hostPort: 9100\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec || own(getAt(ctx.value, spec), 'hostNetwork') !== true) return;
    // validateHostNetwork looks at the containers only.
    for (const { container, path, label } of containersIn(ctx.value, ctx.object.kind, ['containers'])) {
      for (const { item: port, path: portPath } of objectItems(container, ['ports'])) {
        const hostPort = own(port, 'hostPort');
        const containerPort = own(port, 'containerPort');
        // 0 or no hostPort is defaulted to the containerPort.
        if (!isInt(hostPort) || hostPort === 0 || !isInt(containerPort) || hostPort === containerPort) continue;
        const at = [...path, ...portPath, 'hostPort'];
        const [start, end] = rangeOfValue(ctx.doc, at);
        const fixes: Fix[] = [];
        const set = replaceValue(ctx.doc, at, String(containerPort));
        if (set) fixes.push({ title: `Set hostPort to ${containerPort}`, edits: set, isPreferred: true, safe: false });
        const remove = removePair(ctx.doc, at);
        if (remove) fixes.push({ title: 'Remove hostPort (it defaults to the containerPort)', edits: remove, safe: false });
        ctx.report({ start, end, messageId: 'mismatch', data: { hostPort, containerPort, container: label }, fixes });
      }
    }
  },
};
