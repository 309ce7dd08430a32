// secret-in-env: an environment variable named like a secret (API_KEY, DB_PASSWORD, …) whose
// value is written into the manifest instead of read from a Secret.
import { insertPair, removePair } from '../manifest/edit';
import { rangeOfValue } from '../manifest/navigate';
import { composeEdits, tabStop, toSnippetEdits, withoutTabStops, yamlString, type EditStep } from './fixText';
import { containersOf, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

const SECRET_WORDS = new Set(['KEY', 'TOKEN', 'PASSWORD', 'SECRET', 'PASSWD', 'APIKEY', 'PASSPHRASE']);
/** Words after a secret word that still name the secret itself (SECRET_KEY_BASE, API_KEY_VALUE). */
const STILL_SECRET = new Set(['BASE', 'VALUE', 'DATA', 'STRING', 'STR', 'B64', 'BASE64']);
/** Names that start like a switch (MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD) configure a secret, not hold one. */
const SWITCH_WORDS = new Set(['ALLOW', 'ENABLE', 'DISABLE', 'REQUIRE', 'USE', 'SKIP', 'NO', 'RANDOM', 'GENERATE', 'ONETIME']);
/** KEY after these words is an identifier, not a credential (CACHE_KEY, PUBLIC_KEY, SORT_KEY). */
const NOT_A_CREDENTIAL_KEY = new Set([
  'PUBLIC',
  'CACHE',
  'SORT',
  'PARTITION',
  'PRIMARY',
  'ROUTING',
  'SHARD',
  'GROUP',
  'LABEL',
  'FOREIGN',
  'LOOKUP',
  'INDEX',
  'MAP',
]);

/** The words of an env var name: API_KEY, api-key, apiKey → API, KEY. */
export function nameWords(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Whether an env var name says it holds a secret: a secret word as the last word (or before BASE/VALUE…). */
export function looksLikeSecretName(name: string): boolean {
  const words = nameWords(name);
  let end = words.length;
  while (end > 0 && STILL_SECRET.has(words[end - 1])) end--;
  if (end === 0) return false;
  const last = words[end - 1];
  if (!SECRET_WORDS.has(last)) return false;
  if (last === 'KEY' && end >= 2 && NOT_A_CREDENTIAL_KEY.has(words[end - 2])) return false;
  return !words.slice(0, end - 1).some((w) => SWITCH_WORDS.has(w));
}

/** Whether a literal value could be a secret: not empty, not a switch value, not only $(VAR) references. */
function couldBeSecret(value: string): boolean {
  const v = value.trim();
  // Switch values (yes/no, 1/0) are settings, not credentials.
  if (v === '' || /^(true|false|yes|no|on|off|0|1)$/i.test(v)) return false;
  return v.replace(/\$\([A-Za-z_][A-Za-z0-9_]*\)/g, '').trim() !== '';
}

export const secretInEnv: Rule = {
  meta: {
    id: 'secret-in-env',
    name: 'Secret written into an env var',
    severity: 'warning',
    kinds: POD_KINDS,
    description: 'An env var named like a secret (…_KEY, …_TOKEN, …_PASSWORD, …_SECRET) has a literal value.',
    rationale:
      "A value written in the manifest ends up in Git, in `kubectl get -o yaml` and in every tool that reads the object. The guide's " +
      'embedding-refresh CronJob reads OPENAI_API_KEY with valueFrom.secretKeyRef instead, so the key lives in a Secret with its own ' +
      'access control.',
    guideSection: 'AI Batch Processing Patterns › Pattern 1: Nightly Embedding Refresh',
    fixable: true,
    onPatch: 'check',
    messages: {
      literal:
        'env {{name}} in container {{container}} looks like a secret but its value is written in the manifest — read it from a Secret ' +
        'with valueFrom.secretKeyRef.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sync\nspec:\n  containers:\n  - name: sync\n    image: sync:1.0.0\n    env:\n' +
        '    - name: OPENAI_API_KEY\n      value: sk-123\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sync\nspec:\n  containers:\n  - name: sync\n    image: sync:1.0.0\n    env:\n' +
        '    - name: OPENAI_API_KEY\n      valueFrom:\n        secretKeyRef:\n          name: sync-secrets\n          key: openai-api-key\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const secretName = `${ctx.object.name ?? 'app'}-secrets`;
    for (const { container, path } of containersOf(ctx.value, ctx.object.kind)) {
      if (!Array.isArray(container.env)) continue;
      container.env.forEach((e, i) => {
        if (!e || typeof e !== 'object') return;
        const { name, value } = e as Record<string, unknown>;
        if (typeof name !== 'string' || typeof value !== 'string' || !looksLikeSecretName(name) || !couldBeSecret(value)) return;
        const envPath = [...path, 'env', i];
        const key = nameWords(name).join('-').toLowerCase();
        const n = tabStop(1, yamlString(secretName));
        const k = tabStop(2, yamlString(key));
        const steps: EditStep[] = [
          (d) => removePair(d, [...envPath, 'value']),
          (d) =>
            insertPair(d, envPath, 'valueFrom', ['secretKeyRef:', `  name: ${n}`, `  key: ${k}`]) ??
            insertPair(d, envPath, 'valueFrom', `{secretKeyRef: {name: ${n}, key: ${k}}}`),
        ];
        const marked = composeEdits(ctx.doc, steps);
        const fixes: Fix[] = marked
          ? [
              {
                title: `Read ${name} from a Secret (valueFrom.secretKeyRef)`,
                edits: withoutTabStops(marked),
                snippet: toSnippetEdits(marked),
              },
            ]
          : [];
        const [start, end] = rangeOfValue(ctx.doc, [...envPath, 'name']);
        ctx.report({
          start,
          end,
          messageId: 'literal',
          data: { name, container: typeof container.name === 'string' ? container.name : `#${Number(path[path.length - 1]) + 1}` },
          fixes,
        });
      });
    }
  },
};
