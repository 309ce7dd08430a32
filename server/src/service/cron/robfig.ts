// The next activation time exactly as the CronJob controller computes it: a port of robfig/cron
// v3's SpecSchedule.Next (the controller calls it to decide when to create the next Job), over
// an emulation of the few Go time operations it uses in a named IANA zone. Daylight-saving days
// therefore behave as they do in Kubernetes: a time inside the skipped spring-forward hour does
// not fire that day, and a time inside the repeated fall-back hour fires twice — where general
// cron libraries (cron-parser included) make other choices.
import type { ParsedCron } from './parse';
import { isUtcZone } from './timezone';

type Fields = Extract<ParsedCron, { kind: 'fields' }>['fields'];

/** Bit sets as robfig keeps them (bit n set when value n matches), plus the star flags. */
interface Spec {
  readonly minute: bigint;
  readonly hour: number;
  readonly dom: number;
  readonly month: number;
  readonly dow: number;
  readonly domStar: boolean;
  readonly dowStar: boolean;
}

function bits(values: readonly number[]): number {
  let b = 0;
  for (const v of values) b |= 1 << v;
  return b >>> 0;
}
function bigBits(values: readonly number[]): bigint {
  let b = 0n;
  for (const v of values) b |= 1n << BigInt(v);
  return b;
}

function toSpec(fields: Fields): Spec {
  const [minute, hour, dom, month, dow] = fields;
  return {
    minute: bigBits(minute.values),
    hour: bits(hour.values),
    dom: bits(dom.values),
    month: bits(month.values),
    dow: bits(dow.values),
    domStar: dom.star,
    dowStar: dow.star,
  };
}

// ---------------------------------------------------------------- Go time in a zone

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

// Offsets change only at DST and rule transitions, which since the 1970s fall on quarter hours in
// UTC; caching per quarter hour keeps the minute-by-minute search cheap.
const QUARTER_HOUR = 15 * 60 * 1000;
const offsetCache = new Map<string, number>();

/** The zone's UTC offset at an instant, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  const key = `${zone}@${Math.floor(ms / QUARTER_HOUR)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffset(ms, zone);
  if (offsetCache.size > 20_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(ms: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  let year = n('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const asUtc = Date.UTC(year, n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Wall-clock fields of an instant in the zone (month 1-12, weekday 0 = Sunday). */
interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}
function wall(ms: number, zone: string): Wall {
  const d = new Date(ms + offsetAt(ms, zone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * Go's time.Date(year, month, day, hour, min, sec, 0, loc): out-of-range fields normalise
 * (Date.UTC does the same), then the wall time is placed in the zone the way Go does it —
 * including its choice for wall times that a DST change skips or repeats.
 */
function goDate(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  let offset = offsetAt(local, zone);
  const utc = local - offset;
  const atUtc = offsetAt(utc, zone);
  if (atUtc !== offset) offset = atUtc;
  return local - offset;
}

// ---------------------------------------------------------------- SpecSchedule.Next

function dayMatches(s: Spec, w: Wall): boolean {
  const domMatch = (s.dom & (1 << w.day)) !== 0;
  const dowMatch = (s.dow & (1 << w.weekday)) !== 0;
  if (s.domStar || s.dowStar) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The first activation strictly after `fromMs` (robfig: "greater than the given time"), or undefined within five years. */
export function robfigNext(fields: Fields, zone: string, fromMs: number): number | undefined {
  const s = toSpec(fields);
  // Start at the earliest possible time (the upcoming second).
  let t = Math.floor(fromMs / SECOND) * SECOND + SECOND;
  let added = false;
  const yearLimit = wall(t, zone).year + 5;

  for (let guard = 0; guard < 100_000; guard++) {
    let w = wall(t, zone);
    if (w.year > yearLimit) return undefined;
    let wrapped = false;

    // month
    while ((s.month & (1 << w.month)) === 0) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, 1, 0, 0, 0, zone);
        w = wall(t, zone);
      }
      t = goDate(w.year, w.month + 1, w.day, w.hour, w.minute, w.second, zone); // AddDate(0, 1, 0)
      w = wall(t, zone);
      if (w.month === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;

    // day (with robfig's correction when midnight does not exist)
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, w.day, 0, 0, 0, zone);
        w = wall(t, zone);
      }
      t = goDate(w.year, w.month, w.day + 1, w.hour, w.minute, w.second, zone); // AddDate(0, 0, 1)
      w = wall(t, zone);
      if (w.hour !== 0) {
        t += w.hour > 12 ? (24 - w.hour) * HOUR : -w.hour * HOUR;
        w = wall(t, zone);
      }
      if (w.day === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;

    // hour
    while ((s.hour & (1 << w.hour)) === 0) {
      if (!added) {
        added = true;
        t = goDate(w.year, w.month, w.day, w.hour, 0, 0, zone);
      }
      t += HOUR;
      w = wall(t, zone);
      if (w.hour === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;

    // minute
    while ((s.minute & (1n << BigInt(w.minute))) === 0n) {
      if (!added) {
        added = true;
        t = Math.floor(t / MINUTE) * MINUTE; // Truncate(time.Minute)
      }
      t += MINUTE;
      w = wall(t, zone);
      if (w.minute === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;

    // second: the standard parser fixes it at 0
    while (w.second !== 0) {
      if (!added) {
        added = true;
        t = Math.floor(t / SECOND) * SECOND;
      }
      t += SECOND;
      w = wall(t, zone);
      if (w.second === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;

    return t;
  }
  return undefined;
}
