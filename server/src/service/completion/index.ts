// Completion: keys valid at the cursor, values (API, guide, and any registered provider), and
// whole-manifest skeletons in an empty document. Works on the cursor's document only, from its
// text while it is being typed (see context.ts): no re-parse of the file, no schema validation.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { crdKeyCompletions, crdValueCompletions } from '../crd/describe';
import { schemaAt } from '../crd/fields';
import { crdMatchOf } from '../crd/resource';
import { yamlString } from '../text/yamlScalar';
import { listItemAt } from '../manifest/parse';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import type { FieldInfo, KubernetesApi } from '../api/kubernetesApi';
import type { WorkspaceView } from '../workspace/types';
import { cursorContext, headerFromText, type CursorContext, type KeyContext, type Path, type ValueContext } from './context';
import { snippetEscape, yamlScalar } from './format';
import { candidateFields, KEY_COMPLETION_PROVIDERS, keyItems, type KeyCompletionRequest } from './keys';
import { expandDefaults, loadSkeletons } from './skeletons';
import { VALUE_COMPLETION_PROVIDERS, type DocTextEdit, type ValueCompletionRequest } from './values';

// The hooks other features extend (workspace names, label keys…): see values.ts and keys.ts.
export {
  registerValueCompletionProvider,
  VALUE_COMPLETION_PROVIDERS,
  type ValueCompletionProvider,
  type ValueCompletionRequest,
  type ValueSuggestion,
} from './values';
export { KEY_COMPLETION_PROVIDERS, type KeyCompletionProvider, type KeyCompletionRequest, type KeySuggestion } from './keys';

export interface CompletionOptions {
  /** The client accepts snippets (`textDocument.completion.completionItem.snippetSupport`). */
  readonly snippetSupport?: boolean;
  /** The character that triggered the request, when the client says so. */
  readonly triggerCharacter?: string;
  /**
   * A client command that opens the suggestions again (VS Code: `editor.action.triggerSuggest`).
   * When set, a key whose value has suggestions (kinds, cron presets, names from the workspace…)
   * carries it, so the values show up as soon as the key is inserted. Leave unset for clients
   * that do not have such a command.
   */
  readonly triggerSuggestCommand?: string;
}

/** The characters after which the server offers completions on its own (`kind: ` → the kinds). */
export const COMPLETION_TRIGGER_CHARACTERS = [' '];

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** The document of `file` that contains `offset` (the last one starting at or before it). */
export function documentAt(file: ManifestFile, offset: number): ManifestDocument | undefined {
  const docs = file.documents;
  let lo = 0;
  let hi = docs.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return docs[lo];
}

/** The document's kind and apiVersion, and the apiVersion to read its schema with. */
export function documentHeader(doc: ManifestDocument, api: KubernetesApi): { kind?: string; apiVersion?: string; schemaVersion?: string } {
  // An item of a `kind: List` has its own kind and apiVersion, in its value (the text is the List's).
  const h = doc.object ?? (doc.basePath ? headerOfValue(doc.value) : headerFromText(doc.text));
  const kind = h.kind;
  if (!kind) return { apiVersion: h.apiVersion };
  // A missing or wrong apiVersion should not stop completion: read the kind's own schema.
  const schemaVersion = h.apiVersion && api.isKnownObject(h.apiVersion, kind) ? h.apiVersion : api.apiVersionsOf(kind)[0];
  return { kind, apiVersion: h.apiVersion, schemaVersion };
}

/** The kind and apiVersion a value has so far (either may be missing while it is typed). */
function headerOfValue(value: unknown): { kind?: string; apiVersion?: string } {
  if (!value || typeof value !== 'object') return {};
  const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
  return { kind: typeof kind === 'string' ? kind : undefined, apiVersion: typeof apiVersion === 'string' ? apiVersion : undefined };
}

/**
 * Inside an item of a `kind: List`: the item as the document completion and hover work on (its own
 * kind and apiVersion, its own schema) and the cursor's context with paths inside the item.
 */
