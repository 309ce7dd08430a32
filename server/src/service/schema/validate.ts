// Validates a Kubernetes object against its 1.35 schema with ajv and turns each ajv error into a
// report of one of the schema rules (unknown-field, invalid-value, missing-required-field,
// invalid-quantity), on the exact range of the offending key or value, with a message a person
// understands and the fixes. The validators are compiled once per kind ahead of time (ajv
// standalone code in generated/validators.js), so nothing is compiled at startup; results are
// cached per parsed document, so the four rules share one validation pass.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { insertPair, removePair, renameKey, replaceValue, documentStyle, type EditValue } from '../manifest/edit';
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { findNode, findPair, getAt, rangeOfKey, rangeOfValue, type OffsetRange } from '../manifest/navigate';
import type { ParsedText } from '../manifest/parse';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import type { DocEdit, Fix, Report } from '../rules/types';
import { yamlString } from '../rules/fixText';
import { editDistance } from './distance';
import { getDefinition, humanType, kindDefinition, resolveField } from './index';
import * as compiled from './generated/validators';
import { INT32_MAX, INT32_MIN } from './jsonSchema';
import { intOrPercentValue, percent } from './formats';
import { isFileMode, rangeOf } from './ranges';
import { suggestQuantities } from './quantity';
import { EXTRA_REQUIRED, extraRequiredOf } from './required';

export type SchemaRuleId = 'unknown-field' | 'invalid-value' | 'missing-required-field' | 'invalid-quantity';

export interface SchemaProblem {
  readonly ruleId: SchemaRuleId;
  readonly report: Report;
}

const validators = compiled as unknown as Record<string, ValidateFunction | undefined>;

/** The validator of a kind's definition, compiled ahead of time by scripts/generate-schemas.ts. */
export function validatorFor(def: string): ValidateFunction | undefined {
  return Object.prototype.hasOwnProperty.call(validators, def) ? validators[def] : undefined;
}

const cache = new WeakMap<ParsedText, SchemaProblem[]>();

/** The schema problems of a document (cached with the parsed document). [] for objects we have no schema for. */
export function schemaProblems(doc: ManifestDocument): SchemaProblem[] {
  let problems = cache.get(doc.parsed);
  if (!problems) {
    problems = computeProblems(doc);
    cache.set(doc.parsed, problems);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

interface Context {
  readonly doc: ManifestDocument;
  readonly kind: string;
  readonly apiVersion: string;
  /** The document value with null-valued keys removed (Kubernetes reads them as unset). */
  readonly value: unknown;
  /** Paths (joined) of maps that use a YAML merge key `<<`: their content is not fully known. */
  readonly merged: Set<string>;
}

/** Plain scalars the Kubernetes YAML reader (go-yaml, YAML 1.1) takes as booleans, where our YAML 1.2 parser keeps strings. */
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
const YAML11_FALSE = /^(?:n|N|no|No|NO|off|Off|OFF)$/;

function keyOf(node: unknown): string | undefined {
  return isScalar(node) ? (node.value === null ? '' : String(node.value)) : undefined;
}

/**
 * The value as the API server reads it: a copy without null-valued keys (unset) and `<<` merge
 * keys (recording where those were), with YAML 1.1 booleans (`yes`, `off`…) as booleans. `node`
 * is the YAML node of `v` when known (for the scalar style).
 */
function clean(v: unknown, node: unknown, path: (string | number)[], merged: Set<string>, text: string): unknown {
  if (Array.isArray(v)) {
    const items = isSeq(node) ? node.items : undefined;
    return v.map((x, i) => {
      path.push(i);
      const r = clean(x, items?.[i], path, merged, text);
      path.pop();
      return r;
    });
  }
  if (v && typeof v === 'object') {
    const pairs = new Map<string, unknown>();
    if (isMap(node)) for (const p of node.items) pairs.set(keyOf(p.key) ?? '', p.value);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '<<') {
        merged.add(path.length ? `/${path.join('/')}` : '');
        continue;
      }
      if (x === null || x === undefined) continue;
      path.push(k);
      out[k] = clean(x, pairs.get(k), path, merged, text);
      path.pop();
    }
    return out;
  }
  if (typeof v === 'string' && isScalar(node) && node.type === Scalar.PLAIN) {
    if (YAML11_TRUE.test(v)) return true;
    if (YAML11_FALSE.test(v)) return false;
  }
  if (typeof v === 'number' && isScalar(node) && node.type === Scalar.PLAIN && node.range) {
    // YAML 1.1 octal (0644 is 420) and YAML 1.2's 0o644, which the API server's reader keeps as a string
    const src = text.slice(node.range[0], node.range[1]);
    if (/^0[0-7]+$/.test(src)) return parseInt(src, 8);
    if (/^0o[0-7]+$/.test(src)) return src;
  }
  return v;
}

