// Key completions: the fields of the object at the cursor that are not there yet, required ones
// first, each inserting YAML of the right shape for its type.
import { valuesForKind } from './kindValues';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FieldInfo, KubernetesApi } from '../api/kubernetesApi';
import { workspaceLabelKeys } from './workspaceNames';
import type { KeyCompletionProvider } from './providers';

export type { KeyCompletionProvider, KeyCompletionRequest, KeySuggestion } from './providers';
import type { KeyContext, Path } from './context';
import { choiceEscape, fieldMarkdown } from './format';

/**
 * HOOK: extra key providers, asked after the API's fields — e.g. the selector's labels as keys
 * of a pod template's `labels` (a map the API knows nothing about). Add to this list.
 */
export const KEY_COMPLETION_PROVIDERS: KeyCompletionProvider[] = [workspaceLabelKeys];

/** The order of the top-level keys, the way every manifest is written. */
const TOP_LEVEL_ORDER = ['apiVersion', 'kind', 'metadata', 'spec'];

/** Fields nobody writes by hand: set by the server or deprecated. Offered last. */
function isSystemField(f: FieldInfo): boolean {
  return /\bRead-only\b|Populated by the system/i.test(f.description);
}

function isDeprecated(f: FieldInfo): boolean {
  return /\bdeprecated\b/i.test(f.description.slice(0, 120));
}

export interface KeyInsertOptions {
  readonly snippets: boolean;
  /** The document puts `- ` at the column of its key (`containers:\n- name: x`) rather than indented. */
  readonly compactSequences: boolean;
  /** The first key to write in a new object (or array item) of `field`: its first required one (`name` preferred). */
  readonly firstItemKey?: (field: FieldInfo) => FieldInfo | undefined;
}

/** The text that inserts `field` as a key at the context's position. */
export function keyInsertText(field: FieldInfo, ctx: Pick<KeyContext, 'column' | 'flow' | 'hasColon'>, options: KeyInsertOptions): string {
  const name = field.name;
  if (ctx.hasColon) return name;
  const tab = (n: number, choices?: readonly string[]) =>
    !options.snippets ? '' : choices?.length ? `\${${n}|${choices.map(choiceEscape).join(',')}|}` : `$${n}`;
  const choices = field.allowedValues ?? (field.typeRef === 'boolean' ? ['true', 'false'] : undefined);
  const ordered =
    choices && field.default !== undefined && choices.includes(String(field.default))
      ? [String(field.default), ...choices.filter((c) => c !== String(field.default))]
      : choices;
  if (ctx.flow) {
    if (field.shape === 'object' || field.shape === 'map') return options.snippets ? `${name}: {$1}` : `${name}: {}`;
    if (field.shape === 'array') return options.snippets ? `${name}: [$1]` : `${name}: []`;
    return `${name}: ${tab(1, ordered)}`;
  }
  const inner = ' '.repeat(ctx.column + 2);
  if (field.shape === 'object') {
    const first = options.firstItemKey?.(field);
    if (first && first.shape === 'scalar') return `${name}:\n${inner}${first.name}: ${tab(1, first.allowedValues)}`;
  }
  if (field.shape === 'object' || field.shape === 'map') return `${name}:\n${inner}${tab(0)}`;
  if (field.shape === 'array') {
    const dash = ' '.repeat(options.compactSequences ? ctx.column : ctx.column + 2);
    if (field.itemShape === 'object') {
      const first = options.firstItemKey?.(field);
      if (first && first.shape === 'scalar') return `${name}:\n${dash}- ${first.name}: ${tab(1, first.allowedValues)}`;
    }
    return `${name}:\n${dash}- ${tab(1, field.allowedValues)}`;
  }
  return `${name}: ${tab(1, ordered)}`;
}

const ALNUM = /^[A-Za-z0-9]*$/;

/**
 * `a.localeCompare(b)`'s order, without ICU's collator for names of ASCII letters and digits (every
 * built-in field name): the first localeCompare in a process loads the collation data, ~80 ms
 * that the first completion request paid. Letters compare ignoring case, digits before letters,
 * then the first difference in case puts lower case first — as the root collation does.
 */
export function compareNames(a: string, b: string): number {
  if (!ALNUM.test(a) || !ALNUM.test(b)) return a.localeCompare(b);
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === la[i] ? -1 : 1;
  return 0;
}

/** The fields of the object at `path` that can still be added, in the order to show them. */
export function candidateFields(
  api: KubernetesApi,
  apiVersion: string,
  kind: string,
  path: Path,
  existing: readonly string[],
): { field: FieldInfo; group: number }[] {
  const present = new Set(existing);
  const fields = api.childFields(apiVersion, kind, path).filter((f) => !present.has(f.name));
  return fields
    .filter((f) => !(path.length === 0 && f.name === 'status'))
    .map((f) => {
      const allowed = valuesForKind(kind, [...path, f.name], f.allowedValues);
      return allowed === f.allowedValues ? f : { ...f, allowedValues: allowed };
    })
    .map((f) => {
      let group = f.required ? 1 : 2;
      if (path.length === 0 && TOP_LEVEL_ORDER.includes(f.name)) group = 0;
      else if (isSystemField(f) || isDeprecated(f)) group = 3;
      return { field: f, group };
    })
    .sort((a, b) => a.group - b.group || topOrder(a.field.name) - topOrder(b.field.name) || compareNames(a.field.name, b.field.name));
}

function topOrder(name: string): number {
  const i = TOP_LEVEL_ORDER.indexOf(name);
  return i < 0 ? TOP_LEVEL_ORDER.length : i;
}

/** Completion items for the fields (the range and text edit are set by the caller). */
export function keyItems(
  candidates: readonly { field: FieldInfo; group: number }[],
  ctx: KeyContext,
  options: KeyInsertOptions,
): (CompletionItem & { insertText: string })[] {
  return candidates.map(({ field, group }, i) => {
    const insertText = keyInsertText(field, ctx, options);
    return {
      label: field.name,
      kind: 10, // Property
      detail: field.required ? `${field.type} · required` : field.type,
      documentation: { kind: 'markdown', value: fieldMarkdown(field) },
      sortText: `${group}${String(i).padStart(4, '0')}`,
      insertText,
      insertTextFormat: options.snippets ? 2 : 1,
      ...(insertText.includes('\n') ? { insertTextMode: 1 as const } : {}),
      ...(isDeprecated(field) ? { tags: [1 as const] } : {}),
    };
  });
}
