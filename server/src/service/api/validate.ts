// Checks a Kubernetes object against its definition in one release of the API and returns
// NEUTRAL problems: what is wrong and where (a JSON path), never how to word or fix it — that is
// the schema rules' job (rules/unknown-field.ts, invalid-value.ts, missing-required-field.ts,
// invalid-quantity.ts). A direct walk over the value and the compact type data: nothing is
// compiled, so every kind of every release costs nothing until an object of it is opened.
// test/unit/api/validate.test.ts checks it against ajv (JSON Schema) on the corpus and on
// generated documents.
//
// What it checks, as the API server's decoding and validation would:
// - types (integer vs number, int-or-string, quantity as a string or a number, maps, lists);
// - unknown fields (objects are closed; maps and free-form objects open);
// - required fields (the spec's lists plus required.ts), conditional ones included;
// - non-empty required strings and lists, number ranges (ranges.ts, else int32 for int32 fields);
// - allowed values (allowedValues.ts) and formats: quantity, base64 (`byte`), rolling-update percentages.
import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import { rootNode } from '../manifest/navigate';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import { formatCheck, percentFormatOf } from './formats';
import { rangeOf } from './ranges';
import { NON_EMPTY } from './required';
import type { ExtraRequired } from './required';
import type { DefData, TypeRef } from './types';

/** What the check reads of a release (KubernetesApi implements it). */
export interface SchemaSource {
  getDefinition(name: string): DefData | undefined;
  kindDefinition(apiVersion: string, kind: string): string | undefined;
  extraRequired(def: string): readonly ExtraRequired[];
  propertyReleases(def: string, prop: string): string[];
  allowedValues(def: string, prop: string): readonly string[] | undefined;
}

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

export type SchemaProblem =
  /** `key` is not a property of the object at `path`; `releases` lists the releases that have it, if any. */
  | { readonly code: 'unknownField'; readonly path: JsonPath; readonly key: string; readonly releases: readonly string[] }
  /** The object at `path` lacks the required property `key`. */
  | { readonly code: 'required'; readonly path: JsonPath; readonly key: string }
  /** The value at `path` is not of the JSON type(s) `expected` ('integer', 'string', 'integer,string', 'object', 'array'…). */
  | { readonly code: 'type'; readonly path: JsonPath; readonly expected: string }
  /** The string at `path` is not one of `allowed`. */
  | { readonly code: 'enum'; readonly path: JsonPath; readonly allowed: readonly string[] }
  /** The number at `path` is outside [min, max]. */
  | { readonly code: 'range'; readonly path: JsonPath; readonly min: number; readonly max: number }
  /** The required string or list at `path` is empty. */
  | { readonly code: 'empty'; readonly path: JsonPath }
  /** The string at `path` does not have the format ('quantity', 'byte', 'percent', 'percentMax100', 'percent1To100'). */
  | { readonly code: 'format'; readonly path: JsonPath; readonly format: string };

export interface ObjectCheck {
  /**
   * The value as the API server reads it (null-valued keys dropped, YAML 1.1 booleans and octals
   * read). Merge keys were applied when the document was read (manifest/merge.ts), and one
   * Kubernetes cannot apply is a syntax error, so the document is never checked. A `<<` left here
   * is a quoted key, an ordinary key whatever its value (manifest/parse.ts keeps it from the merge).
   */
  readonly value: Record<string, unknown>;
  readonly problems: readonly SchemaProblem[];
}

/** Plain scalars the Kubernetes YAML reader (go-yaml, YAML 1.1) takes as booleans, where our YAML 1.2 parser keeps strings. */
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
const YAML11_FALSE = /^(?:n|N|no|No|NO|off|Off|OFF)$/;

function keyOf(node: unknown): string | undefined {
  return isScalar(node) ? (node.value === null ? '' : String(node.value)) : undefined;
}

/**
 * The value as the API server reads it: without null-valued keys (unset), with YAML 1.1 booleans
 * (`yes`, `off`…) as booleans and YAML 1.1 octals as numbers. `node` is the YAML node of `v` when
 * known (for the scalar style). What needs no change is returned as it is, not copied: most
 * documents have no null and no YAML 1.1 scalar, and the result is kept with the document
 * (KubernetesApi.checkDocument), where a copy doubled the memory its value takes.
 */
