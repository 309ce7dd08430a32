// The wizard's step machine driven by a scripted UI: the questions in the guide's order, step
// numbers in titles, Back on every step after the first, remembered values, cancellation, and
// the answers each path produces.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WORKLOAD_KINDS, type WorkloadKind } from '../../../server/src/service/guide/types';
import {
  answersWithDefaults,
  generateManifest,
  runWizard,
  type InputStep,
  type PickStep,
  type StepOutcome,
  type WizardUI,
} from '../../../server/src/service/wizard/index';

type Shown = { type: 'pick'; step: PickStep<unknown> } | { type: 'input'; step: InputStep };
/** What the scripted user does at a step. */
type Action = (shown: Shown) => StepOutcome<unknown>;

const pick =
  (label: RegExp): Action =>
  (s) => {
    assert.equal(s.type, 'pick', `expected a pick, got input "${s.step.title}"`);
    const item = s.step.items.find((i) => label.test(i.label));
    assert.ok(item, `no item ${label} in ${JSON.stringify(s.step.items.map((i) => i.label))}`);
    return { value: item.value };
  };
/** Enter: the active item, or the input's current value (which must be valid). */
const enter: Action = (s) => {
  if (s.type === 'pick') return { value: s.step.items[s.step.activeIndex].value };
  assert.equal(s.step.validate(s.step.value), undefined, `the default of "${s.step.title}" is valid`);
  return { value: s.step.value };
};
const type =
  (value: string): Action =>
  (s) => {
    assert.equal(s.type, 'input', `expected an input, got a pick "${s.step.title}"`);
    const error = s.step.validate(value);
    assert.equal(error, undefined, `"${value}" accepted at "${s.step.title}"`);
    return { value };
  };
/** Types text into a pick that takes typed values (the time zone) and presses Enter on it. */
const typeInPick =
  (text: string): Action =>
  (s) => {
    assert.ok(s.type === 'pick' && s.step.typed, `expected a pick that takes typing, got "${s.step.title}"`);
    assert.ok(!s.step.items.some((i) => i.label === text), `${text} is not one of the items`);
    assert.equal(s.step.typed.validate(text), undefined, `"${text}" accepted at "${s.step.title}"`);
    return { value: s.step.typed.value(text) };
  };
const back: Action = (s) => {
  assert.ok(s.step.back, `"${s.step.title}" has a Back button`);
  return 'back';
};
const escape: Action = () => 'cancel';

class ScriptedUI implements WizardUI {
  readonly shown: Shown[] = [];
  private readonly script: Action[];
  constructor(script: Action[]) {
    this.script = [...script];
  }
  private next<T>(s: Shown): Promise<StepOutcome<T>> {
    this.shown.push(s);
    const action = this.script.shift();
    assert.ok(action, `the wizard showed more steps than scripted: "${s.step.title}"`);
    return Promise.resolve(action(s) as StepOutcome<T>);
  }
  pick<T>(step: PickStep<T>) {
    return this.next<T>({ type: 'pick', step: step as PickStep<unknown> });
  }
  input(step: InputStep) {
    return this.next<string>({ type: 'input', step });
  }
  get titles() {
    return this.shown.map((s) => s.step.title);
  }
}

const PATHS: Record<WorkloadKind, RegExp[]> = {
  CronJob: [/^Yes/, /^Yes/],
  Job: [/^Yes/, /^No/],
  StatefulSet: [/^No/, /^Yes/],
  DaemonSet: [/^No/, /^No/, /^Yes/],
  Deployment: [/^No/, /^No/, /^No/],
};

async function walk(script: Action[]) {
  const ui = new ScriptedUI(script);
  const answers = await runWizard(ui);
  return { ui, answers };
}
/** The "(n/total)" of every title: n counts 1, 2, 3…; total never grows, never falls below n, and ends at n. */
function assertOneCounter(titles: string[]) {
  const counts = titles.map((t) => {
    const m = /^Choose Workload Type \((\d+)\/(\d+)\): /.exec(t);
    assert.ok(m, `"${t}" starts with the step counter`);
    return { n: Number(m[1]), total: Number(m[2]) };
  });
  assert.deepEqual(
    counts.map((c) => c.n),
    counts.map((_, i) => i + 1),
  );
  counts.forEach((c, i) => {
    assert.ok(c.total >= c.n, `${c.n}/${c.total}`);
    if (i > 0) assert.ok(c.total <= counts[i - 1].total, `the total grew at step ${c.n}: ${counts[i - 1].total} -> ${c.total}`);
  });
  const last = counts.at(-1)!;
  assert.equal(last.total, last.n, 'the last step is n/n');
}
const inputCount = (kind: WorkloadKind) =>
  answersWithDefaults(kind) && { Deployment: 4, StatefulSet: 7, DaemonSet: 2, Job: 5, CronJob: 5 }[kind];

