// cronjob-concurrency-policy: a CronJob that leaves concurrencyPolicy at its default, Allow.
import { getAt, rangeOfKey } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';

const POLICIES: readonly { value: string; title: string; preferred?: boolean }[] = [
  { value: 'Forbid', title: 'Add concurrencyPolicy: Forbid', preferred: true },
  { value: 'Replace', title: 'Add concurrencyPolicy: Replace' },
  { value: 'Allow', title: 'Add concurrencyPolicy: Allow (keep overlapping runs)' },
];

export const cronjobConcurrencyPolicy: Rule = {
  meta: {
    id: 'cronjob-concurrency-policy',
    name: 'CronJob concurrency policy not set',
    severity: 'information',
    kinds: ['CronJob'],
    description: 'spec.concurrencyPolicy is not set, so it defaults to Allow and runs may overlap.',
    rationale:
      'With the default policy, Allow, the CronJob starts a new Job at every scheduled time even while the previous one is still running. For backups, syncs and other jobs that must not overlap the guide uses Forbid (skip the run while one is active); Replace cancels the running Job instead. Writing the policy down makes the choice visible.',
    guideSection: 'CronJob — Concurrency Policies',
    fixable: true,
    onPatch: 'skip',
    messages: {
      unset:
        'concurrencyPolicy is not set, so it defaults to Allow: a new Job starts at each scheduled time even while the previous one is still running. Set Forbid to skip a run while one is active, or Replace to cancel it.',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: backup-tool:v1.0.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: backup-tool:v1.0.0\n  concurrencyPolicy: Forbid\n',
    },
  },
  check(ctx) {
    const spec = getAt(ctx.value, ['spec']);
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    const policy = (spec as Record<string, unknown>).concurrencyPolicy;
    if (policy !== undefined && policy !== null) return;
    const fixes: Fix[] = [];
    for (const p of POLICIES) {
      const edits = keepsYamlValid(ctx.doc, replaceValue(ctx.doc, ['spec', 'concurrencyPolicy'], p.value));
      if (edits) fixes.push({ title: p.title, edits, isPreferred: p.preferred });
    }
    const [start, end] = rangeOfKey(ctx.doc, ['spec', 'concurrencyPolicy']);
    ctx.report({ start, end, messageId: 'unset', fixes });
  },
};