function computeProblems(doc: ManifestDocument): SchemaProblem[] {
  const object = doc.object;
  if (!object) return [];
  const def = kindDefinition(object.apiVersion, object.kind);
  if (!def) return [];
  const merged = new Set<string>();
  // Without a built tree every scalar is style-neutral (parse.ts sends YAML 1.1 words and 0-prefixed
  // numbers to the full parse), so the value alone is enough and the tree is not built for this.
  const value = clean(doc.value, doc.parsed.builtTree?.contents, [], merged, doc.text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const ctx: Context = { doc, kind: object.kind, apiVersion: object.apiVersion, value, merged };
  const validate = validatorFor(def);
  if (!validate) return [];
  const errors = validate(value) ? [] : (validate.errors ?? []);
  const problems: SchemaProblem[] = [];
  // One problem, one diagnostic: per value, a type error wins over enum / format / range errors.
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'type' && e.keyword !== 'additionalProperties' && e.keyword !== 'required' && typeErrorAt.has(e.instancePath))
      continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const p = mapError(ctx, e);
    if (p) problems.push(p);
  }
  conditionalRequired(ctx, problems);
  daemonSetSurge(ctx, problems);
  return problems;
}

/**
 * A DaemonSet's rolling update either surges (new pod first) or makes pods unavailable, never both:
 * apps validation rejects a non-zero maxSurge with a non-zero maxUnavailable — which is what
 * setting only `maxSurge: 1` gives, since maxUnavailable defaults to 1.
 */
function daemonSetSurge(ctx: Context, problems: SchemaProblem[]): void {
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
  problems.push({
    ruleId: 'invalid-value',
    report: report(
      ctx,
      rangeOfValue(ctx.doc, [...base, 'maxSurge']),
      'daemonSetSurge',
      data,
      fix('Set maxUnavailable: 0 (surge instead)', edits, { preferred: true }),
    ),
  });
}

/** ajv's instancePath as a JSON path, with array indexes as numbers. */
function toPath(value: unknown, pointer: string): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let v = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(v)) {
      out.push(Number(seg));
      v = v[Number(seg)];
    } else {
      out.push(seg);
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** `Deployment.spec.template.spec.containers[0]` */
export function pathLabel(kind: string, path: JsonPath): string {
  let s = kind;
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  return s;
}

/** The last key of a path with its index: `replicas`, `containers[0]`, `accessModes[1]`. */
function fieldLabel(path: JsonPath): string {
  let s = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') s = `[${seg}]${s}`;
    else return `${seg}${s}`;
  }
  return s || 'value';
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a string';
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v && typeof v === 'object') return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

function report(ctx: Context, range: OffsetRange, messageId: string, data: Record<string, string | number>, fixes?: Fix[]): Report {
  return { start: range[0], end: range[1], messageId, data, ...(fixes && fixes.length ? { fixes } : {}) };
}

function fix(title: string, edits: Fix['edits'] | undefined, opts: { preferred?: boolean; safe?: boolean } = {}): Fix[] {
  if (!edits || edits.length === 0) return [];
  return [{ title, edits, ...(opts.preferred ? { isPreferred: true } : {}), ...(opts.safe ? { safe: true } : {}) }];
}

