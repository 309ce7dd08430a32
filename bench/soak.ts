// npm run soak: long sessions and large mappings, measured (not a timed test: these machines are
// shared, so the figures are for reading, and the script only fails on what must never happen).
//
// 1. Memory over a long session. A 500-document file (bench/workload.ts) is opened in the
//    language service and edited 5,000 times, as the server does it: the editor's incremental
//    change applied to the TextDocument, then validation and the outline. Each edit pattern starts
//    from a fresh service; the resident memory (RSS) and the live heap are taken after a full GC
//    after 500 and after 5,000 edits. A session that keeps something per edit grows by it 4,500
//    times between the two.
// 2. Time on one large mapping. A ConfigMap with 8k, 16k, 32k and 64k data keys: validation and a
//    hover at its end, beside what the `yaml` package alone takes to parse the text (validation with
//    the fast path off, so the whole syntax tree and its duplicate-key check are timed). Linear work
//    keeps the ratio to the parse flat as the keys double; quadratic work doubles it.
//
// 3. How long a request may wait behind validation. The server runs a validation as steps
//    (LanguageService.validationSteps, server/src/validationScheduler.ts) and answers requests
//    between slices; the longest single step is the longest a request can wait. Measured on the
//    first validation of a 2,000-document file with findings, a 64k-key ConfigMap and a 2 MB
//    one-line flow mapping (there the parse, which a request needs too, is the longest step).
//
// Run with `npm run soak` (node --expose-gc). SOAK_EDITS, SOAK_KEYS and SOAK_PATTERN (a part of a
// pattern's name) narrow it.
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { getLanguageService } from '../server/src/service/index';
import { benchWorkload } from './workload';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('soak: run with node --expose-gc (npm run soak does)');
  process.exit(2);
}
const DOCS = 500;
const EDITS = Number(process.env.SOAK_EDITS ?? 5000);
const CHECKPOINT = Math.round(EDITS / 10);
const KEYS = (process.env.SOAK_KEYS ?? '8000,16000,32000,64000').split(',').map(Number);
/** What the issue asks: RSS after 5,000 edits within this of RSS after 500, for every pattern. */
const MAX_GROWTH_MB = 50;

const mb = (bytes: number) => bytes / (1024 * 1024);

function memory(): { rss: number; heap: number } {
  for (let i = 0; i < 3; i++) gc!();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed) };
}

/** Offsets of the start of each document (after its `---` line) in the file. */
function documentStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('---\n'); i >= 0; i = text.indexOf('---\n', i + 4)) out.push(i + 4);
  return out;
}

interface Pattern {
  readonly name: string;
  /** The n-th edit: where to type, in the current text. */
  edit(text: string, n: number): { offset: number; remove: number; insert: string };
}

/** A one-character change at the end of the `owner:` annotation of document `d` (what no other document depends on). */
function valueEdit(text: string, d: number, n: number): { offset: number; remove: number; insert: string } {
  const starts = documentStarts(text);
  const at = text.indexOf('    owner: ', starts[d % starts.length]);
  const end = text.indexOf('\n', at);
  // Toggles a trailing character on the name: the text alternates between two versions per document.
  const last = text[end - 1];
  return n % 2 === 0 || last !== 'x' ? { offset: end, remove: 0, insert: 'x' } : { offset: end - 1, remove: 1, insert: '' };
}

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const PATTERNS: Pattern[] = [
  { name: 'same document', edit: (text, n) => valueEdit(text, 7, n) },
  { name: 'a different document each time', edit: (text, n) => valueEdit(text, Math.floor(n / 2) * 37, n) },
  { name: 'a random document', edit: (text, n) => valueEdit(text, Math.floor(random() * DOCS), n) },
  {
    name: 'a line added to a different document each time',
    edit(text, n) {
      const starts = documentStarts(text);
      const at = starts[(n * 13) % starts.length];
      const marker = `# note ${n}\n`;
      return { offset: at, remove: 0, insert: marker };
    },
  },
];

