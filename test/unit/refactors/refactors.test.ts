import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { parseManifest, splitDocuments } from '../../../server/src/service/manifest/parse';
import { getRefactor, getRefactors } from '../../../server/src/service/refactors/index';
import type { WorkspaceView } from '../../../server/src/service/workspace/types';
import { applyEdits } from '../helpers/ruleTester';
import { API_SERVER } from '../rules/guide-examples';

/** Applies the refactor `title` to document `docIndex` and returns the whole file text. */
function refactor(text: string, title: string, docIndex = 0, workspace?: WorkspaceView): string {
  const file = parseManifest('file:///t.yaml', text);
  const doc = file.documents[docIndex];
  const offered = getRefactors(file, doc, workspace);
  const r = offered.find((a) => a.title === title);
  assert.ok(r, `"${title}" not offered; offered: ${offered.map((a) => a.title).join(' | ')}`);
  assert.equal(r.kind, 'refactor.rewrite');
  let out = text;
  for (const e of [...r.edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, doc.offset + e.start) + e.newText + out.slice(doc.offset + e.end);
  // The result parses, and the documents the refactor did not target are byte-for-byte the same.
  const after = parseManifest('file:///after.yaml', out);
  assert.deepEqual(
    after.documents.flatMap((d) => d.syntaxProblems.map((p) => p.message)),
    [],
    'the YAML must parse after the refactor',
  );
  const before = splitDocuments(text).map((c) => c.text);
  const others = before.filter((_t, i) => i !== docIndex);
  const now = splitDocuments(out).map((c) => c.text);
  for (const o of others) assert.ok(now.includes(o), `another document changed:\n${o}`);
  return out;
}

function diagnosticsOf(text: string): string[] {
  const service = getLanguageService();
  const document = TextDocument.create('file:///check.yaml', 'yaml', 1, text);
  return service.doValidation(document).map((d) => String(d.code));
}

// The guide's Deployment example.
const GUIDE_DEPLOYMENT = API_SERVER;

const POSTGRES = `# a database that should be a StatefulSet
apiVersion: apps/v1
kind: Deployment
metadata:
  name: postgres
  namespace: data
spec:
  replicas: 3
  progressDeadlineSeconds: 600  # Deployment only
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15  # pinned
        ports:
        - containerPort: 5432
          name: pg
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
        - name: config
          mountPath: /etc/postgresql
      volumes:
      - name: config
        configMap:
          name: pg-config
      - name: data
        persistentVolumeClaim:
          claimName: pg-data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pg-data
  namespace: data
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: fast-ssd
  resources:
    requests:
      storage: 10Gi
`;

describe('refactor Deployment → StatefulSet', () => {
  it('adds serviceName first, a headless Service, claim templates from the PVC, drops Deployment-only fields', () => {
    assert.equal(
      refactor(POSTGRES, 'Convert to StatefulSet'),
      `# a database that should be a StatefulSet
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: data
spec:
  serviceName: postgres
  replicas: 3
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15  # pinned
        ports:
        - containerPort: 5432
          name: pg
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
        - name: config
          mountPath: /etc/postgresql
      volumes:
      - name: config
        configMap:
          name: pg-config
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      storageClassName: fast-ssd
      resources:
        requests:
          storage: 10Gi
---
apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: data
spec:
  clusterIP: None
  selector:
    app: postgres
  ports:
  - port: 5432
    name: pg
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pg-data
  namespace: data
spec:
  accessModes: ["ReadWriteOnce"]
  storageClassName: fast-ssd
  resources:
    requests:
      storage: 10Gi
`,
    );
  });

  it('the result has no StatefulSet diagnostics of the service-name rules', () => {
    const out = refactor(POSTGRES, 'Convert to StatefulSet');
    const codes = diagnosticsOf(out);
    for (const id of [
      'missing-headless-service',
      'statefulset-service-name',
      'service-not-headless',
      'unknown-volume-mount',
      'yaml-syntax',
    ])
      assert.ok(!codes.includes(id), `${id} after the refactor: ${codes.join(', ')}`);
  });

  it("the guide's Deployment next to its regular Service: a separate -headless Service; maxSurge goes", () => {
    const service =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: api-server\nspec:\n  selector:\n    app: api-server\n  ports:\n  - port: 80\n    targetPort: 8000\n';
    const text = `${GUIDE_DEPLOYMENT}---\n${service}`;
    assert.equal(
      refactor(text, 'Convert to StatefulSet'),
      `${GUIDE_DEPLOYMENT.replace('kind: Deployment', 'kind: StatefulSet')
        .replace('spec:\n  replicas', 'spec:\n  serviceName: api-server-headless\n  replicas')
        .replace('  strategy:', '  updateStrategy:')
        .replace('      maxSurge: 1\n', '')}---
apiVersion: v1
kind: Service
metadata:
  name: api-server-headless
spec:
  clusterIP: None
  selector:
    app: api-server
  ports:
  - port: 8000
---
${service}`,
    );
  });

  it('reuses a headless Service that already exists in the workspace', () => {
    const workspace: WorkspaceView = {
      *objects(kind?: string) {
        if (!kind || kind === 'Service')
          yield {
            uri: 'file:///other.yaml',
            docIndex: 0,
            apiVersion: 'v1',
            kind: 'Service',
            name: 'api-server',
            clusterIP: 'None',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          };
      },
    };
    const out = refactor(GUIDE_DEPLOYMENT, 'Convert to StatefulSet', 0, workspace);
    assert.ok(out.includes('  serviceName: api-server\n'));
    assert.ok(!out.includes('kind: Service'), 'no second Service is appended');
  });

  it('a cached refactor is recomputed when the Services it reads change', () => {
    const file = parseManifest('file:///t.yaml', GUIDE_DEPLOYMENT);
    const doc = file.documents[0];
    const appended = (ws?: WorkspaceView) =>
      getRefactor(file, doc, 'StatefulSet', ws)!.edits.some((e) => e.newText.includes('kind: Service'));
    const headless: WorkspaceView = {
      *objects() {
        yield {
          uri: 'file:///svc.yaml',
          docIndex: 0,
          apiVersion: 'v1',
          kind: 'Service',
          name: 'api-server',
          clusterIP: 'None',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        };
      },
    };
    assert.equal(appended(), true);
    assert.equal(appended(headless), false);
    assert.equal(appended(), true);
  });

  it('Recreate becomes RollingUpdate; a strategy with only maxSurge left disappears; 4-space style is kept', () => {
    const text =
      'apiVersion: apps/v1\nkind: "Deployment"\nmetadata:\n    name: cache\nspec:\n    strategy:\n        type: Recreate\n    selector:\n        matchLabels: {app: cache}\n    template:\n        metadata:\n            labels: {app: cache}\n        spec:\n            containers:\n                -   name: c\n                    image: redis:7.2\n';
    assert.equal(
      refactor(text, 'Convert to StatefulSet'),
      'apiVersion: apps/v1\nkind: "StatefulSet"\nmetadata:\n    name: cache\nspec:\n    serviceName: cache\n    updateStrategy:\n        type: RollingUpdate\n    selector:\n        matchLabels: {app: cache}\n    template:\n        metadata:\n            labels: {app: cache}\n        spec:\n            containers:\n                -   name: c\n                    image: redis:7.2\n---\napiVersion: v1\nkind: Service\nmetadata:\n    name: cache\nspec:\n    clusterIP: None\n    selector:\n        app: cache\n',
    );
    const surgeOnly = GUIDE_DEPLOYMENT.replace(
      '    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 1\n      maxSurge: 1\n',
      '    rollingUpdate:\n      maxSurge: 2\n',
    );
    const out = refactor(surgeOnly, 'Convert to StatefulSet');
    assert.ok(!/strategy/i.test(out), out);
  });

  it('flow-style strategy and removed first key: serviceName goes in its place', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  paused: true\n  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      containers: [{name: w, image: "w:1"}]\n  progressDeadlineSeconds: 60\n';
    assert.equal(
      refactor(text, 'Convert to StatefulSet'),
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: w}\nspec:\n  serviceName: w\n  updateStrategy: {type: RollingUpdate}\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      containers: [{name: w, image: "w:1"}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: w\nspec:\n  clusterIP: None\n  selector:\n    app: w\n',
    );
    // A DaemonSet may surge when maxUnavailable is 0: both stay.
    assert.equal(
      refactor(text, 'Convert to DaemonSet'),
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: w}\nspec:\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n      containers: [{name: w, image: "w:1"}]\n',
    );
  });

  it('a PVC not in the file gets a 1Gi ReadWriteOnce template; an only PVC volume removes `volumes`', () => {
    const text = GUIDE_DEPLOYMENT.replace(
      '        - containerPort: 8000\n',
      '        - containerPort: 8000\n        volumeMounts:\n        - {name: cache, mountPath: /cache}\n      volumes:\n      - name: cache\n        persistentVolumeClaim: {claimName: elsewhere}\n',
    );
    const out = refactor(text, 'Convert to StatefulSet');
    assert.ok(
      out.includes(
        '        - {name: cache, mountPath: /cache}\n  volumeClaimTemplates:\n  - metadata:\n      name: cache\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n---\n',
      ),
      out,
    );
    assert.ok(!out.includes('volumes:'));
  });

  it('is not offered for other kinds', () => {
    const file = parseManifest('file:///t.yaml', GUIDE_DEPLOYMENT.replace('kind: Deployment', 'kind: StatefulSet'));
    assert.deepEqual(
      getRefactors(file, file.documents[0]).map((r) => r.title),
      [],
    );
  });
});

