// Value completions: a list of providers, each asked in turn for the values it knows at the
// cursor. The first ones come from the API (kinds, apiVersions, allowed values, booleans), then
// the guide's (cron presets, concurrency policies, time zones).
//
// HOOK for other features: to suggest more values (names from the workspace: Services for
// `serviceName`, volumes for `volumeMounts[].name`, Secrets for `secretKeyRef.name`…), add a
// ValueCompletionProvider to VALUE_COMPLETION_PROVIDERS below (or call
// registerValueCompletionProvider). A provider gets the document, the path of the value, the
// field's schema and the workspace index, and returns ValueSuggestions; it must be fast (no
// parsing of other files: read the WorkspaceView) and return [] when it has nothing to say.
import { valuesForKind } from './kindValues';
import type { CompletionItemKind } from 'vscode-languageserver-types';
import { guideValueCompletions, isWorkloadKind, KIND_USE_FOR, WORKLOAD_KINDS } from '../guide/index';
import type { ManifestDocument } from '../manifest/types';
import { workspaceNameValues } from './workspaceNames';
import type { DocTextEdit, ValueCompletionProvider } from './providers';

export type { DocTextEdit, ValueCompletionProvider, ValueCompletionRequest, ValueSuggestion } from './providers';
import { descriptionMarkdown, valueMeaning } from './format';

// LSP CompletionItemKind values (numbers, to keep this file free of runtime imports).
const KIND_VALUE = 12 as CompletionItemKind; // Value
const KIND_ENUM_MEMBER = 20 as CompletionItemKind; // EnumMember
const KIND_CLASS = 7 as CompletionItemKind; // Class
const KIND_MODULE = 9 as CompletionItemKind; // Module

