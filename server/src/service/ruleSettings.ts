// The `k8sWorkloads.rules` setting: its JSON schema (contributed in package.json, generated from the
// rule registry by scripts/generate-settings-schema.ts) and the validation the server applies to
// whatever the user wrote, so a typo gives one clear message instead of a crash or silence.
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from './api/versions';
import type { AnyRule, SeveritySetting } from './rules/types';
import { editDistance } from './text/distance';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
export const RULES_SETTING = 'k8sWorkloads.rules';

/** The configuration property for `k8sWorkloads.rules`: one enum-valued property per rule id. */
export function rulesSettingSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const r of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    properties[r.meta.id] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      default: r.meta.severity,
      markdownDescription: `**${r.meta.name}** (default \`${r.meta.severity}\`). ${r.meta.description}`,
    };
  }
  return {
    // The server reads one configuration for all documents (no per-folder settings yet).
    scope: 'window',
    type: 'object',
    default: {},
    markdownDescription:
      'Severity of each rule — `error`, `warning`, `information`, `hint` — or `off`. Rules not listed keep their default. ' +
      'The rules are described in the extension’s `docs/rules.md`; in a file, `# k8s-workloads-disable-next-line <rule-id>` silences one line. ' +
      'A project file `.k8s-workloads.yaml` (shared with the CLI) overrides this for the rules it names.',
    properties,
    additionalProperties: false,
  };
}

export interface RuleSettingsResult {
  /** The valid entries only. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** One line per problem, for the user (empty when everything is valid). */
  readonly problems: readonly string[];
}

/** The candidate a word most likely misspells (a unique prefix, or a close edit), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const prefixed = word.length >= 3 ? candidates.filter((c) => c.startsWith(word)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Keeps the valid entries of a `k8sWorkloads.rules` value and describes the rest. Never throws. */
export function validateRuleSettings(value: unknown, rules: readonly AnyRule[]): RuleSettingsResult {
  if (value === undefined || value === null) return { rules: {}, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      rules: {},
      problems: [`${RULES_SETTING} must be an object of rule ids to severities, like { "job-deadline": "off" }; it is ignored.`],
    };
  }
  const ids = rules.map((r) => r.meta.id);
  const valid: Record<string, SeveritySetting> = {};
  const problems: string[] = [];
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!ids.includes(id)) {
      const near = closest(id, ids);
      problems.push(`${RULES_SETTING}: unknown rule "${id}"${near ? ` — did you mean "${near}"?` : ''}; it is ignored.`);
      continue;
    }
    if (typeof severity !== 'string' || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
      const near = typeof severity === 'string' ? closest(severity.toLowerCase(), SEVERITY_SETTINGS) : undefined;
      problems.push(
        `${RULES_SETTING}: "${id}" is set to ${JSON.stringify(severity)}; use one of ${SEVERITY_SETTINGS.join(', ')}` +
          `${near ? ` (did you mean "${near}"?)` : ''}. The rule keeps its default.`,
      );
      continue;
    }
    valid[id] = severity as SeveritySetting;
  }
  return { rules: valid, problems };
}

export const KUBERNETES_VERSION_SETTING = 'k8sWorkloads.kubernetesVersion';

/** The `k8sWorkloads.kubernetesVersion` schema for package.json: the releases of the API data. */
export function kubernetesVersionSettingSchema(): Record<string, unknown> {
  return {
    scope: 'window',
    type: 'string',
    enum: [...KUBERNETES_VERSIONS],
    default: DEFAULT_KUBERNETES_VERSION,
    markdownDescription:
      'The Kubernetes release your manifests are deployed to. Fields, kinds and apiVersions are checked against that release: one it does not serve is reported with the release that adds or removed it. Also shown (and picked) in the status bar for Kubernetes YAML. ' +
      'A project file `.k8s-workloads.yaml` with `kubernetesVersion` overrides this for the files below it.',
  };
}
