// The indentation reader of context.ts checked against the real YAML parser over every manifest
// of the corpus: at the end of every block key, the key context must name the key's parent path
// and the keys beside it; at the end of every plain scalar value on a key's line, the value
// context must name the path the parser gives; and the same holds while the key is being typed
// with nothing below it. And completion and hover never throw, anywhere.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { cursorContext } from '../../../server/src/service/completion/context';
import { getLanguageService } from '../../../server/src/service/index';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import type { ManifestDocument } from '../../../server/src/service/manifest/types';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'k8s');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/i.test(name) ? [p] : [];
    });
}

interface KeyFact {
  path: (string | number)[];
  keyStart: number;
  keyEnd: number;
  siblings: string[];
  value?: { start: number; end: number };
}

/** Every block-mapping key with a plain key of the document, with its path and its siblings. */
function keyFacts(doc: ManifestDocument): KeyFact[] {
  const facts: KeyFact[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...path, i]));
    if (!isMap(node) || node.flow) return;
    const keys = node.items.map((p) => (isPair(p) && isScalar(p.key) ? String(p.key.value) : ''));
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range || pair.key.type !== 'PLAIN') continue;
      const key = String(pair.key.value);
      const v = pair.value as Node | null;
      const plainValue =
        isScalar(v) && v.type === 'PLAIN' && v.range && !doc.text.slice(v.range[0], v.range[1]).includes('\n') && v.range[1] > v.range[0];
      facts.push({
        path: [...path, key],
        keyStart: pair.key.range[0],
        keyEnd: pair.key.range[1],
        siblings: keys.filter((k) => k !== key),
        value: plainValue ? { start: v!.range![0], end: v!.range![1] } : undefined,
      });
      walk(pair.value, [...path, key]);
    }
  };
  walk(doc.yaml.contents, []);
  return facts;
}

const files = yamlFiles(CORPUS);

describe('cursor context agrees with the YAML parser on the corpus', () => {
  it('finds corpus files', () => assert.ok(files.length > 20, `${files.length} files`));
  let keys = 0;
  let values = 0;
  for (const file of files) {
    const name = relative(CORPUS, file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const parsed = parseManifest(`file:///${name}`, text);
      if (parsed.isTemplate) return;
      for (const doc of parsed.documents) {
        if (doc.syntaxProblems.length) continue;
        for (const f of keyFacts(doc)) {
          const lineStart = doc.text.lastIndexOf('\n', f.keyStart - 1) + 1;
          // keys written after a `? ` or a flow indicator are not what the line reader is for
          if (!/^[ -]*$/.test(doc.text.slice(lineStart, f.keyStart))) continue;
          const ctx = cursorContext(doc, f.keyEnd);
          const where = `${name} doc ${doc.index} key ${f.path.join('.')}`;
          assert.ok(ctx && ctx.mode === 'key', `${where}: ${JSON.stringify(ctx)}`);
          assert.deepEqual([...ctx.path, ctx.prefix], f.path, where);
          assert.deepEqual([...ctx.existingKeys].sort(), [...new Set(f.siblings)].sort(), `${where}: siblings`);
          keys++;
          // the same key half typed, with nothing below it (the document as it is while being written)
          const typed = Math.min(f.keyEnd, f.keyStart + 2);
          const partial = cursorContext({ text: doc.text.slice(0, typed) }, typed);
          assert.ok(partial, `${where} (typing)`);
          // the first key of a document: nothing above it, so the document is still empty (skeletons)
          if (partial.mode === 'empty') assert.equal(f.path.length, 1, `${where} (typing): empty`);
          else assert.ok(partial.mode === 'key', `${where} (typing): ${JSON.stringify(partial)}`);
          if (partial.mode === 'key')
            assert.deepEqual(
              [...partial.path, partial.prefix],
              [...f.path.slice(0, -1), doc.text.slice(f.keyStart, typed)],
              `${where} (typing)`,
            );
          if (partial.mode === 'key') for (const k of partial.existingKeys) assert.ok(f.siblings.includes(k), `${where} (typing): ${k}`);
          if (f.value) {
            const v = cursorContext(doc, f.value.end);
            assert.ok(v && v.mode === 'value', `${where} value: ${JSON.stringify(v)}`);
            assert.deepEqual(v.path, f.path, `${where} value`);
            assert.equal(v.prefix, doc.text.slice(f.value.start, f.value.end), `${where} value prefix`);
            values++;
          }
        }
      }
    });
  }
  it('checked many keys and values', () => {
    assert.ok(keys > 1000, `${keys} keys`);
    assert.ok(values > 500, `${values} values`);
  });
});

describe('completion and hover never throw on the corpus', () => {
  it('at every line start, line end and a middle column of every file', () => {
    const service = getLanguageService();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const document = TextDocument.create(`file:///${relative(CORPUS, file)}`, 'yaml', 1, text);
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        for (const character of new Set([0, line.length >> 1, line.length])) {
          service.doComplete(document, { line: i, character });
          service.doHover(document, { line: i, character });
        }
      });
    }
  });
});
