/**
 * The Kubernetes 1.35 API (core/v1, apps/v1, batch/v1) as a lookup API for completion, hover
 * and validation. The data is generated from the official OpenAPI v3 spec by
 * scripts/generate-schemas.ts (schema/generated/k8s-1.35.json, bundled into the server).
 *
 * Kinds
 *   knownKinds(): string[]                       every kind we have a schema for, sorted
 *   apiVersionsOf(kind): string[]                the apiVersions that serve it: Deployment → ['apps/v1']
 *   kindsByApiVersion(apiVersion): string[]      the kinds an apiVersion serves: 'batch/v1' → ['CronJob', 'Job']
 *   isKnownObject(apiVersion, kind): boolean     true when we have a schema for exactly this pair
 *   kindDescription(kind): string                the API description of the kind
 *
 * Fields (path = keys and array indexes from the document root, as pathAtOffset returns them;
 * both return undefined / [] for an unknown apiVersion+kind or a path the API does not have)
 *   resolveField(apiVersion, kind, path): FieldInfo | undefined
 *       ('apps/v1', 'StatefulSet', ['spec', 'updateStrategy', 'rollingUpdate', 'partition'])
 *       → { name: 'partition', path: 'StatefulSet.spec.updateStrategy.rollingUpdate.partition',
 *           type: 'integer (int32)', shape: 'scalar', description: …, required: false }
 *       A path ending in an array index gives the item (name 'containers[]', the array's description);
 *       a key of a map gives the map's value type. The empty path gives the kind itself.
 *   childFields(apiVersion, kind, path): FieldInfo[]
 *       the properties of the object at `path` (for an array of objects: of its items), in the
 *       spec's order; `required` marks the ones the API server insists on (the spec's lists plus
 *       required.ts: metadata and metadata.name of the object, containers[].image, a workload's spec…).
 *       [] for maps and scalars.
 *
 * Related modules: validate.ts (ajv validation → the schema rules' reports), quantity.ts
 * (parseQuantity), names.ts (DNS-1123/1035, port, label validators), apiVersions.ts (removed betas).
 *
 * FieldInfo.type is for people: 'string', 'integer (int32)', 'boolean', 'int-or-string', 'Quantity',
 * 'object (PodSpec)', 'array of Container', 'array of string', 'map of string', 'object'.
 * `shape` is what the YAML looks like ('scalar' | 'object' | 'array' | 'map'), `itemShape` the shape
 * of an array's items or a map's values. `allowedValues` comes from the curated table in
 * allowedValues.ts (for an array of strings, the values of its items). `definition` is the object
 * definition of the value (or of the items/values), e.g. 'PodSpec', 'Container'.
 */
import rawData from './generated/k8s-1.35.json';
import { allowedValuesOf } from './allowedValues';
import { extraRequiredOf } from './required';
import type { DefData, SchemaData, TypeRef } from './types';

export type { SchemaData, DefData, TypeRef } from './types';

export const SCHEMA_DATA = rawData as unknown as SchemaData;

export type Shape = 'scalar' | 'object' | 'array' | 'map';

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

const data = SCHEMA_DATA;

export function description(index: number): string {
  return index >= 0 ? (data.descriptions[index] ?? '') : '';
}

export function getDefinition(name: string): DefData | undefined {
  return Object.prototype.hasOwnProperty.call(data.defs, name) ? data.defs[name] : undefined;
}

const KINDS = Object.keys(data.kinds).sort();
const BY_API_VERSION = new Map<string, string[]>();
for (const kind of KINDS) {
  for (const { apiVersion } of data.kinds[kind]) {
    const list = BY_API_VERSION.get(apiVersion) ?? [];
    list.push(kind);
    BY_API_VERSION.set(apiVersion, list);
  }
}

export function knownKinds(): string[] {
  return [...KINDS];
}

export function apiVersionsOf(kind: string): string[] {
  return Object.prototype.hasOwnProperty.call(data.kinds, kind) ? data.kinds[kind].map((k) => k.apiVersion) : [];
}

export function kindsByApiVersion(apiVersion: string): string[] {
  return [...(BY_API_VERSION.get(apiVersion) ?? [])];
}

/** The group-versions of our data: core `v1`, `apps/v1`, `batch/v1`. */
export function knownApiVersions(): string[] {
  return [...BY_API_VERSION.keys()].sort();
}

/** The definition name of a kind served by an apiVersion, or undefined. */
export function kindDefinition(apiVersion: string, kind: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(data.kinds, kind)) return undefined;
  return data.kinds[kind].find((k) => k.apiVersion === apiVersion)?.def;
}

export function isKnownObject(apiVersion: string, kind: string): boolean {
  return kindDefinition(apiVersion, kind) !== undefined;
}

export function kindDescription(kind: string): string {
  const def = data.kinds[kind]?.[0]?.def;
  return def ? description(getDefinition(def)?.d ?? -1) : '';
}

