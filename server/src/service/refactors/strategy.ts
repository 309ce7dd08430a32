// A Deployment's `strategy` as the `updateStrategy` of a StatefulSet or DaemonSet.
//   Deployment: type RollingUpdate | Recreate, rollingUpdate {maxSurge, maxUnavailable}
//   StatefulSet: type RollingUpdate | OnDelete, rollingUpdate {maxUnavailable (not 0), partition}
//   DaemonSet:   type RollingUpdate | OnDelete, rollingUpdate {maxSurge, maxUnavailable} — exactly one non-zero
// Recreate has no counterpart (both kinds replace pods one by one or on delete): it becomes
// RollingUpdate, the default, which keeps the workload available during updates.
import { getAt } from '../manifest/navigate';
import { removePair, renameKey } from '../manifest/edit';
import type { ManifestDocument } from '../manifest/types';
import type { DocEdit } from '../rules/types';
import { setScalar } from './text';

function isZero(v: unknown): boolean {
  return v === 0 || v === '0' || v === '0%';
}

/** Edits turning spec.strategy into spec.updateStrategy for `target`, or undefined when some edit is impossible. */
export function strategyEdits(doc: ManifestDocument, target: 'StatefulSet' | 'DaemonSet'): DocEdit[] | undefined {
  const strategy = getAt(doc.value, ['spec', 'strategy']);
  if (strategy === undefined) return [];
  const edits: DocEdit[] = [];
  const add = (e: DocEdit[] | DocEdit | undefined): boolean => {
    if (!e) return false;
    edits.push(...(Array.isArray(e) ? e : [e]));
    return true;
  };
  if (!add(renameKey(doc, ['spec', 'strategy'], 'updateStrategy'))) return undefined;
  if (!strategy || typeof strategy !== 'object' || Array.isArray(strategy)) return edits;
  const s = strategy as Record<string, unknown>;
  if (s.type === 'Recreate' && !add(setScalar(doc, ['spec', 'strategy', 'type'], 'RollingUpdate'))) return undefined;
  const ru = s.rollingUpdate;
  if (!ru || typeof ru !== 'object' || Array.isArray(ru)) return edits;
  const r = ru as Record<string, unknown>;
  const drop = new Set<string>();
  if (target === 'StatefulSet') {
    drop.add('maxSurge');
    if (isZero(r.maxUnavailable)) drop.add('maxUnavailable');
  } else if ('maxSurge' in r && !isZero(r.maxSurge) && !isZero(r.maxUnavailable)) {
    // A DaemonSet surges or removes first, never both (maxUnavailable defaults to 1).
    drop.add('maxSurge');
  }
  const keys = Object.keys(r);
  if (keys.length > 0 && keys.every((k) => drop.has(k))) {
    // Nothing of rollingUpdate carries over; with nothing else in the strategy, drop it whole.
    if (Object.keys(s).every((k) => k === 'rollingUpdate')) return removePair(doc, ['spec', 'strategy']);
    return add(removePair(doc, ['spec', 'strategy', 'rollingUpdate'])) ? edits : undefined;
  }
  for (const k of keys) if (drop.has(k) && !add(removePair(doc, ['spec', 'strategy', 'rollingUpdate', k]))) return undefined;
  return edits;
}