function mapError(ctx: Context, e: ErrorObject): SchemaProblem | undefined {
  const path = toPath(ctx.value, e.instancePath);
  if (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) return undefined;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownField(ctx, path, String(params.additionalProperty));
    case 'required':
      return missingField(ctx, path, String(params.missingProperty));
    case 'type':
      // A null list item is the zero value to the API server (an empty string, an empty object).
      if (getAt(ctx.value, path) === null) return undefined;
      return wrongType(ctx, path, String(params.type));
    case 'enum':
      return notAllowed(ctx, path, params.allowedValues as string[]);
    case 'minimum':
    case 'maximum':
      return outOfRange(ctx, path);
    case 'minLength':
    case 'minItems':
      return {
        ruleId: 'missing-required-field',
        report: report(ctx, rangeOfValue(ctx.doc, path), 'empty', {
          field: fieldLabel(path),
          parent: pathLabel(ctx.kind, path.slice(0, -1)),
        }),
      };
    case 'format':
      return params.format === 'quantity' ? badQuantity(ctx, path) : badFormat(ctx, path, String(params.format));
    default:
      return {
        ruleId: 'invalid-value',
        report: report(ctx, rangeOfValue(ctx.doc, path), 'invalid', {
          field: fieldLabel(path),
          value: shown(getAt(ctx.value, path)),
          reason: e.keyword,
        }),
      };
  }
}

// --- unknown-field -----------------------------------------------------------------------------

/** The closest candidate within a distance that still looks like a typo, and whether it is the only one that close. */
export function closest(word: string, candidates: readonly string[]): { best: string; distance: number; unique: boolean } | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let distance = Infinity;
  let unique = true;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < distance) {
      best = c;
      distance = d;
      unique = true;
    } else if (d === distance) unique = false;
  }
  return best !== undefined && distance <= limit ? { best, distance, unique } : undefined;
}

/** Whether every character of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; i < short.length && j < long.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}

/**
 * The one field a key shortens, when no field is a typo away: same first letter, every letter in
 * order (`imagePolicy` → `imagePullPolicy`, `pullPolicy` does not start like it, so no).
 */
