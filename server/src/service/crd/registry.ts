// The CustomResourceDefinitions the language service knows, by file: what kinds they define and,
// on first use of a kind, their schemas. The index keeps only headers (header.ts: names and
// versions, a few hundred bytes per CRD); a version's schema is read from the CRD document's text
// when a resource of it is first validated, hovered or completed, and kept for the most recently
// used CRDs only, so ten 800 KB operator CRDs cost nothing until used and a bounded amount after.
import type { Range } from 'vscode-languageserver-types';
import { parse } from 'yaml';
import { readVersionSchema } from './header';
import { readCrd } from './read';
import type { CrdInfo, CrdVersion, SchemaNode } from './types';

/** One CRD of the workspace: where it is and what its header says. */
export interface CrdEntry {
  readonly uri: string;
  /** Index of the YAML document in its file. */
  readonly docIndex: number;
  /** The header: every version's `schema` is undefined (see load()). */
  readonly crd: CrdInfo;
  /** The CRD document's text, its schemas parsed from it on first use (else CrdRegistryOptions.loadText reads it). */
  readonly text?: string;
  /** Where `spec.names.kind`'s value is in the file (Go to Definition from a custom resource's kind). */
  readonly kindRange?: Range;
}

/** A custom resource's CRD and the version its apiVersion names (undefined when the CRD has no such version). */
export interface CrdMatch {
  readonly entry: CrdEntry;
  readonly version: CrdVersion | undefined;
}

/** Reads the text of one YAML document of a file (from the open document or from disk); undefined when gone. */
export type CrdTextLoader = (uri: string, docIndex: number) => string | undefined;

export interface CrdRegistryOptions {
  /** Reads a CRD document's text for an entry registered without it. */
  readonly loadText?: CrdTextLoader;
  /** How many CRDs keep their parsed schemas (least recently used first out). Default 12. */
  readonly maxLoaded?: number;
}

const keyOf = (uri: string, docIndex: number) => `${uri}#${docIndex}`;

export class CrdRegistry {
  private readonly byUri = new Map<string, readonly CrdEntry[]>();
  private byKind: Map<string, CrdEntry[]> | undefined;
  /** Parsed CRDs (with schemas) by uri#docIndex, in least-recently-used order. */
  private readonly loaded = new Map<string, CrdInfo | null>();
  /** Parsed version schemas by uri#docIndex@version, in least-recently-used order. */
  private readonly schemas = new Map<string, SchemaNode | null>();
  private gen = 0;

  constructor(private readonly options: CrdRegistryOptions = {}) {}

  /** Changes whenever the set of CRDs or any of their headers changes. */
  get generation(): number {
    return this.gen;
  }

  /** Replaces a file's CRDs (an empty list forgets the file). */
  set(uri: string, entries: readonly Omit<CrdEntry, 'uri'>[]): void {
    const before = this.byUri.get(uri) ?? [];
    const next = entries.map((e) => ({ ...e, uri }));
    // Headers compared as JSON, texts (hundreds of KB) as strings.
    const header = (list: readonly CrdEntry[]) => JSON.stringify(list.map(({ text: _t, ...rest }) => rest));
    const same = header(before) === header(next) && before.every((e, i) => e.text === next[i].text);
    // Without the text in the entry (read by loadText), the schemas may have changed under the same header.
    if (!same || next.some((e) => e.text === undefined)) {
      for (const key of [...this.loaded.keys()]) if (key.startsWith(`${uri}#`)) this.loaded.delete(key);
      for (const key of [...this.schemas.keys()]) if (key.startsWith(`${uri}#`)) this.schemas.delete(key);
    }
    if (same) return;
    if (next.length) this.byUri.set(uri, next);
    else this.byUri.delete(uri);
    this.byKind = undefined;
    this.gen++;
  }

  delete(uri: string): void {
    this.set(uri, []);
  }

  /** Every CRD, in file order. */
  entries(): CrdEntry[] {
    return [...this.byUri.values()].flat();
  }

  /** The CRDs that define a kind (any group), first defined first. */
  forKind(kind: string): readonly CrdEntry[] {
    if (!this.byKind) {
      this.byKind = new Map();
      const uris = [...this.byUri.keys()].sort();
      for (const uri of uris)
        for (const e of this.byUri.get(uri)!) {
          const list = this.byKind.get(e.crd.names.kind) ?? [];
          list.push(e);
          this.byKind.set(e.crd.names.kind, list);
        }
    }
    return this.byKind.get(kind) ?? [];
  }

  /** The CRD of a custom resource: same group and kind; the version is the one its apiVersion names. */
  lookup(apiVersion: string, kind: string): CrdMatch | undefined {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const versionName = apiVersion.slice(slash + 1);
    const entry = this.forKind(kind).find((e) => e.crd.group === group);
    if (!entry) return undefined;
    return { entry, version: entry.crd.versions.find((v) => v.name === versionName) };
  }

  /** A version's openAPIV3Schema, read from the CRD document on first use (that version's schema block only). */
  schemaOf(entry: CrdEntry, versionName: string): SchemaNode | undefined {
    const key = `${keyOf(entry.uri, entry.docIndex)}@${versionName}`;
    let schema = this.schemas.get(key);
    if (schema !== undefined) {
      this.schemas.delete(key);
      this.schemas.set(key, schema);
      return schema ?? undefined;
    }
    const text = entry.text ?? this.options.loadText?.(entry.uri, entry.docIndex);
    schema = (text === undefined ? undefined : readVersionSchema(text, versionName)) ?? null;
    this.schemas.set(key, schema);
    const max = this.options.maxLoaded ?? 12;
    while (this.schemas.size > max) this.schemas.delete(this.schemas.keys().next().value!);
    return schema ?? undefined;
  }

  /** The CRD with its schemas (undefined when its text is gone or no longer a CRD). */
  load(entry: CrdEntry): CrdInfo | undefined {
    const key = keyOf(entry.uri, entry.docIndex);
    let crd = this.loaded.get(key);
    if (crd !== undefined) {
      this.loaded.delete(key);
      this.loaded.set(key, crd);
      return crd ?? undefined;
    }
    const text = entry.text ?? this.options.loadText?.(entry.uri, entry.docIndex);
    try {
      crd = text === undefined ? null : (readCrd(parse(text, { logLevel: 'silent', uniqueKeys: false })) ?? null);
    } catch {
      crd = null;
    }
    this.loaded.set(key, crd);
    const max = this.options.maxLoaded ?? 12;
    while (this.loaded.size > max) this.loaded.delete(this.loaded.keys().next().value!);
    return crd ?? undefined;
  }

  /** How many version schemas are kept parsed (for tests and the benchmark). */
  get loadedCount(): number {
    return this.schemas.size;
  }
}
