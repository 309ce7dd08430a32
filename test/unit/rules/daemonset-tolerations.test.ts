import { ruleTable } from '../helpers/ruleTester';

// The guide's node-exporter DaemonSet.
const GUIDE_NODE_EXPORTER = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      tolerations:
      # Run on all nodes including control plane
      - operator: Exists
      containers:
      - name: node-exporter
        image: prom/node-exporter:v1.6.0
        ports:
        - containerPort: 9100
`;
const WITHOUT = GUIDE_NODE_EXPORTER.replace(
  '      tolerations:\n      # Run on all nodes including control plane\n      - operator: Exists\n',
  '',
);

ruleTable('daemonset-tolerations', {
  valid: [
    { name: "the guide's node-exporter", text: GUIDE_NODE_EXPORTER },
    {
      name: 'specific tolerations only',
      text: GUIDE_NODE_EXPORTER.replace(
        '      - operator: Exists\n',
        '      - key: node-role.kubernetes.io/control-plane\n        effect: NoSchedule\n',
      ),
    },
    {
      name: 'aimed at selected nodes with a nodeSelector',
      text: WITHOUT.replace('    spec:\n      containers', '    spec:\n      nodeSelector:\n        ssd: "true"\n      containers'),
    },
    {
      name: 'aimed at selected nodes with required node affinity',
      text: WITHOUT.replace(
        '    spec:\n      containers',
        '    spec:\n      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions: [{key: gpu, operator: Exists}]\n      containers',
      ),
    },
    { name: 'a Deployment is not checked', text: WITHOUT.replace('kind: DaemonSet', 'kind: Deployment') },
    {
      name: 'no pod spec yet',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n',
    },
    { name: 'an empty pod spec while typing', text: WITHOUT.replace(/ {4}spec:\n[^]*$/, '    spec:\n') },
    { name: 'a pod spec that is a string is the schema rules’ business', text: WITHOUT.replace(/ {4}spec:\n[^]*$/, '    spec: pods\n') },
    {
      name: 'tolerations that are not a list are the schema rules’ business',
      text: WITHOUT.replace('    spec:\n      containers', '    spec:\n      tolerations: Exists\n      containers'),
    },
  ],
  invalid: [
    {
      name: 'no tolerations',
      text: WITHOUT.replace('    spec:\n      containers', '    «spec»:\n      containers'),
      messageId: 'missing',
      message:
        'This DaemonSet has no tolerations: its pods will not run on tainted nodes, including control-plane nodes, so it does not cover every node. Add a toleration with operator: Exists to run everywhere, or tolerate the specific taints it needs.',
      fix: 'Add a toleration for every taint (operator: Exists)',
      preferred: true,
      output: `${WITHOUT}      tolerations:\n      - operator: Exists\n`,
    },
    {
      name: 'an empty tolerations is none; filled in place',
      text: WITHOUT.replace('    spec:\n      containers', '    spec:\n      «tolerations»:\n      containers'),
      messageId: 'missing',
      output: WITHOUT.replace('    spec:\n      containers', '    spec:\n      tolerations: [{operator: Exists}]\n      containers'),
    },
    {
      name: 'an empty nodeSelector selects every node',
      text: WITHOUT.replace('    spec:\n      containers', '    «spec»:\n      nodeSelector: {}\n      containers'),
      messageId: 'missing',
    },
    {
      name: 'a nodeSelector that is not a map selects no nodes',
      text: WITHOUT.replace('    spec:\n      containers', '    «spec»:\n      nodeSelector: ssd\n      containers'),
      messageId: 'missing',
    },
    {
      name: 'indented sequences keep their style',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    «spec»:\n      containers:\n        - name: a\n          image: a:1\n---\nkind: Other\n',
      messageId: 'missing',
      output:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n        - name: a\n          image: a:1\n      tolerations:\n        - operator: Exists\n---\nkind: Other\n',
    },
    {
      name: 'an empty list is filled in place',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      «tolerations»: []  # none yet\n      containers: [{name: a, image: "a:1"}]\n',
      messageId: 'missing',
      output:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      tolerations: [{operator: Exists}]  # none yet\n      containers: [{name: a, image: "a:1"}]\n',
    },
  ],
});
