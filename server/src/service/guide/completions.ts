// Values the guide suggests for a field: cron presets and descriptors for `schedule`, the three
// concurrency policies, and IANA zones for `timeZone`.
import { describeCron, timeZoneNames } from '../cron/index';
import { CONCURRENCY_POLICIES, CRON_MACRO_PRESETS, CRON_PRESETS, type CronPreset } from './cronjob';
import { renderCronDiagram } from './render';

export interface GuideValueCompletion {
  /** what the list shows (the value itself, unquoted) */
  label: string;
  /** the text to insert when it differs from label (cron values come quoted: `*` and `@` cannot start a plain YAML scalar) */
  insertText?: string;
  detail: string;
  /** markdown */
  documentation: string;
  sortText?: string;
}

function presetItem(p: CronPreset, order: number): GuideValueCompletion {
  return {
    label: p.schedule,
    insertText: `"${p.schedule}"`,
    detail: p.meaning,
    documentation: `**\`${p.schedule}\`** — ${describeCron(p.schedule)}\n\nFrom the guide: ${p.source}.\n\n${renderCronDiagram()}`,
    sortText: String(order).padStart(3, '0'),
  };
}

let zoneCache: { hour: number; items: GuideValueCompletion[] } | undefined;

function zoneItems(): GuideValueCompletion[] {
  const hour = Math.floor(Date.now() / 3_600_000);
  if (zoneCache?.hour === hour) return zoneCache.items;
  const now = new Date();
  const items = timeZoneNames().map((zone) => {
    let offset = '';
    try {
      offset =
        new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
          .formatToParts(now)
          .find((p) => p.type === 'timeZoneName')?.value ?? '';
    } catch {
      offset = '';
    }
    const isUtc = zone === 'UTC' || zone === 'Etc/UTC';
    return {
      label: zone,
      detail: offset ? `IANA time zone, now ${offset}` : 'IANA time zone',
      documentation: `The schedule's times are read in \`${zone}\`, daylight saving included.`,
      // UTC first, then the rest alphabetically
      sortText: isUtc ? `0${zone}` : `1${zone}`,
    };
  });
  zoneCache = { hour, items };
  return items;
}

/** Values the guide suggests for the field at `path` (empty where it has none). */
export function guideValueCompletions(
  kind: string,
  path: readonly (string | number)[],
  _object: Record<string, unknown>,
): GuideValueCompletion[] {
  if (kind !== 'CronJob' || path.length !== 2 || path[0] !== 'spec') return [];
  switch (path[1]) {
    case 'schedule':
      return [...CRON_PRESETS, ...CRON_MACRO_PRESETS].map(presetItem);
    case 'concurrencyPolicy':
      return CONCURRENCY_POLICIES.map((p, i) => ({
        label: p.policy,
        detail: p.effect,
        documentation: `**${p.policy}** — ${p.effect}.\n\nUse it for ${p.when}.`,
        // Forbid first: the guide's choice for scheduled batch work
        sortText: p.policy === 'Forbid' ? '0' : String(i + 1),
      }));
    case 'timeZone':
      return zoneItems().map((i) => ({ ...i }));
  }
  return [];
}
