// Refactors between workload kinds, offered as `refactor.rewrite` code actions when the cursor is
// inside a document of the source kind. workload-kind-advice offers the matching one as its fix.
import { parseManifest } from '../manifest/parse';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import type { DocEdit } from '../rules/types';
import type { WorkspaceView } from '../workspace/types';
import { deploymentToDaemonSet } from './deploymentToDaemonSet';
import { deploymentToJob } from './deploymentToJob';
import { deploymentToStatefulSet } from './deploymentToStatefulSet';
import { cronJobToJob, jobToCronJob } from './jobCronJob';
import { REFACTOR_REWRITE, type Refactor, type RefactorAction } from './types';

export const REFACTORS: readonly Refactor[] = [deploymentToStatefulSet, deploymentToDaemonSet, deploymentToJob, jobToCronJob, cronJobToJob];

function applicable(doc: ManifestDocument): boolean {
  return !!doc.object && doc.syntaxProblems.length === 0;
}

/** True when the document's text after the edits (which may append documents) still parses. */
function stillParses(doc: ManifestDocument, edits: readonly DocEdit[]): boolean {
  let text = doc.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return parseManifest('file:///refactor-check.yaml', text).documents.every((d) => d.syntaxProblems.length === 0);
}

/**
 * Computed refactors by parsed document: workload-kind-advice asks on every validation and the
 * editor on every cursor move, so a document's refactor is computed once per text and per value of
 * what it reads outside the document (its fingerprint: the Service it would reuse, the claims it copies).
 */
const cache = new WeakMap<ManifestDocument['parsed'], Map<string, RefactorAction | undefined>>();

function toAction(
  r: Refactor,
  file: ManifestFile,
  doc: ManifestDocument,
  workspace: WorkspaceView | undefined,
): RefactorAction | undefined {
  const ctx = { file, doc, workspace };
  const key = `${r.id}\u0000${r.fingerprint?.(ctx) ?? ''}`;
  let byKey = cache.get(doc.parsed);
  if (!byKey) cache.set(doc.parsed, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key);
  if (byKey.size >= 8) byKey.clear(); // fingerprints that came and went
  const edits = r.edits(ctx);
  // Unusual layouts (flow maps with trailing commas, …) get no refactor rather than a broken one.
  const action: RefactorAction | undefined =
    !edits || edits.length === 0 || !stillParses(doc, edits)
      ? undefined
      : { id: r.id, title: r.title, kind: REFACTOR_REWRITE, target: r.to, edits };
  byKey.set(key, action);
  return action;
}

/** The refactors available for one document (edits relative to the document's text). */
export function getRefactors(file: ManifestFile, doc: ManifestDocument, workspace?: WorkspaceView): RefactorAction[] {
  if (!applicable(doc) || file.isTemplate) return [];
  const out: RefactorAction[] = [];
  for (const r of REFACTORS) {
    if (r.from !== doc.object!.kind) continue;
    const action = toAction(r, file, doc, workspace);
    if (action) out.push(action);
  }
  return out;
}

/** The refactor from the document's kind to `target`, if there is one and it applies. */
export function getRefactor(
  file: ManifestFile,
  doc: ManifestDocument,
  target: string,
  workspace?: WorkspaceView,
): RefactorAction | undefined {
  if (!applicable(doc)) return undefined;
  const r = REFACTORS.find((x) => x.from === doc.object!.kind && x.to === target);
  return r ? toAction(r, file, doc, workspace) : undefined;
}

export { REFACTOR_REWRITE } from './types';
export type { RefactorAction } from './types';
