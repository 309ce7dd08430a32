// Minimal YAML edits for quick-fixes and refactors. Each function returns DocEdits relative to the
// document's text that touch only the lines they must: comments, key order, quoting and the other
// documents stay byte-for-byte. Values are given as YAML text, written by the caller.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';

import { columnOf, endOfLine, lineStartOf, startsLine } from '../text/lines';
import { findNode, findPair, findPairIn, rootNode } from './navigate';
import type { DocEdit, JsonPath, ManifestDocument } from './types';

/**
 * A value to write: a scalar written inline after `key: `, or a block of lines written under the
 * key, each line indented relative to the key (`['requests:', '  cpu: 100m']`, `['- operator: Exists']`).
 */
export type EditValue = string | readonly string[];

/** The document's indentation unit and whether block sequences sit at their key's column. */
export function documentStyle(doc: ManifestDocument): { indent: number; compactSeq: boolean } {
  let indent = 0;
  let compactSeq: boolean | undefined;
  const visitNode = (node: unknown, keyColumn: number) => {
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!key?.range) continue;
        const col = columnOf(doc.text, key.range[0]);
        if (!indent && keyColumn >= 0 && col > keyColumn) indent = col - keyColumn;
        visitNode(pair.value, col);
      }
    } else if (isSeq(node) && !node.flow) {
      const first = node.items[0] as Node | undefined;
      if (first?.range && compactSeq === undefined && keyColumn >= 0) {
        // the dash sits two columns before the item's content
        const dashCol = columnOf(doc.text, first.range[0]) - 2;
        compactSeq = dashCol === keyColumn;
      }
      for (const item of node.items) {
        const r = (item as Node | null)?.range;
        visitNode(item, r ? columnOf(doc.text, r[0]) - 2 : keyColumn);
      }
    }
  };
  visitNode(doc.yaml.contents, -1);
  return { indent: indent || 2, compactSeq: compactSeq ?? false };
}

/** Writes `key: value` as lines at `column` (value block lines are indented under the key). */
function renderPair(key: string, value: EditValue, column: number, doc: ManifestDocument): string {
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return `${pad}${key}: ${value}\n`;
  const style = documentStyle(doc);
  const isSeqBlock = value.length > 0 && value[0].startsWith('- ');
  const childPad = ' '.repeat(column + (isSeqBlock && style.compactSeq ? 0 : style.indent));
  return `${pad}${key}:\n${value.map((l) => `${childPad}${l}`).join('\n')}\n`;
}

/** Nested block lines for a chain of missing keys ending in key: value. */
function nest(keys: readonly string[], value: EditValue, indent: number): EditValue {
  let v: EditValue = value;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    const pad = ' '.repeat(indent);
    const inner: string[] = typeof v === 'string' ? [`${k}: ${v}`] : [`${k}:`, ...v.map((l) => `${pad}${l}`)];
    v = inner;
  }
  return v;
}

/** The column at which the keys of a block map are written. */
function mapKeyColumn(doc: ManifestDocument, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as Node | undefined;
  return first?.range ? columnOf(doc.text, first.range[0]) : undefined;
}

/** The end of the last item of a block map, moved to the start of the next line. */
function afterLastItem(doc: ManifestDocument, map: YAMLMap): number {
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
  const end = last.value?.range?.[1] ?? last.key?.range?.[1] ?? map.range?.[1] ?? doc.text.length;
  // A block value's range may already end after its last newline.
  const at = end > 0 && doc.text[end - 1] === '\n' ? end : endOfLine(doc.text, Math.max(0, end - 1));
  return at;
}

/**
 * Inserts `key: value` into the mapping at `parentPath`, creating the missing part of the path
 * as nested keys. Returns undefined when the path runs through something that is not a mapping.
 */
