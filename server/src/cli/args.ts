// The command line's arguments: `lint <targets…>` and its options, or a text to print and exit with.
import { DEFAULT_KUBERNETES_VERSION, isKubernetesVersion, KUBERNETES_VERSIONS, type KubernetesVersion } from '../service/index';

export const VERSION = '0.1.0';

export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  readonly format: Format;
  readonly targets: readonly string[];
  /** --kubernetes-version; undefined: the project file's, else the default. */
  readonly kubernetesVersion: KubernetesVersion | undefined;
  /** --config: the project file to use instead of looking for one. */
  readonly config: string | undefined;
  readonly crds: readonly string[];
  /** Only errors are printed (warnings still count for --max-warnings). */
  readonly quiet: boolean;
  /** More warnings than this make the run fail (exit 1); undefined: no limit. */
  readonly maxWarnings: number | undefined;
}

/** What the command line asked for: a lint run, or a text to print with its exit code (help, version, bad usage). */
export type Parsed =
  { readonly kind: 'lint'; readonly args: CliArgs } | { readonly kind: 'exit'; readonly code: 0 | 2; readonly text: string };

const FIRST = KUBERNETES_VERSIONS[0];
const LAST = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];

export const USAGE = `Usage: k8s-workloads lint <files or folders…> [options]

Checks Kubernetes manifests (.yaml/.yml; folders are searched recursively, skipping
node_modules and .git) with the same rules as the Kubernetes Workloads extension, against the
API of one Kubernetes release. Paths are printed as given.

Options:
  --format text|json|sarif         output format (default text)
  --kubernetes-version <1.NN>      the release to check against, ${FIRST}…${LAST} (default: the project
                                   file's, else ${DEFAULT_KUBERNETES_VERSION})
  --config <file>                  the project file to use, instead of the .k8s-workloads.yaml
                                   nearest each file
  --crds <file, folder or glob>    CustomResourceDefinitions to check custom resources against,
                                   read but not linted (repeatable); CRDs among the targets count too
  --quiet                          print errors only (warnings still count for --max-warnings)
  --max-warnings <n>               fail (exit 1) when more than n warnings are found
  -h, --help                       this text
  --version                        the version

Project file: the .k8s-workloads.yaml in each file's folder or the nearest folder above it (up
to the repository root) sets kubernetesVersion, rules, customResourceDefinitions and ignore, as
in the editor; the options above win over it. A project file with problems exits 2.

Only regular files are read; files over 4 MB are reported and not checked; links that lead out
of the given folders are not followed. At most 300 problems are shown per file.

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  bad usage, input that cannot be read (the other files are still checked and reported), or
     a project file that cannot be read or has problems`;

const usageError = (message: string): Parsed => ({ kind: 'exit', code: 2, text: `${message}\n\n${USAGE}` });

export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return { kind: 'exit', code: 0, text: USAGE };
  if (command === '--version') return { kind: 'exit', code: 0, text: VERSION };
  if (command !== 'lint') return usageError(`Unknown command "${command}".`);
  let format: Format = 'text';
  let kubernetesVersion: KubernetesVersion | undefined;
  let config: string | undefined;
  let quiet = false;
  let maxWarnings: number | undefined;
  const targets: string[] = [];
  const crds: string[] = [];
  let onlyTargets = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (onlyTargets || !a.startsWith('-') || a === '-') {
      targets.push(a);
      continue;
    }
    if (a === '--') {
      onlyTargets = true;
      continue;
    }
    if (a === '-h' || a === '--help') return { kind: 'exit', code: 0, text: USAGE };
    if (a === '--quiet') {
      quiet = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (name !== '--crds' && name !== '--format' && name !== '--kubernetes-version' && name !== '--max-warnings' && name !== '--config')
      return usageError(`Unknown option "${a}".`);
    const value = eq < 0 ? rest[++i] : a.slice(eq + 1);
    if (name === '--config') {
      if (!value) return usageError('--config needs the path of a project file.');
      config = value;
    } else if (name === '--crds') {
      if (!value) return usageError('--crds needs a file, folder or glob.');
      crds.push(value);
    } else if (name === '--format') {
      if (value !== 'text' && value !== 'json' && value !== 'sarif')
        return usageError(`--format must be text, json or sarif (got "${value ?? ''}").`);
      format = value;
    } else if (name === '--kubernetes-version') {
      if (!isKubernetesVersion(value))
        return usageError(`--kubernetes-version must be one of ${KUBERNETES_VERSIONS.join(', ')} (got "${value ?? ''}").`);
      kubernetesVersion = value;
    } else {
      if (value === undefined || !/^\d+$/.test(value))
        return usageError(`--max-warnings needs a whole number of 0 or more (got "${value ?? ''}").`);
      maxWarnings = Number(value);
    }
  }
  if (targets.length === 0) return usageError('No files or folders given.');
  return { kind: 'lint', args: { format, targets, kubernetesVersion, config, crds, quiet, maxWarnings } };
}
