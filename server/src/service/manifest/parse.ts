// Multi-document YAML -> ManifestFile, re-parsing only the documents whose text changed.
//
// Two ways to read a document. The `yaml` package's full parse builds a syntax tree with exact
// ranges: rules need it to place a diagnostic or build an edit, completion and hover need it at
// the cursor. But that tree costs most of the time of opening a large file, while diagnostics on
// a clean document need only its plain value. So a document in the simple subset most manifests
// are written in is read by fastParse.ts, and its tree is built only when something asks for it
// (ParsedText.yaml). Anything outside that subset takes the full parse at once.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document } from 'yaml';
import { MAX_NESTING, nestingPastLimit } from './depth';
import { fastParseValue, type FastPositions } from './fastParse';
import { mayHaveMergeKeys, QUOTED_MERGE_KEY, resolveMergeKeys } from './merge';
import type { JsonPath, K8sObjectHeader, ManifestDocument, ManifestFile, ParsedText, SyntaxProblem } from './types';

export type { ParsedText } from './types';

/** Files above this size are not analysed (a clear message is shown instead). */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
/** A document that expands aliases past this count is a YAML bomb, not a manifest. */
const MAX_ALIAS_COUNT = 1000;

// logLevel 'error': the yaml package would print its warnings (a template's `{{ }}` read as a map key)
// to stderr — the CLI's output and the server's log — where they help nobody.
// uniqueKeys false: the package compares each key with every earlier key of its mapping (a 64,000-key
// mapping took minutes); duplicateKeyErrors finds the same duplicates in one pass.
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;

/** What syntax problems are made from: the yaml package's errors and our duplicate-key ones. */
export interface YamlError {
  readonly code: string;
  readonly message: string;
  readonly pos: readonly [number, number];
}

/**
 * The duplicate keys of every mapping of the tree, exactly as the yaml package's `uniqueKeys: true`
 * reports them (a scalar key whose value equals, by `===`, that of an earlier key of the same
 * mapping; collections and aliases as keys are never equal; the error at the later key's start)
 * but with one Set per mapping, so the time is linear. Walks with its own stack: a deeply nested
 * document must not overflow the call stack.
 */
export function duplicateKeyErrors(doc: Document.Parsed): YamlError[] {
  const out: YamlError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const v = key.value;
          // NaN is never === NaN: yaml does not call two `.nan` keys duplicates.
          if (seen.has(v) && !(typeof v === 'number' && Number.isNaN(v))) {
            const at = key.range?.[0] ?? 0;
            out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1] });
          } else seen.add(v);
        } else if (key && !isAlias(key)) stack.push(key);
        if (pair.value && !isAlias(pair.value)) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item && !isAlias(item)) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return out.sort((a, b) => a.pos[0] - b.pos[0]);
}

/**
 * The tree's errors with the duplicate keys merged in, each before the first error that starts
 * after it. In a document that has other errors the parser's recovery can leave a key's node
 * somewhere else than where the package reports its duplicate: such a document (only the one
 * being typed in, usually) is read again with the package's own check, so the errors stay exact.
 */
export function yamlErrors(doc: Document.Parsed, text: string): YamlError[] {
  const dups = duplicateKeyErrors(doc);
  if (dups.length === 0) return doc.errors;
  if (doc.errors.length > 0) return parseYaml(text, true).errors;
  const out: YamlError[] = [];
  let d = 0;
  for (const e of doc.errors) {
    while (d < dups.length && dups[d].pos[0] < e.pos[0]) out.push(dups[d++]);
    out.push(e);
  }
  while (d < dups.length) out.push(dups[d++]);
  return out;
}

/**
 * The yaml package's syntax tree, with no stack traces captured for its errors: a parse error
 * keeps its stack frames — and through them the parser's state — alive for as long as the tree
 * that lists it, and nothing reads those stacks (a syntax problem is its code, message and range).
 */
