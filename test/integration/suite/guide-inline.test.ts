// The guide inside a real VS Code host, read through the editor's own commands: hovers
// (`vscode.executeHoverProvider`) on a CronJob schedule and a StatefulSet serviceName, the inlay
// hint after a schedule (`vscode.executeInlayHintProvider`) and the code lens above a StatefulSet
// (`vscode.executeCodeLensProvider`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, extension, openYaml } from './helpers';

const CRONJOB = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: gi-backup
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: busybox:1.36
          restartPolicy: OnFailure
`;
const SCHEDULE_LINE = 5;
const SCHEDULE_VALUE_END = '  schedule: "0 3 * * *"'.length;

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: gi-db
  namespace: gi-data
spec:
  serviceName: gi-db-headless
  replicas: 3
  selector:
    matchLabels:
      app: gi-db
  template:
    metadata:
      labels:
        app: gi-db
    spec:
      containers:
        - name: db
          image: postgres:15.8
---
apiVersion: v1
kind: Service
metadata:
  name: gi-db-headless
  namespace: gi-data
spec:
  clusterIP: None
  selector:
    app: gi-db
  ports:
    - port: 5432
`;

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, position: vscode.Position, want: RegExp): Promise<string> {
  return eventually(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const text = hoverText(hovers ?? []);
    return want.test(text) ? text : undefined;
  }, `a hover matching ${want} at ${position.line}:${position.character}`);
}

/** The next `n` times a daily "M H * * *" schedule fires after `now`, formatted as the hover writes them in UTC. */
function nextDailyUtc(now: Date, hour: number, minute: number, n: number): string[] {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute));
  if (first.getTime() <= now.getTime()) first.setUTCDate(first.getUTCDate() + 1);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const pad = (x: number) => String(x).padStart(2, '0');
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(first.getTime() + i * 86_400_000);
    return `${days[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(hour)}:${pad(minute)} UTC`;
  });
}

const labelText = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
const tooltipText = (t: string | vscode.MarkdownString | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.value);

describe('guide inline help in a real VS Code host', () => {
  // a clear failure when the extension cannot start, instead of every test timing out
  before(async () => {
    await extension().activate();
  });

  it('hover on a CronJob schedule: the schedule in words and the next three runs first, then the API description, in 15 lines', async () => {
    const editor = await openYaml(CRONJOB);
    const before = new Date();
    const text = await hoverAt(editor.document, new vscode.Position(SCHEDULE_LINE, 15), /At 03:00 every day/);
    const after = new Date();
    assert.match(text, /`CronJob\.spec\.schedule`/);
    assert.match(text, /The schedule in Cron format/, 'the API description');
    assert.ok(text.indexOf('At 03:00 every day') < text.indexOf('The schedule in Cron format'), `what matters here leads:\n${text}`);
    assert.match(text, /\*\*Schedule\*\* `0 3 \* \* \*` — At 03:00 every day/);
    // the next three runs, in UTC since there is no timeZone (either side of a 03:00 boundary)
    const runs = [nextDailyUtc(before, 3, 0, 3), nextDailyUtc(after, 3, 0, 3)];
    assert.ok(
      runs.some((r) => r.every((t) => text.includes(`- ${t}`))),
      `expected the runs ${JSON.stringify(runs[0])} in:\n${text}`,
    );
    assert.ok(text.split('\n').filter((l) => l.trim()).length <= 15, `about 15 lines:\n${text}`);
    assert.match(text, /\[Kubernetes docs\]\(https:/, 'a link to the rest');
  });

  it('hover on a StatefulSet serviceName: every pod DNS name in its namespace', async () => {
    const editor = await openYaml(STATEFULSET);
    const text = await hoverAt(editor.document, new vscode.Position(6, 18), /svc\.cluster\.local/);
    assert.match(text, /`StatefulSet\.spec\.serviceName`/);
    for (const i of [0, 1, 2]) assert.ok(text.includes(`\`gi-db-${i}.gi-db-headless.gi-data.svc.cluster.local\``), text);
    assert.ok(!text.includes('gi-db-3.'), 'three replicas, three names');
    assert.match(text, /through the headless Service `gi-db-headless` in namespace `gi-data`/);
    assert.ok(text.split('\n').filter((l) => l.trim()).length <= 15, `about 15 lines, no scrolling:\n${text}`);
  });

  it('inlay hint after a CronJob schedule value says it in words', async () => {
    const editor = await openYaml(CRONJOB);
    const doc = editor.document;
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await eventually(async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, whole);
      return h?.length ? h : undefined;
    }, 'an inlay hint from the language server');
    assert.equal(hints.length, 1, JSON.stringify(hints.map(labelText)));
    const [hint] = hints;
    assert.equal(labelText(hint), '⟶ At 03:00 every day');
    assert.match(labelText(hint), /At 03:00/);
    assert.deepEqual(hint.position, new vscode.Position(SCHEDULE_LINE, SCHEDULE_VALUE_END), 'right after the closing quote');
    assert.equal(hint.paddingLeft, true);
    assert.match(tooltipText(hint.tooltip), /^Next runs \(UTC\): \w{3} \d{4}-\d\d-\d\d 03:00 UTC, /);

    // a range that does not reach the schedule line gets no hint
    const above = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      doc.uri,
      new vscode.Range(0, 0, SCHEDULE_LINE - 1, 0),
    );
    assert.deepEqual(above ?? [], []);
  });

  it('code lens above a StatefulSet lists its pods and finds its headless Service', async () => {
    const editor = await openYaml(STATEFULSET);
    const doc = editor.document;
    const lenses = await eventually(async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l?.length ? l : undefined;
    }, 'a code lens from the language server');
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [0, 'Debug…'],
        [0, 'gi-db-0, gi-db-1, gi-db-2 · headless Service gi-db-headless ✓'],
      ],
      'on the first line of the StatefulSet document: Debug… and its pods (none for the Service)',
    );
  });
});