describe('runWizard', () => {
  for (const kind of WORKLOAD_KINDS) {
    it(`${kind}: the path's questions, the result, then the kind's inputs; Enter everywhere gives the defaults`, async () => {
      const steps = PATHS[kind].length;
      const { ui, answers } = await walk([...PATHS[kind].map(pick), pick(/from scratch/), ...Array(inputCount(kind)).fill(enter)]);
      assert.deepEqual(answers, answersWithDefaults(kind));
      assert.doesNotThrow(() => generateManifest(answers!));
      const titles = ui.titles;
      assert.match(titles[0], /^Choose Workload Type \(1\/10\): Is this a batch task that runs to completion\?$/);
      assert.match(
        titles[steps],
        new RegExp(`^Choose Workload Type \\(${steps + 1}/\\d+\\): ${kind}$`),
        'the result step follows the questions',
      );
      assert.match((ui.shown[steps].step as PickStep<unknown>).placeholder, new RegExp(`^${kind} — because .+`));
      titles
        .slice(steps + 1)
        .forEach((t, i) => assert.match(t, new RegExp(`^Choose Workload Type \\(${steps + 2 + i}/\\d+\\): ${kind} — .+$`)));
      assertOneCounter(titles);
      assert.deepEqual(
        ui.shown.map((s) => s.step.back),
        ui.shown.map((_, i) => i > 0),
        'Back on every step but the first',
      );
    });
  }

  it('one step counter through questions, result and inputs: 10 steps at most, fewer as the path narrows', async () => {
    const { ui } = await walk([...PATHS.CronJob.map(pick), pick(/from scratch/), ...Array(5).fill(enter)]);
    assert.deepEqual(
      ui.titles.map((t) => /\((\d+\/\d+)\)/.exec(t)?.[1]),
      ['1/10', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8'],
    );
    const { ui: job } = await walk([...PATHS.Job.map(pick), pick(/document ingestion/), ...Array(4).fill(enter)]);
    assert.deepEqual(
      job.titles.map((t) => /\((\d+\/\d+)\)/.exec(t)?.[1]),
      ['1/10', '2/8', '3/8', '4/7', '5/7', '6/7', '7/7'],
      'a pattern with fewer inputs shortens the count once it is picked',
    );
  });

  it('Back returns to the previous question with the earlier answer selected, and another answer changes the path', async () => {
    const { ui, answers } = await walk([
      pick(/^Yes/), // runs to completion
      back, // from "on a schedule?"
      pick(/^No/), // keeps running
      pick(/^No/), // no stable identity
      pick(/^Yes/), // every node → DaemonSet
      back, // from the result step
      enter, // "every node?" again, Yes preselected
      pick(/from scratch/),
      enter,
      enter,
    ]);
    assert.equal(answers?.kind, 'DaemonSet');
    const again = ui.shown[2].step as PickStep<{ answer: string }>;
    assert.match(again.title, /runs to completion/);
    assert.equal(again.items[again.activeIndex].value.answer, 'yes', 'the earlier answer is preselected');
    const everyNodeAgain = ui.shown[6].step as PickStep<{ answer: string }>;
    assert.match(everyNodeAgain.title, /every node/);
    assert.equal(everyNodeAgain.items[everyNodeAgain.activeIndex].value.answer, 'yes');
  });

  it('Back from the first input returns to the result step; typed values are shown again after Back', async () => {
    const { ui, answers } = await walk([
      ...PATHS.CronJob.map(pick),
      pick(/from scratch/),
      back, // from name to the result step
      pick(/from scratch/),
      type('nightly-report'),
      type('reports:2.1.0'),
      back, // from schedule to image
      enter, // the image box shows what was typed
      type('*/30 * * * *'),
      pick(/^Europe\/Berlin$/),
      pick(/^Replace$/),
    ]);
    assert.deepEqual(answers, {
      kind: 'CronJob',
      name: 'nightly-report',
      image: 'reports:2.1.0',
      schedule: '*/30 * * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Replace',
    });
    // The time zone step previews the next run of the schedule answered before it, in that zone.
    const zoneStep = ui.shown.find((s) => s.type === 'pick' && /Time zone/.test(s.step.title));
    assert.ok(zoneStep?.type === 'pick' && zoneStep.step.typed?.preview);
    assert.match(zoneStep.step.typed.preview('Europe/Berlin') ?? '', /^Next run: .+:(00|30) GMT\+[12] \(\d\d:(00|30) UTC\)$/);
    assert.match(zoneStep.step.items[0].detail ?? '', /^Next run: .+:(00|30)/, 'UTC, first, shows its next run');
    assert.equal(zoneStep.step.typed.validate('Europe/Berln'), 'Europe/Berln is not an IANA time zone name: did you mean Europe/Berlin?');
    const imageAgain = ui.shown.find((s, i) => i > 6 && s.type === 'input' && /Image/.test(s.step.title));
    assert.equal(imageAgain?.type === 'input' && imageAgain.step.value, 'reports:2.1.0');
  });

  it('the time zone pick takes a zone typed that it does not list (a tzdata link)', async () => {
    const { answers } = await walk([
      ...PATHS.CronJob.map(pick),
      pick(/from scratch/),
      enter,
      enter,
      enter,
      typeInPick('US/Eastern'),
      enter,
    ]);
    assert.equal(answers?.timeZone, 'US/Eastern');
    assert.match(generateManifest(answers!), /\n {2}timeZone: US\/Eastern\n/);
  });

  it('Escape at any step ends the wizard with nothing', async () => {
    for (let at = 0; at < 8; at++) {
      const script: Action[] = [...PATHS.StatefulSet.map(pick), pick(/from scratch/), enter, enter, enter, enter, enter, enter, enter];
      script.splice(at, 1, escape);
      const { answers } = await walk(script.slice(0, at + 1));
      assert.equal(answers, undefined, `escape at step ${at + 1}`);
    }
  });

  it('inputs validate as the user types: errors inline, the schedule previewed in words', async () => {
    const { ui } = await walk([...PATHS.CronJob.map(pick), pick(/from scratch/), enter, enter, escape]);
    const [name, image, schedule] = ui.shown.slice(3).map((s) => s.step as InputStep);
    assert.match(name.validate('Nightly_Backup') ?? '', /./);
    assert.match(image.validate('backup') ?? '', /Pin a version/);
    assert.match(schedule.validate('0 24 * * *') ?? '', /hour/);
    assert.equal(schedule.validate('0 6 * * 1-5'), undefined);
    assert.match(schedule.preview?.('0 6 * * 1-5') ?? '', /06:00/);
  });

  const patterns: { path: WorkloadKind; label: RegExp; pattern: string; inputs: number }[] = [
    { path: 'StatefulSet', label: /Vector database/, pattern: 'vector-database', inputs: 6 },
    { path: 'StatefulSet', label: /LLM inference/, pattern: 'llm-inference-cache', inputs: 6 },
    { path: 'CronJob', label: /embedding refresh/, pattern: 'embedding-refresh', inputs: 5 },
    { path: 'Job', label: /model migration/, pattern: 'model-migration', inputs: 5 },
    { path: 'Job', label: /document ingestion/, pattern: 'document-ingestion', inputs: 4 },
  ];
  for (const p of patterns) {
    it(`offers the ${p.pattern} pattern for ${p.path} and starts from its defaults`, async () => {
      const { ui, answers } = await walk([...PATHS[p.path].map(pick), pick(p.label), ...Array(p.inputs).fill(enter)]);
      assert.deepEqual(answers, answersWithDefaults(p.path, p.pattern as never));
      const first = PATHS[p.path].length + 2;
      assert.match(ui.titles[first - 1], new RegExp(`^Choose Workload Type \\(${first}/${first + p.inputs - 1}\\): ${p.path}, .+ — Name$`));
      assertOneCounter(ui.titles);
    });
  }
});
