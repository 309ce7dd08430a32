// Deployment → StatefulSet: kind (and apiVersion apps/v1), serviceName first in spec and a headless
// Service appended as a new document (unless one exists), strategy → updateStrategy, the
// Deployment-only fields removed, and PersistentVolumeClaim volumes turned into
// volumeClaimTemplates so each replica gets its own claim. The PVC objects themselves are left
// in place: they may hold data, and deleting them is the user's call.
import { getAt } from '../manifest/navigate';
import { appendDocument, insertPair, removePair } from '../manifest/edit';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import { podSpecPath } from '../k8s/podSpec';
import type { DocEdit } from '../rules/types';
import type { WorkspaceView } from '../workspace/types';
import { strategyEdits } from './strategy';
import { insertFirstPair } from '../manifest/edit';
import { yamlString } from '../text/yamlScalar';
import { removeSeqItem, renderYaml, setKindAndVersion } from './text';
import type { Refactor, RefactorContext } from './types';
import { isObject } from '../k8s/labels';

/** Fields a Deployment has and a StatefulSet does not. */
export const DEPLOYMENT_ONLY_FIELDS = ['progressDeadlineSeconds', 'paused'] as const;

interface ServiceInfo {
  readonly name: string;
  readonly headless: boolean;
}

/** Services with this namespace, from the file itself and the workspace. */
function servicesIn(file: ManifestFile, workspace: WorkspaceView | undefined, namespace: string | undefined): ServiceInfo[] {
  const out: ServiceInfo[] = [];
  const sameNs = (ns: string | undefined) => (ns ?? 'default') === (namespace ?? 'default') || ns === undefined || namespace === undefined;
  for (const d of file.documents) {
    if (d.object?.kind !== 'Service' || !d.object.name || !sameNs(d.object.namespace)) continue;
    out.push({ name: d.object.name, headless: getAt(d.value, ['spec', 'clusterIP']) === 'None' });
  }
  if (workspace)
    for (const o of workspace.objects('Service'))
      if (o.uri !== file.uri && o.name && sameNs(o.namespace)) out.push({ name: o.name, headless: o.clusterIP === 'None' });
  return out;
}

/**
 * The governing Service for a StatefulSet named `name`: an existing headless Service of that
 * name (or `<name>-headless`), else a new one — `<name>` when free, `<name>-headless` when a
 * regular Service already has the name (the usual Deployment + Service pair).
 */
export function chooseServiceName(
  name: string,
  file: ManifestFile,
  workspace: WorkspaceView | undefined,
  namespace: string | undefined,
): { name: string; create: boolean } {
  const services = servicesIn(file, workspace, namespace);
  for (const candidate of [name, `${name}-headless`]) {
    const found = services.filter((s) => s.name === candidate);
    if (found.some((s) => s.headless)) return { name: candidate, create: false };
    if (found.length === 0) return { name: candidate, create: true };
  }
  return { name: `${name}-headless`, create: false };
}

/** The labels the Service selects: the Deployment's matchLabels, else its pod template labels. */
function selectorLabels(value: unknown): Record<string, string> | undefined {
  for (const path of [
    ['spec', 'selector', 'matchLabels'],
    ['spec', 'template', 'metadata', 'labels'],
  ]) {
    const labels = getAt(value, path);
    if (isObject(labels) && Object.keys(labels).length > 0 && Object.values(labels).every((v) => typeof v === 'string'))
      return labels as Record<string, string>;
  }
  return undefined;
}

/** The containers' ports as Service ports (port = containerPort, name and protocol kept). */
function servicePorts(value: unknown): Record<string, unknown>[] {
  const ports: Record<string, unknown>[] = [];
  const containers = getAt(value, ['spec', 'template', 'spec', 'containers']);
  if (!Array.isArray(containers)) return ports;
  for (const c of containers) {
    const list = isObject(c) ? c.ports : undefined;
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      if (!isObject(p) || typeof p.containerPort !== 'number') continue;
      if (ports.some((q) => q.port === p.containerPort && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))) continue;
      const port: Record<string, unknown> = { port: p.containerPort };
      if (typeof p.name === 'string') port.name = p.name;
      if (typeof p.protocol === 'string' && p.protocol !== 'TCP') port.protocol = p.protocol;
      ports.push(port);
    }
  }
  return ports;
}

/** The headless Service as YAML, in the document's style. */
export function headlessServiceYaml(
  doc: ManifestDocument,
  name: string,
  namespace: string | undefined,
  labels: Record<string, string> | undefined,
  ports: Record<string, unknown>[],
): string {
  const metadata: Record<string, unknown> = { name };
  if (namespace) metadata.namespace = namespace;
  const spec: Record<string, unknown> = { clusterIP: 'None' };
  if (labels) spec.selector = labels;
  if (ports.length) spec.ports = ports;
  return renderYaml(doc, { apiVersion: 'v1', kind: 'Service', metadata, spec });
}

/** What a claim template copies from an existing PersistentVolumeClaim of the file. */
function claimSpec(file: ManifestFile, claimName: string, namespace: string | undefined): Record<string, unknown> {
  for (const d of file.documents) {
    if (d.object?.kind !== 'PersistentVolumeClaim' || d.object.name !== claimName) continue;
    if ((d.object.namespace ?? namespace) !== namespace) continue;
    const spec = getAt(d.value, ['spec']);
    if (!isObject(spec)) continue;
    const out: Record<string, unknown> = {};
    // Only what makes sense per replica; volumeName/dataSource pin one specific volume.
    for (const k of ['accessModes', 'storageClassName', 'volumeMode', 'resources', 'selector']) if (spec[k] !== undefined) out[k] = spec[k];
    if (!out.accessModes) out.accessModes = ['ReadWriteOnce'];
    if (!out.resources) out.resources = { requests: { storage: '1Gi' } };
    return out;
  }
  // No claim in this file: the guide's defaults, the size for the user to adjust.
  return { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };
}