function clean(v: unknown, node: unknown, text: string): unknown {
  if (Array.isArray(v)) {
    const items = isSeq(node) ? node.items : undefined;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const cleaned = clean(v[i], items?.[i], text);
      if (!out && cleaned !== v[i]) out = v.slice(0, i);
      out?.push(cleaned);
    }
    return out ?? v;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    let pairs: Map<string, unknown> | undefined;
    if (isMap(node)) {
      pairs = new Map();
      for (const p of node.items) pairs.set(keyOf(p.key) ?? '', p.value);
    }
    const keys = Object.keys(o);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const x = o[keys[i]];
      const unset = x === null || x === undefined;
      const cleaned = unset ? undefined : clean(x, pairs?.get(keys[i]), text);
      if (!out && (unset || cleaned !== x)) {
        out = {};
        for (let j = 0; j < i; j++) setOwn(out, keys[j], o[keys[j]]);
      }
      if (out && !unset) setOwn(out, keys[i], cleaned);
    }
    return out ?? v;
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

/** Sets an own property; a key named __proto__ is one like any other (an assignment would set the prototype). */
function setOwn(o: Record<string, unknown>, k: string, value: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  else o[k] = value;
}

/** The value of a document as the API server reads it, or undefined when it is not a mapping. */
export function apiServerValue(doc: ManifestDocument): Record<string, unknown> | undefined {
  // Without a built tree every scalar is style-neutral (parse.ts sends YAML 1.1 words and 0-prefixed
  // numbers to the full parse), so the value alone is enough and the tree is not built for this.
  const value = clean(doc.value, doc.parsed.builtTree ? rootNode(doc) : undefined, doc.text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface PropRules {
  readonly allowed?: readonly string[];
  readonly nonEmpty?: boolean;
  readonly range?: readonly [number, number];
  readonly percent?: string;
}

class Walker {
  readonly problems: SchemaProblem[] = [];
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly api: SchemaSource,
    private readonly root: Record<string, unknown>,
  ) {}

  private add(p: SchemaProblem): void {
    this.problems.push(p);
  }

  private here(): JsonPath {
    return [...this.path];
  }

  /** Checks `v` against type `t`; `rules` are the property's own (allowed values, ranges…). */
  value(v: unknown, t: TypeRef, rules: PropRules = {}): void {
    // A null list item is the zero value to the API server (an empty string, an empty object).
    if (v === null || v === undefined) return;
    if (t.startsWith('[]')) {
      if (!Array.isArray(v)) return this.add({ code: 'type', path: this.here(), expected: 'array' });
      if (rules.nonEmpty && v.length === 0) this.add({ code: 'empty', path: this.here() });
      const el = t.slice(2);
      const itemRules = rules.allowed ? { allowed: rules.allowed } : {};
      for (let i = 0; i < v.length; i++) {
        this.path.push(i);
        this.value(v[i], el, itemRules);
        this.path.pop();
      }
      return;
    }
    if (t.startsWith('{}')) {
      if (!isObject(v)) return this.add({ code: 'type', path: this.here(), expected: 'object' });
      const el = t.slice(2);
      for (const k of Object.keys(v)) {
        this.path.push(k);
        this.value(v[k], el);
        this.path.pop();
      }
      return;
    }
    if (t.startsWith('@')) return this.object(v, t.slice(1));
    this.scalar(v, t, rules);
  }

  // The path is copied only for a problem: most values have none, and this runs for every scalar.
  private scalar(v: unknown, t: TypeRef, rules: PropRules): void {
    switch (t) {
      case 'any':
        return;
      case 'object':
        if (!isObject(v)) this.add({ code: 'type', path: this.here(), expected: 'object' });
        return;
      case 'int-or-string':
        if (typeof v === 'string') return this.stringRules(v, rules);
        if (!isInteger(v)) return this.add({ code: 'type', path: this.here(), expected: 'integer,string' });
        return this.numberRange(v, rules.range ?? [INT32_MIN, INT32_MAX]);
      case 'quantity':
        if (typeof v === 'string')
          return void (formatCheck('quantity', v) || this.add({ code: 'format', path: this.here(), format: 'quantity' }));
        if (typeof v !== 'number') this.add({ code: 'type', path: this.here(), expected: 'string,number' });
        return;
      case 'boolean':
        if (typeof v !== 'boolean') this.add({ code: 'type', path: this.here(), expected: 'boolean' });
        return;
    }
    if (t === 'integer' || t.startsWith('integer:')) {
      if (!isInteger(v)) return this.add({ code: 'type', path: this.here(), expected: 'integer' });
      const range = rules.range ?? (t === 'integer:int32' ? ([INT32_MIN, INT32_MAX] as const) : undefined);
      if (range) this.numberRange(v, range);
      return;
    }
    if (t === 'number' || t.startsWith('number:')) {
      if (typeof v !== 'number') return this.add({ code: 'type', path: this.here(), expected: 'number' });
      if (rules.range) this.numberRange(v, rules.range);
      return;
    }
    // strings
    if (typeof v !== 'string') return this.add({ code: 'type', path: this.here(), expected: 'string' });
    if (t === 'string:byte' && !formatCheck('byte', v)) this.add({ code: 'format', path: this.here(), format: 'byte' });
    this.stringRules(v, rules);
  }

  private stringRules(v: string, rules: PropRules): void {
    if (rules.nonEmpty && v.length === 0) this.add({ code: 'empty', path: this.here() });
    if (rules.percent && !formatCheck(rules.percent, v)) this.add({ code: 'format', path: this.here(), format: rules.percent });
    if (rules.allowed && !rules.allowed.includes(v)) this.add({ code: 'enum', path: this.here(), allowed: rules.allowed });
  }

  private numberRange(v: number, [min, max]: readonly [number, number]): void {
    if (v < min || v > max) this.add({ code: 'range', path: this.here(), min, max });
  }

  object(v: unknown, defName: string): void {
    if (!isObject(v)) return this.add({ code: 'type', path: this.here(), expected: 'object' });
    const def = this.api.getDefinition(defName);
    if (!def) return;
    const path = this.path;
    for (const prop of def.r ?? []) if (!own(v, prop)) this.add({ code: 'required', path: this.here(), key: prop });
    for (const e of this.api.extraRequired(defName)) {
      if (own(v, e.prop) || def.r?.includes(e.prop)) continue;
      if (!e.when || (!(e.maxDepth !== undefined && path.length > e.maxDepth) && e.when(v, this.here(), this.root)))
        this.add({ code: 'required', path: this.here(), key: e.prop });
    }
    const keys = Object.keys(v);
    for (const k of keys) {
      if (!own(def.p, k)) this.add({ code: 'unknownField', path: this.here(), key: k, releases: this.api.propertyReleases(defName, k) });
    }
    // In the definition's order (the order problems are reported in), without listing its properties.
    const rules = propRulesOf(this.api, defName);
    const check = (prop: string) => {
      path.push(prop);
      this.value(v[prop], def.p[prop][0], rules(prop));
      path.pop();
    };
    const order = propertyOrder(def);
    if (keys.length * 4 < order.size) {
      // A few keys of a big definition (metadata, a container's name and image): look up each.
      const present = keys.filter((k) => order.has(k));
      if (present.length > 1) present.sort((a, b) => order.get(a)! - order.get(b)!);
      for (const prop of present) check(prop);
    } else for (const prop in def.p) if (own(v, prop)) check(prop);
  }
}

/** The index of each property of a definition, in its order (for checking a few present keys in that order). */
const propertyOrders = new WeakMap<DefData, Map<string, number>>();

function propertyOrder(def: DefData): Map<string, number> {
  let order = propertyOrders.get(def);
  if (!order) propertyOrders.set(def, (order = new Map(Object.keys(def.p).map((p, i) => [p, i]))));
  return order;
}

/** Each property's rules, worked out once per release and definition (the walk asks for every value it checks). */
const propRulesCache = new WeakMap<SchemaSource, Map<string, (prop: string) => PropRules>>();

function propRulesOf(api: SchemaSource, def: string): (prop: string) => PropRules {
  let byDef = propRulesCache.get(api);
  if (!byDef) propRulesCache.set(api, (byDef = new Map()));
  let rulesOf = byDef.get(def);
  if (!rulesOf) {
    const byProp = new Map<string, PropRules>();
    rulesOf = (prop) => {
      let r = byProp.get(prop);
      if (!r) byProp.set(prop, (r = propRules(api, def, prop)));
      return r;
    };
    byDef.set(def, rulesOf);
  }
  return rulesOf;
}

function propRules(api: SchemaSource, def: string, prop: string): PropRules {
  const key = `${def}.${prop}`;
  const allowed = api.allowedValues(def, prop);
  const range = rangeOf(def, prop);
  const percent = percentFormatOf(def, prop);
  return {
    ...(allowed ? { allowed } : {}),
    ...(NON_EMPTY.has(key) ? { nonEmpty: true } : {}),
    ...(range ? { range } : {}),
    ...(percent ? { percent } : {}),
  };
}

/** Checks a document's object against its kind in `api`'s release; undefined when the release does not serve its apiVersion/kind. */
export function checkObject(api: SchemaSource, doc: ManifestDocument): ObjectCheck | undefined {
  const object = doc.object;
  if (!object) return undefined;
  const def = api.kindDefinition(object.apiVersion, object.kind);
  if (!def) return undefined;
  const value = apiServerValue(doc);
  if (!value) return undefined;
  const walker = new Walker(api, value);
  walker.object(value, def);
  // apiVersion and kind are judged by api-version-mismatch, not as values.
  const problems = walker.problems.filter((p) => !(p.path.length === 1 && (p.path[0] === 'apiVersion' || p.path[0] === 'kind')));
  return { value, problems };
}
