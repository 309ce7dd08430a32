// The shape of the compact schema data generated from the Kubernetes OpenAPI v3 spec by
// scripts/generate-schemas.ts (committed as schema/generated/k8s-1.35.json).
//
// Type strings (`TypeRef`), small enough to keep the bundled data compact:
//   'string' | 'string:<format>' | 'integer:int32' | 'integer:int64' | 'number:double' | 'boolean'
//   'int-or-string'  (x-kubernetes-int-or-string / IntOrString)
//   'quantity'       (resource.Quantity: a string or a number)
//   'object'         a free-form object (FieldsV1, RawExtension, x-kubernetes-preserve-unknown-fields)
//   '@Name'          a reference to defs[Name]
//   '[]<TypeRef>'    an array of …
//   '{}<TypeRef>'    a map (string keys) of …

export type TypeRef = string;

/** One property: [type, index into `descriptions` (-1: none), default (only when not a zero value)]. */
export type PropData = readonly [type: TypeRef, description: number, defaultValue?: unknown];

export interface DefData {
  /** The OpenAPI definition name (io.k8s.api.apps.v1.DeploymentSpec). */
  readonly name: string;
  /** Index into `descriptions`, -1 when there is none. */
  readonly d: number;
  /** Required properties (as the spec lists them). */
  readonly r?: readonly string[];
  /** Properties in the spec's order. */
  readonly p: Readonly<Record<string, PropData>>;
  /** `group/version` list of x-kubernetes-group-version-kind, for top-level kinds. */
  readonly gvk?: readonly string[];
}

export interface SchemaData {
  /** Kubernetes version of the spec. */
  readonly k8sVersion: string;
  /** Where the data comes from (see THIRD_PARTY_NOTICES.md). */
  readonly source: string;
  /** kind → the apiVersions that serve it, each with its definition. */
  readonly kinds: Readonly<Record<string, readonly { readonly apiVersion: string; readonly def: string }[]>>;
  /** Every description once (properties and definitions point here by index). */
  readonly descriptions: readonly string[];
  /** Short definition name (Deployment, PodSpec, …) → definition. */
  readonly defs: Readonly<Record<string, DefData>>;
}
