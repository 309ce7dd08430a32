/**
 * The Kubernetes API of one release (1.30 … 1.35, every built-in group), as the language service
 * sees it: an instance that each language service owns and hands to the features and rules that
 * use it (the way vscode-json-languageservice hands its schema service around). The data is
 * generated from the official OpenAPI v3 specs by scripts/generate-kubernetes-api.ts and read
 * lazily through an ApiDataSource: the structure on first use of a kind, the descriptions on the
 * first hover or completion.
 *
 * Kinds
 *   knownKinds()                       every kind this release serves, sorted
 *   apiVersionsOf(kind)                the apiVersions that serve it: Deployment → ['apps/v1']
 *   kindsByApiVersion(apiVersion)      the kinds an apiVersion serves: 'batch/v1' → ['CronJob', 'Job']
 *   kindDefinition(apiVersion, kind)   the definition of the pair, when this release serves it
 *   servedIn(apiVersion, kind)         the releases (of all we know) that serve the pair
 *
 * Fields (path = keys and array indexes from the document root)
 *   resolveField(apiVersion, kind, path): FieldInfo | undefined
 *   childFields(apiVersion, kind, path): FieldInfo[]
 *   propertyReleases(def, prop)        the releases that have a property (of all we know)
 *
 * FieldInfo.type is for people: 'string', 'integer (int32)', 'object (PodSpec)', 'array of Container',
 * 'map of string', 'int-or-string', 'Quantity'. `shape` is what the YAML looks like.
 */
import type { ManifestDocument } from '../manifest/types';
import type { ParsedText } from '../manifest/parse';
import { allowedValuesOf } from './allowedValues';
import { extraRequiredOf, type ExtraRequired } from './required';
import type { ApiData, DefData, KindEntry, TypeRef } from './types';
import { definitionOf, elementType, humanType, shapeOf, type Shape } from './typeRefs';
import { checkObject, type ObjectCheck } from './validate';

export type { Shape } from './typeRefs';

export interface FieldInfo {
  /** The key (or `name[]` for an array item, the map key for a map entry). */
  readonly name: string;
  /** Dotted path from the kind: `StatefulSet.spec.updateStrategy.rollingUpdate.partition`; array items as `containers[]`. */
  readonly path: string;
  /** Human type: 'integer (int32)', 'object (PodSpec)', 'array of Container', 'map of string', 'int-or-string', 'Quantity'… */
  readonly type: string;
  /** The compact type string (see types.ts). */
  readonly typeRef: TypeRef;
  readonly shape: Shape;
  /** For arrays: the shape of the items; for maps: of the values. */
  readonly itemShape?: Shape;
  /** The API description ('' when the spec has none). */
  readonly description: string;
  /** True when the spec requires it or the API server's validation does unconditionally. */
  readonly required: boolean;
  /** The spec's default, when it is more than the Go zero value. */
  readonly default?: unknown;
  /** The allowed values (curated table), for a string field or the items of an array of strings. */
  readonly allowedValues?: readonly string[];
  /** The object definition of the value, or of the items / map values ('PodSpec', 'Container'). */
  readonly definition?: string;
  /** The definition that declares this property ('DeploymentSpec'); undefined for the kind itself and items. */
  readonly parentDefinition?: string;
}

/** Where the generated data comes from: read once, when first needed. */
export interface ApiDataSource {
  structure(): ApiData;
  descriptions(): readonly string[];
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The releases of a mask (bit i = versions[i]); every release for an absent mask. */
export function releasesOf(versions: readonly string[], mask: number | undefined): string[] {
  return mask === undefined ? [...versions] : versions.filter((_, i) => (mask & (1 << i)) !== 0);
}

export class KubernetesApi {
  private data: ApiData | undefined;
  private descriptionTable: readonly string[] | undefined;
  private bit = 0;
  /** Definitions as this release has them (properties of other releases left out), by short name. */
  private readonly defs = new Map<string, DefData | null>();
  /** extraRequired() by definition (the schema walk asks for every object it checks). */
  private readonly extraRequiredCache = new Map<string, readonly ExtraRequired[]>();
  private groups: Set<string> | undefined;
  /** Schema checks by parsed document: the four schema rules share one pass. */
  private readonly checks = new WeakMap<ParsedText, Map<string, ObjectCheck | null>>();
  private kindIndex: { kinds: string[]; byApiVersion: Map<string, string[]>; byKind: Map<string, KindEntry[]> } | undefined;

  constructor(
    /** The Kubernetes release: '1.30' … '1.35'. */
    readonly version: string,
    private readonly source: ApiDataSource,
  ) {}

  private get all(): ApiData {
    if (!this.data) {
      const data = this.source.structure();
      const i = data.versions.indexOf(this.version);
      if (i < 0) throw new Error(`Kubernetes ${this.version} is not in the API data (${data.versions.join(', ')})`);
      this.bit = 1 << i;
      this.data = data;
    }
    return this.data;
  }

  /** Every release the data knows, oldest first. */
  get versions(): readonly string[] {
    return this.all.versions;
  }

