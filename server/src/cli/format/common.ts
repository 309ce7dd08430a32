// What every output format shares: severity names, the per-file cap, --quiet, the counts.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LintedFile, LintReport } from '../lint';

/**
 * At most this many problems are shown per file — the language server's cap (MAX_DIAGNOSTICS in
 * server/src/server.ts; test/unit/cli/format.test.ts keeps the two equal).
 */
export const MAX_PROBLEMS_PER_FILE = 300;

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
const NAMES: readonly SeverityName[] = ['error', 'warning', 'info', 'hint'];

/** LSP severity 1…4 (absent means error, as LSP clients read it). */
export function severityNumber(d: Diagnostic): 1 | 2 | 3 | 4 {
  const s = d.severity ?? 1;
  return s === 2 || s === 3 || s === 4 ? s : 1;
}

export const severityName = (d: Diagnostic): SeverityName => NAMES[severityNumber(d) - 1];

export const messageText = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);

export const ruleIdOf = (d: Diagnostic): string => String(d.code ?? '');

/** 1-based positions, as editors and CI tools show them; end column exclusive (LSP's and SARIF's convention). */
export function positions(d: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

export interface ShownFile {
  readonly file: LintedFile;
  /** The problems to print, in reading order. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many more the cap left out. */
  readonly hidden: number;
}

/**
 * The problems of each file to print: errors only with `quiet`; at most `max` per file, the most
 * severe first (an error must show even in a file with hundreds of warnings), in reading order.
 */
export function shown(report: LintReport, options: { quiet?: boolean; max?: number } = {}): ShownFile[] {
  const max = options.max ?? MAX_PROBLEMS_PER_FILE;
  return report.files.map((file) => {
    const all = options.quiet ? file.diagnostics.filter((d) => severityNumber(d) === 1) : file.diagnostics;
    if (all.length <= max) return { file, diagnostics: all, hidden: 0 };
    // Array#sort is stable: within a severity, the first ones in the file.
    const kept = new Set([...all].sort((a, b) => severityNumber(a) - severityNumber(b)).slice(0, max));
    return { file, diagnostics: all.filter((d) => kept.has(d)), hidden: all.length - max };
  });
}

export interface Counts {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly infos: number;
}

/** Every problem found (shown or not). */
export function counts(report: LintReport): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.files)
    for (const d of f.diagnostics) {
      const s = severityNumber(d);
      if (s === 1) errors++;
      else if (s === 2) warnings++;
      else infos++;
    }
  return { files: report.files.length, errors, warnings, infos };
}

export const hiddenMessage = (hidden: number) =>
  `${hidden} more problem${hidden === 1 ? '' : 's'} in this file ${hidden === 1 ? 'is' : 'are'} not shown (at most ${MAX_PROBLEMS_PER_FILE} per file, the most severe first). Fix the ones above first.`;

export interface FormatOptions {
  /** Errors only. */
  readonly quiet?: boolean;
  /** The folder SARIF paths are relative to (%SRCROOT%); default the working directory. */
  readonly cwd?: string;
}
