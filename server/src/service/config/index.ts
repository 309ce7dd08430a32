// The project file `.k8s-workloads.yaml` (see schema.ts): reading it, helping write it, and how
// what it sets combines with the editor's settings.
//
// Precedence, the same in the editor and on the command line:
//   command-line flags (for that run) > the project file > VS Code settings > each rule's default.
// `rules` combine per rule id (the file's entry wins for the rules it names, a setting applies to
// the others); `customResourceDefinitions` add up; `ignore` exists only in the file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { KubernetesVersion } from '../api/versions';
import type { SeveritySetting } from '../rules/types';
import { SOURCE } from '../validation';
import type { ProjectConfig } from './schema';

export {
  CONFIG_FILE_NAME,
  CONFIG_KEYS,
  isProjectConfigUri,
  KUBERNETES_VERSION_REQUEST,
  PROJECT_CONFIG_CHANGED_NOTIFICATION,
  type KubernetesVersionResult,
  type ProjectConfig,
} from './schema';
export { configDiagnostics, formatConfigProblems, parseProjectConfig, type ConfigProblem, type ParsedConfig } from './parse';
export { completeProjectConfig, type ConfigCompletionOptions } from './complete';
export { hoverProjectConfig, type ConfigHoverOptions } from './hover';
export { ignoreMatcher, type IgnoreMatcher } from './glob';

/** The settings that a project file can set, as the editor's settings hold them. */
export interface ConfigurableSettings {
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly kubernetesVersion?: string;
}

/** The settings with what the project file sets laid over them (the file wins). */
export function withProjectConfig<T extends ConfigurableSettings>(settings: T, config: ProjectConfig | undefined): T {
  if (!config) return settings;
  return {
    ...settings,
    rules: { ...settings.rules, ...config.rules },
    ...(config.kubernetesVersion ? { kubernetesVersion: config.kubernetesVersion as KubernetesVersion } : {}),
  };
}

/** Quick fixes for a project file's diagnostics that know the word meant ("did you mean"). */
export function configCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    if (d.source !== SOURCE || typeof replacement !== 'string' || !String(d.code ?? '').startsWith('config-')) continue;
    actions.push({
      title: `Change to "${replacement}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: d.range, newText: replacement }] } },
    });
  }
  return actions;
}
