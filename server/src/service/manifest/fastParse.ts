// A fast path for the common shape of Kubernetes manifests: block mappings and sequences of
// one-line scalars, one-line flow collections and simple block scalars. It produces the plain JS
// value of a document without building the `yaml` package's CST and node tree, and it gives up
// (returns undefined) on anything it is not sure about, so the caller falls back to `yaml`.
//
// Contract: whenever it returns `{ value }`, `parseDocument(text, { uniqueKeys: true })` has no
// errors and `value` deep-equals that document's `toJS()` (key order included). Scalars resolve
// exactly as yaml 2's default YAML 1.2 core schema resolves them (yaml/dist/schema/core).
//
// It gives up on: tabs, control characters, a BOM, a lone CR; anchors, aliases, tags,
// directives, `...`, a second `---`, content on the `---` line; `?` keys, `<<`, `__proto__`,
// non-string or duplicate keys; scalars or flow collections spanning lines; a value on the line
// after its key; escapes other than \n \t \\ \" \/ \uXXXX; block scalars with an indentation
// indicator, more-indented lines in `>`, long whitespace-only lines at their start or end; a
// root that is not a block mapping or sequence; indentation it does not expect.
//
// The parser works line by line: `i` is always the index of the next content line (not blank,
// not a comment) and `ind` its indentation. Every line is looked at a bounded number of times,
// so the time is linear in the text length.
//
// Positions. When it accepts a document it also records where its nodes are (FastPositions):
// exactly the `range[0]`/`range[1]` the yaml package's nodes would have, so that the outline and
// the index need no syntax tree (manifest/locate.ts reads them). Scalars and flow collections end
// where their text ends; a block scalar where its lines end (its trailing blank lines too with
// `+`). A block collection ends where its last value's trailing trivia ends (yaml's range[2]):
// which comment and blank lines after the last line belong to a node follows the yaml parser
// (parse/parser.js): a one-line value keeps the comment lines more indented than its collection
// that come before any other comment; an empty value keeps all of them when one is a comment;
// the rest goes to a collection that ends there when a comment in it is at least as indented as
// that collection (and it is not at column 0), else outwards. See close() and settle().

/**
 * Where the nodes of a document read by the fast path are, in offsets relative to its text: what
 * the yaml package's node `range[0]` and `range[1]` would be. One flat table, six numbers per
 * entry (a key of a mapping or an item of a sequence), entries linked in source order:
 * `[keyStart, keyEnd, valueStart, valueEnd, child, next]` where `child` is the offset of the
 * value's first entry (-1 for a scalar or an empty collection) and `next` that of the following
 * entry of the same collection (-1 after the last). A sequence item has keyStart = keyEnd = -1.
 */
export interface FastPositions {
  /** The root node's range; for a document without content, where yaml puts its null, undefined without a `---` (yaml has no node then). */
  readonly root: readonly [number, number] | undefined;
  /** Offset of the root collection's first entry; -1 when there is none. */
  readonly first: number;
  /**
   * A typed array, not the array it was built in: kept for as long as the document, it takes half the
   * memory, outside the JavaScript heap the garbage collector walks (offsets fit: no V8 string reaches 2^31).
   */
  readonly entries: Int32Array;
  /** The key of each entry (index: entry offset / ENTRY), null for sequence items. */
  readonly keys: readonly (string | null)[];
}

/** Numbers per entry in FastPositions.entries. */
export const ENTRY = 6;

/** Thrown to give up; caught by fastParseValue. */
const BAIL = { bail: true };

/** Control characters (but LF and CR), NEL and the other C1 controls, line/paragraph separators, BOM. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A CR that does not end a line. */
const LONE_CR = /\r(?!\n)/;

// The core schema's tests, in the order yaml tries them (schema/core/schema.js).
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const BACKSLASH = 92;
const MAX_DEPTH = 100;
/** yaml rejects implicit keys longer than 1024 characters. */
const MAX_KEY_LENGTH = 1000;