function inListItem(doc: ManifestDocument, ctx: CursorContext): { doc: ManifestDocument; ctx: CursorContext } | undefined {
  if (ctx.mode === 'empty') return undefined;
  const item = listItemAt(doc, documentObject(doc), ctx.path);
  if (!item) return undefined;
  const inside = (p: Path | undefined): Path | undefined =>
    p && p.length >= 2 && p[0] === ctx.path[0] && p[1] === ctx.path[1] ? p.slice(2) : undefined;
  if (ctx.mode === 'value') return { doc: item.doc, ctx: { ...ctx, path: [...item.path] } };
  const cont = ctx.itemContinuation;
  const contPath = cont && inside(cont.path);
  return {
    doc: item.doc,
    ctx: {
      ...ctx,
      path: [...item.path],
      itemPath: inside(ctx.itemPath),
      itemContinuation: cont && contPath ? { ...cont, path: contPath } : undefined,
    },
  };
}

/** The document as plain JS, also while it has errors (whatever the parser made of it). */
export function documentObject(doc: ManifestDocument): Record<string, unknown> | undefined {
  let v = doc.value;
  if (v === undefined) {
    // whatever the parser made of it; a broken document's odd keys must not print warnings
    const options = doc.yaml.options;
    const logLevel = options.logLevel;
    try {
      options.logLevel = 'silent';
      v = doc.yaml.toJS({ maxAliasCount: 100 });
    } catch {
      v = undefined;
    } finally {
      options.logLevel = logLevel;
    }
  }
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function doComplete(
  file: ManifestFile,
  document: Pick<TextDocument, 'offsetAt' | 'positionAt'>,
  position: Position,
  workspace: WorkspaceView,
  api: KubernetesApi,
  options: CompletionOptions = {},
): CompletionList {
  if (file.skippedReason || file.isTemplate) return EMPTY;
  const offset = document.offsetAt(position);
  const fileDoc = documentAt(file, offset);
  if (!fileDoc) return EMPTY;
  const rel = offset - fileDoc.offset;
  if (
    options.triggerCharacter === ' ' &&
    !/(:|^\s*-|[{,[])\s$/.test(
      fileDoc.text
        .slice(Math.max(0, rel - 200), rel)
        .split('\n')
        .pop() ?? '',
    )
  )
    return EMPTY;
  const whole = cursorContext(fileDoc, rel);
  if (!whole) return EMPTY;
  // Inside an item of a `kind: List`: the item's own kind and schema, not the List's.
  const item = inListItem(fileDoc, whole);
  const ctx = item?.ctx ?? whole;
  const doc = item?.doc ?? fileDoc;
  const toRange = (start: number, end: number): Range => ({
    start: document.positionAt(doc.offset + start),
    end: document.positionAt(doc.offset + end),
  });
  const snippets = !!options.snippetSupport;
  const header = documentHeader(doc, api);
  let objectCache: { v: Record<string, unknown> | undefined } | undefined;
  const object = () => (objectCache ??= { v: documentObject(doc) }).v;
  const env: Env = { file, doc, header, object, workspace, api, toRange, snippets, triggerSuggestCommand: options.triggerSuggestCommand };

  const custom = customResourceItems(ctx, env);
  if (custom) return { isIncomplete: false, items: custom };

  switch (ctx.mode) {
    case 'empty':
      return { isIncomplete: false, items: [...skeletonItems(ctx, env), ...genericTopLevelKeys(ctx, env, [])] };
    case 'value':
      return { isIncomplete: false, items: valueItems(ctx, env) };
    case 'key': {
      if (ctx.itemPath && header.kind && header.schemaVersion) {
        const item = api.resolveField(header.schemaVersion, header.kind, ctx.itemPath);
        if (item && item.shape !== 'object') {
          const asValue: ValueContext = { ...ctx, mode: 'value', path: ctx.itemPath, needsSpace: false, quoted: false };
          return { isIncomplete: false, items: valueItems(asValue, env) };
        }
      }
      const cont = ctx.itemContinuation;
      if (cont) {
        // the item's own keys first, written at its content column; then, where the cursor's column
        // is a valid place for a key of the enclosing mapping (a sequence written without
        // indentation), that mapping's keys
        const itemCtx: KeyContext = {
          ...ctx,
          path: cont.path,
          existingKeys: cont.existingKeys,
          column: cont.column,
          itemContinuation: undefined,
        };
        const items = keyCompletionItems(itemCtx, env, ' '.repeat(cont.indent));
        const own = ownMappingIsValid(ctx, env) ? keyCompletionItems(ctx, env) : [];
        const labels = new Set(items.map((i) => i.label));
        for (const i of own) if (!labels.has(i.label)) items.push({ ...i, sortText: `9${i.sortText ?? ''}` });
        return { isIncomplete: false, items };
      }
      return { isIncomplete: false, items: keyCompletionItems(ctx, env) };
    }
  }
}

/**
 * Keys and values of a custom resource from its CRD (undefined for anything else): the fields not
 * written yet, required first, with their hover as documentation; the enum values.
 */
function customResourceItems(ctx: CursorContext, env: Env): CompletionItem[] | undefined {
  if (ctx.mode === 'empty') return undefined;
  const match = crdMatchOf(env.doc, env.workspace.crds);
  const schema = match?.version ? env.workspace.crds!.schemaOf(match.entry, match.version.name) : undefined;
  if (!match || !schema) return undefined;
  // The header fields (apiVersion, kind) and metadata are the built-in completions' business.
  if (ctx.path.length === 0 ? ctx.mode === 'value' : ctx.path[0] === 'metadata') return undefined;
  if (ctx.mode === 'key') {
    return crdKeyCompletions(match.entry, schema, ctx.path, ctx.existingKeys).map((k, i) => ({
      label: k.field.name,
      kind: CompletionItemKind.Property,
      detail: `${k.field.type}${k.field.required ? ' (required)' : ''}`,
      documentation: { kind: 'markdown', value: k.documentation },
      sortText: String(i).padStart(4, '0'),
      filterText: k.field.name,
      textEdit: textEdit(env, ctx, ctx.hasColon ? k.field.name : k.insertText),
    }));
  }
  const isString = schemaAt(schema, ctx.path)?.type === 'string';
  return crdValueCompletions(schema, ctx.path).map((v, i) => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    sortText: String(i).padStart(4, '0'),
    textEdit: textEdit(env, ctx, ctx.quoted ? v : `${ctx.needsSpace ? ' ' : ''}${isString ? yamlString(v) : v}`),
  }));
}

/** A provider that throws loses its own items, not everyone's. */
function safely<R, T>(provider: (request: R) => readonly T[], request: R): readonly T[] {
  try {
    return provider(request);
  } catch (err) {
    console.error(`A completion provider failed: ${(err as Error).stack ?? String(err)}`);
    return [];
  }
}

interface Env {
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  readonly header: { kind?: string; apiVersion?: string; schemaVersion?: string };
  object(): Record<string, unknown> | undefined;
  readonly workspace: WorkspaceView;
  readonly api: KubernetesApi;
  readonly toRange: (start: number, end: number) => Range;
  readonly snippets: boolean;
  readonly triggerSuggestCommand?: string;
}

function textEdit(env: Env, ctx: CursorContext, newText: string): TextEdit {
  return { range: env.toRange(ctx.start, ctx.end), newText };
}

function toTextEdits(env: Env, edits: readonly DocTextEdit[] | undefined): TextEdit[] | undefined {
  return edits?.map((e) => ({ range: env.toRange(e.start, e.end), newText: e.newText }));
}

const COMPACT_SEQUENCE = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m;

/**
 * `metadata` of a pod template (or a CronJob's job template): its name is ignored, its labels are
 * what the selector selects — so it starts with `labels:`, filled with the selector's matchLabels
 * when the workload has them.
 */
function templateMetadataText(ctx: KeyContext, env: Env): string | undefined {
  const last = ctx.path[ctx.path.length - 1];
  if (ctx.hasColon || ctx.flow || (last !== 'template' && last !== 'jobTemplate')) return undefined;
  const inner = ' '.repeat(ctx.column + 2);
  const labelIndent = ' '.repeat(ctx.column + 4);
  let owner: unknown = env.object();
  for (const seg of ctx.path.slice(0, -1))
    owner = owner && typeof owner === 'object' ? (owner as Record<string | number, unknown>)[seg] : undefined;
  const selector = owner && typeof owner === 'object' ? (owner as { selector?: { matchLabels?: unknown } }).selector : undefined;
  const matchLabels = selector && typeof selector === 'object' ? selector.matchLabels : undefined;
  const labels =
    matchLabels && typeof matchLabels === 'object' && !Array.isArray(matchLabels)
      ? Object.entries(matchLabels as Record<string, unknown>).filter(
          (e): e is [string, string | number | boolean] =>
            typeof e[1] === 'string' || typeof e[1] === 'number' || typeof e[1] === 'boolean',
        )
      : [];
  if (labels.length > 0) {
    const lines = labels.map(([k, v]) => `${labelIndent}${yamlScalar(k)}: ${yamlScalar(v)}`);
    const text = `metadata:\n${inner}labels:\n${lines.join('\n')}`;
    return env.snippets ? snippetEscape(text) : text;
  }
  return `metadata:\n${inner}labels:\n${labelIndent}${env.snippets ? '$1' : ''}`;
}

/** Whether the mapping a key at the cursor's column would go into is an object (not the sequence whose `- ` is at that column). */
function ownMappingIsValid(ctx: KeyContext, env: Env): boolean {
  const { kind, schemaVersion } = env.header;
  if (ctx.path.length === 0) return true;
  if (!kind || !schemaVersion) return false;
  const shape = env.api.resolveField(schemaVersion, kind, ctx.path)?.shape;
  return shape === 'object' || shape === 'map';
}

/** Key items; `lead` (spaces) goes before each inserted text, which then starts further right than the cursor. */
function keyCompletionItems(ctx: KeyContext, env: Env, lead = ''): CompletionItem[] {
  const { kind, schemaVersion } = env.header;
  const items: CompletionItem[] = [];
  let mappingField: FieldInfo | undefined;
  if (kind && schemaVersion) {
    mappingField = ctx.path.length ? env.api.resolveField(schemaVersion, kind, ctx.path) : undefined;
    const compactSequences = COMPACT_SEQUENCE.test(env.doc.text);
    const firstItemKey = (field: FieldInfo) => {
      const fields = env.api.childFields(schemaVersion, kind, [...ctx.path, field.name, ...(field.shape === 'array' ? [0] : [])]);
      // every object has a name; the API marks it optional only because generateName may replace it
      if (field.definition === 'ObjectMeta') return fields.find((f) => f.name === 'name');
      const required = fields.filter((f) => f.required);
      return required.find((f) => f.name === 'name') ?? required[0];
    };
    const candidates = candidateFields(env.api, schemaVersion, kind, ctx.path, ctx.existingKeys);
    const keyed = keyItems(candidates, ctx, { snippets: env.snippets, compactSequences, firstItemKey });
    keyed.forEach((item, i) => {
      const { insertText: plain, ...rest } = item;
      const field = candidates[i].field;
      const insertText = (field.definition === 'ObjectMeta' && templateMetadataText(ctx, env)) || plain;
      // a choice snippet already lists the values; otherwise ask for the suggestions of the new value
      const reopen =
        env.triggerSuggestCommand &&
        !ctx.hasColon &&
        field.shape === 'scalar' &&
        !insertText.includes('${1|') &&
        hasValueSuggestions(env, [...ctx.path, field.name], field);
      items.push({
        ...rest,
        textEdit: textEdit(env, ctx, lead + insertText),
        filterText: item.label,
        ...(reopen ? { command: { title: 'Suggest values', command: env.triggerSuggestCommand! } } : {}),
      });
    });
  } else if (ctx.path.length === 0 && !ctx.flow && /^(apiVersion|kind):/m.test(env.doc.text)) {
    // A manifest whose kind we do not know yet (or a custom resource): the keys every object has.
    items.push(...genericTopLevelKeys(ctx, env, ctx.existingKeys));
  }
  const request: KeyCompletionRequest = {
    file: env.file,
    doc: env.doc,
    kind,
    apiVersion: env.header.apiVersion,
    path: ctx.path,
    field: mappingField,
    existingKeys: ctx.existingKeys,
    prefix: ctx.prefix,
    object: env.object,
    workspace: env.workspace,
    api: env.api,
  };
  const seen = new Set(items.map((i) => i.label));
  KEY_COMPLETION_PROVIDERS.forEach((provider, p) => {
    safely(provider, request).forEach((s, i) => {
      if (seen.has(s.label) || ctx.existingKeys.includes(s.label)) return;
      seen.add(s.label);
      items.push({
        label: s.label,
        kind: 10,
        detail: s.detail,
        documentation: s.documentation ? { kind: 'markdown', value: s.documentation } : undefined,
        sortText: `5${String(p).padStart(2, '0')}${s.sortText ?? String(i).padStart(4, '0')}`,
        textEdit: textEdit(env, ctx, lead + (env.snippets ? snippetEscape(s.insertText) : s.insertText)),
        insertTextFormat: env.snippets ? 2 : 1,
      });
    });
  });
  return items;
}

/** apiVersion / kind / metadata for a document whose kind has no schema here. */
function genericTopLevelKeys(ctx: CursorContext, env: Env, existing: readonly string[]): CompletionItem[] {
  const keys: [string, string, string][] = [
    ['apiVersion', 'string', 'The group and version of the object’s API: `v1`, `apps/v1`, `batch/v1`…'],
    ['kind', 'string', 'The type of the object: `Deployment`, `StatefulSet`, `Service`…'],
    ['metadata', 'object (ObjectMeta)', 'The object’s name, namespace, labels and annotations.'],
  ];
  const column = ctx.mode === 'key' ? ctx.column : 0;
  return keys
    .filter(([k]) => !existing.includes(k))
    .map(([k, type, doc], i) => {
      const insert = k === 'metadata' ? `metadata:\n${' '.repeat(column + 2)}name: ${env.snippets ? '$1' : ''}` : `${k}: `;
      return {
        label: k,
        kind: 10,
        detail: type,
        documentation: { kind: 'markdown', value: doc },
        sortText: `0${i}`,
        textEdit: textEdit(env, ctx, insert),
        insertTextFormat: env.snippets ? 2 : 1,
        ...(insert.includes('\n') ? { insertTextMode: 1 as const } : {}),
        ...(env.triggerSuggestCommand && k !== 'metadata'
          ? { command: { title: 'Suggest values', command: env.triggerSuggestCommand } }
          : {}),
      };
    });
}

function skeletonItems(ctx: CursorContext, env: Env): CompletionItem[] {
  return loadSkeletons().map((s, i) => {
    const text = env.snippets ? s.body : expandDefaults(s.body);
    return {
      label: s.primary && s.kind ? `${s.kind} manifest` : s.name,
      kind: 15, // Snippet
      detail: s.primary ? s.name : `${s.kind ?? 'Kubernetes'} manifest`,
      documentation: { kind: 'markdown', value: `${s.description}\n\n\`\`\`yaml\n${expandDefaults(s.body)}\n\`\`\`` },
      filterText: [s.kind ?? '', ...s.prefixes].join(' '),
      sortText: `1${String(i).padStart(3, '0')}`,
      textEdit: textEdit(env, ctx, text),
      insertTextFormat: env.snippets ? 2 : 1,
      insertTextMode: 1,
    };
  });
}

/** Whether some provider has values for the field at `path` (before the key is even written). */
function hasValueSuggestions(env: Env, path: Path, field: FieldInfo): boolean {
  const request: ValueCompletionRequest = {
    file: env.file,
    doc: env.doc,
    kind: env.header.kind,
    apiVersion: env.header.apiVersion,
    path,
    field,
    prefix: '',
    object: env.object,
    workspace: env.workspace,
    api: env.api,
  };
  return VALUE_COMPLETION_PROVIDERS.some((provider) => safely(provider, request).length > 0);
}

function valueItems(ctx: ValueContext, env: Env): CompletionItem[] {
  const { kind, schemaVersion } = env.header;
  const field = kind && schemaVersion && ctx.path.length > 0 ? env.api.resolveField(schemaVersion, kind, ctx.path) : undefined;
  const request: ValueCompletionRequest = {
    file: env.file,
    doc: env.doc,
    kind,
    apiVersion: env.header.apiVersion,
    path: ctx.path as Path,
    field,
    prefix: ctx.prefix,
    object: env.object,
    workspace: env.workspace,
    api: env.api,
  };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  VALUE_COMPLETION_PROVIDERS.forEach((provider, p) => {
    safely(provider, request).forEach((s, i) => {
      if (seen.has(s.label)) return;
      seen.add(s.label);
      let text: string;
      if (ctx.quoted) text = typeof s.value === 'string' ? s.value : String(s.value);
      else text = s.insertText ?? yamlScalar(s.value);
      if (ctx.needsSpace) text = ` ${text}`;
      items.push({
        label: s.label,
        kind: s.kind ?? 12,
        detail: s.detail,
        documentation: s.documentation ? { kind: 'markdown', value: s.documentation } : undefined,
        sortText: `${String(p).padStart(2, '0')}${s.sortText ?? String(i).padStart(4, '0')}`,
        filterText: ctx.needsSpace ? undefined : s.label,
        textEdit: textEdit(env, ctx, text),
        insertTextFormat: 1,
        ...(s.preselect ? { preselect: true } : {}),
        ...(s.additionalEdits?.length ? { additionalTextEdits: toTextEdits(env, s.additionalEdits) } : {}),
      });
    });
  });
  return items;
}