describe('refactor Deployment → DaemonSet', () => {
  it("the guide's Deployment: replicas dropped, strategy → updateStrategy without maxSurge (a DaemonSet surges or removes, not both)", () => {
    assert.equal(
      refactor(GUIDE_DEPLOYMENT, 'Convert to DaemonSet'),
      `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: api-server
spec:
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  selector:
    matchLabels:
      app: api-server
  template:
    metadata:
      labels:
        app: api-server
    spec:
      containers:
      - name: api
        image: myapp:v1.0.0
        ports:
        - containerPort: 8000
`,
    );
  });

  it('maxSurge stays when maxUnavailable is 0; an old apiVersion becomes apps/v1', () => {
    const text = GUIDE_DEPLOYMENT.replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1').replace(
      'maxUnavailable: 1',
      'maxUnavailable: 0',
    );
    const out = refactor(text, 'Convert to DaemonSet');
    assert.ok(out.startsWith('apiVersion: apps/v1\nkind: DaemonSet\n'));
    assert.ok(
      out.includes('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n'),
      out,
    );
  });
});

describe('refactor Deployment → Job', () => {
  it('drops what a Job does not have and sets restartPolicy Never', () => {
    const text = `${GUIDE_DEPLOYMENT.replace('        ports:\n        - containerPort: 8000\n', '        command: ["python", "manage.py", "migrate"]  # one-off\n')}  revisionHistoryLimit: 2\n`;
    assert.equal(
      refactor(text, 'Convert to Job'),
      `apiVersion: batch/v1
kind: Job
metadata:
  name: api-server
spec:
  template:
    metadata:
      labels:
        app: api-server
    spec:
      containers:
      - name: api
        image: myapp:v1.0.0
        command: ["python", "manage.py", "migrate"]  # one-off
      restartPolicy: Never
`,
    );
  });

  it('keeps OnFailure and replaces Always', () => {
    const onFailure = GUIDE_DEPLOYMENT.replace(
      '    spec:\n      containers',
      '    spec:\n      restartPolicy: OnFailure\n      containers',
    );
    assert.ok(refactor(onFailure, 'Convert to Job').includes('      restartPolicy: OnFailure\n      containers'));
    const always = GUIDE_DEPLOYMENT.replace('    spec:\n      containers', '    spec:\n      restartPolicy: "Always"\n      containers');
    assert.ok(refactor(always, 'Convert to Job').includes('      restartPolicy: Never\n      containers'));
  });
});

