// Reads a CustomResourceDefinition (apiextensions.k8s.io/v1) value: its group, names, scope and
// versions with their schemas. Tolerant: a half-written CRD yields what it has, and anything that
// is not a v1 CRD with a group and a kind yields undefined.
import type { CrdInfo, CrdNames, CrdScope, CrdVersion, SchemaNode } from './types';
import { isObject } from '../k8s/labels';

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
export const CRD_KIND = 'CustomResourceDefinition';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Whether a value is a CustomResourceDefinition of apiextensions.k8s.io/v1 (by apiVersion and kind only). */
export function isCrd(value: unknown): boolean {
  return isObject(value) && value.apiVersion === CRD_API_VERSION && value.kind === CRD_KIND;
}

/** The CRD a value declares, or undefined when it is not a v1 CRD with a group and a kind. */
export function readCrd(value: unknown): CrdInfo | undefined {
  if (!isCrd(value)) return undefined;
  const o = value as Obj;
  const spec = isObject(o.spec) ? o.spec : undefined;
  const group = str(spec?.group);
  const names = isObject(spec?.names) ? spec.names : undefined;
  const kind = str(names?.kind);
  if (!spec || !group || !names || !kind) return undefined;
  const plural = str(names.plural) ?? kind.toLowerCase();
  const crdNames: CrdNames = {
    kind,
    plural,
    singular: str(names.singular),
    listKind: str(names.listKind),
    shortNames: strings(names.shortNames),
    categories: strings(names.categories),
  };
  const scope: CrdScope = spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced';
  const versions: CrdVersion[] = [];
  const list = Array.isArray(spec.versions) ? spec.versions : [];
  list.forEach((v, index) => {
    if (!isObject(v)) return;
    const name = str(v.name);
    if (!name) return;
    const schema = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? (v.schema.openAPIV3Schema as SchemaNode) : undefined;
    versions.push({
      name,
      served: v.served === true,
      storage: v.storage === true,
      deprecated: v.deprecated === true,
      deprecationWarning: str(v.deprecationWarning),
      schema,
      index,
    });
  });
  const metadata = isObject(o.metadata) ? o.metadata : undefined;
  return { name: str(metadata?.name) ?? `${plural}.${group}`, group, names: crdNames, scope, versions };
}

/** The `apiVersion` values of a CRD's versions (`group/version`). */
export function apiVersionsOf(crd: CrdInfo): string[] {
  return crd.versions.map((v) => `${crd.group}/${v.name}`);
}

/** The version of a CRD an `apiVersion` names, or undefined when the group differs or the CRD has no such version. */
export function versionFor(crd: CrdInfo, apiVersion: string): CrdVersion | undefined {
  const slash = apiVersion.lastIndexOf('/');
  if (slash < 0 || apiVersion.slice(0, slash) !== crd.group) return undefined;
  const name = apiVersion.slice(slash + 1);
  return crd.versions.find((v) => v.name === name);
}
