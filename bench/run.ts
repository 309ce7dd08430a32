// npm run bench: Kubernetes Workloads vs yaml-language-server 2.0.0 (the current release) and 1.25.0,
// in the same run, over stdio LSP exactly as an editor talks to them: start, open, the first
// outline (which VS Code asks for at once), one-character edits, completion and hover as the FIRST
// request at several positions of a fresh document and again right after an edit, then the
// resident memory — on two workloads ("clean", and "findings" where every pod-running document has
// findings, as in real repositories) at 500 and 2,000 documents. Then the .vsix size.
//
// Reports ratios: these machines are shared and noisy, absolute times are not comparable between
// runs. A server that answers wrongly (diagnostics before/after an edit, completion items, hover
// text) makes the benchmark FAIL with exit code 1: a fast wrong answer is not a result.
//
// yaml-language-server gets the same Kubernetes 1.35 schemas: one JSON Schema per kind generated
// from ../shared/k8s-openapi/versions/1.35, each document pointing at its own with a
// `# yaml-language-server: $schema=` modeline (offline: no schema store, no CRD store). It waits
// 200 ms (validationDelayMs) before validating and we wait 120 ms after a change (none on open):
// both delays are subtracted from the diagnostics times, so the figures are compute time.
//
// Environment: BENCH_DOCS (default "500,2000"), BENCH_WORKLOADS ("clean,findings"), BENCH_RUNS (3
// fresh starts of each server per workload), BENCH_EDITS (8), BENCH_SERVERS (all; e.g. "ours" to
// profile), BENCH_VSIX (1; 0 skips packaging), BENCH_PROFILE (a folder: our server writes a
// --cpu-prof profile of each fresh start there).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { SERVER, startServer, type TestClient } from '../test/protocol/lspClient';
import { serverArgs } from '../client/src/serverOptions';
import { API, benchWorkload, KINDS, POD_SLOTS, type WorkloadShape } from './workload';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'results');
const OPENAPI = path.resolve(ROOT, '..', 'shared', 'k8s-openapi', 'versions', '1.35');
const list = (v: string | undefined, dflt: string) =>
  (v ?? dflt)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_DOCS, '500,2000').map(Number);
const SHAPES = list(process.env.BENCH_WORKLOADS, 'clean,findings') as WorkloadShape[];
const EDITS = Number(process.env.BENCH_EDITS ?? 8);
/** Fresh server processes per server and workload (alternating); each figure is the median over them. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_SERVERS ? new Set(list(process.env.BENCH_SERVERS, '')) : undefined;
const VSIX = process.env.BENCH_VSIX !== '0';
const PROFILE = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
const OUR_CHANGE_DELAY = 120;
/**
 * Our server's V8 code cache folder (server/src/codeCache.ts), as the extension gives it its storage
 * folder: empty at first, so the first start of the run compiles the bundle and writes the cache
 * (measured on its own: "first start after install"); every start after it uses the cache.
 */
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'k8sw-bench-code-cache-'));
const YAMLLS_DELAY = 200;

// ---------------------------------------------------------------- schemas for yaml-language-server
type Json = Record<string, unknown>;

function loadDefinitions(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  for (const f of ['api/v1.json', 'apis/apps/v1.json', 'apis/batch/v1.json']) {
    const spec = JSON.parse(fs.readFileSync(path.join(OPENAPI, f), 'utf8')) as { components?: { schemas?: Record<string, Json> } };
    Object.assign(defs, spec.components?.schemas ?? {});
  }
  return defs;
}