/** Edits that move PVC volumes to volumeClaimTemplates, or undefined when the layout does not allow it. */
function claimTemplateEdits(ctx: RefactorContext, namespace: string | undefined): DocEdit[] | undefined {
  const { doc, file } = ctx;
  const podSpec = podSpecPath('Deployment')!;
  const volumes = getAt(doc.value, [...podSpec, 'volumes']);
  if (!Array.isArray(volumes)) return [];
  const claims = volumes
    .map((v, index) => ({ v, index }))
    .filter(
      ({ v }) =>
        isObject(v) &&
        typeof v.name === 'string' &&
        isObject(v.persistentVolumeClaim) &&
        typeof v.persistentVolumeClaim.claimName === 'string',
    );
  if (claims.length === 0) return [];
  if (getAt(doc.value, ['spec', 'volumeClaimTemplates']) !== undefined) return undefined;
  const edits: DocEdit[] = [];
  if (claims.length === volumes.length) {
    const e = removePair(doc, [...podSpec, 'volumes']);
    if (!e) return undefined;
    edits.push(...e);
  } else {
    for (const { index } of claims) {
      const e = removeSeqItem(doc, [...podSpec, 'volumes'], index);
      if (!e) return undefined;
      edits.push(e);
    }
  }
  const templates = claims.map(({ v }) => {
    const vol = v as { name: string; persistentVolumeClaim: { claimName: string } };
    return { metadata: { name: vol.name }, spec: claimSpec(file, vol.persistentVolumeClaim.claimName, namespace) };
  });
  const lines = renderYaml(doc, templates).replace(/\n$/, '').split('\n');
  const insert = insertPair(doc, ['spec'], 'volumeClaimTemplates', lines);
  if (!insert) return undefined;
  edits.push(...insert);
  return edits;
}

/** The claims of the document's PVC volumes, as the text of their PersistentVolumeClaim documents in the file. */
function claimDocuments(file: ManifestFile, doc: ManifestDocument): string {
  const volumes = getAt(doc.value, [...podSpecPath('Deployment')!, 'volumes']);
  if (!Array.isArray(volumes)) return '';
  const names = volumes
    .map((v) => (isObject(v) && isObject(v.persistentVolumeClaim) ? v.persistentVolumeClaim.claimName : undefined))
    .filter(Boolean);
  if (names.length === 0) return '';
  return file.documents
    .filter((d) => d.object?.kind === 'PersistentVolumeClaim' && names.includes(d.object.name))
    .map((d) => d.text)
    .join('\u0000');
}

export const deploymentToStatefulSet: Refactor = {
  id: 'deployment-to-statefulset',
  from: 'Deployment',
  to: 'StatefulSet',
  title: 'Convert to StatefulSet',
  fingerprint({ doc, file, workspace }) {
    const name = doc.object?.name;
    const service = name ? chooseServiceName(name, file, workspace, doc.object?.namespace) : undefined;
    return JSON.stringify([service, claimDocuments(file, doc)]);
  },
  edits(ctx) {
    const { doc, file } = ctx;
    const name = doc.object?.name;
    if (doc.object?.kind !== 'Deployment' || !name || !isObject(getAt(doc.value, ['spec']))) return undefined;
    const namespace = doc.object.namespace;
    const retarget = setKindAndVersion(doc, 'StatefulSet', 'apps/v1');
    if (!retarget) return undefined;
    const edits: DocEdit[] = [...retarget];
    const service = chooseServiceName(name, file, ctx.workspace, namespace);
    const serviceName = insertFirstPair(doc, ['spec'], 'serviceName', yamlString(service.name));
    if (!serviceName) return undefined;
    edits.push(...serviceName);
    const strategy = strategyEdits(doc, 'StatefulSet');
    if (!strategy) return undefined;
    edits.push(...strategy);
    for (const field of DEPLOYMENT_ONLY_FIELDS) {
      if (getAt(doc.value, ['spec', field]) === undefined) continue;
      const e = removePair(doc, ['spec', field]);
      if (!e) return undefined;
      edits.push(...e);
    }
    const claims = claimTemplateEdits(ctx, namespace);
    if (!claims) return undefined;
    edits.push(...claims);
    if (service.create)
      edits.push(
        ...appendDocument(doc, headlessServiceYaml(doc, service.name, namespace, selectorLabels(doc.value), servicePorts(doc.value))),
      );
    return mergeSamePosition(edits);
  },
};

/**
 * Edits in offset order, with an insertion folded into the edit that starts where it is inserted
 * (another insertion or a deletion): clients differ on how they order edits at the same position.
 */
export function mergeSamePosition(edits: DocEdit[]): DocEdit[] {
  const out: DocEdit[] = [];
  for (const e of edits) {
    const same = out.findIndex((o) => o.start === e.start && (o.start === o.end || e.start === e.end));
    if (same < 0) {
      out.push(e);
      continue;
    }
    const o = out[same];
    // The insertion's text goes first when the other edit replaces text; otherwise keep the order given.
    out[same] =
      o.start === o.end
        ? { start: o.start, end: e.end, newText: o.newText + e.newText }
        : { start: e.start, end: o.end, newText: e.newText + o.newText };
  }
  return out.sort((a, b) => a.start - b.start);
}
