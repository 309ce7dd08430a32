// An independent oracle for api/validate.ts: the API of one release written as JSON Schema
// (draft-07) and validated by ajv — objects closed with `additionalProperties: false`, maps and
// free-form objects open, int32 ranges, the curated allowed values as `enum`, the formats of
// api/formats.ts. Requirements that depend on other fields (required.ts `when`) cannot be said in
// JSON Schema and are left out; the comparison leaves them out too.
import Ajv, { type ErrorObject } from 'ajv';
import * as formats from '../../../server/src/service/api/formats';
import type { KubernetesApi } from '../../../server/src/service/api/kubernetesApi';
import { rangeOf } from '../../../server/src/service/api/ranges';
import { NON_EMPTY } from '../../../server/src/service/api/required';
import type { TypeRef } from '../../../server/src/service/api/types';
import { INT32_MAX, INT32_MIN, type SchemaProblem } from '../../../server/src/service/api/validate';

type JsonSchema = Record<string, unknown>;

function typeSchema(t: TypeRef, allowed?: readonly string[]): JsonSchema {
  if (t.startsWith('[]')) return { type: 'array', items: typeSchema(t.slice(2), allowed) };
  if (t.startsWith('{}')) return { type: 'object', additionalProperties: typeSchema(t.slice(2)) };
  if (t.startsWith('@')) return { $ref: `#/definitions/${t.slice(1)}` };
  switch (t) {
    case 'any':
      return {};
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

function definitionSchema(api: KubernetesApi, name: string): JsonSchema {
  const def = api.getDefinition(name)!;
  const properties: Record<string, JsonSchema> = {};
  for (const [prop, [t]] of Object.entries(def.p)) {
    properties[prop] = typeSchema(t, api.allowedValues(name, prop));
    if (NON_EMPTY.has(`${name}.${prop}`))
      properties[prop] = { ...properties[prop], ...(t.startsWith('[]') ? { minItems: 1 } : { minLength: 1 }) };
    const range = rangeOf(name, prop);
    if (range) properties[prop] = { ...properties[prop], minimum: range[0], maximum: range[1] };
    const percent = formats.percentFormatOf(name, prop);
    if (percent) properties[prop] = { ...properties[prop], format: percent };
  }
  const required = [...(def.r ?? [])];
  for (const e of api.extraRequired(name)) if (!e.when && !required.includes(e.prop)) required.push(e.prop);
  return { type: 'object', properties, additionalProperties: false, ...(required.length ? { required } : {}) };
}

/** Every definition reachable from the release's kinds. */
function reachable(api: KubernetesApi): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !api.getDefinition(name)) return;
    seen.add(name);
    for (const [t] of Object.values(api.getDefinition(name)!.p)) {
      const ref = t.replace(/^(\[\]|\{\})+/, '');
      if (ref.startsWith('@')) visit(ref.slice(1));
    }
  };
  for (const kind of api.knownKinds()) for (const av of api.apiVersionsOf(kind)) visit(api.kindDefinition(av, kind)!);
  return [...seen];
}

export interface Oracle {
  /** The problems ajv finds, as neutral problems (for comparison), in no particular order. */
  problems(apiVersion: string, kind: string, value: unknown): SchemaProblem[];
}

export function jsonSchemaOracle(api: KubernetesApi): Oracle {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  for (const f of ['quantity', 'byte', 'percent', 'percentMax100', 'percent1To100'] as const) ajv.addFormat(f, formats[f]);
  const definitions: Record<string, JsonSchema> = {};
  for (const name of reachable(api)) definitions[name] = definitionSchema(api, name);
  ajv.addSchema({ $id: 'k8s', definitions });
  const compiled = new Map<string, ReturnType<Ajv['compile']>>();
  return {
    problems(apiVersion, kind, value) {
      const def = api.kindDefinition(apiVersion, kind)!;
      let validate = compiled.get(def);
      if (!validate) compiled.set(def, (validate = ajv.getSchema(`k8s#/definitions/${def}`)!));
      validate(value);
      const all = (validate.errors ?? []).flatMap((e) => toProblem(api, value, e));
      // ajv reports every keyword of a value of the wrong type; one problem a value is enough
      const wrongType = new Set(all.filter((p) => p.code === 'type').map((p) => p.path.join('/')));
      return all.filter((p) => ['type', 'required', 'unknownField'].includes(p.code) || !wrongType.has(p.path.join('/')));
    },
  };
}

function toPath(value: unknown, pointer: string): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let v = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(v)) {
      out.push(Number(seg));
      v = v[Number(seg)];
    } else {
      out.push(seg);
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function toProblem(api: KubernetesApi, value: unknown, e: ErrorObject): SchemaProblem[] {
  const path = toPath(value, e.instancePath);
  const p = e.params as Record<string, unknown>;
  let at: unknown = value;
  for (const seg of path) at = at && typeof at === 'object' ? (at as Record<string | number, unknown>)[seg] : undefined;
  switch (e.keyword) {
    case 'additionalProperties':
      return [{ code: 'unknownField', path, key: String(p.additionalProperty), releases: [] }];
    case 'required':
      return [{ code: 'required', path, key: String(p.missingProperty) }];
    case 'type':
      return at === null ? [] : [{ code: 'type', path, expected: String(p.type) }];
    case 'enum':
      return [{ code: 'enum', path, allowed: p.allowedValues as string[] }];
    case 'minimum':
    case 'maximum':
      return [{ code: 'range', path, min: 0, max: 0 }];
    case 'minLength':
    case 'minItems':
      return [{ code: 'empty', path }];
    case 'format':
      return [{ code: 'format', path, format: String(p.format) }];
    default:
      void api;
      return [];
  }
}
