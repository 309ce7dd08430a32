// missing-api-version: a document that is plainly a Kubernetes object — a kind that Kubernetes
// has, and metadata — but no apiVersion. The API server cannot decode it ("Object 'apiVersion'
// is missing"), and no other check speaks, since without an apiVersion a document is not treated
// as a Kubernetes object. Other YAML (workflows, compose files) has no such kind and stays silent.
import { rangeOfKey, rangeOfValue } from '../manifest/navigate';
import type { Fix, Rule } from './types';

export const missingApiVersion: Rule = {
  meta: {
    id: 'missing-api-version',
    name: 'Kubernetes object without apiVersion',
    severity: 'error',
    kinds: 'any-yaml',
    description: 'A document with a Kubernetes kind and metadata but no apiVersion.',
    rationale:
      'Every Kubernetes object names its API group and version: the API server (and kubectl) cannot decode a document without `apiVersion` ("Object \'apiVersion\' is missing"). Without it the editor cannot tell which schema applies either, so this is the one finding such a document gets until it has one.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      missing: '{{kind}} has no `apiVersion`: Kubernetes {{version}} serves it as `{{expected}}`.',
    },
    example: {
      invalid: 'kind: Deployment\nmetadata:\n  name: web\n',
      fixed: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    },
  },
  check(ctx) {
    const v = ctx.value;
    if (ctx.object || !v || typeof v.kind !== 'string' || v.apiVersion !== undefined) return;
    if (!v.metadata || typeof v.metadata !== 'object' || Array.isArray(v.metadata)) return;
    const kind = v.kind;
    const expected = ctx.api.apiVersionsOf(kind);
    if (expected.length === 0) return;
    const [start] = rangeOfKey(ctx.doc, ['kind']);
    const [, end] = rangeOfValue(ctx.doc, ['kind']);
    const fixes: Fix[] = [];
    const lineStart = ctx.doc.text.lastIndexOf('\n', start - 1) + 1;
    // `kind:` at the start of its line in a block mapping: the apiVersion goes on the line above it.
    if (lineStart === start)
      for (const apiVersion of expected)
        fixes.push({
          title: `Add \`apiVersion: ${apiVersion}\``,
          edits: [{ start, end: start, newText: `apiVersion: ${apiVersion}\n` }],
          isPreferred: expected.length === 1,
          safe: expected.length === 1,
        });
    ctx.report({ start, end, messageId: 'missing', data: { kind, version: ctx.api.version, expected: expected.join('` or `') }, fixes });
  },
};
