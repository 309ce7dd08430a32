// Number ranges the API server's validation enforces beyond the int32/int64 type (ports are
// 1-65535, counts are non-negative…), by definition and property. Compiled into the validators
// (minimum/maximum) and reported by invalid-value with the range.
import { entryOf } from '../text/tables';

export const RANGES: Readonly<Record<string, readonly [min: number, max: number]>> = {
  'ContainerPort.containerPort': [1, 65535],
  'ContainerPort.hostPort': [0, 65535],
  'ServicePort.port': [1, 65535],
  'ServicePort.targetPort': [1, 65535],
  'ServicePort.nodePort': [0, 65535],
  'DeploymentSpec.replicas': [0, 2147483647],
  'DeploymentSpec.minReadySeconds': [0, 2147483647],
  'DeploymentSpec.revisionHistoryLimit': [0, 2147483647],
  'StatefulSetSpec.replicas': [0, 2147483647],
  'StatefulSetSpec.minReadySeconds': [0, 2147483647],
  'ReplicaSetSpec.replicas': [0, 2147483647],
  'DaemonSetSpec.minReadySeconds': [0, 2147483647],
  // rolling updates: an integer or a percentage (formats.ts); the integer is a count of pods
  'RollingUpdateDeployment.maxSurge': [0, 2147483647],
  'RollingUpdateDeployment.maxUnavailable': [0, 2147483647],
  'RollingUpdateDaemonSet.maxSurge': [0, 2147483647],
  'RollingUpdateDaemonSet.maxUnavailable': [0, 2147483647],
  'RollingUpdateStatefulSetStrategy.maxUnavailable': [1, 2147483647],
  'JobSpec.parallelism': [0, 2147483647],
  'JobSpec.completions': [0, 2147483647],
  'JobSpec.backoffLimit': [0, 2147483647],
  'JobSpec.ttlSecondsAfterFinished': [0, 2147483647],
  'CronJobSpec.successfulJobsHistoryLimit': [0, 2147483647],
  'CronJobSpec.failedJobsHistoryLimit': [0, 2147483647],
  'CronJobSpec.startingDeadlineSeconds': [0, Number.MAX_SAFE_INTEGER],
  'PodSpec.terminationGracePeriodSeconds': [0, Number.MAX_SAFE_INTEGER],
  'PodSpec.activeDeadlineSeconds': [1, Number.MAX_SAFE_INTEGER],
  // file permission bits: 0 to 0777 (octal)
  'ConfigMapVolumeSource.defaultMode': [0, 0o777],
  'SecretVolumeSource.defaultMode': [0, 0o777],
  'ProjectedVolumeSource.defaultMode': [0, 0o777],
  'DownwardAPIVolumeSource.defaultMode': [0, 0o777],
  'DownwardAPIVolumeFile.mode': [0, 0o777],
  'KeyToPath.mode': [0, 0o777],
};

/** Properties that hold file permission bits (written in octal, 0644). */
export function isFileMode(def: string, prop: string): boolean {
  return prop === 'defaultMode' || (prop === 'mode' && (def === 'KeyToPath' || def === 'DownwardAPIVolumeFile'));
}

export function rangeOf(def: string, prop: string): readonly [number, number] | undefined {
  return entryOf(RANGES, `${def}.${prop}`);
}
