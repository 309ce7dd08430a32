// The positions the fast path recorded (fastParse.ts), looked up by JSON path: the one place
// that reads them, for locate.ts (outline, index) and navigate.ts (the ranges rules report), so
// neither builds a document's syntax tree to answer where a key or value is.
import { ENTRY, type FastPositions } from './fastParse';
import type { JsonPath, ManifestDocument } from './types';

/** The recorded positions, when they are what answers (the tree is not built). */
export function positionsOf(doc: ManifestDocument): FastPositions | undefined {
  const parsed = doc.parsed as ManifestDocument['parsed'] | undefined;
  return parsed && !parsed.builtTree ? parsed.positions : undefined;
}

/**
 * The entry (offset into `entries`) for a non-empty `path`, or -1 when there is no node there.
 * A path segment that is a number needs a sequence, a string a mapping, as findNode does.
 */
export function entryAt(positions: FastPositions, relPath: JsonPath, doc?: ManifestDocument): number {
  // The item of a `kind: List` (ManifestDocument.basePath): its paths start inside the list.
  const path = doc?.basePath ? [...doc.basePath, ...relPath] : relPath;
  const { entries, keys } = positions;
  let first = positions.first;
  let e = -1;
  for (const seg of path) {
    e = first;
    if (e < 0) return -1;
    if (typeof seg === 'number') {
      if (keys[e / ENTRY] !== null || !Number.isInteger(seg) || seg < 0) return -1;
      for (let k = 0; k < seg && e >= 0; k++) e = entries[e + 5];
    } else {
      while (e >= 0 && keys[e / ENTRY] !== seg) e = entries[e + 5];
    }
    if (e < 0) return -1;
    first = entries[e + 4];
  }
  return e;
}
