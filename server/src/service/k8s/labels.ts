// Maps read from user YAML — labels, selectors, annotations, env, data — and the one way to look
// into them. Their keys are the user's: `toString`, `constructor`, `hasOwnProperty` and
// `__proto__` are keys like any other, so no lookup may fall through to Object.prototype (a
// selector on `toString` must not find a function in every label set). This module is a leaf: it
// imports nothing, so every layer of the service can use it.

/** A plain mapping (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Whether `key` is the object's own key (never an inherited one). */
function hasOwn(o: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Labels, a matchLabels selector, node selectors: string keys to string values. */
export type Labels = Readonly<Record<string, string>>;

/**
 * The entries of a labels-like mapping with scalar values (numbers and booleans as Kubernetes
 * would stringify them), in an object without a prototype. Undefined when `v` is not a mapping.
 */
export function labelMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const [k, val] of Object.entries(v))
    if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  return out;
}

/** The value of label `key`, or undefined; works on any object, prototype or not. */
export function labelValue(labels: Labels | undefined, key: string): string | undefined {
  if (!labels || !hasOwn(labels, key)) return undefined;
  const v = labels[key];
  return typeof v === 'string' ? v : undefined;
}

/** Whether the labels have `key`. */
export function hasLabel(labels: Labels | undefined, key: string): boolean {
  return labelValue(labels, key) !== undefined;
}

/** True when every key/value of `selector` is among `labels` (an empty selector selects nothing here). */
export function selectorMatches(selector: Labels | undefined, labels: Labels | undefined): boolean {
  if (!selector || !labels) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([k, v]) => labelValue(labels, k) === v);
}