/** One self-contained JSON Schema per kind: the kind's definition plus every definition it reaches. */
function writeSchemas(dir: string): (kind: string) => string {
  const defs = loadDefinitions();
  const byKind = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) {
    const gvk = (def['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[] | undefined) ?? [];
    for (const g of gvk) {
      const apiVersion = g.group ? `${g.group}/${g.version}` : g.version;
      if (API[g.kind] === apiVersion) byKind.set(g.kind, name);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const [kind, root] of byKind) {
    const reached: Record<string, Json> = {};
    const rewrite = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(rewrite);
      if (!v || typeof v !== 'object') return v;
      const out: Json = {};
      for (const [k, val] of Object.entries(v as Json)) {
        if (k === '$ref' && typeof val === 'string') {
          const target = val.replace('#/components/schemas/', '');
          visit(target);
          out[k] = `#/definitions/${target}`;
        } else out[k] = rewrite(val);
      }
      return out;
    };
    const visit = (name: string) => {
      if (reached[name] || !defs[name]) return;
      reached[name] = {};
      reached[name] = rewrite(defs[name]) as Json;
    };
    visit(root);
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', $ref: `#/definitions/${root}`, definitions: reached };
    fs.writeFileSync(path.join(dir, `${kind}.json`), JSON.stringify(schema));
  }
  return (kind) => pathToFileURL(path.join(dir, `${kind}.json`)).toString();
}

// ---------------------------------------------------------------- the servers
interface ServerSpec {
  id: string;
  label: string;
  start: () => Promise<TestClient>;
  /** The server's own debounce before it validates, subtracted from the diagnostics times. */
  delays: { open: number; change: number };
  ours: boolean;
}

function yamlls(id: string, pkg: string): ServerSpec {
  const dir = path.join(ROOT, 'node_modules', pkg);
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    id,
    label: `yaml-language-server ${version}`,
    ours: false,
    delays: { open: YAMLLS_DELAY, change: YAMLLS_DELAY },
    start: () =>
      startServer({
        command: [process.execPath, path.join(dir, 'bin', 'yaml-language-server'), '--stdio'],
        diagnosticsTimeoutMs: 300_000,
        settings: (section) =>
          section === 'yaml'
            ? {
                validate: true,
                hover: true,
                completion: true,
                schemaStore: { enable: false },
                kubernetesCRDStore: { enable: false },
                maxItemsComputed: 5000,
              }
            : null,
      }),
  };
}

const SERVERS: ServerSpec[] = [
  {
    id: 'ours',
    label: 'k8s-workloads',
    ours: true,
    delays: { open: 0, change: OUR_CHANGE_DELAY },
    // Started as the extension's client starts it: no V8 flags (client/src/extension.ts), the same arguments (client/src/serverOptions.ts).
    start: () =>
      startServer({
        diagnosticsTimeoutMs: 300_000,
        command: [
          process.execPath,
          ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []),
          SERVER,
          '--stdio',
          ...serverArgs(CODE_CACHE),
        ],
      }),
  },
  yamlls('yamlls-2', 'yaml-language-server-2'),
  yamlls('yamlls-1', 'yaml-language-server'),
].filter((s) => !ONLY || ONLY.has(s.id));

// ---------------------------------------------------------------- the workload and what must come back
interface Probe {
  what: string;
  /** The document the probe is in (its first and last line) and the neutral edit made there before the second request. */
  doc: { first: number; last: number; annotationLine: number };
  position: Position;
  /** Completion: labels that must be offered. Hover: texts the hover must contain. */
  expect: string[];
  /** Checked for our server only (what the peers' schemas cannot know); every server is still timed. */
  oursOnly?: boolean;
  /** What our answer must contain instead of `expect`, where ours answers otherwise (a hover that leads with the guide's note). */
  oursExpect?: string[];
}

interface Workload {
  shape: WorkloadShape;
  docs: number;
  text: string;
  uri: string;
  lines: number;
  /** Where the breaking/mending edit is typed: after `replicas: 3` of a Deployment in the middle. */
  edit: Position;
  completions: Probe[];
  hovers: Probe[];
  /** Names of the containers whose pod-running documents must be reported (findings workload). */
  podContainers: string[];
}

