// invalid-value: a value the API server rejects: the wrong type (`replicas: "3"`, `value: 8080`
// for a string), a value outside the allowed set (`restartPolicy: Sometimes`), an int32
// overflow, or Secret data that is not base64. Found by the shared schema pass (api/validate.ts).
import { crdDocumentReports } from '../crd/problems';
import { customResourceReportsOf } from '../crd/resource';
import type { Node } from 'yaml';
import { INT32_MAX, INT32_MIN } from '../api/validate';
import { intOrPercentValue, percent } from '../api/formats';
import { isFileMode, rangeOf } from '../api/ranges';
import { humanType } from '../api/typeRefs';
import { documentStyle, insertPair, replaceValue } from '../manifest/edit';
import { findNode, findPair, getAt, rangeOfValue } from '../manifest/navigate';
import { yamlString } from './fixText';
import { fieldLabel, fix, jsonType, report, schemaContext, shown, type SchemaContext } from './schemaReport';
import type { DocEdit, Fix, Report, Rule } from './types';

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
      crdPattern: '{{value}} is not a valid value of `{{field}}`: it must match `{{pattern}}`.',
      crdBound: '`{{field}}` is {{value}}, but it must be {{bound}}.',
      crdLength: '`{{field}}` is {{length}} characters long ({{value}}), but it must be {{bound}}.',
      crdCount: '`{{field}}` has {{count}} {{what}}, but it must have {{bound}}.',
      crdDuplicate: '{{value}} appears twice in `{{field}}` (first as item {{first}}): its items must be unique.',
      crdDuplicateKey: 'This item of `{{field}}` has the same key ({{keys}}) as item {{first}}: the list is keyed by it.',
      crdRule: '{{message}}',
      crdStructural: '{{message}}',
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
    for (const p of customResourceReportsOf(ctx.doc, ctx.crds)) if (p.ruleId === 'invalid-value') ctx.report(p.report);
    for (const p of crdDocumentReports(ctx.doc)) ctx.report(p.report);
    const sc = schemaContext(ctx);
    if (!sc) return;
    for (const p of sc.problems) {
      const path = [...p.path];
      if (p.code === 'type') ctx.report(wrongType(sc, path, p.expected));
      else if (p.code === 'enum') ctx.report(notAllowed(sc, path, p.allowed));
      else if (p.code === 'range') ctx.report(outOfRange(sc, path));
      else if (p.code === 'format' && p.format !== 'quantity') ctx.report(badFormat(sc, path, p.format));
    }
    const surge = daemonSetSurge(sc);
    if (surge) ctx.report(surge);
  },
};

/**
 * A DaemonSet's rolling update either surges (new pod first) or makes pods unavailable, never both:
 * apps validation rejects a non-zero maxSurge with a non-zero maxUnavailable — which is what
 * setting only `maxSurge: 1` gives, since maxUnavailable defaults to 1.
 */
function daemonSetSurge(ctx: SchemaContext): Report | undefined {
  if (ctx.kind !== 'DaemonSet') return;
  const strategy = getAt(ctx.value, ['spec', 'updateStrategy']) as Record<string, unknown> | undefined;
  if (!strategy || typeof strategy !== 'object' || (strategy.type !== undefined && strategy.type !== 'RollingUpdate')) return;
  const ru = strategy.rollingUpdate as Record<string, unknown> | undefined;
  if (!ru || typeof ru !== 'object') return;
  const surge = intOrPercentValue(ru.maxSurge ?? 0);
  const unavailable = intOrPercentValue(ru.maxUnavailable ?? 1);
  // An invalid value of either has its own invalid-value report.
  if (!surge || !unavailable) return;
  const base = ['spec', 'updateStrategy', 'rollingUpdate'];
  const edits =
    ru.maxUnavailable === undefined
      ? insertPair(ctx.doc, base, 'maxUnavailable', '0')
      : replaceValue(ctx.doc, [...base, 'maxUnavailable'], '0');
  const data = { unavailable: ru.maxUnavailable === undefined ? '1 (the default)' : shown(ru.maxUnavailable) };
  return report(
    rangeOfValue(ctx.doc, [...base, 'maxSurge']),
    'daemonSetSurge',
    data,
    fix('Set maxUnavailable: 0 (surge instead)', edits, { preferred: true }),
  );
}