// The guide's db-migrate Job and backup CronJob.
const GUIDE_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
spec:
  backoffLimit: 3  # Retry 3 times on failure
  activeDeadlineSeconds: 600  # Timeout after 10 minutes
  template:
    spec:
      restartPolicy: Never  # Required for Jobs
      containers:
      - name: migrate
        image: myapp:v1.0.0
        command: ["python", "manage.py", "migrate"]
`;
const GUIDE_JOB_AS_CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: db-migrate
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 3  # Retry 3 times on failure
      activeDeadlineSeconds: 600  # Timeout after 10 minutes
      template:
        spec:
          restartPolicy: Never  # Required for Jobs
          containers:
          - name: migrate
            image: myapp:v1.0.0
            command: ["python", "manage.py", "migrate"]
`;

describe('refactor Job ↔ CronJob', () => {
  it("Job → CronJob wraps the guide's db-migrate spec in jobTemplate with an hourly schedule", () => {
    assert.equal(refactor(GUIDE_JOB, 'Convert to CronJob'), GUIDE_JOB_AS_CRONJOB);
  });

  it('CronJob → Job gives the Job back (round trip)', () => {
    assert.equal(refactor(GUIDE_JOB_AS_CRONJOB, 'Convert to Job'), GUIDE_JOB);
  });

  it("CronJob → Job drops the CronJob-only fields of the guide's backup", () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"  # Daily at 2am
  concurrencyPolicy: Forbid  # Don't start if previous still running
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      # the pod
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup-tool:v1.0.0
            command: ["./backup.sh"]
status: {}
`;
    assert.equal(
      refactor(text, 'Convert to Job'),
      `apiVersion: batch/v1
kind: Job
metadata:
  name: backup
spec:
  # the pod
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: backup
        image: backup-tool:v1.0.0
        command: ["./backup.sh"]
status: {}
`,
    );
  });

  it('block scalars and comment lines move with the spec; other documents stay', () => {
    const job =
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: m\nspec:\n  # retries\n  backoffLimit: 1\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: m\n        image: m:1\n        command:\n        - sh\n        - -c\n        - |\n          echo one\n\n          echo two\n';
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n${job}`;
    const out = refactor(text, 'Convert to CronJob', 1);
    assert.equal(
      out,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: m\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      # retries\n      backoffLimit: 1\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: m\n            image: m:1\n            command:\n            - sh\n            - -c\n            - |\n              echo one\n\n              echo two\n',
    );
    const file = parseManifest('file:///x.yaml', out);
    assert.equal(
      (file.documents[1].value as { spec: { jobTemplate: { spec: { template: { spec: { containers: { command: string[] }[] } } } } } }).spec
        .jobTemplate.spec.template.spec.containers[0].command[2],
      'echo one\n\necho two\n',
    );
    assert.equal(refactor(out, 'Convert to Job', 1), text);
  });

  it('JSON and flow styles', () => {
    const json =
      '{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "a", "image": "a:1"}]}}}}\n';
    const cron = refactor(json, 'Convert to CronJob');
    assert.equal(
      cron,
      '{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "j"}, "spec": {"schedule": "0 * * * *", "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "a", "image": "a:1"}]}}}}}}\n',
    );
    assert.deepEqual(JSON.parse(cron).spec.schedule, '0 * * * *');
    assert.equal(refactor(cron, 'Convert to Job'), json);
    const flow =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: \'@daily\'\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: "a:1"}]}}}}\n';
    assert.equal(
      refactor(flow, 'Convert to Job'),
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: c}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: "a:1"}]}}}\n',
    );
  });

  it('getRefactor finds one refactor by target kind', () => {
    const file = parseManifest('file:///t.yaml', GUIDE_JOB);
    assert.equal(getRefactor(file, file.documents[0], 'CronJob')?.id, 'job-to-cronjob');
    assert.equal(getRefactor(file, file.documents[0], 'StatefulSet'), undefined);
  });
});

