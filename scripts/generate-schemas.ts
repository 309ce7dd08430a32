// Generates the compact Kubernetes schema data the language server bundles, from the official
// Kubernetes 1.35 OpenAPI v3 spec (core/v1, apps/v1, batch/v1) in ../shared/k8s-openapi.
//
//   npx tsx scripts/generate-schemas.ts [specDir]     (npm run generate:schemas)
//
// Writes server/src/service/schema/generated/k8s-1.35.json. Keeps only the definitions reachable
// from the top-level kinds of the three group-versions, with per property: type/format/ref,
// required, description (hovers and completions show it), default (unless it is only the Go zero
// value the generator emits: {}, "", 0, false), int-or-string, and the GVK list of each kind.
// Descriptions are stored once in a table. test/unit/schema/generated.test.ts re-runs
// `generateSchemaData` in memory and asserts the committed file equals its output.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import * as formats from '../server/src/service/schema/formats';
import { allDefinitionsSchema } from '../server/src/service/schema/jsonSchema';
import type { DefData, PropData, SchemaData, TypeRef } from '../server/src/service/schema/types';

export const SPEC_FILES = ['api__v1_openapi.json', 'apis__apps__v1_openapi.json', 'apis__batch__v1_openapi.json'] as const;
export const DEFAULT_SPEC_DIR = '../shared/k8s-openapi';
export const OUTPUT = 'server/src/service/schema/generated/k8s-1.35.json';
export const VALIDATORS_OUTPUT = 'server/src/service/schema/generated/validators.js';

/** The group-versions whose kinds we know. */
const GROUP_VERSIONS = new Set(['/v1', 'apps/v1', 'batch/v1']);
/** API machinery and subresource types that carry a GVK but are not manifests anyone writes. */
const NOT_MANIFEST_KINDS = new Set(['DeleteOptions', 'WatchEvent', 'Status', 'APIResourceList', 'Binding', 'ComponentStatus']);

interface OpenApiSchema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  $ref?: string;
  default?: unknown;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

type Spec = { components: { schemas: Record<string, OpenApiSchema> } };

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

function refName(ref: string): string {
  return ref.replace('#/components/schemas/', '');
}

