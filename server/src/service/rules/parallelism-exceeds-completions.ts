// parallelism-exceeds-completions: more parallel pods than there are completions to reach.
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { Fix, Rule } from './types';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const parallelismExceedsCompletions: Rule = {
  meta: {
    id: 'parallelism-exceeds-completions',
    name: 'Job parallelism exceeds completions',
    severity: 'warning',
    kinds: ['Job', 'CronJob'],
    description: 'parallelism is greater than completions, so part of the requested parallelism can never be used.',
    rationale:
      "The Job controller never runs more pods at once than there are completions left, so parallelism above completions does nothing — it usually means the two numbers were swapped or completions was lowered and parallelism forgotten. The guide's parallel Jobs keep parallelism below completions (5 of 100, 10 of 100, 3 of 10).",
    guideSection: 'Job — Parallel Job',
    fixable: true,
    onPatch: 'check',
    messages: {
      exceeds:
        'parallelism {{parallelism}} is greater than completions {{completions}}: at most {{completions}} pods ever run at once, so the extra parallelism is never used. Lower parallelism to {{completions}}, or raise completions if more work items are intended.',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: queue-processor\nspec:\n  parallelism: 10\n  completions: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: processor\n        image: worker:v1.0.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: queue-processor\nspec:\n  parallelism: 5\n  completions: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: processor\n        image: worker:v1.0.0\n',
    },
  },
  check(ctx) {
    const jobSpec = ctx.object?.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const spec = getAt(ctx.value, jobSpec) as Record<string, unknown> | undefined;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const { parallelism, completions } = spec;
    if (!isCount(parallelism) || !isCount(completions) || completions < 1 || parallelism <= completions) return;
    const fixes: Fix[] = [];
    // Lowering parallelism to completions changes nothing at run time: the controller caps it anyway.
    const edits = replaceValue(ctx.doc, [...jobSpec, 'parallelism'], String(completions));
    if (edits) fixes.push({ title: `Lower parallelism to ${completions}`, edits, isPreferred: true, safe: true });
    const [start, end] = rangeOfValue(ctx.doc, [...jobSpec, 'parallelism']);
    ctx.report({ start, end, messageId: 'exceeds', data: { parallelism, completions }, fixes });
  },
};
