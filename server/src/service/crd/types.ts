// The shapes of a CustomResourceDefinition (apiextensions.k8s.io/v1) as the language service
// reads it, and the neutral problems the CRD modules return: a code, a JSON path and the data a
// caller needs to word a message, choose a range and build a fix. No wording lives here.

/** A JSON path into a document value: keys and list indexes. */
export type CrdPath = (string | number)[];

/** One `x-kubernetes-validations` entry. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  /** A JSONPath-like path relative to the node (`.spec.x`, `.list[0]`, `['a.b']`). */
  readonly fieldPath?: string;
  readonly optionalOldSelf?: boolean;
}

/**
 * A node of an `openAPIV3Schema` (OpenAPI v3.0 as the API server reads it, with the Kubernetes
 * extensions). Every property is optional: a CRD from the workspace may be anything.
 */
export interface SchemaNode {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly allOf?: readonly SchemaNode[];
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly not?: SchemaNode;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  readonly 'x-kubernetes-validations'?: readonly ValidationRule[];
}

export type CrdScope = 'Namespaced' | 'Cluster';

/** One entry of `spec.versions`. */
export interface CrdVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated: boolean;
  readonly deprecationWarning?: string;
  /** `schema.openAPIV3Schema`; undefined when the version has none. */
  readonly schema?: SchemaNode;
  /** Index of the entry in `spec.versions` (for ranges into the CRD document). */
  readonly index: number;
}

export interface CrdNames {
  readonly kind: string;
  readonly plural: string;
  readonly singular?: string;
  readonly listKind?: string;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
}

/** What a CustomResourceDefinition document declares. */
export interface CrdInfo {
  /** metadata.name (`<plural>.<group>`). */
  readonly name: string;
  readonly group: string;
  readonly names: CrdNames;
  readonly scope: CrdScope;
  readonly versions: readonly CrdVersion[];
}

/** The codes of the neutral problems of a custom resource against its schema. */
export type CrdProblemCode =
  | 'unknownField'
  | 'required'
  | 'type'
  | 'nullable'
  | 'enum'
  | 'pattern'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'multipleOf'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'minProperties'
  | 'maxProperties'
  | 'duplicateItem'
  | 'duplicateMapKey'
  | 'allOf'
  | 'anyOf'
  | 'oneOf'
  | 'not'
  | 'cel';

/**
 * One problem of a value against a schema. `path` is where it is: the offending field itself for
 * `unknownField` (its key), the object missing the field for `required`, the value otherwise; for
 * `cel`, the rule's `fieldPath` below the node when it has one, else the node. `params` carry the
 * facts of each code (see validate.ts).
 */
export interface CrdProblem {
  readonly code: CrdProblemCode;
  readonly path: CrdPath;
  readonly params: Readonly<Record<string, unknown>>;
}