export function abbreviationOf(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 4) return undefined;
  const w = word.toLowerCase();
  const matches = candidates.filter((c) => {
    const lc = c.toLowerCase();
    return lc.length > w.length && lc[0] === w[0] && isSubsequence(w, lc);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function unknownField(ctx: Context, parent: (string | number)[], key: string): SchemaProblem | undefined {
  if (key === '<<') return undefined;
  const path = [...parent, key];
  const parentDef = resolveField(ctx.apiVersion, ctx.kind, parent)?.definition;
  const def = parentDef ? getDefinition(parentDef) : undefined;
  const present = getAt(ctx.value, parent);
  const taken = present && typeof present === 'object' ? Object.keys(present) : [];
  const candidates = def ? Object.keys(def.p).filter((p) => !taken.includes(p)) : [];
  const near = closest(key, candidates);
  const data = { key, parent: pathLabel(ctx.kind, parent) };
  const range = rangeOfKey(ctx.doc, path);
  if (near) {
    const fixes = fix(`Rename to \`${near.best}\``, renameKey(ctx.doc, path, near.best), {
      preferred: true,
      safe: near.unique && near.distance <= 1,
    });
    return { ruleId: 'unknown-field', report: report(ctx, range, 'unknownSuggest', { ...data, suggestion: near.best }, fixes) };
  }
  const fixes = fix(`Remove \`${key}\``, removePair(ctx.doc, path));
  const home = homeOf(ctx, parent, parentDef, key);
  if (home) return { ruleId: 'unknown-field', report: report(ctx, range, 'unknownMoved', { ...data, home }, fixes) };
  const longer = abbreviationOf(key, candidates);
  if (longer) {
    // More than a typo apart: offered first, but never applied by fix-all.
    const rename = fix(`Rename to \`${longer}\``, renameKey(ctx.doc, path, longer), { preferred: true });
    return {
      ruleId: 'unknown-field',
      report: report(ctx, range, 'unknownSuggest', { ...data, suggestion: longer }, [...rename, ...fixes]),
    };
  }
  return { ruleId: 'unknown-field', report: report(ctx, range, 'unknown', data, fixes) };
}

/**
 * Where a misplaced key belongs: a field of an enclosing object (indented too deep), or of an
 * object a few levels below (`containers` written directly under a Deployment's spec).
 */
function homeOf(ctx: Context, parent: (string | number)[], parentDef: string | undefined, key: string): string | undefined {
  // Up: the nearest enclosing object (at most two objects up) that has the key.
  let up = parent.slice();
  for (let level = 0; level < 2 && up.length > 0;) {
    up = up.slice(0, -1);
    const info = resolveField(ctx.apiVersion, ctx.kind, up);
    if (info?.shape !== 'object') continue; // an array or map on the way up
    level++;
    if (info.definition && getDefinition(info.definition)?.p[key]) return pathLabel(ctx.kind, up);
  }
  // Down: breadth-first through object fields (not status), at most three levels.
  if (!parentDef) return undefined;
  let frontier: { def: string; rel: string }[] = [{ def: parentDef, rel: '' }];
  for (let depth = 0; depth < 3; depth++) {
    const next: { def: string; rel: string }[] = [];
    for (const { def, rel } of frontier) {
      for (const [prop, [t]] of Object.entries(getDefinition(def)?.p ?? {})) {
        if (prop === 'status') continue;
        const target = t.startsWith('@') ? t.slice(1) : t.startsWith('[]@') ? t.slice(3) : undefined;
        if (!target) continue;
        const r = `${rel}${rel ? '.' : ''}${prop}${t.startsWith('[]') ? '[]' : ''}`;
        if (getDefinition(target)?.p[key]) return `${pathLabel(ctx.kind, parent)}.${r}`;
        next.push({ def: target, rel: r });
      }
    }
    frontier = next;
  }
  return undefined;
}

// --- invalid-value -----------------------------------------------------------------------------

function expectedWords(ctx: Context, path: (string | number)[], expected: string): string {
  const t = resolveField(ctx.apiVersion, ctx.kind, path)?.typeRef;
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

function wrongType(ctx: Context, path: (string | number)[], expected: string): SchemaProblem {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  const data = { field: fieldLabel(path), expected: expectedWords(ctx, path, expected), actual: jsonType(v), value: shown(v) };
  const fixes: Fix[] = [];
  const t = resolveField(ctx.apiVersion, ctx.kind, path)?.typeRef ?? '';
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
      return {
        ruleId: 'invalid-value',
        report: report(ctx, range, 'yaml11Bool', { field: data.field, value: src, bool: String(v) }, fixes),
      };
    }
  } else if (t === '[]@EnvVar' && v && typeof v === 'object' && !Array.isArray(v)) {
    fixes.push(
      ...fix('Write the variables as a list of name/value pairs', envMapToList(ctx, path, v as Record<string, unknown>), {
        preferred: true,
        safe: true,
      }),
    );
  }
  return { ruleId: 'invalid-value', report: report(ctx, range, 'wrongType', data, fixes) };
}

/** `env: {A: x}` (the docker-compose habit) → `env:` + `- name: A` / `  value: "x"`, in place. */
function envMapToList(ctx: Context, path: (string | number)[], env: Record<string, unknown>): DocEdit[] | undefined {
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

function notAllowed(ctx: Context, path: (string | number)[], allowed: readonly string[]): SchemaProblem {
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
  return {
    ruleId: 'invalid-value',
    report: report(ctx, range, 'notAllowed', { field, value: shown(v), allowed: allowed.map((a) => `\`${a}\``).join(', ') }, fixes),
  };
}

function outOfRange(ctx: Context, path: (string | number)[]): SchemaProblem {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  const info = resolveField(ctx.apiVersion, ctx.kind, path);
  const allowed = info?.parentDefinition ? rangeOf(info.parentDefinition, info.name) : undefined;
  if (allowed && info && isFileMode(info.parentDefinition ?? '', info.name) && typeof v === 'number') {
    const node = findNode(ctx.doc, path);
    const src = node?.range ? ctx.doc.text.slice(node.range[0], node.range[1]) : String(v);
    const fixes = /^[0-7]{3,4}$/.test(src)
      ? fix(`Write it in octal: 0${src}`, replaceValue(ctx.doc, path, `0${src}`), { preferred: true })
      : [];
    return { ruleId: 'invalid-value', report: report(ctx, range, 'fileMode', { field: fieldLabel(path), value: src }, fixes) };
  }
  if (allowed && !(typeof v === 'number' && v > allowed[1] && allowed[1] >= INT32_MAX)) {
    const data = { field: fieldLabel(path), value: shown(v), min: allowed[0], max: allowed[1] };
    const id = allowed[1] >= INT32_MAX ? (allowed[0] === 0 ? 'negative' : 'notPositive') : 'range';
    return { ruleId: 'invalid-value', report: report(ctx, range, id, data) };
  }
  const data = { field: fieldLabel(path), value: shown(v), min: INT32_MIN, max: INT32_MAX };
  return { ruleId: 'invalid-value', report: report(ctx, range, 'int32', data) };
}

function badFormat(ctx: Context, path: (string | number)[], format: string): SchemaProblem {
  const v = getAt(ctx.value, path);
  const range = rangeOfValue(ctx.doc, path);
  if (format === 'byte') {
    const key = String(path[path.length - 1]);
    return { ruleId: 'invalid-value', report: report(ctx, range, 'base64', { field: fieldLabel(path.slice(0, -1)), key }) };
  }
  if (format.startsWith('percent')) {
    const data = { field: fieldLabel(path), value: shown(v) };
    if (typeof v !== 'string' || !percent.validate(v)) return { ruleId: 'invalid-value', report: report(ctx, range, 'percent', data) };
    const bounds = format === 'percent1To100' ? 'between 1% and 100%' : 'at most 100%';
    return { ruleId: 'invalid-value', report: report(ctx, range, 'percentRange', { ...data, bounds }) };
  }
  return { ruleId: 'invalid-value', report: report(ctx, range, 'invalid', { field: fieldLabel(path), value: shown(v), reason: format }) };
}

// --- invalid-quantity --------------------------------------------------------------------------

function badQuantity(ctx: Context, path: (string | number)[]): SchemaProblem {
  const v = String(getAt(ctx.value, path));
  const range = rangeOfValue(ctx.doc, path);
  const suggestions = suggestQuantities(v);
  const fixes: Fix[] = [];
  suggestions.forEach((s, i) => {
    fixes.push(
      ...fix(`Change to \`${s}\``, replaceValue(ctx.doc, path, s), {
        preferred: i === 0,
        safe: suggestions.length === 1,
      }),
    );
  });
  const field = fieldLabel(path);
  return suggestions.length
    ? { ruleId: 'invalid-quantity', report: report(ctx, range, 'invalidSuggest', { field, value: v, suggestion: suggestions[0] }, fixes) }
    : { ruleId: 'invalid-quantity', report: report(ctx, range, 'invalid', { field, value: v }) };
}

// --- missing-required-field --------------------------------------------------------------------

function kindLineRange(ctx: Context): OffsetRange {
  const k = rangeOfKey(ctx.doc, ['kind']);
  const v = rangeOfValue(ctx.doc, ['kind']);
  return [k[0], Math.max(k[1], v[1])];
}

function missingRange(ctx: Context, parent: (string | number)[]): OffsetRange {
  return parent.length === 0 ? kindLineRange(ctx) : rangeOfKey(ctx.doc, parent);
}

function missingField(ctx: Context, parent: (string | number)[], key: string): SchemaProblem | undefined {
  // Inside a map that merges another (`<<: *base`), the field may come from the merged map.
  if (ctx.merged.has(parent.length ? `/${parent.join('/')}` : '')) return undefined;
  const parentInfo = resolveField(ctx.apiVersion, ctx.kind, parent);
  const defName = parentInfo?.definition ?? '';
  const t = getDefinition(defName)?.p[key]?.[0] ?? 'string';
  const sample = placeholder(ctx, defName, key, t, parent);
  const edits =
    fillEmpty(ctx, [...parent, key], sample) ??
    (parent.length === 0 && key === 'metadata' ? afterKindLine(ctx, key, sample) : undefined) ??
    insertPair(ctx.doc, parent, key, toEditValue(ctx, sample));
  const fixes = fix(`Add \`${key}\``, edits, { preferred: true });
  return {
    ruleId: 'missing-required-field',
    report: report(ctx, missingRange(ctx, parent), 'missing', { parent: pathLabel(ctx.kind, parent), field: key }, fixes),
  };
}

/** Requirements that depend on other fields (ServiceSpec.ports unless headless / ExternalName). */
const CONDITIONAL = EXTRA_REQUIRED.filter((e) => e.when);
const CONDITIONAL_DEFS = new Set(CONDITIONAL.map((e) => e.def));
/** How deep conditional requirements can apply (unbounded when one of them does not say). */
const CONDITIONAL_DEPTH = CONDITIONAL.reduce((d, e) => Math.max(d, e.maxDepth ?? Infinity), 0);

function conditionalRequired(ctx: Context, problems: SchemaProblem[]): void {
  if (!CONDITIONAL.length) return;
  walk(ctx.value, `@${kindDefinition(ctx.apiVersion, ctx.kind)}`, [], CONDITIONAL_DEPTH, (obj, defName, path) => {
    if (!CONDITIONAL_DEFS.has(defName)) return;
    for (const e of extraRequiredOf(defName)) {
      if (!e.when || e.prop in obj || !e.when(obj, path, ctx.value as Record<string, unknown>)) continue;
      const p = missingField(ctx, [...path], e.prop);
      if (p) problems.push(p);
    }
  });
}

/**
 * Visits every object of the value with its definition, following the schema, down to paths of
 * `maxDepth` segments. `path` is the visitor's to read, not to keep (it changes as the walk goes on).
 */
function walk(
  v: unknown,
  t: string,
  path: (string | number)[],
  maxDepth: number,
  visit: (obj: Record<string, unknown>, defName: string, path: (string | number)[]) => void,
): void {
  if (!v || typeof v !== 'object') return;
  const below = (x: unknown, type: string, seg: string | number) => {
    if (path.length >= maxDepth) return;
    path.push(seg);
    walk(x, type, path, maxDepth, visit);
    path.pop();
  };
  if (t.startsWith('[]')) {
    if (Array.isArray(v)) v.forEach((x, i) => below(x, t.slice(2), i));
    return;
  }
  if (t.startsWith('{}')) {
    if (!Array.isArray(v)) for (const [k, x] of Object.entries(v)) below(x, t.slice(2), k);
    return;
  }
  if (!t.startsWith('@') || Array.isArray(v)) return;
  const defName = t.slice(1);
  const def = getDefinition(defName);
  if (!def) return;
  const obj = v as Record<string, unknown>;
  visit(obj, defName, path);
  if (path.length >= maxDepth) return;
  for (const [k, x] of Object.entries(obj)) {
    const p = def.p[k];
    if (p && (p[0].startsWith('@') || p[0].startsWith('[]@') || p[0].startsWith('{}@'))) below(x, p[0], k);
  }
}

// --- placeholders for inserted fields ----------------------------------------------------------

type Sample = string | number | boolean | Sample[] | { [k: string]: Sample };

const WORKLOAD_JOB_KINDS = new Set(['Job', 'CronJob']);

function objectName(ctx: Context): string {
  const n = getAt(ctx.value, ['metadata', 'name']);
  return typeof n === 'string' && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n) ? n : 'app';
}

function podLabels(ctx: Context, templatePath: (string | number)[]): Record<string, string> {
  const fromTemplate = getAt(ctx.value, [...templatePath, 'metadata', 'labels']);
  const fromSelector = getAt(ctx.value, ['spec', 'selector', 'matchLabels']);
  for (const l of [fromTemplate, fromSelector]) {
    if (l && typeof l === 'object' && !Array.isArray(l) && Object.keys(l).length) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(l)) out[k] = String(v);
      return out;
    }
  }
  return { app: objectName(ctx) };
}