function soak(pattern: Pattern): { at500: { rss: number; heap: number }; atEnd: { rss: number; heap: number }; msPerEdit: number } {
  const service = getLanguageService();
  let document = TextDocument.create('file:///soak/big.yaml', 'yaml', 1, benchWorkload(DOCS));
  service.doValidation(document);
  service.findDocumentSymbols(document);
  let at500 = memory();
  const started = performance.now();
  for (let n = 1; n <= EDITS; n++) {
    const text = document.getText();
    const e = pattern.edit(text, n);
    const range = { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.remove) };
    document = TextDocument.update(document, [{ range, text: e.insert }], document.version + 1);
    service.doValidation(document);
    service.findDocumentSymbols(document);
    if (n === CHECKPOINT) at500 = memory();
  }
  const msPerEdit = (performance.now() - started) / EDITS;
  const atEnd = memory();
  service.forget(document.uri);
  return { at500, atEnd, msPerEdit };
}

function configMap(keys: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
  for (let i = 0; i < keys; i++) lines.push(`  key-${i}: value-${i}`);
  return `${lines.join('\n')}\n`;
}

function time(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function main(): void {
  const size = benchWorkload(DOCS).length;
  console.log(`\nMemory: ${DOCS}-document file (${(size / 1024 / 1024).toFixed(2)} MB), ${EDITS} edits per pattern\n`);
  console.log(
    `| edit pattern | RSS after ${CHECKPOINT} | RSS after ${EDITS} | growth | heap after ${CHECKPOINT} | heap after ${EDITS} | ms per edit |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let failed = false;
  const only = process.env.SOAK_PATTERN;
  for (const p of PATTERNS.filter((x) => !only || x.name.includes(only))) {
    const r = soak(p);
    const growth = r.atEnd.rss - r.at500.rss;
    if (growth > MAX_GROWTH_MB) failed = true;
    console.log(
      `| ${p.name} | ${r.at500.rss.toFixed(0)} MB | ${r.atEnd.rss.toFixed(0)} MB | ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB | ` +
        `${r.at500.heap.toFixed(0)} MB | ${r.atEnd.heap.toFixed(0)} MB | ${r.msPerEdit.toFixed(1)} |`,
    );
  }

  console.log('\nTime on one large mapping (best of 3; ConfigMap data keys)\n');
  console.log('| keys | yaml parse alone | validation (full parse) | hover at the last key | validation / parse |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const keys of KEYS) {
    const text = configMap(keys);
    // The package's own parse, without its duplicate-key check (quadratic: what this measures against).
    const parse = time(() => parseDocument(text, { uniqueKeys: false }));
    const validate = time(() => {
      const service = getLanguageService({ fastPath: false });
      service.doValidation(TextDocument.create('file:///soak/cm.yaml', 'yaml', 1, text));
    });
    const service = getLanguageService();
    const document = TextDocument.create('file:///soak/cm.yaml', 'yaml', 1, text);
    service.doValidation(document);
    const hover = time(() => {
      service.doHover(document, document.positionAt(text.length - 5));
    });
    console.log(
      `| ${keys.toLocaleString('en')} | ${parse.toFixed(0)} ms | ${validate.toFixed(0)} ms | ${hover.toFixed(0)} ms | ${(validate / parse).toFixed(1)}× |`,
    );
  }
  console.log('\nLongest wait for a request during a first validation (validation steps)\n');
  console.log('| file | validation | steps | longest step | what the longest step is |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  const flowKeys = Array.from({ length: 110_000 }, (_v, i) => `k${i}: v${i}`).join(', ');
  const files: [string, string][] = [
    ['2,000 documents with findings', benchWorkload(2000, undefined, 'findings')],
    ['ConfigMap, 64,000 keys', configMap(64_000)],
    ['ConfigMap, 2 MB one-line flow mapping', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {${flowKeys}}\n`],
  ];
  for (const [name, text] of files) {
    const service = getLanguageService();
    const steps = service.validationSteps(TextDocument.create('file:///soak/steps.yaml', 'yaml', 1, text));
    let count = 0;
    let longest = 0;
    let longestAt = 0;
    const started = performance.now();
    for (;;) {
      const t = performance.now();
      const r = steps.next();
      const took = performance.now() - t;
      if (took > longest) [longest, longestAt] = [took, count];
      count++;
      if (r.done) break;
    }
    const total = performance.now() - started;
    console.log(
      `| ${name} | ${total.toFixed(0)} ms | ${count.toLocaleString('en')} | ${longest.toFixed(0)} ms | ${longestAt === 0 ? 'the parse' : 'one rule on one document'} |`,
    );
  }
  if (failed) {
    console.error(`\nsoak: RSS grew by more than ${MAX_GROWTH_MB} MB between 500 and ${EDITS} edits`);
    process.exit(1);
  }
}

main();