function isZeroValue(v: unknown): boolean {
  return v === '' || v === 0 || v === false || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

export function generateSchemaData(specs: readonly Spec[], k8sVersion = '1.35'): SchemaData {
  const all: Record<string, OpenApiSchema> = {};
  for (const spec of specs) Object.assign(all, spec.components.schemas);

  // Top-level kinds of core/v1, apps/v1, batch/v1.
  const roots: { kind: string; apiVersion: string; def: string }[] = [];
  for (const [name, def] of Object.entries(all)) {
    if (!/^io\.k8s\.api\.(core|apps|batch)\.v1\./.test(name)) continue;
    for (const g of def['x-kubernetes-group-version-kind'] ?? []) {
      if (!GROUP_VERSIONS.has(`${g.group}/${g.version}`)) continue;
      if (NOT_MANIFEST_KINDS.has(g.kind) || g.kind.endsWith('List')) continue;
      roots.push({ kind: g.kind, apiVersion: g.group ? `${g.group}/${g.version}` : g.version, def: name });
    }
  }

  // Reachable definitions (object definitions only: scalar ones become type strings).
  const reachable = new Set<string>();
  const scalarDef = (name: string): TypeRef | undefined => {
    if (name === QUANTITY) return 'quantity';
    if (name === INT_OR_STRING) return 'int-or-string';
    const d = all[name];
    if (!d) throw new Error(`unknown definition ${name}`);
    if (d.properties) return undefined;
    if (d.type === 'object' || !d.type) return 'object';
    return d.format ? `${d.type}:${d.format}` : d.type;
  };
  const visitSchema = (s: OpenApiSchema) => {
    const ref = s.$ref ?? s.allOf?.[0]?.$ref;
    if (ref) visitDef(refName(ref));
    if (s.items) visitSchema(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visitSchema(s.additionalProperties);
  };
  const visitDef = (name: string) => {
    if (reachable.has(name) || scalarDef(name)) return;
    reachable.add(name);
    for (const p of Object.values(all[name].properties ?? {})) visitSchema(p);
  };
  for (const r of roots) visitDef(r.def);

  // Short names: the last segment, unless two reachable definitions share it.
  const lastSeg = (n: string) => n.slice(n.lastIndexOf('.') + 1);
  const counts = new Map<string, number>();
  for (const n of reachable) counts.set(lastSeg(n), (counts.get(lastSeg(n)) ?? 0) + 1);
  const short = (n: string) => (counts.get(lastSeg(n)) === 1 ? lastSeg(n) : n);

  const descriptions: string[] = [];
  const descIndex = new Map<string, number>();
  const desc = (text: string | undefined): number => {
    if (!text) return -1;
    let i = descIndex.get(text);
    if (i === undefined) {
      i = descriptions.length;
      descriptions.push(text);
      descIndex.set(text, i);
    }
    return i;
  };

  const typeOf = (s: OpenApiSchema, where: string): TypeRef => {
    const ref = s.$ref ?? s.allOf?.[0]?.$ref;
    if (ref) {
      const name = refName(ref);
      return scalarDef(name) ?? `@${short(name)}`;
    }
    if (s['x-kubernetes-int-or-string']) return 'int-or-string';
    if (s['x-kubernetes-preserve-unknown-fields']) return 'object';
    switch (s.type) {
      case 'array':
        if (!s.items) throw new Error(`array without items at ${where}`);
        return `[]${typeOf(s.items, `${where}[]`)}`;
      case 'object':
        if (s.additionalProperties && typeof s.additionalProperties === 'object')
          return `{}${typeOf(s.additionalProperties, `${where}{}`)}`;
        return 'object';
      case 'string':
      case 'integer':
      case 'number':
      case 'boolean':
        return s.format ? `${s.type}:${s.format}` : s.type;
      default:
        throw new Error(`unsupported schema at ${where}: ${JSON.stringify(s).slice(0, 200)}`);
    }
  };

  // Definitions in a stable order: the kinds' order of discovery is the spec's; sort by short name.
  const defs: Record<string, DefData> = {};
  for (const name of [...reachable].sort((a, b) => short(a).localeCompare(short(b)))) {
    const d = all[name];
    const p: Record<string, PropData> = {};
    for (const [prop, ps] of Object.entries(d.properties ?? {})) {
      const t = typeOf(ps, `${name}.${prop}`);
      const def = ps.default;
      p[prop] = def !== undefined && !isZeroValue(def) ? [t, desc(ps.description), def] : [t, desc(ps.description)];
    }
    const gvk = roots.filter((r) => r.def === name).map((r) => r.apiVersion);
    const entry: DefData = {
      name,
      d: desc(d.description),
      ...(d.required?.length ? { r: [...d.required] } : {}),
      p,
      ...(gvk.length ? { gvk } : {}),
    };
    defs[short(name)] = entry;
  }

  const kinds: Record<string, { apiVersion: string; def: string }[]> = {};
  for (const r of [...roots].sort((a, b) => a.kind.localeCompare(b.kind))) {
    (kinds[r.kind] ??= []).push({ apiVersion: r.apiVersion, def: short(r.def) });
  }
  return {
    k8sVersion,
    source: `Kubernetes ${k8sVersion} OpenAPI v3 (api/openapi-spec/v3: ${SPEC_FILES.join(', ')}), Apache-2.0, The Kubernetes Authors`,
    kinds,
    descriptions,
    defs,
  };
}

/** Stable text: one definition / description per line, so regenerating gives readable diffs. */
export function serializeSchemaData(data: SchemaData): string {
  const lines: string[] = ['{'];
  lines.push(`"k8sVersion": ${JSON.stringify(data.k8sVersion)},`);
  lines.push(`"source": ${JSON.stringify(data.source)},`);
  lines.push(`"kinds": {`);
  const kinds = Object.entries(data.kinds);
  kinds.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < kinds.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push('"defs": {');
  const defs = Object.entries(data.defs);
  defs.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < defs.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push('"descriptions": [');
  data.descriptions.forEach((d, i) => lines.push(`${JSON.stringify(d)}${i < data.descriptions.length - 1 ? ',' : ''}`));
  lines.push(']');
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * The ajv validators of every kind's definition, compiled ahead of time (ajv standalone code), so
 * the server compiles nothing at startup. Exports one function per kind definition (Deployment,
 * Service, …); the formats come from schema/formats.ts.
 */
export function generateValidatorsCode(data: SchemaData): string {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    messages: false,
    inlineRefs: false,
    code: { source: true, formats: _`require("../formats")` },
  });
  ajv.addFormat('quantity', formats.quantity);
  ajv.addFormat('byte', formats.byte);
  ajv.addFormat('percent', formats.percent);
  ajv.addFormat('percentMax100', formats.percentMax100);
  ajv.addFormat('percent1To100', formats.percent1To100);
  ajv.addSchema(allDefinitionsSchema(data, 'k8s'));
  const refs: Record<string, string> = {};
  for (const entries of Object.values(data.kinds)) for (const { def } of entries) refs[def] = `k8s#/definitions/${def}`;
  const code = standaloneCode(ajv, refs);
  return `// Generated by scripts/generate-schemas.ts (ajv standalone code) from the Kubernetes ${data.k8sVersion} OpenAPI v3 spec. Do not edit.\n${code}\n`;
}

export function readSpecs(specDir: string): Spec[] {
  return SPEC_FILES.map((f) => JSON.parse(readFileSync(join(specDir, f), 'utf8')) as Spec);
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const specDir = resolve(root, process.argv[2] ?? DEFAULT_SPEC_DIR);
  const data = generateSchemaData(readSpecs(specDir));
  const text = serializeSchemaData(data);
  const out = join(root, OUTPUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${OUTPUT} (${text.length} bytes)`);
  const code = generateValidatorsCode(data);
  writeFileSync(join(root, VALIDATORS_OUTPUT), code);
  console.log(`wrote ${VALIDATORS_OUTPUT} (${code.length} bytes)`);
}
