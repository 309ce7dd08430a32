// k8s-workloads lint <files or folders> [--format text|json|sarif] [--kubernetes-version 1.NN]
// [--crds <path>]… [--quiet] [--max-warnings <n>]: the same checks as the editor, for CI.
// args.ts reads the command line, lint.ts runs the checks (files.ts finds and reads the files),
// format/ prints the results. Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad
// usage or input that cannot be read.
import * as path from 'node:path';
import { runOnLargeStack } from '../largeStack';
import { readProjectConfigSync } from '../projectConfig';
import { formatConfigProblems } from '../service/config/index';
import { parseArgs } from './args';
import { reason } from './files';
import { counts, type FormatOptions } from './format/common';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { lint, type LintOptions, type LintReport } from './lint';

export { lint, type LintOptions, type LintReport, type LintedFile, type InputProblem } from './lint';
export { parseArgs, USAGE, VERSION, type CliArgs } from './args';

/** The exit code of a finished run: 2 when input could not be read, 1 on errors or too many warnings, else 0. */
export function exitCode(report: LintReport, maxWarnings?: number): 0 | 1 | 2 {
  if (report.problems.some((p) => p.severity === 'error')) return 2;
  const c = counts(report);
  if (c.errors > 0) return 1;
  return maxWarnings !== undefined && c.warnings > maxWarnings ? 1 : 0;
}

/** Runs the command line; returns the exit code. Output goes to console.log (results) and console.error (everything else). */
export function main(argv: string[], lintOptions: Omit<LintOptions, 'kubernetesVersion' | 'crds'> = {}): number {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'exit') {
      (parsed.code === 0 ? console.log : console.error)(parsed.text);
      return parsed.code;
    }
    const { args } = parsed;
    let projectConfig: LintOptions['projectConfig'] = lintOptions.projectConfig ?? 'nearest';
    if (args.config !== undefined) {
      // the project file named: it must be readable and valid, or nothing is checked
      try {
        projectConfig = readProjectConfigSync(path.resolve(lintOptions.cwd ?? process.cwd(), args.config));
      } catch (err) {
        console.error(`k8s-workloads: ${args.config}: cannot read the project file: ${reason(err)}`);
        return 2;
      }
      if (projectConfig.problems.length) {
        for (const line of formatConfigProblems(args.config, projectConfig.text, projectConfig.problems))
          console.error(`k8s-workloads: ${line}`);
        console.error(
          `k8s-workloads: ${args.config} is not a valid project file (${projectConfig.problems.length} problem(s)); nothing was checked.`,
        );
        return 2;
      }
    }
    const report = lint(args.targets, { ...lintOptions, kubernetesVersion: args.kubernetesVersion, crds: args.crds, projectConfig });
    const options: FormatOptions = { quiet: args.quiet, cwd: lintOptions.cwd };
    // Input problems on stderr, one line each, so stdout stays what --format promises.
    for (const p of report.problems) console.error(`k8s-workloads: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    console.log(
      args.format === 'json'
        ? formatJson(report, options)
        : args.format === 'sarif'
          ? formatSarif(report, options)
          : formatText(report, options),
    );
    const code = exitCode(report, args.maxWarnings);
    const c = counts(report);
    if (args.maxWarnings !== undefined && c.warnings > args.maxWarnings)
      console.error(`k8s-workloads: ${c.warnings} warnings, more than --max-warnings ${args.maxWarnings}.`);
    return code;
  } catch (err) {
    // A bug of ours: one line, never a stack trace in a CI log (K8SW_DEBUG=1 shows it).
    console.error(`k8s-workloads: internal error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.K8SW_DEBUG) console.error(err);
    return 2;
  }
}

// On a thread with a large stack (../largeStack.ts): documents nested thousands of levels deep are read like any other.
if (require.main === module) runOnLargeStack(__filename, main);
