// What the four schema rules (unknown-field, invalid-value, missing-required-field,
// invalid-quantity) share: the object as the API server reads it with its neutral problems
// (api/validate.ts, computed once per document and release, cached by the KubernetesApi), and how
// a path or a value is shown in a message. Each rule words and fixes its own problems.
import type { KubernetesApi } from '../api/kubernetesApi';
import type { SchemaProblem } from '../api/validate';
import type { OffsetRange } from '../manifest/navigate';
import type { JsonPath, ManifestDocument } from '../manifest/types';
import type { Fix, Report, RuleContext } from './types';

export interface SchemaContext {
  readonly doc: ManifestDocument;
  readonly kind: string;
  readonly apiVersion: string;
  /** The value as the API server reads it (api/validate.ts). */
  readonly value: Record<string, unknown>;
  readonly problems: readonly SchemaProblem[];
  readonly api: KubernetesApi;
}

/** The schema view of a rule's document; undefined when the release has no schema for its apiVersion/kind. */
export function schemaContext(ctx: RuleContext): SchemaContext | undefined {
  if (!ctx.object) return undefined;
  const check = ctx.api.checkDocument(ctx.doc);
  if (!check) return undefined;
  return {
    doc: ctx.doc,
    kind: ctx.object.kind,
    apiVersion: ctx.object.apiVersion,
    value: check.value,
    problems: check.problems,
    api: ctx.api,
  };
}

/** `Deployment.spec.template.spec.containers[0]` */
export function pathLabel(kind: string, path: JsonPath): string {
  let s = kind;
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  return s;
}

/** The last key of a path with its index: `replicas`, `containers[0]`, `accessModes[1]`. */
export function fieldLabel(path: JsonPath): string {
  let s = '';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') s = `[${seg}]${s}`;
    else return `${seg}${s}`;
  }
  return s || 'value';
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a string';
}

export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v && typeof v === 'object') return Array.isArray(v) ? '[…]' : '{…}';
  return String(v);
}

export function report(range: OffsetRange, messageId: string, data: Record<string, string | number>, fixes?: Fix[]): Report {
  return { start: range[0], end: range[1], messageId, data, ...(fixes && fixes.length ? { fixes } : {}) };
}

export function fix(title: string, edits: Fix['edits'] | undefined, opts: { preferred?: boolean; safe?: boolean } = {}): Fix[] {
  if (!edits || edits.length === 0) return [];
  return [{ title, edits, ...(opts.preferred ? { isPreferred: true } : {}), ...(opts.safe ? { safe: true } : {}) }];
}
