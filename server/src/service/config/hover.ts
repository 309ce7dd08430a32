// Hover in a project file: what a key does (and which VS Code setting it overrides), what a rule
// catches and its default, what a severity does, which release a version checks against.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { DEFAULT_KUBERNETES_VERSION, isKubernetesVersion } from '../api/versions';
import { RULES } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';
import { CONFIG_FILE_NAME, configKeyInfo, SEVERITY_MEANINGS } from './schema';

export interface ConfigHoverOptions {
  /** Link to a rule's documentation. */
  readonly docsUri?: (ruleId: string) => string;
}

function contains(node: Node | null | undefined, offset: number): node is Node {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

function hover(document: TextDocument, node: Node, value: string): Hover {
  const [start, end] = node.range!;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}

const writtenText = (text: string, node: Node) => text.slice(node.range![0], node.range![1]).replace(/^(['"])(.*)\1$/s, '$2');

export function hoverProjectConfig(document: TextDocument, position: Position, options: ConfigHoverOptions = {}): Hover | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  let root: unknown;
  try {
    root = parseDocument(text, { prettyErrors: false }).contents;
  } catch {
    return null;
  }
  if (!isMap(root)) return null;
  for (const pair of root.items as Pair<Node | null, Node | null>[]) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const name = String(key.value);
    const info = configKeyInfo(name);
    if (contains(key, offset)) {
      if (!info) return null;
      const setting = info.setting
        ? `\n\nOverrides the VS Code setting \`${info.setting}\` for the files below this ${CONFIG_FILE_NAME}.`
        : '';
      return hover(document, key, `**${name}** — ${info.summary}.\n\n${info.markdown}${setting}`);
    }
    const value = pair.value;
    if (name === 'kubernetesVersion' && isScalar(value) && contains(value, offset)) {
      const v = writtenText(text, value);
      if (!isKubernetesVersion(v)) return null;
      return hover(
        document,
        value,
        `Kubernetes **${v}**${v === DEFAULT_KUBERNETES_VERSION ? ' (the default)' : ''}: fields, kinds and apiVersions are checked against the API of this release.`,
      );
    }
    if (name === 'rules' && isMap(value)) {
      for (const rulePair of value.items as Pair<Node | null, Node | null>[]) {
        const id = isScalar(rulePair.key) ? String(rulePair.key.value) : undefined;
        const rule = RULES.find((r) => r.meta.id === id);
        if (!rule) continue;
        const docs = options.docsUri ? `\n\n[Documentation](${options.docsUri(rule.meta.id)})` : '';
        if (contains(rulePair.key, offset))
          return hover(
            document,
            rulePair.key,
            `**${rule.meta.name}** (\`${rule.meta.id}\`, default \`${rule.meta.severity}\`)\n\n${rule.meta.description}${docs}`,
          );
        const sev = rulePair.value;
        if (isScalar(sev) && contains(sev, offset)) {
          const word = writtenText(text, sev);
          const meaning = SEVERITY_MEANINGS[word as SeveritySetting];
          if (!meaning || !Object.prototype.hasOwnProperty.call(SEVERITY_MEANINGS, word)) return null;
          const standard =
            word === rule.meta.severity ? ' This is the rule’s default.' : ` The rule’s default is \`${rule.meta.severity}\`.`;
          return hover(document, sev, `\`${word}\` for \`${rule.meta.id}\`: ${meaning}${standard}`);
        }
      }
    }
  }
  return null;
}
