// StatefulSet knowledge: how it differs from a Deployment, the ordered lifecycle, DNS names,
// claim names, the headless Service and staged rollouts with a partition.

/** Deployment vs StatefulSet, one row per aspect. */
export const DEPLOYMENT_VS_STATEFULSET: readonly { readonly aspect: string; readonly deployment: string; readonly statefulSet: string }[] =
  [
    { aspect: 'Pod identity', deployment: 'Random (`pod-abc123`)', statefulSet: 'Stable ordinal (`db-0`, `db-1`)' },
    { aspect: 'Scaling order', deployment: 'Parallel, all at once', statefulSet: 'Sequential (0→1→2)' },
    { aspect: 'Storage', deployment: 'Shared or ephemeral', statefulSet: 'Persistent per pod, survives restarts' },
    { aspect: 'Network', deployment: 'Dynamic IPs behind a Service', statefulSet: 'A stable DNS name per pod' },
    { aspect: 'Best for', deployment: 'Stateless APIs, workers', statefulSet: 'Databases, message brokers, caches' },
  ];

/** The per-pod DNS name pattern. */
export const POD_DNS_PATTERN = '{pod-name}.{service-name}.{namespace}.svc.cluster.local';

/** Replicas listed by name in hovers and code lenses. */
export const MAX_LISTED_REPLICAS = 10;

/** `<name>-<ordinal>` for each replica (all of them; callers cut the list). */
export function statefulSetPodNames(name: string, replicas: number): string[] {
  const n = Math.max(0, Math.floor(replicas));
  return Array.from({ length: n }, (_, i) => `${name}-${i}`);
}

/** `<pod>.<service>.<namespace>.svc.cluster.local` for each replica; namespace defaults to `default`. */
export function statefulSetDnsNames(name: string, serviceName: string, namespace: string | undefined, replicas: number): string[] {
  const ns = namespace || 'default';
  return statefulSetPodNames(name, replicas).map((pod) => `${pod}.${serviceName}.${ns}.svc.cluster.local`);
}

/** The PersistentVolumeClaims a claim template yields: `<claim>-<statefulset>-<ordinal>` (data-postgres-0 …). */
export function statefulSetClaimNames(claimName: string, statefulSetName: string, replicas: number): string[] {
  return statefulSetPodNames(statefulSetName, replicas).map((pod) => `${claimName}-${pod}`);
}

export const ORDERED_LIFECYCLE = {
  startup: 'Pods start one at a time in ordinal order; each waits until the one before it is Running and Ready.',
  shutdown: 'Pods stop in reverse order, highest ordinal first.',
  /** podManagementPolicy: Parallel */
  parallel:
    '`podManagementPolicy: Parallel` — pods start and stop all at once, without waiting for each other; updates still go one pod at a time.',
  /** the sequence as an arrow chain, e.g. startupSequence('postgres', 3) */
  startupSequence(name: string, replicas: number): string {
    const pods = statefulSetPodNames(name, Math.min(replicas, MAX_LISTED_REPLICAS));
    if (pods.length === 0) return '(no pods: replicas is 0)';
    return pods.map((p, i) => (i === 0 ? `${p} (Running, Ready)` : `${p} starts`)).join(' → ');
  },
  shutdownSequence(name: string, replicas: number): string {
    const pods = statefulSetPodNames(name, Math.min(replicas, MAX_LISTED_REPLICAS)).reverse();
    if (pods.length === 0) return '(no pods: replicas is 0)';
    return pods.map((p) => `${p} terminates`).join(' → ');
  },
};

export const HEADLESS_SERVICE = {
  summary:
    'A headless Service (`clusterIP: None`) gets no virtual IP; DNS answers with the pod addresses and gives every pod its own record.',
  whyStatefulSet:
    'A StatefulSet names it in `spec.serviceName` — it is required for per-pod DNS (`postgres-0.postgres…`); without it the names do not resolve.',
  selector:
    "Its selector must match the StatefulSet's pod labels, and its name must equal the StatefulSet's serviceName, in the same namespace.",
};

/** Rolling updates with a partition: only ordinals >= partition get the new template. */
export const PARTITION = {
  summary:
    'With `updateStrategy.rollingUpdate.partition: N`, only pods with ordinal ≥ N are updated when the template changes; pods below N keep the old version.',
  /** the guide's staged rollout, for a StatefulSet `name` with `replicas` and container `container` */
  stagedRollout(name: string, replicas: number, container = name): string[] {
    const last = Math.max(replicas - 1, 0);
    return [
      `Set \`partition: ${last}\` so only the highest ordinal (${name}-${last}) takes the new version.`,
      `Change the image, e.g. \`kubectl set image statefulset/${name} ${container}=<image>:<new-tag>\` — only ${name}-${last} is updated.`,
      `Check ${name}-${last} works, then lower the partition to 0 to update the rest: \`kubectl patch statefulset ${name} -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'\``,
    ];
  },
  /** which ordinals a partition updates */
  updatedOrdinals(replicas: number, partition: number): { updated: number[]; kept: number[] } {
    const all = Array.from({ length: Math.max(0, Math.floor(replicas)) }, (_, i) => i);
    return { updated: all.filter((i) => i >= partition), kept: all.filter((i) => i < partition) };
  },
};
