import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { getLanguageService } from '../../../server/src/service/index';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import {
  debugCommands,
  jobNameLabel,
  manualJobName,
  selectorString,
  shellQuote,
  type DebugCommandList,
} from '../../../server/src/service/debug/index';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';

const NOW = new Date('2026-03-07T03:04:05Z');

function list(yaml: string, extra: { kubernetesVersion?: string } = {}): DebugCommandList {
  const r = debugCommands({ object: parse(yaml), now: NOW, ...extra });
  assert.ok(r, 'a command list');
  return r;
}
const commandsOf = (l: DebugCommandList) => l.commands.map((c) => c.command);
const find = (l: DebugCommandList, title: RegExp) => {
  const c = l.commands.find((x) => title.test(x.title));
  assert.ok(c, `a command titled ${title}: ${l.commands.map((x) => x.title).join(' | ')}`);
  return c;
};

const QDRANT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: qdrant
  namespace: ai-prod
spec:
  serviceName: qdrant
  replicas: 3
  selector:
    matchLabels:
      app: qdrant
  template:
    metadata:
      labels:
        app: qdrant
    spec:
      containers:
      - name: qdrant
        image: qdrant/qdrant:v1.7.0
  volumeClaimTemplates:
  - metadata:
      name: data
`;

describe('debug commands: StatefulSet', () => {
  test('names, namespace, claims, pod-0 first and the staged rollout, in order', () => {
    const l = list(QDRANT);
    assert.equal(l.namespace, 'ai-prod');
    assert.equal(l.namespaceNote, 'Namespace ai-prod (metadata.namespace).');
    assert.deepEqual(commandsOf(l), [
      'kubectl get statefulset qdrant -n ai-prod',
      'kubectl describe statefulset qdrant -n ai-prod',
      'kubectl get pods -l app=qdrant -n ai-prod -w',
      'kubectl get pvc data-qdrant-0 data-qdrant-1 data-qdrant-2 -n ai-prod',
      'kubectl logs qdrant-0 -n ai-prod',
      'kubectl logs qdrant-0 -n ai-prod --previous',
      'kubectl describe pod qdrant-0 -n ai-prod',
      'kubectl scale statefulset qdrant -n ai-prod --replicas=4',
      `kubectl patch statefulset qdrant -n ai-prod -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'`,
      "kubectl set image statefulset/qdrant 'qdrant=qdrant/qdrant:<new-tag>' -n ai-prod",
      "kubectl get pod qdrant-2 -n ai-prod -o 'jsonpath={.spec.containers[*].image}'",
      `kubectl patch statefulset qdrant -n ai-prod -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'`,
      'kubectl rollout status statefulset/qdrant -n ai-prod',
      'kubectl delete pod qdrant-2 -n ai-prod --grace-period=0 --force',
    ]);
    assert.deepEqual(
      l.commands.filter((c) => c.mutates).map((c) => c.command.split(' ').slice(0, 3).join(' ')),
      ['kubectl scale statefulset', 'kubectl patch statefulset', 'kubectl set image', 'kubectl patch statefulset', 'kubectl delete pod'],
    );
    assert.match(find(l, /^Logs of qdrant-0$/).note ?? '', /Pod won't start.*qdrant-0 comes first/);
    assert.match(find(l, /PersistentVolumeClaims/).note ?? '', /Pod stuck Pending — Its PVC is not bound/);
    assert.equal(find(l, /Watch its pods/).title, 'Watch its pods start in order (qdrant-0 first)');
  });

  test('podManagementPolicy: Parallel — no ordered start in the titles and notes', () => {
    const l = list(QDRANT.replace('  serviceName: qdrant\n', '  serviceName: qdrant\n  podManagementPolicy: Parallel\n'));
    assert.equal(find(l, /Watch its pods/).title, 'Watch its pods start (Parallel: all at once)');
    assert.equal(find(l, /^Logs of qdrant-0$/).note, undefined);
    assert.equal(find(l, /^Scale/).title, 'Scale to 4 replicas');
  });

  test('more replicas than are listed: the claims by the selector labels the controller puts on them', () => {
    const l = list(QDRANT.replace('replicas: 3', 'replicas: 12'));
    assert.equal(find(l, /PersistentVolumeClaims/).command, 'kubectl get pvc -l app=qdrant -n ai-prod');
    assert.equal(find(l, /PersistentVolumeClaims/).title, 'Its PersistentVolumeClaims (data-qdrant-0 … data-qdrant-11)');
  });

  test('several containers: one logs command per container, with -c', () => {
    const l = list(
      QDRANT.replace(
        '        image: qdrant/qdrant:v1.7.0\n',
        '        image: qdrant/qdrant:v1.7.0\n      - name: metrics\n        image: exporter:1.0\n',
      ),
    );
    assert.deepEqual(
      l.commands.filter((c) => c.command.startsWith('kubectl logs')).map((c) => [c.title, c.command]),
      [
        ['Logs of qdrant-0, container qdrant', 'kubectl logs qdrant-0 -n ai-prod -c qdrant'],
        ['Logs of qdrant-0, container metrics', 'kubectl logs qdrant-0 -n ai-prod -c metrics'],
        ['Logs of qdrant-0 before its last restart, container qdrant', 'kubectl logs qdrant-0 -n ai-prod -c qdrant --previous'],
        ['Logs of qdrant-0 before its last restart, container metrics', 'kubectl logs qdrant-0 -n ai-prod -c metrics --previous'],
      ],
    );
  });

  test('no namespace: no -n, and the list says where the commands run', () => {
    const l = list(QDRANT.replace('  namespace: ai-prod\n', ''));
    assert.equal(l.namespace, undefined);
    assert.equal(l.namespaceNote, "No namespace in the manifest: the commands run in the current context's namespace.");
    assert.ok(commandsOf(l).every((c) => !c.includes(' -n ')));
    assert.ok(commandsOf(l).includes('kubectl get pvc data-qdrant-0 data-qdrant-1 data-qdrant-2'));
  });
});

