// invalid-value: a value the API server rejects: the wrong type (`replicas: "3"`, `value: 8080`
// for a string), a value outside the allowed set (`restartPolicy: Sometimes`), an int32
// overflow, or Secret data that is not base64. Found by the shared schema pass (schema/validate.ts).
import { schemaProblems } from '../schema/validate';
import type { Rule } from './types';

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    name: 'Invalid value',
    severity: 'error',
    kinds: 'all',
    description: 'A value of the wrong type, outside the allowed set, beyond int32, or not in the required format.',
    rationale:
      'The API server decodes each field into a typed Go struct and validates enumerations: `replicas: "3"` does not decode into an integer, an env value `8080` is not a string, and `restartPolicy: Sometimes` is an unsupported value. Each is rejected when the manifest is applied.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      wrongType: '`{{field}}` must be {{expected}}, not {{actual}} ({{value}}).',
      notAllowed: '{{value}} is not a valid value of `{{field}}`. Allowed values: {{allowed}}.',
      yaml11Bool:
        '`{{field}}` must be a string, but Kubernetes reads the unquoted `{{value}}` as the boolean {{bool}} (YAML 1.1): quote it.',
      range: '`{{field}}` is {{value}}, but it must be between {{min}} and {{max}}.',
      negative: '`{{field}}` is {{value}}, but it must not be negative.',
      notPositive: '`{{field}}` is {{value}}, but it must be at least 1.',
      fileMode:
        '`{{field}}` is {{value}}, but file permission bits must be between 0 and 0777 in octal: write octal with a leading zero (0644), or the decimal value (420).',
      int32: '`{{field}}` is {{value}}, outside the int32 range ({{min}} to {{max}}) the API accepts.',
      base64:
        '`{{key}}` in `{{field}}` is not base64: Secret `data` values must be base64-encoded. Put plain text under `stringData` instead.',
      percent: '`{{field}}` is {{value}}, but it must be a whole number or a percentage such as `25%`.',
      percentRange: '`{{field}}` is {{value}}, but as a percentage it must be {{bounds}}.',
      daemonSetSurge:
        'A DaemonSet rolling update cannot both surge and make pods unavailable: `maxSurge` must be 0 while `maxUnavailable` is {{unavailable}}. Set maxUnavailable: 0 to surge.',
      invalid: '`{{field}}` has an invalid value {{value}} ({{reason}}).',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Always\n  containers:\n  - name: web\n    image: nginx:1.27\n',
    },
  },
  check(ctx) {
    for (const p of schemaProblems(ctx.doc)) if (p.ruleId === 'invalid-value') ctx.report(p.report);
  },
};
