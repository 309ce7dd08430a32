import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (dns: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${dns}
  containers:
  - name: web
    image: web:1.0.0
`;

ruleTable('dns-policy-none', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'None with nameservers', text: pod('  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]') },
    {
      name: 'ClusterFirst with only options',
      text: pod('  dnsPolicy: ClusterFirst\n  dnsConfig:\n    options: [{name: ndots, value: "2"}]'),
    },
    { name: 'no dnsPolicy', text: pod('  dnsConfig:\n    searches: [a.example]') },
    {
      name: 'nameservers that are not a list are invalid-value’s business',
      text: pod('  dnsPolicy: None\n  dnsConfig:\n    nameservers: 1.1.1.1'),
    },
  ],
  invalid: [
    {
      name: 'None without dnsConfig',
      text: pod('  dnsPolicy: «None»'),
      messageId: 'noDnsConfig',
      message: 'dnsPolicy: None needs a dnsConfig with at least one nameserver: the pod takes all of its DNS settings from it.',
    },
    {
      name: 'None with an empty dnsConfig',
      text: pod('  dnsPolicy: «None»\n  dnsConfig:'),
      messageId: 'noDnsConfig',
    },
    {
      name: 'None with an empty nameservers',
      text: pod('  dnsPolicy: None\n  dnsConfig:\n    «nameservers»:\n    searches: [svc.cluster.local]'),
      messageId: 'noNameservers',
    },
    {
      name: 'None with a dnsConfig without nameservers',
      text: pod('  dnsPolicy: None\n  «dnsConfig»:\n    searches: [svc.cluster.local]'),
      messageId: 'noNameservers',
      message: 'dnsConfig has no nameservers, but dnsPolicy is None: list at least one nameserver (dnsConfig.nameservers).',
    },
    {
      name: 'None with an empty nameserver list, in a Deployment',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      dnsPolicy: "None"
      dnsConfig:
        «nameservers»: []
      containers:
      - name: web
        image: web:1
`,
      messageId: 'noNameservers',
    },
  ],
});
