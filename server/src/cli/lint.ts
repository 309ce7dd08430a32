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
import {
  getLanguageService,
  DEFAULT_KUBERNETES_VERSION,
  WorkspaceIndex,
  type KubernetesVersion,
  type LanguageService,
} from '../service/index';
import { CONFIG_FILE_NAME, formatConfigProblems } from '../service/config/index';
import { crdPathsOf, findProjectConfigSync, isIgnoredBy, readProjectConfigSync, type LoadedConfig } from '../projectConfig';
import { DEFAULT_MAX_FILE_SIZE } from '../service/manifest/parse';
import { validateRuleSettings } from '../service/ruleSettings';
import { RULES } from '../service/rules/registry';
import type { SeveritySetting } from '../service/rules/types';
import { KUSTOMIZATION_FILE_NAMES } from '../service/workspace/kustomize';
import { collect, collectCrds, readLimited, reason, YAML_NAME, type InputProblem } from './files';
import { ignoreMatcher } from './glob';

export type { InputProblem } from './files';

export interface LintOptions {
  /** The release to check against (default: the project file's, else 1.35); wins over the project file. */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * The project file (.k8s-workloads.yaml) of each file: `'nearest'`, the one in the file's folder
   * or the nearest folder above it up to the repository root (what the command line does); a
   * LoadedConfig applies that one to every file (`--config`); undefined reads none. What it sets
   * lies under these options: `kubernetesVersion` and `rules` given here win, CRDs and ignore
   * patterns add up. A project file with problems is reported as an input error (exit 2).
   */
  readonly projectConfig?: 'nearest' | LoadedConfig;
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

  const configOf = projectConfigs(options.projectConfig, cwd, problems);
  const ignoredByOptions = ignoreMatcher(options.ignore ?? [], cwd);
  // What a project file ignores is read all the same (its objects count for the other files, as
  // in the editor) but not reported; what the options ignore is not read at all.
  const found = collect(targets, {
    isIgnored: ignoredByOptions,
    // a project file is configuration, not a manifest (named as a target, it is checked as one)
    wanted: (name) => YAML_NAME.test(name) && name !== CONFIG_FILE_NAME,
  });
  const configs = new Set(found.files.map((f) => configOf(path.resolve(f.path))).filter((c): c is LoadedConfig => !!c));
  const crds = collectCrds([...(options.crds ?? []), ...[...configs].flatMap(crdPathsOf)], cwd);
  problems.push(...crds.problems, ...found.problems);

  // One language service per release in use (the project files may name different ones), sharing the index.
  const workspace = new WorkspaceIndex();
  const docsUri = ruleDocLinksFor(rulesDocPath());
  const services = new Map<KubernetesVersion, LanguageService>();
  const serviceOf = (version: KubernetesVersion) => {
    let s = services.get(version);
    if (!s) services.set(version, (s = getLanguageService({ docsUri, kubernetesVersion: version, maxFileSize, workspace })));
    return s;
  };
  const versionOf = (absolute: string) =>
    options.kubernetesVersion ?? configOf(absolute)?.config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const service = serviceOf(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
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
  const named = new Set(targets.map((t) => path.resolve(t)));
  for (const f of found.files) {
    const absolute = path.resolve(f.path);
    const ignored = isIgnoredBy(configOf(absolute), absolute);
    if (ignored && named.has(absolute))
      problems.push({ path: f.path, severity: 'warning', message: 'skipped: matches an ignore pattern of its project file' });
    const read = readLimited(f.real, maxFileSize);
    if (ignored) {
      if (read.kind === 'text') service.parse(TextDocument.create(pathToFileURL(absolute).toString(), 'yaml', 1, read.text));
      continue;
    }
    if (read.kind === 'error') {
      problems.push({ path: f.path, severity: 'error', message: read.message });
      continue;
    }
    if (read.kind === 'too-large') {
      files.push({ path: f.path, absolute, tooLarge: read.size });
      continue;
    }
    const document = TextDocument.create(pathToFileURL(absolute).toString(), 'yaml', 1, read.text);
    try {
      service.parse(document);
    } catch (err) {
      problems.push(internalError(f.path, err));
      continue;
    }
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
  const linted: LintedFile[] = [];
  for (const f of files) {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = f.document
        ? byPosition(
            serviceOf(versionOf(f.absolute)).doValidation(f.document, {
              rules: { ...configOf(f.absolute)?.config.rules, ...settings.rules },
            }),
          )
        : [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              severity: DiagnosticSeverity.Warning,
              source: 'k8s-workloads',
              code: FILE_TOO_LARGE,
              message: `This file is ${megabytes(f.tooLarge ?? 0)}, larger than the ${megabytes(maxFileSize)} Kubernetes Workloads checks; it was not read.`,
            },
          ];
    } catch (err) {
      problems.push(internalError(f.path, err));
      continue;
    }
    linted.push({ path: f.path, absolute: f.absolute, diagnostics });
  }
  return { files: linted, problems };
}

/**
 * A defect of ours on one file: that file is reported (exit code 2, as for input that cannot be
 * read) and every other file is still checked, instead of the whole run ending on it.
 */
function internalError(path: string, err: unknown): InputProblem {
  return {
    path,
    severity: 'error',
    message: `internal error while checking this file, please report it: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/**
 * The project file of each path (file or folder): the one given, or the nearest (each read once).
 * The problems of a project file are input errors, one line each with its position.
 */
function projectConfigs(
  option: LintOptions['projectConfig'],
  cwd: string,
  problems: InputProblem[],
): (absolute: string) => LoadedConfig | undefined {
  if (option === undefined) return () => undefined;
  const report = (c: LoadedConfig) => {
    const shown = path.relative(cwd, c.path).startsWith('..') ? c.path : path.relative(cwd, c.path) || c.path;
    for (const line of formatConfigProblems(shown, c.text, c.problems)) {
      const at = line.indexOf(': ');
      problems.push({ path: line.slice(0, at), severity: 'error', message: line.slice(at + 2) });
    }
  };
  if (option !== 'nearest') return () => option;
  const byDir = new Map<string, LoadedConfig | undefined>();
  const byFile = new Map<string, LoadedConfig | undefined>();
  return (absolute) => {
    const dir = path.dirname(absolute);
    if (byDir.has(dir)) return byDir.get(dir);
    const file = findProjectConfigSync(dir);
    let loaded: LoadedConfig | undefined;
    if (file) {
      if (byFile.has(file)) loaded = byFile.get(file);
      else {
        try {
          loaded = readProjectConfigSync(file);
          report(loaded);
        } catch (err) {
          problems.push({ path: file, severity: 'error', message: `cannot read the project file: ${reason(err)}` });
        }
        byFile.set(file, loaded);
      }
    }
    byDir.set(dir, loaded);
    return loaded;
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
