// The checks the API server makes of a CustomResourceDefinition beyond its OpenAPI type
// (apiextensions validation): one storage version, unique versions, a schema per version, the
// name `<plural>.<group>`, and the structural-schema rules of each openAPIV3Schema — a `type` on
// every node, no additionalProperties beside properties, list types with the items they need,
// only name and generateName narrowed in the root's metadata… Neutral problems with the path of
// the offending node in the CRD document; no wording.
import type { CrdPath, SchemaNode } from './types';
import { isObject } from '../k8s/labels';

export type StructuralCode =
  | 'noVersions'
  | 'storageVersionCount'
  | 'duplicateVersion'
  | 'missingSchema'
  | 'nameMismatch'
  | 'rootNotObject'
  | 'missingType'
  | 'intOrStringWithType'
  | 'additionalPropertiesWithProperties'
  | 'additionalPropertiesFalse'
  | 'preserveUnknownFieldsFalse'
  | 'missingItems'
  | 'listTypeInvalid'
  | 'listMapKeysWithoutMap'
  | 'listMapWithoutKeys'
  | 'listMapItemsNotObject'
  | 'listMapKeyNotRequired'
  | 'listSetItemsNotScalar'
  | 'embeddedNotObject'
  | 'metadataNotRestricted'
  | 'forbiddenKeyword';

export interface StructuralProblem {
  readonly code: StructuralCode;
  /** Path in the CRD document (`spec.versions[1].schema.openAPIV3Schema.properties.spec…`). */
  readonly path: CrdPath;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Keywords a structural schema must not use. */
const FORBIDDEN = ['$ref', 'definitions', 'dependencies', 'patternProperties', 'id', '$schema'];

/** The problems of a CustomResourceDefinition value (apiextensions.k8s.io/v1). */
export function checkCrdDocument(value: unknown): StructuralProblem[] {
  const out: StructuralProblem[] = [];
  if (!isObject(value) || !isObject(value.spec)) return out;
  const spec = value.spec;
  const versions = Array.isArray(spec.versions) ? spec.versions : undefined;
  if (!versions || versions.length === 0) {
    out.push({ code: 'noVersions', path: ['spec'], params: {} });
    return out;
  }
  const storage = versions.filter((v) => isObject(v) && v.storage === true).length;
  if (storage !== 1) out.push({ code: 'storageVersionCount', path: ['spec', 'versions'], params: { count: storage } });
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (!isObject(v)) return;
    if (typeof v.name === 'string') {
      if (seen.has(v.name)) out.push({ code: 'duplicateVersion', path: ['spec', 'versions', i, 'name'], params: { name: v.name } });
      seen.add(v.name);
    }
    const schema = isObject(v.schema) ? v.schema.openAPIV3Schema : undefined;
    if (!isObject(schema)) {
      out.push({ code: 'missingSchema', path: ['spec', 'versions', i], params: { version: v.name } });
      return;
    }
    checkSchema(schema as SchemaNode, ['spec', 'versions', i, 'schema', 'openAPIV3Schema'], out);
  });
  const names = isObject(spec.names) ? spec.names : undefined;
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  if (typeof names?.plural === 'string' && typeof spec.group === 'string' && typeof metadata?.name === 'string') {
    const expected = `${names.plural}.${spec.group}`;
    if (metadata.name !== expected)
      out.push({ code: 'nameMismatch', path: ['metadata', 'name'], params: { name: metadata.name, expected } });
  }
  return out;
}

/** The structural-schema problems of one openAPIV3Schema, with paths below `base`. */
export function checkSchema(root: SchemaNode, base: CrdPath, out: StructuralProblem[] = []): StructuralProblem[] {
  if (root.type !== 'object') out.push({ code: 'rootNotObject', path: [...base, 'type'], params: { type: root.type } });
  node(root, base, out, true);
  const meta = root.properties?.metadata;
  if (isObject(meta)) {
    const extra = Object.keys(meta).filter((k) => !['type', 'properties', 'description'].includes(k));
    const props = Object.keys(meta.properties ?? {}).filter((k) => k !== 'name' && k !== 'generateName');
    if (extra.length || props.length || (meta.type !== undefined && meta.type !== 'object'))
      out.push({ code: 'metadataNotRestricted', path: [...base, 'properties', 'metadata'], params: { keywords: [...extra, ...props] } });
  }
  return out;
}

