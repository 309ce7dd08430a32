// Names from the workspace index as completions — the objects a field refers to by name:
//   StatefulSet spec.serviceName          -> Services of the namespace (headless ones first)
//   volumeMounts[].name / volumeDevices   -> the pod's volumes and the StatefulSet's claim templates
//   secretKeyRef/secretRef/secret volume  -> Secrets of the namespace; configMap refs -> ConfigMaps
//   pod template labels (keys and values) -> the workload's own selector labels
//   a Service's spec.selector keys        -> the pod template labels of the namespace
// Plugged into the completion providers of ../completion (values.ts and keys.ts).
import type { CompletionItemKind } from 'vscode-languageserver-types';
import { getAt } from '../manifest/navigate';
import { podSpecPath, podTemplatePath } from '../k8s/podSpec';
import type { KeyCompletionProvider, KeySuggestion, ValueCompletionProvider, ValueSuggestion } from './providers';
import { isHeadless, makesPods, sameNamespace } from '../workspace/match';
import { labelMap, labelValue } from '../k8s/labels';

const KIND_REFERENCE = 18 as CompletionItemKind; // Reference
const KIND_VARIABLE = 6 as CompletionItemKind; // Variable

type P = readonly (string | number)[];
const startsWith = (path: P, prefix: P) => prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
const sameAs = (path: P, other: P) => path.length === other.length && startsWith(path, other);

