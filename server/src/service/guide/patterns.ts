// The guide's AI and batch patterns: what each is for and the settings that make it work.
import type { GuidePattern } from './types';

export const GUIDE_PATTERNS: readonly GuidePattern[] = [
  {
    id: 'vector-database',
    title: 'Vector database (Qdrant)',
    kind: 'StatefulSet',
    name: 'qdrant',
    purpose:
      'A clustered vector database needs a stable identity per replica: each replica owns its shards and keeps them on its own volume.',
    keySettings: [
      { path: 'spec.serviceName', value: 'qdrant', why: 'the headless Service that gives qdrant-0, qdrant-1, qdrant-2 their DNS names' },
      { path: 'spec.replicas', value: '3', why: 'three cluster members' },
      { path: 'containers[].ports', value: '6333 (http), 6334 (grpc)', why: 'the REST and gRPC APIs, also listed on the Service' },
      { path: 'env QDRANT__CLUSTER__ENABLED', value: '"true"', why: 'turns on cluster mode so every replica knows its place' },
      {
        path: 'volumeClaimTemplates storage',
        value: '50Gi, storageClassName fast-ssd, mounted at /qdrant/storage',
        why: 'each replica keeps its shards on its own disk',
      },
      {
        path: 'securityContext',
        value: 'runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000',
        why: 'runs unprivileged and can write its volume',
      },
      { path: 'resources', value: 'requests 500m CPU / 2Gi, limits 2 CPU / 8Gi', why: 'room for indexes in memory' },
    ],
  },
  {
    id: 'llm-inference-cache',
    title: 'LLM inference with a local model cache',
    kind: 'StatefulSet',
    name: 'llm-inference',
    purpose: 'Large models are cached on a persistent volume per replica, so a restarted pod does not download them again.',
    keySettings: [
      { path: 'env MODEL_CACHE_DIR', value: '/models', why: 'where the server keeps downloaded models' },
      { path: 'env REPLICA_ID', value: 'fieldRef metadata.name', why: 'each replica knows its own name (llm-inference-0, …)' },
      {
        path: 'volumeClaimTemplates model-cache',
        value: '100Gi, storageClassName fast-ssd, mounted at /models',
        why: 'large models need space',
      },
      { path: 'resources', value: 'requests 4 CPU / 16Gi, limits 8 CPU / 32Gi', why: 'inference is CPU- and memory-hungry' },
    ],
  },
  {
    id: 'embedding-refresh',
    title: 'Nightly embedding refresh',
    kind: 'CronJob',
    name: 'embedding-sync',
    purpose: 'Recomputes embeddings every night and writes them to the vector database; a run must never overlap the previous one.',
    keySettings: [
      { path: 'spec.schedule', value: '"0 3 * * *"', why: 'every day at 03:00' },
      { path: 'spec.concurrencyPolicy', value: 'Forbid', why: 'skip a run while the previous one is still going' },
      { path: 'spec.successfulJobsHistoryLimit / failedJobsHistoryLimit', value: '3 / 3', why: 'keep recent runs for inspection' },
      { path: 'jobTemplate backoffLimit', value: '2', why: 'retry a failed sync twice' },
      { path: 'restartPolicy', value: 'OnFailure', why: 'restart the failed container in place' },
      {
        path: 'env OPENAI_API_KEY',
        value: 'secretKeyRef openai-credentials / api-key',
        why: 'the API key comes from a Secret, never a literal',
      },
      { path: 'env VECTOR_DB_URL', value: 'http://qdrant:6333', why: 'the vector database to write to' },
      { path: 'resources', value: 'requests 500m CPU / 1Gi, limits 2 CPU / 4Gi', why: 'bounded batch work' },
    ],
  },
  {
    id: 'model-migration',
    title: 'One-time model migration',
    kind: 'Job',
    name: 'model-migration-v2',
    purpose: 'Moves data from one model to another once, with a bounded run time and automatic cleanup.',
    keySettings: [
      { path: 'spec.backoffLimit', value: '2', why: 'retry twice, then fail' },
      { path: 'spec.activeDeadlineSeconds', value: '3600', why: 'one hour at most' },
      { path: 'spec.ttlSecondsAfterFinished', value: '86400', why: 'clean up the Job and its pods after 24 hours' },
      { path: 'restartPolicy', value: 'Never', why: 'a Job pod must not restart forever' },
      { path: 'env SOURCE_MODEL / TARGET_MODEL', value: 'gpt-3.5-turbo → gpt-4o-mini', why: 'what to migrate from and to' },
      { path: 'resources', value: 'requests 1 CPU / 2Gi', why: 'enough for the migration' },
    ],
  },
  {
    id: 'document-ingestion',
    title: 'Parallel document ingestion',
    kind: 'Job',
    name: 'document-ingest',
    purpose:
      'Splits a corpus into numbered batches and ingests them in parallel; each pod handles the batch matching its completion index.',
    keySettings: [
      { path: 'spec.completions', value: '100', why: '100 batches to process' },
      { path: 'spec.parallelism', value: '10', why: '10 workers at a time' },
      { path: 'spec.completionMode', value: 'Indexed', why: 'each pod gets an index 0…99' },
      {
        path: 'env BATCH_INDEX',
        value: "fieldRef metadata.annotations['batch.kubernetes.io/job-completion-index']",
        why: 'the batch this pod handles',
      },
      { path: 'env TOTAL_BATCHES', value: '"100"', why: 'so each worker knows the size of the split' },
      { path: 'args', value: '--batch=$(BATCH_INDEX) --total=$(TOTAL_BATCHES)', why: 'pass the index to the program' },
    ],
  },
];

export function patternsFor(kind: string): GuidePattern[] {
  return GUIDE_PATTERNS.filter((p) => p.kind === kind);
}

export function patternById(id: string): GuidePattern | undefined {
  return GUIDE_PATTERNS.find((p) => p.id === id);
}
