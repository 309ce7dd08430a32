// A CronJob schedule in words ("At 03:00 every day") and its next run times.
// cronstrue writes the words from a normalised form of what parseCronSchedule accepted, so it
// sees Kubernetes' semantics (names resolved case-insensitively, `N/step` as N-max/step), not
// its own dialect. Next run times come from a port of the controller's own algorithm
// (robfig.ts); the tests cross-check them with cron-parser, fed the same normalised fields
// (normalisedCronFields) — a test oracle only, so it is not bundled.
import cronstrue from 'cronstrue';
import { parseCronSchedule, type ParsedCron, type ParsedCronField } from './parse';
import { robfigNext } from './robfig';
import { isValidTimeZone } from './timezone';

/** A field as a list cron-parser and cronstrue read the same way robfig/cron does. */
function normalisedField(f: ParsedCronField, spec: { min: number; max: number }): string {
  if (f.star) return '*';
  return compactList(f.values, spec);
}

/** `1,2,3,4,5` → `1-5`; keeps lists short for cronstrue's wording. */
function compactList(values: readonly number[], _spec: { min: number; max: number }): string {
  const out: string[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    if (j - i >= 2) out.push(`${values[i]}-${values[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(values[k]));
    i = j + 1;
  }
  return out.join(',');
}

const BOUNDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 6 },
];

/** Fields for cronstrue: as written where cronstrue reads them like robfig, normalised where it might not. */
function wordingFields(p: Extract<ParsedCron, { kind: 'fields' }>): string[] {
  return p.fields.map((f, i) => {
    if (f.star && !/\//.test(f.text)) return '*';
    // steps over a whole field read better as written ("*/15", "5/15"); everything else as a compact list
    if (/^(\*|\?|\d+)\/\d+$/.test(f.text) && f.values.length > 1) return f.text.replace('?', '*');
    if (f.star) return '*';
    return compactList(f.values, BOUNDS[i]);
  });
}

function humanDuration(ms: number): string {
  let s = Math.round(ms / 1000);
  const parts: string[] = [];
  const unit = (n: number, word: string) => parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d) unit(d, 'day');
  if (h) unit(h, 'hour');
  if (m) unit(m, 'minute');
  if (s) unit(s, 'second');
  return parts.join(' ');
}

/**
 * The schedule in words: "At 03:00 every day", "Every 15 minutes", "At 00:00, only on Sunday".
 * Invalid schedules give "Invalid schedule: <reason>".
 */
export function describeCron(text: string): string {
  const p = parseCronSchedule(text);
  if (!p.ok) return `Invalid schedule: ${p.message}`;
  const zone = p.timeZonePrefix ? ` (${p.timeZonePrefix})` : '';
  if (p.kind === 'every') return `Every ${humanDuration(p.everyMs)}, counted from the previous run${zone}`;
  const fields = wordingFields(p);
  let words: string;
  try {
    words = cronstrue.toString(fields.join(' '), {
      use24HourTimeFormat: true,
      dayOfWeekStartIndexZero: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    words = fields.join(' ');
  }
  const [minute, hour, dom, month, dow] = p.fields;
  const fixedTime = !minute.star && !hour.star && !/[-/]/.test(minute.text + hour.text);
  if (fixedTime && dom.star && month.star && dow.star && !/\bday\b/i.test(words)) words += ' every day';
  return words + zone;
}

/** The five fields of an accepted schedule as plain lists and ranges that other cron readers take the way robfig/cron does. */
export function normalisedCronFields(p: Extract<ParsedCron, { kind: 'fields' }>): string[] {
  return p.fields.map((f, i) => normalisedField(f, BOUNDS[i]));
}

/**
 * The next `count` run times after `from` (exclusive), in the given IANA zone (UTC when
 * undefined), computed the way the CronJob controller does (robfig/cron's Next, see robfig.ts).
 * A TZ=/CRON_TZ= prefix in the schedule is used when no zone is given, as robfig would.
 * Returns [] for invalid schedules, unknown zones and schedules that never fire (e.g. "0 0 30 2 *").
 */
export function nextRuns(text: string, timeZone: string | undefined, from: Date, count: number): Date[] {
  const p = parseCronSchedule(text);
  if (!p.ok || count <= 0) return [];
  if (p.kind === 'every') {
    // robfig: next = previous + interval; without the previous run, count from `from`.
    const base = Math.floor(from.getTime() / 1000) * 1000;
    return Array.from({ length: count }, (_, i) => new Date(base + (i + 1) * p.everyMs));
  }
  const tz = timeZone ?? p.timeZonePrefix ?? 'UTC';
  if (!isValidTimeZone(tz)) return [];
  // Dates that no month has (Feb 30, Apr 31 in April only) never fire: robfig gives up after five years.
  if (!canEverRun(p)) return [];
  const out: Date[] = [];
  let t = from.getTime();
  for (let i = 0; i < count; i++) {
    const next = robfigNext(p.fields, tz, t);
    if (next === undefined) break;
    out.push(new Date(next));
    t = next;
  }
  return out;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** False when the day-of-month and month fields can never meet (and day-of-week does not widen them). */
export function canEverRun(p: Extract<ParsedCron, { kind: 'fields' }>): boolean {
  const [, , dom, month, dow] = p.fields;
  // With both day fields restricted, robfig ORs them: any listed weekday fires.
  if (!dom.star && !dow.star) return true;
  return month.values.some((m) => dom.values.some((d) => d <= DAYS_IN_MONTH[m]));
}
