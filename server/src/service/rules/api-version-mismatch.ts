// api-version-mismatch: the apiVersion does not serve the kind (`apiVersion: v1` on a Deployment,
// or a beta that Kubernetes removed: extensions/v1beta1 and apps/v1beta1/v1beta2 workloads in
// 1.16, batch/v1beta1 CronJob in 1.25). Only the core, apps, batch and extensions groups are
// judged: a CRD may reuse a kind name under its own group. Flags the apiVersion value; a kind
// that v1/apps/v1/batch/v1 does not have but that is close to one we know (`Deploymnet`,
// `deployment`) is flagged on the kind with the likely kind as the fix.
import { rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import { checkApiVersion, misspeltKind } from '../schema/apiVersions';
import type { Fix, Rule } from './types';

export const apiVersionMismatch: Rule = {
  meta: {
    id: 'api-version-mismatch',
    name: 'apiVersion does not serve the kind',
    severity: 'error',
    kinds: 'all',
    description: 'The apiVersion does not serve this kind, or is a beta that Kubernetes removed.',
    rationale:
      'The API server looks the kind up in the apiVersion\'s group: a Deployment under `v1`, or under `extensions/v1beta1` (removed in Kubernetes 1.16), is "no matches for kind". The workload kinds live in apps/v1 (Deployment, StatefulSet, DaemonSet, ReplicaSet) and batch/v1 (Job, CronJob; batch/v1beta1 CronJob was removed in 1.25).',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      removed: '`{{apiVersion}}` no longer serves {{kind}}: it was removed in Kubernetes {{release}}. Use `{{expected}}`.',
      mismatch: '`{{apiVersion}}` does not serve {{kind}}. Use `{{expected}}`.',
      unknownKind: '`{{apiVersion}}` has no kind `{{kind}}`. Did you mean `{{suggestion}}`?',
    },
    example: {
      invalid:
        'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: report:1.0\n',
    },
  },
  check(ctx) {
    if (!ctx.object) return;
    const { apiVersion, kind } = ctx.object;
    const suggestion = misspeltKind(apiVersion, kind);
    if (suggestion) {
      const [start, end] = rangeOfValue(ctx.doc, ['kind']);
      const fixes: Fix[] = [];
      const edits = replaceValue(ctx.doc, ['kind'], suggestion);
      const served = checkApiVersion(apiVersion, suggestion);
      const both = served?.expected.length === 1 ? replaceValue(ctx.doc, ['apiVersion'], served.expected[0]) : undefined;
      if (edits && both && served)
        fixes.push({
          title: `Change kind to \`${suggestion}\` and apiVersion to \`${served.expected[0]}\``,
          edits: [...both, ...edits],
          isPreferred: true,
        });
      if (edits) fixes.push({ title: `Change kind to \`${suggestion}\``, edits, isPreferred: fixes.length === 0 });
      ctx.report({ start, end, messageId: 'unknownKind', data: { apiVersion, kind, suggestion }, fixes });
      return;
    }
    const problem = checkApiVersion(apiVersion, kind);
    if (!problem) return;
    const [start, end] = rangeOfValue(ctx.doc, ['apiVersion']);
    const fixes: Fix[] = [];
    for (const v of problem.expected) {
      const edits = replaceValue(ctx.doc, ['apiVersion'], v);
      if (edits)
        fixes.push({
          title: `Change apiVersion to \`${v}\``,
          edits,
          isPreferred: problem.expected.length === 1,
          safe: problem.expected.length === 1,
        });
    }
    const data = { apiVersion, kind, expected: problem.expected.join('` or `'), release: problem.removedIn ?? '' };
    ctx.report({ start, end, messageId: problem.removedIn ? 'removed' : 'mismatch', data, fixes });
  },
};
