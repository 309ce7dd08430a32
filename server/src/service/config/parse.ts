// Reads a project file's text into the configuration it sets and the problems of the file itself:
// YAML syntax, unknown keys (with "did you mean"), unknown rule ids, bad severities, unknown
// Kubernetes releases, values of the wrong type — each with the exact range of the culprit. The
// valid part always applies, so a typo in one entry never drops the rest of the file. Never throws.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { isKubernetesVersion, KUBERNETES_VERSIONS, type KubernetesVersion } from '../api/versions';
import { RULES } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';
import { closest, SEVERITY_SETTINGS } from '../ruleSettings';
import { SOURCE } from '../validation';
import { CONFIG_FILE_NAME, CONFIG_KEY_NAMES, type ProjectConfig } from './schema';

/** What can be wrong in a project file: the diagnostic `code` of each problem. */
export type ConfigProblemCode =
  | 'config-yaml-syntax'
  | 'config-unknown-key'
  | 'config-unknown-rule'
  | 'config-invalid-severity'
  | 'config-invalid-version'
  | 'config-wrong-type';

export interface ConfigProblem {
  readonly code: ConfigProblemCode;
  /** Offsets in the file's text. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** The word the culprit most likely misspells: the quick fix writes it. */
  readonly replacement?: string;
}

