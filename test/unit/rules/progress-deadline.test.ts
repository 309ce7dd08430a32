import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${spec}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: web:1.0.0
`;

ruleTable('progress-deadline', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'deadline above minReadySeconds', text: deployment('  minReadySeconds: 60\n  progressDeadlineSeconds: 61') },
    { name: 'only a deadline', text: deployment('  progressDeadlineSeconds: 1') },
    { name: 'minReadySeconds below the default 600', text: deployment('  minReadySeconds: 599') },
    { name: 'a long minReadySeconds with a longer deadline', text: deployment('  minReadySeconds: 900\n  progressDeadlineSeconds: 1200') },
    { name: 'a string deadline is invalid-value’s', text: deployment('  minReadySeconds: 60\n  progressDeadlineSeconds: "30"') },
    { name: 'an empty minReadySeconds is invalid-value’s', text: deployment('  minReadySeconds:\n  progressDeadlineSeconds: 0') },
    { name: 'a fractional minReadySeconds is invalid-value’s', text: deployment('  minReadySeconds: 700.5') },
    { name: 'a string is invalid-value’s', text: deployment('  minReadySeconds: "60"\n  progressDeadlineSeconds: 30') },
  ],
  invalid: [
    {
      name: 'equal values',
      text: deployment('  minReadySeconds: 60\n  progressDeadlineSeconds: «60»'),
      messageId: 'notGreater',
      message:
        'progressDeadlineSeconds (60) must be greater than minReadySeconds (60): pods count as available only after minReadySeconds, so the rollout would be failed before any could.',
    },
    {
      name: 'a deadline of 0 (no minReadySeconds)',
      text: deployment('  progressDeadlineSeconds: «0»'),
      messageId: 'notGreater',
      message: /^progressDeadlineSeconds \(0\) must be greater than minReadySeconds \(0\)/,
    },
    {
      name: 'minReadySeconds 600 against the default deadline',
      text: deployment('  minReadySeconds: «600»'),
      messageId: 'defaultDeadline',
      message:
        'minReadySeconds (600) is not below the default progressDeadlineSeconds (600): set progressDeadlineSeconds above 600, or lower minReadySeconds.',
    },
    {
      name: 'an empty progressDeadlineSeconds is the default 600',
      text: deployment('  minReadySeconds: «900»\n  progressDeadlineSeconds:'),
      messageId: 'defaultDeadline',
      message:
        'minReadySeconds (900) is not below the default progressDeadlineSeconds (600): set progressDeadlineSeconds above 900, or lower minReadySeconds.',
    },
    {
      name: 'a deadline below minReadySeconds',
      text: deployment('  minReadySeconds: 60\n  progressDeadlineSeconds: «59»'),
      messageId: 'notGreater',
      message: /^progressDeadlineSeconds \(59\) must be greater than minReadySeconds \(60\)/,
    },
  ],
});
