import { ruleTable } from '../helpers/ruleTester';
import { API_SERVER, LLM_INFERENCE, NODE_EXPORTER, POSTGRES, QDRANT } from './guide-examples';

const workload = (kind: string, policy: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${policy}
      containers:
      - name: web
        image: web:1.0.0
`;

ruleTable('long-running-restart-policy', {
  valid: [
    { name: 'guide: api-server', text: API_SERVER },
    { name: 'guide: postgres', text: POSTGRES },
    { name: 'guide: qdrant', text: QDRANT },
    { name: 'guide: llm-inference', text: LLM_INFERENCE },
    { name: 'guide: node-exporter', text: NODE_EXPORTER },
    { name: 'explicit Always', text: workload('Deployment', '      restartPolicy: Always') },
    { name: 'empty value (defaults to Always)', text: workload('StatefulSet', '      restartPolicy:') },
    { name: 'a value outside the allowed set is invalid-value only', text: workload('Deployment', '      restartPolicy: Sometimes') },
    { name: 'a Job may say Never', text: 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n' },
  ],
  invalid: [
    {
      name: 'Deployment with Never: the line is removed',
      text: workload('Deployment', '      restartPolicy: «Never» # run once'),
      messageId: 'notAlways',
      message:
        'restartPolicy: Never is not allowed in a Deployment: its pods must keep running, so only Always (the default) is accepted — remove the line, or use a Job if this task runs to completion.',
      fix: 'Remove restartPolicy (Always is the default)',
      fixes: ['Remove restartPolicy (Always is the default)'],
      preferred: true,
      safe: true,
      output: workload('Deployment', '').replace('    spec:\n\n', '    spec:\n'),
    },
    {
      name: 'StatefulSet with OnFailure',
      text: workload('StatefulSet', '      restartPolicy: «OnFailure»'),
      messageId: 'notAlways',
      message:
        'restartPolicy: OnFailure is not allowed in a StatefulSet: its pods must keep running, so only Always (the default) is accepted — remove the line, or use a Job if this task runs to completion.',
      output: workload('StatefulSet', '').replace('    spec:\n\n', '    spec:\n'),
    },
    {
      name: 'ReplicaSet with Never',
      text: workload('ReplicaSet', '      restartPolicy: «Never»'),
      messageId: 'notAlways',
      message:
        'restartPolicy: Never is not allowed in a ReplicaSet: its pods must keep running, so only Always (the default) is accepted — remove the line, or use a Job if this task runs to completion.',
      output: workload('ReplicaSet', '').replace('    spec:\n\n', '    spec:\n'),
    },
    {
      name: 'ReplicationController with OnFailure (v1, selector as a map)',
      text: workload('ReplicationController', '      restartPolicy: «OnFailure»')
        .replace('apps/v1', 'v1')
        .replace('  selector:\n    matchLabels:\n      app: web\n', '  selector:\n    app: web\n'),
      messageId: 'notAlways',
      message: /^restartPolicy: OnFailure is not allowed in a ReplicationController/,
      output: workload('ReplicationController', '')
        .replace('    spec:\n\n', '    spec:\n')
        .replace('apps/v1', 'v1')
        .replace('  selector:\n    matchLabels:\n      app: web\n', '  selector:\n    app: web\n'),
    },
    {
      name: 'DaemonSet with a quoted value',
      text: workload('DaemonSet', '      restartPolicy: «"Never"»'),
      messageId: 'notAlways',
      message: /^restartPolicy: Never is not allowed in a DaemonSet/,
      output: workload('DaemonSet', '').replace('    spec:\n\n', '    spec:\n'),
    },
  ],
});
