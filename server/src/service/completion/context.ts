// Where the cursor is, in YAML terms, while the user is typing: which mapping a key goes into,
// or which field a value is being typed for, and the range of text a completion replaces.
//
// The document being typed usually does not parse (`spec:\n  rep` is a scalar, `- name: x\n  ima`
// an error), so this works from the text: the cursor's line, and the lines above it read by their
// indentation the way YAML's block structure does. Only the cursor's own document is looked at,
// and only the lines that matter, so the cost does not grow with the size of the file.
// Flow collections (`{name: x, ima}`) are understood on one line and over several lines.
import type { ManifestDocument } from '../manifest/types';

export type Path = (string | number)[];

interface KeyOrValueBase {
  /** Replace range, relative to the document text. */
  readonly start: number;
  readonly end: number;
  /** What the user typed before the cursor inside the replace range. */
  readonly prefix: string;
  /** True inside a flow collection (`{…}` / `[…]`). */
  readonly flow: boolean;
}

/** A key is being typed (or could be typed) at the cursor. */
export interface KeyContext extends KeyOrValueBase {
  readonly mode: 'key';
  /** Path of the mapping the key goes into. */
  readonly path: Path;
  /** Keys the mapping already has (other than the one under the cursor). */
  readonly existingKeys: readonly string[];
  /** Column of the key: nested lines of an insertion are indented from here. */
  readonly column: number;
  /** The word under the cursor is already followed by `:` (renaming a key): insert the key name only. */
  readonly hasColon: boolean;
  /**
   * Set when the word follows a `- ` on its line: it may be the first key of a new item mapping
   * (`containers:\n- na|`) or a scalar item of the list (`accessModes:\n- Read|`). The path of
   * that item (ends with its index); the caller decides by the list's item type.
   */
  readonly itemPath?: Path;
  /**
   * Set when the word starts at the column of a `- ` above whose item is a mapping, with nothing
   * at a smaller column in between (`- name: web` + Enter leaves the cursor there): the keys of
   * that item, which go in at its content column, `indent` spaces to the right of the cursor.
   */
  readonly itemContinuation?: {
    readonly path: Path;
    readonly existingKeys: readonly string[];
    readonly column: number;
    readonly indent: number;
  };
}

/** A value is being typed for the field at `path`. */
export interface ValueContext extends KeyOrValueBase {
  readonly mode: 'value';
  /** Path of the value: ends with its key, or with its index for a list item. */
  readonly path: Path;
  /** Column of the line's key (for multi-line insertions). */
  readonly column: number;
  /** `key:|` — the value must be preceded by a space. */
  readonly needsSpace: boolean;
  /** The value is being typed inside quotes: insert the raw text. */
  readonly quoted: boolean;
}

/** The document is empty apart from what is being typed on the cursor's line, at column 0. */
export interface EmptyDocumentContext extends KeyOrValueBase {
  readonly mode: 'empty';
}

export type CursorContext = KeyContext | ValueContext | EmptyDocumentContext;

interface Entry {
  readonly col: number;
  readonly type: 'dash' | 'key' | 'scalar';
  readonly key?: string;
  /** text after `key:` (comment removed, trimmed) */
  readonly rest?: string;
  /** column where `rest` starts */
  readonly restCol?: number;
}

// A block-mapping key at the start of a line's content: plain or quoted, followed by `:` and a space or the end.
const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function stripComment(s: string): string {
  const m = /(^|[ \t])#/.exec(s);
  return (m ? s.slice(0, m.index) : s).trimEnd();
}

/** Splits a line into its structural entries: `- ` indicators, then a `key:` or a scalar. */
export function lineEntries(line: string): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#') return entries;
  if (i === 0 && /^(---|\.\.\.)(\s|$)/.test(line)) return entries;
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    entries.push({ col: i, type: 'dash' });
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length || line[i] === '#') return entries;
  }
  const body = line.slice(i);
  const m = KEY_RE.exec(body);
  if (m) {
    let restCol = i + m[0].length;
    while (line[restCol] === ' ' || line[restCol] === '\t') restCol++;
    entries.push({ col: i, type: 'key', key: unquote(m[1]), rest: stripComment(line.slice(restCol)), restCol });
  } else entries.push({ col: i, type: 'scalar', rest: stripComment(body), restCol: i });
  return entries;
}

