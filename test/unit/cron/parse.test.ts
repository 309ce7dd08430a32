import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCronSchedule, parseGoDuration, splitTimeZonePrefix } from '../../../server/src/service/cron/index';

// What robfig/cron's ParseStandard (the API server's validator) accepts, and the values each field matches.
const valid: [schedule: string, fields?: (number[] | '*')[]][] = [
  ['0 3 * * *', [[0], [3], '*', '*', '*']],
  ['*/15 * * * *', [[0, 15, 30, 45], '*', '*', '*', '*']],
  ['0 * * * *'],
  ['0 0 * * 0', [[0], [0], '*', '*', [0]]],
  ['0 9 1 * *', [[0], [9], [1], '*', '*']],
  ['0 2 * * *'],
  ['5/15 * * * *', [[5, 20, 35, 50], '*', '*', '*', '*']], // N/step means N-max/step
  ['1-10/3 * * * *', [[1, 4, 7, 10], '*', '*', '*', '*']],
  ['0,30 8-17 * * 1-5', [[0, 30], [8, 9, 10, 11, 12, 13, 14, 15, 16, 17], '*', '*', [1, 2, 3, 4, 5]]],
  ['0 0 1 JAN,jul *', [[0], [0], [1], [1, 7], '*']],
  ['0 0 * * MON-fri', [[0], [0], '*', '*', [1, 2, 3, 4, 5]]],
  ['0 0 * * Sun,SAT', [[0], [0], '*', '*', [0, 6]]],
  ['0 12 ? * ?', [[0], [12], '*', '*', '*']],
  ['0 12 * FEB-apr/2 *', [[0], [12], '*', [2, 4], '*']],
  ['  0   3 * * *  '], // strings.Fields tolerates extra whitespace
  ['0\t3 * * *'],
  ['59 23 31 12 6'],
  ['0 0 1,,15 * *', [[0], [0], [1, 15], '*', '*']], // empty list items are dropped
  ['*/61 * * * *', [[0], '*', '*', '*', '*']], // a step longer than the range keeps only the first value
  // robfig treats `?` as `*` in every field, and ignores what follows `*-`: the API server accepts both
  ['? * * * *', ['*', '*', '*', '*', '*']],
  ['*-5 * * * *', ['*', '*', '*', '*', '*']],
  ['+5 * * * *', [[5], '*', '*', '*', '*']], // strconv.Atoi takes a sign
  ['@yearly'],
  ['@annually'],
  ['@monthly'],
  ['@weekly'],
  ['@daily'],
  ['@midnight'],
  ['@hourly'],
  ['@every 1h30m'],
  ['@every 90s'],
];

describe('parseCronSchedule accepts what Kubernetes accepts', () => {
  for (const [schedule, fields] of valid) {
    test(JSON.stringify(schedule), () => {
      const r = parseCronSchedule(schedule);
      assert.equal(r.ok, true, r.ok ? '' : r.message);
      if (fields && r.ok && r.kind === 'fields') {
        r.fields.forEach((f, i) => {
          if (fields[i] === '*') assert.equal(f.star, true, `${f.name} should be a star`);
          else assert.deepEqual(f.values, fields[i], f.name);
        });
      }
    });
  }
});

