// What the wizard generates: every path of the decision tree and every pattern gives a manifest
// the language service has nothing to say about, with what the answers asked for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { DECISION_QUESTIONS, DECISION_ROOT, type DecisionNodeId } from '../../../server/src/service/guide/decisionTree';
import { WORKLOAD_KINDS, type WorkloadKind } from '../../../server/src/service/guide/types';
import {
  answersWithDefaults,
  generateManifest,
  kindInputs,
  PATTERN_SHAPES,
  validateAnswers,
  WizardInputError,
  type WizardAnswers,
  type WizardPatternId,
} from '../../../server/src/service/wizard/index';
import { assertPodFacts, guideDifferences, rootProblems } from '../helpers/podFacts';
import { DOCUMENT_INGEST, EMBEDDING_SYNC, LLM_INFERENCE, MODEL_MIGRATION, QDRANT } from '../rules/guide-examples';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function diagnostics(text: string, otherFiles: Record<string, string> = {}): string[] {
  const service = getLanguageService();
  for (const [uri, t] of Object.entries(otherFiles)) service.parse(TextDocument.create(uri, 'yaml', 1, t));
  return service
    .doValidation(TextDocument.create('file:///work/generated.yaml', 'yaml', 1, text))
    .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}
function objects(text: string): Obj[] {
  const docs = parseAllDocuments(text);
  assert.ok(Array.isArray(docs));
  for (const d of docs) assert.deepEqual(d.errors, []);
  return docs.map((d) => d.toJS() as Obj);
}
const podSpecOf = (o: Obj): Obj => (o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec);
/** The guide's own example of each pattern (test/unit/rules/guide-examples.ts, copied from the guide). */
const GUIDE_EXAMPLE: Record<WizardPatternId, string> = {
  'vector-database': QDRANT,
  'llm-inference-cache': LLM_INFERENCE,
  'embedding-refresh': EMBEDDING_SYNC,
  'model-migration': MODEL_MIGRATION,
  'document-ingestion': DOCUMENT_INGEST,
};

/** Every root-to-leaf path of the guide's tree: the answers and the kind it ends in. */
function allPaths(): { answers: string[]; kind: WorkloadKind }[] {
  const out: { answers: string[]; kind: WorkloadKind }[] = [];
  const walk = (id: DecisionNodeId, answers: string[]) => {
    for (const a of DECISION_QUESTIONS[id].answers) {
      if ('outcome' in a.next) out.push({ answers: [...answers, a.id], kind: a.next.outcome });
      else walk(a.next.question, [...answers, a.id]);
    }
  };
  walk(DECISION_ROOT, []);
  return out;
}

describe('generateManifest over the decision tree', () => {
  const paths = allPaths();
  it('reaches each of the five kinds exactly once', () => {
    assert.deepEqual(paths.map((p) => p.kind).sort(), [...WORKLOAD_KINDS].sort());
  });
  for (const { answers, kind } of paths) {
    it(`${answers.join(' → ')} → ${kind}: defaults give a clean manifest`, () => {
      const text = generateManifest(answersWithDefaults(kind));
      assert.deepEqual(diagnostics(text), []);
      assertPodFacts(objects(text));
      const [workload, ...rest] = objects(text);
      assert.equal(workload.kind, kind);
      assert.match(text, new RegExp(`^# ${kind}: .*\\n(# .*\\n)*# Decision path: .*→ ${kind}\\n`), 'explains the path');
      if (kind === 'StatefulSet') {
        assert.equal(rest.length, 1);
        assert.equal(rest[0].kind, 'Service');
        assert.equal(rest[0].spec.clusterIP, 'None');
        assert.equal(rest[0].metadata.name, workload.spec.serviceName);
        // the guide's "data lost on restart": the claim where postgres keeps its data, not /data
        assert.deepEqual(podSpecOf(workload).containers[0].volumeMounts, [{ name: 'data', mountPath: '/var/lib/postgresql/data' }]);
      } else assert.equal(rest.length, 0);
    });
  }
});