function parseYaml(text: string, uniqueKeys = false): Document.Parsed {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, uniqueKeys ? { ...PARSE_OPTIONS, uniqueKeys } : PARSE_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A copy of `text` that owns its characters. A slice of a string is, in V8, a view into the whole
 * string: a document kept across versions of its file (the documents an edit did not touch) would
 * keep the whole text of the version it was first read from alive — one full copy of a large file
 * per edit when each edit touches another document. A JSON round trip always builds a new flat
 * string, exactly equal (lone surrogates included).
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * Plain scalars whose meaning depends on how they are written, not only on their value: YAML 1.1
 * booleans (`yes`, `off`) and 0-prefixed octals, which the API server's reader takes differently
 * from ours (schema/validate.ts looks at the scalar's style). A document that may hold one takes
 * the full parse, so its tree is there; over-matching (in a comment or a longer string) only
 * costs that document the fast path.
 */
const STYLE_DEPENDENT_SCALAR = /(?:^|[\s[{,])(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|0o?[0-7]+)[ \t]*(?:$|#|,|\]|\})/m;

/**
 * The text with each lone CR (a line break of old Mac files, which YAML 1.2 allows) read as LF: the
 * yaml package and every line-based reader here break lines on LF only. Same length, so every
 * offset stays that of the editor's text (which breaks lines on CR too); quick-fixes write the
 * file's own line break back (codeActions.ts).
 */
export function lineFeeds(text: string): string {
  return text.includes('\r') && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}
const LONE_CR = /\r(?!\n)/;

/** Splits a file into document chunks on `---` / `...` marker lines (YAML forbids both at column 0 inside content). */
export function splitDocuments(text: string): { offset: number; text: string }[] {
  const starts: number[] = [0];
  const marker = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m[1] === '---') {
      if (m.index !== 0) starts.push(m.index);
    } else {
      // `...` ends a document: the next one starts on the following line.
      const nl = text.indexOf('\n', m.index);
      if (nl >= 0 && nl + 1 < text.length) starts.push(nl + 1);
    }
    marker.lastIndex = m.index + 3;
  }
  const unique = [...new Set(starts)].sort((a, b) => a - b);
  const chunks: { offset: number; text: string }[] = [];
  for (let i = 0; i < unique.length; i++) {
    const offset = unique[i];
    const end = i + 1 < unique.length ? unique[i + 1] : text.length;
    const chunk = { offset, text: text.slice(offset, end) };
    // A `%YAML` / `%TAG` directive belongs to the document its `---` opens: merge it forward.
    const prev = chunks[chunks.length - 1];
    if (prev && (prev.text.startsWith('%') || prev.text.includes('\n%')) && !/^[^%#\s]/m.test(prev.text.replace(/^%.*$/gm, ''))) {
      prev.text += chunk.text;
      continue;
    }
    chunks.push(chunk);
  }
  return chunks;
}

const FRIENDLY: Record<string, (text: string) => string> = {
  DUPLICATE_KEY: (key) =>
    `Duplicate key \`${key}\`: a mapping may have each key once (readers that accept it anyway, Kubernetes included, keep only the last one).`,
  TAB_AS_INDENT: () => 'Tab used for indentation: YAML allows only spaces here.',
};

function cleanMessage(code: string, message: string, source: string): string {
  const friendly = FRIENDLY[code];
  if (friendly) return friendly(source);
  // The yaml package appends "at line X, column Y:" and a code frame to some messages.
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

/**
 * `!!binary` and `!!timestamp` values as the API server gets them: its YAML reader (go-yaml, then
 * YAML to JSON) turns the bytes into a string and the time into an RFC 3339 string. The yaml
 * package gives a Uint8Array and a Date, which every check would take for a mapping.
 */
function asKubernetesReads(_key: unknown, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace('.000Z', 'Z');
  return value;
}

/** Reads apiVersion, kind and metadata.name/namespace from a document value. */
export function readObjectHeader(value: unknown): K8sObjectHeader | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.apiVersion !== 'string' || typeof v.kind !== 'string') return undefined;
  const header: K8sObjectHeader = { apiVersion: v.apiVersion, kind: v.kind };
  const meta = v.metadata;
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    const m = meta as Record<string, unknown>;
    if (typeof m.name === 'string') header.name = m.name;
    if (typeof m.namespace === 'string') header.namespace = m.namespace;
  }
  return header;
}

/** After the first structural errors the parser's further errors are mostly echoes of them. */
const MAX_STRUCTURAL_ERRORS = 3;
/** Duplicate keys and tabs are independent mistakes, but a generated file can have thousands. */
const MAX_INDEPENDENT_ERRORS = 20;

/** Keeps the first few errors of a document; the last one kept says how many more there are. */
function capProblems(problems: SyntaxProblem[]): void {
  let structural = 0;
  let independent = 0;
  const kept: SyntaxProblem[] = [];
  for (const p of problems) {
    const isIndependent = p.yamlCode === 'DUPLICATE_KEY' || p.yamlCode === 'TAB_AS_INDENT';
    if (isIndependent ? independent++ < MAX_INDEPENDENT_ERRORS : structural++ < MAX_STRUCTURAL_ERRORS) kept.push(p);
  }
  const dropped = problems.length - kept.length;
  if (dropped > 0) {
    const last = kept[kept.length - 1];
    kept[kept.length - 1] = { ...last, message: `${last.message} (${dropped} more syntax errors in this document are not shown)` };
  }
  problems.splice(0, problems.length, ...kept);
}

function syntaxProblemsOf(errors: readonly YamlError[], text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = errors.map((e) => {
    let start = Math.min(e.pos[0], text.length);
    let end = Math.max(start, Math.min(e.pos[1], text.length));
    if (e.code === 'DUPLICATE_KEY') {
      // yaml points at the key's first character; flag the whole key.
      const m = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\n]*?(?=:(?:\s|$)))/.exec(text.slice(start));
      if (m && m[0].length) end = start + m[0].length;
    } else if (start === end && /^\s*$/.test(text.slice(start))) {
      // An error at the very end (unclosed bracket or quote): flag the last character written.
      const last = text.slice(0, start).search(/\S\s*$/);
      if (last >= 0) [start, end] = [last, last + 1];
    }
    const source = text.slice(start, end).replace(/^["']|["']$/g, '');
    return { start, end, yamlCode: e.code, message: cleanMessage(e.code, e.message, source) };
  });
  capProblems(problems);
  return problems;
}

/**
 * The document's `<<` keys as Kubernetes' YAML decoder (go-yaml v2) reads them, in one walk:
 * - `bad`: a `<<` written plain takes a mapping, an alias of one, or a list of those — anything else
 *   fails the whole document with "map merge requires map or sequence of maps as the value", which
 *   the yaml package, reading `<<` as a plain key under YAML 1.2, never reports;
 * - `quoted`: a quoted "<<" (`'<<': …`, `"<<": …`) is an ordinary key, whatever its value.
 */
function mergeKeysOf(doc: Document.Parsed): { bad: SyntaxProblem[]; quoted: Scalar[] } {
  const bad: SyntaxProblem[] = [];
  const quoted: Scalar[] = [];
  const isMapping = (node: unknown): boolean => isMap(isAlias(node) ? node.resolve(doc) : node);
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (!isScalar(key) || key.value !== '<<') return;
      if (key.type !== Scalar.PLAIN) {
        quoted.push(key);
        return;
      }
      const value = pair.value;
      if (!key.range || isMapping(value) || (isSeq(value) && value.items.every(isMapping))) return;
      bad.push({
        start: key.range[0],
        end: key.range[1],
        yamlCode: 'BAD_MERGE_VALUE',
        message:
          'A merge key (<<) takes a mapping, an alias of one (<<: *base) or a list of them: kubectl and the API server refuse this document ("map merge requires map or sequence of maps as the value").',
      });
    },
  });
  return { bad, quoted };
}

