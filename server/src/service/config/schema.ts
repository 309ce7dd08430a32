// The project file `.k8s-workloads.yaml`: one configuration that the editor (the language server)
// and CI (the command line) both read, so a team's checks agree wherever they run. Its keys, what
// they mean and the values they take; parse.ts reads a file, complete.ts and hover.ts help write one.
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, type KubernetesVersion } from '../api/versions';
import type { SeveritySetting } from '../rules/types';

/** The file's name; it applies to the manifests of its folder and every folder below. */
export const CONFIG_FILE_NAME = '.k8s-workloads.yaml';

/** True for the URI (or path) of a project file. */
export function isProjectConfigUri(uri: string): boolean {
  const slash = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\'));
  return uri.slice(slash + 1) === CONFIG_FILE_NAME;
}

/** What a project file sets: only what is valid; a key it leaves out (or gets wrong) is absent. */
export interface ProjectConfig {
  /** The Kubernetes release to check against. */
  readonly kubernetesVersion?: KubernetesVersion;
  /** Rule id → severity or 'off'. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Files, folders or globs of CustomResourceDefinitions, as written (relative to the file's folder). */
  readonly customResourceDefinitions?: readonly string[];
  /** Globs of files not to check, as written (relative to the file's folder). */
  readonly ignore?: readonly string[];
}

export type ConfigKey = keyof ProjectConfig;

export interface ConfigKeyInfo {
  readonly key: ConfigKey;
  /** One line, for completion details. */
  readonly summary: string;
  /** Markdown, for hover and completion documentation. */
  readonly markdown: string;
  /** How the value is written: a scalar on the key's line, or a block below it. */
  readonly shape: 'scalar' | 'map' | 'list';
  /** The VS Code setting it corresponds to, if any. */
  readonly setting?: string;
}

export const CONFIG_KEYS: readonly ConfigKeyInfo[] = [
  {
    key: 'kubernetesVersion',
    summary: `The Kubernetes release to check against (${KUBERNETES_VERSIONS[0]} … ${KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]})`,
    shape: 'scalar',
    setting: 'k8sWorkloads.kubernetesVersion',
    markdown:
      `The Kubernetes release the manifests are deployed to: one of ${KUBERNETES_VERSIONS.map((v) => `\`${v}\``).join(', ')} ` +
      `(default \`${DEFAULT_KUBERNETES_VERSION}\`). Fields, kinds and apiVersions are checked against that release.\n\n` +
      'Wins over the `k8sWorkloads.kubernetesVersion` setting; `--kubernetes-version` wins over it on the command line.\n\n' +
      '```yaml\nkubernetesVersion: "1.31"\n```',
  },
  {
    key: 'rules',
    summary: 'Severity of each rule: error, warning, information, hint or off',
    shape: 'map',
    setting: 'k8sWorkloads.rules',
    markdown:
      'Rule id → `error`, `warning`, `information`, `hint` or `off`. Rules not listed keep their default ' +
      '(or what the `k8sWorkloads.rules` setting says); a rule listed here wins over the setting.\n\n' +
      '```yaml\nrules:\n  image-tag: error\n  run-as-non-root: off\n```',
  },
  {
    key: 'customResourceDefinitions',
    summary: 'Files, folders or globs of CustomResourceDefinitions to read',
    shape: 'list',
    setting: 'k8sWorkloads.customResourceDefinitions',
    markdown:
      'Files, folders or globs (relative to this file’s folder, or absolute) of CustomResourceDefinitions to read besides the ' +
      'YAML files being checked, so custom resources are checked against them. Added to the ' +
      '`k8sWorkloads.customResourceDefinitions` setting and to `--crds` on the command line.\n\n' +
      '```yaml\ncustomResourceDefinitions:\n  - crds/\n  - vendor/**/crd-*.yaml\n```',
  },
  {
    key: 'ignore',
    summary: 'Globs of files not to check',
    shape: 'list',
    markdown:
      'Files not to check, as globs relative to this file’s folder (`*` and `?` within a name, `**` across folders, `{a,b}`). ' +
      'A pattern without `/` matches a file or folder name at any depth (`*.tmpl.yaml`, `generated`); one with `/` is ' +
      'anchored to this folder (`charts/*/templates/`). A folder pattern ignores everything below it. Ignored files get ' +
      'no diagnostics in the editor and are skipped by the command line; their objects still count for other files ' +
      '(a Service there still serves a StatefulSet here).\n\n' +
      '```yaml\nignore:\n  - charts/**\n  - "*.generated.yaml"\n```',
  },
];

export const CONFIG_KEY_NAMES: readonly string[] = CONFIG_KEYS.map((k) => k.key);

export function configKeyInfo(key: string): ConfigKeyInfo | undefined {
  return CONFIG_KEYS.find((k) => k.key === key);
}

/** What each severity does, for completion and hover. */
export const SEVERITY_MEANINGS: Readonly<Record<SeveritySetting, string>> = {
  error: 'Reported as an error (red); the command line exits with 1.',
  warning: 'Reported as a warning (yellow).',
  information: 'Reported as information (blue).',
  hint: 'Shown as a hint only (dotted underline), not in the Problems view.',
  off: 'The rule does not run.',
};

/**
 * The LSP request for the Kubernetes release that applies to a document. Params
 * `{ textDocument: { uri } }`; result `{ version, projectFile? }` (projectFile: the URI of the
 * project file that sets it). The server sends the notification when a project file changed.
 */
export const KUBERNETES_VERSION_REQUEST = 'k8sWorkloads/kubernetesVersion';
export const PROJECT_CONFIG_CHANGED_NOTIFICATION = 'k8sWorkloads/projectConfigChanged';

export interface KubernetesVersionResult {
  readonly version: string;
  readonly projectFile?: string;
}
