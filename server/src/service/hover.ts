// Hover: on a key, the field of the Kubernetes API (path, type, default, required, description)
// and, visibly separated, the guide's advice for it; on a `kind` / `apiVersion` value, what the
// kind is and the guide's section for it; on an allowed value, what that value means.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import { isScalar, type Node } from 'yaml';
import { cursorContext, type Path } from './completion/context';
import { documentAt, documentHeader, documentObject } from './completion/index';
import { descriptionMarkdown, fieldSummary, valueMeaning } from './completion/format';
import { fitFieldHover } from './hoverFit';
import { fieldGuideNote, kindHoverMarkdown } from './guide/index';
import { crdFieldMarkdown, crdKindMarkdown, unknownCrdMarkdown } from './crd/describe';
import { crdMatchOf } from './crd/resource';
import { getAt, pathAtOffset } from './manifest/navigate';
import { listItemAt } from './manifest/parse';
import type { ManifestDocument, ManifestFile } from './manifest/types';
import { debugCommandsFor } from './debug/index';
import type { WorkspaceView } from './workspace/types';
import type { FieldInfo, KubernetesApi } from './api/kubernetesApi';

export interface HoverOptions {
  /** "now" for the guide's next run times (tests pin it). */
  readonly now?: Date;
  /** Other objects (a claim template's StorageClass) and the kustomizations that set a namespace. */
  readonly workspace?: WorkspaceView;
}

/** The heading that separates the guide's advice from the API's description. */
export const GUIDE_HEADING = '#### From the Workload Types guide';

interface Target {
  path: Path;
  onKey: boolean;
  /** range relative to the document text */
  start: number;
  end: number;
  /** the scalar value under the cursor */
  value?: unknown;
}

