// Generates the Kubernetes API data the language service bundles, from the official OpenAPI v3
// specs of every built-in API group of Kubernetes 1.30 … 1.35 in ../shared/k8s-openapi/versions
// (unmodified copies of api/openapi-spec/v3 of each release; see the SOURCE.md there).
//
//   npx tsx scripts/generate-kubernetes-api.ts [versionsDir]     (npm run generate:api)
//
// One merged data set for all versions, so the 95% the versions share is stored once:
// - every kind with the apiVersions that serve it and, per apiVersion, the releases that do;
// - every definition reachable from a kind, with per property: type, description, default and,
//   when not every release has it, the releases that do (a bit mask over `versions`).
// Two files, so that validation never pays for the text only hover and completion show:
//   server/src/service/api/generated/kubernetes-api.json          kinds + definitions (structure)
//   server/src/service/api/generated/kubernetes-api-descriptions.json  the descriptions they point to
// test/unit/api/generated.test.ts re-runs `generateApiData` in memory and asserts the committed
// files equal its output (drift test).
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import type { ApiData, DefData, KindEntry, PropData, TypeRef } from '../server/src/service/api/types';

export const DEFAULT_VERSIONS_DIR = '../shared/k8s-openapi/versions';
export const STRUCTURE_OUTPUT = 'server/src/service/api/generated/kubernetes-api.json';
export const DESCRIPTIONS_OUTPUT = 'server/src/service/api/generated/kubernetes-api-descriptions.json';

/** API machinery and subresource types that carry a GVK but are not objects anyone writes in a manifest. */
const NOT_MANIFEST_KINDS = new Set([
  'DeleteOptions',
  'WatchEvent',
  'Status',
  'APIResourceList',
  'APIGroup',
  'APIGroupList',
  'APIVersions',
  'Binding',
  'ComponentStatus',
]);

/** Definitions whose names stay short although another group has one of the same name: the workload groups'. */
const PRIORITY_PREFIXES = ['io.k8s.api.core.v1.', 'io.k8s.api.apps.v1.', 'io.k8s.api.batch.v1.', 'io.k8s.apimachinery.pkg.apis.meta.v1.'];

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