/** The value of a plain scalar under the core schema. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, bool, int or float.
  const maybeNotString =
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70;
  if (!maybeNotString) return s;
  if (NULL_RE.test(s)) return null;
  if (BOOL_RE.test(s)) return c === 116 || c === 84;
  if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
  if (INT_RE.test(s)) return parseInt(s, 10);
  if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.charCodeAt(0) === DASH ? -Infinity : Infinity;
  if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
  return s;
}

/** ASCII characters that cannot start a plain scalar here: indicators, a space. `-` is checked apart. */
const NOT_PLAIN_START = new Uint8Array(128);
for (const ch of ' ?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[ch.charCodeAt(0)] = 1;

/**
 * Whether a plain scalar may start at `p` (block context). Indicators cannot start one; `-`
 * can when a non-space follows (`-5`, `-Xmx`). `?` and `:` could too, but are left to yaml.
 */
function plainStartOk(line: string, p: number): boolean {
  const c = line.charCodeAt(p);
  if (c < 128) {
    if (NOT_PLAIN_START[c] === 1) return false;
    if (c === DASH) return p + 1 < line.length && line.charCodeAt(p + 1) !== SPACE;
  }
  return p < line.length;
}

function isDash(line: string, col: number): boolean {
  return line.charCodeAt(col) === DASH && (col + 1 === line.length || line.charCodeAt(col + 1) === SPACE);
}

/** Keys the fast path does not store itself: `__proto__` (JS), `<<` (merge keys). */
function badKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return (c === 95 && key === '__proto__') || (c === 60 && key === '<<');
}

class FastParser {
  private readonly lines: string[];
  private readonly n: number;
  /** Index of the next content line, or n. */
  private i = 0;
  /** Indentation of line i (-1 at the end). */
  private ind = -1;
  /** Position after the last scalar or flow collection read on a line. */
  private pos = 0;
  private depth = 0;

  // Positions (see FastPositions).
  /** Offset of each line's first character in the text. */
  private readonly lineStart: number[];
  private readonly textLength: number;
  readonly entries: number[] = [];
  readonly keys: (string | null)[] = [];
  /** The range and first entry of the node parsed last. */
  private vs = 0;
  private ve = 0;
  private vc = -1;
  /** Set by flowPlain: where the scalar's text ends (pos is at the indicator after it). */
  private pend = 0;
  /** Offset of the line flow() reads. */
  private base = 0;
  // The trivia after the last leaf value: how it is settled depends on the collection it ends
  // (see settle()). Kind 0: a one-line value with its line end; 1: a block scalar; 2: empty.
  private leafKind = 0;
  /** The first line after the leaf's own (trivia lines run from it to `i`). */
  private leafLine = 0;
  /** kinds 0 and 1: where the leaf's own text ends (yaml's range[2] before trivia); kind 2: the null's position. */
  private leafEnd = 0;
  /** kind 2: a comment on the line of the key or dash. */
  private leafComment = false;
  private settled = true;
  /** A sequence item about to be read starts with comment lines (see seq()). */
  private itemComment = false;
  /** yaml's range[2] of the node closed last. */
  private tail = 0;
  /** The largest column of a comment in the trivia after `tail` not yet given to a node; -1: none. */
  private rMax = -1;