/** A name for a Service port: http/https for 80/443, else port-<number>, unique among the Service's ports. */
function servicePortName(ctx: Context, portPath: (string | number)[]): string {
  const port = getAt(ctx.value, [...portPath, 'port']);
  const base = port === 80 ? 'http' : port === 443 ? 'https' : typeof port === 'number' ? `port-${port}` : 'port';
  const ports = getAt(ctx.value, portPath.slice(0, -1));
  const taken = new Set(
    Array.isArray(ports) ? ports.map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).name : undefined)) : [],
  );
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/** Placeholders for fields whose type alone gives a poor one. */
function special(ctx: Context, defName: string, prop: string, parent: (string | number)[]): Sample | undefined {
  if (prop === 'metadata' && getDefinition(defName)?.gvk) return { name: ctx.kind.toLowerCase() };
  switch (`${defName}.${prop}`) {
    case 'ObjectMeta.name':
      return ctx.kind.toLowerCase();
    case 'Container.name':
      return objectName(ctx);
    case 'Container.image':
      return '';
    case 'CronJobSpec.schedule':
      return '0 0 * * *';
    case 'ServicePort.name':
      return servicePortName(ctx, parent);
    case 'ServicePort.port':
    case 'ContainerPort.containerPort':
      return 80;
    case 'ServiceSpec.ports':
      return [{ port: 80 }];
    case 'Service.spec':
      return { ports: [{ port: 80 }] };
  }
  return undefined;
}