function buildWorkload(shape: WorkloadShape, docs: number, schemaUri: (kind: string) => string): Workload {
  const text = benchWorkload(docs, schemaUri, shape);
  const file = path.join(OUT, `workload-${shape}-${docs}.yaml`);
  fs.writeFileSync(file, text);
  const lines = text.split('\n');
  /** The document of `slot` nearest to `fraction` of the file (a different one for each probe). */
  const docNear = (slot: (typeof KINDS)[number], fraction: number) => {
    const i = KINDS.indexOf(slot);
    const n = Math.floor((docs * fraction) / KINDS.length) * KINDS.length + i;
    const name = `${slot.toLowerCase()}-${n}`;
    const first = lines.findIndex((l) => l === `  name: ${name}`);
    if (first < 0) throw new Error(`bench: no document ${name}`);
    let last = lines.indexOf('---', first);
    if (last < 0) last = lines.length;
    const annotationLine = lines.findIndex((l, k) => k > first && l === '    owner: team-a');
    return { name, first, last, annotationLine };
  };
  const at = (doc: ReturnType<typeof docNear>, line: string, offset: 'key' | 'value'): Position => {
    const k = lines.findIndex((l, j) => j > doc.first && j < doc.last && l.trimStart() === line);
    if (k < 0) throw new Error(`bench: no line "${line}" in ${doc.name}`);
    const indent = lines[k].length - lines[k].trimStart().length;
    return { line: k, character: offset === 'key' ? indent + 2 : indent + line.indexOf(':') + 2 };
  };
  const probe = (
    what: string,
    slot: (typeof KINDS)[number],
    fraction: number,
    line: string,
    offset: 'key' | 'value',
    expect: string[],
    oursOnly = false,
    oursExpect?: string[],
  ): Probe => {
    const doc = docNear(slot, fraction);
    return { what, doc, position: at(doc, line, offset), expect, oursOnly, ...(oursExpect ? { oursExpect } : {}) };
  };
  const middle = docNear('Deployment', 0.5);
  const replicas = lines.findIndex((l, k) => k > middle.first && l === '  replicas: 3');
  // Completion and hover probes, each in its own document so that no answer comes from a cache
  // another probe filled; all of them away from the middle Deployment that the edits change.
  const completions = [
    probe('Deployment spec key', 'Deployment', 0.1, 'replicas: 3', 'key', ['minReadySeconds', 'strategy']),
    probe('pod spec key (Job)', 'Job', 0.3, 'restartPolicy: Never', 'key', ['nodeSelector', 'serviceAccountName']),
    probe('CronJob spec key', 'CronJob', 0.5, 'concurrencyPolicy: Forbid', 'key', ['suspend', 'startingDeadlineSeconds']),
    probe('container key (StatefulSet)', 'StatefulSet', 0.7, 'imagePullPolicy: IfNotPresent', 'key', ['workingDir', 'command']),
    // The OpenAPI schema lists no enum for imagePullPolicy, so only our server knows these values.
    probe(
      'imagePullPolicy value (DaemonSet container)',
      'DaemonSet',
      0.9,
      'imagePullPolicy: IfNotPresent',
      'value',
      ['Always', 'Never'],
      true,
    ),
  ];
  const hovers = [
    probe('replicas (Deployment)', 'Deployment', 0.2, 'replicas: 3', 'key', ['Number of desired pods']),
    // Ours leads with the guide's note there (the pods' DNS names) and leaves the API description
    // out of a hover that would not fit (hoverFit.ts); the peers show the description.
    probe(
      'serviceName (StatefulSet)',
      'StatefulSet',
      0.4,
      `serviceName: ${docNear('StatefulSet', 0.4).name}`,
      'key',
      ['serviceName is the name of the service that governs this StatefulSet'],
      false,
      [`${docNear('StatefulSet', 0.4).name}-0.${docNear('StatefulSet', 0.4).name}.bench.svc.cluster.local`],
    ),
    probe('schedule (CronJob)', 'CronJob', 0.6, 'schedule: "0 3 * * *"', 'key', ['The schedule in Cron format']),
    probe('tolerations (DaemonSet pod)', 'DaemonSet', 0.8, 'tolerations:', 'key', ["If specified, the pod's tolerations"]),
  ];
  const podContainers = Array.from({ length: docs }, (_v, n) => KINDS[n % KINDS.length])
    .map((slot, n) => (POD_SLOTS.has(slot) ? `${slot.toLowerCase()}-${n}` : ''))
    .filter(Boolean);
  return {
    shape,
    docs,
    text,
    uri: pathToFileURL(file).toString(),
    lines: lines.length,
    edit: { line: replicas, character: '  replicas: 3'.length },
    completions,
    hovers,
    podContainers: shape === 'findings' ? podContainers : [],
  };
}

// ---------------------------------------------------------------- measuring
const now = () => performance.now();
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

interface Figures {
  startMs: number;
  openMs: number;
  /** From starting the server to the first diagnostics of the file it opens first: start and open together. */
  firstDiagnosticsMs: number;
  /** The first outline (document symbols) after open, as VS Code asks for it for the outline and breadcrumbs. */
  outlineMs: number;
  editMs: number;
  /** The slowest first completion over the probe positions of the fresh document, and the same right after an edit there. */
  completionMs: number;
  completionEditedMs: number;
  hoverMs: number;
  hoverEditedMs: number;
  rssMb: number;
}

/** Wrong answers: each one fails the benchmark. */
const problems: string[] = [];

