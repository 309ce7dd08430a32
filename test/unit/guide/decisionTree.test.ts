import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DECISION_QUESTIONS,
  DECISION_ROOT,
  KIND_GUIDES,
  KIND_USE_FOR,
  WORKLOAD_KINDS,
  decisionPathTo,
  renderDecisionPath,
  renderDecisionTreeText,
  walkDecisionTree,
  type WorkloadKind,
} from '../../../server/src/service/guide/index';

describe('decision paths', () => {
  const cases: [WorkloadKind, string, ('yes' | 'no')[]][] = [
    ['CronJob', 'runs to completion? yes → on a schedule? yes → CronJob', ['yes', 'yes']],
    ['Job', 'runs to completion? yes → on a schedule? no → Job', ['yes', 'no']],
    ['StatefulSet', 'runs to completion? no → stable network identity? yes → StatefulSet', ['no', 'yes']],
    ['DaemonSet', 'runs to completion? no → stable network identity? no → on every node? yes → DaemonSet', ['no', 'no', 'yes']],
    ['Deployment', 'runs to completion? no → stable network identity? no → on every node? no → Deployment', ['no', 'no', 'no']],
  ];
  for (const [kind, path, answers] of cases) {
    test(kind, () => {
      assert.equal(renderDecisionPath(kind), path);
      assert.deepEqual(
        decisionPathTo(kind).map((s) => s.answer.id),
        answers,
      );
      const end = walkDecisionTree(answers);
      assert.equal(end.done, true);
      assert.equal(end.done && end.kind, kind);
      assert.equal(end.steps.length, answers.length);
    });
  }
});

describe('walking the tree step by step (the wizard)', () => {
  test('starts at the root question', () => {
    const s = walkDecisionTree([]);
    assert.equal(s.done, false);
    assert.equal(!s.done && s.question.id, DECISION_ROOT);
    assert.equal(!s.done && s.question.question, 'Is this a batch task that runs to completion?');
  });
  test('after "no", asks about stable network identity', () => {
    const s = walkDecisionTree(['no']);
    assert.equal(!s.done && s.question.id, 'stable-identity');
  });
  test('rejects answers past an outcome', () => {
    assert.throws(() => walkDecisionTree(['yes', 'yes', 'no']), /too many answers/);
  });
  test('every answer explains itself with a detail line and examples', () => {
    for (const q of Object.values(DECISION_QUESTIONS)) {
      assert.ok(q.question.endsWith('?') && q.short.endsWith('?'), q.id);
      for (const a of q.answers) {
        assert.ok(a.label.length > 0 && a.detail.length > 0, `${q.id}/${a.id}`);
        assert.ok(a.examples.length >= 2, `${q.id}/${a.id} examples`);
      }
    }
  });
  test('each kind is reached by exactly one path', () => {
    const outcomes: string[] = [];
    for (const q of Object.values(DECISION_QUESTIONS)) for (const a of q.answers) if ('outcome' in a.next) outcomes.push(a.next.outcome);
    assert.deepEqual([...outcomes].sort(), [...WORKLOAD_KINDS].sort());
  });
  test('the text diagram has every question and outcome', () => {
    const text = renderDecisionTreeText();
    for (const q of Object.values(DECISION_QUESTIONS)) assert.ok(text.includes(q.question), q.id);
    for (const k of WORKLOAD_KINDS) assert.ok(text.includes(`→ ${k}`), k);
  });
});

describe('kinds', () => {
  test('KIND_USE_FOR has the five kinds with their one-liners', () => {
    assert.deepEqual(Object.keys(KIND_USE_FOR).sort(), [...WORKLOAD_KINDS].sort());
    assert.equal(KIND_USE_FOR.Job, 'Batch tasks that run to completion');
    assert.equal(KIND_USE_FOR.CronJob, 'Batch tasks that run on a schedule');
    assert.match(KIND_USE_FOR.StatefulSet, /stable identity/);
    assert.match(KIND_USE_FOR.DaemonSet, /every node/);
    assert.match(KIND_USE_FOR.Deployment, /Stateless/);
  });
  test('apiVersions', () => {
    assert.deepEqual(
      WORKLOAD_KINDS.map((k) => KIND_GUIDES[k].apiVersion),
      ['apps/v1', 'apps/v1', 'apps/v1', 'batch/v1', 'batch/v1'],
    );
  });
});