function node(s: SchemaNode, path: CrdPath, out: StructuralProblem[], root = false): void {
  if (!isObject(s)) return;
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (intOrString && s.type) out.push({ code: 'intOrStringWithType', path: [...path, 'type'], params: { type: s.type } });
  if (!root && !s.type && !intOrString && !preserve) out.push({ code: 'missingType', path, params: {} });
  if (s['x-kubernetes-preserve-unknown-fields'] === false)
    out.push({ code: 'preserveUnknownFieldsFalse', path: [...path, 'x-kubernetes-preserve-unknown-fields'], params: {} });
  if (s.additionalProperties !== undefined && s.properties !== undefined)
    out.push({ code: 'additionalPropertiesWithProperties', path: [...path, 'additionalProperties'], params: {} });
  if (s.additionalProperties === false)
    out.push({ code: 'additionalPropertiesFalse', path: [...path, 'additionalProperties'], params: {} });
  if (s.uniqueItems === true) out.push({ code: 'forbiddenKeyword', path: [...path, 'uniqueItems'], params: { keyword: 'uniqueItems' } });
  for (const k of FORBIDDEN) if (k in s) out.push({ code: 'forbiddenKeyword', path: [...path, k], params: { keyword: k } });
  if (s.type === 'array' && !isObject(s.items)) out.push({ code: 'missingItems', path, params: {} });
  if (s['x-kubernetes-embedded-resource'] === true && (s.type !== 'object' || (!s.properties && !preserve)))
    out.push({ code: 'embeddedNotObject', path: [...path, 'x-kubernetes-embedded-resource'], params: {} });
  listType(s, path, out);
  if (s.properties && typeof s.properties === 'object')
    for (const [k, sub] of Object.entries(s.properties)) node(sub, [...path, 'properties', k], out);
  if (isObject(s.items)) node(s.items, [...path, 'items'], out);
  if (isObject(s.additionalProperties)) node(s.additionalProperties, [...path, 'additionalProperties'], out);
}

function listType(s: SchemaNode, path: CrdPath, out: StructuralProblem[]): void {
  const lt = s['x-kubernetes-list-type'];
  const keys = s['x-kubernetes-list-map-keys'];
  if (lt !== undefined && !['atomic', 'set', 'map'].includes(lt)) {
    out.push({ code: 'listTypeInvalid', path: [...path, 'x-kubernetes-list-type'], params: { value: lt } });
    return;
  }
  if (keys !== undefined && lt !== 'map')
    out.push({ code: 'listMapKeysWithoutMap', path: [...path, 'x-kubernetes-list-map-keys'], params: {} });
  const items = isObject(s.items) ? (s.items as SchemaNode) : undefined;
  if (lt === 'map') {
    if (!Array.isArray(keys) || keys.length === 0)
      out.push({ code: 'listMapWithoutKeys', path: [...path, 'x-kubernetes-list-type'], params: {} });
    if (items && items.type !== 'object') out.push({ code: 'listMapItemsNotObject', path: [...path, 'items'], params: {} });
    if (items && Array.isArray(keys))
      keys.forEach((k, i) => {
        const prop = items.properties?.[k];
        if (!prop || (!(items.required ?? []).includes(k) && prop.default === undefined))
          out.push({ code: 'listMapKeyNotRequired', path: [...path, 'x-kubernetes-list-map-keys', i], params: { key: k } });
      });
  }
  // A set's items are scalars or atomic: an object is granular unless it says map-type atomic.
  if (lt === 'set' && items && items.type === 'object' && items['x-kubernetes-map-type'] !== 'atomic')
    out.push({ code: 'listSetItemsNotScalar', path: [...path, 'items'], params: {} });
}
