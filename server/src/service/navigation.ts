// Go to definition and find references between the objects of the workspace index:
//   serviceName            -> the Service(s) of that name (same namespace)
//   volumeMounts[].name    -> the pod's volume or the StatefulSet's volumeClaimTemplate (same document)
//   a Service's selector   -> the pod templates it selects
//   secretKeyRef / secretRef / secret volume, configMap refs -> the Secret / ConfigMap
// and references: of a Service (the StatefulSets naming it, the pod templates it selects) and of a
// pod template's labels (the Services selecting them).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { getAt, pathAtOffset, rangeOfValue, type OffsetRange } from './manifest/navigate';
import type { JsonPath, ManifestDocument, ManifestFile } from './manifest/types';
import { podSpecPath, podTemplatePath } from './k8s/podSpec';
import { podTemplatesSelectedBy, sameNamespace, servicesNamed, statefulSetsGovernedBy } from './workspace/match';
import { labelMap, selectorMatches } from './k8s/labels';
import type { IndexedObject, WorkspaceView } from './workspace/types';

interface Target {
  readonly doc: ManifestDocument;
  readonly path: JsonPath;
  readonly onKey: boolean;
  readonly kind: string;
  readonly namespace?: string;
}

/** The document and JSON path under the cursor. */
function targetAt(file: ManifestFile, document: Pick<TextDocument, 'offsetAt'>, position: Position): Target | undefined {
  if (file.isTemplate || file.skippedReason) return undefined;
  const offset = document.offsetAt(position);
  const doc = file.documents.find((d) => offset >= d.offset && offset <= d.offset + d.text.length);
  if (!doc?.object || doc.syntaxProblems.length) return undefined;
  const at = pathAtOffset(doc, offset - doc.offset);
  return { doc, path: at.path, onKey: at.onKey, kind: doc.object.kind, namespace: doc.object.namespace };
}

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);

function toLocation(uri: string, document: Pick<TextDocument, 'positionAt'>, doc: ManifestDocument, r: OffsetRange): Location {
  return { uri, range: { start: document.positionAt(doc.offset + r[0]), end: document.positionAt(doc.offset + r[1]) } };
}

const objectLocation = (o: IndexedObject): Location => ({ uri: o.uri, range: o.range });
const podLabelsLocation = (o: IndexedObject): Location => ({ uri: o.uri, range: o.podLabelsRange ?? o.range });

/** `[... 'containers'|'initContainers', i, 'volumeMounts'|'volumeDevices', j, 'name']` inside the pod spec. */
function isVolumeMountName(t: Target): boolean {
  const spec = podSpecPath(t.kind);
  if (!spec || !startsWith(t.path, spec)) return false;
  const rest = t.path.slice(spec.length);
  return (
    rest.length === 5 &&
    (rest[0] === 'containers' || rest[0] === 'initContainers' || rest[0] === 'ephemeralContainers') &&
    typeof rest[1] === 'number' &&
    (rest[2] === 'volumeMounts' || rest[2] === 'volumeDevices') &&
    typeof rest[3] === 'number' &&
    rest[4] === 'name'
  );
}