/**
 * What a document nested too deep to analyse says (validation.ts shows it once, on its first line).
 * The thousands are grouped by hand: the first toLocaleString of a process loads ICU's number
 * formats, and this module is loaded at every start (it cost ~10 ms of start → initialized).
 */
export const TOO_DEEP = `Nesting too deep to analyse: this document nests mappings or sequences more than ${String(MAX_NESTING).replace(/\B(?=(\d{3})+$)/g, ',')} levels deep, so Kubernetes Workloads does not check it.`;
/** What it says when reading the document ran out of stack below that depth (the service run on a small stack). */
export const OUT_OF_STACK =
  'Nesting too deep to analyse: reading this document ran out of stack, so Kubernetes Workloads does not check it.';
const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/**
 * One document's text, read once and shared by every version of the file that contains the same
 * text (so it is also the identity that per-document caches key on). Never throws.
 */
class ParsedDocumentText implements ParsedText {
  readonly value: unknown;
  readonly object: K8sObjectHeader | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Where the nodes are, recorded by the fast path: what locate.ts answers from while the tree is not built. */
  readonly positions?: FastPositions;
  private tree: Document.Parsed | undefined;

  /** Set when the document is not analysed (nested too deep); what the user is told. */
  readonly skippedReason?: string;

  /** `fastPath: false` always builds the tree (tests compare both ways). */
  constructor(
    readonly text: string,
    fastPath = true,
  ) {
    if (nestingPastLimit(text) !== undefined) {
      // Not parsed at all: an empty tree for whatever asks for one, no value, no syntax problem.
      this.skippedReason = TOO_DEEP;
      this.tree = parseYaml('');
      this.value = undefined;
      this.syntaxProblems = [];
      this.object = undefined;
      return;
    }
    const fast = fastPath && !STYLE_DEPENDENT_SCALAR.test(text) ? fastParseValue(text) : undefined;
    if (fast) {
      // fastParse.ts only answers for text the full parser reads without errors, to the same value.
      this.value = fast.value;
      this.positions = fast.positions;
      this.syntaxProblems = [];
    } else {
      let yaml = (this.tree = parseYaml(text));
      let errors = yamlErrors(yaml, text);
      // Past what the stack holds (the service on a small stack, or nesting the estimate missed):
      // say so, never a syntax error that is not there.
      if (errors.some((e) => STACK_OVERFLOW.test(e.message))) {
        this.skippedReason = OUT_OF_STACK;
        yaml = this.tree = parseYaml('');
        errors = [];
      }
      const problems = syntaxProblemsOf(errors, text);
      let value: unknown;
      if (errors.length === 0 && !this.skippedReason) {
        try {
          const merges = mayHaveMergeKeys(text) ? mergeKeysOf(yaml) : undefined;
          if (merges?.bad.length) {
            // kubectl cannot decode the document at all: like any syntax error, nothing else is checked.
            problems.push(...merges.bad);
            capProblems(problems);
          } else {
            // A quoted "<<" goes through toJS under a name resolveMergeKeys leaves alone, and comes out as "<<" again.
            const quoted = merges?.quoted ?? [];
            for (const key of quoted) key.value = QUOTED_MERGE_KEY;
            try {
              value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: asKubernetesReads });
            } finally {
              for (const key of quoted) key.value = '<<';
            }
            if (merges) value = resolveMergeKeys(value);
          }
        } catch (err) {
          if (err instanceof RangeError && STACK_OVERFLOW.test(err.message)) {
            this.skippedReason = OUT_OF_STACK;
            this.tree = parseYaml('');
          } else
            problems.push({
              start: 0,
              end: Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')),
              yamlCode: 'ALIAS_LIMIT',
              message: `This document could not be read: ${(err as Error).message}. Kubernetes Workloads skips it.`,
            });
        }
      }
      this.value = value;
      this.syntaxProblems = problems;
    }
    this.object = readObjectHeader(this.value);
  }

  /** The syntax tree with exact ranges, built on first use for documents read by the fast path. */
  get yaml(): Document.Parsed {
    return (this.tree ??= parseYaml(this.text));
  }

  /** The syntax tree if it has been built, without building it. */
  get builtTree(): Document.Parsed | undefined {
    return this.tree;
  }
}

