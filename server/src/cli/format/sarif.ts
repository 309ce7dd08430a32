// SARIF 2.1.0 output for code-scanning dashboards (GitHub's upload-sarif and the like): every rule
// with its descriptions, help and default level; each result with a location relative to
// %SRCROOT% (the working directory, in originalUriBaseIds), percent-encoded; input problems and the
// per-file cap as tool execution notifications. Validated against the official schema in
// test/unit/cli/sarif.test.ts.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../service/rules/registry';
import type { Severity } from '../../service/rules/types';
import { VERSION } from '../args';
import { FILE_TOO_LARGE, rulesDocPath, type LintReport } from '../lint';
import { hiddenMessage, messageText, positions, ruleIdOf, severityNumber, shown, type FormatOptions } from './common';
import { TOO_MANY_PROBLEMS } from './json';

export const SRCROOT = '%SRCROOT%';
type Level = 'error' | 'warning' | 'note';
const LEVELS: readonly Level[] = ['error', 'warning', 'note', 'note'];
const RULE_LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export const sarifLevel = (d: Diagnostic): Level => LEVELS[severityNumber(d) - 1];

/** A path's segments percent-encoded (spaces, non-ASCII, `#`, `?`, `%`, `[`…), joined with `/`. */
export function encodePath(p: string): string {
  return p.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** `file:` URI of an absolute path; a folder's ends with `/` so relative URIs resolve inside it. */
export function fileUri(absolute: string, folder = false): string {
  let posix = absolute.split(path.sep).join('/');
  if (!posix.startsWith('/')) posix = `/${posix}`; // C:/… on Windows
  const encoded = posix
    .split('/')
    .map((s, i) => (i === 1 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)))
    .join('/');
  return `file://${encoded}${folder && !encoded.endsWith('/') ? '/' : ''}`;
}

/** Relative to %SRCROOT% when the file is below it, else an absolute file: URI. */
export function artifactLocation(absolute: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, absolute);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: encodePath(rel), uriBaseId: SRCROOT };
  return { uri: fileUri(absolute) };
}

interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: Level };
}

/** Every rule, plus the pseudo-rule of a file too large to read. */
export function ruleDescriptors(): ReportingDescriptor[] {
  const doc = fileUri(rulesDocPath());
  const rules = RULES.map(({ meta }) => ({
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.rationale}` },
    help: {
      text: `${meta.description}\n\n${meta.rationale}\n\nSee docs/rules.md#${meta.id} of the k8s-workloads package.`,
      markdown: `**${meta.name}** (\`${meta.id}\`, default \`${meta.severity}\`)\n\n${meta.description}\n\n${meta.rationale}`,
    },
    helpUri: `${doc}#${meta.id}`,
    defaultConfiguration: { level: RULE_LEVEL[meta.severity] },
  }));
  const tooLarge = 'A file larger than the size limit (4 MB) is not read, so nothing in it is checked.';
  rules.push({
    id: FILE_TOO_LARGE,
    name: 'File too large to check',
    shortDescription: { text: tooLarge },
    fullDescription: { text: `${tooLarge} Split it, or check it some other way.` },
    help: { text: tooLarge, markdown: tooLarge },
    helpUri: `${doc}#${FILE_TOO_LARGE}`,
    defaultConfiguration: { level: 'warning' },
  });
  return rules;
}

export function sarifLog(report: LintReport, options: FormatOptions = {}) {
  const root = options.cwd ?? process.cwd();
  const rules = ruleDescriptors();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const { file, diagnostics, hidden } of shown(report, options)) {
    const artifact = artifactLocation(file.absolute, root);
    for (const d of diagnostics) {
      const p = positions(d);
      const ruleId = ruleIdOf(d);
      const ruleIndex = index.get(ruleId);
      results.push({
        ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: sarifLevel(d),
        message: { text: messageText(d) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact,
              region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
            },
          },
        ],
      });
    }
    if (hidden > 0)
      notifications.push({
        descriptor: { id: TOO_MANY_PROBLEMS },
        level: 'note',
        message: { text: hiddenMessage(hidden) },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
  }
  for (const p of report.problems)
    notifications.push({
      level: p.severity,
      message: { text: p.path ? `${p.path}: ${p.message}` : p.message },
      ...(p.path ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(path.resolve(root, p.path), root) } }] } : {}),
    });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'k8s-workloads', version: VERSION, rules } },
        invocations: [
          { executionSuccessful: !report.problems.some((p) => p.severity === 'error'), toolExecutionNotifications: notifications },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(root, true) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export const formatSarif = (report: LintReport, options: FormatOptions = {}): string => JSON.stringify(sarifLog(report, options), null, 2);
