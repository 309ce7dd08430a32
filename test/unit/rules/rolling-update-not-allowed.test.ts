import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const workload = (kind: string, strategy: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: db
spec:
${strategy}
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: db:1.0.0
`;

ruleTable('rolling-update-not-allowed', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'Recreate alone', text: workload('Deployment', '  strategy:\n    type: Recreate') },
    {
      name: 'RollingUpdate with its block',
      text: workload('Deployment', '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1'),
    },
    {
      name: 'an empty rollingUpdate (null) is not set',
      text: workload('Deployment', '  strategy:\n    type: Recreate\n    rollingUpdate:'),
    },
    { name: 'StatefulSet OnDelete alone', text: workload('StatefulSet', '  serviceName: db\n  updateStrategy:\n    type: OnDelete') },
    {
      name: 'a DaemonSet with OnDelete keeps an ignored block (accepted)',
      text: workload('DaemonSet', '  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      maxUnavailable: 1'),
    },
  ],
  invalid: [
    {
      name: 'Deployment: Recreate with rollingUpdate, removed with its comment',
      text: workload(
        'Deployment',
        '  strategy:\n    type: Recreate\n    «rollingUpdate»: # left over\n      maxSurge: 1\n      maxUnavailable: 0',
      ),
      messageId: 'notAllowed',
      message: 'rollingUpdate is not allowed when strategy.type is Recreate: the Deployment does not roll its pods — remove the block.',
      fix: 'Remove rollingUpdate',
      fixes: ['Remove rollingUpdate'],
      preferred: true,
      safe: true,
      output: workload('Deployment', '  strategy:\n    type: Recreate'),
    },
    {
      name: 'Deployment: an empty block is still a block',
      text: workload('Deployment', '  strategy: {type: Recreate, «rollingUpdate»: {}}'),
      messageId: 'notAllowed',
      output: workload('Deployment', '  strategy: {type: Recreate}'),
    },
    {
      name: 'StatefulSet: OnDelete with a partition',
      text: workload('StatefulSet', '  serviceName: db\n  updateStrategy:\n    «rollingUpdate»:\n      partition: 2\n    type: OnDelete'),
      messageId: 'notAllowed',
      message:
        'rollingUpdate is not allowed when updateStrategy.type is OnDelete: the StatefulSet does not roll its pods — remove the block.',
      output: workload('StatefulSet', '  serviceName: db\n  updateStrategy:\n    type: OnDelete'),
    },
  ],
});
