// The guide's decision tree as data a UI can step through: each question has an id, a short
// label for breadcrumbs ("runs to completion?"), and yes/no answers that each explain
// themselves in one line with examples and lead to the next question or to a workload kind.
import type { WorkloadKind } from './types';

export type DecisionNodeId = 'runs-to-completion' | 'on-schedule' | 'stable-identity' | 'every-node';

export interface DecisionAnswer {
  readonly id: 'yes' | 'no';
  /** the option's label in a picker ("Yes — it finishes") */
  readonly label: string;
  /** one line that explains the choice */
  readonly detail: string;
  /** workloads that fit this answer, from the guide */
  readonly examples: readonly string[];
  /** where the answer leads */
  readonly next: { readonly question: DecisionNodeId } | { readonly outcome: WorkloadKind };
}

export interface DecisionQuestion {
  readonly id: DecisionNodeId;
  /** the full question as shown in a wizard */
  readonly question: string;
  /** short form for decision paths: "runs to completion?" */
  readonly short: string;
  /** a sentence of help under the question */
  readonly help: string;
  readonly answers: readonly [DecisionAnswer, DecisionAnswer];
}

export const DECISION_ROOT: DecisionNodeId = 'runs-to-completion';

export const DECISION_QUESTIONS: Readonly<Record<DecisionNodeId, DecisionQuestion>> = {
  'runs-to-completion': {
    id: 'runs-to-completion',
    question: 'Is this a batch task that runs to completion?',
    short: 'runs to completion?',
    help: 'A batch task does a finite piece of work and exits; a service keeps running until you stop it.',
    answers: [
      {
        id: 'yes',
        label: 'Yes — it finishes its work and exits',
        detail: 'Batch work: the pod is done once the task succeeds.',
        examples: ['database migrations', 'batch processing', 'report generation', 'nightly backups'],
        next: { question: 'on-schedule' },
      },
      {
        id: 'no',
        label: 'No — it keeps running',
        detail: 'A long-running service or agent that should be restarted whenever it stops.',
        examples: ['API servers', 'web frontends', 'databases', 'log collectors'],
        next: { question: 'stable-identity' },
      },
    ],
  },
  'on-schedule': {
    id: 'on-schedule',
    question: 'Does it run on a schedule?',
    short: 'on a schedule?',
    help: 'Recurring work (every night, every hour) is a CronJob; work you start once is a Job.',
    answers: [
      {
        id: 'yes',
        label: 'Yes — it repeats on a schedule',
        detail: 'A CronJob creates a Job at each time of its cron schedule.',
        examples: ['nightly backups', 'hourly reports', 'daily cleanup', 'nightly embedding refresh'],
        next: { outcome: 'CronJob' },
      },
      {
        id: 'no',
        label: 'No — it runs once, when created',
        detail: 'A Job runs its pods until the task has completed successfully.',
        examples: ['database migrations', 'one-time model migration', 'parallel document ingestion', 'report generation'],
        next: { outcome: 'Job' },
      },
    ],
  },
  'stable-identity': {
    id: 'stable-identity',
    question: 'Does it need a stable network identity?',
    short: 'stable network identity?',
    help: 'Stable identity means each replica keeps its own name, DNS record and storage across restarts.',
    answers: [
      {
        id: 'yes',
        label: 'Yes — each replica has its own name and data',
        detail: 'A StatefulSet gives pods ordinal names (db-0, db-1), per-pod DNS and per-pod volumes.',
        examples: ['databases', 'message brokers', 'caches', 'vector databases', 'LLM inference with a model cache'],
        next: { outcome: 'StatefulSet' },
      },
      {
        id: 'no',
        label: 'No — replicas are interchangeable',
        detail: 'Any replica can serve any request; pods can be replaced freely.',
        examples: ['API servers', 'web frontends', 'stateless workers', 'node agents'],
        next: { question: 'every-node' },
      },
    ],
  },
  'every-node': {
    id: 'every-node',
    question: 'Must it run on every node?',
    short: 'on every node?',
    help: 'Node-level agents need one pod on each node (or on each selected node), including nodes added later.',
    answers: [
      {
        id: 'yes',
        label: 'Yes — one pod on each node',
        detail: 'A DaemonSet places one pod per node and follows nodes as they join.',
        examples: ['log collectors', 'monitoring agents', 'network plugins', 'storage drivers'],
        next: { outcome: 'DaemonSet' },
      },
      {
        id: 'no',
        label: 'No — a number of replicas anywhere',
        detail: 'A Deployment keeps N interchangeable replicas and rolls out updates without downtime.',
        examples: ['API servers', 'web frontends', 'stateless workers'],
        next: { outcome: 'Deployment' },
      },
    ],
  },
};