const labelsOf = (r: CompletionList | CompletionItem[] | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);
function hoverText(h: Hover | null): string {
  if (!h) return '';
  const part = (c: unknown): string => (typeof c === 'string' ? c : ((c as { value?: string }).value ?? ''));
  return Array.isArray(h.contents) ? h.contents.map(part).join('\n') : part(h.contents);
}

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

/**
 * How many problems a publication stands for: a server may cap what it publishes per file (ours
 * shows 300 and one `too-many-problems` diagnostic that counts the rest).
 */
function totalOf(diagnostics: Diagnostic[]): number {
  const more = diagnostics.find((d) => d.code === 'too-many-problems');
  const rest = more ? Number(/^(\d+) more problems/.exec(messageOf(more))?.[1] ?? NaN) : 0;
  return diagnostics.length - (more ? 1 : 0) + rest;
}

/** What a correct server publishes on open: nothing for the clean workload; ours reports each pod-running document of the findings one. */
function checkOpen(server: ServerSpec, w: Workload, diagnostics: Diagnostic[], where: string): void {
  if (!server.ours || w.shape === 'clean') {
    if (diagnostics.length !== 0)
      problems.push(`${where}: ${diagnostics.length} diagnostics on open of a schema-valid workload (first: ${messageOf(diagnostics[0])})`);
    return;
  }
  // Findings: one missing-resources and one run-as-non-root per pod-running document, naming its
  // container — each shown one names a different pod-running container, and with the ones the cap
  // holds back they are exactly two per such document.
  const expected = 2 * w.podContainers.length;
  if (totalOf(diagnostics) !== expected) problems.push(`${where}: ${totalOf(diagnostics)} problems on open, expected ${expected}`);
  const pods = new Set(w.podContainers);
  for (const code of ['missing-resources', 'run-as-non-root']) {
    const named = diagnostics
      .filter((d) => d.code === code)
      .map((d) => /(?:Container|container) ([a-z0-9-]+)/.exec(messageOf(d))?.[1] ?? '');
    const wrong = named.filter((n, i) => !pods.has(n) || named.indexOf(n) !== i);
    // With the cap holding findings back, the shown ones may all be of the other (more severe) rule.
    if (wrong.length || (named.length === 0 && !diagnostics.some((d) => d.code === 'too-many-problems')))
      problems.push(`${where}: ${code} named ${named.length} containers, wrong or repeated: ${wrong.slice(0, 3).join(', ')}`);
  }
  const other = diagnostics.filter((d) => !['missing-resources', 'run-as-non-root', 'too-many-problems'].includes(String(d.code)));
  if (other.length) problems.push(`${where}: unexpected ${other[0].code}: ${messageOf(other[0])}`);
}

