// invalid-cron-schedule: a CronJob's spec.schedule that the API server's cron parser rejects.
import { parseCronSchedule } from '../cron/index';
import { findNode, rangeOfValue } from '../manifest/navigate';
import type { Rule } from './types';

export const invalidCronSchedule: Rule = {
  meta: {
    id: 'invalid-cron-schedule',
    name: 'Invalid cron schedule',
    severity: 'error',
    kinds: ['CronJob'],
    description:
      'spec.schedule is not a cron expression Kubernetes accepts (5 fields, ranges, steps, month and weekday names, @hourly/@daily/… macros).',
    rationale:
      'The API server parses the schedule with the standard five-field cron grammar (minute hour day-of-month month day-of-week) and rejects the CronJob when it does not parse. Seconds or year fields, `L`, `W`, `#` and 7 for Sunday come from other cron dialects and are refused.',
    guideSection: 'CronJob — Cron Syntax',
    fixable: false,
    onPatch: 'check',
    messages: {
      invalid:
        'Invalid cron schedule "{{schedule}}": {{reason}}. Write five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *".',
    },
    example: {
      invalid: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 25 * * *"\n',
    },
  },
  check(ctx) {
    const schedule = ctx.value && (ctx.value.spec as Record<string, unknown> | undefined)?.schedule;
    // A missing or non-string schedule is the schema rules' business.
    if (typeof schedule !== 'string') return;
    const parsed = parseCronSchedule(schedule);
    if (parsed.ok) return;
    if (!findNode(ctx.doc, ['spec', 'schedule'])) return;
    const [start, end] = rangeOfValue(ctx.doc, ['spec', 'schedule']);
    ctx.report({ start, end, messageId: 'invalid', data: { schedule, reason: parsed.message } });
  },
};
