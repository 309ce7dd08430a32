import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';

const pod = (resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: web:1.0.0
    resources:
${resources}
`;

ruleTable('requests-exceed-limits', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'equal', text: pod('      requests: {cpu: "1", memory: 1Gi}\n      limits: {cpu: 1000m, memory: 1024Mi}') },
    { name: 'different units', text: pod('      requests:\n        memory: 1G\n      limits:\n        memory: 1Gi') },
    {
      name: 'a quantity that does not parse is invalid-quantity’s',
      text: pod('      requests:\n        memory: 500mi\n      limits:\n        memory: 1Mi'),
    },
    { name: 'a request without a limit for it', text: pod('      requests:\n        cpu: "4"\n      limits:\n        memory: 1Mi') },
    { name: 'an infinite request is invalid-quantity’s', text: pod('      requests:\n        cpu: .inf\n      limits:\n        cpu: 1') },
    { name: 'a boolean request is invalid-quantity’s', text: pod('      requests:\n        cpu: true\n      limits:\n        cpu: 1') },
    { name: 'requests as a list', text: pod('      requests: [cpu]\n      limits:\n        cpu: 1') },
    { name: 'limits as a list', text: pod('      requests:\n        cpu: 2\n      limits: [cpu]') },
    { name: 'limits as a string', text: pod('      requests:\n        cpu: 2\n      limits: lots') },
    { name: 'no limits', text: pod('      requests:\n        cpu: 2') },
  ],
  invalid: [
    {
      name: 'cpu: the limit is raised to the request, quoting kept',
      text: pod('      requests:\n        cpu: «"2"»\n      limits:\n        cpu: 500m  # burst'),
      messageId: 'exceeds',
      message:
        'requests.cpu 2 is above limits.cpu 500m in container web: the API server rejects a request larger than its limit — raise the limit to 2 or lower the request.',
      fixes: ['Raise limits.cpu to 2'],
      preferred: true,
      safe: false,
      output: pod('      requests:\n        cpu: "2"\n      limits:\n        cpu: "2"  # burst'),
    },
    {
      name: 'memory in different units',
      text: pod('      requests:\n        memory: «1Gi»\n      limits:\n        memory: 1000M'),
      messageId: 'exceeds',
      message: /^requests\.memory 1Gi is above limits\.memory 1000M in container web/,
      output: pod('      requests:\n        memory: 1Gi\n      limits:\n        memory: 1Gi'),
    },
    {
      name: 'a numeric request and an extended resource',
      text: pod('      requests: {nvidia.com/gpu: «2»}\n      limits: {nvidia.com/gpu: 1}'),
      messageId: 'exceeds',
      message: /^requests\.nvidia\.com\/gpu 2 is above limits\.nvidia\.com\/gpu 1/,
      output: pod('      requests: {nvidia.com/gpu: 2}\n      limits: {nvidia.com/gpu: 2}'),
    },
    {
      name: 'a container without a name is named by its place',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n  - image: side:1.0.0\n    resources:\n      requests: {memory: «2Gi»}\n      limits: {memory: 1Gi}\n',
      messageId: 'exceeds',
      message: /^requests\.memory 2Gi is above limits\.memory 1Gi in container #2:/,
    },
  ],
});