describe('refactors as code actions', () => {
  const text = `${GUIDE_DEPLOYMENT}---\n${GUIDE_JOB}`;
  const service = getLanguageService();
  const document = TextDocument.create('file:///work/r.yaml', 'yaml', 1, text);
  const titles = (line: number, only?: string[], withDiagnostics = false) => {
    const range = { start: { line, character: 2 }, end: { line, character: 2 } };
    const diagnostics = withDiagnostics ? [{ range, message: 'x', source: 'k8s-workloads', code: 'image-tag' }] : [];
    return service
      .getCodeActions(document, { range, diagnostics, only })
      .filter((a) => a.kind === 'refactor.rewrite')
      .map((a) => a.title);
  };

  it('offers the refactors of the document under the cursor', () => {
    assert.deepEqual(titles(5, ['refactor']), ['Convert to StatefulSet', 'Convert to DaemonSet', 'Convert to Job']);
    assert.deepEqual(titles(30, ['refactor.rewrite']), ['Convert to CronJob']);
    assert.deepEqual(titles(30), ['Convert to CronJob']);
  });

  it('not when `only` asks for something else, nor for a quick-fix request about a diagnostic', () => {
    assert.deepEqual(titles(5, ['quickfix']), []);
    assert.deepEqual(titles(5, ['source.fixAll']), []);
    assert.deepEqual(titles(21, undefined, true), []);
    assert.deepEqual(titles(21, ['refactor'], true), ['Convert to StatefulSet', 'Convert to DaemonSet', 'Convert to Job']);
  });

  it('the edits apply through the protocol to the same text as the service function', () => {
    const action = service
      .getCodeActions(document, {
        range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } },
        diagnostics: [],
        only: ['refactor'],
      })
      .find((a) => a.title === 'Convert to CronJob');
    assert.ok(action?.edit?.changes);
    const after = applyEdits(text, action.edit.changes[document.uri]);
    assert.equal(after, `${GUIDE_DEPLOYMENT}---\n${GUIDE_JOB_AS_CRONJOB}`);
  });
});
