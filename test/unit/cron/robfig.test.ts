// Next run times as the CronJob controller computes them (robfig/cron's Next), checked on
// daylight-saving days and against cron-parser everywhere the two must agree.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CronExpressionParser } from 'cron-parser';
import { canEverRun, nextRuns, normalisedCronFields, parseCronSchedule } from '../../../server/src/service/cron/index';

/** The same next runs from cron-parser (its own implementation and DST choices): the independent oracle. */
function nextRunsCronParser(text: string, timeZone: string, from: Date, count: number): Date[] {
  const p = parseCronSchedule(text);
  if (!p.ok || p.kind !== 'fields' || count <= 0 || !canEverRun(p)) return [];
  const it = CronExpressionParser.parse(['0', ...normalisedCronFields(p)].join(' '), { currentDate: from, tz: timeZone });
  return Array.from({ length: count }, () => it.next().toDate());
}

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('daylight-saving days behave as in Kubernetes', () => {
  const cases: [title: string, schedule: string, zone: string, from: string, expected: string[]][] = [
    // 02:30 does not exist on 2026-03-08 in New York: robfig skips that day
    [
      'spring forward skips the missing time',
      '30 2 * * *',
      'America/New_York',
      '2026-03-07T12:00:00Z',
      ['2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z', '2026-03-11T06:30:00.000Z'],
    ],
    // 01:30 happens twice on 2026-11-01 in New York (EDT, then EST): robfig fires at both
    [
      'fall back fires twice in the repeated hour',
      '30 1 * * *',
      'America/New_York',
      '2026-10-31T12:00:00Z',
      ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ],
    [
      'hourly through fall back',
      '0 * * * *',
      'America/New_York',
      '2026-11-01T04:30:00Z',
      ['2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z', '2026-11-01T07:00:00.000Z'],
    ],
    [
      'a time outside the change is unaffected',
      '0 3 * * *',
      'Europe/London',
      '2026-03-28T12:00:00Z',
      ['2026-03-29T02:00:00.000Z', '2026-03-30T02:00:00.000Z', '2026-03-31T02:00:00.000Z'],
    ],
    // midnight did not exist in São Paulo on 2018-11-04 (00:00 → 01:00)
    [
      'a missing midnight skips the day',
      '0 0 * * *',
      'America/Sao_Paulo',
      '2018-11-03T12:00:00Z',
      ['2018-11-05T02:00:00.000Z', '2018-11-06T02:00:00.000Z', '2018-11-07T02:00:00.000Z'],
    ],
  ];
  for (const [title, schedule, zone, from, expected] of cases)
    test(title, () => assert.deepEqual(iso(nextRuns(schedule, zone, new Date(from), 3)), expected));
});

// A small seeded generator of schedules Kubernetes accepts.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function fieldText(r: () => number, min: number, max: number, names?: string[]): string {
  const pick = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const value = () => {
    const v = pick(min, max);
    return names && r() < 0.3 ? names[v - min] : String(v);
  };
  const part = () => {
    const k = r();
    if (k < 0.25) return '*';
    if (k < 0.4) return `*/${pick(1, Math.max(1, Math.floor((max - min) / 2)))}`;
    if (k < 0.6) {
      const a = pick(min, max);
      const b = pick(a, max);
      return r() < 0.5 ? `${a}-${b}` : `${a}-${b}/${pick(1, 5)}`;
    }
    if (k < 0.7) return `${pick(min, max)}/${pick(1, 10)}`;
    return value();
  };
  const n = r() < 0.8 ? 1 : 2 + Math.floor(r() * 2);
  return Array.from({ length: n }, part).join(',');
}
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

describe('agrees with cron-parser away from daylight-saving changes', () => {
  const r = rng(20261127);
  const zones = ['UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'];
  for (let i = 0; i < 150; i++) {
    const schedule = [
      fieldText(r, 0, 59),
      fieldText(r, 0, 23),
      fieldText(r, 1, 31),
      fieldText(r, 1, 12, MONTHS),
      fieldText(r, 0, 6, DAYS),
    ].join(' ');
    const zone = zones[i % zones.length];
    const from = new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 365 * 86400) * 1000);
    test(`${schedule} in ${zone} from ${from.toISOString()}`, () => {
      assert.ok(parseCronSchedule(schedule).ok);
      assert.deepEqual(iso(nextRuns(schedule, zone, from, 3)), iso(nextRunsCronParser(schedule, zone, from, 3)));
    });
  }
});
