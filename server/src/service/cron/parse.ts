// CronJob schedules as Kubernetes reads them. The API server validates `spec.schedule` with
// robfig/cron v3's standard parser (`cron.ParseStandard`), so this module accepts exactly that
// grammar and nothing more:
//   - five whitespace-separated fields: minute hour day-of-month month day-of-week;
//   - each field a comma list of `*`, `?`, `N`, `N-M`, any of those with `/step` (`N/step` means N-max/step);
//   - month names JAN-DEC and weekday names SUN-SAT, case-insensitive, three letters only;
//   - the descriptors @yearly @annually @monthly @weekly @daily @midnight @hourly (exact, lower case)
//     and `@every <Go duration>` (robfig accepts it and so does the API server);
//   - an optional `TZ=<zone> ` / `CRON_TZ=<zone> ` prefix, which robfig understands but the API
//     server rejects in `schedule` since spec.timeZone exists: it is reported separately.
// Not accepted (cron-parser and other crons would take them): a seconds or year field (6/7 fields),
// `L`, `W`, `#`, `H`, 7 for Sunday, @reboot/@minutely/@weekdays and other descriptors.
import { entryOf } from '../text/tables';

export type CronFieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

export interface CronFieldSpec {
  readonly name: CronFieldName;
  readonly min: number;
  readonly max: number;
  /** lower-case names accepted in place of numbers */
  readonly names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const DAY_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The five fields in order, with the bounds robfig/cron enforces. */
export const CRON_FIELDS: readonly CronFieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 0, max: 6, names: DAY_NAMES },
];

/** The descriptors and the five-field schedule each one stands for. */
export const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** One parsed field: the values it matches, and whether it was written as `*`/`?` (robfig's "star" bit). */
export interface ParsedCronField {
  readonly name: CronFieldName;
  readonly text: string;
  /** sorted, unique */
  readonly values: readonly number[];
  /** `*` or `?` (optionally with step 1). Decides how day-of-month and day-of-week combine. */
  readonly star: boolean;
}

export type ParsedCron =
  | {
      readonly ok: true;
      readonly kind: 'fields';
      /** the schedule without a TZ=/CRON_TZ= prefix */
      readonly schedule: string;
      /** zone from a TZ=/CRON_TZ= prefix (the API server rejects it: it belongs in spec.timeZone) */
      readonly timeZonePrefix?: string;
      readonly fields: readonly [ParsedCronField, ParsedCronField, ParsedCronField, ParsedCronField, ParsedCronField];
      /** set when the schedule was a descriptor such as @daily */
      readonly macro?: string;
    }
  | {
      readonly ok: true;
      readonly kind: 'every';
      readonly schedule: string;
      readonly timeZonePrefix?: string;
      /** interval of `@every <duration>`, in milliseconds (at least one second, whole seconds, as robfig rounds it) */
      readonly everyMs: number;
      readonly macro: string;
    };

export interface CronError {
  readonly ok: false;
  /** the field at fault, when one is */
  readonly field?: CronFieldName;
  readonly message: string;
}

export type CronParseResult = ParsedCron | CronError;

const TZ_PREFIX = /^(CRON_TZ|TZ)=(\S*)(?:\s+|$)/;

/**
 * Splits a `TZ=<zone> ` or `CRON_TZ=<zone> ` prefix off a schedule (as robfig/cron reads it).
 * `zone` is undefined when there is no prefix.
 */
export function splitTimeZonePrefix(text: string): { zone?: string; schedule: string } {
  const m = TZ_PREFIX.exec(text);
  if (!m) return { schedule: text };
  return { zone: m[2], schedule: text.slice(m[0].length).trim() };
}

function fail(message: string, field?: CronFieldName): CronError {
  return field ? { ok: false, field, message: `${field}: ${message}` } : { ok: false, message };
}

// strconv.Atoi: optional sign, decimal digits.
const INT = /^[+-]?\d+$/;

function parseNumber(expr: string, spec: CronFieldSpec): number | CronError {
  if (spec.names) {
    const named = spec.names[expr.toLowerCase()];
    if (named !== undefined) return named;
  }
  if (!INT.test(expr)) {
    if (expr === '') return fail(`a value is missing`, spec.name);
    if (/^L$|W$|^LW$|#/i.test(expr) || /^\d+[LW]$/i.test(expr))
      return fail(`"${expr}" uses a cron extension (L, W or #) that Kubernetes does not accept`, spec.name);
    if (expr.toUpperCase() === 'H') return fail(`"H" (hashed value) is not accepted by Kubernetes`, spec.name);
    const hint = spec.names
      ? ` (numbers ${spec.min}-${spec.max} or names ${Object.keys(spec.names)[0].toUpperCase()}-${Object.keys(spec.names).at(-1)!.toUpperCase()})`
      : ` (numbers ${spec.min}-${spec.max})`;
    return fail(`"${expr}" is not a number${hint}`, spec.name);
  }
  const n = Number(expr);
  if (n < 0) return fail(`negative number ${n} is not allowed`, spec.name);
  return n;
}

function outOfRange(n: number, spec: CronFieldSpec): CronError {
  let hint = '';
  if (spec.name === 'day-of-week' && n === 7) hint = ' (Sunday is 0; 7 is not accepted)';
  return fail(`${n} is out of range ${spec.min}-${spec.max}${hint}`, spec.name);
}

/** One comma-separated part of a field: `*`, `?`, `N`, `N-M`, with an optional `/step`. */
function parseRange(expr: string, spec: CronFieldSpec): { values: number[]; star: boolean } | CronError {
  const rangeAndStep = expr.split('/');
  if (rangeAndStep.length > 2) return fail(`too many slashes in "${expr}"`, spec.name);
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // robfig ignores anything after "*-" here; such text is odd but accepted, as the API server accepts it.
    start = spec.min;
    end = spec.max;
    star = true;
  } else {
    if (lowAndHigh.length > 2) return fail(`too many hyphens in "${expr}"`, spec.name);
    const a = parseNumber(lowAndHigh[0], spec);
    if (typeof a !== 'number') return a;
    start = a;
    end = a;
    if (lowAndHigh.length === 2) {
      const b = parseNumber(lowAndHigh[1], spec);
      if (typeof b !== 'number') return b;
      end = b;
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = rangeAndStep[1];
    if (!INT.test(s)) return fail(`step "${s}" in "${expr}" is not a number`, spec.name);
    step = Number(s);
    if (step < 0) return fail(`negative step ${step} is not allowed`, spec.name);
    if (single) end = spec.max; // "N/step" means N-max/step
    if (step > 1) star = false;
  }
  if (start < spec.min) return outOfRange(start, spec);
  if (end > spec.max) return outOfRange(end, spec);
  if (start > end) return fail(`range ${expr} starts after it ends (${start} > ${end})`, spec.name);
  if (step === 0) return fail(`step of "${expr}" must be a positive number`, spec.name);
  const values: number[] = [];
  for (let i = start; i <= end; i += step) values.push(i);
  return { values, star };
}

function parseField(text: string, spec: CronFieldSpec): ParsedCronField | CronError {
  const set = new Set<number>();
  let star = false;
  const parts = text.split(',').filter((p) => p !== ''); // strings.FieldsFunc drops empty parts
  if (parts.length === 0) return fail('a value is missing', spec.name);
  for (const part of parts) {
    const r = parseRange(part, spec);
    if ('ok' in r) return r;
    for (const v of r.values) set.add(v);
    if (r.star) star = true;
  }
  return { name: spec.name, text, values: [...set].sort((a, b) => a - b), star };
}

// Go's time.ParseDuration: a sequence of decimal numbers with a unit, optional sign; "0" alone.
// Micro is written U+00B5 or U+03BC, escaped here: a character above U+00FF anywhere in a
// bundle makes V8 keep its whole source as a two-byte string (twice the memory).
const GO_DURATION = /^[+-]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, '\u00b5s': 1e-3, '\u03bcs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration into milliseconds, or undefined when Go would reject it. */
export function parseGoDuration(text: string): number | undefined {
  if (!GO_DURATION.test(text)) return undefined;
  const sign = text.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/g))
    total += Number(m[1]) * UNIT_MS[m[2]];
  return sign * total;
}

