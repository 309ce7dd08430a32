import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const deployment = (constraints: string) => `apiVersion: apps/v1
kind: Deployment
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
      topologySpreadConstraints:
${constraints}
      containers:
      - name: web
        image: web:1.0.0
`;
const zone = (extra = '', when = 'DoNotSchedule', skew = '1') =>
  `      - maxSkew: ${skew}\n        topologyKey: topology.kubernetes.io/zone\n        whenUnsatisfiable: ${when}\n${extra}        labelSelector:\n          matchLabels:\n            app: web`;

ruleTable('topology-spread-constraint', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'a zone constraint', text: deployment(zone()) },
    { name: 'minDomains with DoNotSchedule', text: deployment(zone('        minDomains: 3\n')) },
    { name: 'zone and node', text: deployment(`${zone()}\n${zone().replace('topology.kubernetes.io/zone', 'kubernetes.io/hostname')}`) },
    { name: 'one key, both actions', text: deployment(`${zone()}\n${zone('', 'ScheduleAnyway')}`) },
  ],
  invalid: [
    {
      name: 'maxSkew 0: set to 1',
      text: deployment(zone('', 'DoNotSchedule', '«0»')),
      messageId: 'maxSkew',
      message: 'maxSkew is 0, but it must be at least 1.',
      fix: 'Set maxSkew to 1',
      output: deployment(zone()),
    },
    {
      name: 'minDomains 0',
      text: deployment(zone('        minDomains: «0»\n')),
      messageId: 'minDomains',
      message: 'minDomains is 0, but it must be at least 1.',
    },
    {
      name: 'minDomains with ScheduleAnyway: remove it',
      text: deployment(zone('        «minDomains»: 2\n', 'ScheduleAnyway')),
      messageId: 'minDomainsNeedsDoNotSchedule',
      message:
        'minDomains requires whenUnsatisfiable: DoNotSchedule (this constraint has ScheduleAnyway): remove minDomains or let the scheduler refuse.',
      fix: 'Remove minDomains',
      output: deployment(zone('', 'ScheduleAnyway')),
    },
    {
      name: 'minDomains with ScheduleAnyway: switch to DoNotSchedule',
      text: deployment(zone('        «minDomains»: 2\n', 'ScheduleAnyway')),
      messageId: 'minDomainsNeedsDoNotSchedule',
      fix: 'Set whenUnsatisfiable: DoNotSchedule',
      output: deployment(zone('        minDomains: 2\n')),
    },
    {
      name: 'the same key and action twice',
      text: deployment(
        `${zone()}\n${zone().replace('topologyKey: topology.kubernetes.io/zone', 'topologyKey: «topology.kubernetes.io/zone»')}`,
      ),
      messageId: 'duplicate',
      message:
        'Constraints [0] and [1] both spread over topology.kubernetes.io/zone with whenUnsatisfiable DoNotSchedule: merge them into one (the API server rejects the repeat).',
    },
  ],
});