/** A parsed document at its place in a file. */
class PlacedDocument implements ManifestDocument {
  constructor(
    readonly parsed: ParsedText,
    readonly offset: number,
    readonly index: number,
  ) {}
  get text(): string {
    return this.parsed.text;
  }
  get yaml(): Document.Parsed {
    return this.parsed.yaml;
  }
  get value(): unknown {
    return this.parsed.value;
  }
  get object(): K8sObjectHeader | undefined {
    return this.parsed.object;
  }
  get syntaxProblems(): readonly SyntaxProblem[] {
    return this.parsed.syntaxProblems;
  }
  get skippedReason(): string | undefined {
    return this.parsed.skippedReason;
  }
}

/** An item of a `kind: List` document, seen as an object of its own (ManifestDocument.basePath). */
class ListItemDocument implements ManifestDocument {
  readonly object: K8sObjectHeader | undefined;
  constructor(
    private readonly list: ManifestDocument,
    readonly basePath: JsonPath,
    readonly value: unknown,
  ) {
    this.object = readObjectHeader(value) ?? inheritedHeader(list.object, value);
  }
  get parsed(): ParsedText {
    return this.list.parsed;
  }
  get offset(): number {
    return this.list.offset;
  }
  get index(): number {
    return this.list.index;
  }
  get text(): string {
    return this.list.text;
  }
  get yaml(): Document.Parsed {
    return this.list.yaml;
  }
  get syntaxProblems(): readonly SyntaxProblem[] {
    return this.list.syntaxProblems;
  }
}

