// The wizard's steps come from the guide's decision tree: questions in the guide's order, each
// answer explained with examples, and a result step that names the kind, the path and the patterns.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DECISION_QUESTIONS } from '../../../server/src/service/guide/decisionTree';
import { WORKLOAD_KINDS } from '../../../server/src/service/guide/types';
import { maxQuestionsFrom, questionPick, resultPick, WIZARD_ROOT } from '../../../server/src/service/wizard/index';

describe('wizard steps', () => {
  it("asks the guide's questions in order: completion → schedule, or identity → every node", () => {
    const root = questionPick(WIZARD_ROOT);
    assert.equal(root.title, 'Is this a batch task that runs to completion?');
    const [yes, no] = root.items;
    assert.ok('question' in yes.next && 'question' in no.next);
    assert.equal(questionPick(yes.next.question).title, 'Does it run on a schedule?');
    const identity = questionPick(no.next.question);
    assert.equal(identity.title, 'Does it need a stable network identity?');
    const everyNode = identity.items.find((i) => i.answer === 'no')!.next;
    assert.ok('question' in everyNode);
    assert.equal(questionPick(everyNode.question).title, 'Must it run on every node?');
  });
  it('explains every answer with examples from the guide', () => {
    for (const id of Object.keys(DECISION_QUESTIONS) as (keyof typeof DECISION_QUESTIONS)[]) {
      for (const item of questionPick(id).items) {
        assert.match(item.detail, /Examples: .+\./);
        assert.ok(item.label.length > 0);
      }
    }
  });
  it('counts at most three questions (the step totals in titles)', () => {
    assert.equal(maxQuestionsFrom(WIZARD_ROOT), 3);
  });
  it('the result step names the kind and the path, and offers the guide’s patterns for it', () => {
    const expectedPatterns: Record<string, string[]> = {
      Deployment: [],
      StatefulSet: ['vector-database', 'llm-inference-cache'],
      DaemonSet: [],
      Job: ['model-migration', 'document-ingestion'],
      CronJob: ['embedding-refresh'],
    };
    for (const kind of WORKLOAD_KINDS) {
      const r = resultPick(kind);
      assert.match(r.placeholder, new RegExp(`^${kind} — because .+\\?`));
      assert.equal(r.items[0].pattern, undefined, 'from scratch first');
      assert.deepEqual(
        r.items.slice(1).map((i) => i.pattern),
        expectedPatterns[kind],
      );
      for (const item of r.items) assert.ok(item.detail && item.detail.length > 10);
    }
    assert.equal(resultPick('StatefulSet').path, 'runs to completion? no → stable network identity? yes');
  });
});
