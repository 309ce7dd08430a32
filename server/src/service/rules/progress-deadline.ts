// progress-deadline: a Deployment's progressDeadlineSeconds must be greater than its
// minReadySeconds (ValidateDeploymentSpec). Left out, the deadline is 600 (apps/v1 defaulting),
// so a minReadySeconds of 600 or more is rejected too.
import { rangeOfValue } from '../manifest/navigate';
import { hasOwn, isInt, own } from './podParts';
import type { Rule } from './types';

/** SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go). */
const DEFAULT_DEADLINE = 600;

export const progressDeadline: Rule = {
  meta: {
    id: 'progress-deadline',
    name: 'progressDeadlineSeconds not above minReadySeconds',
    severity: 'error',
    kinds: ['Deployment'],
    description: 'A Deployment whose `progressDeadlineSeconds` (600 when left out) is not greater than its `minReadySeconds`.',
    rationale:
      'A new pod counts as available only after it has been ready for minReadySeconds, and the Deployment is marked as failing to progress ' +
      'when nothing became available within progressDeadlineSeconds. A deadline at or below minReadySeconds would expire before any pod ' +
      'could count, so the API server rejects it ("must be greater than minReadySeconds"). When progressDeadlineSeconds is left out it is ' +
      '600, so a minReadySeconds of 600 or more needs an explicit, larger deadline.',
    guideSection: 'Kubernetes API',
    source:
      '`ValidateDeploymentSpec`, pkg/apis/apps/validation/validation.go (default 600 from `SetDefaults_Deployment`, pkg/apis/apps/v1/defaults.go)',
    fixable: false,
    onPatch: {
      skipMessages: ['defaultDeadline'],
      skipped: 'a minReadySeconds of 600 or more without progressDeadlineSeconds (the base may set the deadline)',
    },
    messages: {
      notGreater:
        'progressDeadlineSeconds ({{deadline}}) must be greater than minReadySeconds ({{minReady}}): pods count as available only after ' +
        'minReadySeconds, so the rollout would be failed before any could.',
      defaultDeadline:
        'minReadySeconds ({{minReady}}) is not below the default progressDeadlineSeconds (600): set progressDeadlineSeconds above ' +
        '{{minReady}}, or lower minReadySeconds.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  minReadySeconds: 60\n  progressDeadlineSeconds: 60\n' +
        '  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n' +
        '      - name: web\n        image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value) return;
    const spec = own(ctx.value, 'spec');
    const minReady = hasOwn(spec, 'minReadySeconds') ? own(spec, 'minReadySeconds') : 0;
    // Other types are invalid-value's.
    if (!isInt(minReady)) return;
    const deadline = own(spec, 'progressDeadlineSeconds');
    if (deadline === undefined || deadline === null) {
      if (minReady < DEFAULT_DEADLINE) return;
      const [start, end] = rangeOfValue(ctx.doc, ['spec', 'minReadySeconds']);
      ctx.report({ start, end, messageId: 'defaultDeadline', data: { minReady } });
      return;
    }
    if (!isInt(deadline) || deadline > minReady) return;
    const [start, end] = rangeOfValue(ctx.doc, ['spec', 'progressDeadlineSeconds']);
    ctx.report({ start, end, messageId: 'notGreater', data: { deadline, minReady } });
  },
};
