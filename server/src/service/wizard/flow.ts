// The wizard as data for a thin UI: the decision questions come from the guide's tree; once the
// tree has reached a kind, the result step (kind, path, patterns) and the kind's own inputs,
// each with its validator, its default and (for the schedule) a live preview in words.
import { timeZoneNames } from '../cron/timezone';
import { CONCURRENCY_POLICIES } from '../guide/cronjob';
import { DECISION_QUESTIONS, DECISION_ROOT, decisionPathTo, type DecisionNodeId } from '../guide/decisionTree';
import { KIND_GUIDES } from '../guide/kinds';
import type { WorkloadKind } from '../guide/types';
import { defaultAnswers, KIND_FIELDS } from './generate';
import { PATTERN_SHAPES, wizardPatternsFor } from './patterns';
import type { ConcurrencyPolicy, WizardAnswers, WizardPatternId } from './types';
import {
  checkSchedule,
  nextRunPreview,
  validateImage,
  validateName,
  validatePort,
  validatePositiveInteger,
  validateStorageClass,
  validateStorageSize,
  validateTimeZone,
} from './validate';

/** How many questions are left at most below a node of the tree, the node's own included. */
export function maxQuestionsFrom(id: DecisionNodeId): number {
  const q = DECISION_QUESTIONS[id];
  return 1 + Math.max(...q.answers.map((a) => ('question' in a.next ? maxQuestionsFrom(a.next.question) : 0)));
}

/** The kind's inputs with the pattern that has the most of them (or none): how many steps the kind adds at most. */
export function maxInputCount(kind: WorkloadKind): number {
  return Math.max(...[undefined, ...wizardPatternsFor(kind).map((p) => p.id as WizardPatternId)].map((p) => kindInputs(kind, p).length));
}

/**
 * How many steps are left at most from a question, the question itself included: the questions
 * below it, the result step, then the inputs of the kind it can lead to with the most of them.
 * The wizard's step counter counts to this bound, which only shrinks as answers narrow the path.
 */
export function maxStepsFrom(id: DecisionNodeId): number {
  const q = DECISION_QUESTIONS[id];
  return 1 + Math.max(...q.answers.map((a) => ('question' in a.next ? maxStepsFrom(a.next.question) : 1 + maxInputCount(a.next.outcome))));
}

/** A decision question as a pick: its answers with the guide's explanation and examples. */
export function questionPick(id: DecisionNodeId) {
  const q = DECISION_QUESTIONS[id];
  return {
    id,
    title: q.question,
    help: q.help,
    items: q.answers.map((a) => ({
      answer: a.id,
      label: a.label,
      detail: `${a.detail} Examples: ${a.examples.join(', ')}.`,
      next: a.next,
    })),
  };
}

export const WIZARD_ROOT: DecisionNodeId = DECISION_ROOT;

/** The result step: which kind, why (the path taken), and what to start from. */
export function resultPick(kind: WorkloadKind) {
  const guide = KIND_GUIDES[kind];
  const path = decisionPathTo(kind)
    .map((s) => `${s.question.short} ${s.answer.id}`)
    .join(' → ');
  return {
    kind,
    title: `${kind}: ${guide.useFor}`,
    path,
    placeholder: `${kind} — because ${path}. Start from:`,
    items: [
      {
        pattern: undefined as WizardPatternId | undefined,
        label: `${kind} from scratch`,
        description: guide.apiVersion,
        detail: `${guide.useFor}. Examples: ${guide.examples.join(', ')}.`,
      },
      ...wizardPatternsFor(kind).map((p) => ({
        pattern: p.id as WizardPatternId | undefined,
        label: `Pattern: ${p.title}`,
        description: 'from the guide',
        detail: p.purpose,
      })),
    ],
  };
}

export interface TextInput {
  readonly type: 'text';
  readonly field: keyof WizardAnswers;
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  /** the value the box starts with */
  readonly value: string;
  /** the error to show for a value, or undefined when it is fine */
  validate(value: string, answers: WizardAnswers): string | undefined;
  /** a line of information to show for a valid value (the schedule in words, the next run in a zone) */
  preview?(value: string, answers: WizardAnswers): string | undefined;
  /** the answers with this input's value applied */
  apply(value: string, answers: WizardAnswers): WizardAnswers;
}

export interface PickInput {
  readonly type: 'pick';
  readonly field: keyof WizardAnswers;
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly PickItem[];
  /** index of the item selected at first */
  readonly active: number;
  /** a line of information for an item (the next run in a zone), shown for the items marked `preview` */
  preview?(value: unknown, answers: WizardAnswers): string | undefined;
  /** The pick also takes what the user types that is not one of its items (a time zone link such as US/Eastern). */
  readonly typed?: {
    /** the error for the text, or undefined when it can be taken */
    validate(text: string, answers: WizardAnswers): string | undefined;
    /** the value the text stands for */
    value(text: string): unknown;
  };
  apply(value: unknown, answers: WizardAnswers): WizardAnswers;
}