describe('generateManifest for each of the guide’s patterns', () => {
  for (const shape of Object.values(PATTERN_SHAPES)) {
    it(`${shape.id} (${shape.kind}): clean, and carries the pattern’s settings`, () => {
      const answers = answersWithDefaults(shape.kind, shape.id);
      const text = generateManifest(answers);
      assert.deepEqual(diagnostics(text), []);
      assertPodFacts(objects(text));
      const [o] = objects(text);
      assert.deepEqual(guideDifferences(o, objects(GUIDE_EXAMPLE[shape.id])[0]), [], "the guide's values");
      assert.equal(o.kind, shape.kind);
      assert.equal(o.metadata.name, shape.defaults.name);
      const c = podSpecOf(o).containers[0];
      assert.equal(c.name, shape.containerName);
      assert.deepEqual(c.resources, shape.resources);
      const env = Object.fromEntries((c.env ?? []).map((e: Obj) => [e.name, e.value ?? e.valueFrom]));
      switch (shape.id as WizardPatternId) {
        case 'vector-database':
          assert.deepEqual(
            c.ports.map((p: Obj) => p.containerPort),
            [6333, 6334],
          );
          assert.equal(env.QDRANT__CLUSTER__ENABLED, 'true');
          assert.equal(o.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '50Gi');
          assert.equal(o.spec.volumeClaimTemplates[0].spec.storageClassName, 'fast-ssd');
          break;
        case 'llm-inference-cache':
          assert.equal(env.MODEL_CACHE_DIR, '/models');
          assert.deepEqual(env.REPLICA_ID, { fieldRef: { fieldPath: 'metadata.name' } });
          assert.equal(c.volumeMounts[0].mountPath, '/models');
          assert.equal(o.spec.volumeClaimTemplates[0].metadata.name, 'model-cache');
          break;
        case 'embedding-refresh':
          assert.equal(o.spec.schedule, '0 3 * * *');
          assert.equal(o.spec.concurrencyPolicy, 'Forbid');
          assert.deepEqual(env.OPENAI_API_KEY, { secretKeyRef: { name: 'openai-credentials', key: 'api-key' } });
          break;
        case 'model-migration':
          assert.equal(o.spec.ttlSecondsAfterFinished, 86400);
          assert.equal(o.spec.activeDeadlineSeconds, 3600);
          assert.equal(env.TARGET_MODEL, 'gpt-4o-mini');
          break;
        case 'document-ingestion':
          assert.equal(o.spec.completionMode, 'Indexed');
          assert.equal(o.spec.completions, 100);
          assert.equal(o.spec.parallelism, 10);
          assert.equal(env.TOTAL_BATCHES, '100');
          assert.match(JSON.stringify(env.BATCH_INDEX), /job-completion-index/);
          break;
      }
    });
  }
  it('a pattern fills in what the answers leave out: { kind, name, image, pattern } is enough', () => {
    const cases: { answers: WizardAnswers; check: (o: Obj) => void }[] = [
      {
        answers: { kind: 'StatefulSet', name: 'vectors', image: 'qdrant/qdrant:v1.8.0', pattern: 'vector-database' },
        check: (o) => {
          assert.equal(o.spec.replicas, 3);
          assert.equal(o.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '50Gi');
          assert.equal(o.spec.volumeClaimTemplates[0].spec.storageClassName, 'fast-ssd');
        },
      },
      {
        answers: { kind: 'CronJob', name: 'embeddings', image: 'sync:2.0.0', pattern: 'embedding-refresh' },
        check: (o) => {
          assert.equal(o.spec.schedule, '0 3 * * *');
          assert.equal(o.spec.concurrencyPolicy, 'Forbid');
        },
      },
      {
        answers: { kind: 'Job', name: 'ingest', image: 'ingest:1.0.0', pattern: 'document-ingestion', parallelism: 20 },
        check: (o) => {
          assert.equal(o.spec.completions, 100);
          assert.equal(o.spec.parallelism, 20);
          assert.equal(o.spec.completionMode, 'Indexed');
        },
      },
    ];
    for (const c of cases) {
      assert.deepEqual(validateAnswers(c.answers), []);
      const text = generateManifest(c.answers);
      assert.deepEqual(diagnostics(text), []);
      const [o] = objects(text);
      assert.equal(o.metadata.name, c.answers.name);
      c.check(o);
    }
  });
  it('TOTAL_BATCHES follows the completions of the document-ingestion pattern', () => {
    const text = generateManifest({ ...answersWithDefaults('Job', 'document-ingestion'), completions: 40, parallelism: 4 });
    assert.deepEqual(diagnostics(text), []);
    const c = objects(text)[0].spec.template.spec.containers[0];
    assert.equal(c.env.find((e: Obj) => e.name === 'TOTAL_BATCHES').value, '40');
  });
});

