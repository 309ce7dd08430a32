// long-running-restart-policy: Deployments, StatefulSets, DaemonSets, ReplicaSets and
// ReplicationControllers keep their pods running, so the only restartPolicy their templates
// accept is Always (the default).
import { removePair } from '../manifest/edit';
import { getAt, rangeOfValue } from '../manifest/navigate';
import { podSpecPath } from '../k8s/podSpec';
import type { Rule } from './types';

export const longRunningRestartPolicy: Rule = {
  meta: {
    id: 'long-running-restart-policy',
    name: 'Long-running pods must restart Always',
    severity: 'error',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'],
    description:
      'A Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController pod template sets a restartPolicy other than Always.',
    rationale:
      'These controllers exist to keep pods running, so the API server accepts only restartPolicy: Always in their templates. ' +
      "A restartPolicy of Never or OnFailure usually means the workload runs to completion — in the guide's decision tree that is a " +
      'Job (or a CronJob when it runs on a schedule).',
    guideSection: 'Decision Tree',
    source:
      '`ValidateDeploymentSpec` and `ValidatePodTemplateSpecForReplicaSet`, `ValidateStatefulSetSpec`, `ValidateDaemonSetSpec` ' +
      '(pkg/apis/apps/validation/validation.go), `ValidatePodTemplateSpecForRC` (pkg/apis/core/validation/validation.go)',
    fixable: true,
    onPatch: 'check',
    messages: {
      notAlways:
        'restartPolicy: {{value}} is not allowed in a {{kind}}: its pods must keep running, so only Always (the default) is accepted — ' +
        'remove the line, or use a Job if this task runs to completion.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n' +
        '  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      restartPolicy: Never\n      containers:\n' +
        '      - name: web\n        image: web:1.0.0\n',
      fixed:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n' +
        '  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n' +
        '      - name: web\n        image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec) return;
    const path = [...spec, 'restartPolicy'];
    const policy = getAt(ctx.value, path);
    // Only the other valid policies: a value outside Never/OnFailure/Always is invalid-value's to report.
    if (policy !== 'Never' && policy !== 'OnFailure') return;
    const edits = removePair(ctx.doc, path);
    const [start, end] = rangeOfValue(ctx.doc, path);
    ctx.report({
      start,
      end,
      messageId: 'notAlways',
      data: { value: typeof policy === 'string' ? policy : JSON.stringify(policy), kind: ctx.object.kind },
      fixes: edits ? [{ title: 'Remove restartPolicy (Always is the default)', edits, isPreferred: true, safe: true }] : [],
    });
  },
};
