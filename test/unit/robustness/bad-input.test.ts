// Bad input never crashes, never hangs and never floods: malformed YAML, tabs, alias bombs,
// huge files, binary junk, Helm templates, and random text (fast-check).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { assertNoInternalErrors } from '../helpers/internalErrors';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function exercise(text: string, uri = 'file:///bad.yaml') {
  const service = getLanguageService();
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const diagnostics = service.doValidation(document);
  assertNoInternalErrors(diagnostics, JSON.stringify(text.slice(0, 200)));
  const symbols = service.findDocumentSymbols(document);
  const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const actions = service.getCodeActions(document, { range, diagnostics, only: ['quickfix', 'source.fixAll.k8sWorkloads'] });
  return { diagnostics, symbols, actions };
}

const WORKLOAD =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';

describe('bad input', () => {
  it('a billion-laughs alias bomb is refused with one clear message, quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = Date.now();
    const { diagnostics } = exercise(`apiVersion: v1\nkind: ConfigMap\n${lines.join('\n')}\n`);
    assert.ok(Date.now() - start < 2000, 'answers in under 2 s');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'yaml-syntax');
    assert.match(String(diagnostics[0].message), /could not be read: .*alias/i);
  });

  it('a file over the size limit gets one information message and nothing else', () => {
    const big = `${WORKLOAD}---\n`.repeat(Math.ceil((10 * 1024 * 1024) / (WORKLOAD.length + 4)));
    assert.ok(big.length >= 10 * 1024 * 1024);
    const start = Date.now();
    const { diagnostics, symbols } = exercise(big);
    assert.ok(Date.now() - start < 2000, 'does not try to parse 10 MB on a keystroke');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['file-too-large', 3]],
    );
    assert.match(String(diagnostics[0].message), /larger than 4 MB/);
    assert.deepEqual(symbols, []);
  });

  it('a file of broken lines gives a few errors, not one per line', () => {
    for (const line of ['- [\n', '  - x\n y: z\n', '"\n']) {
      const { diagnostics } = exercise(line.repeat(500));
      assert.ok(diagnostics.length <= 3, `${JSON.stringify(line)} x 500 -> ${diagnostics.length} diagnostics`);
      assert.match(String(diagnostics[diagnostics.length - 1].message), /\(\d+ more syntax errors in this document are not shown\)$/);
    }
    const dupes = exercise('k: v\n'.repeat(200)).diagnostics;
    assert.equal(dupes.length, 20);
  });

  it('binary junk does not crash and produces at most a few syntax errors', () => {
    const bytes = Buffer.alloc(64 * 1024);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), `a: 1\n${bytes.toString('latin1')}`]) {
      const { diagnostics } = exercise(text);
      assert.ok(diagnostics.length <= 20, `${diagnostics.length} diagnostics`);
      assert.ok(diagnostics.every((d) => d.code === 'yaml-syntax'));
    }
  });

  it('tabs, unclosed brackets and stray markers give syntax errors only', () => {
    for (const text of [
      'a:\n\t- b\n',
      'kind: [Deployment\n',
      '---\n---\n...\n---\n',
      'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: b}\n',
      ': : :\n- - -\n',
      '"\n',
    ]) {
      const { diagnostics } = exercise(text);
      assert.ok(
        diagnostics.every((d) => d.code === 'yaml-syntax'),
        `${JSON.stringify(text)} -> ${diagnostics.map((d) => d.code).join(',')}`,
      );
    }
  });

  it('a Helm template gets no diagnostics at all', () => {
    const dir = path.join(CORPUS, 'helm-templates');
    for (const repo of fs.readdirSync(dir))
      for (const f of fs.readdirSync(path.join(dir, repo))) {
        const { diagnostics } = exercise(fs.readFileSync(path.join(dir, repo, f), 'utf8'), `file:///${f}`);
        assert.deepEqual(diagnostics, [], f);
      }
  });

  it('random text never throws (fast-check)', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.constantFrom(
          'apiVersion: apps/v1\n',
          'kind: Deployment\n',
          'kind: CronJob\n',
          'spec:\n',
          '  ',
          '- ',
          ': ',
          '---\n',
          '{',
          '}',
          '[',
          ']',
          '&a ',
          '*a',
          '\t',
          '"',
          "'",
          '#',
          '\n',
          'name: x\n',
          '  containers:\n',
          '    - name: c\n',
          'schedule: "* * *"\n',
          '{{ .Values.x }}',
        ),
        fc.string({ maxLength: 8 }),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(yamlish, (parts) => {
        exercise(parts.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('every edit of a real manifest, one character at a time, never throws', () => {
    // Typing the guide's Deployment from scratch: each prefix is an intermediate state of the editor.
    for (let i = 0; i <= WORKLOAD.length; i += 3) exercise(WORKLOAD.slice(0, i));
  });
});
