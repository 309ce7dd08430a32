// What the workspace index needs of a CustomResourceDefinition — group, names, scope, versions
// and their flags — read without parsing its schemas. A CRD file is mostly its openAPIV3Schema
// (Prometheus operator CRDs are 600–800 KB, Gateway API's HTTPRoute 430 KB), and the full YAML
// parse of one takes most of a second; the index reads every CRD of the workspace at start. So the
// schema blocks are cut out line by line (a block-style `schema:` key and every deeper line) and
// the small rest is parsed. The schema itself is read later, on first use of a kind (registry.ts).
import { parse } from 'yaml';
import { readCrd } from './read';
import type { CrdInfo } from './types';

/** A cheap test: could this document text be a CustomResourceDefinition? */
export function mayBeCrd(text: string): boolean {
  return /^kind:[ \t]*["']?CustomResourceDefinition["']?[ \t]*(?:#.*)?$/m.test(text) && text.includes('apiextensions.k8s.io/v1');
}

const SCHEMA_KEY = /^([ \t]*)(-[ \t]+)?schema:[ \t]*(?:#.*)?$/;

/**
 * The document text without the body of each block-style `schema:` key (undefined when there is
 * none to cut, e.g. a JSON or flow-style CRD, which is then parsed whole).
 */
export function withoutSchemas(text: string): string | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  let cut = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = SCHEMA_KEY.exec(line.replace(/\r$/, ''));
    if (!m) {
      out.push(line);
      continue;
    }
    // The key's column: after the `- ` of a sequence item that starts with it.
    const keyIndent = m[1].length + (m[2]?.length ?? 0);
    // `- schema:` keeps the item (as `- schema: {}`); a plain key becomes `schema: {}`.
    out.push(line.replace(/schema:[ \t]*(?:#.*)?\r?$/, 'schema: {}'));
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j];
      if (next.trim() === '' || next.trimStart().startsWith('#')) continue;
      const indent = next.length - next.trimStart().length;
      if (indent <= keyIndent) break;
    }
    // Blank or comment lines just before the next key stay out too: they change nothing.
    i = j - 1;
    cut = true;
  }
  return cut ? out.join('\n') : undefined;
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
    value = parse(small, { logLevel: 'silent', uniqueKeys: false });
  } catch {
    return undefined;
  }
  const crd = readCrd(value);
  if (!crd) return undefined;
  return { ...crd, versions: crd.versions.map((v) => ({ ...v, schema: undefined })) };
}
