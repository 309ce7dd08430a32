// Completion in a project file, from the text around the cursor (the file is being typed, so it
// need not parse): the top-level keys not written yet, rule ids under `rules:` (with what each
// rule catches), severities after a rule id, Kubernetes releases after `kubernetesVersion:`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../api/versions';
import { RULES } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';
import { SEVERITY_SETTINGS } from '../ruleSettings';
import { CONFIG_KEYS, configKeyInfo, SEVERITY_MEANINGS } from './schema';

export interface ConfigCompletionOptions {
  readonly snippetSupport?: boolean;
  /** A client command that opens the suggestions again, so a key's values show once it is inserted. */
  readonly triggerSuggestCommand?: string;
  /** Link to a rule's documentation. */
  readonly docsUri?: (ruleId: string) => string;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const KEY_LINE = /^(\s*)([A-Za-z0-9_.-]+)\s*:(?:\s|$)/;

interface Line {
  readonly text: string;
  readonly indent: number;
  /** The key the line starts with, if any. */
  readonly key?: string;
}

function lineInfo(text: string): Line {
  const indent = text.length - text.trimStart().length;
  const m = KEY_LINE.exec(text);
  return { text, indent, key: m?.[2] };
}

const blank = (l: Line) => l.text.trim() === '' || l.text.trimStart().startsWith('#');

/** The top-level key whose block holds line `n` (indented below it), if any. */
function parentKey(lines: readonly Line[], n: number, indent: number): string | undefined {
  for (let i = n - 1; i >= 0; i--) {
    const l = lines[i];
    if (blank(l)) continue;
    // the first line less indented is the parent; a top-level one names the block
    if (l.indent < indent) return l.indent === 0 ? l.key : undefined;
  }
  return undefined;
}

/** Keys already written at one level: the top level, or the block of `under`. */
function keysWritten(lines: readonly Line[], under: string | undefined, except: number): Set<string> {
  const out = new Set<string>();
  let inside = under === undefined;
  lines.forEach((l, i) => {
    if (blank(l)) return;
    if (l.indent === 0) {
      inside = under === undefined;
      if (under === undefined && l.key && i !== except) out.add(l.key);
      if (under !== undefined && l.key === under) inside = true;
      return;
    }
    if (inside && under !== undefined && l.key && i !== except) out.add(l.key);
  });
  return out;
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

export function completeProjectConfig(document: TextDocument, position: Position, options: ConfigCompletionOptions = {}): CompletionList {
  const lines = document.getText().split(/\r?\n/).map(lineInfo);
  const current = lines[position.line];
  if (!current) return EMPTY;
  const before = current.text.slice(0, position.character);
  if (before.includes('#')) return EMPTY; // in a comment
  const indent = current.indent;
  const reopen = options.triggerSuggestCommand ? { command: { title: 'Suggest values', command: options.triggerSuggestCommand } } : {};
  const valueMatch = /^(\s*)([A-Za-z0-9_.-]+)\s*:\s*(['"]?)([^'"\s]*)$/.exec(before);
  if (valueMatch) {
    // after `key:` — the value
    const key = valueMatch[2];
    const typed = valueMatch[3] + valueMatch[4];
    const start = position.character - typed.length;
    const after = current.text.slice(position.character);
    const endOfWord = position.character + (/^[^\s#]*/.exec(after)?.[0].length ?? 0);
    const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: endOfWord } };
    if (indent === 0 && key === 'kubernetesVersion') {
      return {
        isIncomplete: false,
        items: [...KUBERNETES_VERSIONS].reverse().map((v, i) => ({
          label: v,
          kind: CompletionItemKind.Value,
          detail: v === DEFAULT_KUBERNETES_VERSION ? 'the default' : undefined,
          documentation: markdown(`Check fields, kinds and apiVersions against Kubernetes ${v}.`),
          sortText: String(i).padStart(2, '0'),
          // quoted: unquoted, YAML would read 1.30 as the number 1.3
          textEdit: { range, newText: `"${v}"` },
          filterText: `"${v}"`,
        })),
      };
    }
    const parent = indent > 0 ? parentKey(lines, position.line, indent) : undefined;
    if (parent === 'rules') {
      const rule = RULES.find((r) => r.meta.id === key);
      return {
        isIncomplete: false,
        items: SEVERITY_SETTINGS.map((s: SeveritySetting, i) => ({
          label: s,
          kind: CompletionItemKind.EnumMember,
          detail: rule && rule.meta.severity === s ? 'the rule’s default' : undefined,
          documentation: markdown(SEVERITY_MEANINGS[s]),
          sortText: String(i),
          textEdit: { range, newText: s },
        })),
      };
    }
    return EMPTY;
  }
  // a key (or the start of one) at the cursor
  if (!/^\s*[A-Za-z0-9_.-]*$/.test(before)) return EMPTY;
  const start = indent;
  const after = current.text.slice(position.character);
  const rest = /^[A-Za-z0-9_.-]*/.exec(after)?.[0].length ?? 0;
  const range: Range = {
    start: { line: position.line, character: Math.min(start, position.character) },
    end: { line: position.line, character: position.character + rest },
  };
  // the key is being (re)typed: whatever follows its colon stays
  const hasColon = /^[A-Za-z0-9_.-]*\s*:/.test(after);
  if (indent === 0) {
    const written = keysWritten(lines, undefined, position.line);
    return {
      isIncomplete: false,
      items: CONFIG_KEYS.filter((k) => !written.has(k.key)).map((k, i): CompletionItem => {
        const info = configKeyInfo(k.key)!;
        let newText: string = k.key;
        let format: InsertTextFormat = InsertTextFormat.PlainText;
        let command = {};
        if (!hasColon) {
          if (info.shape === 'scalar') {
            newText = `${k.key}: `;
            command = reopen;
          } else if (options.snippetSupport) {
            newText = info.shape === 'map' ? `${k.key}:\n  $0` : `${k.key}:\n  - $0`;
            format = InsertTextFormat.Snippet;
            if (info.shape === 'map') command = reopen;
          } else newText = `${k.key}:`;
        }
        return {
          label: k.key,
          kind: CompletionItemKind.Property,
          detail: info.summary,
          documentation: markdown(info.markdown),
          sortText: String(i),
          insertTextFormat: format,
          textEdit: { range, newText },
          ...command,
        };
      }),
    };
  }
  if (parentKey(lines, position.line, indent) !== 'rules') return EMPTY;
  const written = keysWritten(lines, 'rules', position.line);
  return {
    isIncomplete: false,
    items: [...RULES]
      .filter((r) => !written.has(r.meta.id))
      .sort((a, b) => a.meta.id.localeCompare(b.meta.id))
      .map((r) => {
        const docs = options.docsUri ? `\n\n[Documentation](${options.docsUri(r.meta.id)})` : '';
        return {
          label: r.meta.id,
          kind: CompletionItemKind.Property,
          detail: `${r.meta.name} (default ${r.meta.severity})`,
          documentation: markdown(`**${r.meta.name}** — default \`${r.meta.severity}\`.\n\n${r.meta.description}${docs}`),
          textEdit: { range, newText: hasColon ? r.meta.id : `${r.meta.id}: ` },
          ...(hasColon ? {} : reopen),
        };
      }),
  };
}