function placeholder(ctx: Context, defName: string, prop: string, t: string, parent: (string | number)[], depth = 0): Sample {
  return special(ctx, defName, prop, parent) ?? sampleOf(ctx, t, [...parent, prop], depth);
}

function sampleOf(ctx: Context, t: string, path: (string | number)[], depth: number): Sample {
  if (t.startsWith('[]')) {
    const el = t.slice(2);
    return el.startsWith('@') && depth < 6 ? [sampleOf(ctx, el, [...path, 0], depth + 1)] : [];
  }
  if (t.startsWith('{}') || t === 'object') return {};
  if (t === 'boolean') return false;
  if (t.startsWith('integer') || t.startsWith('number') || t === 'int-or-string') return 1;
  if (t === 'quantity') return '1';
  if (!t.startsWith('@')) return '';
  const defName = t.slice(1);
  if (defName === 'LabelSelector') {
    const spec = path.slice(0, -1);
    return { matchLabels: podLabels(ctx, [...spec, 'template']) };
  }
  const def = getDefinition(defName);
  if (!def || depth >= 6) return {};
  const out: { [k: string]: Sample } = {};
  if (defName === 'PodTemplateSpec') out.metadata = { labels: podLabels(ctx, path) };
  const required = [
    ...(def.r ?? []),
    ...extraRequiredOf(defName)
      .filter((e) => !e.when)
      .map((e) => e.prop),
  ];
  for (const prop of required) {
    if (def.p[prop]) out[prop] = placeholder(ctx, defName, prop, def.p[prop][0], path, depth + 1);
  }
  if (defName === 'PodSpec' && WORKLOAD_JOB_KINDS.has(ctx.kind)) return { restartPolicy: 'Never', ...out };
  return out;
}