/**
 * The header of an item of a `<Kind>List` that names neither its apiVersion nor its kind: the
 * list's apiVersion and `<Kind>`, as the API machinery reads a typed list (UnstructuredList sets
 * them on such items: the API server itself writes the items of a PodList without them). An item
 * of a plain `kind: List` gets nothing: it must say what it is.
 */
function inheritedHeader(list: K8sObjectHeader | undefined, value: unknown): K8sObjectHeader | undefined {
  if (!list || list.kind === 'List' || !list.kind.endsWith('List')) return undefined;
  // an empty item (`- ` while it is typed) is an object with nothing in it yet
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) return undefined;
  const v = (value ?? {}) as Record<string, unknown>;
  if (v.apiVersion !== undefined || v.kind !== undefined) return undefined;
  return readObjectHeader({ ...v, apiVersion: list.apiVersion, kind: list.kind.slice(0, -'List'.length) });
}

/**
 * The items of a `kind: List` (or `<Kind>List`) document as documents of their own, each checked
 * as the object it is (kubectl applies each item); [] for any other document.
 */
export function listItems(doc: ManifestDocument): ManifestDocument[] {
  const o = doc.object;
  if (!o || doc.basePath || !(o.kind === 'List' || o.kind.endsWith('List'))) return [];
  const items = (doc.value as Record<string, unknown>).items;
  if (!Array.isArray(items)) return [];
  return items.map((item, i) => new ListItemDocument(doc, ['items', i], item));
}

/**
 * Where `path` (from the document's root) lies inside an item of a `kind: List` (or `<Kind>List`)
 * document: that item as a document of its own (the one listItems gives) and the path inside it.
 * `value` is the document's value — also the partial one completion reads from text being typed.
 * Undefined anywhere else.
 */
export function listItemAt(doc: ManifestDocument, value: unknown, path: JsonPath): { doc: ManifestDocument; path: JsonPath } | undefined {
  if (doc.basePath || path.length < 2 || path[0] !== 'items' || typeof path[1] !== 'number') return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  if (typeof kind !== 'string' || !(kind === 'List' || kind.endsWith('List')) || !Array.isArray(items)) return undefined;
  const index = path[1];
  return { doc: new ListItemDocument(doc, ['items', index], items[index]), path: path.slice(2) };
}

/** `parsed` placed at `offset` as the file's `index`-th document. */
export function placeDocument(parsed: ParsedText, offset: number, index: number): ManifestDocument {
  return new PlacedDocument(parsed, offset, index);
}

/** Parses one document's text. Never throws. */
export function parseDocumentText(text: string, fastPath = true): ParsedText {
  return new ParsedDocumentText(text, fastPath);
}

/**
 * Whether the text is a Helm / Go template rather than YAML: `{{` outside comments and block
 * scalars. Block scalars are exempt because they often hold embedded templates of another tool
 * (Prometheus rules, Argo notifications) inside a perfectly valid manifest.
 */
