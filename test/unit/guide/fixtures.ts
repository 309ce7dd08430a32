// Manifests (as JS) for the guide tests: the guide's own examples.

export const qdrant = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'qdrant', namespace: 'ai-prod' },
  spec: {
    serviceName: 'qdrant',
    replicas: 3,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
    selector: { matchLabels: { app: 'qdrant' } },
    template: {
      metadata: { labels: { app: 'qdrant' } },
      spec: {
        containers: [{ name: 'qdrant', image: 'qdrant/qdrant:v1.7.0', volumeMounts: [{ name: 'storage', mountPath: '/qdrant/storage' }] }],
      },
    },
    volumeClaimTemplates: [{ metadata: { name: 'storage' }, spec: { accessModes: ['ReadWriteOnce'] } }],
  },
};

export const postgres = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'postgres' },
  spec: {
    serviceName: 'postgres',
    replicas: 3,
    selector: { matchLabels: { app: 'postgres' } },
    template: {
      metadata: { labels: { app: 'postgres' } },
      spec: {
        containers: [{ name: 'postgres', image: 'postgres:15', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] }],
      },
    },
    volumeClaimTemplates: [{ metadata: { name: 'data' } }],
  },
};

export const backup = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'backup' },
  spec: {
    schedule: '0 2 * * *',
    concurrencyPolicy: 'Forbid',
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 3,
    jobTemplate: {
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup-tool:v1.0.0' }] } },
      },
    },
  },
};

export const embeddingSync = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'embedding-sync' },
  spec: {
    schedule: '0 3 * * *',
    timeZone: 'America/New_York',
    jobTemplate: {
      spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'sync', image: 'embedding-sync:v1' }] } } },
    },
  },
};

export const dbMigrate = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'db-migrate' },
  spec: {
    backoffLimit: 3,
    activeDeadlineSeconds: 600,
    ttlSecondsAfterFinished: 3600,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'myapp:v1.0.0' }] } },
  },
};

export const queueProcessor = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'queue-processor' },
  spec: {
    parallelism: 5,
    completions: 100,
    backoffLimit: 10,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'p', image: 'worker:v1.0.0' }] } },
  },
};

export const indexedProcessor = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'indexed-processor' },
  spec: {
    completions: 10,
    parallelism: 3,
    completionMode: 'Indexed',
    template: {
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'worker',
            image: 'processor:v1',
            env: [
              {
                name: 'JOB_INDEX',
                valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } },
              },
            ],
          },
        ],
      },
    },
  },
};

export const nodeExporter = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'node-exporter' },
  spec: {
    selector: { matchLabels: { app: 'node-exporter' } },
    template: {
      metadata: { labels: { app: 'node-exporter' } },
      spec: { tolerations: [{ operator: 'Exists' }], containers: [{ name: 'node-exporter', image: 'prom/node-exporter:v1.6.0' }] },
    },
  },
};

export const apiServer = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api-server' },
  spec: {
    replicas: 3,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
    selector: { matchLabels: { app: 'api-server' } },
    template: { metadata: { labels: { app: 'api-server' } }, spec: { containers: [{ name: 'api', image: 'myapp:v1.0.0' }] } },
  },
};

export const headlessService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'postgres' },
  spec: { clusterIP: 'None', selector: { app: 'postgres' }, ports: [{ port: 5432 }] },
};