function scalarText(v: string | number | boolean): string {
  return typeof v === 'string' ? yamlString(v) : String(v);
}

function isEmpty(v: Sample): boolean {
  return typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

/** YAML lines for a sample, with the document's indentation unit and sequence style. */
function linesOf(v: Sample, indent: number, compactSeq: boolean): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const item of v) {
      const inner = typeof item === 'object' && !isEmpty(item) ? linesOf(item, indent, compactSeq) : [valueText(item)];
      inner.forEach((l, i) => out.push(i === 0 ? `- ${l}` : `  ${l}`));
    }
    return out;
  }
  if (typeof v !== 'object') return [scalarText(v)];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'object' || isEmpty(x)) out.push(`${k}: ${valueText(x)}`);
    else {
      out.push(`${k}:`);
      const childPad = Array.isArray(x) && compactSeq ? '' : pad;
      for (const l of linesOf(x, indent, compactSeq)) out.push(`${childPad}${l}`);
    }
  }
  return out;
}

function valueText(v: Sample): string {
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  return scalarText(v);
}

/** A top-level block mapping: insert `key:` + the sample right after the `kind` line. */
function afterKindLine(ctx: Context, key: string, v: Sample): DocEdit[] | undefined {
  const pair = findPair(ctx.doc, ['kind']);
  const keyRange = (pair?.key as Node | undefined)?.range;
  const valueEnd = (pair?.value as Node | null)?.range?.[1] ?? keyRange?.[1];
  if (!keyRange || valueEnd === undefined || typeof v !== 'object' || isEmpty(v)) return undefined;
  const text = ctx.doc.text;
  const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  if (keyRange[0] !== lineStart) return undefined; // not a block mapping at column 0
  const nl = text.indexOf('\n', valueEnd);
  const at = nl < 0 ? text.length : nl + 1;
  const style = documentStyle(ctx.doc);
  const pad = ' '.repeat(style.indent);
  const lines = [`${key}:`, ...linesOf(v, style.indent, style.compactSeq).map((l) => `${pad}${l}`)];
  return [{ start: at, end: at, newText: (nl < 0 ? '\n' : '') + lines.map((l) => `${l}\n`).join('') }];
}

