// unknown-field: a key the Kubernetes 1.35 API does not have at that path. The API server's
// strict field validation (kubectl's default since 1.27) rejects the object; with lenient
// validation the field is silently dropped, which is worse. Found by the shared schema pass
// (schema/validate.ts), reported on the key, with the closest valid key as the fix.
import { schemaProblems } from '../schema/validate';
import type { Rule } from './types';

export const unknownField: Rule = {
  meta: {
    id: 'unknown-field',
    name: 'Unknown field',
    severity: 'error',
    kinds: 'all',
    description: 'A key the Kubernetes 1.35 API does not have at that place in the object.',
    rationale:
      'The API server rejects unknown fields under strict field validation (the kubectl default), and drops them silently otherwise: a misspelt `replica` or a key indented one level too deep simply does nothing. The message names the closest valid key.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      unknownSuggest: '`{{key}}` is not a field of {{parent}}. Did you mean `{{suggestion}}`?',
      unknown: '`{{key}}` is not a field of {{parent}} in the Kubernetes 1.35 API.',
      unknownMoved: '`{{key}}` is not a field of {{parent}}: it belongs in {{home}}. Check the indentation.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      fixed:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
    },
  },
  check(ctx) {
    for (const p of schemaProblems(ctx.doc)) if (p.ruleId === 'unknown-field') ctx.report(p.report);
  },
};
