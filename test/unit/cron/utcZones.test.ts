// Names of UTC itself skip ICU's zone offsets when a CronJob's next runs are computed (the minute
// search asks for the offset at every quarter hour it crosses): each such name must really be
// UTC, and the runs computed without ICU must be the ones ICU gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUtcZone, nextRuns } from '../../../server/src/service/cron/index';
import { formatInZone } from '../../../server/src/service/guide/notes';

const UTC_NAMES = ['UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'Etc/Universal'];
const MORE = ['Etc/Zulu', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'UCT', 'Universal', 'Zulu', 'Greenwich'];
const INSTANTS = [
  '1970-01-01T00:00:00Z',
  '1999-12-31T23:59:00Z',
  '2026-03-29T01:30:00Z',
  '2026-10-25T00:59:00Z',
  '2038-01-19T03:14:00Z',
].map((s) => new Date(s));

describe('cron: names of UTC itself', () => {
  for (const zone of [...UTC_NAMES, ...MORE])
    it(zone, () => {
      assert.equal(isUtcZone(zone), true);
      // Africa/Abidjan has been at GMT+0 since 1912 but is not a name of UTC: ICU computes its offsets.
      for (const from of INSTANTS)
        assert.deepEqual(nextRuns('30 2 * * 0', zone, from, 3), nextRuns('30 2 * * 0', 'Africa/Abidjan', from, 3), from.toISOString());
    });

  it('next runs are written without ICU in every name of UTC, as ICU writes them', () => {
    const icu = (date: Date, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'shortOffset',
      }).formatToParts(date);
      const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
      return `${p('weekday')} ${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')} ${timeZone === 'UTC' ? 'UTC' : p('timeZoneName')}`;
    };
    for (const zone of [...UTC_NAMES, ...MORE])
      for (const date of [...INSTANTS, new Date('2026-02-28T23:05:00Z'), new Date('2024-02-29T12:00:00Z')])
        assert.equal(formatInZone(date, zone), icu(date, zone), `${zone} ${date.toISOString()}`);
    assert.equal(formatInZone(new Date('2026-03-07T03:00:00Z'), 'UTC'), 'Sat 2026-03-07 03:00 UTC');
    assert.equal(formatInZone(new Date('2026-03-07T03:00:00Z'), 'America/New_York'), 'Fri 2026-03-06 22:00 GMT-5');
  });

  it('zones that are not UTC at every instant are not among them', () => {
    for (const zone of ['Europe/London', 'Africa/Abidjan', 'Etc/GMT+1', 'Etc/GMT-14', 'Atlantic/Reykjavik', 'utc', 'Etc/utc'])
      assert.equal(isUtcZone(zone), false, zone);
  });
});