function expectedWords(ctx: SchemaContext, path: (string | number)[], expected: string): string {
  const t = ctx.api.resolveField(ctx.apiVersion, ctx.kind, path)?.typeRef;
  if (t) {
    if (t === 'int-or-string') return 'an integer or a string';
    if (t === 'quantity') return 'a quantity (a number or a string like `500Mi`)';
    if (t.startsWith('[]')) return `a list (${humanType(t)})`;
    if (t.startsWith('{}')) return `a mapping (${humanType(t)})`;
    if (t.startsWith('@')) return `a mapping (${t.slice(1)})`;
    if (t === 'object') return 'a mapping';
    if (t === 'integer:int32' || t === 'integer:int64') return 'an integer';
    if (t === 'boolean') return '`true` or `false`';
    if (t.startsWith('number')) return 'a number';
    if (t.startsWith('string')) return 'a string';
  }
  return expected.includes('integer') ? 'an integer' : `a value of type ${expected}`;
}

function wrongType(ctx: SchemaContext, path: (string | number)[], expected: string): Report {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  const data = { field: fieldLabel(path), expected: expectedWords(ctx, path, expected), actual: jsonType(v), value: shown(v) };
  const fixes: Fix[] = [];
  const t = ctx.api.resolveField(ctx.apiVersion, ctx.kind, path)?.typeRef ?? '';
  if (typeof v === 'string') {
    const trimmed = v.trim();
    if ((t.startsWith('integer') || t === 'number:double') && /^[+-]?\d+$/.test(trimmed)) {
      fixes.push(
        ...fix(`Write ${trimmed} as a number`, replaceValue(ctx.doc, path, String(Number(trimmed))), { preferred: true, safe: true }),
      );
    } else if (t === 'boolean' && /^(true|false)$/i.test(trimmed)) {
      const b = trimmed.toLowerCase();
      fixes.push(...fix(`Write ${b} as a boolean`, replaceValue(ctx.doc, path, b), { preferred: true, safe: true }));
    }
  } else if ((typeof v === 'number' || typeof v === 'boolean') && t.startsWith('string')) {
    const node = findNode(ctx.doc, path);
    const src = node?.range ? ctx.doc.text.slice(node.range[0], node.range[1]) : String(v);
    fixes.push(...fix(`Quote it: "${src}"`, replaceValue(ctx.doc, path, JSON.stringify(src)), { preferred: true, safe: true }));
    if (typeof v === 'boolean' && src !== String(v)) {
      // `yes`, `on`, `off`…: a string to us, a boolean to the API server's YAML 1.1 reader
      return report(range, 'yaml11Bool', { field: data.field, value: src, bool: String(v) }, fixes);
    }
  } else if (t === '[]@EnvVar' && v && typeof v === 'object' && !Array.isArray(v)) {
    fixes.push(
      // From the document as written: the API server's view drops `A:` (null), and the fix must not.
      ...fix(
        'Write the variables as a list of name/value pairs',
        envMapToList(ctx, path, getAt(ctx.doc.value, path) as Record<string, unknown>),
        {
          preferred: true,
          safe: true,
        },
      ),
    );
  }
  return report(range, 'wrongType', data, fixes);
}

