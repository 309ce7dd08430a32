// missing-required-field: a field the API server requires: the spec's `required` lists plus what
// its validation code insists on (containers[].image, a Service's ports unless headless or
// ExternalName; see schema/required.ts). Reported on the parent key (the `kind` line for a
// top-level field); the fix inserts the field with a placeholder at the right indentation.
import { schemaProblems } from '../schema/validate';
import type { Rule } from './types';

export const missingRequiredField: Rule = {
  meta: {
    id: 'missing-required-field',
    name: 'Missing required field',
    severity: 'error',
    kinds: 'all',
    description:
      'A field the Kubernetes API requires is missing (spec.selector, spec.template, containers[].name and image, schedule, jobTemplate…).',
    rationale:
      'The API server rejects an object without its required fields ("Required value"): a Deployment without a selector or template, a container without a name or image, a CronJob without a schedule. Catching it in the editor saves a failed apply.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing: '{{parent}} is missing the required field `{{field}}`.',
      empty: '`{{field}}` of {{parent}} is empty, but the API requires a value.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n',
      fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ""\n',
    },
  },
  check(ctx) {
    for (const p of schemaProblems(ctx.doc)) if (p.ruleId === 'missing-required-field') ctx.report(p.report);
  },
};