export function insertPair(doc: ManifestDocument, parentPath: JsonPath, key: string, value: EditValue): DocEdit[] | undefined {
  const style = documentStyle(doc);
  // The deepest part of the path that exists: a node, or a key whose value is empty.
  let depth = parentPath.length;
  let node: unknown;
  for (; ; depth--) {
    if (depth === 0) {
      node = rootNode(doc);
      break;
    }
    const sub = parentPath.slice(0, depth);
    node = findNode(doc, sub);
    if (node !== undefined) break;
    if (typeof sub[sub.length - 1] === 'string' && findPair(doc, sub)) break; // `key:` with no value
  }
  const missing = parentPath.slice(depth);
  if (missing.some((s) => typeof s !== 'string')) return undefined;
  const keys = [...(missing as string[])];

  // What to write: the first missing key with the rest nested under it, or key: value itself.
  const pairKey = keys.length ? keys[0] : key;
  const pairValue: EditValue = keys.length ? nest([...keys.slice(1), key], value, style.indent) : value;

  // The ancestor exists but its value is empty (`spec:` or `spec: null`): write under its key.
  if (!isMap(node)) {
    if (depth === 0 || (node !== undefined && !(isScalar(node) && (node.value === null || node.value === '')))) return undefined;
    const pair = findPair(doc, parentPath.slice(0, depth));
    const keyRange = (pair?.key as Node | undefined)?.range;
    if (!pair || !keyRange) return undefined;
    const keyCol = columnOf(doc.text, keyRange[0]);
    const edits: DocEdit[] = [];
    const v = pair.value as Node | null;
    // Drop an explicit `null` / `~`; an empty value has nothing to drop.
    if (v?.range && v.range[1] > v.range[0]) edits.push({ start: v.range[0], end: v.range[1], newText: '' });
    const lineEnd = endOfLine(doc.text, keyRange[1]);
    const atEnd = lineEnd === doc.text.length && !doc.text.endsWith('\n');
    edits.push({ start: lineEnd, end: lineEnd, newText: (atEnd ? '\n' : '') + renderPair(pairKey, pairValue, keyCol + style.indent, doc) });
    return edits;
  }

  const map = node;
  if (map.flow) {
    if (typeof value !== 'string' || !map.range) return undefined;
    // range[1] is just past this map's `}` (possibly an enclosing map's `}`): search before it.
    const close = doc.text.lastIndexOf('}', map.range[1] - 1);
    if (close < map.range[0]) return undefined;
    const inside = doc.text.slice(map.range[0] + 1, close).trim();
    // After a trailing comma (`{a: 1,}`) no second comma.
    const sep = inside.length === 0 || inside.endsWith(',') ? '' : ', ';
    // Missing keys under a flow mapping are written in flow style too: `{a: 1, b: {c: value}}`.
    const written = [...keys, key].reduceRight((inner, k, i) => (i === 0 ? `${k}: ${inner}` : `{${k}: ${inner}}`), value);
    return [{ start: close, end: close, newText: `${sep}${written}` }];
  }
  if (map.items.length === 0) return undefined;
  const column = mapKeyColumn(doc, map) ?? 0;
  const at = afterLastItem(doc, map);
  const needsNl = at === doc.text.length && !doc.text.endsWith('\n');
  return [{ start: at, end: at, newText: (needsNl ? '\n' : '') + renderPair(pairKey, pairValue, column, doc) }];
}

/** Replaces the value at `path` with `text`, or inserts the key when it is missing. */
export function replaceValue(doc: ManifestDocument, path: JsonPath, text: string): DocEdit[] | undefined {
  const node = findNode(doc, path);
  if (node?.range && !(isScalar(node) && node.value === null && node.range[0] === node.range[1])) {
    return [{ start: node.range[0], end: node.range[1], newText: text }];
  }
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const pair = findPair(doc, path);
  if (pair?.key && (pair.key as Node).range) {
    const keyEnd = (pair.key as Node).range![1];
    const colon = doc.text.indexOf(':', keyEnd);
    if (colon >= 0) return [{ start: colon + 1, end: colon + 1, newText: ` ${text}` }];
  }
  return insertPair(doc, path.slice(0, -1), last, text);
}

