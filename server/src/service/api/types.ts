// The shape of the Kubernetes API data generated from the official OpenAPI v3 specs of every
// built-in group of Kubernetes 1.30 … 1.35 by scripts/generate-kubernetes-api.ts
// (committed as api/generated/kubernetes-api.json and kubernetes-api-descriptions.json).
//
// Type strings (`TypeRef`), small enough to keep the bundled data compact:
//   'string' | 'string:<format>' | 'integer:int32' | 'integer:int64' | 'number:double' | 'boolean'
//   'int-or-string'  (x-kubernetes-int-or-string / IntOrString)
//   'quantity'       (resource.Quantity: a string or a number)
//   'object'         a free-form object (FieldsV1, RawExtension, x-kubernetes-preserve-unknown-fields)
//   'any'            any JSON value (apiextensions JSON: a CRD schema's default, enum, example…)
//   '@Name'          a reference to defs[Name]
//   '[]<TypeRef>'    an array of …
//   '{}<TypeRef>'    a map (string keys) of …
//
// Releases are bit masks over `versions` (bit i = versions[i]); an absent mask means every release.

export type TypeRef = string;

/** One property: [type, index into the descriptions (-1: none), default (only when not a zero value)]. */
export type PropData = readonly [type: TypeRef, description: number, defaultValue?: unknown];

export interface DefData {
  /** The OpenAPI definition name (io.k8s.api.apps.v1.DeploymentSpec). */
  readonly name: string;
  /** Index into the descriptions, -1 when there is none. */
  readonly d: number;
  /** Required properties (as the newest release that has the definition lists them). */
  readonly r?: readonly string[];
  /** Properties in the spec's order (the newest release's, then older ones' own). */
  readonly p: Readonly<Record<string, PropData>>;
  /** The releases that have a property, for properties not in every release that has the definition. */
  readonly pv?: Readonly<Record<string, number>>;
  /** The releases that have the definition, when not all. */
  readonly v?: number;
}

export interface KindEntry {
  readonly apiVersion: string;
  /** Short definition name. */
  readonly def: string;
  /** The releases that serve this kind at this apiVersion, when not all. */
  readonly v?: number;
}

export interface ApiData {
  /** The Kubernetes releases of the data, oldest first ('1.30' … '1.35'). */
  readonly versions: readonly string[];
  /** Where the data comes from (see THIRD_PARTY_NOTICES.md). */
  readonly source: string;
  /** kind → the apiVersions that serve it in some release. */
  readonly kinds: Readonly<Record<string, readonly KindEntry[]>>;
  /** Short definition name (Deployment, PodSpec, autoscaling.v2.MetricSpec, …) → definition. */
  readonly defs: Readonly<Record<string, DefData>>;
}
