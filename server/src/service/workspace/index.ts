// The index of Kubernetes objects across files: what cross-document rules, name completions and
// navigation read. Files are replaced whole on every update; memory is bounded by the number of
// objects (a few small records each), never by file text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { crdEntriesOfFile, type FileCrdEntry } from '../crd/entries';
import { CrdRegistry } from '../crd/registry';
import type { ParsedText } from '../manifest/parse';
import { keyRange, valueRange } from '../manifest/locate';
import { firstLine, getAt } from '../manifest/navigate';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import { KustomizePatchIndex, kustomizationRefs, type KustomizationRefs, type PatchKind } from './kustomize';
import type { IndexedObject, WorkspaceView } from './types';
import { labelMap } from '../k8s/labels';
import { POD_TEMPLATE_PATH } from '../k8s/podSpec';
import { entryOf } from '../text/tables';

/** Where an object's named parts sit, in offsets relative to its document's text. */
interface Offsets {
  readonly name: readonly [number, number];
  readonly podLabels?: readonly [number, number];
  readonly serviceName?: readonly [number, number];
}

/**
 * What the index keeps of a parsed document, without positions: `offsets` finds them on first
 * call (manifest/locate.ts: from the fast path's recorded positions, without a syntax tree).
 */
type DescribedObject = Omit<IndexedObject, 'uri' | 'docIndex' | 'range' | 'podLabelsRange' | 'serviceNameRange'> & {
  readonly offsets: () => Offsets;
};

/** What the index keeps of a parsed document; computed once per document text. */
const describedCache = new WeakMap<ParsedText, DescribedObject | null>();
/** The position-free content of each described document, for WorkspaceIndex.generation. */
const describedSignatures = new WeakMap<DescribedObject, string>();
/** The last IndexedObject made from each parsed document, with where it was placed. */
const placedCache = new WeakMap<ParsedText, { uri: string; docIndex: number; startLine: number; indexed: PlacedObject }>();

function describedSignature(d: DescribedObject): string {
  let sig = describedSignatures.get(d);
  if (sig === undefined) {
    // JSON leaves out the offsets function.
    sig = JSON.stringify(d);
    describedSignatures.set(d, sig);
  }
  return sig;
}

function describeDocument(doc: ManifestDocument): DescribedObject | undefined {
  const cached = describedCache.get(doc.parsed);
  if (cached !== undefined) return cached ?? undefined;
  const described = describeUncached(doc);
  describedCache.set(doc.parsed, described ?? null);
  return described;
}

function locate(doc: ManifestDocument, templatePath: readonly string[] | undefined, kind: string): Offsets {
  return {
    name: valueRange(doc, ['metadata', 'name']) ?? keyRange(doc, ['kind']) ?? firstLine(doc),
    podLabels: templatePath ? valueRange(doc, [...templatePath, 'metadata', 'labels']) : undefined,
    serviceName: kind === 'StatefulSet' ? valueRange(doc, ['spec', 'serviceName']) : undefined,
  };
}

function describeUncached(doc: ManifestDocument): DescribedObject | undefined {
  const header = doc.object;
  if (!header) return undefined;
  const value = doc.value as Record<string, unknown>;
  const kind = header.kind;
  const templatePath = entryOf(POD_TEMPLATE_PATH, kind);
  let podLabels: Record<string, string> | undefined;
  if (templatePath) {
    podLabels = labelMap(getAt(value, [...templatePath, 'metadata', 'labels']));
  } else if (kind === 'Pod') {
    podLabels = labelMap(getAt(value, ['metadata', 'labels']));
  }
  const selector =
    kind === 'Service' ? labelMap(getAt(value, ['spec', 'selector'])) : labelMap(getAt(value, ['spec', 'selector', 'matchLabels']));
  const ports: { port: number; name?: string; protocol?: string }[] = [];
  const pushPort = (p: unknown, key: 'port' | 'containerPort') => {
    if (!p || typeof p !== 'object') return;
    const r = p as Record<string, unknown>;
    if (typeof r[key] !== 'number') return;
    ports.push({
      port: r[key] as number,
      name: typeof r.name === 'string' ? r.name : undefined,
      protocol: typeof r.protocol === 'string' ? r.protocol : undefined,
    });
  };
  if (kind === 'Service') {
    const list = getAt(value, ['spec', 'ports']);
    if (Array.isArray(list)) for (const p of list) pushPort(p, 'port');
  } else if (templatePath) {
    const containers = getAt(value, [...templatePath, 'spec', 'containers']);
    if (Array.isArray(containers))
      for (const c of containers) {
        const list = (c as Record<string, unknown> | null)?.ports;
        if (Array.isArray(list)) for (const p of list) pushPort(p, 'containerPort');
      }
  }
  const clusterIP = getAt(value, ['spec', 'clusterIP']);
  const serviceName = getAt(value, ['spec', 'serviceName']);
  let offsets: Offsets | undefined;
  return {
    apiVersion: header.apiVersion,
    kind,
    name: header.name,
    namespace: header.namespace,
    selector,
    podLabels,
    clusterIP: typeof clusterIP === 'string' ? clusterIP : undefined,
    serviceName: kind === 'StatefulSet' && typeof serviceName === 'string' ? serviceName : undefined,
    ports: ports.length ? ports : undefined,
    offsets: () => (offsets ??= locate(doc, templatePath, kind)),
  };
}

