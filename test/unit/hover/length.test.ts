// Hovers stay short (issue 13: the serviceName hover needed scrolling): about 15 lines, leading
// with what matters at that spot, the links kept for the rest. Checked on every key of the
// examples and of the Kubernetes manifests of the corpus.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { HOVER_LINE_BUDGET, hoverLines, markdownBlocks } from '../../../server/src/service/hoverFit';

const ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'k8s');
const NOW = new Date('2026-03-02T12:00:00Z');

function files(): string[] {
  const out = readdirSync(join(ROOT, 'examples')).map((f) => join(ROOT, 'examples', f));
  if (existsSync(CORPUS))
    out.push(
      ...readdirSync(CORPUS)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(CORPUS, f)),
    );
  return out;
}

/** Every key's field hover of a file: [line, key, markdown]. */
function fieldHovers(file: string): [number, string, string][] {
  const ls = getLanguageService();
  const text = readFileSync(file, 'utf8');
  const document = TextDocument.create(`file://${file}`, 'yaml', 1, text);
  const out: [number, string, string][] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^(\s*(?:-\s+)*)([A-Za-z][A-Za-z0-9]*):/.exec(line);
    if (!m || i === 0 || m[2] === 'kind' || m[2] === 'apiVersion') return;
    const h = ls.doHover(document, { line: i, character: m[1].length + 1 }, { now: NOW });
    if (h) out.push([i + 1, m[2], (h.contents as { value: string }).value]);
  });
  return out;
}

describe('hover length', () => {
  it(`every field hover of the examples and the corpus fits in ${HOVER_LINE_BUDGET} lines`, () => {
    const all = files();
    assert.ok(all.length >= 5);
    let hovers = 0;
    const long: string[] = [];
    for (const file of all) {
      for (const [line, key, md] of fieldHovers(file)) {
        hovers++;
        const n = hoverLines(markdownBlocks(md));
        if (n > HOVER_LINE_BUDGET) long.push(`${file.slice(ROOT.length - 20)}:${line} ${key}: ${n} lines`);
      }
    }
    assert.ok(hovers > 100, `${hovers} hovers`);
    assert.deepEqual(long, []);
  });

  it('the serviceName hover leads with the pod DNS names and links to the docs for the rest', () => {
    const [, , md] = fieldHovers(join(ROOT, 'examples', 'postgres-statefulset.yaml')).find(([, key]) => key === 'serviceName')!;
    const blocks = markdownBlocks(md);
    assert.match(blocks[0], /^\*\*`StatefulSet\.spec\.serviceName`\*\* · Kubernetes 1\.35 · `string`/);
    assert.match(blocks[1], /^\*\*Pod DNS names\*\*/);
    assert.match(md, /postgres-0\.postgres\.default\.svc\.cluster\.local/);
    assert.doesNotMatch(md, /Pods get DNS\/hostnames that follow the pattern/, 'not the whole API description');
    assert.match(
      blocks[blocks.length - 1],
      /\[Kubernetes docs\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/controllers\/statefulset\//,
    );
  });

  it('a short hover is left whole: the full API description', () => {
    const [, , md] = fieldHovers(join(ROOT, 'examples', 'web-deployment.yaml')).find(([, key]) => key === 'name')!;
    assert.doesNotMatch(md, /…/);
  });
});
