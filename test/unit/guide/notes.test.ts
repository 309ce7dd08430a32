import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fieldGuideNote,
  humanSeconds,
  kindHoverMarkdown,
  statefulSetClaimNames,
  statefulSetDnsNames,
} from '../../../server/src/service/guide/index';
import {
  apiServer,
  backup,
  dbMigrate,
  embeddingSync,
  headlessService,
  indexedProcessor,
  nodeExporter,
  postgres,
  qdrant,
  queueProcessor,
} from './fixtures';

const now = new Date('2026-03-06T12:00:00Z');
type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);
function withSpec(base: Obj, patch: Obj): Obj {
  const o = clone(base) as { spec: Obj };
  Object.assign(o.spec, patch);
  return o;
}

const note = (kind: string, path: (string | number)[], object: Obj) => fieldGuideNote({ kind, path, object, now });

// [title, kind, path, object, phrases that must appear, phrases that must not]
const cases: [string, string, (string | number)[], Obj, string[], string[]?][] = [
  [
    'schedule: words, next three runs in UTC, diagram',
    'CronJob',
    ['spec', 'schedule'],
    backup,
    [
      'At 02:00 every day',
      'Sat 2026-03-07 02:00 UTC',
      'Sun 2026-03-08 02:00 UTC',
      'Mon 2026-03-09 02:00 UTC',
      'usually UTC',
      '(https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax)',
      'minute (0-59)',
      'day of week (0-6',
    ],
  ],
  [
    'schedule: next runs honour spec.timeZone across DST',
    'CronJob',
    ['spec', 'schedule'],
    embeddingSync,
    [
      'At 03:00 every day',
      'America/New_York',
      'Sat 2026-03-07 03:00 GMT-5 (08:00 UTC)',
      'Sun 2026-03-08 03:00 GMT-4 (07:00 UTC)',
      'Mon 2026-03-09 03:00 GMT-4',
    ],
    ['Tue 2026-03-10'],
  ],
  [
    'schedule: invalid',
    'CronJob',
    ['spec', 'schedule'],
    withSpec(backup, { schedule: '0 24 * * *' }),
    ['Invalid schedule', 'hour: 24 is out of range 0-23', 'hour (0-23)'],
  ],
  [
    'schedule: bad time zone falls back to UTC',
    'CronJob',
    ['spec', 'schedule'],
    withSpec(backup, { timeZone: 'Mars/Base' }),
    ['not a valid IANA zone', '02:00 UTC'],
  ],
  [
    'schedule: TZ= prefix',
    'CronJob',
    ['spec', 'schedule'],
    withSpec(backup, { schedule: 'TZ=Europe/Berlin 0 2 * * *' }),
    ['move `TZ=Europe/Berlin` to spec.timeZone', 'GMT+1'],
  ],
  ['schedule: never fires', 'CronJob', ['spec', 'schedule'], withSpec(backup, { schedule: '0 0 30 2 *' }), ['never fires']],
  ['timeZone', 'CronJob', ['spec', 'timeZone'], embeddingSync, ['IANA zone', 'Sat 2026-03-07 03:00 GMT-5']],
  [
    'timeZone invalid',
    'CronJob',
    ['spec', 'timeZone'],
    withSpec(embeddingSync, { timeZone: 'Local' }),
    ['`Local` is not an IANA time zone name'],
  ],
  [
    'concurrencyPolicy: three policies, current highlighted',
    'CronJob',
    ['spec', 'concurrencyPolicy'],
    backup,
    ['`Allow`', '**▶ `Forbid`** (current)', '`Replace`', 'Skips the new run while the previous Job is still running'],
  ],
  [
    'concurrencyPolicy unset: Allow in effect',
    'CronJob',
    ['spec', 'concurrencyPolicy'],
    { kind: 'CronJob', spec: {} },
    ['**▶ `Allow`** (default, in effect)', 'not set'],
  ],
  [
    'successfulJobsHistoryLimit',
    'CronJob',
    ['spec', 'successfulJobsHistoryLimit'],
    backup,
    ['the last 3 successful Jobs are kept', '`failedJobsHistoryLimit: 3`'],
  ],
  [
    'failedJobsHistoryLimit',
    'CronJob',
    ['spec', 'failedJobsHistoryLimit'],
    withSpec(backup, { failedJobsHistoryLimit: 1 }),
    ['the last 1 failed Job is kept'],
  ],
  [
    'StatefulSet serviceName: DNS names in the namespace and ordered lifecycle',
    'StatefulSet',
    ['spec', 'serviceName'],
    qdrant,
    [
      'qdrant-0.qdrant.ai-prod.svc.cluster.local',
      'qdrant-1.qdrant.ai-prod.svc.cluster.local',
      'qdrant-2.qdrant.ai-prod.svc.cluster.local',
      'qdrant-0 (Running, Ready) → qdrant-1 starts → qdrant-2 starts',
      'qdrant-2 terminates → qdrant-1 terminates → qdrant-0 terminates',
    ],
    ['qdrant-3'],
  ],
  [
    'StatefulSet podManagementPolicy Parallel: no ordered start/stop',
    'StatefulSet',
    ['spec', 'serviceName'],
    withSpec(qdrant, { podManagementPolicy: 'Parallel' }),
    ['qdrant-0.qdrant.ai-prod.svc.cluster.local', 'pods start and stop all at once'],
    ['(Running, Ready)', 'terminates', 'one at a time in ordinal order', "Pod won't start"],
  ],
  [
    'StatefulSet replicas: default namespace',
    'StatefulSet',
    ['spec', 'replicas'],
    postgres,
    ['postgres-0.postgres.default.svc.cluster.local', 'postgres-2.postgres.default.svc.cluster.local'],
  ],
  [
    'StatefulSet replicas: listed up to 10',
    'StatefulSet',
    ['spec', 'replicas'],
    withSpec(postgres, { replicas: 12 }),
    ['postgres-9.postgres.default.svc.cluster.local', '… and 2 more'],
    ['postgres-10.postgres'],
  ],
  [
    'StatefulSet replicas unset: one pod',
    'StatefulSet',
    ['spec', 'replicas'],
    (() => {
      const o = clone(postgres) as Obj & { spec: Obj };
      delete o.spec.replicas;
      return o;
    })(),
    ['1 replica ', 'postgres-0.postgres.default'],
    ['postgres-1'],
  ],
  [
    'StatefulSet without serviceName',
    'StatefulSet',
    ['spec', 'replicas'],
    withSpec(postgres, { serviceName: undefined }),
    ['No serviceName', '`postgres-0`'],
  ],
  [
    'volumeClaimTemplates[].metadata.name: PVC names',
    'StatefulSet',
    ['spec', 'volumeClaimTemplates', 0, 'metadata', 'name'],
    postgres,
    [
      'data-postgres-0',
      'data-postgres-1',
      'data-postgres-2',
      '/var/lib/postgresql/data',
      'Pod stuck Pending',
      'Data lost on restart',
      'kubectl get pvc data-postgres-0 data-postgres-1 data-postgres-2',
      "the cluster's default StorageClass",
      '⚠ no `resources.requests.storage`',
    ],
  ],
  [
    'volumeClaimTemplates: the list',
    'StatefulSet',
    ['spec', 'volumeClaimTemplates'],
    qdrant,
    ['storage-qdrant-0', 'storage-qdrant-2', '/qdrant/storage'],
  ],
  [
    'volumeClaimTemplates: unmounted claim',
    'StatefulSet',
    ['spec', 'volumeClaimTemplates', 0],
    withSpec(postgres, { volumeClaimTemplates: [{ metadata: { name: 'cache' } }] }),
    ['no container mounts it', 'cache-postgres-0'],
  ],
  [
    'partition: which ordinals update, staged rollout',
    'StatefulSet',
    ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
    qdrant,
    [
      'updated → `qdrant-2`',
      'statefulset/#partitions)',
      'kept on the old version → `qdrant-0`, `qdrant-1`',
      'kubectl set image statefulset/qdrant qdrant=',
      '"partition":0',
    ],
  ],
  [
    'partition >= replicas: nothing updates',
    'StatefulSet',
    ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
    withSpec(qdrant, { updateStrategy: { rollingUpdate: { partition: 3 } } }),
    ['no pod will update'],
  ],
  [
    'Service clusterIP: None',
    'Service',
    ['spec', 'clusterIP'],
    headlessService,
    ['This Service is headless', 'per-pod DNS', 'DNS not resolving', '#headless-services)'],
  ],
  [
    'Service clusterIP: an IP',
    'Service',
    ['spec', 'clusterIP'],
    { kind: 'Service', spec: { clusterIP: '10.0.0.12' } },
    ['cannot govern a StatefulSet', '`clusterIP: None`'],
  ],
  [
    'completionMode Indexed: annotation, env var, ordinals',
    'Job',
    ['spec', 'completionMode'],
    indexedProcessor,
    ['batch.kubernetes.io/job-completion-index', 'JOB_COMPLETION_INDEX', '0, 1, 2, 3, 4, 5, 6, 7, 8, 9', '(0…9)'],
  ],
  [
    'completionMode Indexed without completions',
    'Job',
    ['spec', 'completionMode'],
    { kind: 'Job', spec: { completionMode: 'Indexed' } },
    ['needs `completions`'],
  ],
  [
    'parallelism',
    'Job',
    ['spec', 'parallelism'],
    queueProcessor,
    ['100 completions, 5 at a time', '20 waves', '5 at a time, 100 in total'],
  ],
  [
    'parallelism > completions',
    'Job',
    ['spec', 'parallelism'],
    withSpec(queueProcessor, { parallelism: 200 }),
    ['more than completions 100'],
  ],
  [
    'completions',
    'Job',
    ['spec', 'completions'],
    queueProcessor,
    ['complete after 100 successful pods, 5 at a time', 'Job stuck at 0 completions'],
  ],
  ['backoffLimit', 'Job', ['spec', 'backoffLimit'], dbMigrate, ['up to 3 retries', 'Pods in CrashLoopBackOff', 'backoffLimit exceeded']],
  ['activeDeadlineSeconds', 'Job', ['spec', 'activeDeadlineSeconds'], dbMigrate, ['600 s = **10 minutes**', 'Job exceeded its deadline']],
  [
    'ttlSecondsAfterFinished',
    'Job',
    ['spec', 'ttlSecondsAfterFinished'],
    dbMigrate,
    ['deleted **1 hour** after it finishes', '1 hour after completion'],
  ],
  ['jobTemplate backoffLimit in a CronJob', 'CronJob', ['spec', 'jobTemplate', 'spec', 'backoffLimit'], backup, ['up to 2 retries']],
  [
    'jobTemplate ttl in a CronJob mentions history limits',
    'CronJob',
    ['spec', 'jobTemplate', 'spec', 'ttlSecondsAfterFinished'],
    backup,
    ['history limits'],
  ],
  [
    'Job restartPolicy Never',
    'Job',
    ['spec', 'template', 'spec', 'restartPolicy'],
    dbMigrate,
    ['`restartPolicy: Never` or `OnFailure`', 'never complete'],
    ['⚠'],
  ],
  [
    'Job restartPolicy Always',
    'Job',
    ['spec', 'template', 'spec', 'restartPolicy'],
    { kind: 'Job', spec: { template: { spec: { restartPolicy: 'Always' } } } },
    ['`Always` is not allowed here'],
  ],
  [
    'CronJob restartPolicy (in jobTemplate)',
    'CronJob',
    ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy'],
    backup,
    ['`OnFailure`', 'CronJob pods'],
  ],
  [
    'Deployment restartPolicy',
    'Deployment',
    ['spec', 'template', 'spec', 'restartPolicy'],
    apiServer,
    ['only accept `restartPolicy: Always`', 'pod-lifecycle/#restart-policy)'],
  ],
  [
    'DaemonSet tolerations with Exists',
    'DaemonSet',
    ['spec', 'template', 'spec', 'tolerations'],
    nodeExporter,
    ['`operator: Exists`', 'control-plane nodes included', 'one pod on every node'],
  ],
  ['DaemonSet toleration item', 'DaemonSet', ['spec', 'template', 'spec', 'tolerations', 0, 'operator'], nodeExporter, ['every taint']],
  [
    'DaemonSet without a catch-all toleration',
    'DaemonSet',
    ['spec', 'template', 'spec', 'tolerations'],
    { kind: 'DaemonSet', spec: { template: { spec: { tolerations: [{ key: 'gpu', operator: 'Exists' }] } } } },
    ['only nodes whose taints are listed'],
  ],
  [
    'completion index fieldPath',
    'Job',
    ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom', 'fieldRef', 'fieldPath'],
    indexedProcessor,
    ['JOB_COMPLETION_INDEX', 'completionMode: Indexed'],
  ],
  [
    'Deployment rolling update',
    'Deployment',
    ['spec', 'strategy', 'rollingUpdate', 'maxSurge'],
    apiServer,
    ['zero downtime', 'maxUnavailable 1, maxSurge 1'],
  ],
];

