// What completion and hover need from a CRD schema: the node at a path, the field at a path and
// the child fields of an object (name, type, description, enum, default, required, CEL rules).
import type { CrdPath, SchemaNode, ValidationRule } from './types';

export interface FieldInfo {
  readonly name: string;
  /** `string`, `integer`, `integer | string`, `[]object`, `map[string]string`, `object`, `any`. */
  readonly type: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly required: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly rules: readonly ValidationRule[];
  readonly schema: SchemaNode;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The schema node at a path of a resource (keys through properties or map values, numbers through items); undefined past the schema. */
export function schemaAt(root: SchemaNode, path: CrdPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items;
    else if (node.properties && has(node.properties, seg)) node = node.properties[seg];
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else return undefined;
  }
  return node;
}

/** A node's type as a person reads it. */
export function typeLabel(node: SchemaNode): string {
  if (node['x-kubernetes-int-or-string']) return 'integer | string';
  switch (node.type) {
    case 'array':
      return `[]${node.items ? typeLabel(node.items) : 'any'}`;
    case 'object':
      if (!node.properties && node.additionalProperties && typeof node.additionalProperties === 'object')
        return `map[string]${typeLabel(node.additionalProperties)}`;
      return 'object';
    case undefined:
    case '':
      return 'any';
    default:
      return node.type;
  }
}

function info(name: string, node: SchemaNode, required: boolean): FieldInfo {
  return {
    name,
    type: typeLabel(node),
    description: node.description,
    enum: node.enum,
    default: node.default,
    required,
    format: node.format,
    pattern: node.pattern,
    rules: node['x-kubernetes-validations'] ?? [],
    schema: node,
  };
}

/** The field at a path (its last key names it); undefined when the schema does not declare it. */
export function fieldAt(root: SchemaNode, path: CrdPath): FieldInfo | undefined {
  if (path.length === 0) return info('', root, true);
  const node = schemaAt(root, path);
  if (!node) return undefined;
  const last = path[path.length - 1];
  // A list item is described by its list's field.
  let i = path.length - 1;
  while (i >= 0 && typeof path[i] === 'number') i--;
  const name = i >= 0 ? String(path[i]) : '';
  const parent = typeof last === 'string' ? schemaAt(root, path.slice(0, -1)) : undefined;
  const required = typeof last === 'string' && !!parent?.required?.includes(last);
  return info(name, node, required);
}

/** The fields an object at a path declares, in the schema's order; [] when it declares none (a map, preserved or unknown). */
export function childFields(root: SchemaNode, path: CrdPath): FieldInfo[] {
  const node = schemaAt(root, path);
  if (!node?.properties) return [];
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties).map(([name, sub]) => info(name, sub, required.has(name)));
}
