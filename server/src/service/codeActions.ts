// Code actions: the fixes the rules attached to their reports, "disable for this line", and
// source.fixAll.k8sWorkloads. Refactors between kinds register in refactors/ (if present).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { DocEdit, Fix } from './rules/types';
import type { ManifestFile } from './manifest/types';
import { getRefactors } from './refactors/index';
import { SOURCE, type RuleResult } from './validation';
import type { WorkspaceView } from './workspace/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.k8sWorkloads`;

function toTextEdits(result: RuleResult, edits: readonly DocEdit[], document: Pick<TextDocument, 'positionAt'>): TextEdit[] {
  return edits.map((e) => ({
    range: { start: document.positionAt(result.doc.offset + e.start), end: document.positionAt(result.doc.offset + e.end) },
    newText: e.newText,
  }));
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function isOurs(d: Diagnostic): boolean {
  return d.source === SOURCE && typeof d.code === 'string';
}

/** The comment line that silences `ruleId` on the diagnostic's line (merged into an existing one). */
function disableLineEdit(document: TextDocument, d: Diagnostic, ruleId: string): TextEdit {
  const line = d.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t-]*/.exec(text)?.[0].replace(/-/g, ' ') ?? '';
  if (line > 0) {
    const prev = document.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '');
    const m = /#\s*k8s-workloads-disable-next-line\b(.*)$/.exec(prev);
    if (m) {
      return {
        range: { start: { line: line - 1, character: prev.length }, end: { line: line - 1, character: prev.length } },
        newText: m[1].trim() ? `, ${ruleId}` : ` ${ruleId}`,
      };
    }
  }
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# k8s-workloads-disable-next-line ${ruleId}\n`,
  };
}

export interface CodeActionRequest {
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  /** `only` from the CodeActionContext. */
  readonly only?: readonly string[];
  /** The client applies snippet text edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`). */
  readonly snippetEdits?: boolean;
}

/**
 * The workspace edit of a fix: with tab stops (a SnippetTextEdit, so the user can Tab through the
 * placeholder values) when the fix has them and the client supports it, plain text otherwise.
 */
function fixEdit(document: TextDocument, result: RuleResult, fix: Fix, snippetEdits: boolean | undefined): WorkspaceEdit {
  if (snippetEdits && fix.snippet?.length) {
    const edits: SnippetTextEdit[] = fix.snippet.map((e) => ({
      range: { start: document.positionAt(result.doc.offset + e.start), end: document.positionAt(result.doc.offset + e.end) },
      snippet: { kind: 'snippet', value: e.newText },
    }));
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: toTextEdits(result, fix.edits, document) } };
}

/**
 * Builds the code actions for a range. `results` are the current rule results of the file
 * (validation's cache makes them cheap) and `toRange` converts a result's report range.
 */
export function getCodeActions(
  document: TextDocument,
  results: readonly RuleResult[],
  request: CodeActionRequest,
  toRange: (r: RuleResult) => Range,
  /** The parsed file and the workspace, for the refactors between kinds. */
  context?: { readonly file: ManifestFile; readonly workspace?: WorkspaceView },
): CodeAction[] {
  const wants = (kind: string) => !request.only || request.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const uri = document.uri;

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of request.diagnostics.filter(isOurs)) {
      const matching = results.filter((r) => r.rule.meta.id === d.code && sameRange(toRange(r), d.range));
      for (const r of matching)
        for (const fix of r.report.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.isPreferred,
            edit: fixEdit(document, r, fix, request.snippetEdits),
          });
        }
      if (d.code !== 'yaml-syntax') {
        actions.push({
          title: `Disable ${d.code} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [uri]: [disableLineEdit(document, d, String(d.code))] } },
        });
      }
    }
    // Fixes of reports under the cursor even when the client sent no diagnostics (e.g. CLI --fix or a stale list).
    if (request.diagnostics.filter(isOurs).length === 0) {
      for (const r of results)
        if (overlaps(toRange(r), request.range))
          for (const fix of r.report.fixes ?? [])
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              isPreferred: fix.isPreferred,
              edit: fixEdit(document, r, fix, request.snippetEdits),
            });
    }
  }

  // Refactors of the document the range starts in (Deployment -> StatefulSet, Job -> CronJob, …):
  // when `only` asks for refactors, or for a request without `only` that is not about our
  // diagnostics (a quick-fix request for a diagnostic gets that diagnostic's fixes only).
  const refactorsWanted = request.only ? wants(CodeActionKind.RefactorRewrite) : !request.diagnostics.some(isOurs);
  if (context && refactorsWanted) {
    const at = document.offsetAt(request.range.start);
    const doc = context.file.documents.find((d) => at >= d.offset && at < d.offset + d.text.length) ?? context.file.documents.at(-1);
    if (doc && at >= doc.offset)
      for (const r of getRefactors(context.file, doc, context.workspace))
        actions.push({
          title: r.title,
          kind: r.kind,
          edit: {
            changes: {
              [uri]: r.edits.map((e) => ({
                range: { start: document.positionAt(doc.offset + e.start), end: document.positionAt(doc.offset + e.end) },
                newText: e.newText,
              })),
            },
          },
        });
  }

  if (request.only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(document, results);
    if (edits.length)
      actions.push({ title: 'Fix all Kubernetes Workloads problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  const eol = lineBreakOf(document.getText());
  if (eol !== '\n') for (const a of actions) if (a.edit) keepLineBreaks(a.edit, eol);
  return actions;
}

/** The file's line break: that of its first line, as editors decide (CR LF, a lone CR, or LF). */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = text.indexOf('\n');
  if (lf >= 0 && lf < cr) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

/**
 * Every fix, refactor and fix-all builds its text with LF; in a CRLF (or CR) file the inserted lines
 * take the file's line break, so an edit never leaves mixed line endings behind.
 */
function keepLineBreaks(edit: WorkspaceEdit, eol: string): void {
  const convert = (text: string) => text.replace(/\r\n|\r|\n/g, eol);
  for (const edits of Object.values(edit.changes ?? {})) for (const e of edits) e.newText = convert(e.newText);
  for (const change of edit.documentChanges ?? [])
    if ('edits' in change)
      for (const e of change.edits) {
        if ('newText' in e) e.newText = convert(e.newText);
        if ('snippet' in e && e.snippet) e.snippet = { ...e.snippet, value: convert(e.snippet.value) };
      }
}

/** Every safe fix of the file, skipping fixes whose edits would overlap an earlier one. */
export function fixAllEdits(document: Pick<TextDocument, 'positionAt'>, results: readonly RuleResult[]): TextEdit[] {
  const taken: [number, number][] = [];
  const edits: TextEdit[] = [];
  for (const r of results) {
    const fix: Fix | undefined = r.report.fixes?.find((f) => f.safe);
    if (!fix) continue;
    const spans = fix.edits.map((e) => [r.doc.offset + e.start, r.doc.offset + e.end] as [number, number]);
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e));
    if (clash) continue;
    taken.push(...spans);
    edits.push(...toTextEdits(r, fix.edits, document));
  }
  return edits;
}
