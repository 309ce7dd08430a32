import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCronSchedule } from '../../../server/src/service/cron/index';
import { guideValueCompletions } from '../../../server/src/service/guide/index';
import { backup } from './fixtures';

describe('guideValueCompletions', () => {
  test('schedule: the guide presets with their meaning, then the @ macros', () => {
    const items = guideValueCompletions('CronJob', ['spec', 'schedule'], backup);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    const expected: [string, string][] = [
      ['*/15 * * * *', 'Every 15 minutes'],
      ['0 * * * *', 'Every hour, on the hour'],
      ['0 2 * * *', 'Every day at 02:00'],
      ['0 0 * * 0', 'Every Sunday at midnight'],
      ['0 9 1 * *', 'The first of every month at 09:00'],
      ['@hourly', 'Every hour, on the hour (0 * * * *)'],
      ['@daily', 'Every day at midnight (0 0 * * *)'],
      ['@weekly', 'Every Sunday at midnight (0 0 * * 0)'],
      ['@monthly', 'The first of every month at midnight (0 0 1 * *)'],
      ['@yearly', 'Every January 1st at midnight (0 0 1 1 *)'],
      ['@annually', 'Every January 1st at midnight, same as @yearly (0 0 1 1 *)'],
      ['@midnight', 'Every day at midnight, same as @daily (0 0 * * *)'],
    ];
    for (const [label, detail] of expected) {
      const item = byLabel.get(label);
      assert.ok(item, label);
      assert.equal(item.detail, detail);
      // `*` and `@` cannot start a plain YAML scalar: the value is inserted quoted
      assert.equal(item.insertText, `"${label}"`);
      assert.ok(parseCronSchedule(label).ok, `${label} must be a schedule Kubernetes accepts`);
    }
    assert.ok(byLabel.get('0 2 * * *')!.documentation.includes('At 02:00 every day'));
    // presets sort before macros, in the guide's order
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(sorted[0], '*/15 * * * *');
    assert.ok(sorted.indexOf('0 9 1 * *') < sorted.indexOf('@hourly'));
  });

  test('concurrencyPolicy: the three policies with one-liners, Forbid first', () => {
    const items = guideValueCompletions('CronJob', ['spec', 'concurrencyPolicy'], backup);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['Allow', 'Starts a new Job even while the previous one is still running (the default)'],
        ['Forbid', 'Skips the new run while the previous Job is still running'],
        ['Replace', 'Cancels the running Job and starts the new one in its place'],
      ],
    );
    const first = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
    assert.equal(first.label, 'Forbid');
  });

  test('timeZone: IANA zones with their offset, UTC first', () => {
    const items = guideValueCompletions('CronJob', ['spec', 'timeZone'], backup);
    assert.ok(items.length > 400);
    const labels = new Set(items.map((i) => i.label));
    for (const z of ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo']) assert.ok(labels.has(z), z);
    const first = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
    assert.match(first.label, /UTC$/);
    assert.match(items.find((i) => i.label === 'Asia/Tokyo')!.detail, /GMT\+9/);
  });

  const empty: [string, (string | number)[]][] = [
    ['Job', ['spec', 'schedule']],
    ['CronJob', ['spec', 'jobTemplate']],
    ['CronJob', ['metadata', 'name']],
    ['Deployment', ['spec', 'replicas']],
  ];
  for (const [kind, path] of empty)
    test(`nothing for ${kind} ${path.join('.')}`, () => assert.deepEqual(guideValueCompletions(kind, path, {}), []));
});