/** The edit that makes the document's top-level `apiVersion` read `apiVersion` (none when it does). */
export function apiVersionEdit(doc: Pick<ManifestDocument, 'text'>, kindLineStart: number, apiVersion: string): DocTextEdit | undefined {
  const m = /^apiVersion:([ \t]*)([^\s#][^#\n\r]*?)?[ \t]*(?:#.*)?$/m.exec(doc.text);
  if (!m) return { start: kindLineStart, end: kindLineStart, newText: `apiVersion: ${apiVersion}\n` };
  const current = (m[2] ?? '').replace(/^["']|["']$/g, '');
  if (current === apiVersion) return undefined;
  const valueStart = m.index + 'apiVersion:'.length + m[1].length;
  if (m[2] === undefined) return { start: m.index + 'apiVersion:'.length, end: valueStart, newText: ` ${apiVersion}` };
  return { start: valueStart, end: valueStart + m[2].length, newText: apiVersion };
}

/** `kind:` — every kind we know, the five workload kinds first with the guide's "use for" line. */
export const kindValues: ValueCompletionProvider = (req) => {
  if (req.path.length !== 1 || req.path[0] !== 'kind') return [];
  const kindLine = req.doc.text.search(/^kind:/m);
  const others = req.api.knownKinds().filter((k) => !isWorkloadKind(k));
  return [...WORKLOAD_KINDS, ...others].map((kind, i) => {
    const apiVersion = req.api.apiVersionsOf(kind)[0];
    const edit = apiVersion && kindLine >= 0 ? apiVersionEdit(req.doc, kindLine, apiVersion) : undefined;
    const useFor = KIND_USE_FOR[kind];
    const description = req.api.kindDescription(kind);
    return {
      label: kind,
      value: kind,
      detail: useFor ? `${useFor} · ${apiVersion}` : apiVersion,
      documentation: [
        useFor ? `**${kind}** — use for: ${useFor.charAt(0).toLowerCase()}${useFor.slice(1)}.` : `**${kind}** (${apiVersion})`,
        description ? descriptionMarkdown(description) : '',
        edit ? `Sets \`apiVersion: ${apiVersion}\`.` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      kind: KIND_CLASS,
      sortText: String(i).padStart(3, '0'),
      additionalEdits: edit ? [edit] : undefined,
    };
  });
};

/** Workload groups first, then the other stable groups, then betas, then alphas (off by default in clusters). */
function apiVersionRank(apiVersion: string): number {
  if (apiVersion === 'apps/v1' || apiVersion === 'batch/v1' || apiVersion === 'v1') return 0;
  if (/alpha\d*$/.test(apiVersion)) return 3;
  if (/beta\d*$/.test(apiVersion)) return 2;
  return 1;
}

/** `apiVersion:` — the versions that serve the document's kind (all the release serves when there is no kind yet). */
export const apiVersionValues: ValueCompletionProvider = (req) => {
  if (req.path.length !== 1 || req.path[0] !== 'apiVersion') return [];
  const forKind = req.kind ? req.api.apiVersionsOf(req.kind) : [];
  const versions =
    forKind.length > 0
      ? forKind
      : [...req.api.knownApiVersions()].sort((a, b) => apiVersionRank(a) - apiVersionRank(b) || a.localeCompare(b));
  return versions.map((v) => {
    const kinds = req.api.kindsByApiVersion(v);
    return {
      label: v,
      value: v,
      detail: forKind.length > 0 ? `serves ${req.kind}` : `serves ${kinds.join(', ')}`,
      documentation:
        forKind.length > 0 ? `\`${v}\` is the API group and version of **${req.kind}** in Kubernetes ${req.api.version}.` : undefined,
      kind: KIND_MODULE,
    };
  });
};

/** Values the API allows for the field (the curated table), with what the description says each means. */
export const allowedValues: ValueCompletionProvider = (req) => {
  const field = req.field;
  if (!field?.allowedValues || field.shape !== 'scalar') return [];
  return (valuesForKind(req.kind, req.path, field.allowedValues) ?? []).map((v) => {
    const meaning = valueMeaning(field.description, v);
    const isDefault = field.default === v;
    return {
      label: v,
      value: v,
      detail: meaning ?? (isDefault ? 'the default' : `allowed value of ${field.name.replace(/\[\]$/, '')}`),
      documentation: meaning ? `**${v}** — ${meaning}.` : undefined,
      kind: KIND_ENUM_MEMBER,
    };
  });
};

/** `true` / `false` for boolean fields. */
export const booleanValues: ValueCompletionProvider = (req) => {
  if (req.field?.typeRef !== 'boolean') return [];
  return [true, false].map((b) => ({
    label: String(b),
    value: b,
    detail: req.field?.default === b ? 'boolean · the default' : 'boolean',
    kind: KIND_VALUE,
  }));
};

/** The guide's values: cron presets and macros, concurrency policies with its one-liners, IANA zones. */
export const guideValues: ValueCompletionProvider = (req) => {
  if (!req.kind) return [];
  const items = guideValueCompletions(req.kind, req.path, req.object() ?? {});
  return items.map((g) => ({
    label: g.label,
    value: g.label,
    insertText: g.insertText,
    detail: g.detail,
    documentation: g.documentation,
    sortText: g.sortText,
    kind: KIND_VALUE,
  }));
};

/**
 * The providers, asked in this order; items of earlier providers sort first, and a later
 * provider's item with the same label as an earlier one is dropped (the earlier one wins).
 */
export const VALUE_COMPLETION_PROVIDERS: ValueCompletionProvider[] = [
  kindValues,
  apiVersionValues,
  guideValues,
  allowedValues,
  booleanValues,
  // names of other objects from the workspace index (Services, volumes, Secrets, selector labels)
  workspaceNameValues,
];

/** Adds a provider (after the built-in ones). Returns a function that removes it again. */
export function registerValueCompletionProvider(provider: ValueCompletionProvider): () => void {
  VALUE_COMPLETION_PROVIDERS.push(provider);
  return () => {
    const i = VALUE_COMPLETION_PROVIDERS.indexOf(provider);
    if (i >= 0) VALUE_COMPLETION_PROVIDERS.splice(i, 1);
  };
}
