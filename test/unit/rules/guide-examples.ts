// The YAML examples of the Workload Types Decision Guide, verbatim (shared/guide/workload-types-decision-guide.md),
// for the rule tests: each rule must leave them clean wherever the guide is right.

export const API_SERVER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api-server
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
      maxSurge: 1
  selector:
    matchLabels:
      app: api-server
  template:
    metadata:
      labels:
        app: api-server
    spec:
      containers:
      - name: api
        image: myapp:v1.0.0
        ports:
        - containerPort: 8000
`;

export const POSTGRES = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres  # Headless service name
  replicas: 3
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15
        ports:
        - containerPort: 5432
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: ["ReadWriteOnce"]
      storageClassName: standard
      resources:
        requests:
          storage: 10Gi
`;

export const POSTGRES_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: postgres
spec:
  clusterIP: None  # Headless - direct pod DNS
  selector:
    app: postgres
  ports:
  - port: 5432
`;

export const QDRANT = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: qdrant
spec:
  serviceName: qdrant
  replicas: 3
  selector:
    matchLabels:
      app: qdrant
  template:
    metadata:
      labels:
        app: qdrant
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        fsGroup: 1000
      containers:
      - name: qdrant
        image: qdrant/qdrant:v1.7.0
        ports:
        - containerPort: 6333
          name: http
        - containerPort: 6334
          name: grpc
        env:
        # WHY: Each replica knows its position in cluster
        - name: QDRANT__CLUSTER__ENABLED
          value: "true"
        volumeMounts:
        - name: storage
          mountPath: /qdrant/storage
        resources:
          requests:
            cpu: "500m"
            memory: "2Gi"
          limits:
            cpu: "2"
            memory: "8Gi"
  volumeClaimTemplates:
  - metadata:
      name: storage
    spec:
      accessModes: ["ReadWriteOnce"]
      storageClassName: fast-ssd
      resources:
        requests:
          storage: 50Gi
---
apiVersion: v1
kind: Service
metadata:
  name: qdrant
spec:
  clusterIP: None
  selector:
    app: qdrant
  ports:
  - port: 6333
    name: http
  - port: 6334
    name: grpc
`;

export const LLM_INFERENCE = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: llm-inference
spec:
  serviceName: llm-inference
  replicas: 3
  selector:
    matchLabels:
      app: llm-inference
  template:
    metadata:
      labels:
        app: llm-inference
    spec:
      containers:
      - name: inference
        image: llm-server:v1.0.0
        env:
        # WHY: Each replica caches model locally
        - name: MODEL_CACHE_DIR
          value: /models
        - name: REPLICA_ID
          valueFrom:
            fieldRef:
              fieldPath: metadata.name  # llm-inference-0, etc.
        volumeMounts:
        - name: model-cache
          mountPath: /models
        resources:
          requests:
            cpu: "4"
            memory: "16Gi"
          limits:
            cpu: "8"
            memory: "32Gi"
  volumeClaimTemplates:
  - metadata:
      name: model-cache
    spec:
      accessModes: ["ReadWriteOnce"]
      storageClassName: fast-ssd
      resources:
        requests:
          storage: 100Gi  # Large models need space
`;

export const PARTITION_SNIPPET = `spec:
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: 2  # Only update replicas >= 2
`;

export const NODE_EXPORTER = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      tolerations:
      # Run on all nodes including control plane
      - operator: Exists
      containers:
      - name: node-exporter
        image: prom/node-exporter:v1.6.0
        ports:
        - containerPort: 9100
        resources:
          requests:
            cpu: 50m
            memory: 64Mi
          limits:
            cpu: 100m
            memory: 128Mi
`;

export const DB_MIGRATE = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
spec:
  backoffLimit: 3  # Retry 3 times on failure
  activeDeadlineSeconds: 600  # Timeout after 10 minutes
  template:
    spec:
      restartPolicy: Never  # Required for Jobs
      containers:
      - name: migrate
        image: myapp:v1.0.0
        command: ["python", "manage.py", "migrate"]
        resources:
          requests:
            cpu: 100m
            memory: 256Mi
`;

export const QUEUE_PROCESSOR = `apiVersion: batch/v1
kind: Job
metadata:
  name: queue-processor
spec:
  parallelism: 5        # 5 pods running in parallel
  completions: 100      # Process 100 items total
  backoffLimit: 10
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: processor
        image: worker:v1.0.0
`;

export const BACKUP = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"  # Daily at 2am
  concurrencyPolicy: Forbid  # Don't start if previous still running
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup-tool:v1.0.0
            command: ["./backup.sh"]
`;

export const ONE_TIME_MIGRATION = `apiVersion: batch/v1
kind: Job
metadata:
  name: one-time-migration
spec:
  ttlSecondsAfterFinished: 3600  # Delete Job+Pods 1 hour after completion
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrator:v1
`;

export const INDEXED_PROCESSOR = `apiVersion: batch/v1
kind: Job
metadata:
  name: indexed-processor
spec:
  completions: 10
  parallelism: 3
  completionMode: Indexed  # Enable JOB_COMPLETION_INDEX
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: worker
        image: processor:v1
        env:
        - name: JOB_INDEX
          valueFrom:
            fieldRef:
              fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']
        command: ["./process.sh"]
        args: ["--partition=$(JOB_INDEX)"]
`;

export const EMBEDDING_SYNC = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: embedding-sync
spec:
  schedule: "0 3 * * *"           # 3 AM daily
  concurrencyPolicy: Forbid       # Skip if previous still running
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: sync
            image: embedding-sync:v1
            env:
            - name: OPENAI_API_KEY
              valueFrom:
                secretKeyRef:
                  name: openai-credentials
                  key: api-key
            - name: VECTOR_DB_URL
              value: "http://qdrant:6333"
            resources:
              requests:
                cpu: "500m"
                memory: "1Gi"
              limits:
                cpu: "2"
                memory: "4Gi"
`;

export const MODEL_MIGRATION = `apiVersion: batch/v1
kind: Job
metadata:
  name: model-migration-v2
spec:
  backoffLimit: 2
  activeDeadlineSeconds: 3600     # 1 hour max
  ttlSecondsAfterFinished: 86400  # Cleanup after 24 hours
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: model-migrator:v2
        env:
        - name: SOURCE_MODEL
          value: "gpt-3.5-turbo"
        - name: TARGET_MODEL
          value: "gpt-4o-mini"
        resources:
          requests:
            cpu: "1"
            memory: "2Gi"
`;

export const DOCUMENT_INGEST = `apiVersion: batch/v1
kind: Job
metadata:
  name: document-ingest
spec:
  completions: 100        # 100 batches to process
  parallelism: 10         # 10 parallel workers
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: ingest
        image: doc-processor:v1
        env:
        - name: BATCH_INDEX
          valueFrom:
            fieldRef:
              fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']
        - name: TOTAL_BATCHES
          value: "100"
        command: ["python", "ingest.py"]
        args: ["--batch=$(BATCH_INDEX)", "--total=$(TOTAL_BATCHES)"]
`;

/** Every complete manifest of the guide (the partition fragment is not one). */
export const GUIDE_MANIFESTS: Readonly<Record<string, string>> = {
  API_SERVER,
  POSTGRES,
  POSTGRES_SERVICE,
  QDRANT,
  LLM_INFERENCE,
  NODE_EXPORTER,
  DB_MIGRATE,
  QUEUE_PROCESSOR,
  BACKUP,
  ONE_TIME_MIGRATION,
  INDEXED_PROCESSOR,
  EMBEDDING_SYNC,
  MODEL_MIGRATION,
  DOCUMENT_INGEST,
};
