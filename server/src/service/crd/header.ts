// What the workspace index needs of a CustomResourceDefinition — group, names, scope, versions
// and their flags — read without parsing its schemas. A CRD file is mostly its openAPIV3Schema
// (Prometheus operator CRDs are 600–800 KB, Gateway API's HTTPRoute 430 KB), and the full YAML
// parse of one takes most of a second; the index reads every CRD of the workspace at start. So the
// schema blocks are cut out line by line (a block-style `schema:` key and every deeper line) and
// the small rest is parsed. The schema itself is read later, on first use of a kind (registry.ts).
import { parse } from 'yaml';
import { fastParseValue } from '../manifest/fastParse';
import { readCrd } from './read';
import type { CrdInfo, SchemaNode } from './types';

/** A cheap test: could this document text be a CustomResourceDefinition? */
export function mayBeCrd(text: string): boolean {
  return /^kind:[ \t]*["']?CustomResourceDefinition["']?[ \t]*(?:#.*)?$/m.test(text) && text.includes('apiextensions.k8s.io/v1');
}

const SCHEMA_KEY = /^([ \t]*)(-[ \t]+)?schema:[ \t]*(?:#.*)?$/;

/**
 * The document text with the body of each block-style `schema:` key cut out and the key's value
 * replaced by `placeholder(n)` (n counts the cut blocks); the bodies as they were. Undefined when
 * there is nothing to cut (a JSON or flow-style CRD, which is then parsed whole).
 */
export function cutSchemas(text: string, placeholder: (n: number) => string): { text: string; blocks: string[] } | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = line.includes('schema:') ? SCHEMA_KEY.exec(line.replace(/\r$/, '')) : null;
    if (!m) {
      out.push(line);
      continue;
    }
    // The key's column: after the `- ` of a sequence item that starts with it.
    const keyIndent = m[1].length + (m[2]?.length ?? 0);
    // `- schema:` keeps the item (as `- schema: {}`); a plain key becomes `schema: {}`.
    out.push(line.replace(/schema:[ \t]*(?:#.*)?\r?$/, `schema: ${placeholder(blocks.length)}`));
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j];
      // Blank and comment lines belong to no block; read without copying the line (a schema block
      // has thousands), other whitespace than spaces and tabs as before.
      let indent = 0;
      while (indent < next.length && (next.charCodeAt(indent) === 32 || next.charCodeAt(indent) === 9)) indent++;
      const c = next.charCodeAt(indent);
      if (indent === next.length || c === 35) continue;
      if (c > 32 && c < 127) {
        if (indent <= keyIndent) break;
        continue;
      }
      if (next.trim() === '' || next.trimStart().startsWith('#')) continue;
      if (next.length - next.trimStart().length <= keyIndent) break;
    }
    // Blank or comment lines just before the next key go with the block: they change nothing.
    blocks.push(lines.slice(i + 1, j).join('\n'));
    i = j - 1;
  }
  return blocks.length ? { text: out.join('\n'), blocks } : undefined;
}

/**
 * The document text without the body of each block-style `schema:` key (undefined when there is
 * none to cut, e.g. a JSON or flow-style CRD, which is then parsed whole).
 */
export function withoutSchemas(text: string): string | undefined {
  return cutSchemas(text, () => '{}')?.text;
}

/** A block's lines moved left by their common indentation (comment and blank lines aside). */
function dedent(block: string): string {
  const lines = block.split('\n');
  let min = Infinity;
  for (const l of lines) {
    const t = l.trimStart();
    if (t === '' || t.startsWith('#')) continue;
    min = Math.min(min, l.length - t.length);
  }
  if (!Number.isFinite(min)) return block;
  return lines.map((l) => (l.slice(0, min).trim() === '' ? l.slice(min) : l.trimStart())).join('\n');
}

const PARSE = { logLevel: 'silent', uniqueKeys: false, maxAliasCount: 1000 } as const;

/**
 * The value of a YAML text, as `yaml` reads it (throws on an error): through the fast parser when
 * the text is in its simple subset — the small rest of a CRD without its schemas always is — so
 * indexing the workspace's CRDs neither builds `yaml` syntax trees nor pays to warm that code up
 * (~50 ms per CRD in a fresh process, most of the index time of ten operator CRDs).
 */
function parseValue(text: string, options: { logLevel: 'silent'; uniqueKeys: false; maxAliasCount?: number } = PARSE): unknown {
  const fast = fastParseValue(text);
  return fast ? fast.value : parse(text, options);
}

/**
 * One version's openAPIV3Schema from a CRD document's text, parsing only that version's schema
 * block (an operator CRD often carries several versions of a 200+ KB schema); undefined when the
 * version or its schema is not there. A CRD whose schemas cannot be cut out is parsed whole.
 */
export function readVersionSchema(text: string, version: string): SchemaNode | undefined {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const cut = cutSchemas(text, (n) => `{k8swSchemaBlock: ${n}}`);
  let crd: unknown;
  try {
    crd = parseValue(cut ? cut.text : text);
  } catch {
    return undefined;
  }
  const spec = isObj(crd) ? crd.spec : undefined;
  const versions = isObj(spec) && Array.isArray(spec.versions) ? spec.versions : [];
  const v = versions.find((x) => isObj(x) && x.name === version) as Record<string, unknown> | undefined;
  const schema = v && isObj(v.schema) ? v.schema : undefined;
  if (!schema) return undefined;
  if (!cut) return isObj(schema.openAPIV3Schema) ? (schema.openAPIV3Schema as SchemaNode) : undefined;
  const n = schema.k8swSchemaBlock;
  if (typeof n !== 'number' || !cut.blocks[n]) return undefined;
  let body: unknown;
  try {
    body = parseValue(dedent(cut.blocks[n]));
  } catch {
    return undefined;
  }
  return isObj(body) && isObj(body.openAPIV3Schema) ? (body.openAPIV3Schema as SchemaNode) : undefined;
}

/**
 * The CRD a document's text declares, read without its schemas (every version's `schema` is
 * undefined); undefined when the text is not a v1 CRD.
 */
export function readCrdHeader(text: string): CrdInfo | undefined {
  if (!mayBeCrd(text)) return undefined;
  const small = withoutSchemas(text) ?? text;
  let value: unknown;
  try {
    value = parseValue(small, { logLevel: 'silent', uniqueKeys: false });
  } catch {
    return undefined;
  }
  const crd = readCrd(value);
  if (!crd) return undefined;
  return { ...crd, versions: crd.versions.map((v) => ({ ...v, schema: undefined })) };
}
