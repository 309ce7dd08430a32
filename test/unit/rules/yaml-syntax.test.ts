import { ruleTable } from '../helpers/ruleTester';

ruleTable('yaml-syntax', {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n',
    { name: 'not Kubernetes at all', text: 'name: CI\non:\n  push:\n    branches: [main]\n' },
    {
      name: 'a Helm template is not broken YAML',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  {{- if .Values.x }}\n',
    },
  ],
  invalid: [
    {
      name: 'duplicate key',
      text: 'apiVersion: v1\nkind: Service\n«kind»: Pod\n',
      messageId: 'syntax',
      message:
        'Duplicate key `kind`: a mapping may have each key once (readers that accept it anyway, Kubernetes included, keep only the last one).',
    },
    {
      name: 'tab indentation',
      text: 'apiVersion: v1\nkind: Pod\nspec:\n«\t»containers: []\n',
      messageId: 'syntax',
      message: 'Tab used for indentation: YAML allows only spaces here.',
    },
    {
      name: 'error in the second document only',
      text: 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: «x»\n',
      messageId: 'syntax',
      message: 'Flow map in block collection must be sufficiently indented and end with a }',
    },
    {
      name: 'a merge key whose value is not a mapping (kubectl cannot decode the document)',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  «<<»: 5\n',
      messageId: 'syntax',
      message:
        'A merge key (<<) takes a mapping, an alias of one (<<: *base) or a list of them: kubectl and the API server refuse this document ("map merge requires map or sequence of maps as the value").',
    },
  ],
});
