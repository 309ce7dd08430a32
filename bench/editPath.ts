// npx tsx bench/editPath.ts: what one keystroke costs inside the language service on the benchmark's
// workloads (bench/workload.ts), without the process and the JSON-RPC around it — the editor's
// text update, the read of the new version (split + parse + workspace index), completion, and
// validation. Each figure is the median over the edits: a letter typed into an annotation in the
// middle of the file, and, separately, a line break typed there (every document after it moves
// down a line). npm run bench measures the same path over stdio against yaml-language-server.
//
// Environment: BENCH_DOCS (default "500,2000"), BENCH_WORKLOADS ("clean,findings"), BENCH_EDITS (40).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/service/index';
import { benchWorkload, type WorkloadShape } from './workload';

const list = (v: string | undefined, dflt: string) =>
  (v ?? dflt)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_DOCS, '500,2000').map(Number);
const SHAPES = list(process.env.BENCH_WORKLOADS, 'clean,findings') as WorkloadShape[];
const EDITS = Number(process.env.BENCH_EDITS ?? 40);

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];

function measure(docs: number, shape: WorkloadShape, typed: string): Record<string, number> {
  const text = benchWorkload(docs, undefined, shape);
  const service = getLanguageService();
  let document = TextDocument.create(`file:///bench/${shape}-${docs}.yaml`, 'yaml', 1, text);
  service.doValidation(document);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('    owner: team-a'));
  if (line < 0) throw new Error('no annotation to edit');
  const times: Record<string, number[]> = { 'text update': [], 'read + index': [], completion: [], validation: [] };
  let at = '    owner: team-a'.length;
  for (let i = 0; i < EDITS; i++) {
    let t = performance.now();
    const position = typed === '\n' ? { line: line + i, character: at } : { line, character: at };
    document = TextDocument.update(document, [{ range: { start: position, end: position }, text: typed }], document.version + 1);
    // The new text is built on first use (V8 joins the pieces then): count it with the update.
    document.getText().charCodeAt(0);
    times['text update'].push(performance.now() - t);
    if (typed === '\n') at = 0;
    else at += typed.length;
    t = performance.now();
    service.parse(document);
    times['read + index'].push(performance.now() - t);
    t = performance.now();
    service.doComplete(document, { line: line + 1, character: 4 });
    times.completion.push(performance.now() - t);
    t = performance.now();
    service.doValidation(document);
    times.validation.push(performance.now() - t);
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

console.log(`Median ms per keystroke over ${EDITS} edits (Node.js ${process.version}).\n`);
const rows: string[] = [];
for (const docs of SIZES)
  for (const shape of SHAPES)
    for (const [what, typed] of [
      ['a letter', 'b'],
      ['a line break', '\n'],
    ] as const) {
      const m = measure(docs, shape, typed);
      if (!rows.length)
        rows.push(`| workload | typed | ${Object.keys(m).join(' | ')} |`, `| --- | --- |${' ---: |'.repeat(Object.keys(m).length)}`);
      rows.push(
        `| ${shape}, ${docs} documents | ${what} | ${Object.values(m)
          .map((v) => v.toFixed(2))
          .join(' | ')} |`,
      );
    }
console.log(rows.join('\n'));