describe('debug commands: selectors', () => {
  const cases: [string, unknown, string | undefined][] = [
    ['matchLabels', { matchLabels: { app: 'web', tier: 'api' } }, 'app=web,tier=api'],
    [
      'every matchExpressions operator, in kubectl set-based syntax',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['api', 'worker'] },
          { key: 'track', operator: 'NotIn', values: ['beta'] },
          { key: 'env', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      'app=web,tier in (api,worker),track notin (beta),env,!canary',
    ],
    ['empty', {}, undefined],
    ['not a selector', 'app=web', undefined],
  ];
  for (const [name, selector, expected] of cases) test(name, () => assert.equal(selectorString(selector), expected));

  test('a Deployment whose selector has matchExpressions: -l quoted for the shell', () => {
    const l = list(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
    matchExpressions:
    - {key: tier, operator: In, values: [api, worker]}
    - {key: canary, operator: DoesNotExist}
  template:
    metadata:
      labels: {app: web, tier: api}
    spec:
      containers:
      - name: web
        image: web:1.0.0
`);
    assert.deepEqual(commandsOf(l), [
      'kubectl rollout status deployment/web',
      'kubectl rollout history deployment/web',
      'kubectl describe deployment web',
      "kubectl get pods -l 'app=web,tier in (api,worker),!canary' -o wide",
      'kubectl logs deployment/web',
      'kubectl rollout undo deployment/web',
      'kubectl rollout restart deployment/web',
    ]);
    assert.deepEqual(
      l.commands.filter((c) => c.mutates).map((c) => c.title),
      ['Undo the last rollout', 'Restart its pods (a new rollout)'],
    );
  });

  test('shell quoting', () => {
    assert.equal(shellQuote('app=web'), 'app=web');
    assert.equal(shellQuote('a b'), "'a b'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });
});

describe('debug commands: Job and CronJob', () => {
  const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: indexed-processor
  namespace: batch
spec:
  completions: 10
  completionMode: Indexed
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: worker:1.0.0
`;

  test('pods by the job-name label the version sets, logs, failures', () => {
    const l = list(JOB);
    assert.deepEqual(commandsOf(l), [
      'kubectl get job indexed-processor -n batch -w',
      'kubectl describe job indexed-processor -n batch',
      'kubectl get pods -l batch.kubernetes.io/job-name=indexed-processor -n batch',
      'kubectl get pods -l batch.kubernetes.io/job-name=indexed-processor -n batch --field-selector=status.phase=Failed',
      'kubectl logs job/indexed-processor -n batch',
      'kubectl logs -l batch.kubernetes.io/job-name=indexed-processor,batch.kubernetes.io/job-completion-index=0 -n batch',
      'kubectl logs -l batch.kubernetes.io/job-name=indexed-processor -n batch --prefix --all-containers --tail=-1',
      `kubectl get job indexed-processor -n batch -o 'jsonpath={.status.conditions[?(@.type=="Failed")].reason}'`,
    ]);
    assert.ok(l.commands.every((c) => !c.mutates));
    // the guide's Common Failures rows sit on the commands that answer them
    assert.match(find(l, /^Describe/).note ?? '', /Job stuck at 0 completions.*backoffLimit exceeded/);
    assert.match(find(l, /failed pods/).note ?? '', /CrashLoopBackOff/);
    assert.match(find(l, /activeDeadlineSeconds/).note ?? '', /exceeded its deadline/);
    assert.deepEqual(
      l.issues.map((i) => i.id),
      ['zero-completions', 'crashloop', 'deadline-exceeded', 'backoff-exceeded'],
    );
  });

  test('the job-name label by Kubernetes version', () => {
    assert.equal(jobNameLabel('1.30'), 'batch.kubernetes.io/job-name');
    assert.equal(jobNameLabel('1.35'), 'batch.kubernetes.io/job-name');
    assert.equal(jobNameLabel('1.26'), 'job-name');
    assert.match(commandsOf(list(JOB, { kubernetesVersion: '1.26' }))[2], /-l job-name=indexed-processor /);
  });

  test('CronJob: no cronjob-name label; Jobs by template labels and by owner; a manual run with a valid name', () => {
    const l = list(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    metadata:
      labels: {app: backup}
    spec:
      template:
        metadata:
          labels: {app: backup, role: dump}
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: dump, image: "pg:16"}
          - {name: upload, image: "aws:2"}
`);
    assert.ok(commandsOf(l).every((c) => !c.includes('cronjob-name')));
    assert.deepEqual(commandsOf(l), [
      'kubectl get cronjob backup',
      'kubectl describe cronjob backup',
      'kubectl get jobs -l app=backup',
      `kubectl get jobs -o 'jsonpath={range .items[?(@.metadata.ownerReferences[0].name=="backup")]}{.metadata.name}{"\\t"}{.status.succeeded}{"\\t"}{.status.failed}{"\\n"}{end}'`,
      'kubectl get pods -l app=backup,role=dump',
      'kubectl create job --from=cronjob/backup backup-manual-202603070304',
      'kubectl logs job/backup-manual-202603070304 -c dump',
      'kubectl logs job/backup-manual-202603070304 -c upload',
      `kubectl patch cronjob backup -p '{"spec":{"suspend":true}}'`,
      `kubectl patch cronjob backup -p '{"spec":{"suspend":false}}'`,
    ]);
    assert.equal(find(l, /^Run it now/).mutates, true);
  });

  test('manual job names stay valid DNS labels of at most 63 characters', () => {
    const cases: [string, string][] = [
      ['backup', 'backup-manual-202603070304'],
      ['a'.repeat(52), `${'a'.repeat(43)}-manual-202603070304`],
      [`${'a'.repeat(42)}-xyz`, `${'a'.repeat(42)}-manual-202603070304`],
    ];
    for (const [name, expected] of cases) {
      const job = manualJobName(name, NOW);
      assert.equal(job, expected);
      assert.ok(job.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(job), job);
    }
  });

  test('not a workload, or no name: no list', () => {
    assert.equal(debugCommands({ object: parse('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n') }), undefined);
    assert.equal(debugCommands({ object: parse('apiVersion: batch/v1\nkind: Job\nspec: {}\n') }), undefined);
  });
});

describe('debug commands: namespace from kustomizations, through the language service', () => {
  const file = (index: WorkspaceIndex, uri: string, text: string) => {
    const d = TextDocument.create(uri, 'yaml', 1, text);
    index.setFile(parseManifest(uri, text), d);
  };
  const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n';

  function at(index: WorkspaceIndex) {
    const ls = getLanguageService({ workspace: index });
    const doc = TextDocument.create('file:///w/base/deploy.yaml', 'yaml', 1, DEPLOY);
    return ls.getDebugCommands(doc, { line: 1, character: 0 });
  }

  test('the kustomization next to the file sets the namespace', () => {
    const index = new WorkspaceIndex();
    file(index, 'file:///w/base/kustomization.yaml', 'namespace: shop\nresources:\n- deploy.yaml\n');
    const l = at(index);
    assert.equal(l?.namespace, 'shop');
    assert.equal(l?.namespaceNote, 'Namespace shop, set by w/base/kustomization.yaml.');
    assert.equal(l?.commands[0].command, 'kubectl rollout status deployment/web -n shop');
  });

  test("an overlay's namespace wins over the base's", () => {
    const index = new WorkspaceIndex();
    file(index, 'file:///w/base/kustomization.yaml', 'namespace: base-ns\nresources:\n- deploy.yaml\n');
    file(index, 'file:///w/overlays/prod/kustomization.yaml', 'namespace: prod\nresources:\n- ../../base\n');
    assert.equal(at(index)?.namespace, 'prod');
  });

  test('two overlays with different namespaces: no guess, both named', () => {
    const index = new WorkspaceIndex();
    file(index, 'file:///w/base/kustomization.yaml', 'resources:\n- deploy.yaml\n');
    file(index, 'file:///w/overlays/prod/kustomization.yaml', 'namespace: prod\nresources:\n- ../../base\n');
    file(index, 'file:///w/overlays/dev/kustomization.yaml', 'namespace: dev\nresources:\n- ../../base\n');
    const l = at(index);
    assert.equal(l?.namespace, undefined);
    assert.equal(
      l?.namespaceNote,
      "Kustomizations deploy it to several namespaces (dev by overlays/dev/kustomization.yaml, prod by overlays/prod/kustomization.yaml): the commands run in the current context's namespace — add -n <namespace>.",
    );
    assert.ok(l?.commands.every((c) => !c.command.includes(' -n ')));
  });

  test('metadata.namespace wins; a position outside any workload gives null', () => {
    const index = new WorkspaceIndex();
    file(index, 'file:///w/base/kustomization.yaml', 'namespace: shop\nresources:\n- deploy.yaml\n');
    const ls = getLanguageService({ workspace: index });
    const text = `${DEPLOY.replace('  name: web\n', '  name: web\n  namespace: own\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n`;
    const doc = TextDocument.create('file:///w/base/deploy.yaml', 'yaml', 1, text);
    assert.equal(ls.getDebugCommands(doc, { line: 2, character: 0 })?.namespace, 'own');
    assert.equal(ls.getDebugCommands(doc, { line: 10, character: 0 }), null);
  });
});
