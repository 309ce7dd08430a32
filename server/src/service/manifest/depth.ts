// How deep a document nests, estimated in one pass over its text, before anything parses it.
//
// The `yaml` package reads nested collections recursively (so do toJS, the schema checks and
// hover), several stack frames per level: on Node's default stack a valid block map nested ~900
// levels ran out of stack, which the package reported as a syntax error "Maximum call stack size
// exceeded". The server and the CLI therefore run the language service on a thread with a large
// stack (server/src/largeStack.ts), where documents nested up to MAX_NESTING levels are analysed
// like any other; a document nested deeper is not parsed at all and says so in one message.
//
// The estimate follows the structure the way YAML lays it out: a block collection's level is its
// indentation column (a sequence may sit at its parent key's column: one more level there), each
// `- ` or `? ` written on one line (`- - - x`) opens a level, and flow brackets count while they
// are open (outside quotes and comments; in block context only where a value starts, so `echo [x`
// in a plain scalar does not count). Lines inside block scalars or multi-line plain scalars can
// only add levels that are not there: it may overestimate a little, never by a factor.

/** Documents nested deeper than this are not analysed (the large stack holds several times more). */
export const MAX_NESTING = 10_000;

const SPACE = 32;
const NL = 10;
const CR = 13;

interface Level {
  readonly col: number;
  /** A block sequence (its items' `-` at `col`), else a mapping. */
  readonly seq: boolean;
}

/**
 * The estimated nesting depth of `text` if it exceeds `limit`, else undefined. Stops reading as
 * soon as the limit is passed; linear in the text's length.
 */
export function nestingPastLimit(text: string, limit = MAX_NESTING): number | undefined {
  // Every level takes at least one character.
  if (text.length <= limit) return undefined;
  const stack: Level[] = [];
  let flow = 0;
  /** Inside a quoted scalar that continues on the next line. */
  let quote = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ls = i;
    let p = i;
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    i = end + 1;
    /** Where a value may start: a flow bracket there opens a collection. */
    let valueStart = flow > 0;
    if (quote === 0 && flow === 0) {
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (p >= end || c === 35 /* # */ || c === CR) continue;
      const indent = p - ls;
      const dash = isIndicator(text, p, end, 45 /* - */);
      while (stack.length && stack[stack.length - 1].col > indent) stack.pop();
      const top = stack[stack.length - 1];
      if (top && top.col === indent) {
        if (dash && !top.seq) stack.push({ col: indent, seq: true });
        else if (!dash && top.seq) {
          stack.pop();
          if (!stack.length || stack[stack.length - 1].col !== indent) stack.push({ col: indent, seq: false });
        }
      } else stack.push({ col: indent, seq: dash });
      // `- - x`, `- key: v`, `? - x`: each indicator on the line opens one more level.
      while (isIndicator(text, p, end, 45) || isIndicator(text, p, end, 63 /* ? */)) {
        p++;
        while (p < end && text.charCodeAt(p) === SPACE) p++;
        if (p >= end || text.charCodeAt(p) === 35) break;
        stack.push({ col: p - ls, seq: isIndicator(text, p, end, 45) });
      }
      valueStart = true;
    }
    for (; p < end; p++) {
      const c = text.charCodeAt(p);
      if (quote !== 0) {
        if (c === quote) {
          if (quote === 39 && text.charCodeAt(p + 1) === 39)
            p++; // '' inside single quotes
          else quote = 0;
        } else if (c === 92 /* \ */ && quote === 34) p++;
        continue;
      }
      if (c === SPACE || c === CR) continue;
      if (c === 35 /* # */ && (p === 0 || text.charCodeAt(p - 1) === SPACE || text.charCodeAt(p - 1) === NL)) break;
      if (c === 34 || c === 39) {
        if (valueStart) quote = c;
        valueStart = false;
      } else if (c === 91 /* [ */ || c === 123 /* { */) {
        if (valueStart) {
          flow++;
          if (stack.length + flow > limit) return stack.length + flow;
        }
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (flow > 0) flow--;
        valueStart = false;
      } else if (c === 44 /* , */ && flow > 0) valueStart = true;
      else if (c === 58 /* : */ && (p + 1 >= end || text.charCodeAt(p + 1) === SPACE || flow > 0)) valueStart = true;
      else if (c === 45 /* - */ && flow === 0 && isIndicator(text, p, end, 45)) valueStart = true;
      else valueStart = flow > 0 && valueStart && c === 63; // `? [` in flow
    }
    if (stack.length + flow > limit) return stack.length + flow;
  }
  return undefined;
}

/** `c` at `p` followed by a space or the line's end: a block indicator (`- `, `? `). */
function isIndicator(text: string, p: number, end: number, c: number): boolean {
  if (p >= end || text.charCodeAt(p) !== c) return false;
  const next = text.charCodeAt(p + 1);
  return p + 1 >= end || next === SPACE || next === CR;
}
