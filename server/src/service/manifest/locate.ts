// Node ranges by JSON path, without building a syntax tree when the document does not have one.
//
// A document read by the fast path (fastParse.ts) has no syntax tree until something needs one,
// but it has the positions the fast path recorded, which are exactly the ranges the tree's nodes
// would have. These functions answer from those positions while the tree is not built, and from
// the tree otherwise (navigate.ts), so a caller gets the same answer either way and the outline
// and the workspace index do not build trees. All offsets are relative to the document's text.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { findNode, findPair, getAt, nodeRange, type OffsetRange } from './navigate';
import { entryAt, positionsOf } from './positions';
import type { JsonPath, ManifestDocument } from './types';

/** What kind of node is at a path: `other` is an alias (only a tree has those). */
export type NodeKind = 'map' | 'seq' | 'scalar' | 'other';

function treeNode(doc: ManifestDocument, path: JsonPath): Node | undefined {
  return path.length || doc.basePath ? findNode(doc, path) : ((doc.yaml.contents ?? undefined) as Node | undefined);
}

/** The range of the root node (nodeRange of `doc.yaml.contents`). */
export function rootRange(doc: ManifestDocument): OffsetRange | undefined {
  if (doc.basePath) return valueRange(doc, []);
  const positions = positionsOf(doc);
  if (positions) return positions.root;
  return nodeRange(doc.yaml.contents as Node | null);
}

/** The range of the node at `path` (nodeRange(findNode(doc, path)); the root for an empty path). */
export function valueRange(doc: ManifestDocument, path: JsonPath): OffsetRange | undefined {
  if (path.length === 0 && !doc.basePath) return rootRange(doc);
  const positions = positionsOf(doc);
  if (!positions) return nodeRange(findNode(doc, path));
  const e = entryAt(positions, path, doc);
  return e < 0 ? undefined : [positions.entries[e + 2], positions.entries[e + 3]];
}

/** The range of the key that ends `path` (nodeRange(findPair(doc, path).key)). */
export function keyRange(doc: ManifestDocument, path: JsonPath): OffsetRange | undefined {
  if (path.length === 0 || typeof path[path.length - 1] !== 'string') return undefined;
  const positions = positionsOf(doc);
  if (!positions) return nodeRange(findPair(doc, path)?.key as Node | undefined);
  const e = entryAt(positions, path, doc);
  return e < 0 ? undefined : [positions.entries[e], positions.entries[e + 1]];
}

/** The ranges of the items of the sequence at `path`; undefined when there is no sequence there. */
export function itemRanges(doc: ManifestDocument, path: JsonPath): (OffsetRange | undefined)[] | undefined {
  const positions = positionsOf(doc);
  if (!positions) {
    const node = treeNode(doc, path);
    return isSeq(node) ? node.items.map((item) => nodeRange(item as Node | null)) : undefined;
  }
  if (!Array.isArray(path.length ? getAt(doc.value, path) : doc.value)) return undefined;
  const { entries } = positions;
  const nested = path.length > 0 || !!doc.basePath;
  let e = nested ? entryAt(positions, path, doc) : 0;
  if (e < 0) return undefined;
  const out: OffsetRange[] = [];
  for (e = nested ? entries[e + 4] : positions.first; e >= 0; e = entries[e + 5]) out.push([entries[e + 2], entries[e + 3]]);
  return out;
}

/** The kind of the node at `path`, or undefined when there is none. */
export function kindAt(doc: ManifestDocument, path: JsonPath): NodeKind | undefined {
  const positions = positionsOf(doc);
  if (!positions) {
    const node = treeNode(doc, path);
    if (!node) return undefined;
    return isMap(node) ? 'map' : isSeq(node) ? 'seq' : isScalar(node) ? 'scalar' : 'other';
  }
  if (path.length || doc.basePath ? entryAt(positions, path, doc) < 0 : !positions.root) return undefined;
  // The fast path's value and its positions describe the same nodes.
  const v = getAt(doc.value, path);
  return Array.isArray(v) ? 'seq' : v !== null && typeof v === 'object' ? 'map' : 'scalar';
}

/** The value of the scalar at `path`; undefined when the node there is not a scalar. */
export function scalarAt(doc: ManifestDocument, path: JsonPath): { value: unknown } | undefined {
  const positions = positionsOf(doc);
  if (!positions) {
    const node = treeNode(doc, path);
    return isScalar(node) ? { value: node.value } : undefined;
  }
  return kindAt(doc, path) === 'scalar' ? { value: getAt(doc.value, path) } : undefined;
}
