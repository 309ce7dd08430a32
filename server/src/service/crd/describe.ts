// Hover text and completion data for custom resources, from their CRD: the field under the cursor
// (type, required, description, allowed values, default, pattern, format, the CEL rules that apply
// and whether they are checked here), the kind (what the CRD says of it and where it is defined),
// and what to do when no CRD of the kind is known.
import { ruleSkipReason } from './cel';
import { childFields, fieldAt, type FieldInfo } from './fields';
import type { CrdEntry } from './registry';
import type { CrdPath, CrdVersion, SchemaNode } from './types';

/** `spec.parts[].name` */
function dotted(path: CrdPath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? '[]' : `${s ? '.' : ''}${seg}`;
  return s;
}

const code = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;

/** The file name of a URI, for "defined in". */
export function fileLabel(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The rules of a node as a markdown list, each said checked or not (and why not). */
export function rulesMarkdown(field: Pick<FieldInfo, 'rules'>): string | undefined {
  if (!field.rules.length) return undefined;
  const lines = field.rules.map((r) => {
    const skip = ruleSkipReason(r);
    const what = r.message ?? r.messageExpression ?? '';
    return `- \`${r.rule.replace(/`/g, "'")}\`${what ? ` — ${what}` : ''}${skip ? ` *(not checked in the editor: ${skip})*` : ''}`;
  });
  return `Validation rules (CEL):\n${lines.join('\n')}`;
}

/** Hover of a field of a custom resource. */
export function crdFieldMarkdown(entry: CrdEntry, schema: SchemaNode, path: CrdPath): string | undefined {
  const field = fieldAt(schema, path);
  if (!field || path.length === 0) return undefined;
  const parts: string[] = [];
  parts.push(`**${dotted(path)}** \`${field.type}\`${field.required ? ' · required' : ''}`);
  if (field.description) parts.push(field.description);
  const facts: string[] = [];
  if (field.enum?.length) facts.push(`Allowed values: ${field.enum.map(code).join(', ')}`);
  if (field.default !== undefined) facts.push(`Default: ${code(field.default)}`);
  if (field.pattern) facts.push(`Pattern: ${code(field.pattern)}`);
  if (field.format) facts.push(`Format: ${code(field.format)}`);
  const s = field.schema;
  const bounds: string[] = [];
  if (s.minimum !== undefined) bounds.push(`${s.exclusiveMinimum ? '>' : '≥'} ${s.minimum}`);
  if (s.maximum !== undefined) bounds.push(`${s.exclusiveMaximum ? '<' : '≤'} ${s.maximum}`);
  if (s.minLength !== undefined) bounds.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) bounds.push(`at most ${s.maxLength} characters`);
  if (s.minItems !== undefined) bounds.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) bounds.push(`at most ${s.maxItems} items`);
  if (bounds.length) facts.push(`Bounds: ${bounds.join(', ')}`);
  if (s['x-kubernetes-list-type'] === 'set') facts.push('Items are unique (a set)');
  if (s['x-kubernetes-list-type'] === 'map' && s['x-kubernetes-list-map-keys']?.length)
    facts.push(`Items are keyed by ${s['x-kubernetes-list-map-keys'].map(code).join(', ')}`);
  if (s['x-kubernetes-preserve-unknown-fields']) facts.push('Accepts fields the schema does not list');
  if (s['x-kubernetes-embedded-resource']) facts.push('An embedded Kubernetes object (apiVersion, kind, metadata)');
  if (facts.length) parts.push(facts.join('  \n'));
  const rules = rulesMarkdown(field);
  if (rules) parts.push(rules);
  parts.push(definedIn(entry));
  return parts.join('\n\n');
}

function definedIn(entry: CrdEntry): string {
  return `From the CustomResourceDefinition \`${entry.crd.name}\` (${fileLabel(entry.uri)}).`;
}

/** Hover of a custom resource's `kind` or `apiVersion`: what its CRD says, its versions and where it is defined. */
export function crdKindMarkdown(entry: CrdEntry, version: CrdVersion | undefined, schema: SchemaNode | undefined): string {
  const crd = entry.crd;
  const parts: string[] = [
    `**${crd.names.kind}** — custom resource of \`${crd.group}\` (${crd.scope === 'Cluster' ? 'cluster-scoped' : 'namespaced'})`,
  ];
  if (schema?.description) parts.push(schema.description);
  const versions = crd.versions.map((v) => {
    const flags = [v.storage ? 'storage' : '', v.served ? '' : 'not served', v.deprecated ? 'deprecated' : ''].filter(Boolean);
    return `\`${crd.group}/${v.name}\`${flags.length ? ` (${flags.join(', ')})` : ''}`;
  });
  parts.push(`Versions: ${versions.join(', ')}`);
  if (version?.deprecated && version.deprecationWarning) parts.push(`⚠ ${version.deprecationWarning}`);
  const rules = schema ? rulesMarkdown({ rules: schema['x-kubernetes-validations'] ?? [] }) : undefined;
  if (rules) parts.push(rules);
  parts.push(`${definedIn(entry)} Go to Definition on \`kind\` opens it.`);
  return parts.join('\n\n');
}

/** Hover of a custom resource whose CRD is not known: how to make it known. */
export function unknownCrdMarkdown(apiVersion: string, kind: string): string {
  return [
    `**${kind}** (\`${apiVersion}\`) is not a built-in kind, and no CustomResourceDefinition of it is known, so it is not checked.`,
    'To check it, add the CRD (`apiextensions.k8s.io/v1` `CustomResourceDefinition`) to the workspace, or name its file, folder or a glob in the setting `k8sWorkloads.customResourceDefinitions` (CLI: `--crds <path>`).',
  ].join('\n\n');
}

/** A key to complete in a custom resource: its field, with the snippet-free text to insert. */
export interface CrdKeyCompletion {
  readonly field: FieldInfo;
  /** `name: `, `name:\n  ` for objects, `name:\n- ` for lists. */
  readonly insertText: string;
  readonly documentation: string;
}

/** The keys of the object at `path` that are not written yet, required ones first. */
export function crdKeyCompletions(entry: CrdEntry, schema: SchemaNode, path: CrdPath, present: readonly string[]): CrdKeyCompletion[] {
  const fields = childFields(schema, path).filter((f) => !present.includes(f.name));
  fields.sort((a, b) => Number(b.required) - Number(a.required));
  return fields.map((field) => ({
    field,
    insertText: `${field.name}: `,
    documentation: crdFieldMarkdown(entry, schema, [...path, field.name]) ?? '',
  }));
}

/** The values to complete at `path`: the enum, or true/false for a boolean. */
export function crdValueCompletions(schema: SchemaNode, path: CrdPath): string[] {
  const field = fieldAt(schema, path);
  if (!field) return [];
  if (field.enum?.length) return field.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (field.schema.type === 'boolean') return ['true', 'false'];
  return [];
}
