// The guide's common-issues and failure tables, and the kubectl commands it recommends.
import type { DebugCommand, Issue } from './types';

export const STATEFULSET_ISSUES: readonly Issue[] = [
  {
    id: 'pvc-pending',
    symptom: 'Pod stuck Pending',
    cause: 'Its PVC is not bound',
    fix: 'Check the StorageClass and that a PV is available',
  },
  {
    id: 'previous-not-ready',
    symptom: "Pod won't start",
    cause: 'The previous pod is not Ready (startup is ordered)',
    fix: 'Read the logs of pod-0 first',
  },
  {
    id: 'wrong-mount-path',
    symptom: 'Data lost on restart',
    cause: 'The volumeMount path is wrong',
    fix: 'Make mountPath match where the application writes its data',
  },
  {
    id: 'dns-not-resolving',
    symptom: 'DNS not resolving',
    cause: 'The headless Service is missing',
    fix: 'Create a Service with `clusterIP: None` named like serviceName',
  },
];

export const JOB_FAILURES: readonly Issue[] = [
  {
    id: 'zero-completions',
    symptom: 'Job stuck at 0 completions',
    cause: 'see `kubectl describe job`',
    fix: 'Check the image and the resources',
  },
  { id: 'crashloop', symptom: 'Pods in CrashLoopBackOff', cause: 'see `kubectl logs <pod>`', fix: 'Fix the application error' },
  {
    id: 'deadline-exceeded',
    symptom: 'Job exceeded its deadline',
    cause: 'see `activeDeadlineSeconds`',
    fix: 'Raise the deadline or make the work faster',
  },
  {
    id: 'backoff-exceeded',
    symptom: 'backoffLimit exceeded',
    cause: 'see `kubectl describe job`',
    fix: 'Fix the root cause, then raise the limit if retries are legitimate',
  },
];

export const STATEFULSET_DEBUG: readonly DebugCommand[] = [
  { command: 'kubectl describe statefulset <name>', purpose: 'status and events' },
  { command: 'kubectl get pods -l app=<name> -w', purpose: 'watch the pods start in order' },
  { command: 'kubectl get pvc -l app=<name>', purpose: 'the claims created from volumeClaimTemplates' },
  { command: 'kubectl scale statefulset <name> --replicas=5', purpose: 'scale (pods are added and removed in order)' },
  { command: 'kubectl delete pod <pod-name> --grace-period=0 --force', purpose: 'force-delete a stuck pod — use with care' },
];

export const JOB_DEBUG: readonly DebugCommand[] = [
  { command: 'kubectl get jobs -w', purpose: 'watch Job status' },
  { command: 'kubectl describe job <job-name>', purpose: 'details and events' },
  // the label the Job controller sets since Kubernetes 1.27 (the unprefixed job-name is legacy)
  { command: 'kubectl get pods -l batch.kubernetes.io/job-name=<job-name>', purpose: "the Job's pods" },
  { command: 'kubectl logs job/<job-name>', purpose: 'logs of a pod of the Job' },
];

export const CRONJOB_DEBUG: readonly DebugCommand[] = [
  { command: 'kubectl get cronjobs', purpose: 'schedules and last schedule times' },
  { command: 'kubectl describe cronjob <name>', purpose: 'last schedule time and events' },
  // The CronJob controller sets no cronjob-name label (the guide's `-l cronjob-name=<name>` finds
  // nothing): its Jobs carry the jobTemplate's labels and an owner reference to the CronJob.
  {
    command: `kubectl get jobs -o 'jsonpath={range .items[?(@.metadata.ownerReferences[0].name=="<name>")]}{.metadata.name}{"\\n"}{end}'`,
    purpose: 'the Jobs this CronJob created (by owner)',
  },
  {
    command: 'kubectl create job --from=cronjob/<name> <name>-manual-<timestamp>',
    purpose: 'trigger a run by hand to test it (the name at most 63 characters)',
  },
];