/** The lines of one document, with their entries computed on demand. */
class Lines {
  readonly starts: number[] = [0];
  private readonly cache = new Map<number, Entry[]>();

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  line(i: number): string {
    const end = i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.length;
    const s = this.text.slice(this.starts[i], end);
    return s.endsWith('\r') ? s.slice(0, -1) : s;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  entries(i: number): Entry[] {
    let e = this.cache.get(i);
    if (!e) this.cache.set(i, (e = lineEntries(this.line(i))));
    return e;
  }
}

interface Container {
  path: Path;
  /** keys of the mapping found above the entry (mapping containers) */
  keys: string[];
  /** index of the entry in its sequence (sequence containers) */
  index: number;
  /** the owning key's value is a block scalar: the entry is text, not structure */
  inBlockScalar: boolean;
}

const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

/**
 * The collection that holds entry `ei` of line `li` (given as `ents`, which may be a virtual
 * line for the cursor): a mapping when the entry is a key, a sequence when it is a `- `.
 */
function containerOf(lines: Lines, li: number, ei: number, ents: readonly Entry[], depth = 0): Container | undefined {
  if (depth > 100) return undefined;
  const e = ents[ei];
  if (ei > 0) {
    // Something to the left on the same line can only be a `- `: this entry starts that item's value.
    const item = itemPath(lines, li, ei - 1, ents, depth);
    return item && { path: item.path, keys: [], index: 0, inBlockScalar: item.inBlockScalar };
  }
  const col = e.col;
  const keys: string[] = [];
  let index = 0;
  const parentKey = (j: number, k: number, ej: readonly Entry[]): Container | undefined => {
    const owner = containerOf(lines, j, k, ej, depth + 1);
    if (!owner) return undefined;
    const rest = ej[k].rest ?? '';
    return { path: [...owner.path, ej[k].key!], keys, index, inBlockScalar: owner.inBlockScalar || BLOCK_SCALAR.test(rest) };
  };
  const parentItem = (j: number, k: number, ej: readonly Entry[]): Container | undefined => {
    const item = itemPath(lines, j, k, ej, depth + 1);
    return item && { path: item.path, keys, index, inBlockScalar: item.inBlockScalar };
  };
  for (let j = li - 1; j >= 0; j--) {
    const ej = lines.entries(j);
    if (ej.length === 0) continue;
    let at = -1;
    let left = -1;
    for (let k = 0; k < ej.length; k++) {
      if (ej[k].col === col) at = k;
      else if (ej[k].col < col) left = k;
    }
    if (e.type === 'dash') {
      if (at >= 0 && ej[at].type === 'dash') {
        index++;
        if (at > 0) return parentItem(j, at - 1, ej);
        continue;
      }
      // `key:` at the same column owns a sequence written without indentation.
      if (at >= 0 && ej[at].type === 'key') return parentKey(j, at, ej);
    } else if (at >= 0) {
      if (ej[at].type === 'key') {
        keys.push(ej[at].key!);
        if (at > 0) return parentItem(j, at - 1, ej);
      }
      // a `- ` at the key's column belongs to a sibling's unindented sequence; a scalar is a continuation line
      continue;
    }
    if (left >= 0) {
      if (ej[left].type === 'key') return parentKey(j, left, ej);
      if (ej[left].type === 'dash') return parentItem(j, left, ej);
      // a scalar further left: this line is the continuation of a multi-line scalar
      return { path: [], keys, index, inBlockScalar: true };
    }
  }
  return { path: [], keys, index, inBlockScalar: false };
}

function itemPath(
  lines: Lines,
  li: number,
  ei: number,
  ents: readonly Entry[],
  depth: number,
): { path: Path; inBlockScalar: boolean } | undefined {
  const seq = containerOf(lines, li, ei, ents, depth + 1);
  return seq && { path: [...seq.path, seq.index], inBlockScalar: seq.inBlockScalar };
}

/** The mapping item of a `- ` at `col` above line `li` that a key typed at `col` may continue (see KeyContext.itemContinuation). */
function continuedItem(lines: Lines, li: number, col: number, word: string): KeyContext['itemContinuation'] {
  for (let j = li - 1; j >= 0; j--) {
    const ej = lines.entries(j);
    if (ej.length === 0 || ej[0].col > col) continue; // blank, a comment, or inside the item
    const dash = ej.findIndex((e) => e.col === col);
    if (dash < 0 || ej[dash].type !== 'dash' || ej[dash + 1]?.type !== 'key') return undefined;
    const column = ej[dash + 1].col;
    const virtual: Entry[] = [{ col: column, type: 'key', key: word }];
    const c = containerOf(lines, li, 0, virtual);
    if (!c || c.inBlockScalar) return undefined;
    return { path: c.path, existingKeys: [...new Set([...c.keys, ...keysBelow(lines, li, column)])], column, indent: column - col };
  }
  return undefined;
}

/** Keys at `col` below line `li` that belong to the same mapping. */
function keysBelow(lines: Lines, li: number, col: number): string[] {
  const keys: string[] = [];
  for (let j = li + 1; j < lines.count; j++) {
    const ej = lines.entries(j);
    if (ej.length === 0) continue;
    if (ej[0].col < col) break;
    if (ej[0].col === col && ej[0].type === 'key') keys.push(ej[0].key!);
  }
  return keys;
}

const WORD_AFTER = /^[^\s:,{}[\]#]*/;

interface Frame {
  type: 'map' | 'seq';
  key?: string;
  afterColon: boolean;
  tokenStart: number;
  keys: string[];
  index: number;
}

/** Scans a flow collection from `from` to the cursor; undefined when the cursor is not inside one. */
function scanFlow(line: string, from: number, cursor: number): Frame[] | undefined {
  const stack: Frame[] = [];
  let quote: string | undefined;
  for (let i = from; i < cursor; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[')
      stack.push({ type: ch === '{' ? 'map' : 'seq', afterColon: false, tokenStart: i + 1, keys: [], index: 0 });
    else if (ch === '}' || ch === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
    } else if (ch === ',' && top) {
      if (top.type === 'map') {
        const k = top.afterColon ? top.key : line.slice(top.tokenStart, i).trim();
        if (k) top.keys.push(unquote(k));
        top.key = undefined;
        top.afterColon = false;
      } else top.index++;
      top.tokenStart = i + 1;
    } else if (ch === ':' && top?.type === 'map' && !top.afterColon && /^[\s,}\]]?$/.test(line[i + 1] ?? '')) {
      top.key = unquote(line.slice(top.tokenStart, i).trim());
      top.afterColon = true;
      top.tokenStart = i + 1;
    } else if (ch === '#' && /\s/.test(line[i - 1] ?? ' ')) {
      // a comment inside a flow collection that spans lines runs to the end of its line
      const nl = line.indexOf('\n', i);
      if (nl < 0 || nl >= cursor) return undefined;
      i = nl;
    }
  }
  if (quote) return undefined;
  return stack.length ? stack : undefined;
}

/** Keys of the innermost flow mapping that come after the cursor on the same line. */
function flowKeysAfter(line: string, cursor: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let tokenStart = -1;
  let quote: string | undefined;
  for (let i = cursor; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && ch === ',') tokenStart = i + 1;
    else if (depth === 0 && ch === ':' && tokenStart >= 0) {
      const k = line.slice(tokenStart, i).trim();
      if (k) keys.push(unquote(k));
      tokenStart = -1;
    }
  }
  return keys;
}

