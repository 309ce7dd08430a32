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
    { name: 'minDomains 1, the smallest allowed', text: deployment(zone('        minDomains: 1\n')) },
    { name: 'zone and node', text: deployment(`${zone()}\n${zone().replace('topology.kubernetes.io/zone', 'kubernetes.io/hostname')}`) },
    { name: 'a quoted maxSkew is invalid-value’s', text: deployment(zone('', 'DoNotSchedule', '"0"')) },
    { name: 'a fractional minDomains is invalid-value’s', text: deployment(zone('        minDomains: 0.5\n', 'ScheduleAnyway')) },
    {
      name: 'minDomains without whenUnsatisfiable is missing-required-field’s',
      text: deployment('      - maxSkew: 1\n        topologyKey: zone\n        minDomains: 2'),
    },
    {
      name: 'two constraints without whenUnsatisfiable are not compared',
      text: deployment('      - maxSkew: 1\n        topologyKey: zone\n      - maxSkew: 1\n        topologyKey: zone'),
    },
    {
      name: 'two constraints without topologyKey are not compared',
      text: deployment(
        '      - maxSkew: 1\n        whenUnsatisfiable: DoNotSchedule\n      - maxSkew: 1\n        whenUnsatisfiable: DoNotSchedule',
      ),
    },
    { name: 'one key, both actions', text: deployment(`${zone()}\n${zone('', 'ScheduleAnyway')}`) },
  ],
  invalid: [
    {
      name: 'maxSkew 0: set to 1',
      text: deployment(zone('', 'DoNotSchedule', '«0»')),
      messageId: 'maxSkew',
      message: 'maxSkew is 0, but it must be at least 1.',
      fixes: ['Set maxSkew to 1'],
      output: deployment(zone()),
      preferred: true,
      safe: false,
    },
    {
      name: 'a negative maxSkew',
      text: deployment(zone('', 'DoNotSchedule', '«-2»')),
      messageId: 'maxSkew',
      message: 'maxSkew is -2, but it must be at least 1.',
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
      fixes: ['Remove minDomains', 'Set whenUnsatisfiable: DoNotSchedule'],
      fix: 'Remove minDomains',
      output: deployment(zone('', 'ScheduleAnyway')),
      preferred: false,
      safe: false,
    },
    {
      name: 'minDomains with ScheduleAnyway: switch to DoNotSchedule',
      text: deployment(zone('        «minDomains»: 2\n', 'ScheduleAnyway')),
      messageId: 'minDomainsNeedsDoNotSchedule',
      fix: 'Set whenUnsatisfiable: DoNotSchedule',
      output: deployment(zone('        minDomains: 2\n')),
      safe: false,
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
    {
      name: 'the third constraint repeats the first',
      text: deployment(
        `${zone()}\n${zone().replace('topology.kubernetes.io/zone', 'kubernetes.io/hostname')}\n${zone().replace('topologyKey: topology.kubernetes.io/zone', 'topologyKey: «topology.kubernetes.io/zone»')}`,
      ),
      messageId: 'duplicate',
      message: /^Constraints \[0\] and \[2\] both spread over topology\.kubernetes\.io\/zone/,
    },
  ],
});
