// partition-exceeds-replicas: a StatefulSet rolling-update partition at or above the replica
// count, so the rolling update touches no pod at all.
import { getAt, rangeOfValue } from '../manifest/navigate';
import type { Rule } from './types';

const PARTITION = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];

export const partitionExceedsReplicas: Rule = {
  meta: {
    id: 'partition-exceeds-replicas',
    name: 'Partition leaves no pod to update',
    severity: 'warning',
    kinds: ['StatefulSet'],
    description: 'updateStrategy.rollingUpdate.partition is at or above spec.replicas, so a rolling update changes no pod.',
    rationale:
      'A StatefulSet only updates the pods whose ordinal is at or above the partition. The guide uses this for staged rollouts: ' +
      'partition 2 on 3 replicas updates pod 2 first, and lowering the partition to 0 finishes the rollout. A partition equal to or ' +
      'above the replica count updates nothing, which looks like a stuck rollout.',
    guideSection: 'StatefulSet › Rolling Updates with Partition',
    fixable: false,
    onPatch: 'skip',
    messages: {
      noPodUpdates:
        'partition {{partition}} is not below replicas {{replicas}}: only pods with an ordinal >= the partition get the new template, ' +
        'so none of {{pods}} will update. For a staged rollout set it to the first ordinal to update (at most {{max}}), then lower it to 0.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  updateStrategy:\n    rollingUpdate:\n      partition: 3\n',
    },
  },
  check(ctx) {
    const v = ctx.value;
    if (!v) return;
    const type = getAt(v, ['spec', 'updateStrategy', 'type']);
    if (type !== undefined && type !== null && type !== 'RollingUpdate') return;
    const partition = getAt(v, PARTITION);
    if (typeof partition !== 'number' || !Number.isInteger(partition)) return;
    const rawReplicas = getAt(v, ['spec', 'replicas']);
    const replicas = rawReplicas === undefined || rawReplicas === null ? 1 : rawReplicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas <= 0) return;
    if (partition < replicas) return;
    const name = ctx.object?.name ?? 'pod';
    const pods = replicas === 1 ? `${name}-0` : `${name}-0…${name}-${replicas - 1}`;
    const [start, end] = rangeOfValue(ctx.doc, PARTITION);
    ctx.report({
      start,
      end,
      messageId: 'noPodUpdates',
      data: {
        partition,
        replicas: rawReplicas === undefined || rawReplicas === null ? '1 (the default)' : replicas,
        pods,
        max: replicas - 1,
      },
    });
  },
};