  private get kinds() {
    if (!this.kindIndex) {
      const data = this.all;
      const byKind = new Map<string, KindEntry[]>();
      const byApiVersion = new Map<string, string[]>();
      for (const kind of Object.keys(data.kinds).sort()) {
        const served = data.kinds[kind].filter((k) => k.v === undefined || (k.v & this.bit) !== 0);
        if (!served.length) continue;
        byKind.set(kind, served);
        for (const { apiVersion } of served) {
          const list = byApiVersion.get(apiVersion) ?? [];
          list.push(kind);
          byApiVersion.set(apiVersion, list);
        }
      }
      this.kindIndex = { kinds: [...byKind.keys()], byApiVersion, byKind };
    }
    return this.kindIndex;
  }

  description(index: number): string {
    if (index < 0) return '';
    this.descriptionTable ??= this.source.descriptions();
    return this.descriptionTable[index] ?? '';
  }

  /** A definition as this release has it, or undefined (unknown, or not in this release). */
  getDefinition(name: string): DefData | undefined {
    let def = this.defs.get(name);
    if (def === undefined) {
      const data = this.all;
      const raw = own(data.defs, name) ? data.defs[name] : undefined;
      if (!raw || (raw.v !== undefined && (raw.v & this.bit) === 0)) def = null;
      else if (!raw.pv) def = raw;
      else {
        const p: Record<string, DefData['p'][string]> = {};
        for (const [prop, pd] of Object.entries(raw.p)) if (!own(raw.pv, prop) || (raw.pv[prop] & this.bit) !== 0) p[prop] = pd;
        def = { ...raw, p };
      }
      this.defs.set(name, def);
    }
    return def ?? undefined;
  }

  /** The releases that have `prop` in definition `def` (of all the data knows); [] when none does. */
  propertyReleases(def: string, prop: string): string[] {
    const data = this.all;
    const raw = own(data.defs, def) ? data.defs[def] : undefined;
    if (!raw || !own(raw.p, prop)) return [];
    return releasesOf(data.versions, raw.pv && own(raw.pv, prop) ? raw.pv[prop] & (raw.v ?? ~0) : raw.v);
  }

  /** The releases that serve `kind` at `apiVersion` (of all the data knows); [] when none does. */
  servedIn(apiVersion: string, kind: string): string[] {
    const data = this.all;
    const entry = own(data.kinds, kind) ? data.kinds[kind].find((k) => k.apiVersion === apiVersion) : undefined;
    return entry ? releasesOf(data.versions, entry.v) : [];
  }

