// The document model shared by every feature of the language service.
//
// A file is split into YAML documents on `---` / `...` marker lines first; each document is
// parsed on its own from its own text, so every offset inside a ManifestDocument is relative
// to that document's text (`doc.text`). That makes a parsed document independent of where it
// sits in the file: when another document of the file changes, this one is reused as is and
// only its `offset` in the file moves (see parse.ts).
import type { Document } from 'yaml';
import type { FastPositions } from './fastParse';

/**
 * One document's text, read once and shared by every version of the file that contains the same
 * text — the identity per-document caches key on (parse.ts makes them).
 */
export interface ParsedText {
  readonly text: string;
  readonly value: unknown;
  readonly object: K8sObjectHeader | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Where the nodes are, recorded by the fast path: what locate.ts answers from while the tree is not built. */
  readonly positions?: FastPositions;
  /** The syntax tree with exact ranges, built on first use for documents read by the fast path. */
  readonly yaml: Document.Parsed;
  /** The syntax tree if it has been built, without building it. */
  readonly builtTree: Document.Parsed | undefined;
  /** Set when the document is not analysed (nested too deep to read): what the user is told. */
  readonly skippedReason?: string;
}

/** The identity of a Kubernetes object: a YAML document with string apiVersion and kind. */
export interface K8sObjectHeader {
  apiVersion: string;
  kind: string;
  /** metadata.name when it is a string */
  name?: string;
  /** metadata.namespace when it is a string */
  namespace?: string;
}

/** A YAML syntax problem, in offsets relative to the document's text. */
export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** the yaml package's error code (DUPLICATE_KEY, TAB_AS_INDENT, …) or our own */
  yamlCode: string;
}

export interface ManifestDocument {
  /**
   * The document's text as read: shared by every version of the file that has this same text,
   * so per-document caches key on it (keying on `yaml` would build the syntax tree).
   */
  readonly parsed: ParsedText;
  /** Offset of the document's first character in the file. Changes when an earlier document changes. */
  readonly offset: number;
  /** The document's own text: the slice of the file from `offset`, marker line included. */
  readonly text: string;
  /** Index of the document in the file (0-based). */
  readonly index: number;
  /** The parsed YAML (node ranges are relative to `text`); built on first use for documents read by the fast path. */
  readonly yaml: Document.Parsed;
  /** The document as plain JS, or undefined when it could not be converted (alias bomb, …). */
  readonly value: unknown;
  /** Set when the document is a Kubernetes object. */
  readonly object?: K8sObjectHeader;
  /** Syntax errors (and the warnings that Kubernetes would also reject), relative offsets. */
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Set when the document is not analysed (nested too deep to read): what the user is told. */
  readonly skippedReason?: string;
  /**
   * Set for an item of a `kind: List` document (parse.ts listItems): where the item is in the
   * document (`['items', 2]`). `value` and `object` are the item's, and the paths that rules and
   * navigation take are relative to the item; offsets stay relative to the document's text.
   */
  readonly basePath?: JsonPath;
}

export interface ManifestFile {
  readonly uri: string;
  readonly text: string;
  readonly documents: readonly ManifestDocument[];
  /**
   * True for Helm / Go templates: text with `{{ … }}` outside block scalars and comments.
   * Such a file is not YAML until rendered, so it gets no diagnostics at all.
   */
  readonly isTemplate: boolean;
  /** Set when the file is too large to analyse; the message says so to the user. */
  readonly skippedReason?: string;
}

/** A path into a document's value: keys and sequence indexes. */
export type JsonPath = readonly (string | number)[];

/** A text edit in offsets relative to the document's text (end may equal text.length to append). */
export interface DocEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
