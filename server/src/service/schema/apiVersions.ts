// Which apiVersion serves a kind, and the betas that used to: the removed workload API versions
// named with the Kubernetes release that stopped serving them.

import { editDistance } from './distance';
import { apiVersionsOf, knownKinds, kindsByApiVersion } from './index';

/** kind → removed apiVersion → the release that removed it. */
export const REMOVED_API_VERSIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Deployment: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  DaemonSet: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  ReplicaSet: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  StatefulSet: { 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  CronJob: { 'batch/v1beta1': '1.25', 'batch/v2alpha1': '1.21' },
};

/** API groups whose kinds we know: a known kind under another group (a CRD named Service…) is not ours. */
const OUR_GROUPS = new Set(['', 'apps', 'batch', 'extensions']);

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

export interface ApiVersionProblem {
  /** The apiVersion(s) that serve the kind. */
  readonly expected: readonly string[];
  /** Set when the given apiVersion used to serve the kind: the release that removed it. */
  readonly removedIn?: string;
}

/**
 * undefined when `apiVersion` serves `kind`, or when either is not ours to judge (unknown kind,
 * a CRD group). Otherwise the right apiVersion(s) and, for a removed beta, its removal release.
 */
export function checkApiVersion(apiVersion: string, kind: string): ApiVersionProblem | undefined {
  const expected = apiVersionsOf(kind);
  if (expected.length === 0 || expected.includes(apiVersion)) return undefined;
  if (!OUR_GROUPS.has(groupOf(apiVersion))) return undefined;
  const removedIn = REMOVED_API_VERSIONS[kind]?.[apiVersion];
  return removedIn ? { expected, removedIn } : { expected };
}

/** Kinds of v1, apps/v1 and batch/v1 that are valid in a manifest but have no schema here. */
const OTHER_SERVED_KINDS = new Set(['List', 'Binding', 'ComponentStatus', 'Status', 'Scale', 'DeleteOptions', 'WatchEvent']);

/**
 * For a kind that v1, apps/v1 or batch/v1 does not have, the kind the author most likely meant
 * (`Deploymnet` → Deployment, `deployment` → Deployment); undefined when the kind is fine, not
 * close to any kind we know, or the apiVersion is not one of ours.
 */
export function misspeltKind(apiVersion: string, kind: string): string | undefined {
  const served = kindsByApiVersion(apiVersion);
  if (served.length === 0 || served.includes(kind) || OTHER_SERVED_KINDS.has(kind) || kind.endsWith('List')) return undefined;
  if (apiVersionsOf(kind).length > 0) return undefined; // a real kind under the wrong apiVersion: checkApiVersion's case
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of knownKinds()) {
    const d = editDistance(kind, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.min(2, Math.floor(kind.length / 4))) ? best : undefined;
}
