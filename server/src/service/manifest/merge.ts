// YAML merge keys (`<<: *base`, `<<: [*a, *b]`) resolved as Kubernetes reads them. kubectl and the
// API server decode YAML with go-yaml v2 (through sigs.k8s.io/yaml), which applies a mapping's
// entries in order: a `<<` entry sets every key of the merged mapping — over an explicit key
// written before it — and a key written after it overrides; in a list of mappings the first one
// wins (they are applied from last to first). The yaml package reads `<<` as a plain key under
// YAML 1.2, so a document's value keeps it as `{ '<<': {…} }` and this turns it into the mapping
// Kubernetes sees. A leaf module: plain values in, plain values out.

const MERGE = '<<';
/**
 * The name a quoted "<<" key has in the value given to resolveMergeKeys (manifest/parse.ts renames it
 * before toJS): an ordinary key, written back as "<<". A key nobody writes: only escapes give a key
 * NUL characters.
 */
export const QUOTED_MERGE_KEY = '\u0000<<\u0000quoted';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Whether the text may hold a merge key at all (a cheap test before walking the value). */
export function mayHaveMergeKeys(text: string): boolean {
  return text.includes('<<');
}

/**
 * The value with every merge key applied. Values without one are returned as they are; a mapping
 * reached through several aliases is resolved once. Never throws on cycles (an alias inside its
 * own anchor is rejected by the parser, but the walk guards anyway).
 */
export function resolveMergeKeys(value: unknown): unknown {
  const done = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const seen = done.get(v);
    if (seen !== undefined) return seen;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      done.set(v, out);
      for (const item of v) out.push(walk(item));
      return out;
    }
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    done.set(v, out);
    for (const key of Object.keys(obj)) {
      const item = obj[key];
      if (key === QUOTED_MERGE_KEY) {
        define(out, MERGE, walk(item));
        continue;
      }
      if (key !== MERGE) {
        define(out, key, walk(item));
        continue;
      }
      const sources = Array.isArray(item) ? [...item].reverse() : [item];
      // go-yaml rejects anything but a mapping or a list of mappings here; such a value stays a plain key.
      if (!sources.every(isPlainObject)) {
        define(out, key, walk(item));
        continue;
      }
      for (const source of sources) {
        const merged = walk(source) as Record<string, unknown>;
        for (const k of Object.keys(merged)) define(out, k, merged[k]);
      }
    }
    return out;
  };
  return walk(value);
}

/** Sets an own key, `__proto__` included (an assignment would set the prototype instead). */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}
