// Table tests for one rule, ESLint RuleTester style. In a case's text, «guillemets» mark the
// exact range the rule must flag (one pair per expected diagnostic). After a fix the tester
// checks the text, that the YAML still parses, that the diagnostic is gone and that every other
// document of the file is byte-for-byte unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type KubernetesVersion } from '../../../server/src/service/index';
import { TEST_APIS } from './api';
import { splitDocuments } from '../../../server/src/service/manifest/parse';
import { getRule } from '../../../server/src/service/rules/registry';
import { assertNoInternalErrors } from './internalErrors';

export interface ValidCase {
  readonly name?: string;
  readonly text: string;
  /** Other workspace files (uri → text) the cross-document rules can see. */
  readonly files?: Readonly<Record<string, string>>;
  /** The Kubernetes release to check against (the default release when omitted). */
  readonly kubernetesVersion?: KubernetesVersion;
}

export interface InvalidCase extends ValidCase {
  readonly messageId: string;
  /** The exact message, or a pattern it must match. */
  readonly message?: string | RegExp;
  /** Title (or pattern) of the fix to apply; the first fix when omitted but `output` is given. */
  readonly fix?: string | RegExp;
  /** The whole text after applying the fix (without markers). */
  readonly output?: string;
  /** Whether the applied fix is the preferred one (Ctrl+. Enter); not checked when omitted. */
  readonly preferred?: boolean;
  /** The titles of every fix offered for the (first) diagnostic, in order; `[]` for none. Not checked when omitted. */
  readonly fixes?: readonly string[];
  /** Whether the applied fix is safe, i.e. applied by fix-all (`source.fixAll`); not checked when omitted. */
  readonly safe?: boolean;
  /**
   * The whole text after the fix as a client with snippet edits applies it, tab stops (`${1:3}`) left
   * as written; the same as `output` for a fix without a snippet. Not checked when omitted.
   */
  readonly snippet?: string;
}

const OPEN = '«';
const CLOSE = '»';

/** Strips «» markers and returns the clean text plus the marked ranges. */
export function unmark(marked: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  const starts: number[] = [];
  const offsets: [number, number][] = [];
  for (const ch of marked) {
    if (ch === OPEN) starts.push(text.length);
    else if (ch === CLOSE) offsets.push([starts.pop()!, text.length]);
    else text += ch;
  }
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  for (const [s, e] of offsets) ranges.push({ start: doc.positionAt(s), end: doc.positionAt(e) });
  ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { text, ranges };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return TextDocument.applyEdits(doc, [...edits]);
}

function setup(c: ValidCase, text: string) {
  const service = getLanguageService({
    docsUri: (id) => `file:///docs/rules.md#${id}`,
    apis: TEST_APIS,
    kubernetesVersion: c.kubernetesVersion,
  });
  for (const [uri, other] of Object.entries(c.files ?? {})) {
    service.parse(TextDocument.create(uri, 'yaml', 1, other));
  }
  const document = TextDocument.create('file:///work/case.yaml', 'yaml', 1, text);
  const diagnostics = service.doValidation(document);
  assertNoInternalErrors(diagnostics);
  return { service, document, diagnostics };
}

