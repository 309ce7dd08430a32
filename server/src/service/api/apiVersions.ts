// Which apiVersion serves a kind in the selected release, the releases that serve it when the
// selected one does not (from the generated data, 1.30 … 1.35), and the betas removed before 1.30
// with the release that removed them (Kubernetes' "Deprecated API Migration Guide").
import { editDistance } from '../text/distance';
import type { KubernetesApi } from './kubernetesApi';
import { entryOf } from '../text/tables';

/** apiVersion → kind → the release that stopped serving it (removed before the releases we ship). */
export const REMOVED_API_VERSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'extensions/v1beta1': {
    Deployment: '1.16',
    DaemonSet: '1.16',
    ReplicaSet: '1.16',
    NetworkPolicy: '1.16',
    PodSecurityPolicy: '1.16',
    Ingress: '1.22',
  },
  'apps/v1beta1': { Deployment: '1.16', StatefulSet: '1.16', ControllerRevision: '1.16' },
  'apps/v1beta2': { Deployment: '1.16', DaemonSet: '1.16', ReplicaSet: '1.16', StatefulSet: '1.16', ControllerRevision: '1.16' },
  'batch/v1beta1': { CronJob: '1.25' },
  'batch/v2alpha1': { CronJob: '1.21' },
  'networking.k8s.io/v1beta1': { Ingress: '1.22', IngressClass: '1.22' },
  'policy/v1beta1': { PodDisruptionBudget: '1.25', PodSecurityPolicy: '1.25' },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: '1.25' },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: '1.26' },
  'rbac.authorization.k8s.io/v1beta1': { Role: '1.22', ClusterRole: '1.22', RoleBinding: '1.22', ClusterRoleBinding: '1.22' },
  'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: '1.22' },
  'admissionregistration.k8s.io/v1beta1': { MutatingWebhookConfiguration: '1.22', ValidatingWebhookConfiguration: '1.22' },
  'apiregistration.k8s.io/v1beta1': { APIService: '1.22' },
  'scheduling.k8s.io/v1beta1': { PriorityClass: '1.22' },
  'storage.k8s.io/v1beta1': {
    CSIDriver: '1.22',
    CSINode: '1.22',
    StorageClass: '1.22',
    VolumeAttachment: '1.22',
    CSIStorageCapacity: '1.27',
  },
  'coordination.k8s.io/v1beta1': { Lease: '1.22' },
  'certificates.k8s.io/v1beta1': { CertificateSigningRequest: '1.22' },
  'discovery.k8s.io/v1beta1': { EndpointSlice: '1.25' },
  'events.k8s.io/v1beta1': { Event: '1.25' },
  'node.k8s.io/v1beta1': { RuntimeClass: '1.25' },
  'flowcontrol.apiserver.k8s.io/v1beta1': { FlowSchema: '1.26', PriorityLevelConfiguration: '1.26' },
  'flowcontrol.apiserver.k8s.io/v1beta2': { FlowSchema: '1.29', PriorityLevelConfiguration: '1.29' },
};

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The API groups built into Kubernetes (a known kind under another group — a CRD's `Service` — is not ours to judge). */
export function isBuiltInGroup(api: KubernetesApi, group: string): boolean {
  if (group === 'extensions') return true;
  for (const av of Object.keys(REMOVED_API_VERSIONS)) if (groupOf(av) === group) return true;
  return api.builtInGroups().has(group);
}

export interface ApiVersionProblem {
  /** The apiVersion(s) that serve the kind in the selected release (may be empty). */
  readonly expected: readonly string[];
  /** Set when the given apiVersion used to serve the kind before the releases we ship: the release that removed it. */
  readonly removedIn?: string;
  /** The releases we ship that serve this apiVersion/kind (when the selected one does not). */
  readonly servedIn?: readonly string[];
}

/**
 * undefined when `apiVersion` serves `kind` in the selected release, or when either is not ours to
 * judge (a kind no release has, a CRD group). Otherwise what serves it now and, for an apiVersion
 * of another release, when it was served or removed.
 */
export function checkApiVersion(api: KubernetesApi, apiVersion: string, kind: string): ApiVersionProblem | undefined {
  if (api.isKnownObject(apiVersion, kind)) return undefined;
  if (!isBuiltInGroup(api, groupOf(apiVersion))) return undefined;
  const expected = api.apiVersionsOf(kind);
  const servedIn = api.servedIn(apiVersion, kind);
  const removed = entryOf(REMOVED_API_VERSIONS, apiVersion);
  const removedIn = removed && entryOf(removed, kind);
  if (expected.length === 0 && servedIn.length === 0 && !removedIn) return undefined; // not a kind we know
  return { expected, ...(removedIn ? { removedIn } : {}), ...(servedIn.length ? { servedIn } : {}) };
}

/** Kinds that are valid in a manifest but have no schema here. */
const OTHER_SERVED_KINDS = new Set(['List', 'Binding', 'ComponentStatus', 'Status', 'Scale', 'DeleteOptions', 'WatchEvent']);

/**
 * For a kind that the apiVersion does not have, the kind the author most likely meant
 * (`Deploymnet` → Deployment, `deployment` → Deployment); undefined when the kind is fine, not
 * close to any kind we know, or the apiVersion is not a built-in one.
 */
export function misspeltKind(api: KubernetesApi, apiVersion: string, kind: string): string | undefined {
  const served = api.kindsByApiVersion(apiVersion);
  if (served.length === 0 || served.includes(kind) || OTHER_SERVED_KINDS.has(kind) || kind.endsWith('List')) return undefined;
  if (api.apiVersionsOfAnyRelease(kind).length > 0) return undefined; // a real kind under the wrong apiVersion: checkApiVersion's case
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of api.knownKinds()) {
    const d = editDistance(kind, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.min(2, Math.floor(kind.length / 4))) ? best : undefined;
}
