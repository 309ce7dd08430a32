// What each of the five workload kinds is for, in the guide's terms.
import type { KindGuide, WorkloadKind } from './types';

export const KIND_GUIDES: Readonly<Record<WorkloadKind, KindGuide>> = {
  Deployment: {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    useFor: 'Stateless applications whose pods are interchangeable',
    characteristics: [
      'Pods can be replaced or rescheduled anywhere at any time',
      'Rolling updates with zero downtime',
      'Horizontal scaling with replicas or a HorizontalPodAutoscaler (HPA)',
      'No persistent identity: a pod gets a random name (`api-7d9f-abc123`)',
    ],
    examples: ['API servers', 'web frontends', 'stateless workers'],
    patterns: [],
    docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/',
  },
  StatefulSet: {
    kind: 'StatefulSet',
    apiVersion: 'apps/v1',
    useFor: 'Stateful applications that need a stable identity and their own storage',
    characteristics: [
      'Stable, unique network identity per pod (pod-0, pod-1, …)',
      'Stable persistent storage per pod, kept across restarts',
      'Ordered, graceful deployment and scaling',
      'Ordered, automated rolling updates',
    ],
    examples: ['databases', 'message brokers', 'caches', 'vector databases'],
    patterns: ['vector-database', 'llm-inference-cache'],
    docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/',
  },
  DaemonSet: {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    useFor: 'Node-level agents that must run on every node (or on selected nodes)',
    characteristics: [
      'One pod per node',
      'New nodes get their pod automatically',
      'Node selectors and tolerations choose which nodes it runs on',
    ],
    examples: ['log collectors', 'monitoring agents', 'network plugins', 'storage drivers'],
    patterns: [],
    docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
  },
  Job: {
    kind: 'Job',
    apiVersion: 'batch/v1',
    useFor: 'Batch tasks that run to completion',
    characteristics: [
      'Runs until the task completes successfully',
      'Tracks successful completions',
      'Can run several pods in parallel',
      'Retries failed pods automatically (up to backoffLimit)',
    ],
    examples: ['database migrations', 'batch processing', 'report generation'],
    patterns: ['model-migration', 'document-ingestion'],
    docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
  },
  CronJob: {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    useFor: 'Batch tasks that run on a schedule',
    characteristics: [
      'Creates a Job at every time of its schedule',
      'Schedule written in cron syntax',
      'A concurrency policy decides what happens when runs overlap',
      'Keeps a history of finished Jobs',
    ],
    examples: ['nightly backups', 'hourly reports', 'daily cleanup'],
    patterns: ['embedding-refresh'],
    docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/',
  },
};

/** The five kinds → the guide's one-line "use for" (for `kind:` completions). */
export const KIND_USE_FOR: Record<string, string> = Object.fromEntries(Object.values(KIND_GUIDES).map((g) => [g.kind, g.useFor]));
