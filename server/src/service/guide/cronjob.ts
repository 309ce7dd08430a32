// CronJob knowledge: cron syntax, the guide's schedules, concurrency policies, history limits.

/** The five cron fields as the guide's diagram shows them. */
export const CRON_FIELD_DIAGRAM = [
  '┌───────────── minute (0-59)',
  '│ ┌───────────── hour (0-23)',
  '│ │ ┌───────────── day of month (1-31)',
  '│ │ │ ┌───────────── month (1-12 or JAN-DEC)',
  '│ │ │ │ ┌───────────── day of week (0-6 or SUN-SAT; 0 is Sunday)',
  '│ │ │ │ │',
  '* * * * *',
].join('\n');

export interface CronPreset {
  readonly schedule: string;
  /** what it means, in words */
  readonly meaning: string;
  /** where the guide uses it */
  readonly source: string;
}

/** The schedules the guide uses, in the order the completion list offers them. */
export const CRON_PRESETS: readonly CronPreset[] = [
  { schedule: '*/15 * * * *', meaning: 'Every 15 minutes', source: 'cron syntax examples' },
  { schedule: '0 * * * *', meaning: 'Every hour, on the hour', source: 'cron syntax examples (hourly reports)' },
  { schedule: '0 2 * * *', meaning: 'Every day at 02:00', source: 'the nightly backup CronJob' },
  { schedule: '0 3 * * *', meaning: 'Every day at 03:00', source: 'the nightly embedding refresh' },
  { schedule: '0 0 * * 0', meaning: 'Every Sunday at midnight', source: 'cron syntax examples' },
  { schedule: '0 9 1 * *', meaning: 'The first of every month at 09:00', source: 'cron syntax examples' },
];

/** The descriptors Kubernetes accepts, with their meaning. */
export const CRON_MACRO_PRESETS: readonly CronPreset[] = [
  { schedule: '@hourly', meaning: 'Every hour, on the hour (0 * * * *)', source: 'cron descriptor' },
  { schedule: '@daily', meaning: 'Every day at midnight (0 0 * * *)', source: 'cron descriptor' },
  { schedule: '@midnight', meaning: 'Every day at midnight, same as @daily (0 0 * * *)', source: 'cron descriptor' },
  { schedule: '@weekly', meaning: 'Every Sunday at midnight (0 0 * * 0)', source: 'cron descriptor' },
  { schedule: '@monthly', meaning: 'The first of every month at midnight (0 0 1 * *)', source: 'cron descriptor' },
  { schedule: '@yearly', meaning: 'Every January 1st at midnight (0 0 1 1 *)', source: 'cron descriptor' },
  { schedule: '@annually', meaning: 'Every January 1st at midnight, same as @yearly (0 0 1 1 *)', source: 'cron descriptor' },
];

export type ConcurrencyPolicyName = 'Allow' | 'Forbid' | 'Replace';

export const CONCURRENCY_POLICIES: readonly { readonly policy: ConcurrencyPolicyName; readonly effect: string; readonly when: string }[] = [
  {
    policy: 'Allow',
    effect: 'Starts a new Job even while the previous one is still running (the default)',
    when: 'runs that may safely overlap',
  },
  {
    policy: 'Forbid',
    effect: 'Skips the new run while the previous Job is still running',
    when: 'backups, syncs and refreshes that must not overlap (the guide uses it for backups and the embedding refresh)',
  },
  {
    policy: 'Replace',
    effect: 'Cancels the running Job and starts the new one in its place',
    when: 'jobs where only the latest run matters',
  },
];

export const HISTORY_LIMITS = {
  summary:
    'How many finished Jobs (and their pods, with logs) the CronJob keeps: successful ones and failed ones are counted separately; older ones are deleted.',
  guideExample:
    'The guide keeps 3 of each (`successfulJobsHistoryLimit: 3`, `failedJobsHistoryLimit: 3`) so recent failures stay inspectable.',
};

export const TIME_ZONE_NOTE = {
  summary:
    "spec.timeZone is an IANA zone name (e.g. `Europe/Berlin`); without it the schedule follows the kube-controller-manager's zone — usually UTC. Do not write `TZ=` or `CRON_TZ=` inside schedule: Kubernetes rejects it.",
};