const fmt = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export function ruleTable(ruleId: string, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  const rule = getRule(ruleId);
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => assert.ok(rule, `rule ${ruleId} is not in the registry`));
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { text: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { diagnostics } = setup(c, c.text);
        const mine = diagnostics.filter((d) => d.code === ruleId);
        assert.deepEqual(
          mine.map((d) => `${fmt(d.range)} ${d.message}`),
          [],
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { text, ranges } = unmark(c.text);
        assert.ok(ranges.length > 0, 'an invalid case must mark the expected range with «»');
        const { service, document, diagnostics } = setup(c, text);
        const mine = diagnostics.filter((d) => d.code === ruleId);
        assert.deepEqual(
          mine.map((d) => fmt(d.range)),
          ranges.map(fmt),
          `ranges; messages: ${mine.map((d) => d.message).join(' | ')}`,
        );
        const results = service.ruleResults(document).filter((r) => r.rule.meta.id === ruleId);
        for (const r of results) assert.equal(r.report.messageId, c.messageId);
        for (const d of mine) {
          assert.equal(d.source, 'k8s-workloads');
          assert.equal(d.codeDescription?.href, `file:///docs/rules.md#${ruleId}`);
          if (typeof c.message === 'string') assert.equal(d.message, c.message);
          else if (c.message) assert.match(String(d.message), c.message);
        }
        if (c.fixes !== undefined) {
          const d = mine[0];
          const offered = service
            .getCodeActions(document, { range: d.range, diagnostics: [d] })
            .filter((a) => !a.title.startsWith('Disable '));
          assert.deepEqual(
            offered.map((a) => a.title),
            c.fixes,
            'fixes offered',
          );
        }
        if (c.output !== undefined) {
          const d = mine[0];
          const actions = service.getCodeActions(document, { range: d.range, diagnostics: [d] });
          const fixes = actions.filter((a) => !a.title.startsWith('Disable '));
          const chosen = c.fix ? fixes.find((a) => (typeof c.fix === 'string' ? a.title === c.fix : c.fix!.test(a.title))) : fixes[0];
          assert.ok(chosen, `fix ${String(c.fix ?? '(first)')} not offered; offered: ${fixes.map((a) => a.title).join(' | ')}`);
          if (c.preferred !== undefined) assert.equal(chosen.isPreferred === true, c.preferred, 'isPreferred');
          if (c.safe !== undefined) {
            const fix = results.flatMap((r) => r.report.fixes ?? []).find((f) => f.title === chosen.title);
            assert.equal(fix?.safe === true, c.safe, 'safe (applied by fix-all)');
          }
          const edits = chosen.edit?.changes?.[document.uri] ?? [];
          const after = applyEdits(text, edits);
          assert.equal(after, c.output);
          assertFixIsClean(ruleId, text, after, d, c.kubernetesVersion);
        }
        if (c.snippet !== undefined) {
          const d = mine[0];
          const actions = service.getCodeActions(document, { range: d.range, diagnostics: [d], snippetEdits: true });
          const fixes = actions.filter((a) => !a.title.startsWith('Disable '));
          const chosen = c.fix ? fixes.find((a) => (typeof c.fix === 'string' ? a.title === c.fix : c.fix!.test(a.title))) : fixes[0];
          assert.ok(chosen, `fix ${String(c.fix ?? '(first)')} not offered with snippet edits`);
          const edits: TextEdit[] = [...(chosen.edit?.changes?.[document.uri] ?? [])];
          for (const change of chosen.edit?.documentChanges ?? [])
            if ('edits' in change)
              for (const e of change.edits) edits.push({ range: e.range, newText: 'snippet' in e ? e.snippet.value : e.newText });
          assert.equal(applyEdits(text, edits), c.snippet, 'the text after the snippet edit');
        }
      });
    });
  });
}

/** After a fix: the YAML parses, the fixed diagnostic is gone, other documents are unchanged. */
export function assertFixIsClean(
  ruleId: string,
  before: string,
  after: string,
  fixed: Diagnostic,
  kubernetesVersion?: KubernetesVersion,
): void {
  const service = getLanguageService({ apis: TEST_APIS, kubernetesVersion });
  const document = TextDocument.create('file:///work/after.yaml', 'yaml', 2, after);
  const diagnostics = service.doValidation(document);
  assertNoInternalErrors(diagnostics, 'the text after the fix');
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'yaml-syntax').map((d) => d.message),
    [],
    'the YAML must still parse after the fix',
  );
  const same = diagnostics.filter((d) => d.code === ruleId && d.message === fixed.message);
  assert.deepEqual(
    same.map((d) => d.message),
    [],
    'the fixed diagnostic must be gone',
  );
  // A fix must not bring in an error that was not there (run-as-non-root once wrote runAsNonRoot: true beside runAsUser: 0).
  // Missing required fields are exempt: a fixed kind reveals what a minimal case leaves out, and a skeleton leaves placeholders.
  const errors = (text: string, uri: string) =>
    getLanguageService()
      .doValidation(TextDocument.create(uri, 'yaml', 1, text))
      .filter((d) => d.severity === 1 && d.code !== 'missing-required-field')
      .map((d) => `${String(d.code)}: ${d.message}`);
  const had = new Set(errors(before, 'file:///work/before.yaml'));
  assert.deepEqual(
    errors(after, 'file:///work/before.yaml').filter((e) => !had.has(e)),
    [],
    'the fix brought in a new error',
  );
  const a = splitDocuments(before).map((c) => c.text);
  const b = splitDocuments(after).map((c) => c.text);
  const changed = a.filter((t) => !b.includes(t));
  assert.ok(changed.length <= 1, `a fix may change one document only; changed ${changed.length}`);
}