export function isTemplateText(text: string, docs: readonly Pick<ManifestDocument, 'text' | 'yaml' | 'syntaxProblems'>[]): boolean {
  if (!text.includes('{{')) return false;
  for (const doc of docs) {
    if (!doc.text.includes('{{')) continue;
    if (doc.syntaxProblems.some((p) => p.yamlCode !== 'ALIAS_LIMIT')) return true;
    const exempt: [number, number][] = [];
    visit(doc.yaml, {
      Scalar(_key, node: Scalar) {
        if ((node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) && node.range) {
          exempt.push([node.range[0], node.range[1]]);
        }
      },
    });
    for (let i = doc.text.indexOf('{{'); i >= 0; i = doc.text.indexOf('{{', i + 2)) {
      if (exempt.some(([s, e]) => i >= s && i < e)) continue;
      const lineStart = doc.text.lastIndexOf('\n', i) + 1;
      if (/(^|\s)#/.test(doc.text.slice(lineStart, i))) continue;
      return true;
    }
  }
  return false;
}

export interface ParserStats {
  /** documents parsed from text (cache misses) since the parser was created */
  parsed: number;
  /** documents reused from the previous version of the same file */
  reused: number;
  /** versions read by re-splitting only the region an edit touched (the rest of the file's documents kept or shifted) */
  incremental: number;
}

/** What the parser keeps of the last version of a file. */
interface LastVersion {
  readonly text: string;
  readonly file: ManifestFile;
  /**
   * Every document boundary of the text is a `---` line: no `...` end marker, no `%` directive
   * line, no lone CR. Then where a document starts depends only on its own first line and the
   * line break before it, and an edit can be read by re-splitting only the documents around it.
   */
  readonly plain: boolean;
  /** The text contains `{{` (it may be a template: isTemplateText decides). */
  readonly braces: boolean;
}

const END_MARKER_LINE = /^\.\.\.(?=[ \t\r\n]|$)/m;

/** See LastVersion.plain; `text` is a whole file or a run of whole lines of one. */
function isPlain(text: string): boolean {
  return (
    !text.startsWith('%') &&
    !text.includes('\n%') &&
    !(text.includes('...') && END_MARKER_LINE.test(text)) &&
    !(text.includes('\r') && LONE_CR.test(text))
  );
}

/** How many characters `a` and `b` have in common at their start: compared in growing blocks (native compares, no per-character loop over the file). */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  let step = 1024;
  while (at < max) {
    const end = Math.min(max, at + step);
    if (a.slice(at, end) === b.slice(at, end)) {
      at = end;
      step *= 2;
    } else if (end - at <= 32) {
      while (at < end && a.charCodeAt(at) === b.charCodeAt(at)) at++;
      return at;
    } else step = (end - at) >> 1;
  }
  return at;
}