  constructor(text: string) {
    const lines = text.split('\n');
    const lineStart = new Array<number>(lines.length);
    for (let k = 0, off = 0; k < lines.length; k++) {
      lineStart[k] = off;
      off += lines[k].length + 1;
    }
    this.lineStart = lineStart;
    this.textLength = text.length;
    if (text.includes('\r')) {
      // FORBIDDEN guarantees every CR is followed by LF: it ends its line.
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        if (l.charCodeAt(l.length - 1) === 13) lines[k] = l.slice(0, -1);
      }
    }
    this.lines = lines;
    this.n = lines.length;
  }

  /** The root's range and first entry, set by parse(). */
  root: [number, number] | undefined;
  first = -1;

  parse(): unknown {
    let start = 0;
    const first = this.lines[0];
    let nullAt = -1;
    if (first.startsWith('---')) {
      // A marker alone or followed by a comment; anything else on that line is left to yaml.
      nullAt = 3;
      if (first.length > 3) {
        if (first.charCodeAt(3) !== SPACE) throw BAIL;
        let p = 4;
        while (first.charCodeAt(p) === SPACE) p++;
        if (p < first.length && first.charCodeAt(p) !== HASH) throw BAIL;
        nullAt = p;
      }
      start = 1;
    }
    this.skip(start);
    if (this.i >= this.n) {
      // yaml puts an empty document's null after the marker and the spaces after it.
      if (nullAt >= 0) this.root = [nullAt, nullAt];
      return null;
    }
    const value = this.collection(this.i, this.ind);
    if (this.i < this.n) throw BAIL;
    this.root = [this.vs, this.ve];
    this.first = this.vc;
    return value;
  }

  /** Where line `t` ends, its line break included. */
  private lineEnd(t: number): number {
    return t + 1 < this.n ? this.lineStart[t + 1] : this.textLength;
  }

  /** Where the next content starts (its indentation is trivia too), or the end of the text. */
  private triviaEnd(): number {
    return this.i < this.n ? this.lineStart[this.i] + this.ind : this.textLength;
  }

  /** Records a leaf value's range and what its trivia needs (see settle()). */
  private leaf(kind: number, start: number, end: number, nextLine: number, leafEnd: number): void {
    this.vs = start;
    this.ve = end;
    this.vc = -1;
    this.leafKind = kind;
    this.leafLine = nextLine;
    this.leafEnd = leafEnd;
    this.settled = false;
  }

  /**
   * Gives the trivia after the last leaf to it (yaml's range[2]) as the parser does, now that
   * the collection holding it, at column `col`, is known: a one-line value takes the comment
   * lines indented more than `col` up to the first other comment (parser.atIndentedComment);
   * an empty value takes everything when it has a comment (compose-node composeEmptyNode).
   */
  private settle(col: number): void {
    this.settled = true;
    const kind = this.leafKind;
    let tail = this.leafEnd;
    let rMax = -1;
    let comment = this.leafComment;
    const { lines } = this;
    for (let t = this.leafLine; t < this.i; t++) {
      const l = lines[t];
      let j = 0;
      while (l.charCodeAt(j) === SPACE) j++;
      if (j === l.length) continue;
      // A comment line (skip() let only blank and comment lines through).
      comment = true;
      if (kind === 0 && rMax < 0 && j > col) tail = this.lineEnd(t);
      else if (j > rMax) rMax = j;
    }
    if (kind === 2) {
      if (comment) tail = this.triviaEnd();
      rMax = -1;
    }
    this.tail = tail;
    this.rMax = rMax;
  }

  /**
   * Ends a block collection at column `col` whose first entry is at `start`: sets its range
   * (range[1] is the last value's range[2]) and keeps the trivia after it when yaml's parser
   * does (Parser.pop: a comment in it at least as indented as the collection, not at column 0).
   */
  private close(col: number, start: number, first: number): void {
    if (!this.settled) this.settle(col);
    this.vs = start;
    this.ve = this.tail;
    this.vc = first;
    if (col > 0 && this.rMax >= col) {
      this.tail = this.triviaEnd();
      this.rMax = -1;
    }
  }

  /** Appends an entry; returns its offset. */
  private entry(prev: number, keyStart: number, keyEnd: number, key: string | null): number {
    const { entries } = this;
    const e = entries.length;
    entries.push(keyStart, keyEnd, 0, 0, -1, -1);
    this.keys.push(key);
    if (prev >= 0) entries[prev + 5] = e;
    return e;
  }

  /** Fills in an entry's value from the node parsed last. */
  private setValue(e: number): void {
    const { entries } = this;
    entries[e + 2] = this.vs;
    entries[e + 3] = this.ve;
    entries[e + 4] = this.vc;
  }

  /** Moves to the first content line at or after `from`. */
  private skip(from: number): void {
    const { lines, n } = this;
    for (let k = from; k < n; k++) {
      const line = lines[k];
      const len = line.length;
      let j = 0;
      while (j < len && line.charCodeAt(j) === SPACE) j++;
      if (j === len) continue;
      const c = line.charCodeAt(j);
      if (c === HASH) continue;
      // A document marker (`---`, `...`) inside the chunk: left to yaml.
      if (j === 0 && (c === DASH || c === 46) && (line.startsWith('---') || line.startsWith('...'))) throw BAIL;
      this.i = k;
      this.ind = j;
      return;
    }
    this.i = n;
    this.ind = -1;
  }

  /** A block mapping or sequence whose first entry starts at column `col` of line `li`. */
  private collection(li: number, col: number): unknown {
    return isDash(this.lines[li], col) ? this.seq(li, col, false) : this.map(li, col);
  }

  /**
   * The node on the lines after a `key:` or `-` with nothing else on its line, which is at `at`
   * (the offset after the indicator and its spaces) on line `li`.
   */
  private blockValue(parentIndent: number, inMap: boolean, li: number, at: number): unknown {
    if (this.i < this.n) {
      const ind = this.ind;
      if (ind > parentIndent) return this.collection(this.i, ind);
      // Kubernetes style: a sequence at the same indentation as its key.
      if (inMap && ind === parentIndent && isDash(this.lines[this.i], ind)) return this.seq(this.i, ind, true);
    }
    const pos = this.lineStart[li] + at;
    this.leaf(2, pos, pos, li + 1, pos);
    this.leafComment = at < this.lines[li].length || (!inMap && this.itemComment);
    return null;
  }

  private map(li: number, col: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const obj: Record<string, unknown> = {};
    let count = 0;
    const start = this.lineStart[li] + col;
    let first = -1;
    let prev = -1;
    for (;;) {
      const line = this.lines[li];
      const len = line.length;
      const base = this.lineStart[li];
      let p = col;
      let key: string;
      let keyEnd: number;
      let hash = -2; // the first ` #` after the key, when known
      const c = line.charCodeAt(p);
      if (c === DQUOTE || c === SQUOTE) {
        key = c === DQUOTE ? this.dq(line, p) : this.sq(line, p);
        p = this.pos;
        keyEnd = p;
        while (line.charCodeAt(p) === SPACE) p++;
        if (line.charCodeAt(p) !== COLON) throw BAIL;
        if (p + 1 < line.length && line.charCodeAt(p + 1) !== SPACE) throw BAIL;
      } else {
        if (!plainStartOk(line, p)) throw BAIL;
        // The first `:` followed by a space or the end of the line; no comment before it.
        let q = line.indexOf(':', p);
        while (q >= 0 && q + 1 < len && line.charCodeAt(q + 1) !== SPACE) q = line.indexOf(':', q + 1);
        if (q < 0) throw BAIL;
        hash = line.indexOf(' #', p);
        if (hash >= 0 && hash < q) throw BAIL;
        let e = q;
        while (line.charCodeAt(e - 1) === SPACE) e--;
        key = line.slice(p, e);
        if (typeof resolvePlain(key) !== 'string') throw BAIL;
        keyEnd = e;
        p = q;
      }
      if (p - col > MAX_KEY_LENGTH || badKey(key)) throw BAIL;
      const ent = this.entry(prev, base + col, base + keyEnd, key);
      if (prev < 0) first = ent;
      prev = ent;
      // The common case inline: a plain scalar value up to a comment or the end of the line.
      let r = p + 1;
      while (r < len && line.charCodeAt(r) === SPACE) r++;
      const v0 = r < len ? line.charCodeAt(r) : HASH;
      if (hash !== -2 && v0 < 128 && NOT_PLAIN_START[v0] === 0 && v0 !== DASH) {
        // `hash` is the first ` #` after the key; it cannot lie between the `:` and `r`.
        const end = hash < 0 ? len : hash;
        const colon = line.indexOf(': ', r);
        if ((colon >= 0 && colon < end) || (end === len && line.charCodeAt(len - 1) === COLON)) throw BAIL;
        let e = end;
        while (line.charCodeAt(e - 1) === SPACE) e--;
        obj[key] = resolvePlain(line.slice(r, e));
        this.leaf(0, base + r, base + e, li + 1, this.lineEnd(li));
        this.skip(li + 1);
      } else obj[key] = this.value(li, p + 1, col);
      this.setValue(ent);
      count++;
      if (this.i >= this.n || this.ind < col) break;
      if (this.ind > col) throw BAIL;
      li = this.i;
      if (isDash(this.lines[li], col)) throw BAIL;
    }
    // A duplicate key (an error for yaml) overwrote an earlier one. Cheaper than a lookup per key.
    if (Object.keys(obj).length !== count) throw BAIL;
    this.depth--;
    this.close(col, start, first);
    return obj;
  }

  private seq(li: number, col: number, sameIndentAsKey: boolean): unknown[] {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const arr: unknown[] = [];
    const start = this.lineStart[li] + col;
    let first = -1;
    let prev = -1;
    for (;;) {
      // The comment lines the previous item leaves start this one: an empty item keeps them.
      if (prev >= 0 && !this.settled) this.settle(col);
      this.itemComment = prev >= 0 && this.rMax >= 0;
      const ent = this.entry(prev, -1, -1, null);
      if (prev < 0) first = ent;
      prev = ent;
      arr.push(this.seqItem(li, col + 1, col));
      this.setValue(ent);
      if (this.i >= this.n || this.ind < col) break;
      if (this.ind > col) throw BAIL;
      li = this.i;
      if (!isDash(this.lines[li], col)) {
        if (sameIndentAsKey) break;
        throw BAIL;
      }
    }
    this.depth--;
    this.close(col, start, first);
    return arr;
  }

  /** A mapping value starting at `p` (just after the `:`); the mapping is at column `col`. */
  private value(li: number, p: number, col: number): unknown {
    const line = this.lines[li];
    const len = line.length;
    while (p < len && line.charCodeAt(p) === SPACE) p++;
    if (p >= len || line.charCodeAt(p) === HASH) {
      this.skip(li + 1);
      return this.blockValue(col, true, li, p);
    }
    const c = line.charCodeAt(p);
    const base = this.lineStart[li];
    let v: unknown;
    if (c === DQUOTE) {
      v = this.dq(line, p);
      this.leaf(0, base + p, base + this.pos, li + 1, this.lineEnd(li));
    } else if (c === SQUOTE) {
      v = this.sq(line, p);
      this.leaf(0, base + p, base + this.pos, li + 1, this.lineEnd(li));
    } else if (c === LBRACKET || c === LBRACE) {
      this.base = base;
      v = this.flow(line, p, 0);
      const child = this.vc;
      this.leaf(0, this.vs, this.ve, li + 1, this.lineEnd(li));
      this.vc = child;
    } else if (c === 124 || c === 62) return this.blockScalar(li, p, col);
    else {
      v = this.plain(line, p, false);
      if (v === undefined) throw BAIL; // `key: a: b`
      this.leaf(0, base + p, base + this.pos, li + 1, this.lineEnd(li));
      this.skip(li + 1); // a plain scalar ends at a comment or the end of the line
      return v;
    }
    this.rest(line, this.pos);
    this.skip(li + 1);
    return v;
  }

  /** A sequence item starting at `p` (just after the `-`); the sequence is at column `col`. */
  private seqItem(li: number, p: number, col: number): unknown {
    const line = this.lines[li];
    const len = line.length;
    while (p < len && line.charCodeAt(p) === SPACE) p++;
    if (p >= len || line.charCodeAt(p) === HASH) {
      this.skip(li + 1);
      return this.blockValue(col, false, li, p);
    }
    const c = line.charCodeAt(p);
    if (isDash(line, p)) return this.seq(li, p, false);
    const base = this.lineStart[li];
    let v: unknown;
    if (c === DQUOTE || c === SQUOTE) {
      v = c === DQUOTE ? this.dq(line, p) : this.sq(line, p);
      let q = this.pos;
      while (line.charCodeAt(q) === SPACE) q++;
      // `- "key": value`: a compact mapping.
      if (line.charCodeAt(q) === COLON) return this.map(li, p);
      this.leaf(0, base + p, base + this.pos, li + 1, this.lineEnd(li));
    } else if (c === LBRACKET || c === LBRACE) {
      this.base = base;
      v = this.flow(line, p, 0);
      const child = this.vc;
      this.leaf(0, this.vs, this.ve, li + 1, this.lineEnd(li));
      this.vc = child;
    } else if (c === 124 || c === 62) return this.blockScalar(li, p, col);
    else {
      v = this.plain(line, p, true);
      // `- key: value`: a compact mapping.
      if (v === undefined) return this.map(li, p);
      this.leaf(0, base + p, base + this.pos, li + 1, this.lineEnd(li));
      this.skip(li + 1); // a plain scalar ends at a comment or the end of the line
      return v;
    }
    this.rest(line, this.pos);
    this.skip(li + 1);
    return v;
  }

  /**
   * A one-line plain scalar in block context, up to a comment or the end of the line. Returns
   * undefined when a `: ` (or a final `:`) makes it a key: a compact mapping when `keyOk`.
   */
  private plain(line: string, p: number, keyOk: boolean): unknown {
    if (!plainStartOk(line, p)) throw BAIL;
    // Up to a comment (` #`); a `: ` before it, or a final `:`, makes it a key.
    let q = line.indexOf(' #', p);
    if (q < 0) q = line.length;
    const colon = line.indexOf(': ', p);
    if ((colon >= 0 && colon < q) || (q === line.length && line.charCodeAt(q - 1) === COLON)) {
      if (keyOk) return undefined;
      throw BAIL;
    }
    let e = q;
    while (line.charCodeAt(e - 1) === SPACE) e--;
    this.pos = e;
    return resolvePlain(line.slice(p, e));
  }

  /** After a node on its line: only spaces and a comment may follow. */
  private rest(line: string, p: number): void {
    const start = p;
    while (line.charCodeAt(p) === SPACE) p++;
    if (p < line.length && (p === start || line.charCodeAt(p) !== HASH)) throw BAIL;
  }

  private sq(line: string, p: number): string {
    let out = '';
    let start = p + 1;
    let q = start;
    for (;;) {
      q = line.indexOf("'", q);
      if (q < 0) throw BAIL; // continues on the next line
      if (line.charCodeAt(q + 1) === SQUOTE) {
        out += line.slice(start, q + 1);
        q += 2;
        start = q;
        continue;
      }
      out += line.slice(start, q);
      this.pos = q + 1;
      return out;
    }
  }

  private dq(line: string, p: number): string {
    let out = '';
    let start = p + 1;
    const len = line.length;
    for (let q = start; q < len; q++) {
      const c = line.charCodeAt(q);
      if (c === DQUOTE) {
        out += line.slice(start, q);
        this.pos = q + 1;
        return out;
      }
      if (c !== BACKSLASH) continue;
      out += line.slice(start, q);
      const e = line.charCodeAt(q + 1);
      if (e === 110) out += '\n';
      else if (e === 116) out += '\t';
      else if (e === BACKSLASH) out += '\\';
      else if (e === DQUOTE) out += '"';
      else if (e === 47) out += '/';
      else if (e === 117) {
        const hex = line.slice(q + 2, q + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw BAIL;
        out += String.fromCodePoint(parseInt(hex, 16));
        q += 4;
      } else throw BAIL;
      q++;
      start = q + 1;
    }
    throw BAIL; // continues on the next line
  }

  /** A flow collection or scalar inside a flow collection; all on this line (at offset `base`). */
  private flow(line: string, p: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw BAIL;
    const base = this.base;
    const start = base + p;
    const c = line.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const s = c === DQUOTE ? this.dq(line, p) : this.sq(line, p);
      this.vs = start;
      this.ve = base + this.pos;
      this.vc = -1;
      return s;
    }
    let first = -1;
    let prev = -1;
    if (c === LBRACKET) {
      const arr: unknown[] = [];
      p++;
      while (line.charCodeAt(p) === SPACE) p++;
      if (line.charCodeAt(p) !== RBRACKET)
        for (;;) {
          const ent = this.entry(prev, -1, -1, null);
          if (prev < 0) first = ent;
          prev = ent;
          arr.push(this.flow(line, p, depth + 1));
          this.setValue(ent);
          p = this.pos;
          while (line.charCodeAt(p) === SPACE) p++;
          const d = line.charCodeAt(p);
          if (d === RBRACKET) break;
          if (d !== COMMA) throw BAIL; // `[a: b]`, a comment, the end of the line…
          p++;
          while (line.charCodeAt(p) === SPACE) p++;
          if (line.charCodeAt(p) === RBRACKET || line.charCodeAt(p) === COMMA) throw BAIL;
        }
      this.pos = p + 1;
      this.vs = start;
      this.ve = base + p + 1;
      this.vc = first;
      return arr;
    }
    if (c === LBRACE) {
      const obj: Record<string, unknown> = {};
      p++;
      while (line.charCodeAt(p) === SPACE) p++;
      if (line.charCodeAt(p) !== RBRACE)
        for (;;) {
          const k = line.charCodeAt(p);
          let key: unknown;
          let keyEnd: number;
          if (k === DQUOTE || k === SQUOTE) {
            key = k === DQUOTE ? this.dq(line, p) : this.sq(line, p);
            keyEnd = this.pos;
          } else {
            key = this.flowPlain(line, p);
            keyEnd = this.pend;
          }
          if (typeof key !== 'string' || badKey(key) || Object.prototype.hasOwnProperty.call(obj, key)) throw BAIL;
          const ent = this.entry(prev, base + p, base + keyEnd, key);
          if (prev < 0) first = ent;
          prev = ent;
          p = this.pos;
          while (line.charCodeAt(p) === SPACE) p++;
          if (line.charCodeAt(p) !== COLON || line.charCodeAt(p + 1) !== SPACE) throw BAIL;
          p += 2;
          while (line.charCodeAt(p) === SPACE) p++;
          const v0 = line.charCodeAt(p);
          if (v0 === COMMA || v0 === RBRACE) throw BAIL; // an empty value
          obj[key] = this.flow(line, p, depth + 1);
          this.setValue(ent);
          p = this.pos;
          while (line.charCodeAt(p) === SPACE) p++;
          const d = line.charCodeAt(p);
          if (d === RBRACE) break;
          if (d !== COMMA) throw BAIL;
          p++;
          while (line.charCodeAt(p) === SPACE) p++;
          if (line.charCodeAt(p) === RBRACE || line.charCodeAt(p) === COMMA) throw BAIL;
        }
      this.pos = p + 1;
      this.vs = start;
      this.ve = base + p + 1;
      this.vc = first;
      return obj;
    }
    const v = this.flowPlain(line, p);
    this.vs = start;
    this.ve = base + this.pend;
    this.vc = -1;
    return v;
  }

  /** A plain scalar inside a flow collection: ends at `,[]{}` or `: `; any other `:` or a comment: bail. */
  private flowPlain(line: string, p: number): unknown {
    if (!plainStartOk(line, p)) throw BAIL;
    const len = line.length;
    let q = p;
    for (; q < len; q++) {
      const ch = line.charCodeAt(q);
      if (ch === COMMA || ch === LBRACKET || ch === RBRACKET || ch === LBRACE || ch === RBRACE) break;
      if (ch === COLON) {
        if (line.charCodeAt(q + 1) === SPACE) break;
        throw BAIL;
      }
      if (ch === HASH && line.charCodeAt(q - 1) === SPACE) throw BAIL;
    }
    if (q >= len) throw BAIL; // the collection continues on the next line
    // A plain scalar cannot start with a flow indicator (or `-` before one: `[-]`).
    let e = q;
    while (line.charCodeAt(e - 1) === SPACE) e--;
    if (e <= p) throw BAIL;
    const d = line.charCodeAt(p);
    if (d === DASH && e === p + 1) throw BAIL;
    this.pos = q;
    this.pend = e;
    return resolvePlain(line.slice(p, e));
  }

  /**
   * A `|` or `>` block scalar whose header is at `p` of line `li`; its parent collection is at
   * column `parentIndent`. No indentation indicator, no more-indented lines in `>`, no
   * whitespace-only lines longer than the content indentation at its start or end.
   */
  private blockScalar(li: number, p: number, parentIndent: number): string {
    const { lines, n } = this;
    const header = lines[li];
    const folded = header.charCodeAt(p) === 62;
    const headerAt = p;
    p++;
    let chomp = 0; // 0 clip, 1 strip, 2 keep
    const ch = header.charCodeAt(p);
    if (ch === DASH) {
      chomp = 1;
      p++;
    } else if (ch === 43) {
      chomp = 2;
      p++;
    }
    if (p < header.length) {
      if (header.charCodeAt(p) !== SPACE) throw BAIL;
      while (header.charCodeAt(p) === SPACE) p++;
      if (p < header.length && header.charCodeAt(p) !== HASH) throw BAIL;
    }
    // The content indentation: that of the first non-blank line.
    let k = li + 1;
    let maxLeading = 0;
    let indent = -1;
    for (; k < n; k++) {
      const l = lines[k];
      let j = 0;
      while (j < l.length && l.charCodeAt(j) === SPACE) j++;
      if (j < l.length) {
        indent = j;
        break;
      }
      if (j > maxLeading) maxLeading = j;
    }
    if (indent <= parentIndent || maxLeading > indent) throw BAIL;
    const contentStart = k;
    let end = k + 1; // after the last non-blank line
    for (k++; k < n; k++) {
      const l = lines[k];
      let j = 0;
      while (j < l.length && l.charCodeAt(j) === SPACE) j++;
      if (j === l.length) {
        if (j > indent && folded) throw BAIL;
        continue;
      }
      if (j < indent) break;
      if (j > indent && folded) throw BAIL;
      end = k + 1;
    }
    // Blank lines after the content: kept by `+`. The text after the final newline is no line.
    let trailing: number;
    if (k === n && end < n) {
      if (lines[n - 1] !== '') throw BAIL;
      trailing = n - 1 - end;
    } else trailing = k - end;
    for (let t = end; t < end + trailing; t++) if (lines[t].length > indent) throw BAIL;

    let value = '';
    if (!folded) {
      for (let t = li + 1; t < end; t++) {
        const l = lines[t];
        if (t > li + 1) value += '\n';
        if (l.length > indent) value += l.slice(indent);
      }
    } else {
      for (let t = li + 1; t < contentStart; t++) value += '\n';
      let sep = '';
      for (let t = contentStart; t < end; t++) {
        const l = lines[t];
        if (l.length <= indent) {
          if (sep === '\n') value += '\n';
          else sep = '\n';
        } else {
          value += sep + l.slice(indent);
          sep = ' ';
        }
      }
    }
    if (chomp === 0) value += '\n';
    else if (chomp === 2) value += '\n' + '\n'.repeat(trailing);
    // yaml's lexer ends the scalar after its last non-blank line, or with `+` after its blank lines.
    const endLine = chomp === 2 ? k : end;
    const endAt = endLine < n ? this.lineStart[endLine] : this.textLength;
    this.leaf(1, this.lineStart[li] + headerAt, endAt, k, endAt);
    this.skip(k);
    return value;
  }
}

/** The document's value when the text is in the simple subset this parser is sure about; undefined otherwise. */
export function fastParseValue(text: string): { value: unknown; positions: FastPositions } | undefined {
  if (FORBIDDEN.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    const parser = new FastParser(text);
    const value = parser.parse();
    return { value, positions: { root: parser.root, first: parser.first, entries: Int32Array.from(parser.entries), keys: parser.keys } };
  } catch {
    return undefined;
  }
}
