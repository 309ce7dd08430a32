// What the "Choose Workload Type" wizard collects: the kind the decision tree led to, then
// only what that kind needs. The command accepts the same object as its argument.
import type { WorkloadKind } from '../guide/types';

export type ConcurrencyPolicy = 'Allow' | 'Forbid' | 'Replace';

/** The guide's patterns the wizard can start from (ids of guide/patterns.ts). */
export const WIZARD_PATTERN_IDS = [
  'vector-database',
  'llm-inference-cache',
  'embedding-refresh',
  'model-migration',
  'document-ingestion',
] as const;
export type WizardPatternId = (typeof WIZARD_PATTERN_IDS)[number];

export interface WizardAnswers {
  readonly kind: WorkloadKind;
  /** metadata.name, also the `app` label, the selector and (StatefulSet) the headless Service's name */
  readonly name: string;
  /** a pinned image reference (tag or digest) */
  readonly image: string;
  /** Deployment, StatefulSet */
  readonly replicas?: number;
  /** CronJob */
  readonly schedule?: string;
  /** CronJob: the IANA zone the schedule is read in (spec.timeZone); the kube-controller-manager's zone when omitted or empty */
  readonly timeZone?: string;
  /** CronJob; Forbid when omitted */
  readonly concurrencyPolicy?: ConcurrencyPolicy;
  /** Job */
  readonly completions?: number;
  /** Job */
  readonly parallelism?: number;
  /** Job: completionMode Indexed (needs completions) */
  readonly indexed?: boolean;
  /** StatefulSet: size of each replica's volume (a quantity, e.g. 10Gi) */
  readonly storageSize?: string;
  /** StatefulSet: StorageClass; the cluster's default when omitted or empty */
  readonly storageClass?: string;
  /** StatefulSet: add the governing headless Service (default true) */
  readonly headlessService?: boolean;
  /** Deployment, StatefulSet (without a pattern): the container port, none when omitted */
  readonly port?: number;
  /** start from one of the guide's patterns (must fit the kind) */
  readonly pattern?: WizardPatternId;
}

export interface AnswerProblem {
  readonly field: keyof WizardAnswers;
  readonly message: string;
}

export class WizardInputError extends Error {
  constructor(readonly problems: readonly AnswerProblem[]) {
    super(`Invalid workload answers: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'WizardInputError';
  }
}