async function measure(server: ServerSpec, w: Workload, run: number): Promise<Figures> {
  const where = `${server.label} / ${w.shape} ${w.docs} / run ${run + 1}`;
  const t0 = now();
  const client = await server.start();
  const startMs = now() - t0;
  const { uri } = w;

  const t1 = now();
  const opened = await client.open(uri, w.text, 1);
  const openMs = now() - t1 - server.delays.open;
  // What a user waits for after opening a file in a fresh window: the server's start and the open.
  const firstDiagnosticsMs = now() - t0 - server.delays.open;
  checkOpen(server, w, opened.diagnostics, `${where}, open`);
  const base = totalOf(opened.diagnostics);

  const t2 = now();
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[] | null;
  const outlineMs = now() - t2;
  // Ours: one symbol per document; yaml-language-server: one per top-level key of each document.
  const symbolsExpected = server.ours ? w.docs : w.docs * 4;
  if ((symbols?.length ?? 0) < symbolsExpected)
    problems.push(`${where}: outline has ${symbols?.length ?? 0} symbols, expected ≥ ${symbolsExpected}`);

  // Completion and hover, the first request at each probe position of the fresh document.
  let version = 1;
  const complete = async (p: Probe, edited: boolean) => {
    const t = now();
    const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: p.position })) as
      CompletionList | CompletionItem[] | null;
    const ms = now() - t;
    const labels = labelsOf(r);
    const missing = p.oursOnly && !server.ours ? [] : p.expect.filter((e) => !labels.includes(e));
    if (missing.length)
      problems.push(
        `${where}: completion at ${p.what}${edited ? ' after an edit' : ''} lacks ${missing.join(', ')} (got ${labels.slice(0, 8).join(', ') || 'nothing'})`,
      );
    return ms;
  };
  const hover = async (p: Probe, edited: boolean) => {
    const t = now();
    const r = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: p.position });
    const ms = now() - t;
    const text = hoverText(r).replace(/\s+/g, ' ');
    const missing = (server.ours && p.oursExpect ? p.oursExpect : p.expect).filter((e) => !text.includes(e));
    if (missing.length)
      problems.push(
        `${where}: hover on ${p.what}${edited ? ' after an edit' : ''} lacks "${missing.join('", "')}" (got "${text.slice(0, 80)}")`,
      );
    return ms;
  };
  const completionFresh: number[] = [];
  for (const p of w.completions) completionFresh.push(await complete(p, false));
  const hoverFresh: number[] = [];
  for (const p of w.hovers) hoverFresh.push(await hover(p, false));

  // One-character edits in the middle of the file: a letter typed after `replicas: 3` (the value
  // is no longer an integer: one more diagnostic, on that line), then deleted again (as on open).
  const editTimes: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    version++;
    const p = w.edit;
    const typed = i % 2 === 0;
    const change = typed
      ? { range: { start: p, end: p }, text: 'x' }
      : { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' };
    const t = now();
    const published = await client.change(uri, version, [change]);
    editTimes.push(now() - t - server.delays.change);
    const got = published.diagnostics;
    // The problem just typed must be shown, whatever the file's other findings.
    if (typed && (totalOf(got) !== base + 1 || !got.some((d) => d.range.start.line === p.line)))
      problems.push(
        `${where}: after typing "replicas: 3x" ${totalOf(got)} problems (expected ${base + 1}, one shown on line ${p.line + 1})`,
      );
    if (!typed && totalOf(got) !== base) problems.push(`${where}: after mending "replicas: 3" ${totalOf(got)} problems (expected ${base})`);
  }

  // Completion and hover again, each the first request after a neutral one-character edit of its
  // document (an annotation value gets a letter), timed from the keystroke as the user feels it.
  const afterEdit = async (p: Probe, ask: (p: Probe, edited: boolean) => Promise<number>) => {
    version++;
    const at = { line: p.doc.annotationLine, character: '    owner: team-a'.length };
    const published = client.nextDiagnostics(uri, (d) => d.version === undefined || d.version === version);
    const t = now();
    const change = client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: 'b' }],
    });
    const asked = ask(p, true);
    await change;
    await asked;
    const ms = now() - t;
    const got = totalOf((await published).diagnostics);
    if (got !== base) problems.push(`${where}: ${got} diagnostics after a neutral edit of an annotation (expected ${base})`);
    return ms;
  };
  const completionEdited: number[] = [];
  for (const p of w.completions) completionEdited.push(await afterEdit(p, complete));
  const hoverEdited: number[] = [];
  for (const p of w.hovers) hoverEdited.push(await afterEdit(p, hover));

  const rss = rssMb(client.process.pid);
  await client.stop();
  const figures: Figures = {
    startMs,
    openMs,
    firstDiagnosticsMs,
    outlineMs,
    editMs: median(editTimes),
    completionMs: Math.max(...completionFresh),
    completionEditedMs: Math.max(...completionEdited),
    hoverMs: Math.max(...hoverFresh),
    hoverEditedMs: Math.max(...hoverEdited),
    rssMb: rss,
  };
  console.log(`${where}: ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
  return figures;
}

function medianFigures(runs: Figures[]): Figures {
  const out = { ...runs[0] };
  for (const key of Object.keys(out) as (keyof Figures)[]) out[key] = median(runs.map((r) => r[key]));
  return out;
}

// ---------------------------------------------------------------- targets and the report
interface Measure {
  key: keyof Figures;
  name: string;
  /** Issue 10's target: a ratio to each peer (peer ÷ ours ≥ n), an absolute ceiling in ms, or none. */
  target?: { ratio: number } | { maxMs: number };
  targetText: string;
}

const MEASURES: Measure[] = [
  { key: 'openMs', name: 'open → first diagnostics', target: { ratio: 3 }, targetText: '≥ 3× faster' },
  { key: 'outlineMs', name: 'first outline (document symbols)', targetText: '' },
  { key: 'editMs', name: 'one-character edit → diagnostics', target: { ratio: 20 }, targetText: '≥ 20× faster' },
  { key: 'completionMs', name: 'completion, first request (slowest of 5 positions)', target: { maxMs: 10 }, targetText: '≤ 10 ms' },
  { key: 'completionEditedMs', name: 'completion right after an edit (slowest of 5)', target: { maxMs: 10 }, targetText: '≤ 10 ms' },
  { key: 'hoverMs', name: 'hover, first request (slowest of 4 positions)', targetText: '' },
  { key: 'hoverEditedMs', name: 'hover right after an edit (slowest of 4)', targetText: '' },
  { key: 'startMs', name: 'start → initialized', target: { ratio: 4 }, targetText: '≥ 4× faster' },
  { key: 'firstDiagnosticsMs', name: 'start → first diagnostics (start and open in one)', targetText: '' },
  { key: 'rssMb', name: 'RSS after all of the above (MB)', target: { ratio: 2 }, targetText: '≤ ½ of the peer' },
];

const fmt = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : 'n/a');
const ratio = (ours: number, peer: number) => (Number.isFinite(ours) && Number.isFinite(peer) && ours > 0 ? peer / ours : NaN);

interface Result {
  shape: WorkloadShape;
  docs: number;
  lines: number;
  figures: Record<string, Figures>;
  each: Record<string, Figures[]>;
}

/** One table per workload: every server's figures, the ratio to each peer, and whether the target holds against each. */
function table(r: Result): { md: string; missed: string[] } {
  const peers = SERVERS.filter((s) => !s.ours);
  const ours = SERVERS.find((s) => s.ours);
  const missed: string[] = [];
  const head = [
    `| ${r.shape}, ${r.docs} documents (${r.lines.toLocaleString('en-US')} lines) | ${SERVERS.map((s) => s.label).join(' | ')} | ${peers
      .map((p) => `${p.label.replace('yaml-language-server ', 'yamlls ')} ÷ ours`)
      .join(' | ')} | target |`,
    `| --- | ${SERVERS.map(() => '---:').join(' | ')} | ${peers.map(() => '---:').join(' | ')} | --- |`,
  ];
  const rows = MEASURES.map((m) => {
    const figs = SERVERS.map((s) => r.figures[s.id][m.key]);
    const o = ours ? r.figures[ours.id][m.key] : NaN;
    const ratios = peers.map((p) => {
      const x = ratio(o, r.figures[p.id][m.key]);
      if (!Number.isFinite(x)) return 'n/a';
      const met = m.target && 'ratio' in m.target ? x >= m.target.ratio : undefined;
      if (met === false) missed.push(`${r.shape} ${r.docs}: ${m.name} ${x.toFixed(1)}× vs ${p.label} (target ${m.targetText})`);
      return `${x.toFixed(1)}×${met === undefined ? '' : met ? ' ✓' : ' ✗'}`;
    });
    let target = m.targetText;
    if (m.target && 'maxMs' in m.target && ours) {
      const met = o <= m.target.maxMs;
      if (!met) missed.push(`${r.shape} ${r.docs}: ${m.name} ${fmt(o)} ms (target ${m.targetText})`);
      target += met ? ' ✓' : ' ✗';
    }
    return `| ${m.name} | ${figs.map(fmt).join(' | ')} | ${ratios.join(' | ')} | ${target} |`;
  });
  return { md: [...head, ...rows].join('\n'), missed };
}

/**
 * The README's table: one row per measure, one column per workload — our figure, then each
 * peer's figure divided by ours (✓/✗ against issue 10's target).
 */
function summary(results: Result[]): string {
  const peers = SERVERS.filter((s) => !s.ours);
  const ours = SERVERS.find((s) => s.ours);
  if (!ours || results.length === 0) return '';
  const head = [
    `| measure (ours; ${peers.map((p) => p.label.replace('yaml-language-server ', '')).join(' / ')} ÷ ours) | target | ${results
      .map((r) => `${r.shape}, ${r.docs.toLocaleString('en-US')} docs`)
      .join(' | ')} |`,
    `| --- | --- | ${results.map(() => '---').join(' | ')} |`,
  ];
  const rows = MEASURES.map((m) => {
    const unit = m.key === 'rssMb' ? ' MB' : ' ms';
    const cells = results.map((r) => {
      const o = r.figures[ours.id][m.key];
      const ratios = peers.map((p) => {
        const x = ratio(o, r.figures[p.id][m.key]);
        const met = m.target && 'ratio' in m.target ? (x >= m.target.ratio ? ' ✓' : ' ✗') : '';
        return Number.isFinite(x) ? `${x.toFixed(1)}×${met}` : 'n/a';
      });
      const abs = m.target && 'maxMs' in m.target ? (o <= m.target.maxMs ? ' ✓' : ' ✗') : '';
      return `${fmt(o)}${unit}${abs}; ${ratios.join(' / ')}`;
    });
    return `| ${m.name} | ${m.targetText} | ${cells.join(' | ')} |`;
  });
  return [...head, ...rows].join('\n');
}

function vsixSize(): { mb: number; file: string } | undefined {
  const file = path.join(OUT, 'k8s-workloads.vsix');
  fs.rmSync(file, { force: true });
  // `npm run package` itself, so the size is that of what ships: its README has the screenshots
  // inlined (scripts/package-readme.mjs), which a bare `vsce package` left out (0.74 MB against 1.19).
  const r = spawnSync('npm', ['run', 'package', '--', '-o', file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    problems.push(`vsce package failed: ${r.stderr || r.stdout}`);
    return undefined;
  }
  return { mb: fs.statSync(file).size / (1024 * 1024), file };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');
  fs.mkdirSync(OUT, { recursive: true });
  const schemaUri = writeSchemas(path.join(OUT, 'schemas'));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const results: Result[] = [];
  const ours = SERVERS.find((s) => s.ours);
  let firstStartMs: number | undefined;
  if (ours) {
    // The first start after installing or updating: no code cache yet; it writes one as it exits.
    const t0 = now();
    const client = await ours.start();
    firstStartMs = now() - t0;
    await client.stop();
    if (!fs.readdirSync(CODE_CACHE).some((f) => f.endsWith('.bin'))) problems.push('our server wrote no code cache');
  }
  for (const shape of SHAPES)
    for (const docs of SIZES) {
      const w = buildWorkload(shape, docs, schemaUri);
      console.log(`\nworkload ${shape}: ${docs} documents, ${w.lines} lines, ${(w.text.length / 1024).toFixed(0)} KiB`);
      const each: Record<string, Figures[]> = Object.fromEntries(SERVERS.map((s) => [s.id, []]));
      // Alternating fresh starts, so that a noisy moment of the machine hits every server alike.
      for (let run = 0; run < RUNS; run++) for (const s of SERVERS) each[s.id].push(await measure(s, w, run));
      const figures = Object.fromEntries(SERVERS.map((s) => [s.id, medianFigures(each[s.id])]));
      results.push({ shape, docs, lines: w.lines, figures, each });
    }

  const tables = results.map(table);
  const vsix = VSIX ? vsixSize() : undefined;
  const missed = tables.flatMap((t) => t.missed);
  if (vsix && vsix.mb > 3) missed.push(`.vsix ${vsix.mb.toFixed(2)} MB (target ≤ 3 MB)`);
  fs.writeFileSync(path.join(OUT, 'summary.md'), `${summary(results)}\n`);
  const md = [
    `Commit ${commit}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node.js ${process.version}; times in ms, medians of ${RUNS} fresh starts of each server, compute only (the servers' debounce delays are subtracted from the diagnostics times).`,
    ...tables.map((t) => t.md),
    firstStartMs !== undefined
      ? `Our server's first start after installing or updating, before its code cache exists: start → initialized ${firstStartMs.toFixed(0)} ms (the tables: every later start).`
      : '',
    vsix ? `.vsix: ${vsix.mb.toFixed(2)} MB (target ≤ 3 MB ${vsix.mb <= 3 ? '✓' : '✗'})` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  console.log(`\n${md}\n\n${summary(results)}\n`);
  const peers = SERVERS.some((s) => !s.ours);
  console.log(
    missed.length
      ? `Targets missed:\n- ${missed.join('\n- ')}`
      : peers
        ? 'Every target met.'
        : 'No peer in this run: only the absolute targets (completion, .vsix) were checked.',
  );
  fs.writeFileSync(path.join(OUT, 'latest.md'), `${md}\n`);
  fs.writeFileSync(
    path.join(OUT, 'latest.json'),
    JSON.stringify({ date: new Date().toISOString(), commit, runs: RUNS, results, vsixMb: vsix?.mb, missed, problems }, null, 2),
  );
  fs.rmSync(CODE_CACHE, { recursive: true, force: true });
  if (problems.length) {
    console.error(`\nFAILED: ${problems.length} wrong answer(s):\n- ${[...new Set(problems)].join('\n- ')}`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