/**
 * A document-relative offset as a position in the file, from where the document starts: computed
 * from the document's own (immutable) text, so it stays right however late it is asked for.
 */
function positionIn(text: string, start: Position, offset: number): Position {
  let line = start.line;
  let lineStart = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return { line, character: lineStart < 0 ? start.character + offset : offset - lineStart - 1 };
}

type Ranges = { readonly range: Range; readonly podLabelsRange?: Range; readonly serviceNameRange?: Range };

/**
 * An object of a document at its place in a file. Its ranges are found on first read (from the
 * document's own text, so they stay right however late they are asked for). A line typed above a
 * document places it again — a new PlacedObject for every document after the edit — so making one
 * is cheap: plain fields, the range getters on the prototype, the signature computed once per
 * document text.
 */
class PlacedObject implements IndexedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly selector?: Readonly<Record<string, string>>;
  readonly podLabels?: Readonly<Record<string, string>>;
  readonly clusterIP?: string;
  readonly serviceName?: string;
  readonly ports?: IndexedObject['ports'];
  /** What cross-document rules may depend on (WorkspaceIndex.generation): everything but positions. */
  readonly #signature: string;
  /** What finding the ranges needs, let go once they are found (it holds the document's text and tree). */
  #pending: { readonly offsets: () => Offsets; readonly text: string; readonly start: Position } | undefined;
  #ranges: Ranges | undefined;

  constructor(
    readonly uri: string,
    readonly docIndex: number,
    described: DescribedObject,
    text: string,
    start: Position,
  ) {
    this.apiVersion = described.apiVersion;
    this.kind = described.kind;
    this.name = described.name;
    this.namespace = described.namespace;
    this.selector = described.selector;
    this.podLabels = described.podLabels;
    this.clusterIP = described.clusterIP;
    this.serviceName = described.serviceName;
    this.ports = described.ports;
    this.#signature = `${uri}\u0000${describedSignature(described)}`;
    this.#pending = { offsets: described.offsets, text, start };
  }

  get signature(): string {
    return this.#signature;
  }

  get range(): Range {
    return this.ranges().range;
  }

  get podLabelsRange(): Range | undefined {
    return this.ranges().podLabelsRange;
  }

  get serviceNameRange(): Range | undefined {
    return this.ranges().serviceNameRange;
  }

  /** The ranges, found now (for files read from disk: nothing of their text is kept). */
  ranges(): Ranges {
    if (!this.#ranges) {
      const { text, start, offsets } = this.#pending!;
      const toRange = (r: readonly [number, number] | undefined): Range | undefined =>
        r && { start: positionIn(text, start, r[0]), end: positionIn(text, start, r[1]) };
      const o = offsets();
      this.#ranges = { range: toRange(o.name)!, podLabelsRange: toRange(o.podLabels), serviceNameRange: toRange(o.serviceName) };
      this.#pending = undefined;
    }
    return this.#ranges;
  }
}

/** Reduces one document of a file to an IndexedObject (undefined for non-Kubernetes documents). */
export function indexDocument(
  uri: string,
  doc: ManifestDocument,
  textDocument: Pick<TextDocument, 'positionAt'>,
  options: IndexOptions = {},
): IndexedObject | undefined {
  const described = describeDocument(doc);
  if (!described) return undefined;
  // Most keystrokes leave a document where it was: reuse its entry when it starts on the same line.
  const start = textDocument.positionAt(doc.offset);
  const previous = placedCache.get(doc.parsed);
  if (previous && previous.uri === uri && previous.docIndex === doc.index && previous.startLine === start.line) return previous.indexed;
  const indexed = new PlacedObject(uri, doc.index, described, doc.text, start);
  if (!options.lazyRanges) indexed.ranges();
  placedCache.set(doc.parsed, { uri, docIndex: doc.index, startLine: start.line, indexed });
  return indexed;
}

export interface IndexOptions {
  /**
   * Find the ranges only when read (for open documents: opening a file then does not build
   * syntax trees). Off for files indexed from disk, so nothing of their text is kept.
   */
  readonly lazyRanges?: boolean;
}

/**
 * The Kubernetes objects of a file. A Helm-style template (`{{ }}` outside comments) gets no
 * diagnostics, but the documents of it that still read as objects count for the cross-file rules:
 * a Service's workload or a StatefulSet's Service defined in a templated file exists all the same.
 */
export function indexFile(file: ManifestFile, textDocument: Pick<TextDocument, 'positionAt'>, options: IndexOptions = {}): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const doc of file.documents) {
    const o = indexDocument(file.uri, doc, textDocument, options);
    if (o) out.push(o);
  }
  return out;
}

