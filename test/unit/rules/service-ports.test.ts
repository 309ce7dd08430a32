import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS, POSTGRES_SERVICE } from './guide-examples';

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
${spec}
`;

ruleTable('service-ports', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'guide: postgres headless Service', text: POSTGRES_SERVICE },
    { name: 'nodePort on a NodePort Service', text: service('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080') },
    { name: 'nodePort on a LoadBalancer Service', text: service('  type: LoadBalancer\n  ports:\n  - port: 80\n    nodePort: 30080') },
    { name: 'nodePort 0 means none', text: service('  ports:\n  - port: 80\n    nodePort: 0') },
    {
      name: 'one port for TCP and UDP (DNS)',
      text: service('  ports:\n  - {name: dns, port: 53, protocol: UDP}\n  - {name: dns-tcp, port: 53}'),
    },
    { name: 'a quoted port is invalid-value’s', text: service('  ports:\n  - {name: a, port: 80}\n  - {name: b, port: "80"}') },
    { name: 'a quoted nodePort is invalid-value’s', text: service('  ports:\n  - {port: 80, nodePort: "30080"}') },
    {
      name: 'the same nodePort for two protocols',
      text: service(
        '  type: NodePort\n  ports:\n  - {name: a, port: 53, nodePort: 30053}\n  - {name: b, port: 53, protocol: UDP, nodePort: 30053}',
      ),
    },
  ],
  invalid: [
    {
      name: 'nodePort without a type: remove it',
      text: service('  ports:\n  - port: 80\n    «nodePort»: 30080 # was NodePort'),
      messageId: 'nodePortOnClusterIP',
      message:
        'nodePort 30080 is not allowed on a Service of type ClusterIP (the default when type is not set): remove it, or set type: NodePort (or LoadBalancer) to open it on every node.',
      fixes: ['Remove nodePort', 'Set type: NodePort'],
      fix: 'Remove nodePort',
      output: service('  ports:\n  - port: 80'),
      preferred: true,
      safe: false,
    },
    {
      name: 'nodePort without a type: make it a NodePort Service',
      text: service('  ports:\n  - port: 80\n    «nodePort»: 30080'),
      messageId: 'nodePortOnClusterIP',
      fix: 'Set type: NodePort',
      output: service('  ports:\n  - port: 80\n    nodePort: 30080\n  type: NodePort'),
      preferred: false,
      safe: false,
    },
    {
      name: 'nodePort with type: ClusterIP',
      text: service('  type: ClusterIP\n  ports:\n  - {port: 80, «nodePort»: 30080}'),
      messageId: 'nodePortOnClusterIP',
      message: /^nodePort 30080 is not allowed on a Service of type ClusterIP: remove it/,
      fix: 'Set type: NodePort',
      output: service('  type: NodePort\n  ports:\n  - {port: 80, nodePort: 30080}'),
    },
    {
      name: 'the same port twice (TCP is the default protocol)',
      text: service('  ports:\n  - {name: http, port: 80}\n  - {name: web, port: «80», protocol: TCP}'),
      messageId: 'duplicatePort',
      message: 'Port 80/TCP is already defined by ports[0]: a Service may listen only once on a port and protocol.',
    },
    {
      name: 'the same nodePort twice',
      text: service('  type: NodePort\n  ports:\n  - {name: a, port: 80, nodePort: 30080}\n  - {name: b, port: 443, nodePort: «30080»}'),
      messageId: 'duplicateNodePort',
      message: 'nodePort 30080/TCP is already used by ports[0]: each port of a Service needs its own node port.',
    },
    {
      name: 'nodePort with an empty type (the default ClusterIP): the empty value is replaced',
      text: service('  type:\n  ports:\n  - port: 80\n    «nodePort»: 30080'),
      messageId: 'nodePortOnClusterIP',
      message: /^nodePort 30080 is not allowed on a Service of type ClusterIP \(the default when type is not set\): remove it/,
      fix: 'Set type: NodePort',
      output: service('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080'),
    },
    {
      name: 'a protocol that is not a string counts as TCP',
      text: service('  ports:\n  - {name: http, port: 80}\n  - {name: web, port: «80», protocol: 6}'),
      messageId: 'duplicatePort',
      message: 'Port 80/TCP is already defined by ports[0]: a Service may listen only once on a port and protocol.',
    },
    {
      name: 'the same UDP port twice',
      text: service('  ports:\n  - {name: a, port: 53, protocol: UDP}\n  - {name: b, port: 54}\n  - {name: c, port: «53», protocol: UDP}'),
      messageId: 'duplicatePort',
      message: 'Port 53/UDP is already defined by ports[0]: a Service may listen only once on a port and protocol.',
    },
  ],
});
