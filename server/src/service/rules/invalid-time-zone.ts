// invalid-time-zone: a CronJob timeZone that is not an IANA zone, or a TZ=/CRON_TZ= prefix inside
// the schedule (the API server rejects it there: the zone belongs in spec.timeZone).
import { Scalar, isScalar } from 'yaml';
import { isValidTimeZone, splitTimeZonePrefix, suggestTimeZone, timeZoneNames } from '../cron/index';
import { replaceValue } from '../manifest/edit';
import { findNode, getAt, rangeOfValue } from '../manifest/navigate';
import type { ManifestDocument } from '../manifest/types';
import { keepsYamlValid } from '../refactors/text';
import type { DocEdit, Fix, Rule } from './types';
import { editDistance } from '../text/distance';

/** The accepted zone a wrongly written name most likely meant, when one is close enough. */
export function closestTimeZone(name: string): string | undefined {
  const direct = suggestTimeZone(name);
  if (direct) return direct;
  const trimmed = name.trim();
  if (trimmed.length < 3) return undefined;
  // Close = at most 3 edits and under a third of the name: "Europe/Berln", "America/New_Yrok".
  const limit = Math.min(3, Math.floor(trimmed.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const zone of timeZoneNames()) {
    if (Math.abs(zone.length - trimmed.length) > limit) continue;
    const d = editDistance(trimmed, zone);
    if (d < bestDistance) [best, bestDistance] = [zone, d];
  }
  return best;
}

/** A zone name written as a plain YAML scalar when it can be, quoted otherwise. */
function zoneText(zone: string): string {
  return /^[A-Za-z][A-Za-z0-9_+\-/.]*$/.test(zone) ? zone : JSON.stringify(zone);
}

/** Replaces the characters of a scalar's value, keeping its quotes. */
function replaceScalarContent(doc: ManifestDocument, node: Scalar, text: string): DocEdit | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    const q = doc.text[start];
    if (doc.text[end - 1] !== q || /["'\\]/.test(text)) return undefined;
    return { start: start + 1, end: end - 1, newText: text };
  }
  if (node.type === Scalar.PLAIN) return { start, end, newText: zoneText(text) };
  return undefined;
}

/** Characters a plain scalar may not start with. */
const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** Edits that delete the `TZ=zone ` prefix from the schedule scalar, and the range of the prefix. */
function removePrefix(doc: ManifestDocument, node: Scalar, rest: string): { edit: DocEdit; flag: [number, number] } | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  if (!quoted && node.type !== Scalar.PLAIN) return undefined;
  const inner = quoted ? start + 1 : start;
  const m = /^(?:CRON_TZ|TZ)=[^\s"'\\]*/.exec(doc.text.slice(inner, end));
  const ws = m && /^[ \t]+/.exec(doc.text.slice(inner + m[0].length, end));
  if (!m || !ws) return undefined;
  const flag: [number, number] = [inner, inner + m[0].length];
  if (!quoted && PLAIN_UNSAFE_START.test(rest)) return { edit: { start, end, newText: JSON.stringify(rest) }, flag };
  return { edit: { start: inner, end: inner + m[0].length + ws[0].length, newText: '' }, flag };
}

export const invalidTimeZone: Rule = {
  meta: {
    id: 'invalid-time-zone',
    name: 'Invalid CronJob time zone',
    severity: 'error',
    kinds: ['CronJob'],
    description: 'spec.timeZone is not an IANA time zone name, or the schedule starts with TZ=/CRON_TZ= instead of using spec.timeZone.',
    rationale:
      'The API server accepts only IANA zone names from the tz database ("Europe/Berlin", "America/New_York", "UTC") in spec.timeZone, and rejects a TZ= or CRON_TZ= prefix inside the schedule: since spec.timeZone exists, that is the one place a CronJob\'s zone is set. Without a zone, the schedule runs in the time zone of the kube-controller-manager.',
    guideSection: 'CronJob — Cron Syntax',
    fixable: true,
    onPatch: 'check',
    messages: {
      unknownZone:
        'timeZone "{{zone}}" is not an IANA time zone name.{{suggestion}} Use a tz database name such as "Europe/Berlin", "America/New_York" or "UTC".',
      prefixInSchedule:
        '"{{prefix}}" inside the schedule is rejected by the API server: set the time zone in spec.timeZone ({{zone}}) and keep only the five cron fields in schedule.',
    },
    example: {
      invalid: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "CRON_TZ=Europe/Berlin 0 9 * * 1"\n',
      fixed: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 9 * * 1"\n  timeZone: Europe/Berlin\n',
    },
  },
  check(ctx) {
    const spec = getAt(ctx.value, ['spec']);
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const { schedule, timeZone } = spec as Record<string, unknown>;

    if (typeof timeZone === 'string' && !isValidTimeZone(timeZone)) {
      const node = findNode(ctx.doc, ['spec', 'timeZone']);
      const [start, end] = rangeOfValue(ctx.doc, ['spec', 'timeZone']);
      const suggestion = closestTimeZone(timeZone);
      const fixes: Fix[] = [];
      if (suggestion && isScalar(node)) {
        const edit = replaceScalarContent(ctx.doc, node, suggestion);
        if (edit) fixes.push({ title: `Change time zone to ${suggestion}`, edits: [edit], isPreferred: true });
      }
      ctx.report({
        start,
        end,
        messageId: 'unknownZone',
        data: { zone: timeZone, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' },
        fixes,
      });
    }

    if (typeof schedule === 'string') {
      const split = splitTimeZonePrefix(schedule);
      if (split.zone === undefined) return;
      const node = findNode(ctx.doc, ['spec', 'schedule']);
      const prefix = /^\S*/.exec(schedule)?.[0] ?? '';
      const removal = isScalar(node) && split.schedule !== '' ? removePrefix(ctx.doc, node, split.schedule) : undefined;
      const [start, end] = removal?.flag ?? rangeOfValue(ctx.doc, ['spec', 'schedule']);
      const fixes: Fix[] = [];
      if (removal) {
        const zone = split.zone;
        if (typeof timeZone === 'string' && timeZone !== '') {
          fixes.push({
            title: `Remove ${prefix} from the schedule (timeZone is ${timeZone})`,
            edits: [removal.edit],
            isPreferred: timeZone === zone,
            safe: timeZone === zone,
          });
          if (zone !== '' && timeZone !== zone) {
            const set = replaceValue(ctx.doc, ['spec', 'timeZone'], zoneText(zone));
            if (set) fixes.push({ title: `Move ${prefix} to spec.timeZone (replacing ${timeZone})`, edits: [removal.edit, ...set] });
          }
        } else if (zone === '') {
          fixes.push({ title: `Remove ${prefix} from the schedule`, edits: [removal.edit], isPreferred: true, safe: true });
        } else {
          const set = replaceValue(ctx.doc, ['spec', 'timeZone'], zoneText(zone));
          if (set) fixes.push({ title: `Move ${prefix} to spec.timeZone`, edits: [removal.edit, ...set], isPreferred: true, safe: true });
        }
      }
      ctx.report({
        start,
        end,
        messageId: 'prefixInSchedule',
        data: { prefix, zone: split.zone || 'empty' },
        fixes: fixes.filter((f) => keepsYamlValid(ctx.doc, f.edits)),
      });
    }
  },
};
