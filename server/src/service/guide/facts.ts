// Every fact of the Workload Types Decision Guide that the product must teach, each with a
// distinctive phrase or value that shows it. Tests assert that each phrase is reachable from a
// hover (kindHoverMarkdown / fieldGuideNote), a completion item (guideValueCompletions) or a
// rule message — so a fact dropped from the data, or reworded away, fails a test.

export interface GuideFact {
  readonly id: string;
  /** the guide section it comes from */
  readonly section: string;
  /** what the fact says, briefly */
  readonly fact: string;
  /** text that must appear somewhere the user can see it (exact, case-sensitive) */
  readonly phrase: string;
}

const f = (section: string, id: string, fact: string, phrase: string): GuideFact => ({ id, section, fact, phrase });

export const GUIDE_FACTS: readonly GuideFact[] = [
  // Decision tree
  f(
    'Decision Tree',
    'tree-batch-question',
    'the first question is whether it is a batch task that runs to completion',
    'runs to completion?',
  ),
  f('Decision Tree', 'tree-cronjob', 'batch + scheduled → CronJob', 'on a schedule? yes → CronJob'),
  f('Decision Tree', 'tree-job', 'batch + not scheduled → Job', 'on a schedule? no → Job'),
  f(
    'Decision Tree',
    'tree-statefulset',
    'long-running + stable network identity → StatefulSet',
    'stable network identity? yes → StatefulSet',
  ),
  f('Decision Tree', 'tree-daemonset', 'no identity + every node → DaemonSet', 'on every node? yes → DaemonSet'),
  f('Decision Tree', 'tree-deployment', 'otherwise → Deployment', 'on every node? no → Deployment'),

  // Deployment
  f(
    'Deployment',
    'deployment-use-for',
    'stateless apps with interchangeable pods',
    'Stateless applications whose pods are interchangeable',
  ),
  f('Deployment', 'deployment-replaceable', 'pods can be replaced/rescheduled freely', 'replaced or rescheduled'),
  f('Deployment', 'deployment-zero-downtime', 'rolling updates with zero downtime', 'Rolling updates with zero downtime'),
  f('Deployment', 'deployment-hpa', 'horizontal scaling via replicas or HPA', 'HorizontalPodAutoscaler (HPA)'),
  f('Deployment', 'deployment-no-identity', 'no persistent identity', 'No persistent identity'),
  f('Deployment', 'deployment-examples', 'API servers, web frontends, stateless workers', 'API servers, web frontends, stateless workers'),
  f('Deployment', 'deployment-rolling-values', 'the example rolls with maxUnavailable 1 and maxSurge 1', 'the guide uses 1 and 1'),

  // StatefulSet
  f('StatefulSet', 'sts-use-for', 'stateful apps needing stable identity and storage', 'stable identity and their own storage'),
  f(
    'StatefulSet',
    'sts-stable-ids',
    'stable, unique network identifiers pod-0, pod-1',
    'Stable, unique network identity per pod (pod-0, pod-1, …)',
  ),
  f('StatefulSet', 'sts-stable-storage', 'stable persistent storage per pod', 'Stable persistent storage per pod'),
  f('StatefulSet', 'sts-ordered-scaling', 'ordered, graceful deployment and scaling', 'Ordered, graceful deployment and scaling'),
  f('StatefulSet', 'sts-ordered-updates', 'ordered, automated rolling updates', 'Ordered, automated rolling updates'),
  f('Deployment vs StatefulSet', 'cmp-identity-deployment', 'Deployment pods have random names', 'Random (`pod-abc123`)'),
  f('Deployment vs StatefulSet', 'cmp-identity-sts', 'StatefulSet pods have stable ordinals', 'Stable ordinal (`db-0`, `db-1`)'),
  f('Deployment vs StatefulSet', 'cmp-scaling-deployment', 'Deployments scale in parallel', 'Parallel, all at once'),
  f('Deployment vs StatefulSet', 'cmp-scaling-sts', 'StatefulSets scale sequentially', 'Sequential (0→1→2)'),
  f('Deployment vs StatefulSet', 'cmp-storage-deployment', 'Deployment storage is shared or ephemeral', 'Shared or ephemeral'),
  f(
    'Deployment vs StatefulSet',
    'cmp-storage-sts',
    'StatefulSet storage is per pod and persistent',
    'Persistent per pod, survives restarts',
  ),
  f(
    'Deployment vs StatefulSet',
    'cmp-network-deployment',
    'Deployment pods have dynamic IPs behind a Service',
    'Dynamic IPs behind a Service',
  ),
  f('Deployment vs StatefulSet', 'cmp-network-sts', 'StatefulSet pods have stable DNS', 'A stable DNS name per pod'),
  f('Deployment vs StatefulSet', 'cmp-best-for-deployment', 'Deployments: stateless APIs, workers', 'Stateless APIs, workers'),
  f(
    'Deployment vs StatefulSet',
    'cmp-best-for-sts',
    'StatefulSets: databases, message brokers, caches',
    'Databases, message brokers, caches',
  ),
  f('DNS Resolution', 'dns-pattern', 'per-pod DNS pattern', '{pod-name}.{service-name}.{namespace}.svc.cluster.local'),
  f('DNS Resolution', 'dns-example-postgres', 'postgres example', 'postgres-1.postgres.default.svc.cluster.local'),
  f('DNS Resolution', 'dns-example-qdrant', 'qdrant in ai-prod example', 'qdrant-0.qdrant.ai-prod.svc.cluster.local'),
  f(
    'Ordered Lifecycle',
    'lifecycle-startup',
    'startup is sequential and waits for Ready',
    'waits until the one before it is Running and Ready',
  ),
  f(
    'Ordered Lifecycle',
    'lifecycle-startup-sequence',
    'postgres-0 ready, then 1, then 2',
    'postgres-0 (Running, Ready) → postgres-1 starts → postgres-2 starts',
  ),
  f('Ordered Lifecycle', 'lifecycle-shutdown', 'shutdown in reverse order, highest first', 'highest ordinal first'),
  f(
    'Ordered Lifecycle',
    'lifecycle-shutdown-sequence',
    'postgres-2, then 1, then 0 terminate',
    'postgres-2 terminates → postgres-1 terminates → postgres-0 terminates',
  ),
  f('StatefulSet', 'headless-required', 'a headless Service is required for a StatefulSet', 'required for per-pod DNS'),
  f('StatefulSet', 'headless-cluster-ip-none', 'headless means clusterIP: None', '`clusterIP: None`'),
  f('StatefulSet Debugging', 'pvc-names', 'claims are named <template>-<statefulset>-<ordinal>', 'data-postgres-0'),
  f('StatefulSet Debugging', 'pvc-names-last', 'the third claim of postgres', 'data-postgres-2'),
  f('StatefulSet Debugging', 'debug-get-pvc', 'list the claims by label', 'kubectl get pvc -l app='),
  f('StatefulSet Debugging', 'debug-watch-order', 'watch pod creation order', 'kubectl get pods -l app=<name> -w'),
  f('StatefulSet Debugging', 'debug-scale', 'scaling adds/removes in order', 'kubectl scale statefulset <name> --replicas=5'),
  f('StatefulSet Debugging', 'debug-force-delete', 'force delete a stuck pod, cautiously', '--grace-period=0 --force'),
  f('Rolling Updates with Partition', 'partition-rule', 'only ordinals >= partition update', 'only pods with ordinal ≥ N are updated'),
  f(
    'Rolling Updates with Partition',
    'partition-set-image',
    'update the image; only the highest replica gets it',
    'kubectl set image statefulset/qdrant qdrant=',
  ),
  f(
    'Rolling Updates with Partition',
    'partition-patch-zero',
    'then patch the partition to 0',
    '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}',
  ),
  f('Common Issues', 'issue-pending', 'pod stuck Pending', 'Pod stuck Pending'),
  f('Common Issues', 'issue-pending-cause', 'PVC not bound', 'Its PVC is not bound'),
  f('Common Issues', 'issue-pending-fix', 'check StorageClass and PV availability', 'Check the StorageClass and that a PV is available'),
  f('Common Issues', 'issue-wont-start', "pod won't start", "Pod won't start"),
  f('Common Issues', 'issue-wont-start-fix', 'check pod-0 logs first', 'Read the logs of pod-0 first'),
  f('Common Issues', 'issue-data-lost', 'data lost on restart', 'Data lost on restart'),
  f('Common Issues', 'issue-data-lost-fix', 'mountPath must match the app', 'Make mountPath match where the application writes its data'),
  f('Common Issues', 'issue-dns', 'DNS not resolving', 'DNS not resolving'),
  f('Common Issues', 'issue-dns-cause', 'missing headless Service', 'The headless Service is missing'),

  // AI patterns on StatefulSets
  f('AI Pattern: Vector Database', 'pattern-qdrant-why', 'vector databases need stable identity for shard ownership', 'owns its shards'),
  f('AI Pattern: Vector Database', 'pattern-qdrant-cluster', 'cluster mode env var', 'QDRANT__CLUSTER__ENABLED'),
  f('AI Pattern: Vector Database', 'pattern-qdrant-ports', 'http 6333, grpc 6334', '6333 (http), 6334 (grpc)'),
  f('AI Pattern: Vector Database', 'pattern-qdrant-storage', '50Gi fast-ssd claim', '50Gi, storageClassName fast-ssd'),
  f('AI Pattern: Vector Database', 'pattern-qdrant-security', 'non-root user 1000', 'runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000'),
  f('AI Pattern: LLM Inference', 'pattern-llm-cache-dir', 'model cache directory', 'MODEL_CACHE_DIR'),
  f('AI Pattern: LLM Inference', 'pattern-llm-replica-id', 'replica id from the pod name', 'REPLICA_ID'),
  f('AI Pattern: LLM Inference', 'pattern-llm-storage', 'large models need 100Gi', '100Gi, storageClassName fast-ssd'),

  // DaemonSet
  f('DaemonSet', 'ds-use-for', 'node-level agents on every node', 'Node-level agents that must run on every node'),
  f('DaemonSet', 'ds-one-per-node', 'one pod per node', 'One pod per node'),
  f('DaemonSet', 'ds-new-nodes', 'auto-deploys to new nodes', 'New nodes get their pod automatically'),
  f('DaemonSet', 'ds-selectors', 'supports node selectors/tolerations', 'Node selectors and tolerations'),
  f(
    'DaemonSet',
    'ds-examples',
    'log collectors, monitoring agents, network plugins, storage drivers',
    'log collectors, monitoring agents, network plugins, storage drivers',
  ),
  f('DaemonSet', 'ds-tolerate-all', 'operator: Exists runs on all nodes including the control plane', 'control-plane nodes included'),

  // Job
  f('Job', 'job-use-for', 'batch tasks that run to completion', 'Batch tasks that run to completion'),
  f('Job', 'job-until-success', 'runs until successful completion', 'Runs until the task completes successfully'),
  f('Job', 'job-tracks', 'tracks successful completions', 'Tracks successful completions'),
  f('Job', 'job-parallel', 'supports parallelism', 'Can run several pods in parallel'),
  f('Job', 'job-retries', 'auto-retries on failure', 'Retries failed pods automatically'),
  f(
    'Job',
    'job-examples',
    'database migrations, batch processing, report generation',
    'database migrations, batch processing, report generation',
  ),
  f('Job', 'job-backoff-example', 'backoffLimit 3 retries three times', '`backoffLimit: 3`'),
  f('Job', 'job-deadline-example', 'activeDeadlineSeconds 600 is a 10 minute timeout', '10 minutes'),
  f('Job', 'job-restart-policy', 'Jobs require restartPolicy Never (or OnFailure)', '`restartPolicy: Never` or `OnFailure`'),
  f('Job', 'job-parallel-example', '5 pods in parallel, 100 items total', '5 at a time, 100 in total'),
  f(
    'Auto-Cleanup with TTL',
    'ttl-example',
    'ttlSecondsAfterFinished 3600 deletes Job and pods an hour after completion',
    '1 hour after completion',
  ),
  f('Indexed Parallel Jobs', 'indexed-items', 'process items by index 0, 1, 2', 'by index (0, 1, 2, …)'),
  f('Indexed Parallel Jobs', 'indexed-annotation', 'the index annotation', 'batch.kubernetes.io/job-completion-index'),
  f('Indexed Parallel Jobs', 'indexed-env', 'Indexed enables JOB_COMPLETION_INDEX', 'JOB_COMPLETION_INDEX'),
  f('Indexed Parallel Jobs', 'indexed-partition-arg', 'pass the index as --partition', '--partition=$(JOB_INDEX)'),
  f('Indexed Parallel Jobs', 'indexed-example', '10 completions, 3 in parallel', '`completions: 10`, `parallelism: 3`'),
  f('Common Failures', 'failure-zero', 'job stuck at 0 completions', 'Job stuck at 0 completions'),
  f('Common Failures', 'failure-zero-fix', 'check image, resources', 'Check the image and the resources'),
  f('Common Failures', 'failure-crashloop', 'pods in CrashLoopBackOff', 'Pods in CrashLoopBackOff'),
  f('Common Failures', 'failure-crashloop-fix', 'fix application error', 'Fix the application error'),
  f('Common Failures', 'failure-deadline', 'job exceeded deadline', 'Job exceeded its deadline'),
  f('Common Failures', 'failure-deadline-fix', 'increase or optimize', 'Raise the deadline or make the work faster'),
  f('Common Failures', 'failure-backoff', 'backoffLimit exceeded', 'backoffLimit exceeded'),
  f('Common Failures', 'failure-backoff-fix', 'fix root cause, increase limit', 'Fix the root cause'),
  f('Job Debugging', 'debug-job-watch', 'watch Job status', 'kubectl get jobs -w'),
  f(
    'Job Debugging',
    'debug-job-pods',
    'the Job pods by label (batch.kubernetes.io/job-name since 1.27)',
    'kubectl get pods -l batch.kubernetes.io/job-name=<job-name>',
  ),
  f('Job Debugging', 'debug-job-logs', 'logs of the Job', 'kubectl logs job/<job-name>'),

  // Job patterns
  f('Pattern 2: One-Time Model Migration', 'pattern-migration-name', 'the model migration Job', 'model-migration-v2'),
  f('Pattern 2: One-Time Model Migration', 'pattern-migration-ttl', 'cleanup after 24 hours', '24 hours'),
  f('Pattern 2: One-Time Model Migration', 'pattern-migration-models', 'source and target model', 'gpt-3.5-turbo → gpt-4o-mini'),
  f('Pattern 3: Parallel Document Ingestion', 'pattern-ingest-name', 'the ingestion Job', 'document-ingest'),
  f('Pattern 3: Parallel Document Ingestion', 'pattern-ingest-index', 'each worker reads its batch index', 'BATCH_INDEX'),
  f(
    'Pattern 3: Parallel Document Ingestion',
    'pattern-ingest-args',
    'args pass batch and total',
    '--batch=$(BATCH_INDEX) --total=$(TOTAL_BATCHES)',
  ),

  // CronJob
  f('CronJob', 'cron-use-for', 'scheduled batch tasks', 'Batch tasks that run on a schedule'),
  f('CronJob', 'cron-runs-jobs', 'runs Jobs on a schedule', 'Creates a Job at every time of its schedule'),
  f('CronJob', 'cron-syntax', 'cron syntax for scheduling', 'Schedule written in cron syntax'),
  f('CronJob', 'cron-policy', 'configurable concurrency policy', 'A concurrency policy decides what happens when runs overlap'),
  f('CronJob', 'cron-history', 'job history retention', 'Keeps a history of finished Jobs'),
  f('CronJob', 'cron-examples', 'nightly backups, hourly reports, daily cleanup', 'nightly backups, hourly reports, daily cleanup'),
  f('CronJob', 'cron-backup-2am', 'the backup runs daily at 2am', 'Every day at 02:00'),
  f('Cron Syntax', 'cron-field-minute', 'minute field 0-59', 'minute (0-59)'),
  f('Cron Syntax', 'cron-field-hour', 'hour field 0-23', 'hour (0-23)'),
  f('Cron Syntax', 'cron-field-dom', 'day of month 1-31', 'day of month (1-31)'),
  f('Cron Syntax', 'cron-field-month', 'month 1-12', 'month (1-12'),
  f('Cron Syntax', 'cron-field-dow', 'day of week 0-6, Sun-Sat', 'day of week (0-6 or SUN-SAT'),
  f('Cron Syntax', 'cron-example-hourly', '0 * * * * every hour', 'Every hour, on the hour'),
  f('Cron Syntax', 'cron-example-15', '*/15 every 15 minutes', 'Every 15 minutes'),
  f('Cron Syntax', 'cron-example-sunday', '0 0 * * 0 every Sunday at midnight', 'Every Sunday at midnight'),
  f('Cron Syntax', 'cron-example-first', '0 9 1 * * first of every month at 9am', 'The first of every month at 09:00'),
  f(
    'Concurrency Policies',
    'policy-allow',
    'Allow creates new Job even if previous running (default)',
    'Starts a new Job even while the previous one is still running (the default)',
  ),
  f(
    'Concurrency Policies',
    'policy-forbid',
    'Forbid skips if previous still running',
    'Skips the new run while the previous Job is still running',
  ),
  f(
    'Concurrency Policies',
    'policy-replace',
    'Replace cancels running Job and starts new',
    'Cancels the running Job and starts the new one in its place',
  ),
  f('CronJob', 'cron-history-example', 'history limits 3 and 3', '`successfulJobsHistoryLimit: 3`'),
  // The guide lists them with `-l cronjob-name=<name>`, a label the CronJob controller does not set.
  f('CronJob Debugging', 'debug-cron-jobs', 'Jobs created by a CronJob (by owner)', 'ownerReferences[0].name=="<name>"'),
  f(
    'CronJob Debugging',
    'debug-cron-manual',
    'manual trigger for testing',
    'kubectl create job --from=cronjob/<name> <name>-manual-<timestamp>',
  ),
  f('CronJob Debugging', 'debug-cron-describe', 'last schedule time', 'kubectl describe cronjob <name>'),
  f('Pattern 1: Nightly Embedding Refresh', 'pattern-embedding-name', 'the embedding refresh CronJob', 'embedding-sync'),
  f('Pattern 1: Nightly Embedding Refresh', 'pattern-embedding-secret', 'API key from a Secret', 'openai-credentials'),
  f('Pattern 1: Nightly Embedding Refresh', 'pattern-embedding-db', 'writes to the vector database', 'http://qdrant:6333'),
  f('Pattern 1: Nightly Embedding Refresh', 'pattern-embedding-schedule', '3 AM daily', 'Every day at 03:00'),
];

/** The facts whose phrase appears in none of `texts` (hovers, completion items, rule messages …). */
export function unreachableFacts(texts: readonly string[], facts: readonly GuideFact[] = GUIDE_FACTS): GuideFact[] {
  return facts.filter((f) => !texts.some((t) => t.includes(f.phrase)));
}
