// One lint run as a function: targets and options in, diagnostics per file and input problems out.
// The command line (index.ts) and a project file (.k8s-workloads.yaml) both end up here: whatever
// reads a configuration passes it as LintOptions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ruleDocLinksFor } from '../ruleDocLinks';
import { crdEntriesOfText } from '../service/crd/entries';
import { getLanguageService, DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../service/index';
import { DEFAULT_MAX_FILE_SIZE } from '../service/manifest/parse';
import { validateRuleSettings } from '../service/ruleSettings';
import { RULES } from '../service/rules/registry';
import type { SeveritySetting } from '../service/rules/types';
import { KUSTOMIZATION_FILE_NAMES } from '../service/workspace/kustomize';
import { collect, collectCrds, readLimited, type InputProblem } from './files';
import { ignoreMatcher } from './glob';

export type { InputProblem } from './files';

export interface LintOptions {
  /** The release to check against (default 1.35). */
  readonly kubernetesVersion?: KubernetesVersion;
  /** Files, folders or globs of CustomResourceDefinitions, read but not linted (relative ones against `cwd`). */
  readonly crds?: readonly string[];
  /** Rule id → severity or 'off', as the `k8sWorkloads.rules` setting. Unknown ids and severities are reported and ignored. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Globs of files (or folders) not to lint, relative to `cwd` unless absolute; see glob.ts. */
  readonly ignore?: readonly string[];
  /** The folder relative globs of `ignore` and `crds` start from (default: the working directory). */
  readonly cwd?: string;
  /** Files larger than this many bytes are not read (default: the language service's limit, 4 MB). */
  readonly maxFileSize?: number;
}

export interface LintedFile {
  /** The path as given, or `<given folder>/<relative path>` for a file found in a folder. */
  readonly path: string;
  /** The absolute path (not resolved through links). */
  readonly absolute: string;
  /** Every diagnostic, in reading order (not capped: the formatters cap what they print). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LintReport {
  readonly files: readonly LintedFile[];
  /** Input that could not be linted (errors: exit 2) or was skipped (warnings), and configuration problems. */
  readonly problems: readonly InputProblem[];
}

/** The code of the diagnostic a file too large to read gets. */
export const FILE_TOO_LARGE = 'file-too-large';

/** Diagnostics in reading order: rules report in their own order, people read top to bottom. */
export function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Only context: what cannot be read (a broken link, no permission) is left out, never an error. */
function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
const isRegularFile = (p: string) => statOrUndefined(p)?.isFile() === true;
const isFolder = (p: string) => statOrUndefined(p)?.isDirectory() === true;

/**
 * The rules document: docs/rules.md of the package, beside dist/ (dist/cli.js is one bundle) or
 * three folders up from this source file (tests run the sources).
 */
export function rulesDocPath(): string {
  const candidates = [path.join(__dirname, '..', 'docs', 'rules.md'), path.join(__dirname, '..', '..', '..', 'docs', 'rules.md')];
  return candidates.find(isRegularFile) ?? candidates[0];
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function lint(targets: readonly string[], options: LintOptions = {}): LintReport {
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const problems: InputProblem[] = [];
  const settings = validateRuleSettings(options.rules, RULES);
  for (const p of settings.problems) problems.push({ path: '', severity: 'warning', message: p.replace(/^k8sWorkloads\.rules/, 'rules') });

  const crds = collectCrds(options.crds ?? [], cwd);
  const found = collect(targets, { isIgnored: ignoreMatcher(options.ignore ?? [], cwd) });
  problems.push(...crds.problems, ...found.problems);

  const service = getLanguageService({
    docsUri: ruleDocLinksFor(rulesDocPath()),
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    maxFileSize,
  });
  // The CRDs of --crds (read, not linted; their schemas are parsed when a custom resource needs them).
  for (const f of crds.files) {
    const read = readLimited(f.real, 4 * maxFileSize);
    if (read.kind === 'text') service.workspace.setCrds(pathToFileURL(path.resolve(f.path)).toString(), crdEntriesOfText(read.text));
    else
      problems.push({
        path: f.path,
        severity: 'error',
        message: read.kind === 'error' ? read.message : `too large to read (${megabytes(read.size)})`,
      });
  }

  // Two passes: index every file first, so cross-file rules see the whole set.
  const files: { path: string; absolute: string; document?: TextDocument; tooLarge?: number }[] = [];
  for (const f of found.files) {
    const absolute = path.resolve(f.path);
    const read = readLimited(f.real, maxFileSize);
    if (read.kind === 'error') {
      problems.push({ path: f.path, severity: 'error', message: read.message });
      continue;
    }
    if (read.kind === 'too-large') {
      files.push({ path: f.path, absolute, tooLarge: read.size });
      continue;
    }
    const document = TextDocument.create(pathToFileURL(absolute).toString(), 'yaml', 1, read.text);
    service.parse(document);
    files.push({ path: f.path, absolute, document });
  }
  // Kustomization files beside them mark their patches (the linted ones were parsed above).
  for (const k of kustomizationContext(
    targets,
    found.files.map((f) => f.real),
    found.folders,
  )) {
    const read = readLimited(k, maxFileSize);
    if (read.kind === 'text') service.parse(TextDocument.create(pathToFileURL(k).toString(), 'yaml', 1, read.text));
  }
  // A folder stands for a whole workspace: rules that conclude from an absence (dangling-service) may look across its files.
  service.workspace.complete = found.anyFolder;
  const rules = settings.rules;
  return {
    files: files.map((f) => ({
      path: f.path,
      absolute: f.absolute,
      diagnostics: f.document
        ? byPosition(service.doValidation(f.document, { rules }))
        : [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              severity: DiagnosticSeverity.Warning,
              source: 'k8s-workloads',
              code: FILE_TOO_LARGE,
              message: `This file is ${megabytes(f.tooLarge ?? 0)}, larger than the ${megabytes(maxFileSize)} Kubernetes Workloads checks; it was not read.`,
            },
          ],
    })),
    problems,
  };
}

/**
 * Kustomization files that say which of the linted files are patches but are not linted
 * themselves: the extension-less `Kustomization` in any searched folder, and any kustomization
 * file in the folder of a linted file or above a target (a patch is usually beside its
 * kustomization, sometimes in a subfolder of it). Real paths in, real paths out.
 */
function kustomizationContext(targets: readonly string[], linted: readonly string[], folders: readonly string[]): string[] {
  const dirs = new Set([...folders, ...linted.map((f) => path.dirname(f))]);
  for (const t of targets) {
    const start = path.resolve(t);
    for (let dir = isFolder(start) ? start : path.dirname(start); ;) {
      dirs.add(dir);
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  const lintedSet = new Set(linted);
  const out: string[] = [];
  for (const dir of dirs)
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const p = path.join(dir, name);
      if (!lintedSet.has(p) && isRegularFile(p)) out.push(p);
    }
  return out;
}
