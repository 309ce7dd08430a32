// invalid-data-key: ConfigMap and Secret keys the API server rejects. A key becomes a file name
// when the object is mounted, so it must be a "config key" (IsConfigMapKey): letters, digits,
// `-`, `_` and `.`, at most 253 characters, not `.` or `..` and not starting with `..`; and a
// ConfigMap key may not be in both data and binaryData (ValidateConfigMap).
import { renameKey } from '../manifest/edit';
import { rangeOfKey } from '../manifest/navigate';
import { yamlString } from './fixText';
import { hasOwn, isObject, own } from './podParts';
import type { Fix, Rule } from './types';
import { entryOf } from '../text/tables';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_LENGTH = 253;

/** Why `key` is not a config key, or undefined when it is one (the first of IsConfigMapKey's reasons). */
export function configKeyProblem(key: string): 'tooLong' | 'badChars' | 'dots' | undefined {
  if (key.length > MAX_LENGTH) return 'tooLong';
  if (!CONFIG_KEY.test(key)) return 'badChars';
  if (key === '.' || key.startsWith('..')) return 'dots';
  return undefined;
}

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ConfigMap: ['data', 'binaryData'],
  // stringData is merged into data before validation: its keys are checked the same way.
  Secret: ['data', 'stringData'],
};

export const invalidDataKey: Rule = {
  meta: {
    id: 'invalid-data-key',
    name: 'Invalid ConfigMap or Secret key',
    severity: 'error',
    kinds: Object.keys(FIELDS),
    description:
      'A key of a ConfigMap’s data/binaryData or a Secret’s data/stringData with characters other than letters, digits, `-`, `_` and `.`, ' +
      'longer than 253 characters, `.` or starting with `..`; or a ConfigMap key in both data and binaryData.',
    rationale:
      'Each key becomes a file name when the ConfigMap or Secret is mounted as a volume, and an environment variable name with envFrom, so the ' +
      'API server accepts only "config keys": `[-._a-zA-Z0-9]+`, at most 253 characters, and not `.`, `..` or anything starting with `..` ' +
      '(kubelet uses `..`-names for its own atomic-update links). A slash is the usual mistake — a key cannot be a path: use a flat name and ' +
      'choose the path with `items[].path` where the volume is mounted. A ConfigMap key may appear in data or binaryData, not both.',
    guideSection: 'Kubernetes API',
    source:
      '`ValidateConfigMap` and `ValidateSecret`, pkg/apis/core/validation/validation.go, with `IsConfigMapKey`, k8s.io/apimachinery/pkg/util/validation',
    fixable: true,
    onPatch: 'check',
    messages: {
      badChars: 'Key "{{key}}" in {{field}} is not a valid config key: only letters, digits, "-", "_" and "." are allowed{{hint}}.',
      tooLong: 'Key "{{short}}…" in {{field}} has {{length}} characters: config keys may have at most 253.',
      dots: 'Key "{{key}}" in {{field}} is not a valid config key: it may not be "." or "..", nor start with "..".',
      duplicate: 'Key "{{key}}" is in both data and binaryData: a ConfigMap key may be in only one of them.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  conf/app.yaml: |\n    port: 8080\n',
      fixed: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  conf-app.yaml: |\n    port: 8080\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const fields = entryOf(FIELDS, ctx.object.kind) ?? [];
    for (const field of fields) {
      const map = own(ctx.value, field);
      if (!isObject(map)) continue;
      for (const key of Object.keys(map)) {
        const problem = configKeyProblem(key);
        // The range only for a key that is reported: finding a key's range scans its mapping, so
        // looking up every key of a 64,000-key ConfigMap was quadratic.
        if (!problem) {
          if (field === 'binaryData' && hasOwn(own(ctx.value, 'data'), key)) {
            const [start, end] = rangeOfKey(ctx.doc, [field, key]);
            ctx.report({ start, end, messageId: 'duplicate', data: { key } });
          }
          continue;
        }
        const [start, end] = rangeOfKey(ctx.doc, [field, key]);
        const fixes: Fix[] = [];
        if (problem === 'badChars') {
          // A readable name in the allowed characters, offered when it is free; references to the old key must follow by hand.
          const renamed = key
            .replace(/[^-._a-zA-Z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '')
            .replace(/^\.\.+/, '');
          const edits =
            renamed && !configKeyProblem(renamed) && !hasOwn(map, renamed)
              ? renameKey(ctx.doc, [field, key], yamlString(renamed))
              : undefined;
          if (edits) fixes.push({ title: `Rename the key to ${renamed}`, edits, isPreferred: true, safe: false });
        }
        ctx.report({
          start,
          end,
          messageId: problem,
          data: {
            key,
            field,
            short: key.slice(0, 40),
            length: key.length,
            hint: key.includes('/') ? ' — a key cannot be a path: set the path with items[].path where the volume is mounted' : '',
          },
          fixes,
        });
      }
    }
  },
};