/** One step of a path through the tree. */
export interface DecisionStep {
  readonly question: DecisionQuestion;
  readonly answer: DecisionAnswer;
}

/** The questions and answers that lead from the root to `kind`. */
export function decisionPathTo(kind: WorkloadKind): DecisionStep[] {
  const walk = (id: DecisionNodeId, acc: DecisionStep[]): DecisionStep[] | undefined => {
    const q = DECISION_QUESTIONS[id];
    for (const a of q.answers) {
      const step = [...acc, { question: q, answer: a }];
      if ('outcome' in a.next) {
        if (a.next.outcome === kind) return step;
      } else {
        const found = walk(a.next.question, step);
        if (found) return found;
      }
    }
    return undefined;
  };
  const path = walk(DECISION_ROOT, []);
  if (!path) throw new Error(`no decision path to ${kind}`);
  return path;
}

/** "runs to completion? no → stable network identity? yes → StatefulSet" */
export function renderDecisionPath(kind: WorkloadKind): string {
  return [...decisionPathTo(kind).map((s) => `${s.question.short} ${s.answer.id}`), kind].join(' → ');
}

/** The state of a walk: the next question, or the outcome with the steps that led there. */
export type DecisionState =
  | { readonly done: false; readonly question: DecisionQuestion; readonly steps: readonly DecisionStep[] }
  | { readonly done: true; readonly kind: WorkloadKind; readonly steps: readonly DecisionStep[] };

/** Applies answers ('yes'/'no', in order) from the root; throws on an answer the tree does not have. */
export function walkDecisionTree(answers: readonly ('yes' | 'no')[]): DecisionState {
  let question = DECISION_QUESTIONS[DECISION_ROOT];
  const steps: DecisionStep[] = [];
  for (let i = 0; i < answers.length; i++) {
    const answer = question.answers.find((a) => a.id === answers[i]);
    if (!answer) throw new Error(`"${answers[i]}" is not an answer to "${question.question}"`);
    steps.push({ question, answer });
    if ('outcome' in answer.next) {
      if (i !== answers.length - 1) throw new Error(`too many answers: the tree ends at ${answer.next.outcome}`);
      return { done: true, kind: answer.next.outcome, steps };
    }
    question = DECISION_QUESTIONS[answer.next.question];
  }
  return { done: false, question, steps };
}

/** The whole tree as an indented text diagram (for docs and hovers). */
export function renderDecisionTreeText(): string {
  const lines: string[] = [];
  const visit = (id: DecisionNodeId, indent: string) => {
    const q = DECISION_QUESTIONS[id];
    lines.push(`${indent}${q.question}`);
    q.answers.forEach((a, i) => {
      const last = i === q.answers.length - 1;
      const branch = `${indent}${last ? '└─' : '├─'} ${a.id === 'yes' ? 'Yes' : 'No'}`;
      if ('outcome' in a.next) lines.push(`${branch} → ${a.next.outcome}`);
      else {
        lines.push(`${branch}:`);
        visit(a.next.question, `${indent}${last ? '   ' : '│  '}`);
      }
    });
  };
  visit(DECISION_ROOT, '');
  return lines.join('\n');
}