describe('generateManifest with the answers people give', () => {
  const base: Record<WorkloadKind, WizardAnswers> = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k, answersWithDefaults(k)])) as Record<
    WorkloadKind,
    WizardAnswers
  >;
  const cases: { name: string; answers: WizardAnswers; check: (objs: Obj[], text: string) => void; otherFiles?: Record<string, string> }[] =
    [
      {
        name: 'a one-replica Deployment surges instead of taking its only pod down',
        answers: { ...base.Deployment, replicas: 1 },
        check: ([o]) => assert.deepEqual(o.spec.strategy.rollingUpdate, { maxUnavailable: 0, maxSurge: 1 }),
      },
      {
        name: 'a Deployment without a port',
        answers: { kind: 'Deployment', name: 'worker', image: 'worker:2.0.1', replicas: 5 },
        check: ([o]) => {
          assert.equal(o.spec.replicas, 5);
          assert.equal(podSpecOf(o).containers[0].ports, undefined);
          assert.equal(o.spec.selector.matchLabels.app, 'worker');
          assert.equal(o.spec.template.metadata.labels.app, 'worker');
        },
      },
      {
        name: 'a StatefulSet of another stateful image: its claim where that image keeps its data',
        answers: { ...base.StatefulSet, name: 'mongo', image: 'mongo:7.0', port: 27017 },
        check: ([s]) => assert.deepEqual(podSpecOf(s).containers[0].volumeMounts, [{ name: 'data', mountPath: '/data/db' }]),
      },
      {
        name: 'a StatefulSet on the default StorageClass',
        answers: { ...base.StatefulSet, name: 'redis', image: 'redis:7.2', storageClass: undefined, storageSize: '5Gi', port: 6379 },
        check: ([s, svc]) => {
          assert.equal(s.spec.volumeClaimTemplates[0].spec.storageClassName, undefined);
          assert.equal(s.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '5Gi');
          assert.deepEqual(svc.spec.ports, [{ port: 6379 }]);
          assert.deepEqual(svc.spec.selector, { app: 'redis' });
          assert.equal(podSpecOf(s).containers[0].volumeMounts[0].mountPath, '/data');
        },
      },
      {
        name: 'a StatefulSet without the headless Service, when one exists elsewhere in the workspace',
        answers: { ...base.StatefulSet, headlessService: false },
        otherFiles: {
          'file:///work/service.yaml':
            'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: None\n  selector:\n    app: postgres\n',
        },
        check: (objs) =>
          assert.deepEqual(
            objs.map((o) => o.kind),
            ['StatefulSet'],
          ),
      },
      {
        name: 'a parallel Job',
        answers: { ...base.Job, completions: 20, parallelism: 5 },
        check: ([o]) => {
          assert.equal(o.spec.completions, 20);
          assert.equal(o.spec.parallelism, 5);
          assert.equal(o.spec.completionMode, undefined);
          assert.equal(o.spec.template.spec.restartPolicy, 'Never');
        },
      },
      {
        name: 'an indexed Job',
        answers: { ...base.Job, completions: 10, parallelism: 3, indexed: true },
        check: ([o], text) => {
          assert.equal(o.spec.completionMode, 'Indexed');
          assert.equal(o.spec.completions, 10);
          assert.match(text, /completionMode: Indexed # each pod gets JOB_COMPLETION_INDEX \(0…9\)/);
        },
      },
      {
        name: 'an indexed Job of one completion still states completions',
        answers: { ...base.Job, indexed: true },
        check: ([o]) => assert.equal(o.spec.completions, 1),
      },
      ...(['Allow', 'Forbid', 'Replace'] as const).map((policy) => ({
        name: `a CronJob with ${policy}`,
        answers: { ...base.CronJob, concurrencyPolicy: policy },
        check: ([o]: Obj[]) => assert.equal(o.spec.concurrencyPolicy, policy),
      })),
      {
        // the schedule in words is the editor's inlay hint after the value: a comment would say it twice on one line
        name: 'a CronJob with a descriptor, and no comment after the schedule',
        answers: { ...base.CronJob, schedule: '@hourly' },
        check: ([o], text) => {
          assert.equal(o.spec.schedule, '@hourly');
          assert.match(text, /\n {2}schedule: "@hourly"\n/);
        },
      },
      {
        name: 'a CronJob in a time zone',
        answers: { ...base.CronJob, timeZone: 'America/New_York' },
        check: ([o]) => assert.equal(o.spec.timeZone, 'America/New_York'),
      },
      {
        name: 'a CronJob name of exactly 52 characters',
        answers: { ...base.CronJob, name: 'n'.repeat(52) },
        check: ([o]) => assert.equal(o.metadata.name.length, 52),
      },
      {
        name: 'an image by digest',
        answers: { ...base.DaemonSet, image: 'fluent/fluent-bit@sha256:' + 'c'.repeat(64) },
        check: ([o]) => assert.match(podSpecOf(o).containers[0].image, /@sha256:/),
      },
    ];
  for (const c of cases) {
    it(c.name, () => {
      const text = generateManifest(c.answers);
      assert.deepEqual(diagnostics(text, c.otherFiles), []);
      assertPodFacts(objects(text));
      c.check(objects(text), text);
    });
  }
  it('every manifest follows the guide: runAsNonRoot, requests and limits, pinned image, Job safeguards, tolerations', () => {
    for (const kind of WORKLOAD_KINDS) {
      const [o] = objects(generateManifest(answersWithDefaults(kind)));
      const pod = podSpecOf(o);
      assert.equal(pod.securityContext.runAsNonRoot, true);
      for (const side of ['requests', 'limits'])
        for (const r of ['cpu', 'memory']) assert.ok(pod.containers[0].resources[side][r], `${kind} ${side}.${r}`);
      if (kind === 'Job')
        for (const f of ['backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) assert.equal(typeof o.spec[f], 'number', f);
      if (kind === 'CronJob') assert.equal(typeof o.spec.jobTemplate.spec.activeDeadlineSeconds, 'number');
      if (kind === 'DaemonSet') assert.deepEqual(pod.tolerations, [{ operator: 'Exists' }]);
    }
  });
});

describe('validateAnswers / generateManifest reject what Kubernetes would', () => {
  const cases: { name: string; answers: unknown; field: string; message: RegExp }[] = [
    { name: 'not an object', answers: 'Deployment', field: 'kind', message: /object/ },
    { name: 'unknown kind', answers: { kind: 'ReplicaSet', name: 'a', image: 'a:1' }, field: 'kind', message: /one of Deployment/ },
    { name: 'bad name', answers: { kind: 'Deployment', name: 'My_App', image: 'a:1' }, field: 'name', message: /./ },
    { name: 'untagged image', answers: { kind: 'Job', name: 'a', image: 'busybox' }, field: 'image', message: /Pin a version/ },
    {
      name: 'replicas as text',
      answers: { kind: 'Deployment', name: 'a', image: 'a:1', replicas: '3' },
      field: 'replicas',
      message: /whole number/,
    },
    {
      name: 'negative replicas',
      answers: { kind: 'Deployment', name: 'a', image: 'a:1', replicas: -1 },
      field: 'replicas',
      message: /at least 0/,
    },
    {
      name: 'CronJob without schedule',
      answers: { kind: 'CronJob', name: 'a', image: 'a:1' },
      field: 'schedule',
      message: /needs a schedule/,
    },
    {
      name: 'bad schedule',
      answers: { kind: 'CronJob', name: 'a', image: 'a:1', schedule: '0 25 * * *' },
      field: 'schedule',
      message: /hour/,
    },
    {
      name: 'bad concurrency policy',
      answers: { kind: 'CronJob', name: 'a', image: 'a:1', schedule: '@daily', concurrencyPolicy: 'Skip' },
      field: 'concurrencyPolicy',
      message: /Allow, Forbid or Replace/,
    },
    {
      name: 'parallelism above completions',
      answers: { kind: 'Job', name: 'a', image: 'a:1', completions: 2, parallelism: 5 },
      field: 'parallelism',
      message: /more than completions/,
    },
    {
      name: 'a field of another kind',
      answers: { kind: 'Deployment', name: 'a', image: 'a:1', schedule: '@daily' },
      field: 'schedule',
      message: /does not apply to a Deployment/,
    },
    {
      name: 'bad storage size',
      answers: { kind: 'StatefulSet', name: 'a', image: 'a:1', storageSize: '10GB' },
      field: 'storageSize',
      message: /10Gi/,
    },
    { name: 'bad port', answers: { kind: 'StatefulSet', name: 'a', image: 'a:1', port: 70000 }, field: 'port', message: /65535/ },
    { name: 'unknown pattern', answers: { kind: 'Job', name: 'a', image: 'a:1', pattern: 'etl' }, field: 'pattern', message: /one of/ },
    {
      name: 'pattern of another kind',
      answers: { kind: 'Job', name: 'a', image: 'a:1', pattern: 'vector-database' },
      field: 'pattern',
      message: /is a StatefulSet/,
    },
    {
      name: 'document ingestion is indexed',
      answers: { kind: 'Job', name: 'a', image: 'a:1', pattern: 'document-ingestion', completions: 4, indexed: false },
      field: 'indexed',
      message: /needs indexed: true/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problems = validateAnswers(c.answers);
      const p = problems.find((x) => x.field === c.field);
      assert.ok(p, `a problem with ${c.field}: ${JSON.stringify(problems)}`);
      assert.match(p.message, c.message);
      assert.throws(
        () => generateManifest(c.answers as WizardAnswers),
        (e: unknown) => e instanceof WizardInputError && e.problems.some((x) => x.field === c.field),
      );
    });
  }
  it('accepts the defaults of every kind and pattern', () => {
    for (const kind of WORKLOAD_KINDS) assert.deepEqual(validateAnswers(answersWithDefaults(kind)), []);
    for (const s of Object.values(PATTERN_SHAPES)) assert.deepEqual(validateAnswers(answersWithDefaults(s.kind, s.id)), []);
  });
});

