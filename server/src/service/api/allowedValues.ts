// Allowed values of the enum-like string fields. The Kubernetes 1.35 OpenAPI v3 spec has no
// `enum` keyword: the possible values are written in each field's description. This table is
// curated from those descriptions (and, where a description does not list them, from the API
// server's validation code, named in `notInDescription`). test/unit/schema/allowedValues.test.ts
// checks every value against the spec's description of that property, so the table cannot
// silently drift from the spec.
//
// Only fields whose values the API server really enforces are listed: a value outside the set
// is rejected on create (`Unsupported value`).

export interface AllowedValuesEntry {
  /** Short definition name, as in the generated data (PodSpec, ServicePort, …). */
  readonly def: string;
  /** The property; for an array of strings the values apply to its items. */
  readonly prop: string;
  readonly values: readonly string[];
  /**
   * Values the description does not name, with where they come from. Every other value must
   * appear in the property's description.
   */
  readonly notInDescription?: { readonly values: readonly string[]; readonly source: string };
}

export const ALLOWED_VALUES: readonly AllowedValuesEntry[] = [
  // Pods and containers
  { def: 'PodSpec', prop: 'restartPolicy', values: ['Always', 'OnFailure', 'Never'] },
  { def: 'PodSpec', prop: 'dnsPolicy', values: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] },
  { def: 'PodSpec', prop: 'preemptionPolicy', values: ['Never', 'PreemptLowerPriority'] },
  { def: 'Container', prop: 'imagePullPolicy', values: ['Always', 'Never', 'IfNotPresent'] },
  { def: 'EphemeralContainer', prop: 'imagePullPolicy', values: ['Always', 'Never', 'IfNotPresent'] },
  { def: 'Container', prop: 'terminationMessagePolicy', values: ['File', 'FallbackToLogsOnError'] },
  { def: 'EphemeralContainer', prop: 'terminationMessagePolicy', values: ['File', 'FallbackToLogsOnError'] },
  { def: 'ContainerPort', prop: 'protocol', values: ['TCP', 'UDP', 'SCTP'] },
  { def: 'ContainerResizePolicy', prop: 'resourceName', values: ['cpu', 'memory'] },
  { def: 'Toleration', prop: 'operator', values: ['Exists', 'Equal', 'Lt', 'Gt'] },
  { def: 'Toleration', prop: 'effect', values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  { def: 'Taint', prop: 'effect', values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  { def: 'LabelSelectorRequirement', prop: 'operator', values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  { def: 'NodeSelectorRequirement', prop: 'operator', values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
  { def: 'TopologySpreadConstraint', prop: 'whenUnsatisfiable', values: ['DoNotSchedule', 'ScheduleAnyway'] },
  { def: 'TopologySpreadConstraint', prop: 'nodeAffinityPolicy', values: ['Honor', 'Ignore'] },
  { def: 'TopologySpreadConstraint', prop: 'nodeTaintsPolicy', values: ['Honor', 'Ignore'] },
  { def: 'PodSecurityContext', prop: 'fsGroupChangePolicy', values: ['OnRootMismatch', 'Always'] },
  { def: 'PodSecurityContext', prop: 'supplementalGroupsPolicy', values: ['Merge', 'Strict'] },
  { def: 'PodOS', prop: 'name', values: ['linux', 'windows'] },
  {
    def: 'HTTPGetAction',
    prop: 'scheme',
    values: ['HTTP', 'HTTPS'],
    notInDescription: {
      values: ['HTTPS'],
      source: 'core/v1 URIScheme constants (URISchemeHTTPS); rejected otherwise by validateHTTPGetAction',
    },
  },
  { def: 'SeccompProfile', prop: 'type', values: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
  { def: 'AppArmorProfile', prop: 'type', values: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
  // Workloads
  { def: 'DeploymentStrategy', prop: 'type', values: ['Recreate', 'RollingUpdate'] },
  { def: 'DaemonSetUpdateStrategy', prop: 'type', values: ['RollingUpdate', 'OnDelete'] },
  {
    def: 'StatefulSetUpdateStrategy',
    prop: 'type',
    values: ['RollingUpdate', 'OnDelete'],
    notInDescription: { values: ['OnDelete'], source: 'apps/v1 StatefulSetUpdateStrategyType constants (OnDeleteStatefulSetStrategyType)' },
  },
  { def: 'StatefulSetSpec', prop: 'podManagementPolicy', values: ['OrderedReady', 'Parallel'] },
  { def: 'StatefulSetPersistentVolumeClaimRetentionPolicy', prop: 'whenDeleted', values: ['Retain', 'Delete'] },
  { def: 'StatefulSetPersistentVolumeClaimRetentionPolicy', prop: 'whenScaled', values: ['Retain', 'Delete'] },
  { def: 'CronJobSpec', prop: 'concurrencyPolicy', values: ['Allow', 'Forbid', 'Replace'] },
  { def: 'JobSpec', prop: 'completionMode', values: ['NonIndexed', 'Indexed'] },
  { def: 'JobSpec', prop: 'podReplacementPolicy', values: ['TerminatingOrFailed', 'Failed'] },
  { def: 'PodFailurePolicyRule', prop: 'action', values: ['FailJob', 'FailIndex', 'Ignore', 'Count'] },
  { def: 'PodFailurePolicyOnExitCodesRequirement', prop: 'operator', values: ['In', 'NotIn'] },
  // Services
  { def: 'ServiceSpec', prop: 'type', values: ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'] },
  { def: 'ServiceSpec', prop: 'externalTrafficPolicy', values: ['Cluster', 'Local'] },
  { def: 'ServiceSpec', prop: 'internalTrafficPolicy', values: ['Cluster', 'Local'] },
  { def: 'ServiceSpec', prop: 'sessionAffinity', values: ['ClientIP', 'None'] },
  { def: 'ServiceSpec', prop: 'ipFamilyPolicy', values: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
  { def: 'ServiceSpec', prop: 'ipFamilies', values: ['IPv4', 'IPv6'] },
  { def: 'ServicePort', prop: 'protocol', values: ['TCP', 'UDP', 'SCTP'] },
  // Storage
  {
    def: 'PersistentVolumeClaimSpec',
    prop: 'accessModes',
    values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    notInDescription: {
      values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
      source: 'core/v1 PersistentVolumeAccessMode constants; rejected otherwise by ValidatePersistentVolumeClaimSpec',
    },
  },
  {
    def: 'PersistentVolumeClaimSpec',
    prop: 'volumeMode',
    values: ['Filesystem', 'Block'],
    notInDescription: { values: ['Block'], source: 'core/v1 PersistentVolumeMode constants (PersistentVolumeBlock)' },
  },
  // Networking, autoscaling, policy, storage, scheduling, RBAC (every built-in group ships now)
  { def: 'HTTPIngressPath', prop: 'pathType', values: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  { def: 'IngressClassParametersReference', prop: 'scope', values: ['Cluster', 'Namespace'] },
  { def: 'NetworkPolicySpec', prop: 'policyTypes', values: ['Ingress', 'Egress'] },
  { def: 'NetworkPolicyPort', prop: 'protocol', values: ['TCP', 'UDP', 'SCTP'] },
  { def: 'MetricSpec', prop: 'type', values: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] },
  { def: 'MetricTarget', prop: 'type', values: ['Utilization', 'Value', 'AverageValue'] },
  {
    def: 'HPAScalingPolicy',
    prop: 'type',
    values: ['Pods', 'Percent'],
    notInDescription: {
      values: ['Pods', 'Percent'],
      source: 'autoscaling/v2 HPAScalingPolicyType constants (PodsScalingPolicy, PercentScalingPolicy)',
    },
  },
  {
    def: 'HPAScalingRules',
    prop: 'selectPolicy',
    values: ['Max', 'Min', 'Disabled'],
    notInDescription: {
      values: ['Min', 'Disabled'],
      source: 'autoscaling/v2 ScalingPolicySelect constants (MinChangePolicySelect, DisabledPolicySelect)',
    },
  },
  { def: 'PodDisruptionBudgetSpec', prop: 'unhealthyPodEvictionPolicy', values: ['IfHealthyBudget', 'AlwaysAllow'] },
  { def: 'PersistentVolumeSpec', prop: 'persistentVolumeReclaimPolicy', values: ['Retain', 'Delete', 'Recycle'] },
  {
    def: 'StorageClass',
    prop: 'reclaimPolicy',
    values: ['Delete', 'Retain'],
    notInDescription: { values: ['Retain'], source: 'storage validation ValidateStorageClass: supportedReclaimPolicy (Delete, Retain)' },
  },
  {
    def: 'StorageClass',
    prop: 'volumeBindingMode',
    values: ['Immediate', 'WaitForFirstConsumer'],
    notInDescription: {
      values: ['Immediate', 'WaitForFirstConsumer'],
      source: 'storage/v1 VolumeBindingMode constants (VolumeBindingImmediate, VolumeBindingWaitForFirstConsumer)',
    },
  },
  { def: 'PriorityClass', prop: 'preemptionPolicy', values: ['Never', 'PreemptLowerPriority'] },
  { def: 'rbac.v1.Subject', prop: 'kind', values: ['User', 'Group', 'ServiceAccount'] },
];

const byKey = new Map(ALLOWED_VALUES.map((e) => [`${e.def}.${e.prop}`, e.values]));

/** The allowed values of `def.prop` (for arrays: of its items), or undefined when any value goes. */
export function allowedValuesOf(def: string, prop: string): readonly string[] | undefined {
  return byKey.get(`${def}.${prop}`);
}
