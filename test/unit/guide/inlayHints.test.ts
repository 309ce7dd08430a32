import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getInlayHints } from '../../../server/src/service/inlayHints';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { benchWorkload } from '../../../bench/workload';

const now = new Date('2026-03-06T12:00:00Z');

function hints(text: string, settings?: Parameters<typeof getInlayHints>[3], range?: { start: number; end: number }) {
  const doc = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
  const file = parseManifest(doc.uri, text);
  const r = range
    ? { start: doc.positionAt(range.start), end: doc.positionAt(range.end) }
    : { start: doc.positionAt(0), end: doc.positionAt(text.length) };
  return getInlayHints(file, doc, r, settings, now).map((h) => ({
    offset: doc.offsetAt(h.position),
    label: h.label,
    tooltip: h.tooltip,
    paddingLeft: h.paddingLeft,
  }));
}

const cronJob = (schedule: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: ${schedule}${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: b
            image: b:1
`;

describe('getInlayHints', () => {
  const cases: [string, string, string][] = [
    ['quoted', '"0 3 * * *"', '⟶ At 03:00 every day'],
    ['single-quoted', "'*/15 * * * *'", '⟶ Every 15 minutes'],
    ['plain', '0 2 * * *', '⟶ At 02:00 every day'],
    ['macro', '"@weekly"', '⟶ At 00:00, only on Sunday'],
  ];
  for (const [title, value, label] of cases) {
    test(title, () => {
      const text = cronJob(value);
      const [h, ...rest] = hints(text);
      assert.equal(rest.length, 0);
      assert.equal(h.label, label);
      assert.equal(h.paddingLeft, true);
      // right after the value, quotes included
      assert.equal(h.offset, text.indexOf(value) + value.length);
    });
  }

  test('a comment after the value: the hint still sits right after the value', () => {
    const text = cronJob('"0 3 * * *"  # nightly');
    const [h] = hints(text);
    assert.equal(h.offset, text.indexOf('"0 3 * * *"') + '"0 3 * * *"'.length);
  });

  test('tooltip lists the next runs in spec.timeZone', () => {
    const [h] = hints(cronJob('"0 3 * * *"', '\n  timeZone: America/New_York'));
    assert.equal(
      h.tooltip,
      'Next runs (America/New_York): Sat 2026-03-07 03:00 GMT-5, Sun 2026-03-08 03:00 GMT-4, Mon 2026-03-09 03:00 GMT-4',
    );
  });

  test('no hint for an invalid schedule, a Job, or when the setting is off', () => {
    assert.deepEqual(hints(cronJob('"0 24 * * *"')), []);
    assert.deepEqual(hints(cronJob('"0 3 * * *"').replace('CronJob', 'Job')), []);
    assert.deepEqual(hints(cronJob('"0 3 * * *"'), { inlayHints: { cronSchedule: false } }), []);
    assert.equal(hints(cronJob('"0 3 * * *"'), { inlayHints: { cronSchedule: true } }).length, 1);
  });

  test('only hints inside the requested range, one per CronJob of the file', () => {
    const text = `${cronJob('"0 3 * * *"')}---\n${cronJob('"@hourly"')}`;
    assert.deepEqual(
      hints(text).map((h) => h.label),
      ['⟶ At 03:00 every day', '⟶ Every hour'],
    );
    const second = text.indexOf('---');
    assert.deepEqual(
      hints(text, undefined, { start: second, end: text.length }).map((h) => h.label),
      ['⟶ Every hour'],
    );
  });
});

describe('inlay hints on a large file', () => {
  test('only the CronJobs in the visible range get their syntax tree built', () => {
    const text = benchWorkload(40); // every eighth document is a CronJob
    const doc = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    const file = parseManifest(doc.uri, text);
    const firstCron = file.documents.find((d) => d.object?.kind === 'CronJob')!;
    const visible = { start: doc.positionAt(firstCron.offset), end: doc.positionAt(firstCron.offset + firstCron.text.length) };
    assert.equal(getInlayHints(file, doc, visible, undefined, now).length, 1);
    assert.deepEqual(
      file.documents.filter((d) => d.parsed.builtTree).map((d) => d.index),
      [firstCron.index],
    );
  });
});