export interface ParsedConfig {
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

const RULE_IDS = RULES.map((r) => r.meta.id);
const listOf = (words: readonly string[]) => `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/** The text of a scalar as written (`1.30` stays "1.30", where YAML reads the number 1.3). */
function written(text: string, node: Node): string {
  const [start, end] = node.range ?? [0, 0];
  const raw = text.slice(start, end).trim();
  const quoted = /^(['"])(.*)\1$/s.exec(raw);
  return quoted ? quoted[2] : raw;
}

function rangeOf(node: Node | null | undefined, fallback: readonly [number, number]): [number, number] {
  if (node?.range) {
    const [start, end] = node.range;
    if (end > start) return [start, end];
  }
  return [fallback[0], fallback[1]];
}

const describe = (node: Node | null | undefined): string =>
  node === null || node === undefined || (isScalar(node) && node.value === null)
    ? 'nothing'
    : isMap(node)
      ? 'a mapping'
      : isSeq(node)
        ? 'a list'
        : isScalar(node)
          ? typeof node.value === 'string'
            ? 'a string'
            : typeof node.value === 'number'
              ? 'a number'
              : typeof node.value === 'boolean'
                ? 'a boolean'
                : 'a value'
          : 'a value';

/** Parses the text of a `.k8s-workloads.yaml`. */
export function parseProjectConfig(text: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return {
      config: {},
      problems: [{ code: 'config-yaml-syntax', start: 0, end: Math.min(text.length, 1), message: `Cannot read the file: ${String(err)}` }],
    };
  }
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    problems.push({ code: 'config-yaml-syntax', start, end: Math.max(end, start + 1), message: e.message.split('\n')[0] });
  }
  const config: {
    kubernetesVersion?: KubernetesVersion;
    rules?: Record<string, SeveritySetting>;
    customResourceDefinitions?: string[];
    ignore?: string[];
  } = {};
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    const [start, end] = rangeOf(root, [0, text.length]);
    problems.push({
      code: 'config-wrong-type',
      start,
      end,
      message: `${CONFIG_FILE_NAME} must be a mapping of ${listOf(CONFIG_KEY_NAMES)}; it holds ${describe(root)}.`,
    });
    return { config, problems };
  }
  for (const pair of root.items as Pair<Node | null, Node | null>[]) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) continue; // a complex key: a syntax error of its own, or nonsense the YAML parser reported
    const key = String(keyNode.value);
    const [ks, ke] = rangeOf(keyNode, [0, 0]);
    const value = pair.value;
    const valueRange = rangeOf(value, [ks, ke]);
    switch (key) {
      case 'kubernetesVersion': {
        if (!isScalar(value) || value.value === null || typeof value.value === 'boolean') {
          problems.push({
            code: 'config-wrong-type',
            start: valueRange[0],
            end: valueRange[1],
            message: `kubernetesVersion must be a Kubernetes release like "${KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]}"; it is ${describe(value)}.`,
          });
          break;
        }
        const v = written(text, value);
        if (isKubernetesVersion(v)) config.kubernetesVersion = v;
        else {
          problems.push({
            code: 'config-invalid-version',
            start: valueRange[0],
            end: valueRange[1],
            message: `Kubernetes "${v}" is not a release this extension knows: use ${listOf(KUBERNETES_VERSIONS)}.`,
          });
        }
        break;
      }
      case 'rules': {
        if (value === null || (isScalar(value) && value.value === null)) break; // `rules:` alone: nothing set yet
        if (!isMap(value)) {
          problems.push({
            code: 'config-wrong-type',
            start: valueRange[0],
            end: valueRange[1],
            message: `rules must be a mapping of rule ids to severities, like "image-tag: off"; it is ${describe(value)}.`,
          });
          break;
        }
        const rules: Record<string, SeveritySetting> = {};
        for (const rulePair of value.items as Pair<Node | null, Node | null>[]) {
          if (!isScalar(rulePair.key)) continue;
          const id = String(rulePair.key.value);
          const [rs, re] = rangeOf(rulePair.key, [0, 0]);
          if (!RULE_IDS.includes(id)) {
            const near = closest(id, RULE_IDS);
            problems.push({
              code: 'config-unknown-rule',
              start: rs,
              end: re,
              message: `Unknown rule "${id}"${near ? ` — did you mean "${near}"?` : '.'} It is ignored.`,
              ...(near ? { replacement: near } : {}),
            });
            continue;
          }
          const sev = rulePair.value;
          const [ss, se] = rangeOf(sev, [rs, re]);
          const word = isScalar(sev) && sev.value !== null ? written(text, sev) : undefined;
          if (word !== undefined && (SEVERITY_SETTINGS as readonly string[]).includes(word)) {
            rules[id] = word as SeveritySetting;
            continue;
          }
          const near = word !== undefined ? closest(word.toLowerCase(), SEVERITY_SETTINGS) : undefined;
          problems.push({
            code: 'config-invalid-severity',
            start: ss,
            end: se,
            message:
              word === undefined
                ? `"${id}" needs a severity: ${listOf(SEVERITY_SETTINGS)}. The rule keeps its default.`
                : `"${word}" is not a severity: use ${listOf(SEVERITY_SETTINGS)}${near ? ` (did you mean "${near}"?)` : ''}. The rule keeps its default.`,
            ...(near ? { replacement: near } : {}),
          });
        }
        config.rules = rules;
        break;
      }
      case 'customResourceDefinitions':
      case 'ignore': {
        if (value === null || (isScalar(value) && value.value === null)) break;
        const what = key === 'ignore' ? 'globs of files not to check' : 'files, folders or globs of CustomResourceDefinitions';
        if (!isSeq(value)) {
          const example = key === 'ignore' ? '"- charts/**"' : '"- crds/"';
          problems.push({
            code: 'config-wrong-type',
            start: valueRange[0],
            end: valueRange[1],
            message: `${key} must be a list of ${what}, one "- " item a line like ${example}; it is ${describe(value)}.`,
          });
          break;
        }
        const items: string[] = [];
        for (const item of value.items as (Node | null)[]) {
          let [is, ie] = rangeOf(item, valueRange);
          if (isScalar(item) && item.value === null && item.range) {
            // an empty item: its dash
            const dash = text.lastIndexOf('-', item.range[0]);
            if (dash >= valueRange[0]) [is, ie] = [dash, dash + 1];
          }
          const s = isScalar(item) && item.value !== null && typeof item.value !== 'boolean' ? written(text, item).trim() : '';
          if (!s) {
            problems.push({
              code: 'config-wrong-type',
              start: is,
              end: ie,
              message: `Each item of ${key} must be a path or glob; this one is ${describe(item)}.`,
            });
            continue;
          }
          if (key === 'ignore' && s.startsWith('!')) {
            problems.push({
              code: 'config-wrong-type',
              start: is,
              end: ie,
              message: 'Patterns starting with "!" (exceptions) are not supported: list only what to ignore.',
            });
            continue;
          }
          items.push(s);
        }
        config[key] = items;
        break;
      }
      default: {
        const near = closest(key, CONFIG_KEY_NAMES);
        problems.push({
          code: 'config-unknown-key',
          start: ks,
          end: ke,
          message: `Unknown key "${key}"${near ? ` — did you mean "${near}"?` : '.'} The keys are ${listOf(CONFIG_KEY_NAMES)}.`,
          ...(near ? { replacement: near } : {}),
        });
      }
    }
  }
  // what a syntax error broke is reported once, as the syntax error
  const syntax = problems.filter((p) => p.code === 'config-yaml-syntax');
  const kept = problems.filter((p) => p.code === 'config-yaml-syntax' || !syntax.some((e) => e.start >= p.start && e.start <= p.end));
  return { config, problems: kept };
}

/** The problems of a project file as LSP diagnostics (errors: each entry named is ignored). */
export function configDiagnostics(document: TextDocument, problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    range: { start: document.positionAt(p.start), end: document.positionAt(p.end) },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: p.code,
    message: p.message,
    ...(p.replacement ? { data: { replacement: p.replacement } } : {}),
  }));
}

/** Problems as `file:line:col: message` lines, for the command line. */
export function formatConfigProblems(file: string, text: string, problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => {
    const before = text.slice(0, p.start);
    const line = before.split('\n').length;
    const col = p.start - (before.lastIndexOf('\n') + 1) + 1;
    return `${file}:${line}:${col}: ${p.message} (${p.code})`;
  });
}
