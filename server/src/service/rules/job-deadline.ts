// job-deadline: a Job without activeDeadlineSeconds can run (or hang) forever.
// Jobs only, as in the catalog: a CronJob's runs are bounded by its concurrency policy and
// schedule, and the guide's CronJob examples set no deadline.
import { getAt, rangeOfKey } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';

/** The guide's db-migrate example: time out after 10 minutes. */
const DEADLINE = 600;

/** A Job created by a CronJob (e.g. exported from a cluster): its deadline belongs in the CronJob. */
function ownedByCronJob(value: unknown): boolean {
  const owners = getAt(value, ['metadata', 'ownerReferences']);
  return Array.isArray(owners) && owners.some((o) => !!o && typeof o === 'object' && (o as Record<string, unknown>).kind === 'CronJob');
}

export const jobDeadline: Rule = {
  meta: {
    id: 'job-deadline',
    name: 'Job without activeDeadlineSeconds',
    severity: 'information',
    kinds: ['Job'],
    description: 'A Job has no activeDeadlineSeconds, so a stuck run is never stopped.',
    rationale:
      "backoffLimit bounds how often failed pods are retried, but a pod that hangs never fails: without activeDeadlineSeconds the Job runs until someone notices. With a deadline Kubernetes terminates the Job's pods and marks it failed (reason DeadlineExceeded) once it has been active that long. The guide's migration Jobs time out after 10 minutes and 1 hour.",
    guideSection: 'Job',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing:
        'This Job has no activeDeadlineSeconds: if a pod hangs, the Job runs forever. Set activeDeadlineSeconds (e.g. {{deadline}} = 10 minutes) to the longest time a run may take.',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: db-migrate\nspec:\n  backoffLimit: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: myapp:v1.0.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: db-migrate\nspec:\n  backoffLimit: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: myapp:v1.0.0\n  activeDeadlineSeconds: 600\n',
    },
  },
  check(ctx) {
    const spec = getAt(ctx.value, ['spec']) as Record<string, unknown> | undefined;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) return;
    if (ownedByCronJob(ctx.value)) return;
    const fixes: Fix[] = [];
    const edits = keepsYamlValid(ctx.doc, replaceValue(ctx.doc, ['spec', 'activeDeadlineSeconds'], String(DEADLINE)));
    if (edits) fixes.push({ title: `Add activeDeadlineSeconds: ${DEADLINE} (stop after 10 minutes)`, edits, isPreferred: true });
    const [start, end] = rangeOfKey(ctx.doc, ['spec', 'activeDeadlineSeconds']);
    ctx.report({ start, end, messageId: 'missing', data: { deadline: DEADLINE }, fixes });
  },
};
