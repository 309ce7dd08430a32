// A document kept across versions of its file must not keep the file's text alive. Editing a
// different document of a large file each time used to keep one full copy of the file per edit
// (each cached document's text was a slice pinning the file's whole string): +3.2 MB per edit on a
// 3.7 MB file, until the server ran out of memory. `npm run soak` measures the long sessions; this
// is the regression test, on the heap after a full GC.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ManifestParser, ownCopy } from '../../../server/src/service/manifest/parse';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** 200 documents of ~10 KB (a 2 MB file); each has its own `owner` annotation to edit. */
function bigFile(): string {
  const padding = Array.from({ length: 120 }, (_v, i) => `    note-${i}: "${'x'.repeat(60)}"`).join('\n');
  return Array.from(
    { length: 200 },
    (_v, i) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  annotations:\n    owner: team\ndata:\n${padding.replace(/^ {4}/gm, '  ')}\n`,
  ).join('---\n');
}

describe('memory over edits of a large multi-document file', () => {
  it('ownCopy returns an equal string, lone surrogates included', () => {
    for (const s of ['', 'apiVersion: v1\n', 'é\u{1F600}', 'a\ud800b', 'x'.repeat(100000)]) assert.equal(ownCopy(s), s);
  });

  it('editing a different document each time keeps no copy of the file per edit', () => {
    const service = getLanguageService();
    let document = TextDocument.create('file:///mem/big.yaml', 'yaml', 1, bigFile());
    const size = document.getText().length / (1024 * 1024);
    assert.ok(size > 1.5, `file of ${size.toFixed(1)} MB`);
    service.doValidation(document);
    const edit = (n: number) => {
      const text = document.getText();
      let at = 0;
      for (let d = 0; d <= (n * 7) % 200; d++) at = text.indexOf('owner: team', at + 1);
      const offset = at + 'owner: team'.length;
      document = TextDocument.update(
        document,
        [{ range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: String(n % 10) }],
        document.version + 1,
      );
      service.doValidation(document);
    };
    for (let n = 0; n < 10; n++) edit(n);
    const before = heapMb();
    for (let n = 10; n < 70; n++) edit(n);
    const growth = heapMb() - before;
    // A leak keeps 60 versions of a 2 MB file (120 MB or more); without one the heap stays put.
    assert.ok(growth < 20, `heap grew by ${growth.toFixed(1)} MB over 60 edits of a ${size.toFixed(1)} MB file`);
  });

  it('the parser keeps no old version of a file', () => {
    const parser = new ManifestParser();
    let text = bigFile();
    parser.parse('file:///mem/p.yaml', text);
    const before = heapMb();
    for (let n = 0; n < 40; n++) {
      const at = text.indexOf('owner: team', (n * 9973) % (text.length - 100));
      text = `${text.slice(0, at)}owner: team${n % 10}${text.slice(at + 'owner: team'.length + (text[at + 11] === '\n' ? 0 : 1))}`;
      parser.parse('file:///mem/p.yaml', text);
    }
    const growth = heapMb() - before;
    assert.ok(growth < 20, `heap grew by ${growth.toFixed(1)} MB over 40 versions`);
  });
});