/** `key:` present with an empty or null value (`spec:`, `spec: ~`): write the sample under it. */
function fillEmpty(ctx: Context, path: (string | number)[], v: Sample): DocEdit[] | undefined {
  const pair = findPair(ctx.doc, path);
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyRange) return undefined;
  const value = pair.value as Node | null;
  if (value && !(isScalar(value) && value.value === null)) return undefined;
  const text = ctx.doc.text;
  const colon = text.indexOf(':', keyRange[1]);
  if (colon < 0) return undefined;
  // Drop an explicit `~` / `null` with the space before it.
  const end = value?.range && value.range[1] > value.range[0] ? value.range[1] : colon + 1;
  if (typeof v !== 'object' || isEmpty(v)) return [{ start: colon + 1, end, newText: ` ${valueText(v)}` }];
  const edits: DocEdit[] = end > colon + 1 ? [{ start: colon + 1, end, newText: '' }] : [];
  const style = documentStyle(ctx.doc);
  const keyCol = keyRange[0] - (text.lastIndexOf('\n', keyRange[0] - 1) + 1);
  const pad = ' '.repeat(keyCol + (Array.isArray(v) && style.compactSeq ? 0 : style.indent));
  const nl = text.indexOf('\n', keyRange[1]);
  const at = nl < 0 ? text.length : nl + 1;
  const lines = linesOf(v, style.indent, style.compactSeq).map((l) => `${pad}${l}\n`);
  return [...edits, { start: at, end: at, newText: (nl < 0 ? '\n' : '') + lines.join('') }];
}

function toEditValue(ctx: Context, v: Sample): EditValue {
  if (typeof v !== 'object' || isEmpty(v)) return valueText(v);
  const style = documentStyle(ctx.doc);
  return linesOf(v, style.indent, style.compactSeq);
}
