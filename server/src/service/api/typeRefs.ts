// Reading the compact type strings of the API data (see types.ts): pure functions of a string.
import type { TypeRef } from './types';

export type Shape = 'scalar' | 'object' | 'array' | 'map';

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
  if (t === 'any') return 'any value';
  const [base, format] = t.split(':');
  return format ? `${base} (${format})` : base;
}

function humanElement(t: TypeRef): string {
  return t.startsWith('@') ? t.slice(1) : humanType(t);
}
