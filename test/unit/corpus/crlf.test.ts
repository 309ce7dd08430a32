// Quick-fixes, refactors and fix-all keep a CRLF file's line endings: every line they insert ends
// in CR LF, like the lines around it. Over the corpus files written with CRLF, and the corpus files
// of the other rules converted to CRLF.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../../server/src/service/codeActions';
import { getLanguageService } from '../../../server/src/service/index';
import { applyEdits } from '../helpers/ruleTester';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'k8s', 'kubernetes-examples');
const all = readdirSync(CORPUS)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort();
const native = all.filter((n) => readFileSync(join(CORPUS, n), 'utf8').includes('\r\n'));
const converted = all.filter((n, i) => i % 4 === 0 && !native.includes(n));

/** Lines ending in LF alone (the last line may have no break at all). */
function bareLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) n++;
  return n + (text.includes('\r\r') ? 1 : 0);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const plain = action.edit?.changes?.[uri];
  if (plain) return plain;
  return (action.edit?.documentChanges ?? []).flatMap((c) =>
    'edits' in c ? c.edits.map((e) => ('newText' in e ? e : { range: e.range, newText: 'snippet' in e ? e.snippet.value : '' })) : [],
  );
}

function check(name: string, text: string): { applied: number; failures: string[] } {
  const service = getLanguageService();
  const document = TextDocument.create(`file:///crlf/${name}`, 'yaml', 1, text);
  const diagnostics = service.doValidation(document);
  const failures: string[] = [];
  let applied = 0;
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const actions: CodeAction[] = [
    ...diagnostics.flatMap((d) => service.getCodeActions(document, { range: d.range, diagnostics: [d], snippetEdits: true })),
    ...diagnostics.flatMap((d) => service.getCodeActions(document, { range: d.range, diagnostics: [d] })),
    ...service.getCodeActions(document, { range: whole, diagnostics, only: [FIX_ALL_KIND] }),
    ...service.getCodeActions(document, { range: { start: whole.start, end: whole.start }, diagnostics: [] }),
  ];
  for (const action of actions) {
    const edits = editsOf(action, document.uri);
    if (!edits.length) continue;
    const after = applyEdits(text, edits);
    applied++;
    if (bareLineFeeds(after) > 0) failures.push(`${name}: "${action.title}" leaves ${bareLineFeeds(after)} bare LF line ends`);
  }
  return { applied, failures };
}

describe('quick-fixes keep CRLF line endings', () => {
  it('the corpus has CRLF files', () => assert.ok(native.length >= 2, native.join(', ')));

  for (const name of native)
    it(`${name} (written with CRLF)`, () => {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      assert.equal(bareLineFeeds(text), 0);
      const { applied, failures } = check(name, text);
      assert.ok(applied > 0, 'no fix offered: nothing checked');
      assert.deepEqual(failures, []);
    });

  it(`${converted.length} more corpus files converted to CRLF`, () => {
    let applied = 0;
    const failures: string[] = [];
    for (const name of converted) {
      const r = check(name, readFileSync(join(CORPUS, name), 'utf8').replace(/\r?\n/g, '\r\n'));
      applied += r.applied;
      failures.push(...r.failures);
    }
    assert.ok(applied > 50, `${applied} fixes applied`);
    assert.deepEqual(failures, []);
  });

  it('an LF file keeps LF', () => {
    const name = converted[0];
    const text = readFileSync(join(CORPUS, name), 'utf8').replace(/\r\n/g, '\n');
    const service = getLanguageService();
    const document = TextDocument.create(`file:///crlf/lf-${name}`, 'yaml', 1, text);
    for (const d of service.doValidation(document))
      for (const a of service.getCodeActions(document, { range: d.range, diagnostics: [d] }))
        assert.ok(!applyEdits(text, editsOf(a, document.uri)).includes('\r'), a.title);
  });
});
