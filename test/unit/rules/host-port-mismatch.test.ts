import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS, NODE_EXPORTER } from './guide-examples';

const daemonSet = (hostNetwork: string, ports: string, init = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: exporter
spec:
  selector:
    matchLabels:
      app: exporter
  template:
    metadata:
      labels:
        app: exporter
    spec:
${hostNetwork}${init}      containers:
      - name: exporter
        image: exporter:1.0.0
        ports:
${ports}
`;

ruleTable('host-port-mismatch', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'guide: node-exporter', text: NODE_EXPORTER },
    { name: 'equal ports', text: daemonSet('      hostNetwork: true\n', '        - containerPort: 9100\n          hostPort: 9100') },
    { name: 'no hostPort (defaulted to the containerPort)', text: daemonSet('      hostNetwork: true\n', '        - containerPort: 9100') },
    { name: 'hostPort 0 (defaulted)', text: daemonSet('      hostNetwork: true\n', '        - {containerPort: 9100, hostPort: 0}') },
    {
      name: 'no containerPort is missing-required-field’s business',
      text: daemonSet('      hostNetwork: true\n', '        - {hostPort: 9101}'),
    },
    {
      name: 'a hostPort that is not a number is invalid-value’s business',
      text: daemonSet('      hostNetwork: true\n', '        - {containerPort: 9100, hostPort: "9101"}'),
    },
    {
      name: 'a containerPort that is not a number is invalid-value’s business',
      text: daemonSet('      hostNetwork: true\n', '        - {containerPort: "9100", hostPort: 9101}'),
    },
    { name: 'a mapped port without hostNetwork', text: daemonSet('', '        - {containerPort: 9100, hostPort: 9101}') },
    { name: 'hostNetwork: false', text: daemonSet('      hostNetwork: false\n', '        - {containerPort: 9100, hostPort: 9101}') },
    {
      name: 'init containers are not checked (validateHostNetwork reads the containers)',
      text: daemonSet(
        '      hostNetwork: true\n',
        '        - containerPort: 9100',
        '      initContainers:\n      - name: init\n        image: init:1\n        ports: [{containerPort: 1, hostPort: 2}]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a different hostPort: set it to the containerPort',
      text: daemonSet('      hostNetwork: true\n', '        - containerPort: 9100\n          hostPort: «9101» # node port'),
      messageId: 'mismatch',
      message:
        'hostPort 9101 differs from containerPort 9100 in container exporter, but the pod uses hostNetwork: there is no port mapping, so the two must be equal.',
      fix: 'Set hostPort to 9100',
      fixes: ['Set hostPort to 9100', 'Remove hostPort (it defaults to the containerPort)'],
      preferred: true,
      safe: false,
      output: daemonSet('      hostNetwork: true\n', '        - containerPort: 9100\n          hostPort: 9100 # node port'),
    },
    {
      name: 'or remove hostPort',
      text: daemonSet(
        '      hostNetwork: true\n',
        '        - name: metrics\n          containerPort: 9100\n          hostPort: «9101»\n          protocol: TCP',
      ),
      messageId: 'mismatch',
      fix: 'Remove hostPort (it defaults to the containerPort)',
      preferred: false,
      safe: false,
      output: daemonSet('      hostNetwork: true\n', '        - name: metrics\n          containerPort: 9100\n          protocol: TCP'),
    },
    {
      name: 'a Pod, flow style',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n  - name: p\n    image: p:1\n    ports: [{containerPort: 80, hostPort: «8080»}]\n',
      messageId: 'mismatch',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n  - name: p\n    image: p:1\n    ports: [{containerPort: 80, hostPort: 80}]\n',
    },
  ],
});