export interface PickItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: unknown;
  /** show the input's preview for this item as its detail */
  readonly preview?: boolean;
}

/** What the inputs depend on beyond the kind and the pattern. */
export interface InputOptions {
  /** The IANA zone of the machine the wizard runs on, offered right after UTC (default: the process's own zone). */
  readonly localTimeZone?: string;
}

/** This process's IANA time zone, when it has one. */
export function systemTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The time zone pick: UTC, the machine's zone and "not set" first, then every IANA zone. */
export function timeZoneItems(localTimeZone: string | undefined): PickItem[] {
  const utc = new Set(['UTC', 'Etc/UTC']);
  const local = localTimeZone && !utc.has(localTimeZone) && !validateTimeZone(localTimeZone) ? localTimeZone : undefined;
  const first: PickItem[] = [
    { label: 'UTC', description: 'Coordinated Universal Time, no daylight saving', value: 'UTC', preview: true },
    ...(local ? [{ label: local, description: "this computer's time zone", value: local, preview: true }] : []),
    { label: 'Not set', description: "the kube-controller-manager's own zone, usually UTC", value: '', preview: true },
  ];
  const taken = new Set([...utc, ...(local ? [local] : [])]);
  return [
    ...first,
    ...timeZoneNames()
      .filter((z) => !taken.has(z))
      .map((z) => ({ label: z, value: z })),
  ];
}

export type WizardInput = TextInput | PickInput;

