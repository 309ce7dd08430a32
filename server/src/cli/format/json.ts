// JSON output: an array of problems, each with its file (as given), 1-based start and end
// (end column exclusive), severity, rule id and message; what the per-file cap left out is one
// more entry with rule id `too-many-problems`, as the language server reports it.
import type { LintReport } from '../lint';
import { hiddenMessage, messageText, positions, ruleIdOf, severityName, shown, type FormatOptions, type SeverityName } from './common';

export interface JsonProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: SeverityName;
  readonly ruleId: string;
  readonly message: string;
}

export const TOO_MANY_PROBLEMS = 'too-many-problems';

export function jsonProblems(report: LintReport, options: FormatOptions = {}): JsonProblem[] {
  const out: JsonProblem[] = [];
  for (const { file, diagnostics, hidden } of shown(report, options)) {
    for (const d of diagnostics)
      out.push({ file: file.path, ...positions(d), severity: severityName(d), ruleId: ruleIdOf(d), message: messageText(d) });
    if (hidden > 0)
      out.push({
        file: file.path,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'info',
        ruleId: TOO_MANY_PROBLEMS,
        message: hiddenMessage(hidden),
      });
  }
  return out;
}

export const formatJson = (report: LintReport, options: FormatOptions = {}): string =>
  JSON.stringify(jsonProblems(report, options), null, 2);
