// rolling-update-not-allowed: a `rollingUpdate` block under a strategy that does not roll — a
// Deployment's `type: Recreate` (ValidateDeploymentStrategy) or a StatefulSet's `type: OnDelete`
// (ValidateStatefulSetSpec). The API server rejects the object instead of ignoring the block.
import { removePair } from '../manifest/edit';
import { rangeOfKey } from '../manifest/navigate';
import { isObject, own } from './podParts';
import type { Rule } from './types';
import { entryOf } from '../text/tables';

const STRATEGY: Readonly<Record<string, { readonly field: string; readonly type: string }>> = {
  Deployment: { field: 'strategy', type: 'Recreate' },
  StatefulSet: { field: 'updateStrategy', type: 'OnDelete' },
};

export const rollingUpdateNotAllowed: Rule = {
  meta: {
    id: 'rolling-update-not-allowed',
    name: 'rollingUpdate under a strategy that does not roll',
    severity: 'error',
    kinds: Object.keys(STRATEGY),
    description:
      'A Deployment with `strategy.type: Recreate`, or a StatefulSet with `updateStrategy.type: OnDelete`, that still has a `rollingUpdate` block.',
    rationale:
      '`rollingUpdate` (maxSurge, maxUnavailable, partition) tunes a rolling update. A Deployment that recreates its pods — all old pods ' +
      'stopped before new ones start, as for a database that must not run twice — or a StatefulSet that updates pods only when you delete ' +
      'them has no rolling update to tune, and the API server rejects the block rather than ignore it ("may not be specified when strategy ' +
      "`type` is 'Recreate'\", \"only allowed for updateStrategy 'RollingUpdate'\"). It typically stays behind when the type is changed. " +
      'Remove it. (A DaemonSet with `OnDelete` is accepted with the block, which is then ignored.)',
    guideSection: 'Kubernetes API',
    source: '`ValidateDeploymentStrategy` and `ValidateStatefulSetSpec`, pkg/apis/apps/validation/validation.go',
    fixable: true,
    onPatch: 'check',
    messages: {
      notAllowed: 'rollingUpdate is not allowed when {{field}}.type is {{type}}: the {{kind}} does not roll its pods — remove the block.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n' +
        '  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n' +
        '      - name: db\n        image: db:1.0.0\n',
      fixed:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  strategy:\n    type: Recreate\n' +
        '  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n' +
        '      - name: db\n        image: db:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const s = entryOf(STRATEGY, ctx.object.kind);
    if (!s) return;
    const strategy = own(own(ctx.value, 'spec'), s.field);
    // `rollingUpdate:` with nothing after it is null: Go reads it as not set, and so does the API server.
    if (own(strategy, 'type') !== s.type || !isObject(own(strategy, 'rollingUpdate'))) return;
    const path = ['spec', s.field, 'rollingUpdate'];
    const [start, end] = rangeOfKey(ctx.doc, path);
    const edits = removePair(ctx.doc, path);
    ctx.report({
      start,
      end,
      messageId: 'notAllowed',
      data: { field: s.field, type: s.type, kind: ctx.object.kind },
      fixes: edits ? [{ title: 'Remove rollingUpdate', edits, isPreferred: true, safe: true }] : [],
    });
  },
};
