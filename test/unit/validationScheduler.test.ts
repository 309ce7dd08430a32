// The server's validation scheduler (server/src/validationScheduler.ts): runs validations in
// slices, drops a run whose document changed or that was scheduled again, publishes only a run
// that reached its end on the current version, and lets other files take turns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ValidationScheduler } from '../../server/src/validationScheduler';

/** A validation of `steps` steps whose diagnostic names the document's URI and version; logs each step. */
function fakeSteps(log: string[], steps: number) {
  return function* (document: TextDocument): Generator<void, Diagnostic[], void> {
    for (let i = 0; i < steps; i++) {
      log.push(`${document.uri}@${document.version}#${i}`);
      yield;
    }
    return [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `${document.uri}@${document.version}` },
    ];
  };
}

/** A clock that moves 1 ms per reading: a slice of `sliceMs` takes about that many steps. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

/** Resolves after the event loop has run the scheduler's pending slices (setImmediate turns). */
async function idle(scheduler: ValidationScheduler): Promise<void> {
  while (scheduler.pending.length) await new Promise((r) => setImmediate(r));
}

function setup(steps: number, sliceMs: number) {
  const log: string[] = [];
  const open = new Map<string, TextDocument>();
  const published: string[] = [];
  const failures: string[] = [];
  const scheduler = new ValidationScheduler({
    steps: fakeSteps(log, steps),
    isCurrent: (d) => open.get(d.uri)?.version === d.version,
    publish: (d, diagnostics) => published.push(String(diagnostics[0].message)),
    failed: (d, err) => failures.push(`${d.uri}: ${(err as Error).message}`),
    sliceMs,
    now: tickingClock(),
  });
  const doc = (uri: string, version: number) => {
    const d = TextDocument.create(uri, 'yaml', version, '');
    open.set(uri, d);
    return d;
  };
  return { log, published, failures, scheduler, doc, open };
}

describe('validation scheduler', () => {
  it('runs nothing until the event loop turns, then publishes the finished run', async () => {
    const s = setup(3, 100);
    s.scheduler.schedule(s.doc('a', 1));
    assert.deepEqual(s.log, [], 'scheduling does no work in the caller (the request handler that may be waiting)');
    await idle(s.scheduler);
    assert.deepEqual(s.log, ['a@1#0', 'a@1#1', 'a@1#2']);
    assert.deepEqual(s.published, ['a@1']);
  });

  it('hands the event loop back between slices', async () => {
    const s = setup(20, 4);
    s.scheduler.schedule(s.doc('a', 1));
    const seenBetween: number[] = [];
    // Each setImmediate turn of the test runs between two slices: it sees the steps done so far.
    while (s.scheduler.pending.length) {
      await new Promise((r) => setImmediate(r));
      seenBetween.push(s.log.length);
    }
    assert.ok(seenBetween.length > 3, `several slices, saw ${seenBetween.join(',')}`);
    assert.ok(
      seenBetween.every((n, i) => i === 0 || n - seenBetween[i - 1] <= 4),
      `at most a slice of steps between turns: ${seenBetween.join(',')}`,
    );
    assert.deepEqual(s.published, ['a@1']);
  });

  it('drops a run whose document changed: only the new version is published', async () => {
    const s = setup(10, 3);
    s.scheduler.schedule(s.doc('a', 1));
    await new Promise((r) => setImmediate(r));
    assert.ok(s.log.length > 0 && s.log.length < 10, 'version 1 is under way');
    s.doc('a', 2); // the editor's change; its validation is scheduled later (debounced)
    await new Promise((r) => setImmediate(r));
    const afterChange = s.log.length;
    assert.equal(s.scheduler.pending.length, 0, 'the run of version 1 is dropped at its next turn');
    s.scheduler.schedule(s.open.get('a')!);
    await idle(s.scheduler);
    assert.ok(
      s.log.slice(afterChange).every((l) => l.startsWith('a@2')),
      'no step of version 1 after the change',
    );
    assert.deepEqual(s.published, ['a@2']);
  });

  it('scheduling again restarts the run; cancel drops it', async () => {
    const s = setup(10, 3);
    s.scheduler.schedule(s.doc('a', 1));
    await new Promise((r) => setImmediate(r));
    s.scheduler.schedule(s.open.get('a')!); // new settings: the same version again, from the start
    s.scheduler.schedule(s.doc('b', 1));
    s.scheduler.cancel('b'); // closed
    await idle(s.scheduler);
    assert.deepEqual(s.published, ['a@1'], 'one publication for a, none for the closed b');
    assert.ok(!s.log.some((l) => l.startsWith('b')), 'b never started');
  });

  it('files take turns: a small file is not held up by a large one', async () => {
    const s = setup(0, 3);
    const big = fakeSteps(s.log, 30);
    const small = fakeSteps(s.log, 2);
    const scheduler = new ValidationScheduler({
      steps: (d) => (d.uri === 'big' ? big(d) : small(d)),
      isCurrent: () => true,
      publish: (d) => s.published.push(d.uri),
      failed: () => undefined,
      sliceMs: 3,
      now: tickingClock(),
    });
    scheduler.schedule(TextDocument.create('big', 'yaml', 1, ''));
    scheduler.schedule(TextDocument.create('small', 'yaml', 1, ''));
    await idle(scheduler);
    assert.deepEqual(s.published, ['small', 'big']);
  });

  it('a step that throws ends its run and is reported; other runs go on', async () => {
    const published: string[] = [];
    const failures: string[] = [];
    const scheduler = new ValidationScheduler({
      // eslint-disable-next-line require-yield
      steps: function* (d) {
        if (d.uri === 'bad') throw new Error('boom');
        return [];
      },
      isCurrent: () => true,
      publish: (d) => published.push(d.uri),
      failed: (d, err) => failures.push(`${d.uri}: ${(err as Error).message}`),
    });
    scheduler.schedule(TextDocument.create('bad', 'yaml', 1, ''));
    scheduler.schedule(TextDocument.create('good', 'yaml', 1, ''));
    await idle(scheduler);
    assert.deepEqual(failures, ['bad: boom']);
    assert.deepEqual(published, ['good']);
  });
});
