// The property every quick-fix must have, checked over the real manifests of the corpus: apply
// each fix offered for each diagnostic of each document (whatever rules are registered), then
// the YAML still parses, the diagnostic it targets is gone, no other document changed, every
// comment is still there, and no new error appeared (a fix must never trade one error for another).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../../server/src/service/codeActions';
import { getLanguageService } from '../../../server/src/service/index';
import { splitDocuments } from '../../../server/src/service/manifest/parse';
import { RULES } from '../../../server/src/service/rules/registry';
import { applyEdits, assertFixIsClean } from '../helpers/ruleTester';

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

/** Comment lines (trimmed), with their counts. */
function comments(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /(?:^|\s)(#.*)$/.exec(line);
    if (!m) continue;
    const c = m[1].trim();
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
}

function lostComments(before: string, after: string, ignore: RegExp): string[] {
  const a = comments(before);
  const b = comments(after);
  const lost: string[] = [];
  for (const [c, n] of a) if (!ignore.test(c) && (b.get(c) ?? 0) < n) lost.push(c);
  return lost;
}

const files = yamlFiles(CORPUS);

describe('fix everything over the corpus', () => {
  it('finds the corpus and has rules registered', () => {
    assert.ok(files.length > 100, `expected the corpus at ${CORPUS}`);
    assert.ok(RULES.length > 1);
  });

  let applied = 0;
  const byRule = new Map<string, number>();

  for (const path of files) {
    const name = relative(CORPUS, path);
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const service = getLanguageService();
      const document = TextDocument.create(`file:///corpus/${name}`, 'yaml', 1, text);
      const diagnostics = service.doValidation(document).filter((d) => typeof d.code === 'string');
      const errorsBefore = new Set(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.code} ${d.message}`));
      const failures: string[] = [];
      for (const d of diagnostics) {
        const actions: CodeAction[] = service.getCodeActions(document, { range: d.range, diagnostics: [d] });
        for (const action of actions) {
          const edits = action.edit?.changes?.[document.uri];
          if (!edits) continue;
          const after = applyEdits(text, edits);
          const where = `${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1} — "${action.title}"`;
          try {
            assert.notEqual(after, text, 'the fix changes nothing');
            assertFixIsClean(String(d.code), text, after, d as Diagnostic);
            const isDisable = action.title.startsWith('Disable ');
            const lost = lostComments(text, after, isDisable ? /k8s-workloads-disable/ : /^$/);
            assert.deepEqual(lost, [], 'comments must survive the fix');
            const newErrors = getLanguageService()
              .doValidation(TextDocument.create(`file:///corpus/after/${name}`, 'yaml', 2, after))
              .filter((a) => a.severity === DiagnosticSeverity.Error && !errorsBefore.has(`${a.code} ${a.message}`));
            assert.deepEqual(
              newErrors.map((a) => `${a.code}: ${a.message}`),
              [],
              'the fix must not bring a new error',
            );
            applied++;
            byRule.set(String(d.code), (byRule.get(String(d.code)) ?? 0) + 1);
          } catch (err) {
            failures.push(`${where}: ${(err as Error).message.split('\n')[0]}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  let fixAllFiles = 0;
  let fixAllProblems = 0;
  const fixAllByRule = new Map<string, number>();
  const uncovered: string[] = [];
  it('fix all (source.fixAll.k8sWorkloads) keeps every file parsing, keeps comments and documents, and removes problems', () => {
    const failures: string[] = [];
    for (const path of files) {
      const name = relative(CORPUS, path);
      const text = readFileSync(path, 'utf8');
      const service = getLanguageService();
      const document = TextDocument.create(`file:///corpus/${name}`, 'yaml', 1, text);
      const before = service.doValidation(document);
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      const action = service
        .getCodeActions(document, { range: whole, diagnostics: before, only: [FIX_ALL_KIND] })
        .find((a) => a.kind === FIX_ALL_KIND);
      const edits = action?.edit?.changes?.[document.uri];
      if (!edits?.length) continue;
      fixAllFiles++;
      const after = applyEdits(text, edits);
      const afterDiagnostics = getLanguageService().doValidation(TextDocument.create(`file:///corpus/after/${name}`, 'yaml', 2, after));
      if (afterDiagnostics.some((d) => d.code === 'yaml-syntax')) failures.push(`${name}: the YAML no longer parses after fix all`);
      const remaining = new Set(afterDiagnostics.map((d) => `${d.code} ${d.message}`));
      const gone = before.filter((d) => !remaining.has(`${d.code} ${d.message}`));
      if (gone.length === 0) failures.push(`${name}: fix all removed no problem`);
      fixAllProblems += gone.length;
      for (const d of gone) fixAllByRule.set(String(d.code), (fixAllByRule.get(String(d.code)) ?? 0) + 1);
      // No new error; a new warning or hint (a fix can uncover what the old state hid) is noted, not failed.
      const seen = new Set(before.map((d) => `${d.code} ${d.message}`));
      for (const d of afterDiagnostics)
        if (!seen.has(`${d.code} ${d.message}`)) {
          if (d.severity === DiagnosticSeverity.Error) failures.push(`${name}: fix all brings a new error: ${d.code} ${d.message}`);
          else uncovered.push(`${name}: ${d.code}`);
        }
      const lost = lostComments(text, after, /^$/);
      if (lost.length) failures.push(`${name}: fix all lost comments ${lost.join(', ')}`);
      if (splitDocuments(after).length !== splitDocuments(text).length) failures.push(`${name}: fix all added or removed a document`);
    }
    assert.deepEqual(failures, []);
    // Without source.fixAll (or with every fix unsafe) the loop above checks nothing: it must have fixed something.
    assert.ok(fixAllFiles > 0 && fixAllProblems > 0, `fix all changed ${fixAllFiles} files and removed ${fixAllProblems} problems`);
    assert.ok(fixAllByRule.size > 1, `fix all fixed problems of one rule only: ${[...fixAllByRule.keys()].join(', ')}`);
  });

  it('applied fixes at all (the corpus has problems to fix)', () => {
    assert.ok(applied > 0, 'no fix was applied: the property was never exercised');
    const summary = [...byRule].map(([r, n]) => `${r}: ${n}`).join(', ');
    console.log(
      `fix-everything: ${applied} fixes applied (${summary}); fix all changed ${fixAllFiles} files and removed ${fixAllProblems} problems (${[...fixAllByRule].map(([r, n]) => `${r}: ${n}`).join(', ')})${uncovered.length ? `, uncovering ${uncovered.join(', ')}` : ''}`,
    );
  });
});
