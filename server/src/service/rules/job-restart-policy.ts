// job-restart-policy: a Job's (or CronJob's) pod template must say restartPolicy Never or
// OnFailure; the pod default, Always, is rejected for Jobs.
import { insertFirstPair, replaceValue } from '../manifest/edit';
import { findPair, getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { podSpecPath } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

export const jobRestartPolicy: Rule = {
  meta: {
    id: 'job-restart-policy',
    name: 'Job pods must not restart Always',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: "A Job's pod template has no restartPolicy or restartPolicy: Always.",
    rationale:
      'A Job runs to completion, so its pods must be allowed to finish: the API server accepts only Never (a failed pod is replaced ' +
      'by a new one, and its logs stay) or OnFailure (the container restarts in the same pod). The pod default, Always, is rejected — ' +
      'which is why the guide writes `restartPolicy: Never  # Required for Jobs` in every Job.',
    guideSection: 'Job',
    fixable: true,
    onPatch: { skipMessages: ['missing'], skipped: 'a pod template without restartPolicy (restartPolicy: Always is still reported)' },
    messages: {
      missing:
        'The {{kind}} pod template sets no restartPolicy, and the pod default Always is not allowed for a Job — set restartPolicy: Never ' +
        '(or OnFailure to restart the container in place).',
      always:
        'restartPolicy: Always is not allowed in a {{kind}}: its pods must be able to finish — use Never (or OnFailure to restart the ' +
        'container in place).',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n' +
        '      - name: migrate\n        image: app:1.0.0\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n' +
        '      containers:\n      - name: migrate\n        image: app:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec) return;
    const podSpec = getAt(ctx.value, spec);
    // A missing or malformed pod spec is missing-required-field's / invalid-value's to report.
    if (!podSpec || typeof podSpec !== 'object' || Array.isArray(podSpec)) return;
    const policyPath = [...spec, 'restartPolicy'];
    const policy = (podSpec as Record<string, unknown>).restartPolicy;
    const present = policy !== undefined && policy !== null;
    if (present && policy !== 'Always') return;
    const fixes: Fix[] = [];
    for (const [value, preferred] of [
      ['Never', true],
      ['OnFailure', false],
    ] as const) {
      const edits =
        present || findPair(ctx.doc, policyPath)
          ? replaceValue(ctx.doc, policyPath, value)
          : insertFirstPair(ctx.doc, spec, 'restartPolicy', value);
      if (edits) fixes.push({ title: `Set restartPolicy: ${value}`, edits, isPreferred: preferred });
    }
    const [start, end] = present
      ? rangeOfValue(ctx.doc, policyPath)
      : findPair(ctx.doc, policyPath)
        ? rangeOfKey(ctx.doc, policyPath)
        : rangeOfKey(ctx.doc, spec);
    ctx.report({ start, end, messageId: present ? 'always' : 'missing', data: { kind: ctx.object.kind }, fixes });
  },
};
