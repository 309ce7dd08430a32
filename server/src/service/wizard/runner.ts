// The wizard's step machine, independent of any editor: it walks the guide's decision tree, the
// result step and the kind's inputs through an abstract UI, handles Back (every step after the
// first) and cancellation, numbers the steps for titles, and remembers what was typed so that
// going back shows it again. The VS Code client implements WizardUI with quick picks.
import type { DecisionNodeId } from '../guide/decisionTree';
import type { WorkloadKind } from '../guide/types';
import { kindInputs, maxQuestionsFrom, questionPick, resultPick, WIZARD_ROOT, type WizardInput } from './flow';
import { PATTERN_SHAPES } from './patterns';
import type { WizardAnswers, WizardPatternId } from './types';

export const WIZARD_TITLE = 'Choose Workload Type';

/** What a step ended with: a value, the Back button, or Escape. */
export type StepOutcome<T> = { readonly value: T } | 'back' | 'cancel';

export interface PickStep<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly { readonly label: string; readonly description?: string; readonly detail?: string; readonly value: T }[];
  /** the item selected when the step opens */
  readonly activeIndex: number;
  /** show a Back button */
  readonly back: boolean;
}

export interface InputStep {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value: string;
  readonly back: boolean;
  /** the error for a value (shown inline; Enter does nothing while there is one) */
  validate(value: string): string | undefined;
  /** information for a valid value, updated as the user types (the schedule in words) */
  preview?(value: string): string | undefined;
}

export interface WizardUI {
  pick<T>(step: PickStep<T>): Promise<StepOutcome<T>>;
  input(step: InputStep): Promise<StepOutcome<string>>;
}

type Next = Step | { readonly done: WizardAnswers } | 'back' | 'cancel';
type Step = (back: boolean) => Promise<Next>;

/** Runs the wizard to the end: the answers, or undefined when the user cancelled. */
export async function runWizard(ui: WizardUI): Promise<WizardAnswers | undefined> {
  const remembered = new Map<string, string>();
  const history: Step[] = [];
  let current: Step = questionStep(WIZARD_ROOT, 1);
  for (;;) {
    const next = await current(history.length > 0);
    if (next === 'cancel') return undefined;
    if (next === 'back') {
      current = history.pop() ?? current;
      continue;
    }
    if (typeof next !== 'function') return next.done;
    history.push(current);
    current = next;
  }

  function questionStep(id: DecisionNodeId, step: number): Step {
    return async (back) => {
      const q = questionPick(id);
      const total = step + maxQuestionsFrom(id); // the questions left at most, then the result step
      const key = `question/${id}`;
      const items = q.items.map((i) => ({ label: i.label, detail: i.detail, value: i }));
      const r = await ui.pick({
        title: `${WIZARD_TITLE} (${step}/${total}): ${q.title}`,
        placeholder: q.help,
        items,
        activeIndex: Math.max(
          0,
          items.findIndex((i) => i.value.answer === remembered.get(key)),
        ),
        back,
      });
      if (typeof r === 'string') return r;
      remembered.set(key, r.value.answer);
      const next = r.value.next;
      return 'question' in next ? questionStep(next.question, step + 1) : resultStep(next.outcome, step + 1);
    };
  }

  function resultStep(kind: WorkloadKind, step: number): Step {
    return async (back) => {
      const result = resultPick(kind);
      const key = `result/${kind}`;
      const items = result.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.pattern ?? '' }));
      const r = await ui.pick({
        title: `${WIZARD_TITLE} (${step}/${step}): ${kind}`,
        placeholder: result.placeholder,
        items,
        activeIndex: Math.max(
          0,
          items.findIndex((i) => i.value === remembered.get(key)),
        ),
        back,
      });
      if (typeof r === 'string') return r;
      remembered.set(key, r.value);
      const pattern = (r.value || undefined) as WizardPatternId | undefined;
      const start: WizardAnswers = { kind, name: '', image: '', ...(pattern ? { pattern, ...(PATTERN_SHAPES[pattern].fixed ?? {}) } : {}) };
      return inputStep(kind, pattern, kindInputs(kind, pattern), 0, start);
    };
  }

  function inputStep(
    kind: WorkloadKind,
    pattern: WizardPatternId | undefined,
    inputs: WizardInput[],
    index: number,
    answers: WizardAnswers,
  ): Step {
    return async (back) => {
      if (index >= inputs.length) return { done: answers };
      const input = inputs[index];
      const title = `${kind}${
        pattern
          ? ` — ${resultPick(kind)
              .items.find((i) => i.pattern === pattern)
              ?.label.replace(/^Pattern: /, '')}`
          : ''
      }: ${input.title} (${index + 1}/${inputs.length})`;
      const key = `input/${kind}/${pattern ?? ''}/${input.field}`;
      if (input.type === 'text') {
        const r = await ui.input({
          title,
          prompt: input.prompt,
          placeholder: input.placeholder,
          value: remembered.get(key) ?? input.value,
          back,
          validate: (v) => input.validate(v, answers),
          preview: input.preview ? (v) => input.preview!(v, answers) : undefined,
        });
        if (typeof r === 'string') return r;
        remembered.set(key, r.value);
        return inputStep(kind, pattern, inputs, index + 1, input.apply(r.value, answers));
      }
      const items = input.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
      const rememberedIndex = items.findIndex((i) => String(i.value) === remembered.get(key));
      const r = await ui.pick({
        title,
        placeholder: input.placeholder,
        items,
        activeIndex: rememberedIndex >= 0 ? rememberedIndex : input.active,
        back,
      });
      if (typeof r === 'string') return r;
      remembered.set(key, String(r.value));
      return inputStep(kind, pattern, inputs, index + 1, input.apply(r.value, answers));
    };
  }
}
