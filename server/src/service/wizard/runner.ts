// The wizard's step machine, independent of any editor: it walks the guide's decision tree, the
// result step and the kind's inputs through an abstract UI, handles Back (every step after the
// first) and cancellation, numbers the steps for titles, and remembers what was typed so that
// going back shows it again. The VS Code client implements WizardUI with quick picks.
//
// One step counter runs through the whole wizard — questions, result, the kind's inputs — in every
// title as "(n/total)": n goes up by one per step, and total is the most steps the answers so far
// can still lead to, so it only shrinks as the path narrows and the last step reads (total/total).
import type { DecisionNodeId } from '../guide/decisionTree';
import type { WorkloadKind } from '../guide/types';
import {
  kindInputs,
  maxInputCount,
  maxStepsFrom,
  questionPick,
  resultPick,
  WIZARD_ROOT,
  type InputOptions,
  type WizardInput,
} from './flow';
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
  /**
   * The pick also accepts text that is none of its items: the UI offers what is typed as an item
   * when `validate` returns no error for it, and resolves with `value(text)`.
   */
  readonly typed?: {
    validate(text: string): string | undefined;
    /** information about a valid text (the next run in that zone) */
    preview?(text: string): string | undefined;
    value(text: string): T;
  };
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
export async function runWizard(ui: WizardUI, options: InputOptions = {}): Promise<WizardAnswers | undefined> {
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
      const total = step - 1 + maxStepsFrom(id);
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
        title: `${WIZARD_TITLE} (${step}/${step + maxInputCount(kind)}): ${kind}`,
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
      return inputStep(kind, pattern, kindInputs(kind, pattern, options), 0, start, step + 1);
    };
  }

  function inputStep(
    kind: WorkloadKind,
    pattern: WizardPatternId | undefined,
    inputs: WizardInput[],
    index: number,
    answers: WizardAnswers,
    firstStep: number,
  ): Step {
    return async (back) => {
      if (index >= inputs.length) return { done: answers };
      const input = inputs[index];
      const patternLabel = pattern
        ? `, ${resultPick(kind)
            .items.find((i) => i.pattern === pattern)
            ?.label.replace(/^Pattern: /, '')}`
        : '';
      const step = firstStep + index;
      const title = `${WIZARD_TITLE} (${step}/${firstStep + inputs.length - 1}): ${kind}${patternLabel} — ${input.title}`;
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
        return inputStep(kind, pattern, inputs, index + 1, input.apply(r.value, answers), firstStep);
      }
      const preview = input.preview;
      const items = input.items.map((i) => ({
        label: i.label,
        description: i.description,
        detail: (i.preview && preview?.(i.value, answers)) || i.detail,
        value: i.value,
      }));
      const typed = input.typed;
      const rememberedIndex = items.findIndex((i) => String(i.value) === remembered.get(key));
      const r = await ui.pick({
        title,
        placeholder: input.placeholder,
        items,
        activeIndex: rememberedIndex >= 0 ? rememberedIndex : input.active,
        back,
        ...(typed
          ? {
              typed: {
                validate: (text: string) => typed.validate(text, answers),
                preview: preview ? (text: string) => preview(typed.value(text), answers) : undefined,
                value: (text: string) => typed.value(text),
              },
            }
          : {}),
      });
      if (typeof r === 'string') return r;
      remembered.set(key, String(r.value));
      return inputStep(kind, pattern, inputs, index + 1, input.apply(r.value, answers), firstStep);
    };
  }
}
