// Code actions in a real VS Code extension host, read and applied the way the editor does it:
// `vscode.executeCodeActionProvider` (VS Code hands the provider the diagnostics under the range)
// and `workspace.applyEdit` of the action's edit. Covers a schema quick-fix (unknown-field), a
// guide-rule quick-fix (job-restart-policy), the refactors between kinds (refactor.rewrite),
// source.fixAll.k8sWorkloads and "Disable <rule> for this line".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, eventually, extension, openYaml, waitForDiagnostics } from './helpers';

type Action = vscode.CodeAction | vscode.Command;
const isCodeAction = (a: Action): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string');

const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => diagnosticCode(d) === code);
const hasNot = (code: string) => (ds: vscode.Diagnostic[]) => !has(code)(ds);
const both =
  (...ps: ((ds: vscode.Diagnostic[]) => boolean)[]) =>
  (ds: vscode.Diagnostic[]) =>
    ps.every((p) => p(ds));

/** The code actions VS Code collects for `range` (optionally only of `kind`), once `ready` holds for them. */
async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string | undefined,
  ready: (actions: vscode.CodeAction[]) => boolean,
  what: string,
): Promise<vscode.CodeAction[]> {
  return eventually(async () => {
    const actions = await vscode.commands.executeCommand<Action[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind);
    const list = (actions ?? []).filter(isCodeAction);
    return ready(list) ? list : undefined;
  }, what);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${action.title}" was not applied`);
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return JSON.stringify(actions.map((a) => a.title));
}

/** The line of `text` (0-based) that equals `line`; fails when there is not exactly one. */
function lineOf(text: string, line: string): number {
  const lines = text.split('\n');
  const at = lines.indexOf(line);
  assert.ok(at >= 0 && lines.lastIndexOf(line) === at, `expected exactly one line ${JSON.stringify(line)}`);
  return at;
}

const DEPLOYMENT_TYPO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ca-rename
spec:
  replica: 3
  selector:
    matchLabels:
      app: ca-rename
  template:
    metadata:
      labels:
        app: ca-rename
    spec:
      containers:
        - name: app
          image: nginx:1.27.3
`;

const JOB_ALWAYS = `apiVersion: batch/v1
kind: Job
metadata:
  name: ca-migrate
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: busybox:1.36
          command: ["sh", "-c", "echo migrate"]
      restartPolicy: Always # copied from a Deployment
`;

// A Job between two other documents: the refactor must leave them byte-for-byte as they are.
const JOB_FILE_HEAD = `# the export's settings
apiVersion: v1
kind: ConfigMap
metadata:
  name: ca-export-config
data:
  target: "s3://bucket/export"   # odd spacing stays
---
`;
const JOB_FILE_TAIL = `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ca-export
`;
const JOB = `# nightly export
apiVersion: batch/v1
kind: Job
metadata:
  name: ca-export
spec:
  backoffLimit: 2  # retries
  template:
    spec:
      serviceAccountName: ca-export
      containers:
        - name: export
          image: busybox:1.36
          command: ["sh", "-c", "echo export"]
      restartPolicy: Never
`;
const CRONJOB = `# nightly export
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ca-export
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      backoffLimit: 2  # retries
      template:
        spec:
          serviceAccountName: ca-export
          containers:
            - name: export
              image: busybox:1.36
              command: ["sh", "-c", "echo export"]
          restartPolicy: Never
`;

const DEPLOYMENT_FOR_STATEFULSET = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ca-cache
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
  selector:
    matchLabels:
      app: ca-cache
  template:
    metadata:
      labels:
        app: ca-cache
    spec:
      containers:
        - name: cache
          image: memcached:1.6.29
          ports:
            - containerPort: 11211
              name: memcache
`;
const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ca-cache
spec:
  serviceName: ca-cache
  replicas: 2
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels:
      app: ca-cache
  template:
    metadata:
      labels:
        app: ca-cache
    spec:
      containers:
        - name: cache
          image: memcached:1.6.29
          ports:
            - containerPort: 11211
              name: memcache
---
apiVersion: v1
kind: Service
metadata:
  name: ca-cache
spec:
  clusterIP: None
  selector:
    app: ca-cache
  ports:
    - port: 11211
      name: memcache
