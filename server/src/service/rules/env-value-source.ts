// env-value-source: an env var whose value comes from two places (`value` and `valueFrom`), or a
// `valueFrom` that names no source or several. No schema can say "one of"; the API server's
// validateEnvVarValueFrom does, and rejects the pod.
import { removePair } from '../manifest/edit';
import { rangeOfKey } from '../manifest/navigate';
import { containersIn, isObject, objectItems, own, setKeys } from './podParts';
import { POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';

/** The sources of EnvVarSource (1.35: fileKeyRef joined the four older ones). */
const SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'] as const;

export const envValueSource: Rule = {
  meta: {
    id: 'env-value-source',
    name: 'Env var with two values or no source',
    severity: 'error',
    kinds: POD_KINDS,
    description:
      'An env var sets both a non-empty `value` and `valueFrom`, or its `valueFrom` names no source or more than one ' +
      '(fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, fileKeyRef).',
    rationale:
      'An environment variable has exactly one value: either written in `value` or read from one source in `valueFrom`. ' +
      'The API server rejects `valueFrom` next to a non-empty `value` ("may not be specified when `value` is not empty"), an empty ' +
      '`valueFrom` ("must specify one of: …") and a `valueFrom` with two sources ("may not have more than one field specified at a time"). ' +
      'The first often comes from a patch or `kubectl set env` that wrote a literal over a reference: decide which one is meant and remove the other.',
    guideSection: 'Kubernetes API',
    source: '`validateEnvVarValueFrom` (called by `ValidateEnv`), pkg/apis/core/validation/validation.go',
    fixable: true,
    onPatch: 'check',
    messages: {
      valueAndValueFrom:
        'Env var {{name}} in container {{container}} has both value and valueFrom: the API server rejects valueFrom when value is not ' +
        'empty — keep one of them.',
      noSource:
        'valueFrom of env var {{name}} in container {{container}} names no source: the API server requires one of fieldRef, ' +
        'resourceFieldRef, configMapKeyRef, secretKeyRef or fileKeyRef.',
      manySources:
        'valueFrom of env var {{name}} in container {{container}} names {{count}} sources ({{sources}}): the API server accepts only one.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    env:\n' +
        '    - name: PASSWORD\n      value: changeme\n      valueFrom:\n        secretKeyRef:\n          name: web\n          key: password\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    env:\n' +
        '    - name: PASSWORD\n      valueFrom:\n        secretKeyRef:\n          name: web\n          key: password\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const { container, path, label } of containersIn(ctx.value, ctx.object.kind)) {
      if (!Array.isArray(own(container, 'env'))) continue;
      for (const { item: env, path: envPath } of objectItems(container, ['env'])) {
        const from = own(env, 'valueFrom');
        if (!isObject(from)) continue;
        const full = [...path, ...envPath];
        const name = typeof own(env, 'name') === 'string' ? (own(env, 'name') as string) : '(unnamed)';
        const [start, end] = rangeOfKey(ctx.doc, [...full, 'valueFrom']);
        const data = { name, container: label };
        const sources = setKeys(from, SOURCES);
        // The API's order: no source first, then value next to a source, then several sources.
        if (sources.length === 0) {
          ctx.report({ start, end, messageId: 'noSource', data });
          continue;
        }
        const value = own(env, 'value');
        if (typeof value === 'string' && value !== '') {
          const keepFrom = removePair(ctx.doc, [...full, 'value']);
          const keepValue = removePair(ctx.doc, [...full, 'valueFrom']);
          ctx.report({
            start,
            end,
            messageId: 'valueAndValueFrom',
            data,
            // Which of the two is meant is the user's call: neither fix is applied by fix-all.
            fixes: [
              ...(keepFrom ? [{ title: `Remove value (keep valueFrom: ${sources.join(', ')})`, edits: keepFrom, safe: false }] : []),
              ...(keepValue ? [{ title: 'Remove valueFrom (keep value)', edits: keepValue, safe: false }] : []),
            ],
          });
          continue;
        }
        if (sources.length > 1)
          ctx.report({ start, end, messageId: 'manySources', data: { ...data, count: sources.length, sources: sources.join(', ') } });
      }
    }
  },
};