/** How many characters `a` and `b` have in common at their end, leaving out their first `skip` characters. */
export function commonSuffixLength(a: string, b: string, skip: number): number {
  const max = Math.min(a.length, b.length) - skip;
  let n = 0;
  let step = 1024;
  while (n < max) {
    const end = Math.min(max, n + step);
    if (a.slice(a.length - end, a.length - n) === b.slice(b.length - end, b.length - n)) {
      n = end;
      step *= 2;
    } else if (end - n <= 32) {
      while (n < end && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
      return n;
    } else step = (end - n) >> 1;
  }
  return n;
}

/** The index of the document that holds `offset` (the last one starting at or before it). */
function documentAt(documents: readonly ManifestDocument[], offset: number): number {
  let lo = 0;
  let hi = documents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (documents[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Parses files and remembers, per URI, the documents of the previous version so that an edit
 * re-parses only the documents whose text changed. Memory: one version per open URI.
 *
 * An edit of a large file is read without going over the whole file again: the region where the
 * new text differs from the last version is found by comparing both (native string compares), only
 * the documents around that region are split again, the documents before it are kept as they are
 * (same objects, same offsets) and those after it are placed again, shifted by the change in
 * length. Offsets inside a document are relative to its own text (types.ts), so nothing inside a
 * shifted document changes. Files with `...` end markers, `%` directives or lone CRs take the full
 * split (where a document starts can depend on more than its own first line there); both ways give
 * the same documents (test/unit/manifest/incremental.test.ts).
 */
export class ManifestParser {
  readonly stats: ParserStats = { parsed: 0, reused: 0, incremental: 0 };
  private readonly previous = new Map<string, LastVersion>();

  /** `fastPath: false` builds every document's syntax tree at once (see ParsedText). */
  constructor(
    private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE,
    private readonly fastPath = true,
  ) {}

  parse(uri: string, text: string): ManifestFile {
    if (text.length > this.maxFileSize) {
      this.previous.delete(uri);
      const mb = (this.maxFileSize / (1024 * 1024)).toFixed(0);
      return {
        uri,
        text,
        documents: [],
        isTemplate: false,
        skippedReason: `This file is larger than ${mb} MB; Kubernetes Workloads does not check it.`,
      };
    }
    const last = this.previous.get(uri);
    return (last?.plain && this.parseEdit(uri, last, text)) || this.parseWhole(uri, text, last);
  }

  /** Every document split again; those whose text the last version had are reused. */
  private parseWhole(uri: string, text: string, last: LastVersion | undefined): ManifestFile {
    const before = last && new Map<string, ParsedText>(last.file.documents.map((d) => [d.text, d.parsed]));
    const now = new Map<string, ParsedText>();
    const documents: ManifestDocument[] = splitDocuments(lineFeeds(text)).map((chunk, index) => {
      const core = this.reuseOrParse(chunk.text, before, now);
      return placeDocument(core, chunk.offset, index);
    });
    const braces = text.includes('{{');
    const file: ManifestFile = { uri, text, documents, isTemplate: braces && isTemplateText(text, documents) };
    this.previous.set(uri, { text, file, plain: isPlain(text), braces });
    return file;
  }

  /**
   * The new version from the last one, splitting again only the documents around the region that
   * changed; undefined when that region is not plain (see LastVersion.plain).
   */
  private parseEdit(uri: string, last: LastVersion, text: string): ManifestFile | undefined {
    const old = last.text;
    const docs = last.file.documents;
    if (docs.length === 0) return undefined;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, prefix);
    const oldEnd = old.length - suffix;
    const delta = text.length - old.length;
    // From the document that holds the first changed character — or the one before, when the
    // change may touch its `---` line (a start needs its marker and the character after it).
    let first = documentAt(docs, prefix);
    if (first > 0 && docs[first].offset + 4 > prefix) first--;
    // To the document that holds the first character after the change: the next one's start line
    // and the line break before it are unchanged, so it still starts there.
    const lastChanged = oldEnd >= old.length ? docs.length - 1 : documentAt(docs, oldEnd);
    const from = docs[first].offset;
    const oldTo = lastChanged + 1 < docs.length ? docs[lastChanged + 1].offset : old.length;
    const region = text.slice(from, oldTo + delta);
    if (!isPlain(region)) return undefined;
    const before = new Map<string, ParsedText>();
    for (let i = first; i <= lastChanged; i++) before.set(docs[i].text, docs[i].parsed);
    const now = new Map<string, ParsedText>();
    const documents: ManifestDocument[] = docs.slice(0, first);
    for (const chunk of splitDocuments(region))
      documents.push(placeDocument(this.reuseOrParse(chunk.text, before, now), from + chunk.offset, documents.length));
    const indexDelta = documents.length - (lastChanged + 1);
    for (let i = lastChanged + 1; i < docs.length; i++) {
      const d = docs[i];
      documents.push(delta === 0 && indexDelta === 0 ? d : placeDocument(d.parsed, d.offset + delta, i + indexDelta));
    }
    this.stats.reused += docs.length - (lastChanged + 1 - first);
    this.stats.incremental++;
    // `{{` cannot span the region's edges (both are line starts).
    const braces = (last.braces || region.includes('{{')) && text.includes('{{');
    const file: ManifestFile = { uri, text, documents, isTemplate: braces && isTemplateText(text, documents) };
    this.previous.set(uri, { text, file, plain: true, braces });
    return file;
  }

  private reuseOrParse(text: string, before: Map<string, ParsedText> | undefined, now: Map<string, ParsedText>): ParsedText {
    let core = before?.get(text) ?? now.get(text);
    if (core) this.stats.reused++;
    else {
      // Kept while the document is unchanged, so it must not keep this version of the file alive.
      core = parseDocumentText(ownCopy(text), this.fastPath);
      this.stats.parsed++;
    }
    now.set(text, core);
    return core;
  }

  forget(uri: string): void {
    this.previous.delete(uri);
  }
}

/** Parses a file without any reuse (CLI, tests). */
export function parseManifest(uri: string, text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): ManifestFile {
  return new ManifestParser(maxFileSize).parse(uri, text);
}