`;

// Four problems with a safe fix (a misspelt key, a wrong-case enum value, a quoted number, a
// rolling update that cannot progress) and one without (no resources).
const FIX_ALL_BEFORE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ca-fixall
spec:
  replica: 2
  strategy:
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 0
  selector:
    matchLabels:
      app: ca-fixall
  template:
    metadata:
      labels:
        app: ca-fixall
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: nginx:1.27.3
          imagePullPolicy: ifNotPresent
          ports:
            - containerPort: "8080"
`;
const FIX_ALL_AFTER = FIX_ALL_BEFORE.replace('  replica: 2', '  replicas: 2')
  .replace('maxSurge: 0', 'maxSurge: 1')
  .replace('imagePullPolicy: ifNotPresent', 'imagePullPolicy: IfNotPresent')
  .replace('containerPort: "8080"', 'containerPort: 8080');

const LATEST_IMAGE = `apiVersion: v1
kind: Pod
metadata:
  name: ca-disable
spec:
  containers:
    - name: app
      image: nginx:latest
`;

describe('code actions in a real VS Code host', () => {
  // a clear failure when the extension cannot start, instead of every test timing out
  before(async () => {
    await extension().activate();
  });

  it('unknown-field: "Rename to `replicas`" renames the key and the diagnostic goes away', async () => {
    const editor = await openYaml(DEPLOYMENT_TYPO);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, has('unknown-field'), 'unknown-field on `replica`');
    const typo = ds.filter((d) => diagnosticCode(d) === 'unknown-field');
    assert.equal(typo.length, 1, JSON.stringify(typo.map((d) => d.message)));
    assert.equal(typo[0].source, 'k8s-workloads');
    assert.equal(typo[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(typo[0].message, '`replica` is not a field of Deployment.spec. Did you mean `replicas`?');
    assert.deepEqual(typo[0].range, new vscode.Range(5, 2, 5, 9));

    const actions = await codeActions(
      uri,
      typo[0].range,
      undefined,
      (as) => as.some((a) => a.title === 'Rename to `replicas`'),
      'the "Rename to `replicas`" quick-fix',
    );
    const rename = actions.find((a) => a.title === 'Rename to `replicas`')!;
    assert.equal(rename.kind?.value, 'quickfix');
    assert.equal(rename.isPreferred, true, 'the only close key is the preferred fix');
    await apply(rename);

    assert.equal(editor.document.getText(), DEPLOYMENT_TYPO.replace('  replica: 3', '  replicas: 3'));
    // gone — while the document is still checked (missing-resources stays: nothing fixed it)
    await waitForDiagnostics(uri, both(hasNot('unknown-field'), has('missing-resources')), 'unknown-field to clear after the rename');
  });

  it('job-restart-policy: "Set restartPolicy: Never" replaces Always, keeps the comment, clears the error', async () => {
    const editor = await openYaml(JOB_ALWAYS);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, has('job-restart-policy'), 'job-restart-policy on `Always`');
    const d = ds.find((x) => diagnosticCode(x) === 'job-restart-policy')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(d.range), 'Always');
    assert.match(d.message, /restartPolicy: Always is not allowed in a Job/);

    const actions = await codeActions(
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
      (as) => as.some((a) => a.title === 'Set restartPolicy: Never'),
      'the job-restart-policy quick-fixes',
    );
    // only that diagnostic lies under the range, so these are its fixes
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Set restartPolicy: Never', true],
        ['Set restartPolicy: OnFailure', false],
        ['Disable job-restart-policy for this line', false],
      ],
      titles(actions),
    );
    await apply(actions[0]);
    assert.equal(editor.document.getText(), JOB_ALWAYS.replace('restartPolicy: Always #', 'restartPolicy: Never #'));
    await waitForDiagnostics(uri, both(hasNot('job-restart-policy'), has('missing-resources')), 'job-restart-policy to clear');
  });

  it('refactor.rewrite: Job → CronJob wraps the spec in jobTemplate; the other documents stay byte-for-byte', async () => {
    const editor = await openYaml(JOB_FILE_HEAD + JOB + JOB_FILE_TAIL);
    const uri = editor.document.uri;
    // on `kind: Job`, the way a user asks for refactors there
    const at = lineOf(editor.document.getText(), 'kind: Job');
    const range = new vscode.Range(at, 6, at, 6);
    const actions = await codeActions(
      uri,
      range,
      vscode.CodeActionKind.RefactorRewrite.value,
      (as) => as.length > 0,
      'refactors of the Job',
    );
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Convert to CronJob', 'refactor.rewrite']],
      titles(actions),
    );
    await apply(actions[0]);
    assert.equal(editor.document.getText(), JOB_FILE_HEAD + CRONJOB + JOB_FILE_TAIL);

    // and back: CronJob → Job gives the Job again
    const back = await codeActions(
      uri,
      range,
      vscode.CodeActionKind.RefactorRewrite.value,
      (as) => as.some((a) => a.title === 'Convert to Job'),
      'the CronJob → Job refactor',
    );
    await apply(back.find((a) => a.title === 'Convert to Job')!);
    assert.equal(editor.document.getText(), JOB_FILE_HEAD + JOB + JOB_FILE_TAIL);
  });

  it('refactor.rewrite: Deployment → StatefulSet adds serviceName, updateStrategy and the headless Service', async () => {
    const editor = await openYaml(DEPLOYMENT_FOR_STATEFULSET);
    const uri = editor.document.uri;
    const actions = await codeActions(
      uri,
      new vscode.Range(1, 0, 1, 0),
      vscode.CodeActionKind.RefactorRewrite.value,
      (as) => as.some((a) => a.title === 'Convert to StatefulSet'),
      'the Deployment → StatefulSet refactor',
    );
    assert.deepEqual(
      actions.map((a) => a.title).sort(),
      ['Convert to DaemonSet', 'Convert to Job', 'Convert to StatefulSet'],
      titles(actions),
    );
    await apply(actions.find((a) => a.title === 'Convert to StatefulSet')!);
    assert.equal(editor.document.getText(), STATEFULSET);
    // the new pair is consistent: no missing or non-headless Service reported
    const ds = await waitForDiagnostics(uri, has('missing-resources'), 'the converted file to be checked');
    assert.deepEqual(
      ds
        .map((d) => diagnosticCode(d))
        .filter((c) => c === 'missing-headless-service' || c === 'service-not-headless' || c === 'dangling-service'),
      [],
    );
  });

  it('source.fixAll.k8sWorkloads applies every safe fix in one edit and leaves the rest', async () => {
    const editor = await openYaml(FIX_ALL_BEFORE);
    const uri = editor.document.uri;
    const expected = ['unknown-field', 'rolling-update-zero', 'invalid-value', 'missing-resources'];
    const ds = await waitForDiagnostics(uri, both(...expected.map(has)), `${expected.join(', ')}`);
    assert.equal(ds.filter((d) => diagnosticCode(d) === 'invalid-value').length, 2, JSON.stringify(ds.map((d) => d.message)));

    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActions(uri, whole, 'source.fixAll.k8sWorkloads', (as) => as.length > 0, 'the fix-all action');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all Kubernetes Workloads problems', 'source.fixAll.k8sWorkloads']],
    );
    await apply(actions[0]);
    assert.equal(editor.document.getText(), FIX_ALL_AFTER);
    const after = await waitForDiagnostics(
      uri,
      both(hasNot('unknown-field'), hasNot('rolling-update-zero'), hasNot('invalid-value'), has('missing-resources')),
      'the fixed problems to clear, missing-resources to stay',
    );
    assert.deepEqual([...new Set(after.map((d) => diagnosticCode(d)))], ['missing-resources']);
  });

  it('"Disable image-tag for this line" inserts the comment above the line and silences it', async () => {
    const editor = await openYaml(LATEST_IMAGE);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, has('image-tag'), 'image-tag on nginx:latest');
    const d = ds.find((x) => diagnosticCode(x) === 'image-tag')!;
    assert.equal(d.range.start.line, 7);

    const actions = await codeActions(
      uri,
      d.range,
      undefined,
      (as) => as.some((a) => a.title === 'Disable image-tag for this line'),
      'the "Disable image-tag for this line" action',
    );
    await apply(actions.find((a) => a.title === 'Disable image-tag for this line')!);
    assert.equal(
      editor.document.getText(),
      LATEST_IMAGE.replace('      image: nginx:latest', '      # k8s-workloads-disable-next-line image-tag\n      image: nginx:latest'),
    );
    // silenced — and only that: the Pod's other findings are still reported
    await waitForDiagnostics(uri, both(hasNot('image-tag'), has('missing-resources')), 'image-tag to be silenced');
  });
});