function isEmptyDocument(lines: Lines, cursorLine: number): boolean {
  for (let j = 0; j < lines.count; j++) {
    if (j === cursorLine) continue;
    if (lines.entries(j).length > 0) return false;
    // a directive or anything that is neither blank, comment nor a marker
    const l = lines.line(j);
    if (/^%/.test(l)) return false;
  }
  return true;
}

/**
 * The cursor context at `offset` (relative to `doc.text`), or undefined where nothing can be
 * completed (inside a comment, a block scalar, a quoted key, on a `---` line…).
 */
export function cursorContext(doc: Pick<ManifestDocument, 'text'>, offset: number): CursorContext | undefined {
  const lines = new Lines(doc.text);
  const li = lines.lineOf(offset);
  const lineStart = lines.starts[li];
  const line = lines.line(li);
  const cursor = offset - lineStart;
  if (cursor > line.length) return undefined;
  const before = line.slice(0, cursor);
  const wordEnd = (from: number) => from + WORD_AFTER.exec(line.slice(from))![0].length;
  if (/^(---|\.\.\.)(\s|$)/.test(line) && cursor >= 3 && !/^---\s+\S/.test(line)) return undefined;

  // The structure of the line before the cursor: indentation, `- ` indicators, then what is being typed.
  const lead = /^( *)((?:-[ \t]+)*)/.exec(before)!;
  const dashes: Entry[] = [];
  {
    let col = lead[1].length;
    for (const d of lead[2].match(/-[ \t]+/g) ?? []) {
      dashes.push({ col, type: 'dash' });
      col += d.length;
    }
  }
  const contentCol = lead[0].length;
  const content = before.slice(contentCol);

  // 0. inside a flow collection opened on a line above (`selector: {` … `}` over several lines)
  const opener = openFlowAbove(lines, li, contentCol);
  if (opener >= 0) {
    const ents = lines.entries(opener);
    const last = ents.length - 1;
    let owner: Path | undefined;
    if (ents[last].type === 'key') {
      const c = containerOf(lines, opener, last, ents);
      owner = c && !c.inBlockScalar ? [...c.path, ents[last].key!] : undefined;
    } else if (last > 0) owner = itemPath(lines, opener, last - 1, ents, 0)?.path;
    if (!owner) return undefined;
    const base = lines.starts[opener];
    return flowContext(doc.text.slice(base, lineStart + line.length), base, ents[last].restCol!, offset - base, owner, ents[0].col);
  }

  // 1. typing a key (or an item of a scalar list) — a bare word after the indentation and dashes
  const word = /^[A-Za-z0-9_.\-/$]*$/.exec(content);
  if (word && !(dashes.length === 0 && content.startsWith('-') && content.length === 1)) {
    const end = wordEnd(cursor);
    const hasColon = /^[ \t]*:(\s|$)/.test(line.slice(end));
    if (contentCol === 0 && !hasColon && isEmptyDocument(lines, li) && dashes.length === 0) {
      return { mode: 'empty', start: lineStart, end: lineStart + end, prefix: content, flow: false };
    }
    const ents: Entry[] = [...dashes, { col: contentCol, type: 'key', key: content }];
    const c = containerOf(lines, li, ents.length - 1, ents);
    if (!c || c.inBlockScalar) return undefined;
    const existing = new Set([...c.keys, ...keysBelow(lines, li, contentCol)]);
    let item: Path | undefined;
    if (dashes.length > 0) {
      const seq = itemPath(lines, li, dashes.length - 1, ents, 0);
      if (seq) item = seq.path;
    }
    const itemContinuation = dashes.length === 0 ? continuedItem(lines, li, contentCol, content) : undefined;
    return {
      mode: 'key',
      path: c.path,
      existingKeys: [...existing],
      column: contentCol,
      start: lineStart + contentCol,
      end: lineStart + end,
      prefix: content,
      flow: false,
      hasColon,
      itemPath: item,
      ...(itemContinuation ? { itemContinuation } : {}),
    };
  }

  // 2. typing after `key:` (a value, or inside a flow collection) or after `- ` (a flow collection)
  const m = KEY_RE.exec(content);
  const ents: Entry[] = [...dashes];
  let valueStart: number;
  let valuePath: Path | undefined;
  let keyCol = contentCol;
  if (m) {
    valueStart = contentCol + m[0].length;
    ents.push({ col: contentCol, type: 'key', key: unquote(m[1]) });
    const c = containerOf(lines, li, ents.length - 1, ents);
    if (!c || c.inBlockScalar) return undefined;
    valuePath = [...c.path, unquote(m[1])];
  } else if (dashes.length > 0 && /^[{[]/.test(content)) {
    valueStart = contentCol;
    const item = itemPath(lines, li, dashes.length - 1, ents, 0);
    if (!item || item.inBlockScalar) return undefined;
    valuePath = item.path;
    keyCol = dashes[dashes.length - 1].col;
  } else return undefined;
  const needsSpace = valueStart === cursor && !/[ \t]$/.test(before);
  while (before[valueStart] === ' ' || before[valueStart] === '\t') valueStart++;
  const valueText = before.slice(valueStart);

  if (valueText.startsWith('{') || valueText.startsWith('[')) return flowContext(line, lineStart, valueStart, cursor, valuePath, keyCol);
  if (!m) return undefined;
  if (/^[|>&*!]/.test(valueText) || /(^|\s)#/.test(valueText)) return undefined;
  const quoted = /^["']/.test(valueText);
  if (quoted && valueText.length > 1 && valueText.endsWith(valueText[0]) && !valueText.endsWith('\\' + valueText[0])) return undefined;
  const vStart = valueStart + (quoted ? 1 : 0);
  const restOfLine = stripComment(line.slice(cursor));
  const end = quoted ? closingQuote(line, vStart, valueText[0]) : cursor + restOfLine.length;
  return {
    mode: 'value',
    path: valuePath,
    column: keyCol,
    start: lineStart + vStart,
    end: lineStart + Math.max(cursor, end),
    prefix: line.slice(vStart, cursor),
    flow: false,
    needsSpace,
    quoted,
  };
}

/**
 * The context inside a flow collection that opens at `from` in `text` (whose index 0 is at
 * `base` in the document), with the cursor at index `cursor`; `ownerPath` is the path of the
 * collection itself.
 */
function flowContext(text: string, base: number, from: number, cursor: number, ownerPath: Path, keyCol: number): CursorContext | undefined {
  const stack = scanFlow(text, from, cursor);
  if (!stack) return undefined;
  const path: Path = [...ownerPath];
  for (const f of stack.slice(0, -1)) {
    if (f.type === 'map') {
      if (f.key === undefined) return undefined;
      path.push(f.key);
    } else path.push(f.index);
  }
  const top = stack[stack.length - 1];
  let tokenStart = top.tokenStart;
  while (/\s/.test(text[tokenStart] ?? '') && tokenStart < cursor) tokenStart++;
  const prefix = text.slice(tokenStart, cursor);
  const end = cursor + WORD_AFTER.exec(text.slice(cursor))![0].length;
  if (top.type === 'map' && !top.afterColon) {
    if (!/^[A-Za-z0-9_.\-/$]*$/.test(prefix)) return undefined;
    const lineStart = text.lastIndexOf('\n', tokenStart - 1) + 1;
    return {
      mode: 'key',
      path,
      existingKeys: [...new Set([...top.keys, ...flowKeysAfter(text, end)])],
      column: tokenStart - lineStart,
      start: base + tokenStart,
      end: base + end,
      prefix,
      flow: true,
      hasColon: /^[ \t]*:/.test(text.slice(end)),
    };
  }
  const quoted = /^["']/.test(prefix);
  const vStart = tokenStart + (quoted ? 1 : 0);
  return {
    mode: 'value',
    path: top.type === 'map' ? [...path, top.key!] : [...path, top.index],
    column: keyCol,
    start: base + vStart,
    end: base + Math.max(cursor, quoted ? closingQuote(text, vStart, prefix[0]) : end),
    prefix: text.slice(vStart, cursor),
    flow: true,
    needsSpace: false,
    quoted,
  };
}

/** Opening minus closing brackets of a line, outside quotes and comments. */
function bracketBalance(line: string): number {
  let n = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (ch === '{' || ch === '[') n++;
    else if (ch === '}' || ch === ']') n--;
  }
  return n;
}

/**
 * The line that opens a flow collection still open at the start of line `li`
 * (`selector: {\n  matchLabels: {app: x},\n  ‸`), or -1. Only a collection that is a whole
 * value (`key: {` / `- [`) counts.
 */
function openFlowAbove(lines: Lines, li: number, cursorIndent: number): number {
  let depth = 0;
  for (let j = li - 1; j >= 0 && j >= li - 200; j--) {
    depth += bracketBalance(lines.line(j));
    if (depth > 0) {
      const ents = lines.entries(j);
      const last = ents[ents.length - 1];
      // `key: {` or `- [`; a bracket in a scalar's text (a block scalar's JSON) opens nothing
      const opens = last && (last.type === 'key' || (last.type === 'scalar' && ents.length > 1)) && /^[{[]/.test(last.rest ?? '');
      if (!opens) return -1;
      // A flow collection's lines are indented further than the line that opens it (a closing
      // bracket may stand at its column). A line that is not is block structure again: the
      // bracket was never closed (`matchLabels: {app: web` being typed), and the cursor is outside.
      const col = ents[0].col;
      if (cursorIndent <= col && !/^\s*[}\]]/.test(lines.line(li))) return -1;
      for (let k = j + 1; k < li; k++) {
        const text = lines.line(k);
        const indent = /^ */.exec(text)![0].length;
        if (indent < text.length && text[indent] !== '#' && indent <= col && !/[}\],]/.test(text[indent])) return -1;
      }
      return j;
    }
  }
  return -1;
}

/** Where a quoted value that starts at `from` ends (before its closing quote, or the end of the word). */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return line.length;
}

/** `kind` and `apiVersion` of a document read from its text (works while the document does not parse). */
export function headerFromText(text: string): { kind?: string; apiVersion?: string } {
  const kind = /^kind:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  const apiVersion = /^apiVersion:[ \t]*["']?([A-Za-z0-9./-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  return { kind, apiVersion };
}
