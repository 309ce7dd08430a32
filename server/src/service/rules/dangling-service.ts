// dangling-service: a Service whose selector matches no pod template in its namespace, so it would
// have no endpoints. It concludes from an absence, so it speaks only when it has seen enough.
import { rangeOfKey } from '../manifest/navigate';
import { getAt } from '../manifest/navigate';
import type { ManifestFile } from '../manifest/types';
import type { IndexedObject } from '../workspace/types';
import { isCustomResource, makesPods, namespaceOf, selectedBy } from '../workspace/match';
import { labelMap, labelValue, type Labels } from '../k8s/labels';
import type { CrossDocumentRule } from './types';
import { editDistance } from '../text/distance';

/** Labels that name an application (the rest — role, tier, version — are shared by unrelated apps). */
const IDENTITY_KEYS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app',
  'k8s-app',
  'name',
  'component',
  'app.kubernetes.io/component',
];

/**
 * The workload looks like the one the Service was written for: it has the Service's name, it
 * carries the selector's application label, or one of its label values is a typo away.
 */
function nearMiss(selector: Labels, w: IndexedObject, serviceName: string | undefined): boolean {
  if (serviceName && w.name === serviceName) return true;
  return Object.entries(selector).some(([k, v]) => {
    const actual = labelValue(w.podLabels, k);
    if (actual === undefined) return false;
    if (actual === v) return IDENTITY_KEYS.includes(k);
    return editDistance(actual, v) <= Math.min(2, Math.floor(v.length / 3));
  });
}

/** Per file, since every Service of a 500-document file asks. */
const unreadable = new WeakMap<ManifestFile, boolean>();

function hasUnreadableDocument(file: ManifestFile): boolean {
  let found = unreadable.get(file);
  if (found === undefined) unreadable.set(file, (found = file.documents.some((d) => d.syntaxProblems.length > 0)));
  return found;
}

interface Namespace {
  readonly workloads: IndexedObject[];
  customResources: boolean;
}

/** The index's objects by namespace, once per state of the index (every Service of a file asks). */
const namespaces = new WeakMap<object, Map<string, Namespace>>();

function byNamespace(objects: Iterable<IndexedObject>): Map<string, Namespace> {
  let map = namespaces.get(objects);
  if (!map) {
    map = new Map();
    for (const o of objects) {
      const ns = namespaceOf(o);
      let entry = map.get(ns);
      if (!entry) map.set(ns, (entry = { workloads: [], customResources: false }));
      if (isCustomResource(o)) entry.customResources = true;
      else if (makesPods(o)) entry.workloads.push(o);
    }
    // WorkspaceIndex hands out the same list until it changes; other views get no reuse.
    namespaces.set(objects, map);
  }
  return map;
}

const formatLabels = (labels: Readonly<Record<string, string>> | undefined) =>
  labels && Object.keys(labels).length
    ? Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : 'no labels';

export const danglingService: CrossDocumentRule = {
  meta: {
    id: 'dangling-service',
    name: 'Service selects no pods',
    severity: 'warning',
    kinds: ['Service'],
    description: "A Service's selector matches the pod template labels of no workload in its namespace, so it would have no endpoints.",
    rationale:
      'A Service finds its pods by label only: when no pod carries every label of `spec.selector`, the Service exists, resolves in DNS and ' +
      'refuses every connection, with no error anywhere. The usual cause is a typo or a label renamed on one side only. ' +
      'Because the rule concludes from an absence, it speaks only with evidence of the workload the Service was written for: a ' +
      'workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController or Pod) in the same file and namespace, or — once every YAML file ' +
      'of the workspace has been indexed, or a folder was given to `k8s-workloads lint` — a workload of the namespace that nearly matches: the same name ' +
      "as the Service, the selector's application label (`app`, `app.kubernetes.io/name`, `name`, `component`…), or a label value one typo away. It stays quiet when the namespace holds custom resources (their operators " +
      'create pods we cannot see), when a document of the file does not parse, for Services without a selector (manual Endpoints) and for ExternalName Services.',
    guideSection: 'StatefulSet — Headless Service; Deployment',
    fixable: false,
    onPatch: 'skip',
    crossDocument: true,
    messages: {
      dangling:
        'Service {{service}} selects {{selector}}, but no pod template in namespace {{namespace}} has these labels ({{candidates}}): ' +
        'the Service would have no endpoints. Fix the selector or the pod template labels.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n' +
        '      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: wbe\n  ports:\n    - port: 80\n',
    },
  },
  check(ctx) {
    const object = ctx.object;
    if (!object) return;
    if (getAt(ctx.value, ['spec', 'type']) === 'ExternalName') return;
    const selector = labelMap(getAt(ctx.value, ['spec', 'selector']));
    if (!selector || Object.keys(selector).length === 0) return;

    // A document of this file we cannot read may be the workload: say nothing until it parses.
    if (hasUnreadableDocument(ctx.file)) return;
    const namespace = byNamespace(ctx.workspace.objects()).get(namespaceOf(object));
    if (namespace?.customResources) return; // an operator may create the pods
    const workloads = namespace?.workloads ?? [];
    if (selectedBy(workloads, selector).length > 0) return;
    // Evidence that the Service was meant for a workload we can see: one in the same file, or —
    // once the whole workspace is indexed — one that nearly matches (same name, a shared label,
    // a label value one typo away). Elsewhere the pods may come from what we do not index.
    const sameFile = workloads.filter((w) => w.uri === ctx.file.uri);
    const near = ctx.workspace.complete ? workloads.filter((w) => w.uri !== ctx.file.uri && nearMiss(selector, w, object.name)) : [];
    const candidates = [...sameFile, ...near];
    if (candidates.length === 0) return;

    const described = [...new Set(candidates.map((w) => `${w.kind} ${w.name ?? '(unnamed)'} has ${formatLabels(w.podLabels)}`))];
    const shown = described.slice(0, 3);
    if (described.length > 3) shown.push(`${described.length - 3} more`);
    const [start, end] = rangeOfKey(ctx.doc, ['spec', 'selector']);
    ctx.report({
      start,
      end,
      messageId: 'dangling',
      data: {
        service: object.name ?? '(unnamed)',
        selector: formatLabels(selector),
        namespace: namespaceOf(object),
        candidates: shown.join('; '),
      },
    });
  },
};
