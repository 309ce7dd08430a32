import { ruleTable } from '../helpers/ruleTester';

const pod = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n${resources}`;

ruleTable('invalid-quantity', {
  valid: [
    pod('      requests:\n        cpu: 250m\n        memory: 64Mi\n      limits:\n        cpu: 1\n        memory: 1.5Gi\n'),
    pod('      limits:\n        cpu: 0.5\n        memory: 1e9\n        ephemeral-storage: 2G\n'),
    {
      name: 'PVC storage',
      text: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi\n',
    },
    {
      name: 'Secret data that is not base64 is another format problem (invalid-value’s)',
      text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: not base64!\n',
    },
  ],
  invalid: [
    {
      name: 'wrong case of a binary unit',
      text: pod('      limits:\n        memory: «500mi»\n'),
      messageId: 'invalidSuggest',
      message:
        '"500mi" is not a valid quantity for `memory`. Did you mean `500Mi`? (units are case-sensitive: Ki Mi Gi Ti, k M G T, m for milli)',
      fixes: ['Change to `500Mi`'],
      output: pod('      limits:\n        memory: 500Mi\n'),
      preferred: true,
      safe: true,
    },
    {
      name: 'GB: decimal G first, binary Gi offered too',
      text: pod('      requests:\n        memory: «2GB»\n'),
      messageId: 'invalidSuggest',
      message:
        '"2GB" is not a valid quantity for `memory`. Did you mean `2G`? (units are case-sensitive: Ki Mi Gi Ti, k M G T, m for milli)',
      fixes: ['Change to `2G`', 'Change to `2Gi`'],
      fix: 'Change to `2Gi`',
      output: pod('      requests:\n        memory: 2Gi\n'),
      preferred: false,
      safe: false,
    },
    {
      name: 'GB: the first guess is the preferred fix, but two guesses are not safe',
      text: pod('      requests:\n        memory: «2GB»\n'),
      messageId: 'invalidSuggest',
      fix: 'Change to `2G`',
      output: pod('      requests:\n        memory: 2G\n'),
      preferred: true,
      safe: false,
    },
    {
      name: 'a quoted value keeps being a quantity',
      text: pod('      requests:\n        cpu: «"1K"»\n'),
      messageId: 'invalidSuggest',
      message: '"1K" is not a valid quantity for `cpu`. Did you mean `1k`? (units are case-sensitive: Ki Mi Gi Ti, k M G T, m for milli)',
      output: pod('      requests:\n        cpu: 1k\n'),
    },
    {
      name: 'a broken number has no fix',
      text: pod('      limits:\n        memory: «1.5.0»\n'),
      messageId: 'invalid',
      message: '"1.5.0" is not a valid quantity for `memory`: write a number with an optional unit such as 500m, 256Mi or 2Gi.',
      fixes: [],
    },
    {
      name: 'an empty value is shown as ""',
      text: pod('      requests:\n        cpu: «""»\n'),
      messageId: 'invalid',
      message: '"" is not a valid quantity for `cpu`: write a number with an optional unit such as 500m, 256Mi or 2Gi.',
      fixes: [],
    },
    {
      name: 'PVC storage request',
      text: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  resources:\n    requests:\n      storage: «10 GiB»\n',
      messageId: 'invalidSuggest',
      output:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  resources:\n    requests:\n      storage: 10Gi\n',
    },
  ],
});