  /** The API groups of every release ('' for core). */
  builtInGroups(): ReadonlySet<string> {
    if (!this.groups) {
      this.groups = new Set<string>();
      for (const entries of Object.values(this.all.kinds))
        for (const { apiVersion } of entries) this.groups.add(apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
    }
    return this.groups;
  }

  /** Kinds of any release (for "not in this release" messages and completion of other releases' kinds). */
  kindsOfAnyRelease(): string[] {
    return Object.keys(this.all.kinds).sort();
  }

  /** The apiVersions of any release that serve `kind`. */
  apiVersionsOfAnyRelease(kind: string): string[] {
    const data = this.all;
    return own(data.kinds, kind) ? data.kinds[kind].map((k) => k.apiVersion) : [];
  }

  knownKinds(): string[] {
    return [...this.kinds.kinds];
  }

  apiVersionsOf(kind: string): string[] {
    return (this.kinds.byKind.get(kind) ?? []).map((k) => k.apiVersion);
  }

  kindsByApiVersion(apiVersion: string): string[] {
    return [...(this.kinds.byApiVersion.get(apiVersion) ?? [])];
  }

  /** The group-versions this release serves (`v1`, `apps/v1`, `networking.k8s.io/v1`, …). */
  knownApiVersions(): string[] {
    return [...this.kinds.byApiVersion.keys()].sort();
  }

  /** The definition name of a kind served by an apiVersion in this release, or undefined. */
  kindDefinition(apiVersion: string, kind: string): string | undefined {
    return this.kinds.byKind.get(kind)?.find((k) => k.apiVersion === apiVersion)?.def;
  }

  isKnownObject(apiVersion: string, kind: string): boolean {
    return this.kindDefinition(apiVersion, kind) !== undefined;
  }

  /** True when `def` is the definition of a kind (an object with apiVersion, kind and metadata). */
  isKindDefinition(def: string): boolean {
    const d = this.getDefinition(def);
    return !!d && own(d.p, 'kind') && own(d.p, 'apiVersion') && own(d.p, 'metadata');
  }

  kindDescription(kind: string): string {
    const entries = this.kinds.byKind.get(kind);
    const def = entries?.[entries.length - 1]?.def;
    return def ? this.description(this.getDefinition(def)?.d ?? -1) : '';
  }

  /** The document's object checked against this release (cached with the parsed document); undefined when the release has no schema for it. */
  checkDocument(doc: ManifestDocument): ObjectCheck | undefined {
    // The items of a `kind: List` share their document's text: one entry per item.
    let byItem = this.checks.get(doc.parsed);
    if (!byItem) this.checks.set(doc.parsed, (byItem = new Map()));
    const item = doc.basePath ? doc.basePath.join('/') : '';
    let check = byItem.get(item);
    if (check === undefined) byItem.set(item, (check = checkObject(this, doc) ?? null));
    return check ?? undefined;
  }

  /** The curated allowed values of a string property (or the items of an array of strings). */
  allowedValues(def: string, prop: string): readonly string[] | undefined {
    return allowedValuesOf(def, prop);
  }

  /** Requirements beyond the spec's `required` lists (required.ts); every kind needs its metadata. */
  extraRequired(def: string): readonly ExtraRequired[] {
    let list = this.extraRequiredCache.get(def);
    if (!list) {
      const extra = extraRequiredOf(def);
      list =
        !this.isKindDefinition(def) || extra.some((e) => e.prop === 'metadata')
          ? extra
          : [{ def, prop: 'metadata', reason: 'metadata.name: Required value (name or generateName is required)' }, ...extra];
      this.extraRequiredCache.set(def, list);
    }
    return list;
  }

  private isRequired(defName: string, prop: string, parentPath: readonly (string | number)[] | undefined): boolean {
    if (this.getDefinition(defName)?.r?.includes(prop)) return true;
    return this.extraRequired(defName).some(
      (e) => e.prop === prop && (!e.when || (parentPath !== undefined && !!e.usuallyAt?.(parentPath))),
    );
  }

  private fieldInfo(
    name: string,
    path: string,
    t: TypeRef,
    desc: number,
    parentDef: string | undefined,
    prop: string | undefined,
    defaultValue?: unknown,
    parentPath?: readonly (string | number)[],
  ): FieldInfo {
    const shape = shapeOf(t);
    const el = elementType(t);
    const allowed = parentDef && prop ? allowedValuesOf(parentDef, prop) : undefined;
    const definition = definitionOf(t);
    return {
      name,
      path,
      type: humanType(t),
      typeRef: t,
      shape,
      ...(el !== undefined ? { itemShape: shapeOf(el) } : {}),
      description: this.description(desc),
      required: parentDef && prop ? this.isRequired(parentDef, prop, parentPath) : false,
      ...(defaultValue !== undefined ? { default: defaultValue } : {}),
      ...(allowed ? { allowedValues: allowed } : {}),
      ...(definition ? { definition } : {}),
      ...(parentDef ? { parentDefinition: parentDef } : {}),
    };
  }

  /** The field at `path` in a document of `apiVersion`/`kind`, or undefined (unknown kind or path). */
  resolveField(apiVersion: string, kind: string, path: readonly (string | number)[]): FieldInfo | undefined {
    const root = this.kindDefinition(apiVersion, kind);
    if (!root) return undefined;
    const rootDef = this.getDefinition(root)!;
    let info = this.fieldInfo(kind, kind, `@${root}`, rootDef.d, undefined, undefined);
    let pathText = kind;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const t = info.typeRef;
      if (typeof seg === 'number') {
        if (!t.startsWith('[]')) return undefined;
        pathText += '[]';
        // the item: the array's description, the items' allowed values
        info = {
          ...this.fieldInfo(`${info.name}[]`, pathText, t.slice(2), -1, undefined, undefined),
          description: info.description,
          ...(info.allowedValues ? { allowedValues: info.allowedValues } : {}),
        };
        continue;
      }
      if (t.startsWith('{}')) {
        pathText += `.${seg}`;
        info = { ...this.fieldInfo(seg, pathText, t.slice(2), -1, undefined, undefined), description: info.description };
        continue;
      }
      if (!t.startsWith('@')) return undefined;
      const defName = t.slice(1);
      const def = this.getDefinition(defName);
      const p = def && own(def.p, seg) ? def.p[seg] : undefined;
      if (!p) return undefined;
      pathText += `.${seg}`;
      info = this.fieldInfo(seg, pathText, p[0], p[1], defName, seg, p[2], path.slice(0, i));
    }
    return info;
  }

  /** The properties of the object at `path` (of its items for an array of objects); [] otherwise. */
  childFields(apiVersion: string, kind: string, path: readonly (string | number)[]): FieldInfo[] {
    const r = this.resolveField(apiVersion, kind, path);
    if (!r) return [];
    let t = r.typeRef;
    let base = r.path;
    if (t.startsWith('[]')) {
      t = t.slice(2);
      base += '[]';
    }
    if (!t.startsWith('@')) return [];
    const defName = t.slice(1);
    const def = this.getDefinition(defName);
    if (!def) return [];
    const parentPath = r.typeRef.startsWith('[]') ? [...path, 0] : path;
    return Object.entries(def.p).map(([prop, p]) => this.fieldInfo(prop, `${base}.${prop}`, p[0], p[1], defName, prop, p[2], parentPath));
  }
}
