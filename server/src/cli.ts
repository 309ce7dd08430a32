// k8s-workloads lint <files or folders> [--format text|json|sarif] [--kubernetes-version 1.NN] [--crds <path>]…
// The same checks as the editor, for CI. Exit code 1 when any error is found, 2 on bad usage.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  DEFAULT_KUBERNETES_VERSION,
  getLanguageService,
  isKubernetesVersion,
  KUBERNETES_VERSIONS,
  type KubernetesVersion,
} from './service/index';
import { crdEntriesOfText } from './service/crd/entries';
import { RULES } from './service/rules/registry';
import { KUSTOMIZATION_FILE_NAMES } from './service/workspace/kustomize';

const VERSION = '0.1.0';
const SKIP_DIRS = new Set(['node_modules', '.git', '.test-host', 'dist']);
const USAGE = `Usage: k8s-workloads lint <files or folders…> [--format text|json|sarif] [--kubernetes-version ${KUBERNETES_VERSIONS[0]}…${KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]}] [--crds <file or folder>]…

Checks Kubernetes workload manifests (.yaml/.yml; folders are searched recursively,
skipping node_modules and .git) with the same rules as the Kubernetes Workloads extension,
against the API of one Kubernetes release (default ${DEFAULT_KUBERNETES_VERSION}). Custom resources are checked
against the CustomResourceDefinitions among the files and in each --crds file or folder (not linted).
Exit code: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

type Format = 'text' | 'json' | 'sarif';

interface FileResult {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

function parseArgs(argv: string[]): { format: Format; targets: string[]; kubernetesVersion: KubernetesVersion; crds: string[] } | string {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return USAGE;
  if (command === '--version') return VERSION;
  if (command !== 'lint') return `Unknown command "${command}".\n\n${USAGE}`;
  let format: Format = 'text';
  let kubernetesVersion: KubernetesVersion = DEFAULT_KUBERNETES_VERSION;
  const targets: string[] = [];
  const crds: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--crds' || a.startsWith('--crds=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!v) return `--crds needs a file or folder.\n\n${USAGE}`;
      crds.push(v);
      continue;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `--format must be text, json or sarif (got "${v ?? ''}").`;
      format = v;
    } else if (a === '--kubernetes-version' || a.startsWith('--kubernetes-version=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!isKubernetesVersion(v)) return `--kubernetes-version must be one of ${KUBERNETES_VERSIONS.join(', ')} (got "${v ?? ''}").`;
      kubernetesVersion = v;
    } else if (a.startsWith('-')) return `Unknown option "${a}".\n\n${USAGE}`;
    else targets.push(a);
  }
  if (targets.length === 0) return `No files or folders given.\n\n${USAGE}`;
  return { format, targets, kubernetesVersion, crds };
}

function collect(target: string, out: string[]): void {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) {
      if (SKIP_DIRS.has(name)) continue;
      const p = path.join(target, name);
      const s = fs.statSync(p);
      if (s.isDirectory()) collect(p, out);
      else if (/\.ya?ml$/i.test(name)) out.push(p);
    }
  } else out.push(target);
}

/**
 * Kustomization files that say which of the linted files are patches but are not linted
 * themselves: the extension-less `Kustomization` anywhere under a folder, and any kustomization
 * file in the directory of a linted file or above a target (a patch is usually beside its
 * kustomization, sometimes in a subfolder of it).
 */
function kustomizationContext(targets: readonly string[], files: readonly string[]): string[] {
  // Only context: what cannot be read (a broken link, no permission) is left out, never an error.
  const stat = (p: string) => {
    try {
      return fs.statSync(p);
    } catch {
      return undefined;
    }
  };
  const linted = new Set(files.map((f) => path.resolve(f)));
  const dirs = new Set(files.map((f) => path.dirname(path.resolve(f))));
  for (const t of targets) {
    const start = path.resolve(t);
    for (let dir = stat(start)?.isDirectory() ? start : path.dirname(start); ;) {
      dirs.add(dir);
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      if (SKIP_DIRS.has(name) || !stat(p)?.isDirectory()) continue;
      dirs.add(p);
      walk(p);
    }
  };
  for (const t of targets) if (stat(t)?.isDirectory()) walk(path.resolve(t));
  const out: string[] = [];
  for (const dir of dirs)
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const p = path.join(dir, name);
      if (!linted.has(p) && stat(p)?.isFile()) out.push(p);
    }
  return out;
}

const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const SARIF_LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function printText(results: FileResult[]): void {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const sev = d.severity ?? DiagnosticSeverity.Error;
      if (sev === DiagnosticSeverity.Error) errors++;
      else if (sev === DiagnosticSeverity.Warning) warnings++;
      else infos++;
      const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      console.log(`${where}  ${SEVERITY_NAME[sev].padEnd(7)}  ${String(d.code).padEnd(32)}  ${messageText(d)}`);
    }
  }
  const files = results.length;
  console.log(`\n${files} file${files === 1 ? '' : 's'} checked: ${errors} error(s), ${warnings} warning(s), ${infos} info.`);
}

function toJson(results: FileResult[]) {
  return results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY_NAME[d.severity ?? 1],
      ruleId: d.code,
      message: messageText(d),
    })),
  );
}

function toSarif(results: FileResult[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-workloads',
            version: VERSION,
            rules: RULES.map((r) => ({ id: r.meta.id, name: r.meta.name, shortDescription: { text: r.meta.description } })),
          },
        },
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: String(d.code),
            level: SARIF_LEVEL[d.severity ?? 1],
            message: { text: messageText(d) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split(path.sep).join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** Diagnostics in reading order: rules report in their own order, people read top to bottom. */
function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const ok = args === USAGE || args === VERSION;
    (ok ? console.log : console.error)(args);
    return ok ? 0 : 2;
  }
  const files: string[] = [];
  const crdFiles: string[] = [];
  for (const t of args.crds) {
    try {
      collect(t, crdFiles);
    } catch (err) {
      console.error(`Cannot read ${t}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 2;
    }
  }
  for (const t of args.targets) {
    try {
      collect(t, files);
    } catch (err) {
      console.error(`Cannot read ${t}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 2;
    }
  }
  const rulesDoc = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules.md')).toString();
  const service = getLanguageService({ docsUri: (id) => `${rulesDoc}#${id}`, kubernetesVersion: args.kubernetesVersion });
  // The CRDs of --crds (read, not linted; their schemas are parsed when a custom resource needs them).
  for (const f of crdFiles)
    service.workspace.setCrds(pathToFileURL(path.resolve(f)).toString(), crdEntriesOfText(fs.readFileSync(f, 'utf8')));
  // Two passes: index every file first, so cross-file rules see the whole set.
  const documents = files.map((f) => TextDocument.create(pathToFileURL(path.resolve(f)).toString(), 'yaml', 1, fs.readFileSync(f, 'utf8')));
  for (const d of documents) service.parse(d);
  // Kustomization files beside them mark their patches (the linted ones were parsed above).
  for (const k of kustomizationContext(args.targets, files))
    service.parse(TextDocument.create(pathToFileURL(k).toString(), 'yaml', 1, fs.readFileSync(k, 'utf8')));
  // A folder stands for a whole workspace: rules that conclude from an absence (dangling-service) may look across its files.
  service.workspace.complete = args.targets.some((t) => fs.statSync(t).isDirectory());
  const results: FileResult[] = documents.map((d, i) => ({
    file: path.relative(process.cwd(), files[i]) || files[i],
    diagnostics: byPosition(service.doValidation(d)),
  }));
  if (args.format === 'json') console.log(JSON.stringify(toJson(results), null, 2));
  else if (args.format === 'sarif') console.log(JSON.stringify(toSarif(results), null, 2));
  else printText(results);
  return results.some((r) => r.diagnostics.some((d) => (d.severity ?? 1) === DiagnosticSeverity.Error)) ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
