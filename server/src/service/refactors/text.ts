// Text-level helpers the kind refactors share: scalar replacement that keeps quotes, inserting a
// key first in a block mapping, removing a block sequence item, shifting a block's lines, and
// writing new YAML in the document's own indentation style.
import { Document, isMap, isScalar, isSeq, Scalar, visit, type Node } from 'yaml';
import { documentStyle } from '../manifest/edit';
import { findNode, findPair } from '../manifest/navigate';
import { parseDocumentText } from '../manifest/parse';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import type { DocEdit } from '../rules/types';
import { columnOf, endOfLine, lineStartOf, startsLine } from '../text/lines';
import { yamlString } from '../text/yamlScalar';

export { columnOf, endOfLine, lineStartOf, startsLine } from '../text/lines';

/**
 * The whole lines a block node occupies: from the start of its first line to the end of its last
 * line (newline included). A node's range may already end after its last newline.
 */
export function blockLines(doc: ManifestDocument, node: Node): [number, number] | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const last = end > start && doc.text[end - 1] === '\n' ? end : endOfLine(doc.text, Math.max(start, end - 1));
  return [lineStartOf(doc.text, start), last];
}

/** Replaces a scalar's content, keeping its quotes (a plain scalar stays plain). */
export function setScalar(doc: ManifestDocument, path: JsonPath, value: string): DocEdit | undefined {
  const node = findNode(doc, path);
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    if (/["'\\]/.test(value)) return undefined;
    return { start: start + 1, end: end - 1, newText: value };
  }
  if (node.type === Scalar.PLAIN) return { start, end, newText: yamlString(value) };
  return undefined;
}

/** Edits that retarget the document to another kind and apiVersion (the apiVersion only when it differs). */
export function setKindAndVersion(doc: ManifestDocument, kind: string, apiVersion: string): DocEdit[] | undefined {
  const k = setScalar(doc, ['kind'], kind);
  if (!k) return undefined;
  if (doc.object?.apiVersion === apiVersion) return [k];
  const api = setScalar(doc, ['apiVersion'], apiVersion);
  return api ? [k, api] : undefined;
}

/** Removes item `index` of the block sequence at `seqPath` (its whole lines, comments inside included). */
export function removeSeqItem(doc: ManifestDocument, seqPath: JsonPath, index: number): DocEdit | undefined {
  const seq = findNode(doc, seqPath);
  if (!isSeq(seq) || seq.flow) return undefined;
  const item = seq.items[index] as Node | null;
  if (!item?.range) return undefined;
  // The dash sits before the item's content on the item's first line.
  const start = lineStartOf(doc.text, item.range[0]);
  if (!/^ *- +$/.test(doc.text.slice(start, item.range[0]))) return undefined;
  const next = seq.items[index + 1] as Node | null | undefined;
  const end = next?.range ? lineStartOf(doc.text, next.range[0]) : (blockLines(doc, item)?.[1] ?? item.range[1]);
  return { start, end, newText: '' };
}

/** Adds `by` spaces to the start of every non-empty line in [start, end) — one insertion per line. */
export function indentLines(text: string, start: number, end: number, by: number): DocEdit[] {
  const edits: DocEdit[] = [];
  const pad = ' '.repeat(by);
  for (let at = start; at < end; at = endOfLine(text, at)) {
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    if (line.trim() !== '') edits.push({ start: at, end: at, newText: pad });
    if (lineEnd < 0) break;
  }
  return edits;
}

/** The text of [start, end) with up to `by` leading spaces removed from every line. */
export function dedentText(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => line.replace(new RegExp(`^ {0,${by}}`), ''))
    .join('\n');
}

/** YAML for a new document or block, in the document's indentation and sequence style; lists of scalars in flow style. */
export function renderYaml(doc: ManifestDocument, value: unknown): string {
  const style = documentStyle(doc);
  const out = new Document(value);
  visit(out, {
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return out.toString({ indent: style.indent, indentSeq: !style.compactSeq, lineWidth: 0, flowCollectionPadding: false });
}

/**
 * The start of the lines that belong to the block value of the key at `path`: the line after the
 * key, so that comment lines above the first entry move with it. Undefined when the value does
 * not start on a later line.
 */
export function valueLinesStart(doc: ManifestDocument, path: JsonPath): number | undefined {
  const pair = findPair(doc, path);
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | null | undefined;
  if (!key?.range || !value?.range) return undefined;
  const after = endOfLine(doc.text, key.range[1]);
  if (after > value.range[0]) return undefined;
  return /^(?:[ \t]*(?:#[^\n]*)?\n)*$/.test(doc.text.slice(after, lineStartOf(doc.text, value.range[0]))) ? after : undefined;
}

/** The column of the first key of the block mapping at `path`, when it starts its own line. */
export function blockMapColumn(doc: ManifestDocument, path: JsonPath): number | undefined {
  const map = findNode(doc, path);
  if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
  const first = map.items[0].key as Node | null;
  if (!first?.range || !startsLine(doc.text, first.range[0])) return undefined;
  return columnOf(doc.text, first.range[0]);
}

/** The column of the key at `path`. */
export function keyColumn(doc: ManifestDocument, path: JsonPath): number | undefined {
  const r = (findPair(doc, path)?.key as Node | undefined)?.range;
  return r ? columnOf(doc.text, r[0]) : undefined;
}

/**
 * The edits, when applying them to the document leaves YAML that still parses; undefined
 * otherwise. A guard for fixes into unusual layouts (flow maps with trailing commas, JSON5-style
 * manifests) where a generic edit could produce broken YAML: better no fix than a broken one.
 */
export function keepsYamlValid<T extends readonly DocEdit[] | undefined>(doc: ManifestDocument, edits: T): T | undefined {
  if (!edits) return undefined;
  let text = doc.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  const parsed = parseDocumentText(text);
  return parsed.syntaxProblems.length === 0 ? edits : undefined;
}