describe('fieldGuideNote', () => {
  for (const [title, kind, path, object, present, absent] of cases) {
    test(title, () => {
      const md = note(kind, path, object);
      assert.ok(md, 'a note is expected');
      for (const p of present) assert.ok(md.includes(p), `missing "${p}" in:\n${md}`);
      for (const p of absent ?? []) assert.ok(!md.includes(p), `unexpected "${p}" in:\n${md}`);
    });
  }

  const none: [string, string, (string | number)[], Obj][] = [
    ['a field without advice', 'StatefulSet', ['metadata', 'name'], qdrant],
    ['schedule on a Job', 'Job', ['spec', 'schedule'], dbMigrate],
    ['serviceName on a Deployment', 'Deployment', ['spec', 'serviceName'], apiServer],
    ['tolerations on a Deployment', 'Deployment', ['spec', 'template', 'spec', 'tolerations'], apiServer],
    ['volumeClaimTemplates spec', 'StatefulSet', ['spec', 'volumeClaimTemplates', 0, 'spec', 'accessModes'], qdrant],
    ['unknown kind', 'ConfigMap', ['data'], { kind: 'ConfigMap' }],
  ];
  for (const [title, kind, path, object] of none) test(`no note: ${title}`, () => assert.equal(note(kind, path, object), undefined));
});