/**
 * Parses a CronJob schedule as the Kubernetes API server does. Errors name the field at fault
 * ("hour: 24 is out of range 0-23").
 */
export function parseCronSchedule(text: string): CronParseResult {
  if (typeof text !== 'string' || text.length === 0) return fail('the schedule is empty');
  let spec = text;
  let timeZonePrefix: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const split = splitTimeZonePrefix(spec);
    timeZonePrefix = split.zone;
    if (!/\s/.test(spec)) return fail(`"${text}" has a ${spec.startsWith('TZ=') ? 'TZ' : 'CRON_TZ'}= prefix but no schedule after it`);
    spec = split.schedule;
  }
  if (spec.startsWith('@')) {
    const macro = entryOf(CRON_MACROS, spec);
    if (macro) {
      const r = parseCronSchedule(macro);
      if (!r.ok || r.kind !== 'fields') throw new Error(`bad macro table entry ${spec}`);
      return { ...r, schedule: spec, timeZonePrefix, macro: spec };
    }
    if (spec.startsWith('@every ')) {
      const d = parseGoDuration(spec.slice('@every '.length));
      if (d === undefined) return fail(`"${spec.slice('@every '.length)}" is not a duration (write e.g. @every 1h30m)`);
      // robfig: under a second becomes one second; otherwise truncated to whole seconds.
      const everyMs = d < 1000 ? 1000 : Math.floor(d / 1000) * 1000;
      return { ok: true, kind: 'every', schedule: spec, timeZonePrefix, everyMs, macro: spec };
    }
    const lower = spec.toLowerCase();
    const hint = entryOf(CRON_MACROS, lower) ? ` (write ${lower}: descriptors are lower case)` : '';
    return fail(
      `unknown descriptor "${spec}"${hint}; Kubernetes accepts @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>`,
    );
  }
  const parts = spec.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5) {
    let hint = '';
    if (parts.length === 6) hint = ' — Kubernetes has no seconds field (and no year field): use minute hour day-of-month month day-of-week';
    else if (parts.length === 7) hint = ' — seconds and year fields are not accepted by Kubernetes';
    else if (parts.length < 5) hint = ' (minute hour day-of-month month day-of-week)';
    return fail(`expected exactly 5 fields, found ${parts.length}${hint}`);
  }
  const fields: ParsedCronField[] = [];
  for (let i = 0; i < 5; i++) {
    const f = parseField(parts[i], CRON_FIELDS[i]);
    if ('ok' in f) return f;
    fields.push(f);
  }
  return {
    ok: true,
    kind: 'fields',
    schedule: spec,
    timeZonePrefix,
    fields: fields as unknown as readonly [ParsedCronField, ParsedCronField, ParsedCronField, ParsedCronField, ParsedCronField],
  };
}
