// The fast path (manifest/fastParse.ts, trees built on first use) must change nothing a user
// sees: the same diagnostics, quick-fixes, symbols, index entries and hovers as building every
// document's tree at once — over the real manifests of ../shared/corpus and examples/ — while a
// clean file is validated without building a single tree.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { indexFile } from '../../../server/src/service/workspace/index';
import { benchWorkload } from '../../../bench/workload';

const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/i.test(name)) out.push(path);
  }
  return out;
}

const FILES = [...yamlFiles(CORPUS), ...yamlFiles(join(ROOT, 'examples'))];

/** Everything the service says about a file that depends on how it was parsed. */
function observe(fastPath: boolean, path: string) {
  const service = getLanguageService({ fastPath });
  const document = TextDocument.create(`file://${path}`, 'yaml', 1, readFileSync(path, 'utf8'));
  const diagnostics = service.doValidation(document);
  const actions = diagnostics.map((d) =>
    service.getCodeActions(document, { range: d.range, diagnostics: [d] }).map((a) => ({ title: a.title, edit: a.edit })),
  );
  const symbols = service.findDocumentSymbols(document);
  const file = service.parse(document);
  // The ranges are getters (found on first read): read them into the copy.
  const index = indexFile(file, document, { lazyRanges: fastPath }).map((o) => ({
    ...o,
    range: o.range,
    podLabelsRange: o.podLabelsRange,
    serviceNameRange: o.serviceNameRange,
  }));
  const lines = document.getText().split('\n');
  // A hover on the first key of every tenth line: enough to cross every document.
  const hovers = lines
    .map((line, i): Position | undefined =>
      i % 10 === 0 && /^\s*[\w-]/.test(line) ? { line: i, character: line.search(/\S/) } : undefined,
    )
    .filter((p): p is Position => !!p)
    .map((p) => service.doHover(document, p));
  return { diagnostics, actions, symbols, index, hovers, values: file.documents.map((d) => d.value) };
}

describe('fast path: the same answers as building every tree', () => {
  it('finds the corpus and the examples', () => assert.ok(FILES.length > 200, `${FILES.length} files`));
  for (const path of FILES) {
    it(relative(join(ROOT, '..'), path), () => {
      assert.deepStrictEqual(observe(true, path), observe(false, path));
    });
  }
});

describe('fast path: trees are built only where needed', () => {
  it('validating a clean manifest builds no syntax tree', () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, benchWorkload(64));
    assert.deepEqual(service.doValidation(document), []);
    const docs = service.parse(document).documents;
    assert.equal(docs.length, 64);
    assert.deepEqual(
      docs.filter((d) => d.parsed.builtTree).map((d) => d.index),
      [],
    );
  });

  it('the outline of a clean manifest builds no syntax tree, and is the one the trees give', () => {
    const text = benchWorkload(64);
    const service = getLanguageService();
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    const symbols = service.findDocumentSymbols(document);
    const docs = service.parse(document).documents;
    assert.equal(docs.length, 64);
    assert.deepEqual(
      docs.filter((d) => d.parsed.builtTree).map((d) => d.index),
      [],
    );
    // Every object, with its sections and containers.
    assert.equal(symbols.length, 64);
    assert.ok(symbols.some((s) => s.children?.some((c) => c.children?.length)));
    const slow = getLanguageService({ fastPath: false });
    assert.deepStrictEqual(symbols, slow.findDocumentSymbols(TextDocument.create('file:///w.yaml', 'yaml', 1, text)));
  });

  it('reading every index entry’s ranges builds no syntax tree, and they are the ones the trees give', () => {
    const text = benchWorkload(64);
    const service = getLanguageService();
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    const file = service.parse(document);
    const entries = indexFile(file, document, { lazyRanges: true });
    assert.equal(entries.length, 64);
    const ranges = entries.map((o) => ({ range: o.range, podLabelsRange: o.podLabelsRange, serviceNameRange: o.serviceNameRange }));
    assert.deepEqual(
      file.documents.filter((d) => d.parsed.builtTree).map((d) => d.index),
      [],
    );
    assert.ok(ranges.some((r) => r.podLabelsRange) && ranges.some((r) => r.serviceNameRange));
    const slow = getLanguageService({ fastPath: false });
    const slowDocument = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    assert.deepStrictEqual(
      ranges,
      indexFile(slow.parse(slowDocument), slowDocument).map((o) => ({
        range: o.range,
        podLabelsRange: o.podLabelsRange,
        serviceNameRange: o.serviceNameRange,
      })),
    );
  });

  it('a hover builds the tree of the document under the cursor only', () => {
    const service = getLanguageService();
    const text = benchWorkload(24);
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    service.doValidation(document);
    const line = text.split('\n').findIndex((l) => l === '  name: deployment-8');
    assert.ok(service.doHover(document, { line, character: 3 }));
    const docs = service.parse(document).documents;
    assert.deepEqual(
      docs.filter((d) => d.parsed.builtTree).map((d) => d.index),
      [8],
    );
  });

  it('a document with a problem gets its tree for the diagnostic range, the others do not', () => {
    const service = getLanguageService();
    const text = benchWorkload(24).replace('  replicas: 3\n', '  replica: 3\n');
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    assert.deepEqual(
      service.doValidation(document).map((d) => `${d.code}@${d.range.start.line}`),
      [`unknown-field@${text.split('\n').indexOf('  replica: 3')}`],
    );
    assert.deepEqual(
      service
        .parse(document)
        .documents.filter((d) => d.parsed.builtTree)
        .map((d) => d.index),
      [0],
    );
  });

  it('findings of containers without resources or securityContext build no tree until their fixes are asked for', () => {
    // The benchmark's findings workload: every pod-running document has a missing-resources and a run-as-non-root finding.
    const text = benchWorkload(24, undefined, 'findings');
    const service = getLanguageService();
    const document = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    const diagnostics = service.doValidation(document);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].sort(), ['missing-resources', 'run-as-non-root']);
    assert.equal(diagnostics.length, 2 * 15);
    const built = () =>
      service
        .parse(document)
        .documents.filter((d) => d.parsed.builtTree)
        .map((d) => d.index);
    assert.deepEqual(built(), []);
    // The quick-fixes of one finding build that document's tree only, and are the ones the trees give.
    const job = diagnostics.find((d) => d.code === 'missing-resources' && String(d.message).includes('job-5'));
    assert.ok(job);
    const actions = service.getCodeActions(document, { range: job.range, diagnostics: [job] });
    assert.deepEqual(built(), [5]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add resource requests and limits', 'Disable missing-resources for this line'],
    );
    const slow = getLanguageService({ fastPath: false });
    const slowDocument = TextDocument.create('file:///w.yaml', 'yaml', 1, text);
    const slowDiagnostics = slow.doValidation(slowDocument);
    assert.deepStrictEqual(diagnostics, slowDiagnostics);
    assert.deepStrictEqual(
      diagnostics.map((d) => service.getCodeActions(document, { range: d.range, diagnostics: [d] })),
      slowDiagnostics.map((d) => slow.getCodeActions(slowDocument, { range: d.range, diagnostics: [d] })),
    );
  });

  it('YAML 1.1 words and 0-prefixed numbers take the full parse (the API server reads them by how they are written)', () => {
    const service = getLanguageService();
    for (const scalar of ['yes', 'off', '0644']) {
      const document = TextDocument.create(
        `file:///${scalar}.yaml`,
        'yaml',
        1,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx: ${scalar}\n`,
      );
      service.doValidation(document);
      assert.ok(service.parse(document).documents[0].parsed.builtTree, scalar);
    }
  });
});