describe('kindInputs: the questions each kind asks', () => {
  const expected: Record<WorkloadKind, string[]> = {
    Deployment: ['name', 'image', 'replicas', 'port'],
    StatefulSet: ['name', 'image', 'replicas', 'port', 'storageSize', 'storageClass', 'headlessService'],
    DaemonSet: ['name', 'image'],
    Job: ['name', 'image', 'completions', 'parallelism', 'indexed'],
    CronJob: ['name', 'image', 'schedule', 'timeZone', 'concurrencyPolicy'],
  };
  for (const kind of WORKLOAD_KINDS) {
    it(`${kind}: ${expected[kind].join(', ')}`, () => {
      assert.deepEqual(
        kindInputs(kind).map((i) => i.field),
        expected[kind],
      );
    });
  }
  it('patterns skip what they fix (ports, the indexed mode of document ingestion)', () => {
    assert.deepEqual(
      kindInputs('StatefulSet', 'vector-database').map((i) => i.field),
      ['name', 'image', 'replicas', 'storageSize', 'storageClass', 'headlessService'],
    );
    assert.deepEqual(
      kindInputs('Job', 'document-ingestion').map((i) => i.field),
      ['name', 'image', 'completions', 'parallelism'],
    );
  });
  it('every text input accepts its own default, and the headless Service defaults to yes, Forbid is preselected', () => {
    for (const kind of WORKLOAD_KINDS) {
      let answers = answersWithDefaults(kind);
      for (const input of kindInputs(kind)) {
        if (input.type === 'text') assert.equal(input.validate(input.value, answers), undefined, `${kind}.${input.field}`);
        answers = input.type === 'text' ? input.apply(input.value, answers) : input.apply(input.items[input.active].value, answers);
      }
    }
    const headless = kindInputs('StatefulSet').find((i) => i.field === 'headlessService');
    assert.ok(headless?.type === 'pick' && headless.items[headless.active].value === true);
    const policy = kindInputs('CronJob').find((i) => i.field === 'concurrencyPolicy');
    assert.ok(policy?.type === 'pick' && policy.items[policy.active].value === 'Forbid');
  });
  it('the schedule input previews valid schedules in words and rejects invalid ones', () => {
    const schedule = kindInputs('CronJob').find((i) => i.field === 'schedule');
    assert.ok(schedule?.type === 'text' && schedule.preview);
    const a = answersWithDefaults('CronJob');
    assert.match(schedule.preview('*/15 * * * *', a) ?? '', /15 minutes/);
    assert.equal(schedule.validate('*/15 * * * *', a), undefined);
    assert.match(schedule.validate('* * *', a) ?? '', /5 fields/);
    assert.equal(schedule.preview('* * *', a), undefined);
  });
  it('the time zone input: a pick of the IANA zones, UTC and the local zone first, that also takes a typed zone', () => {
    const zone = kindInputs('CronJob', undefined, { localTimeZone: 'Europe/Berlin' }).find((i) => i.field === 'timeZone');
    assert.ok(zone?.type === 'pick' && zone.preview && zone.typed);
    const a = { ...answersWithDefaults('CronJob'), schedule: '0 2 * * *' };
    assert.deepEqual(
      zone.items.slice(0, 4).map((i) => [i.label, i.value]),
      [
        ['UTC', 'UTC'],
        ['Europe/Berlin', 'Europe/Berlin'],
        ['Not set', ''],
        ['Africa/Abidjan', 'Africa/Abidjan'],
      ],
    );
    assert.equal(zone.items[zone.active].value, '', "not set by default: the guide's manifests leave it to the controller");
    const values = zone.items.map((i) => i.value);
    assert.equal(new Set(values).size, values.length, 'each zone once');
    for (const z of ['Asia/Tokyo', 'America/New_York', 'Pacific/Auckland']) assert.ok(values.includes(z), z);
    assert.ok(!values.includes('Etc/UTC'), 'UTC is offered once, as UTC');
    // typed text: any zone the API server accepts (links too), with a "did you mean" otherwise
    for (const ok of ['Etc/UTC', 'Europe/Berlin', 'US/Eastern']) assert.equal(zone.typed.validate(ok, a), undefined, ok);
    assert.equal(zone.typed.validate('Europe/Berln', a), 'Europe/Berln is not an IANA time zone name: did you mean Europe/Berlin?');
    assert.match(zone.typed.validate('Mars/Olympus', a) ?? '', /^Mars\/Olympus is not an IANA time zone name/);
    assert.equal(zone.typed.value('  US/Eastern '), 'US/Eastern');
    assert.match(zone.preview('Asia/Tokyo', a) ?? '', /^Next run: .+ 02:00 GMT\+9 \(17:00 UTC\)$/);
    assert.match(zone.preview('', a) ?? '', /^Next run: .+ 02:00 .*if the kube-controller-manager runs in UTC/);
    assert.deepEqual(
      zone.items.filter((i) => i.preview).map((i) => i.label),
      ['UTC', 'Europe/Berlin', 'Not set'],
      'the first items show their next run',
    );
    assert.equal(zone.apply('Europe/Berlin', a).timeZone, 'Europe/Berlin');
    assert.equal('timeZone' in zone.apply('', { ...a, timeZone: 'Asia/Tokyo' }), false);
  });

  it('the time zone pick: the local zone only when it is a real one other than UTC', () => {
    const firstLabels = (local: string | undefined) => {
      const zone = kindInputs('CronJob', undefined, { localTimeZone: local }).find((i) => i.field === 'timeZone');
      assert.ok(zone?.type === 'pick');
      return zone.items.slice(0, 3).map((i) => i.label);
    };
    assert.deepEqual(firstLabels('America/New_York'), ['UTC', 'America/New_York', 'Not set']);
    for (const local of [undefined, 'UTC', 'Etc/UTC', 'Local', 'Mars/Olympus'])
      assert.deepEqual(firstLabels(local), ['UTC', 'Not set', 'Africa/Abidjan'], String(local));
  });

  it('a time zone answer becomes spec.timeZone; none leaves it out; an invalid one is refused', () => {
    const base = { kind: 'CronJob', name: 'report', image: 'report:1.0.0', schedule: '0 2 * * *' } as const;
    assert.match(
      generateManifest({ ...base, timeZone: 'Europe/Berlin' }),
      /\n {2}schedule: "0 2 \* \* \*"\n {2}timeZone: Europe\/Berlin\n/,
    );
    assert.doesNotMatch(generateManifest(base), /timeZone/);
    assert.doesNotMatch(generateManifest({ ...base, timeZone: '' }), /timeZone/);
    assert.throws(
      () => generateManifest({ ...base, timeZone: 'Europe/Berln' }),
      /timeZone: Europe\/Berln is not an IANA time zone name: did you mean Europe\/Berlin\?/,
    );
  });

  it('parallelism is checked against the completions answered before it', () => {
    const parallelism = kindInputs('Job').find((i) => i.field === 'parallelism');
    assert.ok(parallelism?.type === 'text');
    const a = { ...answersWithDefaults('Job'), completions: 4 };
    assert.equal(parallelism.validate('4', a), undefined);
    assert.match(parallelism.validate('5', a) ?? '', /At most 4/);
  });
  it('an empty optional input leaves the answer out', () => {
    const port = kindInputs('Deployment').find((i) => i.field === 'port');
    assert.ok(port?.type === 'text');
    assert.equal(port.validate('', answersWithDefaults('Deployment')), undefined);
    assert.equal('port' in port.apply('', answersWithDefaults('Deployment')), false);
  });
});