// [schedule, field at fault (or undefined for whole-schedule errors), text the message must contain]
const invalid: [string, string | undefined, string][] = [
  ['0 24 * * *', 'hour', 'hour: 24 is out of range 0-23'],
  ['60 * * * *', 'minute', 'minute: 60 is out of range 0-59'],
  ['0 0 0 * *', 'day-of-month', 'day-of-month: 0 is out of range 1-31'],
  ['0 0 32 * *', 'day-of-month', '32 is out of range 1-31'],
  ['0 0 * 13 *', 'month', 'month: 13 is out of range 1-12'],
  ['0 0 * 0 *', 'month', 'month: 0 is out of range 1-12'],
  ['0 0 * * 7', 'day-of-week', 'Sunday is 0'],
  ['0 0 * * 1-7', 'day-of-week', '7 is out of range 0-6'],
  ['0 0 L * *', 'day-of-month', 'L, W or #'],
  ['0 0 15W * *', 'day-of-month', 'L, W or #'],
  ['0 0 * * 5L', 'day-of-week', 'L, W or #'],
  ['0 0 * * 1#2', 'day-of-week', 'L, W or #'],
  ['H * * * *', 'minute', 'hashed'],
  ['0 0 * * MONDAY', 'day-of-week', 'not a number'],
  ['0 0 * JANUARY *', 'month', 'not a number'],
  ['0 0 * * MON-', 'day-of-week', 'missing'],
  ['10-5 * * * *', 'minute', 'starts after it ends'],
  ['*/0 * * * *', 'minute', 'positive'],
  ['1-2-3 * * * *', 'minute', 'too many hyphens'],
  ['*/5/2 * * * *', 'minute', 'too many slashes'],
  ['*/x * * * *', 'minute', 'step "x"'],
  ['0 JAN * * *', 'hour', 'not a number'], // names only in their own field
  ['0 0 0 * * *', undefined, 'no seconds field'],
  ['0 0 0 * * * 2026', undefined, 'seconds and year'],
  ['* * * *', undefined, 'found 4'],
  ['', undefined, 'empty'],
  ['@reboot', undefined, 'unknown descriptor'],
  ['@minutely', undefined, 'unknown descriptor'],
  ['@weekdays', undefined, 'unknown descriptor'],
  ['@Daily', undefined, 'write @daily'],
  ['@every', undefined, 'unknown descriptor'],
  ['@every 1d', undefined, 'not a duration'],
  ['@every fortnight', undefined, 'not a duration'],
  [' @daily', undefined, 'found 1'], // robfig only treats a leading @ as a descriptor
];

describe('parseCronSchedule rejects, naming the field', () => {
  for (const [schedule, field, message] of invalid) {
    test(JSON.stringify(schedule), () => {
      const r = parseCronSchedule(schedule);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.field, field);
      assert.ok(r.message.includes(message), `"${r.message}" should contain "${message}"`);
      if (field) assert.ok(r.message.startsWith(`${field}: `), r.message);
    });
  }
});

describe('time zone prefixes', () => {
  const cases: [string, string | undefined, string][] = [
    ['TZ=Europe/Berlin 0 3 * * *', 'Europe/Berlin', '0 3 * * *'],
    ['CRON_TZ=America/New_York @daily', 'America/New_York', '@daily'],
    ['0 3 * * *', undefined, '0 3 * * *'],
    ['TZ=UTC   */5 * * * *', 'UTC', '*/5 * * * *'],
  ];
  for (const [text, zone, schedule] of cases) {
    test(text, () => {
      assert.deepEqual(splitTimeZonePrefix(text), zone === undefined ? { schedule } : { zone, schedule });
      const r = parseCronSchedule(text);
      assert.equal(r.ok, true);
      if (r.ok) {
        assert.equal(r.timeZonePrefix, zone);
        assert.equal(r.schedule, schedule);
      }
    });
  }
  test('a prefix with nothing after it is an error', () => {
    const r = parseCronSchedule('TZ=UTC');
    assert.equal(r.ok, false);
  });
});

describe('@every durations (Go syntax, rounded as robfig does)', () => {
  const cases: [string, number | undefined][] = [
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['0', 0],
    ['1d', undefined],
    ['h', undefined],
    ['', undefined],
  ];
  for (const [text, ms] of cases) test(JSON.stringify(text), () => assert.equal(parseGoDuration(text), ms));
  test('under a second becomes one second', () => {
    const r = parseCronSchedule('@every 10ms');
    assert.ok(r.ok && r.kind === 'every' && r.everyMs === 1000);
  });
  test('fractions of a second are truncated', () => {
    const r = parseCronSchedule('@every 2.7s');
    assert.ok(r.ok && r.kind === 'every' && r.everyMs === 2000);
  });
});

test('macros expand to their five-field form', () => {
  const r = parseCronSchedule('@weekly');
  assert.ok(r.ok && r.kind === 'fields');
  if (r.ok && r.kind === 'fields') {
    assert.equal(r.macro, '@weekly');
    assert.deepEqual(
      r.fields.map((f) => (f.star ? '*' : f.values.join(','))),
      ['0', '0', '*', '*', '0'],
    );
  }
});