function namespaceOfRequest(object: Record<string, unknown> | undefined): { namespace?: string } {
  const ns = getAt(object, ['metadata', 'namespace']);
  return { namespace: typeof ns === 'string' ? ns : undefined };
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** `[...podSpec, containers|initContainers|ephemeralContainers, i, volumeMounts|volumeDevices, j, name]`. */
function isVolumeMountName(kind: string | undefined, path: P): boolean {
  const spec = kind ? podSpecPath(kind) : undefined;
  if (!spec || !startsWith(path, spec)) return false;
  const r = path.slice(spec.length);
  return (
    r.length === 5 &&
    ['containers', 'initContainers', 'ephemeralContainers'].includes(String(r[0])) &&
    (r[2] === 'volumeMounts' || r[2] === 'volumeDevices') &&
    r[4] === 'name'
  );
}

function referencedKind(path: P): 'Secret' | 'ConfigMap' | undefined {
  const n = path.length;
  const last = path[n - 1];
  const parent = path[n - 2];
  if (last === 'name' && (parent === 'secretKeyRef' || parent === 'secretRef')) return 'Secret';
  if ((last === 'secretName' || last === 'name') && parent === 'secret') return 'Secret';
  if (last === 'name' && typeof parent === 'number' && path[n - 3] === 'imagePullSecrets') return 'Secret';
  if (last === 'name' && (parent === 'configMapKeyRef' || parent === 'configMapRef' || parent === 'configMap')) return 'ConfigMap';
  return undefined;
}

/** Values: Services, volumes, Secrets, ConfigMaps and selector label values. */
export const workspaceNameValues: ValueCompletionProvider = (req) => {
  const { kind, path } = req;
  if (!kind) return [];

  if (kind === 'StatefulSet' && sameAs(path, ['spec', 'serviceName'])) {
    const from = namespaceOfRequest(req.object());
    const out: ValueSuggestion[] = [];
    const seen = new Set<string>();
    for (const s of req.workspace.objects('Service')) {
      if (!s.name || seen.has(s.name) || !sameNamespace(s, from)) continue;
      seen.add(s.name);
      const headless = isHeadless(s.clusterIP);
      out.push({
        label: s.name,
        value: s.name,
        kind: KIND_REFERENCE,
        detail: headless ? 'headless Service' : 'Service — not headless (needs clusterIP: None)',
        documentation: `Service \`${s.name}\` in ${fileName(s.uri)}${headless ? '' : '. A StatefulSet’s governing Service must be headless (`clusterIP: None`) for the per-pod DNS names.'}`,
        sortText: `${headless ? 0 : 1}${s.name}`,
      });
    }
    // The usual convention: the governing Service is named like the StatefulSet.
    const own = getAt(req.object(), ['metadata', 'name']);
    if (typeof own === 'string' && own && !seen.has(own))
      out.push({
        label: own,
        value: own,
        kind: KIND_REFERENCE,
        detail: 'the StatefulSet’s name — no Service yet',
        documentation: `No Service \`${own}\` exists yet; the quick fix of \`missing-headless-service\` appends a headless one.`,
        sortText: `2${own}`,
      });
    return out;
  }

  if (isVolumeMountName(kind, path)) {
    const object = req.object();
    const spec = podSpecPath(kind)!;
    const out: ValueSuggestion[] = [];
    const volumes = getAt(object, [...spec, 'volumes']);
    if (Array.isArray(volumes))
      for (const v of volumes) {
        const name = (v as Record<string, unknown> | null)?.name;
        if (typeof name !== 'string' || !name) continue;
        const source = Object.keys(v as object).find((k) => k !== 'name');
        out.push({
          label: name,
          value: name,
          kind: KIND_REFERENCE,
          detail: source ? `volume (${source})` : 'volume',
          sortText: `0${name}`,
        });
      }
    if (kind === 'StatefulSet') {
      const claims = getAt(object, ['spec', 'volumeClaimTemplates']);
      if (Array.isArray(claims))
        for (const c of claims) {
          const name = getAt(c, ['metadata', 'name']);
          if (typeof name !== 'string' || !name) continue;
          const size = getAt(c, ['spec', 'resources', 'requests', 'storage']);
          out.push({
            label: name,
            value: name,
            kind: KIND_REFERENCE,
            detail: `volumeClaimTemplate${size !== undefined ? ` (${String(size)})` : ''}`,
            documentation: `One PersistentVolumeClaim per pod: \`${name}-<statefulset>-0\`, \`${name}-<statefulset>-1\`…`,
            sortText: `1${name}`,
          });
        }
    }
    return out;
  }

  const target = podSpecPath(kind) ? referencedKind(path) : undefined;
  if (target) {
    const from = namespaceOfRequest(req.object());
    const out: ValueSuggestion[] = [];
    const seen = new Set<string>();
    for (const o of req.workspace.objects(target)) {
      if (!o.name || seen.has(o.name) || !sameNamespace(o, from)) continue;
      seen.add(o.name);
      out.push({
        label: o.name,
        value: o.name,
        kind: KIND_REFERENCE,
        detail: target,
        documentation: `${target} \`${o.name}\` in ${fileName(o.uri)}`,
      });
    }
    return out;
  }

  // The value of a pod template label the selector names: the selector's value.
  const template = podTemplatePath(kind);
  if (template && path.length === template.length + 3 && startsWith(path, [...template, 'metadata', 'labels'])) {
    const key = String(path[path.length - 1]);
    const wanted = labelValue(labelMap(getAt(req.object(), ['spec', 'selector', 'matchLabels'])), key);
    return wanted !== undefined
      ? [{ label: wanted, value: wanted, kind: KIND_VARIABLE, detail: 'from spec.selector.matchLabels', preselect: true }]
      : [];
  }
  return [];
};

/** Keys: the selector's labels for a pod template's labels; pod labels of the namespace for a Service selector. */
export const workspaceLabelKeys: KeyCompletionProvider = (req) => {
  const { kind, path } = req;
  if (!kind) return [];
  const pair = (k: string, v: string) =>
    `${k}: ${/^[\w.\-/]+$/.test(v) && !/^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(v) ? v : JSON.stringify(v)}`;

  const template = podTemplatePath(kind);
  if (template && sameAs(path, [...template, 'metadata', 'labels'])) {
    const selector = labelMap(getAt(req.object(), ['spec', 'selector', 'matchLabels'])) ?? {};
    return Object.entries(selector)
      .filter(([k]) => !req.existingKeys.includes(k))
      .map(([k, v]): KeySuggestion => ({
        label: k,
        insertText: pair(k, v),
        detail: `${k}: ${v} — from spec.selector.matchLabels`,
        sortText: `0${k}`,
      }));
  }

  if (kind === 'Service' && sameAs(path, ['spec', 'selector'])) {
    const from = namespaceOfRequest(req.object());
    const out: KeySuggestion[] = [];
    const seen = new Set<string>();
    for (const o of req.workspace.objects()) {
      if (!makesPods(o) || !o.podLabels || !sameNamespace(o, from)) continue;
      for (const [k, v] of Object.entries(o.podLabels)) {
        const id = `${k}=${v}`;
        if (seen.has(id) || req.existingKeys.includes(k)) continue;
        seen.add(id);
        out.push({ label: `${k}: ${v}`, insertText: pair(k, v), detail: `pod label of ${o.kind} ${o.name ?? ''}`.trim() });
      }
    }
    return out;
  }
  return [];
};
