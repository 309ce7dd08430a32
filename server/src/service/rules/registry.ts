// Every rule the language service runs. Adding a rule = one file in this folder + one line here.
import type { AnyRule } from './types';
import { yamlSyntax } from './yaml-syntax';
import { unknownField } from './unknown-field';
import { invalidValue } from './invalid-value';
import { missingRequiredField } from './missing-required-field';
import { apiVersionMismatch } from './api-version-mismatch';
import { missingApiVersion } from './missing-api-version';
import { invalidQuantity } from './invalid-quantity';
import { invalidName } from './invalid-name';
import { missingHeadlessService } from './missing-headless-service';
import { serviceNotHeadless } from './service-not-headless';
import { danglingService } from './dangling-service';
import { cronjobConcurrencyPolicy } from './cronjob-concurrency-policy';
import { indexedJobCompletions } from './indexed-job-completions';
import { completionIndexNeedsIndexed } from './completion-index-needs-indexed';
import { parallelismExceedsCompletions } from './parallelism-exceeds-completions';
import { jobTtl } from './job-ttl';
import { jobDeadline } from './job-deadline';
import { daemonsetTolerations } from './daemonset-tolerations';
import { invalidCronSchedule } from './invalid-cron-schedule';
import { invalidTimeZone } from './invalid-time-zone';
import { selectorMismatch } from './selector-mismatch';
import { jobRestartPolicy } from './job-restart-policy';
import { longRunningRestartPolicy } from './long-running-restart-policy';
import { unknownVolumeMount } from './unknown-volume-mount';
import { dataMountPath } from './data-mount-path';
import { imageTag } from './image-tag';
import { duplicateName } from './duplicate-name';
import { rollingUpdateZero } from './rolling-update-zero';
import { partitionExceedsReplicas } from './partition-exceeds-replicas';
import { statefulsetServiceName } from './statefulset-service-name';
import { runAsNonRoot } from './run-as-non-root';
import { runAsNonRootConflict } from './run-as-non-root-conflict';
import { secretInEnv } from './secret-in-env';
import { missingResources } from './missing-resources';
import { requestsExceedLimits } from './requests-exceed-limits';
import { workloadKindAdvice } from './workload-kind-advice';
import { envValueSource } from './env-value-source';
import { volumeSource } from './volume-source';
import { volumeWithoutSource } from './volume-without-source';
import { duplicateMountPath } from './duplicate-mount-path';
import { invalidProbe } from './invalid-probe';
import { servicePorts } from './service-ports';
import { rollingUpdateNotAllowed } from './rolling-update-not-allowed';
import { dnsPolicyNone } from './dns-policy-none';
import { invalidDataKey } from './invalid-data-key';
import { incompleteClaim } from './incomplete-claim';
import { hostPortMismatch } from './host-port-mismatch';
import { topologySpreadConstraint } from './topology-spread-constraint';
import { progressDeadline } from './progress-deadline';

export const RULES: readonly AnyRule[] = [
  yamlSyntax,
  // Kubernetes API rules (schema) and the guide's rules are appended below, one line each.
  unknownField,
  invalidValue,
  missingRequiredField,
  apiVersionMismatch,
  missingApiVersion,
  invalidQuantity,
  invalidName,
  missingHeadlessService,
  serviceNotHeadless,
  danglingService,
  cronjobConcurrencyPolicy,
  indexedJobCompletions,
  completionIndexNeedsIndexed,
  parallelismExceedsCompletions,
  jobTtl,
  jobDeadline,
  daemonsetTolerations,
  invalidCronSchedule,
  invalidTimeZone,
  selectorMismatch,
  jobRestartPolicy,
  longRunningRestartPolicy,
  unknownVolumeMount,
  dataMountPath,
  imageTag,
  duplicateName,
  rollingUpdateZero,
  partitionExceedsReplicas,
  statefulsetServiceName,
  runAsNonRoot,
  runAsNonRootConflict,
  secretInEnv,
  missingResources,
  requestsExceedLimits,
  workloadKindAdvice,
  envValueSource,
  volumeSource,
  volumeWithoutSource,
  duplicateMountPath,
  invalidProbe,
  servicePorts,
  rollingUpdateNotAllowed,
  dnsPolicyNone,
  invalidDataKey,
  incompleteClaim,
  hostPortMismatch,
  topologySpreadConstraint,
  progressDeadline,
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function getRule(id: string): AnyRule | undefined {
  return byId.get(id);
}