/** The volume (pod spec `volumes`) or claim template (StatefulSet `volumeClaimTemplates`) named `name`, in the same document. */
function volumeDefinitions(t: Target, name: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  const spec = podSpecPath(t.kind)!;
  const volumes = getAt(t.doc.value, [...spec, 'volumes']);
  if (Array.isArray(volumes))
    volumes.forEach((v, i) => {
      if ((v as Record<string, unknown> | null)?.name === name) out.push(rangeOfValue(t.doc, [...spec, 'volumes', i, 'name']));
    });
  if (t.kind === 'StatefulSet') {
    const claims = getAt(t.doc.value, ['spec', 'volumeClaimTemplates']);
    if (Array.isArray(claims))
      claims.forEach((c, i) => {
        if (getAt(c, ['metadata', 'name']) === name) out.push(rangeOfValue(t.doc, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']));
      });
  }
  return out;
}

/** Secret / ConfigMap references in a pod spec: the kind they point to, when the path is one. */
function referencedConfigKind(path: JsonPath): 'Secret' | 'ConfigMap' | undefined {
  const n = path.length;
  const last = path[n - 1];
  const parent = path[n - 2];
  if (last === 'name' && (parent === 'secretKeyRef' || parent === 'secretRef')) return 'Secret';
  if ((last === 'secretName' || last === 'name') && parent === 'secret') return 'Secret';
  if (typeof parent === 'number' && path[n - 3] === 'imagePullSecrets' && last === 'name') return 'Secret';
  if (last === 'name' && (parent === 'configMapKeyRef' || parent === 'configMapRef' || parent === 'configMap')) return 'ConfigMap';
  return undefined;
}

function isServiceSelector(t: Target): boolean {
  return t.kind === 'Service' && startsWith(t.path, ['spec', 'selector']);
}

function isPodTemplateLabels(t: Target): boolean {
  const template = podTemplatePath(t.kind);
  const labels = template ? [...template, 'metadata', 'labels'] : t.kind === 'Pod' ? ['metadata', 'labels'] : undefined;
  return !!labels && startsWith(t.path, labels);
}

function podLabelsOf(t: Target): Record<string, string> | undefined {
  const template = podTemplatePath(t.kind);
  return labelMap(getAt(t.doc.value, template ? [...template, 'metadata', 'labels'] : ['metadata', 'labels']));
}

export function findDefinition(file: ManifestFile, document: TextDocument, position: Position, workspace: WorkspaceView): Location[] {
  const t = targetAt(file, document, position);
  if (!t) return [];
  const value = getAt(t.doc.value, t.path);

  // A custom resource's kind (or apiVersion): the CRD that defines it.
  if (t.path.length === 1 && (t.path[0] === 'kind' || t.path[0] === 'apiVersion') && t.doc.object) {
    const entry = workspace.crds?.lookup(t.doc.object.apiVersion, t.doc.object.kind)?.entry;
    if (entry?.kindRange) return [{ uri: entry.uri, range: entry.kindRange }];
  }

  if (t.kind === 'StatefulSet' && t.path.length === 2 && t.path[0] === 'spec' && t.path[1] === 'serviceName' && typeof value === 'string')
    return servicesNamed(workspace, value, t).map(objectLocation);

  if (isVolumeMountName(t) && typeof value === 'string')
    return volumeDefinitions(t, value).map((r) => toLocation(file.uri, document, t.doc, r));

  if (isServiceSelector(t)) {
    const selector = labelMap(getAt(t.doc.value, ['spec', 'selector']));
    return podTemplatesSelectedBy(workspace, selector, t).map(podLabelsLocation);
  }

  const configKind = podSpecPath(t.kind) && typeof value === 'string' ? referencedConfigKind(t.path) : undefined;
  if (configKind) {
    const out: Location[] = [];
    for (const o of workspace.objects(configKind)) if (o.name === value && sameNamespace(o, t)) out.push(objectLocation(o));
    return out;
  }
  return [];
}

/** Where a StatefulSet names the Service: its serviceName value (its name when the index has no range). */
function statefulSetReference(o: IndexedObject): Location {
  return { uri: o.uri, range: o.serviceNameRange ?? o.range };
}

function serviceReferences(
  service: IndexedObject,
  file: ManifestFile,
  document: Pick<TextDocument, 'positionAt'>,
  workspace: WorkspaceView,
  includeDeclaration: boolean,
): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) out.push(objectLocation(service));
  if (service.name) for (const s of statefulSetsGovernedBy(workspace, service.name, service)) out.push(statefulSetReference(s));
  for (const p of podTemplatesSelectedBy(workspace, service.selector, service)) out.push(podLabelsLocation(p));
  return out;
}

export function findReferences(
  file: ManifestFile,
  document: TextDocument,
  position: Position,
  workspace: WorkspaceView,
  includeDeclaration: boolean,
): Location[] {
  const t = targetAt(file, document, position);
  if (!t) return [];
  const self = [...workspace.objects(t.kind)].find((o) => o.uri === file.uri && o.docIndex === t.doc.index);

  // On a Service (its name, its selector, anywhere in it): who uses it.
  if (t.kind === 'Service' && self) return dedupe(serviceReferences(self, file, document, workspace, includeDeclaration));

  // On a StatefulSet's serviceName: the references of the Service(s) it names.
  const value = getAt(t.doc.value, t.path);
  if (t.kind === 'StatefulSet' && t.path.join('.') === 'spec.serviceName' && typeof value === 'string') {
    const out: Location[] = [];
    for (const s of servicesNamed(workspace, value, t)) out.push(...serviceReferences(s, file, document, workspace, includeDeclaration));
    return dedupe(out);
  }

  // On pod template labels: the Services that select them.
  if (isPodTemplateLabels(t)) {
    const labels = podLabelsOf(t);
    const out: Location[] = [];
    if (includeDeclaration && self) out.push(podLabelsLocation(self));
    for (const s of workspace.objects('Service'))
      if (sameNamespace(s, t) && selectorMatches(s.selector, labels)) out.push(objectLocation(s));
    return dedupe(out);
  }
  return [];
}

const key = (l: Location) => `${l.uri}#${fmt(l.range)}`;
const fmt = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function dedupe(list: Location[]): Location[] {
  const seen = new Set<string>();
  return list.filter((l) => !seen.has(key(l)) && !!seen.add(key(l)));
}
