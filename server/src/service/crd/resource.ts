// A document as a custom resource: its CRD from the registry and its reports, computed once per
// document text and CRD generation (the four schema rules share one pass, as for built-in kinds).
import type { ManifestDocument } from '../manifest/types';
import type { ParsedText } from '../manifest/parse';
import { customResourceReports, type CrdReport } from './problems';
import type { CrdMatch, CrdRegistry } from './registry';

const cache = new WeakMap<ParsedText, { registry: CrdRegistry; generation: number; reports: CrdReport[] }>();

/** The CRD of a document's object, when a known CRD defines its group and kind. */
export function crdMatchOf(doc: ManifestDocument, crds: CrdRegistry | undefined): CrdMatch | undefined {
  const o = doc.object;
  if (!o || !crds || !o.apiVersion.includes('/')) return undefined;
  return crds.lookup(o.apiVersion, o.kind);
}

/** The reports of a custom resource against its CRD ([] for anything else). */
export function customResourceReportsOf(doc: ManifestDocument, crds: CrdRegistry | undefined): CrdReport[] {
  // Built-in kinds (nearly every document) find no CRD at once: no cache entry for them.
  const match = crdMatchOf(doc, crds);
  if (!crds || !match) return [];
  const hit = cache.get(doc.parsed);
  if (hit && hit.registry === crds && hit.generation === crds.generation) return hit.reports;
  const schema = match.version ? crds.schemaOf(match.entry, match.version.name) : undefined;
  const reports = customResourceReports(doc, match, schema);
  cache.set(doc.parsed, { registry: crds, generation: crds.generation, reports });
  return reports;
}