describe('names a StatefulSet yields', () => {
  test('DNS names', () => {
    assert.deepEqual(statefulSetDnsNames('qdrant', 'qdrant', 'ai-prod', 3), [
      'qdrant-0.qdrant.ai-prod.svc.cluster.local',
      'qdrant-1.qdrant.ai-prod.svc.cluster.local',
      'qdrant-2.qdrant.ai-prod.svc.cluster.local',
    ]);
    assert.deepEqual(statefulSetDnsNames('web', 'web-headless', undefined, 1), ['web-0.web-headless.default.svc.cluster.local']);
    assert.deepEqual(statefulSetDnsNames('web', 'web', undefined, 0), []);
  });
  test('PVC names', () => {
    assert.deepEqual(statefulSetClaimNames('data', 'postgres', 3), ['data-postgres-0', 'data-postgres-1', 'data-postgres-2']);
    assert.deepEqual(statefulSetClaimNames('model-cache', 'llm-inference', 1), ['model-cache-llm-inference-0']);
  });
});

describe('kindHoverMarkdown', () => {
  const cases: [string, string[], string[]][] = [
    [
      'Deployment',
      ['Stateless applications', 'on every node? no → Deployment', '| **Pod identity** | Random (`pod-abc123`) |', 'API servers'],
      [],
    ],
    [
      'StatefulSet',
      [
        'runs to completion? no → stable network identity? yes → StatefulSet',
        'Sequential (0→1→2)',
        'qdrant-0.qdrant.ai-prod.svc.cluster.local',
        'Pod stuck Pending',
      ],
      [],
    ],
    ['DaemonSet', ['One pod per node', 'on every node? yes → DaemonSet', 'log collectors'], ['Deployment vs StatefulSet']],
    [
      'Job',
      ['Batch tasks that run to completion', 'on a schedule? no → Job', 'Job stuck at 0 completions', 'document-ingest'],
      ['Deployment vs StatefulSet'],
    ],
    [
      'CronJob',
      [
        'Batch tasks that run on a schedule',
        'on a schedule? yes → CronJob',
        'kubectl create job --from=cronjob/<name> <name>-manual-<timestamp>',
        'embedding-sync',
      ],
      ['Deployment vs StatefulSet'],
    ],
  ];
  for (const [kind, present, absent] of cases) {
    test(kind, () => {
      const md = kindHoverMarkdown(kind)!;
      assert.ok(md.startsWith(`### ${kind} — `));
      for (const p of present) assert.ok(md.includes(p), `missing "${p}"`);
      for (const p of absent) assert.ok(!md.includes(p), `unexpected "${p}"`);
    });
  }
  test('other kinds have no guide section', () => {
    assert.equal(kindHoverMarkdown('Service'), undefined);
    assert.equal(kindHoverMarkdown('deployment'), undefined);
  });
});

test('humanSeconds', () => {
  const cases: [number, string][] = [
    [600, '10 minutes'],
    [3600, '1 hour'],
    [86400, '24 hours'],
    [90, '1 minute 30 seconds'],
    [604800, '1 week'],
    [0, '0 seconds'],
  ];
  for (const [s, words] of cases) assert.equal(humanSeconds(s), words);
});
