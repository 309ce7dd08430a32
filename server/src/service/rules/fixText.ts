// Helpers for the fixes of the guide's rules: writing string values into YAML (plain when YAML
// reads them back as the same string, quoted otherwise, in the quote style of the scalar being
// replaced), and composing several edit steps that each need the result of the previous one.
import { isScalar, Scalar } from 'yaml';
import { replaceValue } from '../manifest/edit';
import { findNode } from '../manifest/navigate';
import { parseDocumentText, placeDocument } from '../manifest/parse';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import type { DocEdit, Fix, Report } from './types';
import { yamlString } from '../text/yamlScalar';

export { yamlString } from '../text/yamlScalar';

/** `s` in the quote style of the scalar at `path` (plain, 'single' or "double"), quoting only when needed. */
export function scalarLike(doc: ManifestDocument, path: JsonPath, s: string): string {
  const node = findNode(doc, path);
  if (isScalar(node)) {
    if (node.type === Scalar.QUOTE_SINGLE) return `'${s.replace(/'/g, "''")}'`;
    if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(s);
  }
  return yamlString(s);
}

/** Replaces the string at `path` with `s`, keeping the existing quote style. */
export function replaceString(doc: ManifestDocument, path: JsonPath, s: string): DocEdit[] | undefined {
  return replaceValue(doc, path, scalarLike(doc, path, s));
}

/** One step of a composed fix: edits computed against the document as the previous steps left it. */
export type EditStep = (doc: ManifestDocument) => readonly DocEdit[] | undefined;

function applyDocEdits(text: string, edits: readonly DocEdit[]): string {
  let out = text;
  // Stable order: edits at the same offset are applied in the order given.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  for (const { e } of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Runs the steps one after the other, each on the text the previous ones produced (so the second
 * label goes into the `labels:` map the first one created), and returns a single edit turning the
 * original text into the result: the changed lines between the common prefix and suffix. Returns
 * undefined when a step cannot be done or the steps change nothing.
 */
export function composeEdits(doc: ManifestDocument, steps: readonly EditStep[]): DocEdit[] | undefined {
  let current: ManifestDocument = doc;
  for (const step of steps) {
    const edits = step(current);
    if (!edits) return undefined;
    const text = applyDocEdits(current.text, edits);
    current = placeDocument(parseDocumentText(text), doc.offset, doc.index);
  }
  const before = doc.text;
  const after = current.text;
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  // Whole lines: the edit starts at a line start and ends after a newline (or at the end).
  while (start > 0 && before[start - 1] !== '\n') start--;
  while (endB > start && endB < before.length && before[endB - 1] !== '\n') {
    endB++;
    endA++;
  }
  return [{ start, end: endB, newText: after.slice(start, endA) }];
}

/**
 * Tab stops inside composed text: write `tabStop(1, '100m')` as the value in the steps, then turn
 * the composed edits into snippet edits with `toSnippetEdits` (everything else is escaped) and
 * into plain edits with `withoutTabStops`.
 */
export function tabStop(n: number, value: string): string {
  return `__tabstop${n}__${value}__`;
}

const TAB_STOP = /__tabstop(\d+)__(.*?)__/g;

export function withoutTabStops(edits: readonly DocEdit[]): DocEdit[] {
  return edits.map((e) => ({ ...e, newText: e.newText.replace(TAB_STOP, (_m, _n, v: string) => v) }));
}

export function toSnippetEdits(edits: readonly DocEdit[]): DocEdit[] {
  return edits.map((e) => ({
    ...e,
    newText: e.newText.replace(/[\\$}]/g, (c) => `\\${c}`).replace(TAB_STOP, (_m, n: string, v: string) => `\${${n}:${v}}`),
  }));
}

/**
 * `report` with its fixes built the first time something reads them (a code action, fix-all, a
 * test), not while validating: building a fix needs the document's syntax tree, which validation
 * of a document the fast path read otherwise never builds — and most findings are never fixed.
 * The fixes are built once, from the same document text, so they are the ones an eager build gives.
 * (Do not spread the result: spreading reads the fixes.)
 */
export function withLazyFixes(report: Omit<Report, 'fixes'>, build: () => readonly Fix[]): Report {
  let fixes: readonly Fix[] | undefined;
  return Object.defineProperty({ ...report }, 'fixes', { enumerable: true, get: () => (fixes ??= build()) }) as Report;
}