/** What is under the cursor: from the parsed document, or from the text when it does not parse. */
function targetAt(doc: ManifestDocument, rel: number): Target | undefined {
  if (doc.syntaxProblems.length === 0) {
    const at = pathAtOffset(doc, rel);
    const node = at.node as Node | undefined;
    if (!node?.range || !isScalar(node)) return undefined;
    return { path: at.path, onKey: at.onKey, start: node.range[0], end: node.range[1], value: at.onKey ? undefined : node.value };
  }
  // A document with errors: read the key (or its plain value) under the cursor from its line.
  const lineStart = doc.text.lastIndexOf('\n', rel - 1) + 1;
  const lineEnd = doc.text.indexOf('\n', rel);
  const line = doc.text.slice(lineStart, lineEnd < 0 ? doc.text.length : lineEnd).replace(/\r$/, '');
  const m = /^(\s*(?:-\s+)*)([A-Za-z0-9_.\-/]+)\s*:(?:([ \t]+)([^\s#'"{[|>&*!][^#]*?))?[ \t]*(?:#.*)?$/.exec(line);
  if (!m) return undefined;
  const start = lineStart + m[1].length;
  const end = start + m[2].length;
  if (rel >= start && rel <= end) {
    const ctx = cursorContext(doc, end);
    if (!ctx || ctx.mode !== 'key') return undefined;
    return { path: [...ctx.path, m[2]], onKey: true, start, end };
  }
  if (m[4] === undefined) return undefined;
  const valueStart = lineStart + line.indexOf(m[4], m[1].length + m[2].length);
  const valueEnd = valueStart + m[4].length;
  if (rel < valueStart || rel > valueEnd) return undefined;
  const ctx = cursorContext(doc, valueEnd);
  if (!ctx || ctx.mode !== 'value') return undefined;
  return { path: ctx.path, onKey: false, start: valueStart, end: valueEnd, value: m[4] };
}

function guideSection(note: string | undefined): string {
  return note ? `\n\n---\n\n${GUIDE_HEADING}\n\n${note}` : '';
}

/** What the `kind:` hover knows of the object itself: its debug commands and pod management policy. */
interface KindObject {
  readonly debug?: ReturnType<typeof debugCommandsFor>;
  readonly podManagementPolicy?: string;
}

function kindMarkdown(api: KubernetesApi, kind: string, apiVersion: string | undefined, object: KindObject = {}): string | undefined {
  const versions = api.apiVersionsOf(kind);
  const description = api.kindDescription(kind);
  const guide = kindHoverMarkdown(kind, object.debug, object.podManagementPolicy);
  if (!versions.length && !guide) return undefined;
  const parts = [`**${kind}**${versions.length ? ` · \`${versions.join('`, `')}\`` : ''}`];
  if (apiVersion && versions.length && !versions.includes(apiVersion))
    parts.push(`⚠ \`${apiVersion}\` does not serve ${kind} in Kubernetes ${api.version}: use \`apiVersion: ${versions[0]}\`.`);
  if (description) parts.push(descriptionMarkdown(description));
  return parts.join('\n\n') + guideSection(guide);
}

function apiVersionMarkdown(api: KubernetesApi, apiVersion: string, kind: string | undefined, object: KindObject): string | undefined {
  const kinds = api.kindsByApiVersion(apiVersion);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const head = `**\`${apiVersion}\`** — API group \`${group}\`, version \`${version}\``;
  if (!kind) return kinds.length ? `${head}\n\nServes ${kinds.join(', ')}.` : undefined;
  const kindPart = kindMarkdown(api, kind, apiVersion, object);
  if (!kindPart && !kinds.length) return undefined;
  const serves = kinds.includes(kind) ? `Serves **${kind}** (and ${kinds.filter((k) => k !== kind).join(', ') || 'nothing else'}).` : '';
  return [head, serves, kindPart].filter(Boolean).join('\n\n');
}

function valueMarkdown(field: FieldInfo, value: string): string | undefined {
  if (!field.allowedValues?.includes(value)) return undefined;
  const meaning = valueMeaning(field.description, value);
  const others = field.allowedValues.filter((v) => v !== value);
  const lines = [`**\`${value}\`**${meaning ? ` — ${meaning}.` : ''}`];
  lines.push(`An allowed value of \`${field.path}\`${others.length ? `; the others: ${others.map((v) => `\`${v}\``).join(', ')}` : ''}.`);
  if (field.default === value) lines.push('This is the default.');
  return lines.join('\n\n');
}

/** 'Kubernetes 1.35', or 'Kubernetes 1.35 (since 1.33)' for a field that not every release has. */
function releaseText(api: KubernetesApi, field: FieldInfo): string {
  const releases = field.parentDefinition ? api.propertyReleases(field.parentDefinition, field.name) : [];
  const since =
    releases.length && releases.length < api.versions.length && releases[releases.length - 1] === api.versions[api.versions.length - 1];
  return `Kubernetes ${api.version}${since ? ` (since ${releases[0]})` : ''}`;
}

/**
 * Hover of a custom resource: from its CRD when one is known (the field, or the kind on `kind` /
 * `apiVersion`), else, on `kind` / `apiVersion`, how to make its CRD known. Undefined for built-in
 * kinds; null for a custom resource's text the CRD says nothing of.
 */
function customResourceHover(
  api: KubernetesApi,
  doc: ManifestDocument,
  target: Target,
  workspace: WorkspaceView | undefined,
): string | null | undefined {
  const header = doc.object;
  if (!header || !header.apiVersion.includes('/')) return undefined;
  const top = target.path.length === 1 ? target.path[0] : undefined;
  const onHeader = !target.onKey && (top === 'kind' || top === 'apiVersion');
  const match = crdMatchOf(doc, workspace?.crds);
  if (match) {
    const schema = match.version ? workspace!.crds!.schemaOf(match.entry, match.version.name) : undefined;
    if (onHeader) return crdKindMarkdown(match.entry, match.version, schema);
    if (!schema || !target.onKey) return null;
    return crdFieldMarkdown(match.entry, schema, target.path) ?? null;
  }
  const group = header.apiVersion.slice(0, header.apiVersion.lastIndexOf('/'));
  if (group.includes('.') && !group.endsWith('.k8s.io') && api.apiVersionsOf(header.kind).length === 0)
    return onHeader ? unknownCrdMarkdown(header.apiVersion, header.kind) : null;
  return undefined;
}

export function doHover(
  file: ManifestFile,
  document: Pick<TextDocument, 'offsetAt' | 'positionAt'>,
  position: Position,
  api: KubernetesApi,
  options: HoverOptions = {},
): Hover | null {
  if (file.skippedReason || file.isTemplate) return null;
  const offset = document.offsetAt(position);
  const fileDoc = documentAt(file, offset);
  if (!fileDoc) return null;
  const whole = targetAt(fileDoc, offset - fileDoc.offset);
  if (!whole) return null;
  // Inside an item of a `kind: List`: the item's own kind and schema, not the List's.
  const item = listItemAt(fileDoc, documentObject(fileDoc), whole.path);
  const doc = item?.doc ?? fileDoc;
  const target = item ? { ...whole, path: [...item.path] } : whole;
  if (target.path.length === 0) return null;
  const { kind, apiVersion, schemaVersion } = documentHeader(doc, api);
  const range = { start: document.positionAt(doc.offset + target.start), end: document.positionAt(doc.offset + target.end) };
  const markdown = (value: string | undefined): Hover | null => (value ? { contents: { kind: 'markdown', value }, range } : null);
  const top = target.path.length === 1 ? target.path[0] : undefined;

  const custom = customResourceHover(api, doc, target, options.workspace);
  if (custom !== undefined) return markdown(custom ?? undefined);

  if (!target.onKey && (top === 'kind' || top === 'apiVersion') && typeof target.value === 'string') {
    const value = documentObject(doc);
    const pmp = value ? getAt(value, ['spec', 'podManagementPolicy']) : undefined;
    const object: KindObject = {
      debug: debugCommandsFor(file, doc, options.workspace, { now: options.now, kubernetesVersion: api.version }),
      podManagementPolicy: typeof pmp === 'string' ? pmp : undefined,
    };
    if (top === 'kind') return markdown(kindMarkdown(api, target.value, apiVersion, object));
    return markdown(apiVersionMarkdown(api, target.value, kind, object));
  }
  if (!kind || !schemaVersion) return null;

  const field = api.resolveField(schemaVersion, kind, target.path);
  if (!field) return null;
  const object = documentObject(doc);
  let note: string | undefined;
  try {
    const workspace = options.workspace;
    const storageClassDefined = workspace
      ? (name: string) => {
          for (const o of workspace.objects('StorageClass')) if (o.name === name) return true;
          return workspace.complete ? false : undefined;
        }
      : undefined;
    note = object ? fieldGuideNote({ kind, path: target.path, object, now: options.now, storageClassDefined }) : undefined;
  } catch (err) {
    // the API part of the hover still stands
    console.error(`The guide note for ${target.path.join('.')} failed: ${(err as Error).stack ?? String(err)}`);
  }
  // What matters at this spot first: the value, the field (its release) and its type, the guide's
  // note worked out for this manifest; then the API's description (cut short when the hover is long).
  const head = [`**\`${field.path}\`** · ${releaseText(api, field)} · ${fieldSummary(field)}`];
  if (!target.onKey && typeof target.value === 'string') {
    const v = valueMarkdown(field, target.value);
    if (v) head.unshift(v, '---');
  }
  return markdown(fitFieldHover(head, field.description ? descriptionMarkdown(field.description) : undefined, note));
}
