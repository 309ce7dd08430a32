// service-ports: Service ports the API server rejects in combination: a nodePort on a ClusterIP
// Service (the default type), two ports with the same port and protocol, two with the same
// nodePort and protocol (ValidateService). Duplicate port names are duplicate-name's.
import { insertPair, removePair, replaceValue } from '../manifest/edit';
import { rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { isInt, objectItems, own } from './podParts';
import type { Fix, Rule } from './types';

export const servicePorts: Rule = {
  meta: {
    id: 'service-ports',
    name: 'Service ports the API server rejects',
    severity: 'error',
    kinds: ['Service'],
    description:
      'A `nodePort` on a ClusterIP Service (the default type), or two ports of a Service with the same port (or nodePort) and protocol.',
    rationale:
      'Only NodePort and LoadBalancer Services open a port on every node, so the API server rejects a `nodePort` when `type` is ClusterIP — ' +
      'also when `type` is left out, since ClusterIP is the default ("may not be used when `type` is \'ClusterIP\'"). This often appears after ' +
      'changing a NodePort Service back to ClusterIP. A Service also cannot listen twice on one port and protocol, nor claim one node port ' +
      'twice ("Duplicate value"); TCP is the default protocol. (Two ports with the same name are reported by duplicate-name.)',
    guideSection: 'Kubernetes API',
    source:
      '`ValidateService` (nodePort with type ClusterIP, duplicate port/protocol and nodePort/protocol), pkg/apis/core/validation/validation.go',
    fixable: true,
    onPatch: {
      skipMessages: ['nodePortOnClusterIP'],
      skipped: 'a nodePort when the patch does not set the type (the base may be a NodePort Service)',
    },
    messages: {
      nodePortOnClusterIP:
        'nodePort {{nodePort}} is not allowed on a Service of type ClusterIP{{defaulted}}: remove it, or set type: NodePort (or LoadBalancer) to open it on every node.',
      duplicatePort:
        'Port {{port}}/{{protocol}} is already defined by ports[{{first}}]: a Service may listen only once on a port and protocol.',
      duplicateNodePort:
        'nodePort {{nodePort}}/{{protocol}} is already used by ports[{{first}}]: each port of a Service needs its own node port.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 30080\n',
      fixed: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    },
  },
  check(ctx) {
    if (!ctx.value) return;
    const spec = own(ctx.value, 'spec');
    const type = own(spec, 'type');
    // undefined and null default to ClusterIP; other non-strings are invalid-value's.
    const clusterIP = type === undefined || type === null || type === 'ClusterIP';
    const ports = objectItems(ctx.value, ['spec', 'ports']);
    const byPort = new Map<string, number>();
    const byNodePort = new Map<string, number>();
    for (const { item, path, index } of ports) {
      const protocol = typeof own(item, 'protocol') === 'string' ? (own(item, 'protocol') as string) : 'TCP';
      const port = own(item, 'port');
      if (isInt(port)) {
        const key = `${port}/${protocol}`;
        const first = byPort.get(key);
        if (first === undefined) byPort.set(key, index);
        else {
          const [start, end] = rangeOfValue(ctx.doc, [...path, 'port']);
          ctx.report({ start, end, messageId: 'duplicatePort', data: { port, protocol, first } });
        }
      }
      const nodePort = own(item, 'nodePort');
      if (!isInt(nodePort) || nodePort === 0) continue;
      if (clusterIP) {
        const [start, end] = rangeOfKey(ctx.doc, [...path, 'nodePort']);
        const fixes: Fix[] = [];
        const remove = removePair(ctx.doc, [...path, 'nodePort']);
        if (remove) fixes.push({ title: 'Remove nodePort', edits: remove, isPreferred: true, safe: false });
        const setType =
          type === undefined ? insertPair(ctx.doc, ['spec'], 'type', 'NodePort') : replaceValue(ctx.doc, ['spec', 'type'], 'NodePort');
        if (setType) fixes.push({ title: 'Set type: NodePort', edits: setType, safe: false });
        ctx.report({
          start,
          end,
          messageId: 'nodePortOnClusterIP',
          data: { nodePort, defaulted: typeof type === 'string' ? '' : ' (the default when type is not set)' },
          fixes,
        });
        continue;
      }
      const key = `${nodePort}/${protocol}`;
      const first = byNodePort.get(key);
      if (first === undefined) byNodePort.set(key, index);
      else {
        const [start, end] = rangeOfValue(ctx.doc, [...path, 'nodePort']);
        ctx.report({ start, end, messageId: 'duplicateNodePort', data: { nodePort, protocol, first } });
      }
    }
  },
};
