// Inlay hints: a CronJob's schedule in words right after the value (`"0 3 * * *"  ⟶ At 03:00 every day`).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHint, type Range } from 'vscode-languageserver-types';
import { describeCron, isValidTimeZone, nextRuns, parseCronSchedule } from './cron/index';
import { formatInZone } from './guide/notes';
import { findNode, getAt } from './manifest/navigate';
import type { ManifestFile } from './manifest/types';
import { entryOf } from './text/tables';

export interface InlayHintSettings {
  /** `k8sWorkloads.inlayHints.cronSchedule` (default true) */
  readonly inlayHints?: { readonly cronSchedule?: boolean };
}

/** Paths of cron schedules, by kind. */
const SCHEDULE_PATHS: Readonly<Record<string, readonly string[]>> = {
  CronJob: ['spec', 'schedule'],
};

/**
 * Inlay hints for the part of `file` inside `range`. `now` only affects the tooltip (next run times).
 */
export function getInlayHints(
  file: ManifestFile,
  textDocument: Pick<TextDocument, 'positionAt' | 'offsetAt'>,
  range: Range,
  settings?: InlayHintSettings,
  now: Date = new Date(),
): InlayHint[] {
  if (settings?.inlayHints?.cronSchedule === false) return [];
  if (file.isTemplate || file.skippedReason) return [];
  const from = textDocument.offsetAt(range.start);
  const to = textDocument.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const doc of file.documents) {
    // Documents outside the range are skipped before anything builds their syntax tree.
    if (doc.offset > to || doc.offset + doc.text.length < from) continue;
    const kind = doc.object?.kind;
    const path = kind ? entryOf(SCHEDULE_PATHS, kind) : undefined;
    if (!path) continue;
    const node = findNode(doc, path);
    const value = getAt(doc.value, path);
    if (!node?.range || typeof value !== 'string') continue;
    const parsed = parseCronSchedule(value);
    if (!parsed.ok) continue; // the invalid-cron-schedule diagnostic speaks for it
    const offset = doc.offset + node.range[1];
    if (offset < from || offset > to) continue;
    const tz = getAt(doc.value, ['spec', 'timeZone']);
    const zone = typeof tz === 'string' && isValidTimeZone(tz) ? tz : 'UTC';
    const runs = nextRuns(value, zone, now, 3);
    const hint = InlayHint.create(textDocument.positionAt(offset), `⟶ ${describeCron(value)}`);
    hint.paddingLeft = true;
    if (runs.length) hint.tooltip = `Next runs (${zone}): ${runs.map((d) => formatInZone(d, zone)).join(', ')}`;
    hints.push(hint);
  }
  return hints;
}
