// yaml-syntax: the document does not parse. Everything else waits until it does.
import type { Rule } from './types';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    name: 'YAML syntax error',
    severity: 'error',
    kinds: 'any-yaml',
    description: 'The YAML does not parse: bad indentation, tabs, duplicate keys, unclosed brackets or quotes.',
    rationale:
      'kubectl and the API server refuse a manifest that is not valid YAML; a duplicate key is worse, because many tools silently keep only the last value.',
    guideSection: 'YAML 1.2',
    fixable: false,
    onPatch: 'check',
    messages: { syntax: '{{message}}' },
    example: { invalid: 'apiVersion: v1\nkind: Service\nkind: Pod\n' },
  },
  check(ctx) {
    for (const p of ctx.doc.syntaxProblems) ctx.report({ start: p.start, end: p.end, messageId: 'syntax', data: { message: p.message } });
  },
};