/** `env: {A: x}` (the docker-compose habit) → `env:` + `- name: A` / `  value: "x"`, in place. */
function envMapToList(ctx: SchemaContext, path: (string | number)[], env: Record<string, unknown>): DocEdit[] | undefined {
  const entries = Object.entries(env);
  if (entries.length === 0 || entries.some(([, x]) => x !== null && typeof x === 'object')) return undefined;
  const pair = findPair(ctx.doc, path);
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueRange = (pair?.value as Node | null)?.range;
  if (!keyRange || !valueRange) return undefined;
  const text = ctx.doc.text;
  const colon = text.indexOf(':', keyRange[1]);
  if (colon < 0 || colon > valueRange[0]) return undefined;
  const style = documentStyle(ctx.doc);
  const keyCol = keyRange[0] - (text.lastIndexOf('\n', keyRange[0] - 1) + 1);
  const pad = ' '.repeat(keyCol + (style.compactSeq ? 0 : style.indent));
  const lines = entries.map(([k, x]) => {
    const value = x === null || x === undefined ? '' : `\n${pad}  value: ${yamlString(String(x))}`;
    return `${pad}- name: ${yamlString(k)}${value}`;
  });
  // the map's text may end with its newline (block maps do): keep it
  const end = text[valueRange[1] - 1] === '\n' ? valueRange[1] - 1 : valueRange[1];
  return [{ start: colon + 1, end, newText: `\n${lines.join('\n')}` }];
}

function notAllowed(ctx: SchemaContext, path: (string | number)[], allowed: readonly string[]): Report {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  const sameCase = allowed.filter((a) => typeof v === 'string' && a.toLowerCase() === v.toLowerCase());
  const fixes: Fix[] = [];
  for (const a of allowed) {
    const f = fix(`Change to \`${a}\``, replaceValue(ctx.doc, path, yamlString(a)), {
      preferred: sameCase.length === 1 && sameCase[0] === a,
      safe: sameCase.length === 1 && sameCase[0] === a,
    });
    fixes.push(...f);
  }
  const field = fieldLabel(path).replace(/\[\d+\]$/, '');
  return report(range, 'notAllowed', { field, value: shown(v), allowed: allowed.map((a) => `\`${a}\``).join(', ') }, fixes);
}

function outOfRange(ctx: SchemaContext, path: (string | number)[]): Report {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  const info = ctx.api.resolveField(ctx.apiVersion, ctx.kind, path);
  const allowed = info?.parentDefinition ? rangeOf(info.parentDefinition, info.name) : undefined;
  if (allowed && info && isFileMode(info.parentDefinition ?? '', info.name) && typeof v === 'number') {
    const node = findNode(ctx.doc, path);
    const src = node?.range ? ctx.doc.text.slice(node.range[0], node.range[1]) : String(v);
    const fixes = /^[0-7]{3,4}$/.test(src)
      ? fix(`Write it in octal: 0${src}`, replaceValue(ctx.doc, path, `0${src}`), { preferred: true })
      : [];
    return report(range, 'fileMode', { field: fieldLabel(path), value: src }, fixes);
  }
  if (allowed && !(typeof v === 'number' && v > allowed[1] && allowed[1] >= INT32_MAX)) {
    const data = { field: fieldLabel(path), value: shown(v), min: allowed[0], max: allowed[1] };
    const id = allowed[1] >= INT32_MAX ? (allowed[0] === 0 ? 'negative' : 'notPositive') : 'range';
    return report(range, id, data);
  }
  const data = { field: fieldLabel(path), value: shown(v), min: INT32_MIN, max: INT32_MAX };
  return report(range, 'int32', data);
}

function badFormat(ctx: SchemaContext, path: (string | number)[], format: string): Report {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  if (format === 'byte') {
    const key = String(path[path.length - 1]);
    return report(range, 'base64', { field: fieldLabel(path.slice(0, -1)), key });
  }
  if (format.startsWith('percent')) {
    const data = { field: fieldLabel(path), value: shown(v) };
    if (typeof v !== 'string' || !percent.validate(v)) return report(range, 'percent', data);
    const bounds = format === 'percent1To100' ? 'between 1% and 100%' : 'at most 100%';
    return report(range, 'percentRange', { ...data, bounds });
  }
  return report(range, 'invalid', { field: fieldLabel(path), value: shown(v), reason: format });
}
