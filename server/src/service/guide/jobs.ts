// Job knowledge: retries, deadlines, parallel and indexed Jobs, cleanup, restart policies.

export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** the fieldRef path that reads the index into any env var */
export const COMPLETION_INDEX_FIELD_PATH = `metadata.annotations['${COMPLETION_INDEX_ANNOTATION}']`;

export interface JobField {
  readonly field: string;
  /** the guide's note, one or two sentences */
  readonly note: string;
  /** the value the guide uses in its examples, with what it means */
  readonly guideExample?: string;
}

export const JOB_FIELDS: Readonly<Record<string, JobField>> = {
  backoffLimit: {
    field: 'backoffLimit',
    note: 'How many times a failed pod is retried before the whole Job is marked failed.',
    guideExample: '`backoffLimit: 3` retries a migration 3 times; the parallel queue processor allows 10.',
  },
  activeDeadlineSeconds: {
    field: 'activeDeadlineSeconds',
    note: 'A time limit for the whole Job, retries included: when it passes, running pods are stopped and the Job fails with DeadlineExceeded.',
    guideExample: '`activeDeadlineSeconds: 600` stops a migration after 10 minutes; the model migration allows 3600 (1 hour max).',
  },
  parallelism: {
    field: 'parallelism',
    note: 'How many pods may run at the same time.',
    guideExample: '`parallelism: 5` runs 5 pods in parallel to work through a queue.',
  },
  completions: {
    field: 'completions',
    note: 'How many pods must finish successfully for the Job to be complete.',
    guideExample: '`completions: 100` processes 100 items in total, `parallelism` at a time.',
  },
  ttlSecondsAfterFinished: {
    field: 'ttlSecondsAfterFinished',
    note: 'Auto-cleanup: the Job and its pods are deleted this many seconds after it finishes (succeeded or failed). Without it, finished Jobs stay until someone deletes them.',
    guideExample:
      '`ttlSecondsAfterFinished: 3600` deletes the Job and its pods 1 hour after completion; the model migration keeps its Job 24 hours (86400).',
  },
  completionMode: {
    field: 'completionMode',
    note: `\`Indexed\` gives every pod a completion index from 0 to completions-1 so it can pick its own share of the work; the index is in the pod annotation \`${COMPLETION_INDEX_ANNOTATION}\` and the env var \`${COMPLETION_INDEX_ENV}\`.`,
    guideExample: '`completions: 10`, `parallelism: 3`, `completionMode: Indexed` processes partitions 0…9, three at a time.',
  },
};

export const JOB_RESTART_POLICY = {
  summary:
    "A Job's pods must use `restartPolicy: Never` or `OnFailure` — `Always` is rejected, because a pod that is restarted after it exits would never complete.",
  never:
    '`Never`: a failed container is not restarted in place; the Job creates a new pod (each attempt keeps its own logs). The guide uses it for Jobs.',
  onFailure: '`OnFailure`: the kubelet restarts the failed container in the same pod. The guide uses it for CronJob pods.',
  longRunning:
    'Deployments, StatefulSets and DaemonSets only accept `restartPolicy: Always` (the default): their pods are meant to keep running.',
};

/** Parallel Job: a fixed number of completions worked through a few pods at a time. */
export const PARALLEL_JOB = {
  summary: 'A parallel Job runs `parallelism` pods at a time until `completions` pods have succeeded (e.g. 5 at a time, 100 in total).',
};

export const INDEXED_JOB = {
  summary: 'Indexed parallel Jobs process items by index (0, 1, 2, …): each pod reads its index and handles that partition.',
  readIndex: `Read the index from the env var \`${COMPLETION_INDEX_ENV}\`, or into any variable with a fieldRef on \`${COMPLETION_INDEX_FIELD_PATH}\`, then pass it on (\`--partition=$(JOB_INDEX)\`).`,
};
