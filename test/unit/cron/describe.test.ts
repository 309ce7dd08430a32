import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCron, isValidTimeZone, nextRuns, suggestTimeZone, timeZoneNames } from '../../../server/src/service/cron/index';

describe('describeCron', () => {
  const cases: [string, string][] = [
    ['0 3 * * *', 'At 03:00 every day'],
    ['0 2 * * *', 'At 02:00 every day'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['0 * * * *', 'Every hour'],
    ['0 0 * * 0', 'At 00:00, only on Sunday'],
    ['0 9 1 * *', 'At 09:00, on day 1 of the month'],
    ['0 3,15 * * *', 'At 03:00 and 15:00 every day'],
    ['30 4 * * 1-5', 'At 04:30, Monday through Friday'],
    ['0 0 * * mon-FRI', 'At 00:00, Monday through Friday'],
    ['@daily', 'At 00:00 every day'],
    ['@midnight', 'At 00:00 every day'],
    ['@hourly', 'Every hour'],
    ['@weekly', 'At 00:00, only on Sunday'],
    ['@every 1h30m', 'Every 1 hour 30 minutes, counted from the previous run'],
    ['*/61 * * * *', 'Every hour'], // one value: minute 0
    ['TZ=Europe/Berlin 0 3 * * *', 'At 03:00 every day (Europe/Berlin)'],
    ['0 24 * * *', 'Invalid schedule: hour: 24 is out of range 0-23'],
  ];
  for (const [schedule, words] of cases) test(schedule, () => assert.equal(describeCron(schedule), words));
});

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('nextRuns', () => {
  const now = new Date('2026-03-06T12:00:00Z'); // a Friday; US DST starts Sunday 2026-03-08
  const cases: [schedule: string, zone: string | undefined, expected: string[]][] = [
    ['0 3 * * *', undefined, ['2026-03-07T03:00:00.000Z', '2026-03-08T03:00:00.000Z', '2026-03-09T03:00:00.000Z']],
    ['0 3 * * *', 'UTC', ['2026-03-07T03:00:00.000Z', '2026-03-08T03:00:00.000Z', '2026-03-09T03:00:00.000Z']],
    // 03:00 in New York: EST (UTC-5) on Saturday, EDT (UTC-4) from Sunday
    ['0 3 * * *', 'America/New_York', ['2026-03-07T08:00:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T07:00:00.000Z']],
    ['*/15 * * * *', undefined, ['2026-03-06T12:15:00.000Z', '2026-03-06T12:30:00.000Z', '2026-03-06T12:45:00.000Z']],
    ['0 0 * * 0', undefined, ['2026-03-08T00:00:00.000Z', '2026-03-15T00:00:00.000Z', '2026-03-22T00:00:00.000Z']],
    ['0 9 1 * *', undefined, ['2026-04-01T09:00:00.000Z', '2026-05-01T09:00:00.000Z', '2026-06-01T09:00:00.000Z']],
    ['5/20 * * * *', undefined, ['2026-03-06T12:05:00.000Z', '2026-03-06T12:25:00.000Z', '2026-03-06T12:45:00.000Z']],
    // both day fields restricted: either matches (13th, or any Friday)
    ['0 0 13 * FRI', undefined, ['2026-03-13T00:00:00.000Z', '2026-03-20T00:00:00.000Z', '2026-03-27T00:00:00.000Z']],
    // `1-31` is not a star for robfig: day-of-month OR Monday = every day
    ['0 0 1-31 * MON', undefined, ['2026-03-07T00:00:00.000Z', '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z']],
    // `*` day-of-month with a weekday: only that weekday
    ['0 0 * * MON', undefined, ['2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', '2026-03-23T00:00:00.000Z']],
    ['@monthly', 'Asia/Tokyo', ['2026-03-31T15:00:00.000Z', '2026-04-30T15:00:00.000Z', '2026-05-31T15:00:00.000Z']],
    ['TZ=Europe/Berlin 0 3 * * *', undefined, ['2026-03-07T02:00:00.000Z', '2026-03-08T02:00:00.000Z', '2026-03-09T02:00:00.000Z']],
    ['@every 1h30m', undefined, ['2026-03-06T13:30:00.000Z', '2026-03-06T15:00:00.000Z', '2026-03-06T16:30:00.000Z']],
    ['0 0 30 2 *', undefined, []], // never fires
    ['0 24 * * *', undefined, []],
    ['0 3 * * *', 'Mars/Olympus_Mons', []],
  ];
  for (const [schedule, zone, expected] of cases)
    test(`${schedule} in ${zone ?? 'default'}`, () => assert.deepEqual(iso(nextRuns(schedule, zone, now, 3)), expected));

  test('leap day fires only in leap years', () => {
    assert.deepEqual(iso(nextRuns('0 0 29 2 *', 'UTC', now, 2)), ['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
  });
  test('count', () => {
    assert.equal(nextRuns('* * * * *', 'UTC', now, 10).length, 10);
    assert.deepEqual(nextRuns('* * * * *', 'UTC', now, 0), []);
  });
});

describe('isValidTimeZone', () => {
  const cases: [string, boolean][] = [
    ['UTC', true],
    ['Etc/UTC', true],
    ['Etc/GMT+5', true],
    ['Etc/GMT-14', true],
    ['America/New_York', true],
    ['Europe/Berlin', true],
    ['Asia/Kolkata', true],
    ['Asia/Calcutta', true],
    ['Europe/Kyiv', true],
    ['US/Eastern', true],
    ['EST5EDT', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Local', false],
    ['', false],
    ['utc', false],
    ['america/new_york', false],
    ['US/eastern', false],
    ['Mars/Olympus_Mons', false],
    ['Europe/Berlin ', false],
    ['+05:00', false],
    ['Europe/../Berlin', false],
    ['America/Very_Long_City_Name_Here', false], // a part over 14 characters
  ];
  for (const [zone, ok] of cases) test(JSON.stringify(zone), () => assert.equal(isValidTimeZone(zone), ok));

  test('every zone offered in completions is valid', () => {
    const names = timeZoneNames();
    assert.ok(names.length > 400);
    assert.ok(names.includes('UTC') && names.includes('America/New_York') && names.includes('Asia/Kolkata'));
    for (const n of names) assert.ok(isValidTimeZone(n), n);
  });

  test('suggestions for wrongly written zones', () => {
    assert.equal(suggestTimeZone('europe/berlin'), 'Europe/Berlin');
    assert.equal(suggestTimeZone('America/New York'), 'America/New_York');
    assert.equal(suggestTimeZone('utc'), 'UTC');
    assert.equal(suggestTimeZone('Nowhere/At_All'), undefined);
  });
});
