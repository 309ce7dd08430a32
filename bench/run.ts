// npm run bench: Kubernetes Workloads vs yaml-language-server on the same 500-document manifest,
// in the same run, over stdio LSP exactly as an editor talks to them: open, the first outline (which
// VS Code asks for at once), edits, completion, hover, then the resident memory. Reports ratios: these
// machines are shared and noisy, absolute times are not comparable between runs.
//
// yaml-language-server gets the same Kubernetes 1.35 schemas: one JSON Schema per kind generated
// from ../shared/k8s-openapi, each document pointing at its own with a `# yaml-language-server:
// $schema=` modeline. It waits 200 ms (validationDelayMs) before validating and we wait 120 ms
// after a change (none on open): both delays are subtracted, so the figures are compute time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { SERVER, startServer, type TestClient } from '../test/protocol/lspClient';
import { SERVER_EXEC_ARGV } from '../client/src/serverOptions';
import { API, benchWorkload, KINDS } from './workload';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'results');
const OPENAPI = path.resolve(ROOT, '..', 'shared', 'k8s-openapi');
const DOCS = Number(process.env.BENCH_DOCS ?? 500);
const EDITS = Number(process.env.BENCH_EDITS ?? 8);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 25);
/** Fresh server processes per server (alternating); each figure is the median over them. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUR_CHANGE_DELAY = 120;
const YAMLLS_DELAY = 200;

// ---------------------------------------------------------------- schemas for yaml-language-server
type Json = Record<string, unknown>;

function loadDefinitions(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  for (const f of fs.readdirSync(OPENAPI).filter((f) => f.endsWith('.json'))) {
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

// ---------------------------------------------------------------- measuring
const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** Per field, the median over runs (booleans: whether all runs agree on true). */
function medianFigures(runs: Figures[]): Figures {
  const out = { ...runs[0] };
  for (const key of Object.keys(out) as (keyof Figures)[]) {
    if (typeof out[key] === 'number') (out as Record<string, unknown>)[key] = median(runs.map((r) => r[key] as number));
    else (out as Record<string, unknown>)[key] = runs.every((r) => r[key]);
  }
  return out;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

interface Figures {
  startMs: number;
  openMs: number;
  /** The first outline (document symbols) after open, as VS Code asks for it for the outline and breadcrumbs. */
  outlineMs: number;
  outlineSymbols: number;
  editMs: number;
  completionMs: number;
  completionItems: number;
  hoverMs: number;
  hoverFound: boolean;
  rssMb: number;
  diagnostics: number;
  /** Diagnostics after the edit that breaks `replicas` and after the one that mends it. */
  afterBreak: number;
  afterMend: number;
}

async function measure(
  label: string,
  start: () => Promise<TestClient>,
  text: string,
  uri: string,
  delays: { open: number; change: number },
  positions: { edit: Position; complete: Position; hover: Position },
): Promise<Figures> {
  const t0 = now();
  const client = await start();
  const startMs = now() - t0;
  const caps = client.initializeResult.capabilities;

  const t1 = now();
  const opened = await client.open(uri, text, 1);
  const openMs = now() - t1 - delays.open;

  let outlineMs = NaN;
  let outlineSymbols = 0;
  if (caps.documentSymbolProvider) {
    const t = now();
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[] | null;
    outlineMs = now() - t;
    outlineSymbols = symbols?.length ?? 0;
  }

  // One-character edits in the middle of the file: a letter typed after `replicas: 3` (the
  // value is no longer an integer: one diagnostic), then deleted again (none).
  const editTimes: number[] = [];
  let version = 1;
  let afterBreak = 0;
  let afterMend = 0;
  for (let i = 0; i < EDITS; i++) {
    version++;
    const p = positions.edit;
    const typed = i % 2 === 0;
    const change = typed
      ? { range: { start: p, end: p }, text: 'x' }
      : { range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' };
    const t = now();
    const published = await client.change(uri, version, [change]);
    editTimes.push(now() - t - delays.change);
    if (typed) afterBreak = published.diagnostics.length;
    else afterMend = published.diagnostics.length;
  }

  let completionMs = NaN;
  let completionItems = 0;
  if (caps.completionProvider) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = now();
      const r = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positions.complete,
      })) as CompletionList | CompletionItem[] | null;
      times.push(now() - t);
      completionItems = Array.isArray(r) ? r.length : (r?.items.length ?? 0);
    }
    completionMs = median(times);
  }
  let hoverMs = NaN;
  let hoverFound = false;
  if (caps.hoverProvider) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = now();
      const r = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positions.hover });
      times.push(now() - t);
      hoverFound = !!r;
    }
    hoverMs = median(times);
  }
  const rss = rssMb(client.process.pid);
  await client.stop();
  const figures = {
    startMs,
    openMs,
    outlineMs,
    outlineSymbols,
    editMs: median(editTimes),
    completionMs,
    completionItems,
    hoverMs,
    hoverFound,
    rssMb: rss,
    diagnostics: opened.diagnostics.length,
    afterBreak,
    afterMend,
  };
  console.log(`${label}: ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
  return figures;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');
  fs.mkdirSync(OUT, { recursive: true });
  const schemaUri = writeSchemas(path.join(OUT, 'schemas'));
  const text = benchWorkload(DOCS, schemaUri);
  const file = path.join(OUT, 'workload.yaml');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const lines = text.split('\n');
  // Positions in the middle document that is a Deployment.
  const mid = Math.floor(DOCS / 2 / KINDS.length) * KINDS.length;
  const midName = `deployment-${mid}`;
  const nameLine = lines.findIndex((l) => l === `  name: ${midName}`);
  const replicasLine = lines.findIndex((l, i) => i > nameLine && l === '  replicas: 3');
  const positions = {
    edit: { line: replicasLine, character: '  replicas: 3'.length },
    complete: { line: replicasLine, character: 5 },
    hover: { line: replicasLine, character: 4 },
  };
  console.log(`workload: ${DOCS} documents, ${lines.length} lines, ${(text.length / 1024).toFixed(0)} KiB`);

  const measureOurs = () =>
    measure(
      'k8s-workloads',
      // Started with the same V8 flags the extension's client starts it with (client/src/extension.ts).
      () => startServer({ diagnosticsTimeoutMs: 120_000, command: [process.execPath, ...SERVER_EXEC_ARGV, SERVER, '--stdio'] }),
      text,
      uri,
      { open: 0, change: OUR_CHANGE_DELAY },
      positions,
    );
  const measureYamlls = () =>
    measure(
      'yaml-language-server',
      () =>
        startServer({
          command: [process.execPath, path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
          diagnosticsTimeoutMs: 120_000,
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
      text,
      uri,
      { open: YAMLLS_DELAY, change: YAMLLS_DELAY },
      positions,
    );

  const runs: { ours: Figures; yamlls: Figures }[] = [];
  for (let r = 0; r < RUNS; r++) runs.push({ ours: await measureOurs(), yamlls: await measureYamlls() });
  const ours = medianFigures(runs.map((r) => r.ours));
  const yamlls = medianFigures(runs.map((r) => r.yamlls));
  // Both servers must have checked the document: a clean open, one problem after the breaking edit.
  for (const [label, f] of [
    ['k8s-workloads', ours],
    ['yaml-language-server', yamlls],
  ] as const)
    if (f.diagnostics !== 0 || f.afterBreak < 1 || f.afterMend !== 0)
      console.warn(
        `warning: ${label} did not report as expected (open ${f.diagnostics}, after break ${f.afterBreak}, after mend ${f.afterMend})`,
      );

  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && a > 0 ? b / a : NaN);
  const rows = [
    ['open → first diagnostics', ours.openMs, yamlls.openMs, ratio(ours.openMs, yamlls.openMs), '≥ 2.5× faster'],
    ['first outline (document symbols)', ours.outlineMs, yamlls.outlineMs, ratio(ours.outlineMs, yamlls.outlineMs), ''],
    ['one-character edit → diagnostics', ours.editMs, yamlls.editMs, ratio(ours.editMs, yamlls.editMs), '≥ 10× faster'],
    ['completion (median)', ours.completionMs, yamlls.completionMs, ratio(ours.completionMs, yamlls.completionMs), '≤ 10 ms'],
    ['hover (median)', ours.hoverMs, yamlls.hoverMs, ratio(ours.hoverMs, yamlls.hoverMs), ''],
    ['start → initialized', ours.startMs, yamlls.startMs, ratio(ours.startMs, yamlls.startMs), ''],
    ['RSS after all of the above (MB)', ours.rssMb, yamlls.rssMb, ratio(ours.rssMb, yamlls.rssMb), '≤ ½ of yamlls'],
  ] as const;
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
  const table = [
    '| measure | k8s-workloads | yaml-language-server | yamlls ÷ ours | target |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      ([name, a, b, r, target]) => `| ${name} | ${f(a)} | ${f(b)} | ${Number.isFinite(r) ? `${r.toFixed(1)}×` : 'n/a'} | ${target} |`,
    ),
  ].join('\n');
  console.log(
    `\n${table}\n\n(times in ms, medians over ${RUNS} fresh starts of each server, compute only: the servers' own debounce delays are subtracted)`,
  );
  fs.writeFileSync(
    path.join(OUT, 'latest.json'),
    JSON.stringify({ date: new Date().toISOString(), docs: DOCS, lines: lines.length, runs: RUNS, ours, yamlls, each: runs }, null, 2),
  );
  fs.writeFileSync(path.join(OUT, 'latest.md'), `${table}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
