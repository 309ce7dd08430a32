// job-ttl: a standalone Job without ttlSecondsAfterFinished stays in the cluster after it finishes.
// Only standalone Jobs: a CronJob cleans up the Jobs it creates with its history limits
// (successfulJobsHistoryLimit / failedJobsHistoryLimit), so its jobTemplate is not checked, and a
// Job owned by a CronJob (ownerReferences, e.g. exported from a cluster) is skipped too.
import { getAt, rangeOfKey } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';

/** The guide's example value: delete the Job and its pods one hour after it finishes. */
const TTL = 3600;

function ownedByCronJob(value: unknown): boolean {
  const owners = getAt(value, ['metadata', 'ownerReferences']);
  return Array.isArray(owners) && owners.some((o) => !!o && typeof o === 'object' && (o as Record<string, unknown>).kind === 'CronJob');
}

export const jobTtl: Rule = {
  meta: {
    id: 'job-ttl',
    name: 'Job without ttlSecondsAfterFinished',
    severity: 'information',
    kinds: ['Job'],
    description: 'A standalone Job has no ttlSecondsAfterFinished, so it and its pods stay in the cluster after it finishes.',
    rationale:
      'A finished Job is not deleted: the Job object and its completed pods (with their logs) stay until someone removes them, and pile up with every run. ttlSecondsAfterFinished lets Kubernetes delete them a set time after the Job completes or fails; the guide uses one hour for a one-time migration. CronJobs are not checked: their history limits already clean up old Jobs.',
    guideSection: 'Advanced Job Features — Auto-Cleanup with TTL',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing:
        'This Job has no ttlSecondsAfterFinished: the Job and its finished pods stay in the cluster until deleted by hand. Set ttlSecondsAfterFinished (e.g. {{ttl}} = one hour) to have Kubernetes clean them up after the Job finishes.',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: one-time-migration\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: migrator:v1\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: one-time-migration\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: migrator:v1\n  ttlSecondsAfterFinished: 3600\n',
    },
  },
  check(ctx) {
    const spec = getAt(ctx.value, ['spec']) as Record<string, unknown> | undefined;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) return;
    if (ownedByCronJob(ctx.value)) return;
    const fixes: Fix[] = [];
    const edits = keepsYamlValid(ctx.doc, replaceValue(ctx.doc, ['spec', 'ttlSecondsAfterFinished'], String(TTL)));
    if (edits) fixes.push({ title: `Add ttlSecondsAfterFinished: ${TTL} (clean up 1 hour after it finishes)`, edits, isPreferred: true });
    const [start, end] = rangeOfKey(ctx.doc, ['spec', 'ttlSecondsAfterFinished']);
    ctx.report({ start, end, messageId: 'missing', data: { ttl: TTL }, fixes });
  },
};
