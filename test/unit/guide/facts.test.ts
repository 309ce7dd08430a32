// Walks every fact of the guide (server/src/service/guide/facts.ts) and asserts that each is
// reachable from what the user can see: a kind hover, a field hover note or a completion item.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GUIDE_FACTS,
  WORKLOAD_KINDS,
  fieldGuideNote,
  guideValueCompletions,
  kindHoverMarkdown,
  unreachableFacts,
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

type Obj = Record<string, unknown>;
const now = new Date('2026-03-06T12:00:00Z');

/** Every hover note the guide gives on the guide's own example manifests. */
function allVisibleText(): string[] {
  const out: string[] = [];
  for (const k of WORKLOAD_KINDS) out.push(kindHoverMarkdown(k)!);
  const notes: [string, Obj, (string | number)[][]][] = [
    [
      'StatefulSet',
      postgres,
      [
        ['spec', 'serviceName'],
        ['spec', 'replicas'],
        ['spec', 'volumeClaimTemplates', 0, 'metadata', 'name'],
      ],
    ],
    [
      'StatefulSet',
      qdrant,
      [
        ['spec', 'serviceName'],
        ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      ],
    ],
    ['Service', headlessService, [['spec', 'clusterIP']]],
    [
      'CronJob',
      backup,
      [
        ['spec', 'schedule'],
        ['spec', 'concurrencyPolicy'],
        ['spec', 'successfulJobsHistoryLimit'],
        ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy'],
      ],
    ],
    ['CronJob', embeddingSync, [['spec', 'schedule']]],
    [
      'Job',
      dbMigrate,
      [
        ['spec', 'backoffLimit'],
        ['spec', 'activeDeadlineSeconds'],
        ['spec', 'ttlSecondsAfterFinished'],
        ['spec', 'template', 'spec', 'restartPolicy'],
      ],
    ],
    [
      'Job',
      queueProcessor,
      [
        ['spec', 'parallelism'],
        ['spec', 'completions'],
      ],
    ],
    ['Job', indexedProcessor, [['spec', 'completionMode']]],
    ['DaemonSet', nodeExporter, [['spec', 'template', 'spec', 'tolerations']]],
    ['Deployment', apiServer, [['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']]],
  ];
  for (const [kind, object, paths] of notes)
    for (const path of paths) {
      const md = fieldGuideNote({ kind, path, object, now });
      assert.ok(md, `expected a note for ${kind} ${path.join('.')}`);
      out.push(md);
    }
  for (const field of ['schedule', 'concurrencyPolicy'])
    for (const i of guideValueCompletions('CronJob', ['spec', field], backup)) out.push(i.label, i.detail, i.documentation);
  return out;
}

test('the fact list is well formed', () => {
  const ids = GUIDE_FACTS.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length, 'fact ids are unique');
  assert.ok(GUIDE_FACTS.length >= 100, `only ${GUIDE_FACTS.length} facts`);
  for (const f of GUIDE_FACTS) assert.ok(f.phrase.length >= 4 && f.section && f.fact, f.id);
});

test('every fact of the guide is reachable from a hover or a completion item', () => {
  const text = allVisibleText();
  const missing = unreachableFacts(text);
  assert.deepEqual(
    missing.map((f) => `${f.id}: "${f.phrase}"`),
    [],
  );
});

test('unreachableFacts reports a fact no text mentions', () => {
  const fact = GUIDE_FACTS.find((f) => f.id === 'dns-pattern')!;
  assert.deepEqual(unreachableFacts(['nothing here'], [fact]), [fact]);
  assert.deepEqual(unreachableFacts([`see ${fact.phrase}`], [fact]), []);
});
