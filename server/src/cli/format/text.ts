// Text output: one line per problem — `file:line:column  severity  rule-id  message` in aligned
// columns — in reading order per file, a line for what the per-file cap left out, and a summary.
import type { LintReport } from '../lint';
import { counts, hiddenMessage, messageText, positions, ruleIdOf, severityName, shown, type FormatOptions } from './common';

export function formatText(report: LintReport, options: FormatOptions = {}): string {
  const rows: (readonly [string, string, string, string] | string)[] = [];
  for (const { file, diagnostics, hidden } of shown(report, options)) {
    for (const d of diagnostics) {
      const p = positions(d);
      rows.push([`${file.path}:${p.line}:${p.column}`, severityName(d), ruleIdOf(d), messageText(d).replace(/\r?\n/g, ' ')]);
    }
    if (hidden > 0) rows.push(`${file.path}: ${hiddenMessage(hidden)}`);
  }
  const cells = rows.filter((r) => typeof r !== 'string');
  const width = [0, 1, 2].map((i) => cells.reduce((w, r) => Math.max(w, r[i].length), 0));
  const lines = rows.map((r) =>
    typeof r === 'string' ? r : `${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`,
  );
  const c = counts(report);
  if (lines.length > 0) lines.push('');
  lines.push(`${c.files} file${c.files === 1 ? '' : 's'} checked: ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} info.`);
  return lines.join('\n');
}