const set = <K extends keyof WizardAnswers>(a: WizardAnswers, field: K, value: WizardAnswers[K]): WizardAnswers => {
  const next = { ...a } as Record<string, unknown>;
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next as unknown as WizardAnswers;
};
const intText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The inputs a kind needs, in order, with the defaults of the pattern (or of the kind). */
export function kindInputs(kind: WorkloadKind, pattern?: WizardPatternId, options: InputOptions = {}): WizardInput[] {
  const d = defaultAnswers(kind, pattern);
  const fixed = pattern ? (PATTERN_SHAPES[pattern].fixed ?? {}) : {};
  const wanted = (f: keyof WizardAnswers) => KIND_FIELDS[kind].includes(f) && !(f in fixed) && !(f === 'port' && pattern);
  const inputs: WizardInput[] = [
    {
      type: 'text',
      field: 'name',
      title: 'Name',
      prompt: `metadata.name of the ${kind} — lower-case letters, digits and "-"${kind === 'CronJob' ? ', at most 52 characters' : ''}`,
      placeholder: d.name,
      value: d.name,
      validate: (v) => validateName(v.trim(), kind),
      apply: (v, a) => set(a, 'name', v.trim()),
    },
    {
      type: 'text',
      field: 'image',
      title: 'Image',
      prompt: 'Container image with a pinned version tag, e.g. registry.example.com/team/app:1.4.2',
      placeholder: d.image,
      value: d.image,
      validate: (v) => validateImage(v.trim()),
      apply: (v, a) => set(a, 'image', v.trim()),
    },
  ];
  if (wanted('replicas')) {
    inputs.push({
      type: 'text',
      field: 'replicas',
      title: 'Replicas',
      prompt: kind === 'StatefulSet' ? 'How many pods (name-0, name-1, …), started one after the other' : 'How many interchangeable pods',
      value: intText(d.replicas),
      validate: (v) => validatePositiveInteger(v, 'Replicas', { min: 1 }),
      apply: (v, a) => set(a, 'replicas', Number(v.trim())),
    });
  }
  if (wanted('port')) {
    inputs.push({
      type: 'text',
      field: 'port',
      title: 'Container port',
      prompt:
        kind === 'StatefulSet'
          ? 'The port the pods listen on (also on the headless Service); empty for none'
          : 'The port the container listens on; empty for none',
      value: intText(d.port),
      validate: (v) => (v.trim() === '' ? undefined : validatePort(v)),
      apply: (v, a) => set(a, 'port', v.trim() === '' ? undefined : Number(v.trim())),
    });
  }
  if (wanted('storageSize')) {
    inputs.push({
      type: 'text',
      field: 'storageSize',
      title: 'Storage per pod',
      prompt: 'Size of each pod’s own volume (volumeClaimTemplates), a quantity such as 10Gi',
      value: d.storageSize ?? '10Gi',
      validate: (v) => validateStorageSize(v),
      apply: (v, a) => set(a, 'storageSize', v.trim()),
    });
  }
  if (wanted('storageClass')) {
    inputs.push({
      type: 'text',
      field: 'storageClass',
      title: 'StorageClass',
      prompt: 'storageClassName of the volumes, e.g. fast-ssd; empty for the cluster’s default class',
      value: d.storageClass ?? '',
      validate: (v) => validateStorageClass(v),
      apply: (v, a) => set(a, 'storageClass', v.trim() === '' ? undefined : v.trim()),
    });
  }
  if (wanted('headlessService')) {
    inputs.push({
      type: 'pick',
      field: 'headlessService',
      title: 'Headless Service',
      placeholder: 'Include the headless Service that gives each pod its DNS name?',
      items: [
        {
          label: 'Yes — add the headless Service',
          detail: 'clusterIP: None, same name as the StatefulSet: pods get name-0.name.<namespace>.svc.cluster.local',
          value: true,
        },
        { label: 'No — I already have one', detail: 'spec.serviceName must name an existing headless Service', value: false },
      ],
      active: d.headlessService === false ? 1 : 0,
      apply: (v, a) => set(a, 'headlessService', v as boolean),
    });
  }
  if (wanted('completions')) {
    inputs.push({
      type: 'text',
      field: 'completions',
      title: 'Completions',
      prompt: 'How many pods must finish successfully (1 for a single task)',
      value: intText(d.completions ?? 1),
      validate: (v) => validatePositiveInteger(v, 'Completions'),
      apply: (v, a) => set(a, 'completions', Number(v.trim())),
    });
  }
  if (wanted('parallelism')) {
    inputs.push({
      type: 'text',
      field: 'parallelism',
      title: 'Parallelism',
      prompt: 'How many pods may run at the same time (at most the completions)',
      value: intText(d.parallelism ?? 1),
      validate: (v, a) => {
        const e = validatePositiveInteger(v, 'Parallelism');
        if (e) return e;
        const c = a.completions ?? 1;
        return Number(v.trim()) > c ? `At most ${c}, the number of completions: more pods would have nothing to do.` : undefined;
      },
      apply: (v, a) => set(a, 'parallelism', Number(v.trim())),
    });
  }
  if (wanted('indexed')) {
    inputs.push({
      type: 'pick',
      field: 'indexed',
      title: 'Completion mode',
      placeholder: 'Should each pod get its own index (0, 1, 2, …)?',
      items: [
        {
          label: 'Not indexed',
          description: 'NonIndexed',
          detail: 'The pods are interchangeable (a work queue, or a single task).',
          value: false,
        },
        {
          label: 'Indexed',
          description: 'completionMode: Indexed',
          detail: 'Each pod gets JOB_COMPLETION_INDEX (0 … completions-1) and processes its own slice of the work.',
          value: true,
        },
      ],
      active: d.indexed ? 1 : 0,
      apply: (v, a) => set(a, 'indexed', v as boolean),
    });
  }
  if (wanted('schedule')) {
    inputs.push({
      type: 'text',
      field: 'schedule',
      title: 'Schedule',
      prompt: 'Cron schedule: minute hour day-of-month month day-of-week (e.g. 0 2 * * * = daily at 02:00), or @daily, @hourly…',
      value: d.schedule ?? '0 2 * * *',
      validate: (v) => checkSchedule(v).error,
      preview: (v) => checkSchedule(v).preview,
      apply: (v, a) => set(a, 'schedule', v.trim()),
    });
  }
  if (wanted('timeZone')) {
    const items = timeZoneItems('localTimeZone' in options ? options.localTimeZone : systemTimeZone());
    inputs.push({
      type: 'pick',
      field: 'timeZone',
      title: 'Time zone',
      placeholder: 'IANA time zone the schedule is read in (spec.timeZone): pick one or type its name, e.g. Europe/Berlin',
      items,
      active: Math.max(
        0,
        items.findIndex((i) => i.value === (d.timeZone ?? '')),
      ),
      preview: (v, a) => nextRunPreview(a.schedule, String(v)),
      typed: { validate: (v) => validateTimeZone(v), value: (v) => v.trim() },
      apply: (v, a) => set(a, 'timeZone', String(v).trim() || undefined),
    });
  }
  if (wanted('concurrencyPolicy')) {
    const order: ConcurrencyPolicy[] = ['Forbid', 'Allow', 'Replace'];
    inputs.push({
      type: 'pick',
      field: 'concurrencyPolicy',
      title: 'Concurrency policy',
      placeholder: 'What if the previous run is still going when the next one is due?',
      items: order.map((policy) => {
        const p = CONCURRENCY_POLICIES.find((c) => c.policy === policy)!;
        return {
          label: policy,
          description: policy === 'Forbid' ? 'recommended' : policy === 'Allow' ? 'the default' : undefined,
          detail: `${p.effect} — for ${p.when}.`,
          value: policy,
        };
      }),
      active: Math.max(0, order.indexOf(d.concurrencyPolicy ?? 'Forbid')),
      apply: (v, a) => set(a, 'concurrencyPolicy', v as ConcurrencyPolicy),
    });
  }
  return inputs;
}

/** The answers a run of the inputs with their default values gives (what pressing Enter on every step produces). */
export function answersWithDefaults(kind: WorkloadKind, pattern?: WizardPatternId): WizardAnswers {
  let a: WizardAnswers = {
    kind,
    name: '',
    image: '',
    ...(pattern ? { pattern } : {}),
    ...(pattern ? (PATTERN_SHAPES[pattern].fixed ?? {}) : {}),
  };
  for (const input of kindInputs(kind, pattern)) {
    a = input.type === 'text' ? input.apply(input.value, a) : input.apply(input.items[input.active].value, a);
  }
  return a;
}