// ---------------------------------------------------------------------------------------------
// Types

export function shapeOf(t: TypeRef): Shape {
  if (t.startsWith('[]')) return 'array';
  if (t.startsWith('{}')) return 'map';
  if (t.startsWith('@') || t === 'object') return 'object';
  return 'scalar';
}

/** The type of an array's items or a map's values; undefined for other types. */
export function elementType(t: TypeRef): TypeRef | undefined {
  return t.startsWith('[]') || t.startsWith('{}') ? t.slice(2) : undefined;
}

/** The object definition a type refers to (directly, or through arrays/maps). */
export function definitionOf(t: TypeRef): string | undefined {
  let u = t;
  while (u.startsWith('[]') || u.startsWith('{}')) u = u.slice(2);
  return u.startsWith('@') ? u.slice(1) : undefined;
}

/** 'integer (int32)', 'object (PodSpec)', 'array of Container', 'map of string', 'Quantity'… */
export function humanType(t: TypeRef): string {
  if (t.startsWith('[]')) return `array of ${humanElement(t.slice(2))}`;
  if (t.startsWith('{}')) return `map of ${humanElement(t.slice(2))}`;
  if (t.startsWith('@')) return `object (${t.slice(1)})`;
  if (t === 'quantity') return 'Quantity';
  const [base, format] = t.split(':');
  return format ? `${base} (${format})` : base;
}

function humanElement(t: TypeRef): string {
  return t.startsWith('@') ? t.slice(1) : humanType(t);
}

// ---------------------------------------------------------------------------------------------
// Fields

function isRequired(defName: string, prop: string, parentPath: readonly (string | number)[] | undefined): boolean {
  const def = getDefinition(defName);
  if (def?.r?.includes(prop)) return true;
  return extraRequiredOf(defName).some((e) => e.prop === prop && (!e.when || (parentPath !== undefined && !!e.usuallyAt?.(parentPath))));
}

function fieldInfo(
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
    description: description(desc),
    required: parentDef && prop ? isRequired(parentDef, prop, parentPath) : false,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(allowed ? { allowedValues: allowed } : {}),
    ...(definition ? { definition } : {}),
    ...(parentDef ? { parentDefinition: parentDef } : {}),
  };
}

/** Where a path leads: the field at its end (with its declaring definition and property). */
interface Resolved {
  info: FieldInfo;
}

function resolve(apiVersion: string, kind: string, path: readonly (string | number)[]): Resolved | undefined {
  const root = kindDefinition(apiVersion, kind);
  if (!root) return undefined;
  const rootDef = getDefinition(root)!;
  let info = fieldInfo(kind, kind, `@${root}`, rootDef.d, undefined, undefined);
  let pathText = kind;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const t = info.typeRef;
    if (typeof seg === 'number') {
      if (!t.startsWith('[]')) return undefined;
      pathText += '[]';
      const el = t.slice(2);
      // the item: the array's description, the items' allowed values
      info = {
        ...fieldInfo(`${info.name}[]`, pathText, el, -1, undefined, undefined),
        description: info.description,
        ...(info.allowedValues ? { allowedValues: info.allowedValues } : {}),
      };
      continue;
    }
    if (t.startsWith('{}')) {
      pathText += `.${seg}`;
      info = { ...fieldInfo(seg, pathText, t.slice(2), -1, undefined, undefined), description: info.description };
      continue;
    }
    if (!t.startsWith('@')) return undefined;
    const defName = t.slice(1);
    const def = getDefinition(defName);
    const p = def && Object.prototype.hasOwnProperty.call(def.p, seg) ? def.p[seg] : undefined;
    if (!p) return undefined;
    pathText += `.${seg}`;
    info = fieldInfo(seg, pathText, p[0], p[1], defName, seg, p[2], path.slice(0, i));
  }
  return { info };
}

/** The field at `path` in a document of `apiVersion`/`kind`, or undefined (unknown kind or path). */
export function resolveField(apiVersion: string, kind: string, path: readonly (string | number)[]): FieldInfo | undefined {
  return resolve(apiVersion, kind, path)?.info;
}

/** The properties of the object at `path` (of its items for an array of objects); [] otherwise. */
export function childFields(apiVersion: string, kind: string, path: readonly (string | number)[]): FieldInfo[] {
  const r = resolve(apiVersion, kind, path);
  if (!r) return [];
  let t = r.info.typeRef;
  let base = r.info.path;
  if (t.startsWith('[]')) {
    t = t.slice(2);
    base += '[]';
  }
  if (!t.startsWith('@')) return [];
  const defName = t.slice(1);
  const def = getDefinition(defName);
  if (!def) return [];
  const parentPath = r.info.typeRef.startsWith('[]') ? [...path, 0] : path;
  return Object.entries(def.p).map(([prop, p]) => fieldInfo(prop, `${base}.${prop}`, p[0], p[1], defName, prop, p[2], parentPath));
}
