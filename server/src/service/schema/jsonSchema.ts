// The compact schema data as JSON Schema (draft-07) for ajv: one `definitions` entry per API
// definition, objects closed with `additionalProperties: false` (Kubernetes' strict field
// validation rejects unknown fields), maps and free-form objects open, int32 ranges, the curated
// allowed values as `enum`, and two formats checked by our own code (formats.ts): `quantity` and
// `byte` (base64). scripts/generate-schemas.ts compiles it ahead of time into generated/validators.js.
import { allowedValuesOf } from './allowedValues';
import { percentFormatOf } from './formats';
import { rangeOf } from './ranges';
import { extraRequiredOf, NON_EMPTY } from './required';
import type { SchemaData, TypeRef } from './types';

export type JsonSchema = Record<string, unknown>;

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

export function typeSchema(t: TypeRef, allowed?: readonly string[]): JsonSchema {
  if (t.startsWith('[]')) return { type: 'array', items: typeSchema(t.slice(2), allowed) };
  if (t.startsWith('{}')) return { type: 'object', additionalProperties: typeSchema(t.slice(2)) };
  if (t.startsWith('@')) return { $ref: `#/definitions/${t.slice(1)}` };
  switch (t) {
    case 'object':
      return { type: 'object' };
    case 'int-or-string':
      return { type: ['integer', 'string'], minimum: INT32_MIN, maximum: INT32_MAX };
    case 'quantity':
      return { type: ['string', 'number'], format: 'quantity' };
    case 'integer:int32':
      return { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX };
    case 'string:byte':
      return { type: 'string', format: 'byte' };
  }
  const base = t.split(':')[0];
  if (base === 'string') return allowed ? { type: 'string', enum: [...allowed] } : { type: 'string' };
  return { type: base };
}

export function definitionSchema(data: SchemaData, name: string): JsonSchema {
  const def = data.defs[name];
  if (!def) throw new Error(`unknown definition ${name}`);
  const properties: Record<string, JsonSchema> = {};
  for (const [prop, [t]] of Object.entries(def.p)) {
    properties[prop] = typeSchema(t, allowedValuesOf(name, prop));
    if (NON_EMPTY.has(`${name}.${prop}`))
      properties[prop] = { ...properties[prop], ...(t.startsWith('[]') ? { minItems: 1 } : { minLength: 1 }) };
    const range = rangeOf(name, prop);
    if (range) properties[prop] = { ...properties[prop], minimum: range[0], maximum: range[1] };
    const percent = percentFormatOf(name, prop);
    if (percent) properties[prop] = { ...properties[prop], format: percent };
  }
  const required = [...(def.r ?? [])];
  for (const e of extraRequiredOf(name)) if (!e.when && !required.includes(e.prop)) required.push(e.prop);
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

/** Every definition, as one schema document that kind validators reference. */
export function allDefinitionsSchema(data: SchemaData, id: string): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const name of Object.keys(data.defs)) definitions[name] = definitionSchema(data, name);
  return { $id: id, definitions };
}
