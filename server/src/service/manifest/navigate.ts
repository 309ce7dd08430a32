// Finding nodes, keys and ranges inside a parsed document by JSON path, and the path at an offset.
// All offsets are relative to the document's text (ManifestDocument.text).
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { entryAt, positionsOf } from './positions';
import type { JsonPath, ManifestDocument } from './types';

export type OffsetRange = readonly [start: number, end: number];

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The pair of `map` whose key is `key` (the last one, as Kubernetes reads duplicates). */
export function findPairIn(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  let found: Pair<Node, Node | null> | undefined;
  for (const item of map.items) if (keyText(item.key) === key) found = item as Pair<Node, Node | null>;
  return found;
}

/** The node a document's paths start from: its root, or the item of a `kind: List` (basePath). */
export function rootNode(doc: ManifestDocument): unknown {
  return doc.basePath ? walk(doc.yaml.contents, doc.basePath) : doc.yaml.contents;
}

/** The node at `path`, or undefined. */
export function findNode(doc: ManifestDocument, path: JsonPath): Node | undefined {
  return walk(rootNode(doc), path);
}

function walk(from: unknown, path: JsonPath): Node | undefined {
  let node: unknown = from;
  if (node === null || node === undefined) return undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(node)) return undefined;
      node = node.items[seg];
    } else {
      const pair = findPairIn(node, seg);
      if (!pair) return undefined;
      node = pair.value;
    }
    if (node === null || node === undefined) return undefined;
  }
  return node as Node;
}

/** The pair whose key is the last (string) segment of `path`. */
export function findPair(doc: ManifestDocument, path: JsonPath): Pair<Node, Node | null> | undefined {
  if (path.length === 0) return undefined;
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? rootNode(doc) : findNode(doc, path.slice(0, -1));
  return findPairIn(parent, last);
}

export function nodeRange(node: Node | null | undefined): OffsetRange | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/**
 * The range of the key that ends `path` and of the value at `path`. A document read by the fast
 * path answers from its recorded positions (equal to the tree's ranges), so reporting a finding
 * does not build its syntax tree.
 */
function keyRangeAt(doc: ManifestDocument, path: JsonPath): OffsetRange | undefined {
  const positions = positionsOf(doc);
  if (!positions) return nodeRange(findPair(doc, path)?.key as Node | undefined);
  const e = entryAt(positions, path, doc);
  return e < 0 ? undefined : [positions.entries[e], positions.entries[e + 1]];
}

/** With `scalar`: whether that node is a scalar. */
function valueRangeAt(doc: ManifestDocument, path: JsonPath): { range: OffsetRange | undefined; scalar: boolean } {
  const positions = positionsOf(doc);
  if (!positions) {
    const node = findNode(doc, path);
    return { range: nodeRange(node), scalar: isScalar(node) };
  }
  const v = getAt(doc.value, path);
  const scalar = v === null || typeof v !== 'object';
  if (path.length === 0 && !doc.basePath) return { range: positions.root, scalar: positions.root !== undefined && scalar };
  const e = entryAt(positions, path, doc);
  return e < 0 ? { range: undefined, scalar: false } : { range: [positions.entries[e + 2], positions.entries[e + 3]], scalar };
}

/**
 * The range to flag for `path`: the key when the path ends in a key, the item when it ends in
 * an index. Falls back to the nearest ancestor that exists, then to the document's first line.
 */
export function rangeOfKey(doc: ManifestDocument, path: JsonPath): OffsetRange {
  for (let n = path.length; n > 0; n--) {
    const sub = path.slice(0, n);
    const last = sub[sub.length - 1];
    if (typeof last === 'string') {
      const r = keyRangeAt(doc, sub);
      if (r) return r;
    } else {
      const r = valueRangeAt(doc, sub).range;
      if (r) return trimToFirstLine(doc, r);
    }
  }
  return firstLine(doc);
}

/** The range of the value at `path` (falls back like rangeOfKey). Multi-line values are cut to their first line. */
export function rangeOfValue(doc: ManifestDocument, path: JsonPath): OffsetRange {
  const { range: r, scalar } = valueRangeAt(doc, path);
  if (r && scalar) return r;
  if (r && r[1] > r[0]) return trimToFirstLine(doc, r);
  return rangeOfKey(doc, path);
}

function trimToFirstLine(doc: ManifestDocument, r: OffsetRange): OffsetRange {
  const nl = doc.text.indexOf('\n', r[0]);
  return nl >= 0 && nl < r[1] ? [r[0], nl] : r;
}

/** The first non-blank, non-comment line of the document (skipping a `---` marker). */
export function firstLine(doc: ManifestDocument): OffsetRange {
  const re = /^(?!---|\s*#|\s*$).*$/m;
  const m = re.exec(doc.text);
  if (!m) return [0, 0];
  return [m.index, m.index + m[0].replace(/\s+$/, '').length];
}

/** The value at `path` in a plain JS value. */
export function getAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const seg of path) {
    // Own keys only: `toString` or `constructor` in the user's YAML is a key, never Object.prototype's.
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export interface PathAtOffset {
  /** path of the innermost node at the offset */
  path: (string | number)[];
  /** true when the offset is on a key (the path then ends with that key) */
  onKey: boolean;
  /** the node under the offset, if any */
  node?: Node;
}

/** The JSON path of the innermost node containing `offset` (relative to the document text). */
export function pathAtOffset(doc: ManifestDocument, offset: number): PathAtOffset {
  const path: (string | number)[] = [];
  let node: unknown = doc.yaml.contents;
  const within = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return !!r && offset >= r[0] && offset <= r[1];
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (within(p.key) || within(p.value)));
      if (!pair) return { path, onKey: false, node: node as Node };
      const key = keyText(pair.key);
      if (key === undefined) return { path, onKey: false, node: node as Node };
      path.push(key);
      if (within(pair.key) && !within(pair.value)) return { path, onKey: true, node: pair.key as Node };
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(it));
      if (i < 0) return { path, onKey: false, node: node as Node };
      path.push(i);
      node = node.items[i];
    } else {
      return { path, onKey: false, node: (node ?? undefined) as Node | undefined };
    }
  }
}