/** What cross-document rules may depend on of an object: everything but positions. */
function objectSignature(o: IndexedObject): string {
  if (o instanceof PlacedObject) return o.signature;
  const { range: _r, podLabelsRange: _p, serviceNameRange: _s, docIndex: _d, ...rest } = o;
  return JSON.stringify(rest);
}

/**
 * Whether two lists of a file's objects say the same to the rules. Compared object by object: a
 * keystroke leaves all but one document's object as it was (the very same object), so this costs
 * one signature, not a string of the whole file's objects.
 */
function sameSignatures(a: readonly IndexedObject[], b: readonly IndexedObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && objectSignature(a[i]) !== objectSignature(b[i])) return false;
  return true;
}

/**
 * An index of objects by file. `objects()` sees every file but Kustomize patches; set() replaces a
 * file's objects. `generation` changes only when what the rules can see changes (not when objects
 * merely move because lines were added above them), so cross-document results can be cached
 * against it. Which files are patches comes from the kustomization files given to setFile /
 * setKustomization; a change of that moves the generation too.
 */
export class WorkspaceIndex implements WorkspaceView {
  private readonly byUri = new Map<string, { readonly objects: readonly IndexedObject[] }>();
  private readonly kustomize = new KustomizePatchIndex();
  private byKind: Map<string | undefined, IndexedObject[]> | undefined;
  private gen = 0;
  private isComplete = false;
  /** The CustomResourceDefinitions of the indexed files (and of the files the CRD setting names). */
  readonly crds = new CrdRegistry();

  /** Set by whoever filled the index from every file of the workspace (see WorkspaceView.complete). */
  get complete(): boolean {
    return this.isComplete;
  }

  set complete(value: boolean) {
    // dangling-service reads it: cached cross-document results must be recomputed.
    if (value !== this.isComplete) this.gen++;
    this.isComplete = value;
  }

  get generation(): number {
    return this.gen;
  }

  set(uri: string, objects: readonly IndexedObject[]): void {
    const before = this.byUri.get(uri);
    if (!objects.length) {
      if (before) this.deleteObjects(uri);
      return;
    }
    if (!before || !sameSignatures(before.objects, objects)) this.gen++;
    this.byUri.set(uri, { objects });
    this.byKind = undefined;
  }

  /**
   * A file's objects and, for a kustomization file, the patches it names. Open files find their
   * ranges when first read (the default); files read from disk pass `lazyRanges: false`.
   */
  setFile(file: ManifestFile, textDocument: Pick<TextDocument, 'positionAt'>, options: IndexOptions = { lazyRanges: true }): void {
    this.set(file.uri, indexFile(file, textDocument, options));
    this.setKustomization(file.uri, kustomizationRefs(file));
    this.setCrds(file.uri, crdEntriesOfFile(file));
  }

  /** A file's CustomResourceDefinitions (an empty list: it has none, or is gone). Custom resources are re-validated when they change. */
  setCrds(uri: string, entries: readonly FileCrdEntry[]): void {
    const before = this.crds.generation;
    this.crds.set(uri, entries);
    if (this.crds.generation !== before) this.gen++;
  }

  /** What a kustomization file names (undefined: it names nothing, or is gone). */
  setKustomization(uri: string, refs: KustomizationRefs | undefined): void {
    if (this.kustomize.set(uri, refs)) {
      this.gen++;
      this.byKind = undefined;
    }
  }

  /** The kind of Kustomize patch the file is, or undefined for a file no kustomization file patches with. */
  patchKind(uri: string): PatchKind | undefined {
    return this.kustomize.patchKind(uri);
  }

  /** The namespaces the kustomizations that include the file set (see KustomizePatchIndex.namespacesFor). */
  kustomizeNamespaces(uri: string): { namespace: string; kustomization: string }[] {
    return this.kustomize.namespacesFor(uri);
  }

  /** Forgets a file: its objects, and what it named if it was a kustomization file. */
  delete(uri: string): void {
    this.deleteObjects(uri);
    this.setKustomization(uri, undefined);
    this.setCrds(uri, []);
  }

  private deleteObjects(uri: string): void {
    if (this.byUri.delete(uri)) {
      this.gen++;
      this.byKind = undefined;
    }
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  get size(): number {
    let n = 0;
    for (const entry of this.byUri.values()) n += entry.objects.length;
    return n;
  }

  objects(kind?: string): Iterable<IndexedObject> {
    this.byKind ??= new Map();
    let list = this.byKind.get(kind);
    if (!list) {
      list = [];
      for (const [uri, entry] of this.byUri) {
        // A patch is part of an object defined elsewhere: it neither satisfies nor triggers cross-file rules.
        if (this.kustomize.patchKind(uri)) continue;
        for (const o of entry.objects) if (!kind || o.kind === kind) list.push(o);
      }
      this.byKind.set(kind, list);
    }
    return list;
  }
}
