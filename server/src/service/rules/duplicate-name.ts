// duplicate-name: names that must be unique but are not — containers of a pod (containers,
// initContainers and ephemeralContainers share one namespace), ports of a container, volumes of a
// pod, ports of a Service, and the same API group/kind/namespace/name twice in one file (a Gateway
// API Gateway and an Istio Gateway of one name are two objects).
//
// The file-level part reads the other documents of the file, so the rule is crossDocument: its
// results are recomputed on each validation rather than cached with the document.
import { getAt, rangeOfValue } from '../manifest/navigate';
import type { JsonPath, K8sObjectHeader, ManifestFile } from '../manifest/types';
import { podSpecPath } from '../k8s/podSpec';
import type { CrossDocumentRule, CrossDocumentRuleContext } from './types';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

interface Named {
  name: string;
  path: JsonPath;
  where: string;
}

function namedItems(value: unknown, listPath: JsonPath, label: string): Named[] {
  const list = getAt(value, listPath);
  if (!Array.isArray(list)) return [];
  const out: Named[] = [];
  list.forEach((item, i) => {
    const name = item && typeof item === 'object' ? (item as Record<string, unknown>).name : undefined;
    if (typeof name === 'string' && name !== '') out.push({ name, path: [...listPath, i], where: `${label}[${i}]` });
  });
  return out;
}

/** Reports every item whose name an earlier item already used. */
function reportRepeats(
  ctx: CrossDocumentRuleContext,
  items: readonly Named[],
  messageId: string,
  extra: Record<string, string> = {},
): void {
  const first = new Map<string, Named>();
  for (const item of items) {
    const earlier = first.get(item.name);
    if (!earlier) {
      first.set(item.name, item);
      continue;
    }
    const [start, end] = rangeOfValue(ctx.doc, [...item.path, 'name']);
    ctx.report({ start, end, messageId, data: { name: item.name, first: earlier.where, second: item.where, ...extra } });
  }
}

function checkPod(ctx: CrossDocumentRuleContext, value: Record<string, unknown>, kind: string): void {
  const spec = podSpecPath(kind);
  if (!spec) return;
  const containers = CONTAINER_LISTS.flatMap((list) => namedItems(value, [...spec, list], list));
  reportRepeats(ctx, containers, 'container');
  for (const c of containers) reportRepeats(ctx, namedItems(value, [...c.path, 'ports'], 'ports'), 'port', { container: c.name });
  reportRepeats(ctx, namedItems(value, [...spec, 'volumes'], 'volumes'), 'volume');
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). Versions of one group serve the same objects. */
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

/** Each header's key, made once: a header belongs to a parsed document text, which every version of the file that keeps it shares. */
const objectKeys = new WeakMap<K8sObjectHeader, string>();

function objectKey(o: K8sObjectHeader): string {
  let key = objectKeys.get(o);
  if (key === undefined) {
    key = `${groupOf(o.apiVersion)}\u0000${o.kind}\u0000${o.name ?? ''}\u0000${o.namespace ?? ''}`;
    objectKeys.set(o, key);
  }
  return key;
}

/** Per file: the index of the first document of each group/kind/name/namespace (one pass, not one per document). */
const firstIndexes = new WeakMap<ManifestFile, Map<string, number>>();

function firstIndexOf(file: ManifestFile, object: K8sObjectHeader): number | undefined {
  let first = firstIndexes.get(file);
  if (!first) {
    first = new Map();
    for (const d of file.documents) {
      const o = d.object;
      if (!o?.name) continue;
      const key = objectKey(o);
      if (!first.has(key)) first.set(key, d.index);
    }
    firstIndexes.set(file, first);
  }
  return first.get(objectKey(object));
}

function checkFile(ctx: CrossDocumentRuleContext): void {
  const me = ctx.doc.object;
  if (!me?.name) return;
  const first = firstIndexOf(ctx.file, me);
  if (first === undefined || first >= ctx.doc.index) return;
  const [start, end] = rangeOfValue(ctx.doc, ['metadata', 'name']);
  ctx.report({
    start,
    end,
    messageId: 'object',
    // Only what the workspace index tracks (kinds, names, namespaces in order): cross-document results are cached against it.
    data: { kind: me.kind, name: me.name, namespace: me.namespace ? ` in namespace ${me.namespace}` : '' },
  });
}

export const duplicateName: CrossDocumentRule = {
  meta: {
    id: 'duplicate-name',
    name: 'Duplicate name',
    severity: 'error',
    kinds: 'all',
    crossDocument: true,
    description:
      'Two containers (containers, initContainers and ephemeralContainers together), two ports of a container, two volumes of a pod or ' +
      'two ports of a Service share a name, or the file defines the same object (API group, kind, namespace and name) twice.',
    rationale:
      'The API server rejects a pod whose container, port or volume names repeat, because volumeMounts, probes, Services and ' +
      '`kubectl logs -c` refer to them by name. Two objects with the same API group, kind, namespace and name in one file are one object ' +
      '(apps/v1 and apps/v1beta2 are versions of one group; a Gateway of gateway.networking.k8s.io and one of networking.istio.io are two objects): ' +
      '`kubectl apply` keeps whichever comes last, silently dropping the other.',
    guideSection: 'Kubernetes API',
    source:
      '`validateContainers`/`validateInitContainers`/`validateEphemeralContainers` (names unique across the three lists), `validateContainerPorts`, ' +
      '`ValidateVolumes` and `ValidateService` (port names), pkg/apis/core/validation/validation.go',
    fixable: false,
    onPatch: {
      skipMessages: ['object'],
      skipped: 'the same object twice in one file (kustomize merges several patches of one object)',
    },
    messages: {
      container:
        'Container name {{name}} is used twice ({{first}} and {{second}}): containers, initContainers and ephemeralContainers share one ' +
        'namespace — rename one of them.',
      port: 'Port name {{name}} is used twice in container {{container}} ({{first}} and {{second}}) — port names must be unique in a container.',
      volume: 'Volume name {{name}} is used twice ({{first}} and {{second}}) — volume names must be unique in a pod.',
      servicePort: 'Port name {{name}} is used twice in this Service ({{first}} and {{second}}) — Service port names must be unique.',
      object:
        '{{kind}} {{name}}{{namespace}} is already defined earlier in this file: applying the file keeps only the last one — rename it ' +
        'or remove the duplicate.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: web:1.0.0\n' +
        '  - name: app\n    image: sidecar:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.object) return;
    if (ctx.value) {
      if (ctx.object.kind === 'Service') reportRepeats(ctx, namedItems(ctx.value, ['spec', 'ports'], 'ports'), 'servicePort');
      else checkPod(ctx, ctx.value, ctx.object.kind);
    }
    checkFile(ctx);
  },
};