describe('the independent checks of generated manifests (test/unit/helpers/podFacts.ts) catch what they look for', () => {
  const deployment = (podSecurity: string, container: string) =>
    objects(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podSecurity}      containers:\n      - name: web\n        image: web:1.0.0\n${container}`,
    )[0];
  const resources = (req: string, lim: string) =>
    `        resources:\n          requests: {cpu: ${req}, memory: 1Gi}\n          limits: {cpu: ${lim}, memory: 1Gi}\n`;
  it('root', () => {
    assert.deepEqual(rootProblems(deployment('      securityContext: {runAsNonRoot: true, runAsUser: 0}\n', '')), [
      'web: runAsNonRoot: true with runAsUser: 0 — the kubelet refuses to start it',
    ]);
    assert.deepEqual(
      rootProblems(
        deployment('      securityContext: {runAsNonRoot: true, runAsUser: 1000}\n', '        securityContext: {runAsUser: 0}\n'),
      ),
      ['web: runAsNonRoot: true with runAsUser: 0 — the kubelet refuses to start it'],
    );
    assert.deepEqual(rootProblems(deployment('', '')), ['web: may run as root']);
    assert.deepEqual(rootProblems(deployment('      securityContext: {runAsUser: 1000}\n', '')), []);
  });
  it('requests and limits', () => {
    assert.throws(
      () => assertPodFacts([deployment('      securityContext: {runAsNonRoot: true}\n', resources('1500m', '"1"'))]),
      /requests.cpu 1500m above limits.cpu 1/,
    );
    assertPodFacts([deployment('      securityContext: {runAsNonRoot: true}\n', resources('"0.5"', '500m'))]);
    assert.throws(() => assertPodFacts([deployment('      securityContext: {runAsNonRoot: true}\n', '')]), /no requests.cpu/);
  });
  it("the guide's values", () => {
    const guide = objects(QDRANT)[0];
    const changed = objects(QDRANT.replace('memory: "8Gi"', 'memory: "8G"').replace('storage: 50Gi', 'storage: 51200Mi'))[0];
    assert.deepEqual(guideDifferences(changed, guide), ['limits.memory: guide 8Gi, generated 8G']);
  });
});
