// The Kubernetes releases the extension knows, without loading anything (settings, CLI arguments).

/** The Kubernetes releases the extension knows (the generated data has exactly these; a test checks it). */
export const KUBERNETES_VERSIONS = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = '1.35';

export function isKubernetesVersion(v: unknown): v is KubernetesVersion {
  return typeof v === 'string' && (KUBERNETES_VERSIONS as readonly string[]).includes(v);
}