/** Removes the pair at `path`: its whole lines in a block map, `key: value` and a comma in a flow map. */
export function removePair(doc: ManifestDocument, path: JsonPath): DocEdit[] | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const parent = path.length === 1 ? rootNode(doc) : findNode(doc, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const pair = findPairIn(parent, last);
  const keyR = (pair?.key as Node | undefined)?.range;
  if (!pair || !keyR) return undefined;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? keyR[1];
  const index = parent.items.indexOf(pair as never);
  if (parent.flow) {
    const next = parent.items[index + 1]?.key as Node | undefined;
    if (next?.range) return [{ start: keyR[0], end: next.range[0], newText: '' }];
    const prevEnd = index > 0 ? ((parent.items[index - 1].value as Node | null)?.range?.[1] ?? keyR[0]) : keyR[0];
    return [{ start: index > 0 ? prevEnd : keyR[0], end: valueEnd, newText: '' }];
  }
  const lineStart = lineStartOf(doc.text, keyR[0]);
  const prefix = doc.text.slice(lineStart, keyR[0]);
  if (/-\s*$/.test(prefix)) {
    // The key shares its line with a sequence dash: pull the next key up, or leave an empty map.
    const next = parent.items[index + 1]?.key as Node | undefined;
    if (next?.range) return [{ start: keyR[0], end: next.range[0], newText: '' }];
    return [{ start: keyR[0], end: valueEnd, newText: '{}' }];
  }
  const end = doc.text[valueEnd - 1] === '\n' ? valueEnd : endOfLine(doc.text, Math.max(keyR[1], valueEnd - 1));
  return [{ start: lineStart, end, newText: '' }];
}

/** Renames the key at `path`. */
export function renameKey(doc: ManifestDocument, path: JsonPath, newKey: string): DocEdit[] | undefined {
  const pair = findPair(doc, path);
  const r = (pair?.key as Node | undefined)?.range;
  if (!r) return undefined;
  return [{ start: r[0], end: r[1], newText: newKey }];
}

/** Appends a new YAML document (`---` + text) right after this document. */
export function appendDocument(doc: ManifestDocument, yamlText: string): DocEdit[] {
  const end = doc.text.length;
  const nl = doc.text.endsWith('\n') || end === 0 ? '' : '\n';
  const body = yamlText.endsWith('\n') ? yamlText : `${yamlText}\n`;
  return [{ start: end, end, newText: `${nl}---\n${body}` }];
}

/** The indentation (spaces) of the line containing `offset`, counting a leading `- ` as indentation. */
export function indentAt(doc: ManifestDocument, offset: number): number {
  const start = lineStartOf(doc.text, offset);
  const m = /^[ -]*/.exec(doc.text.slice(start, offset));
  return m ? m[0].length : 0;
}

/**
 * Inserts `key: value` as the first key of the mapping at `mapPath`, where the guide writes keys
 * like serviceName and restartPolicy: in a block mapping on the line under the mapping's key, in a
 * flow mapping before its first key; other mappings get the key appended (insertPair).
 */
export function insertFirstPair(doc: ManifestDocument, mapPath: JsonPath, key: string, value: string): DocEdit[] | undefined {
  const map = findNode(doc, mapPath);
  if (isMap(map) && map.flow && map.items.length > 0) {
    // `{a: 1, …}` / JSON: before the first key, in its quoting, with the same spacing after the comma.
    const first = map.items[0].key as Node | null;
    if (first?.range && map.range && doc.text[map.range[0]] === '{') {
      const gap = doc.text.slice(map.range[0] + 1, first.range[0]);
      if (!/^\s*$/.test(gap)) return undefined;
      const k = isScalar(first) && first.type === Scalar.QUOTE_DOUBLE ? JSON.stringify(key) : key;
      return [{ start: first.range[0], end: first.range[0], newText: `${k}: ${value},${gap || ' '}` }];
    }
  }
  if (isMap(map) && !map.flow && map.items.length > 0) {
    const first = map.items[0].key as Node | null;
    if (first?.range && startsLine(doc.text, first.range[0])) {
      const col = columnOf(doc.text, first.range[0]);
      // Right under the map's own key, so comment lines above the first key stay with that key.
      const keyEnd = (findPair(doc, mapPath)?.key as Node | undefined)?.range?.[1];
      const underKey = keyEnd !== undefined ? endOfLine(doc.text, keyEnd) : undefined;
      const at = underKey !== undefined && underKey <= first.range[0] ? underKey : lineStartOf(doc.text, first.range[0]);
      return [{ start: at, end: at, newText: `${' '.repeat(col)}${key}: ${value}\n` }];
    }
  }
  return insertPair(doc, mapPath, key, value);
}
