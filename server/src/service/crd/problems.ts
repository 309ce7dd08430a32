// A custom resource's problems against its CRD as reports of the schema rules (unknown-field,
// invalid-value, missing-required-field, api-version-mismatch): the neutral problems of
// validate.ts placed on the exact key or value of the document, worded by the rules' messages and
// given the same fixes as built-in kinds (rename to the closest field, change to an allowed value,
// write a number as a number…).
import { insertPair, removePair, renameKey, replaceValue } from '../manifest/edit';
import { findNode, getAt, rangeOfKey, rangeOfValue, type OffsetRange } from '../manifest/navigate';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import { yamlString } from '../text/yamlScalar';
import type { Fix, Report } from '../rules/types';
import { editDistance } from '../text/distance';
import { schemaAt } from './fields';
import type { CrdMatch } from './registry';
import type { CrdPath, CrdProblem, SchemaNode } from './types';
import { knownFields, validateCustomResource } from './validate';
import { isCrd } from './read';
import { checkCrdDocument, type StructuralCode } from './structural';
import { entryOf } from '../text/tables';

export type CrdRuleId = 'unknown-field' | 'invalid-value' | 'missing-required-field' | 'api-version-mismatch';

export interface CrdReport {
  readonly ruleId: CrdRuleId;
  readonly report: Report;
}

/** The value as the API server reads it: without `<<` merge keys (their content is not known). */
function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `Widget.spec.parts[0]` */
function pathLabel(kind: string, path: CrdPath): string {
  let s = kind;
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  return s;
}

/** The last key of a path with its index: `size`, `parts[0]`. */
function fieldLabel(path: CrdPath): string {
  let s = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') s = `[${seg}]${s}`;
    else return `${seg}${s}`;
  }
  return s || 'value';
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v && typeof v === 'object') return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a string';
}

const EXPECTED: Readonly<Record<string, string>> = {
  'integer-or-string': 'an integer or a string',
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: '`true` or `false`',
};

function fix(title: string, edits: Fix['edits'] | undefined, opts: { preferred?: boolean; safe?: boolean } = {}): Fix[] {
  if (!edits || edits.length === 0) return [];
  return [{ title, edits, ...(opts.preferred ? { isPreferred: true } : {}), ...(opts.safe ? { safe: true } : {}) }];
}

/** The closest candidate within a typo's distance, and whether it is the only one that close. */
function closest(word: string, candidates: readonly string[]): { best: string; distance: number; unique: boolean } | undefined {
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

interface Ctx {
  readonly doc: ManifestDocument;
  readonly kind: string;
  readonly crdName: string;
  readonly schema: SchemaNode;
  readonly value: Record<string, unknown>;
}

function report(range: OffsetRange, messageId: string, data: Record<string, string | number>, fixes?: Fix[]): Report {
  return { start: range[0], end: range[1], messageId, data, ...(fixes && fixes.length ? { fixes } : {}) };
}

/** Whether a path is written in the document (not a default, not under a `<<` merge). */
function written(ctx: Ctx, path: CrdPath): boolean {
  return findNode(ctx.doc, path as JsonPath) !== undefined;
}

/**
 * The reports of a custom resource against its CRD: a version that is not served or is
 * deprecated, then its schema problems (none when the version has no schema).
 */
export function customResourceReports(doc: ManifestDocument, match: CrdMatch, schema: SchemaNode | undefined): CrdReport[] {
  const value = doc.value;
  const object = doc.object;
  if (!isObj(value) || !object) return [];
  const out: CrdReport[] = [];
  const version = match.version;
  const crdName = match.entry.crd.name;
  const apiRange = rangeOfValue(doc, ['apiVersion']);
  const served = match.entry.crd.versions.filter((v) => v.served).map((v) => `${match.entry.crd.group}/${v.name}`);
  if (!version || !version.served) {
    const expected =
      served.find((s) => match.entry.crd.versions.find((v) => v.storage && `${match.entry.crd.group}/${v.name}` === s)) ?? served[0];
    const fixes = expected ? fix(`Change to \`${expected}\``, replaceValue(doc, ['apiVersion'], expected), { preferred: true }) : [];
    const data = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      crd: crdName,
      served: served.map((s) => `\`${s}\``).join(', ') || 'none',
    };
    out.push({ ruleId: 'api-version-mismatch', report: report(apiRange, version ? 'crdNotServed' : 'crdNoVersion', data, fixes) });
    return out;
  }
  if (version.deprecated) {
    const warning = version.deprecationWarning ?? `${object.apiVersion} ${object.kind} is deprecated`;
    out.push({
      ruleId: 'api-version-mismatch',
      // Served, so the API server accepts it (with this warning): a warning, where not served is an error.
      report: {
        ...report(apiRange, 'crdDeprecated', { apiVersion: object.apiVersion, kind: object.kind, warning }),
        tags: ['deprecated'],
        severity: 'warning',
      },
    });
  }
  if (!schema) return out;
  const ctx: Ctx = { doc, kind: object.kind, crdName, schema, value };
  for (const p of validateCustomResource(schema, withoutMergeKeys(value)).problems) {
    const r = toReport(ctx, p);
    if (r) out.push(r);
  }
  return out;
}

function withoutMergeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutMergeKeys);
  if (!isObj(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== '<<') out[k] = withoutMergeKeys(x);
  return out;
}

function toReport(ctx: Ctx, p: CrdProblem): CrdReport | undefined {
  const path = p.path;
  const v = getAt(ctx.value, path as JsonPath);
  const field = fieldLabel(path);
  const valueRange = () => rangeOfValue(ctx.doc, path as JsonPath);
  const invalid = (messageId: string, data: Record<string, string | number>, fixes?: Fix[]): CrdReport => ({
    ruleId: 'invalid-value',
    report: report(valueRange(), messageId, data, fixes),
  });
  switch (p.code) {
    case 'unknownField':
      return unknownField(ctx, path, String(p.params.field));
    case 'required':
      return missing(ctx, path, String(p.params.field));
    case 'type':
      return wrongType(ctx, path, String(p.params.expected), v);
    case 'enum': {
      const allowed = (p.params.allowed as unknown[]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
      const sameCase = allowed.filter((a) => typeof v === 'string' && a.toLowerCase() === v.toLowerCase());
      const fixes = allowed.flatMap((a) =>
        fix(`Change to \`${a}\``, replaceValue(ctx.doc, path as JsonPath, yamlString(a)), {
          preferred: sameCase.length === 1 && sameCase[0] === a,
          safe: sameCase.length === 1 && sameCase[0] === a,
        }),
      );
      return invalid(
        'notAllowed',
        { field: field.replace(/\[\d+\]$/, ''), value: shown(v), allowed: allowed.map((a) => `\`${a}\``).join(', ') },
        fixes,
      );
    }
    case 'pattern':
      return invalid('crdPattern', { field, value: shown(v), pattern: String(p.params.pattern) });
    case 'format':
      return invalid('invalid', { field, value: shown(v), reason: `not a valid ${String(p.params.format)}` });
    case 'minimum':
    case 'maximum': {
      const limit = Number(p.params.limit);
      const bound =
        p.code === 'minimum'
          ? p.params.exclusive
            ? `greater than ${limit}`
            : `at least ${limit}`
          : p.params.exclusive
            ? `less than ${limit}`
            : `at most ${limit}`;
      return invalid('crdBound', { field, value: shown(v), bound });
    }
    case 'multipleOf':
      return invalid('crdBound', { field, value: shown(v), bound: `a multiple of ${String(p.params.multipleOf)}` });
    case 'minLength':
    case 'maxLength':
      return invalid('crdLength', {
        field,
        value: shown(v),
        length: Number(p.params.length),
        bound: `${p.code === 'minLength' ? 'at least' : 'at most'} ${String(p.params.limit)}`,
      });
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const what = p.code.endsWith('Items') ? 'items' : 'entries';
      const bound = `${p.code.startsWith('min') ? 'at least' : 'at most'} ${String(p.params.limit)} ${what}`;
      return invalid('crdCount', { field, count: Number(p.params.count), what, bound });
    }
    case 'duplicateItem': {
      const list = fieldLabel(path.slice(0, -1));
      const fixes = fix('Remove the duplicate', removeItem(ctx, path), { preferred: true, safe: true });
      return invalid('crdDuplicate', { field: list, value: shown(v), first: Number(p.params.firstIndex) }, fixes);
    }
    case 'duplicateMapKey': {
      const keys = Object.entries(p.params.keys as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${shown(x)}`)
        .join(', ');
      return {
        ruleId: 'invalid-value',
        report: report(rangeOfKey(ctx.doc, path as JsonPath), 'crdDuplicateKey', {
          field: fieldLabel(path.slice(0, -1)),
          keys,
          first: Number(p.params.firstIndex),
        }),
      };
    }
    case 'cel': {
      // A scalar is flagged on its value, an object or list on its key; a rule's fieldPath may name a
      // field that is not written: the nearest written part is flagged.
      const scalar = v === null || typeof v !== 'object';
      const range = scalar && written(ctx, path) ? valueRange() : rangeOfKey(ctx.doc, path as JsonPath);
      return { ruleId: 'invalid-value', report: report(range, 'crdRule', { field: fieldLabel(path), message: String(p.params.message) }) };
    }
    default:
      return invalid('invalid', { field, value: shown(v), reason: `fails its ${p.code} schema` });
  }
}

function removeItem(ctx: Ctx, path: CrdPath): Fix['edits'] | undefined {
  const node = findNode(ctx.doc, path as JsonPath);
  const range = node?.range;
  if (!range) return undefined;
  const text = ctx.doc.text;
  const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
  const before = text.slice(lineStart, range[0]);
  // Only a block item alone on its line(s): `- value`.
  if (!/^\s*-\s*$/.test(before)) return undefined;
  const nl = text.indexOf('\n', range[1] - 1);
  const end = nl < 0 ? text.length : nl + 1;
  return [{ start: lineStart, end, newText: '' }];
}

function unknownField(ctx: Ctx, path: CrdPath, key: string): CrdReport | undefined {
  if (key === '<<') return undefined;
  const parent = path.slice(0, -1);
  const parentNode = schemaAt(ctx.schema, parent);
  const present = getAt(ctx.value, parent as JsonPath);
  const taken = isObj(present) ? Object.keys(present) : [];
  const candidates = parentNode ? knownFields(parentNode, parent.length === 0).filter((c) => !taken.includes(c)) : [];
  const near = closest(key, candidates);
  const data = { key, parent: pathLabel(ctx.kind, parent), crd: ctx.crdName };
  const range = rangeOfKey(ctx.doc, path as JsonPath);
  if (near) {
    const fixes = fix(`Rename to \`${near.best}\``, renameKey(ctx.doc, path as JsonPath, near.best), {
      preferred: true,
      safe: near.unique && near.distance <= 1,
    });
    return { ruleId: 'unknown-field', report: report(range, 'unknownSuggest', { ...data, suggestion: near.best }, fixes) };
  }
  const fixes = fix(`Remove \`${key}\``, removePair(ctx.doc, path as JsonPath));
  return { ruleId: 'unknown-field', report: report(range, 'unknownCrd', data, fixes) };
}

/** A placeholder for a missing field by its type (a person fills it in: never applied by fix-all). */
function placeholder(node: SchemaNode | undefined): string {
  if (node?.enum?.length && typeof node.enum[0] === 'string') return yamlString(node.enum[0]);
  switch (node?.type) {
    case 'integer':
    case 'number':
      return String(node.minimum ?? 0);
    case 'boolean':
      return 'false';
    case 'object':
      return '{}';
    case 'array':
      return '[]';
    default:
      return '""';
  }
}

function missing(ctx: Ctx, parent: CrdPath, field: string): CrdReport {
  const range =
    parent.length === 0
      ? (() => {
          const k = rangeOfKey(ctx.doc, ['kind']);
          const v = rangeOfValue(ctx.doc, ['kind']);
          return [k[0], Math.max(k[1], v[1])] as OffsetRange;
        })()
      : rangeOfKey(ctx.doc, parent as JsonPath);
  const sub = schemaAt(ctx.schema, [...parent, field]);
  const fixes = fix(`Add \`${field}\``, insertPair(ctx.doc, parent as JsonPath, field, placeholder(sub)));
  return { ruleId: 'missing-required-field', report: report(range, 'missing', { parent: pathLabel(ctx.kind, parent), field }, fixes) };
}

function wrongType(ctx: Ctx, path: CrdPath, expected: string, v: unknown): CrdReport {
  const range = rangeOfValue(ctx.doc, path as JsonPath);
  const data = {
    field: fieldLabel(path),
    expected: entryOf(EXPECTED, expected) ?? `a value of type ${expected}`,
    actual: jsonType(v),
    value: shown(v),
  };
  const fixes: Fix[] = [];
  if (typeof v === 'string') {
    const t = v.trim();
    if ((expected === 'integer' || expected === 'number' || expected === 'integer-or-string') && /^[+-]?\d+$/.test(t))
      fixes.push(
        ...fix(`Write ${t} as a number`, replaceValue(ctx.doc, path as JsonPath, String(Number(t))), { preferred: true, safe: true }),
      );
    else if (expected === 'boolean' && /^(true|false)$/i.test(t))
      fixes.push(
        ...fix(`Write ${t.toLowerCase()} as a boolean`, replaceValue(ctx.doc, path as JsonPath, t.toLowerCase()), {
          preferred: true,
          safe: true,
        }),
      );
  } else if ((typeof v === 'number' || typeof v === 'boolean') && expected === 'string') {
    const node = findNode(ctx.doc, path as JsonPath);
    const src = node?.range ? ctx.doc.text.slice(node.range[0], node.range[1]) : String(v);
    fixes.push(...fix(`Quote it: "${src}"`, replaceValue(ctx.doc, path as JsonPath, JSON.stringify(src)), { preferred: true, safe: true }));
  }
  return { ruleId: 'invalid-value', report: report(range, 'wrongType', data, fixes) };
}

/** What each structural problem of a CRD document says (the API server's rule, in a sentence). */
const STRUCTURAL_MESSAGES: Readonly<Record<StructuralCode, (p: Readonly<Record<string, unknown>>) => string>> = {
  noVersions: () => 'A CustomResourceDefinition needs at least one version in `spec.versions`.',
  storageVersionCount: (p) => `Exactly one version must be the storage version (\`storage: true\`); ${String(p.count)} are.`,
  duplicateVersion: (p) => `The version \`${String(p.name)}\` is listed twice.`,
  missingSchema: (p) => `The version \`${String(p.version)}\` has no \`schema.openAPIV3Schema\`: apiextensions.k8s.io/v1 requires one.`,
  nameMismatch: (p) => `The name of a CustomResourceDefinition must be \`<plural>.<group>\`: \`${String(p.expected)}\`.`,
  rootNotObject: () => 'The root of an openAPIV3Schema must be `type: object`.',
  missingType: () =>
    'Every node of a structural schema needs a `type` (or `x-kubernetes-int-or-string` / `x-kubernetes-preserve-unknown-fields`).',
  intOrStringWithType: () => '`x-kubernetes-int-or-string` must not be combined with a `type`.',
  additionalPropertiesWithProperties: () => '`additionalProperties` and `properties` must not both be set.',
  additionalPropertiesFalse: () =>
    '`additionalProperties: false` is not allowed in a structural schema: leave it out (unknown fields are pruned).',
  preserveUnknownFieldsFalse: () => '`x-kubernetes-preserve-unknown-fields` must be true or left out.',
  missingItems: () => 'An array needs an `items` schema.',
  listTypeInvalid: (p) => `\`x-kubernetes-list-type\` must be atomic, set or map, not \`${String(p.value)}\`.`,
  listMapKeysWithoutMap: () => '`x-kubernetes-list-map-keys` needs `x-kubernetes-list-type: map`.',
  listMapWithoutKeys: () => 'A list of `x-kubernetes-list-type: map` needs `x-kubernetes-list-map-keys`.',
  listMapItemsNotObject: () => 'The items of a list of `x-kubernetes-list-type: map` must be objects.',
  listMapKeyNotRequired: (p) => `The list map key \`${String(p.key)}\` must be a required property of the items, or have a default.`,
  listSetItemsNotScalar: () => 'The items of a list of `x-kubernetes-list-type: set` must be scalars or atomic.',
  embeddedNotObject: () =>
    '`x-kubernetes-embedded-resource` needs `type: object` with properties or `x-kubernetes-preserve-unknown-fields`.',
  metadataNotRestricted: () => 'The root `metadata` of a schema may only restrict `name` and `generateName`.',
  forbiddenKeyword: (p) => `\`${String(p.keyword)}\` is not allowed in a structural schema.`,
};

/** The structural problems of a CustomResourceDefinition document as invalid-value reports, on the offending key. */
export function crdDocumentReports(doc: ManifestDocument): CrdReport[] {
  if (!isCrd(doc.value)) return [];
  return checkCrdDocument(doc.value).map((p) => ({
    ruleId: 'invalid-value' as const,
    report: report(rangeOfKey(doc, p.path as JsonPath), 'crdStructural', { message: STRUCTURAL_MESSAGES[p.code](p.params) }),
  }));
}