/** One release's specs: every group-version file. */
export interface ReleaseSpecs {
  readonly version: string;
  readonly specs: readonly Spec[];
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const isZeroValue = (v: unknown) =>
  v === '' || v === 0 || v === false || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

interface ReleaseModel {
  /** `kind|apiVersion` → full definition name */
  roots: Map<string, string>;
  /** full definition name → its schema (reachable object definitions only) */
  defs: Map<string, OpenApiSchema>;
  all: Record<string, OpenApiSchema>;
}

function readRelease(r: ReleaseSpecs): ReleaseModel {
  const all: Record<string, OpenApiSchema> = {};
  for (const spec of r.specs) Object.assign(all, spec.components.schemas);
  const roots = new Map<string, string>();
  for (const [name, def] of Object.entries(all)) {
    for (const g of def['x-kubernetes-group-version-kind'] ?? []) {
      if (NOT_MANIFEST_KINDS.has(g.kind) || g.kind.endsWith('List')) continue;
      if (!def.properties?.kind) continue; // options and reviews without a kind field
      roots.set(`${g.kind}|${g.group ? `${g.group}/${g.version}` : g.version}`, name);
    }
  }
  const defs = new Map<string, OpenApiSchema>();
  const visitSchema = (s: OpenApiSchema) => {
    const ref = s.$ref ?? s.allOf?.[0]?.$ref;
    if (ref) visitDef(refName(ref));
    if (s.items) visitSchema(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visitSchema(s.additionalProperties);
  };
  const visitDef = (name: string) => {
    if (defs.has(name) || name === QUANTITY || name === INT_OR_STRING) return;
    const d = all[name];
    if (!d) throw new Error(`${r.version}: unknown definition ${name}`);
    if (!d.properties) return; // a scalar definition: becomes a type string
    defs.set(name, d);
    for (const p of Object.values(d.properties)) visitSchema(p);
  };
  for (const name of roots.values()) visitDef(name);
  return { roots, defs, all };
}

export function generateApiData(releases: readonly ReleaseSpecs[]): { structure: ApiData; descriptions: string[] } {
  const versions = releases.map((r) => r.version);
  const models = releases.map(readRelease);
  const ALL = (1 << versions.length) - 1;
  const newestFirst = models.map((_, i) => models.length - 1 - i);

  // Short names: the last segment, unless two reachable definitions share it; then the workload
  // groups keep it and the others are qualified (`autoscaling.v2.MetricSpec`).
  const fullNames = new Set<string>();
  for (const m of models) for (const n of m.defs.keys()) fullNames.add(n);
  const lastSeg = (n: string) => n.slice(n.lastIndexOf('.') + 1);
  const byLast = new Map<string, string[]>();
  for (const n of fullNames) byLast.set(lastSeg(n), [...(byLast.get(lastSeg(n)) ?? []), n]);
  const short = (n: string): string => {
    const same = byLast.get(lastSeg(n))!;
    if (same.length === 1) return lastSeg(n);
    const priority = same.filter((x) => PRIORITY_PREFIXES.some((p) => x.startsWith(p)));
    if (priority.length === 1 && priority[0] === n) return lastSeg(n);
    return n.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\./, '');
  };

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

  const typeOf = (all: Record<string, OpenApiSchema>, s: OpenApiSchema, where: string): TypeRef => {
    const ref = s.$ref ?? s.allOf?.[0]?.$ref;
    if (ref) {
      const name = refName(ref);
      if (name === QUANTITY) return 'quantity';
      if (name === INT_OR_STRING) return 'int-or-string';
      const d = all[name];
      if (!d) throw new Error(`unknown definition ${name}`);
      if (d.properties) return `@${short(name)}`;
      if (d.type === 'object') return 'object';
      // apiextensions' JSON and JSONSchemaPropsOr*: any JSON value (a CRD's `default`, `enum`, `items`…)
      if (!d.type) return 'any';
      return d.format ? `${d.type}:${d.format}` : d.type;
    }
    if (s['x-kubernetes-int-or-string']) return 'int-or-string';
    if (s['x-kubernetes-preserve-unknown-fields']) return 'object';
    switch (s.type) {
      case 'array':
        if (!s.items) throw new Error(`array without items at ${where}`);
        return `[]${typeOf(all, s.items, `${where}[]`)}`;
      case 'object':
        if (s.additionalProperties && typeof s.additionalProperties === 'object')
          return `{}${typeOf(all, s.additionalProperties, `${where}{}`)}`;
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

  // Definitions: properties merged over the releases, newest first (its type, description and
  // default win); a property missing from some release carries the mask of those that have it.
  const defs: Record<string, DefData> = {};
  for (const full of [...fullNames].sort((a, b) => short(a).localeCompare(short(b)))) {
    const props = new Map<string, { data: PropData; mask: number }>();
    const order: string[] = [];
    let defDesc = -1;
    let required: string[] | undefined;
    let defMask = 0;
    for (const i of newestFirst) {
      const d = models[i].defs.get(full);
      if (!d) continue;
      defMask |= 1 << i;
      if (defDesc < 0) defDesc = desc(d.description);
      if (!required && d.required?.length) required = [...d.required];
      for (const [prop, ps] of Object.entries(d.properties ?? {})) {
        const t = typeOf(models[i].all, ps, `${full}.${prop}`);
        const known = props.get(prop);
        if (known) {
          if (known.data[0] !== t) throw new Error(`${full}.${prop}: type ${known.data[0]} in a newer release, ${t} in ${versions[i]}`);
          known.mask |= 1 << i;
          continue;
        }
        order.push(prop);
        const def = ps.default;
        props.set(prop, {
          data: def !== undefined && !isZeroValue(def) ? [t, desc(ps.description), def] : [t, desc(ps.description)],
          mask: 1 << i,
        });
      }
    }
    const p: Record<string, PropData> = {};
    const pv: Record<string, number> = {};
    for (const prop of order) {
      const { data, mask } = props.get(prop)!;
      p[prop] = data;
      if (mask !== defMask) pv[prop] = mask;
    }
    defs[short(full)] = {
      name: full,
      d: defDesc,
      ...(required ? { r: required } : {}),
      p,
      ...(Object.keys(pv).length ? { pv } : {}),
      ...(defMask !== ALL ? { v: defMask } : {}),
    };
  }

  // Kinds: kind → apiVersions, each with its definition and the releases that serve it.
  const kindMap = new Map<string, Map<string, { def: string; mask: number }>>();
  models.forEach((m, i) => {
    for (const [key, full] of m.roots) {
      const [kind, apiVersion] = key.split('|');
      const byApi = kindMap.get(kind) ?? new Map<string, { def: string; mask: number }>();
      kindMap.set(kind, byApi);
      const entry = byApi.get(apiVersion);
      if (entry) {
        if (entry.def !== short(full)) throw new Error(`${kind} ${apiVersion}: definition ${entry.def} and ${short(full)}`);
        entry.mask |= 1 << i;
      } else byApi.set(apiVersion, { def: short(full), mask: 1 << i });
    }
  });
  const kinds: Record<string, KindEntry[]> = {};
  for (const kind of [...kindMap.keys()].sort()) {
    kinds[kind] = [...kindMap.get(kind)!.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([apiVersion, { def, mask }]) => ({ apiVersion, def, ...(mask !== ALL ? { v: mask } : {}) }));
  }
  return {
    structure: {
      versions,
      source: `Kubernetes ${versions[0]}–${versions[versions.length - 1]} OpenAPI v3 (api/openapi-spec/v3 of each release, every built-in API group), Apache-2.0, The Kubernetes Authors`,
      kinds,
      defs,
    },
    descriptions,
  };
}

/** Stable text: one kind / definition / description per line, so regenerating gives readable diffs. */
export function serializeStructure(data: ApiData): string {
  const lines: string[] = ['{'];
  lines.push(`"versions": ${JSON.stringify(data.versions)},`);
  lines.push(`"source": ${JSON.stringify(data.source)},`);
  lines.push(`"kinds": {`);
  const kinds = Object.entries(data.kinds);
  kinds.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < kinds.length - 1 ? ',' : ''}`));
  lines.push('},');
  lines.push('"defs": {');
  const defs = Object.entries(data.defs);
  defs.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i < defs.length - 1 ? ',' : ''}`));
  lines.push('}');
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function serializeDescriptions(descriptions: readonly string[]): string {
  return `[\n${descriptions.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`;
}

function specFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...specFiles(p));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

export function readReleases(versionsDir: string): ReleaseSpecs[] {
  if (!existsSync(versionsDir)) throw new Error(`no Kubernetes OpenAPI specs at ${versionsDir}`);
  const versions = readdirSync(versionsDir)
    .filter((v) => /^\d+\.\d+$/.test(v))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  return versions.map((version) => ({
    version,
    specs: specFiles(join(versionsDir, version)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Spec),
  }));
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const versionsDir = resolve(root, process.argv[2] ?? DEFAULT_VERSIONS_DIR);
  const { structure, descriptions } = generateApiData(readReleases(versionsDir));
  for (const [file, text] of [
    [STRUCTURE_OUTPUT, serializeStructure(structure)],
    [DESCRIPTIONS_OUTPUT, serializeDescriptions(descriptions)],
  ] as const) {
    const out = join(root, file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    console.log(`wrote ${relative(root, out)} (${text.length} bytes)`);
  }
}
