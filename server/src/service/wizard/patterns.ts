// The guide's patterns as starting points: the defaults the wizard pre-fills, and what each one
// adds to the pod (ports, environment, volume) beyond the answers.
import { COMPLETION_INDEX_FIELD_PATH } from '../guide/jobs';
import { patternById } from '../guide/patterns';
import type { WorkloadKind } from '../guide/types';
import type { WizardAnswers, WizardPatternId } from './types';

export interface ContainerPort {
  readonly name: string;
  readonly containerPort: number;
}
export type EnvVar =
  { readonly name: string; readonly value: string } | { readonly name: string; readonly valueFrom: Record<string, unknown> };

export interface Resources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/** What a pattern contributes to the manifest besides the answers. */
export interface PatternShape {
  readonly id: WizardPatternId;
  readonly kind: WorkloadKind;
  readonly containerName: string;
  /** pre-filled answers */
  readonly defaults: Partial<WizardAnswers>;
  readonly ports?: readonly ContainerPort[];
  /** the environment; `answers` gives access to e.g. completions */
  readonly env?: (answers: WizardAnswers) => readonly EnvVar[];
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /** StatefulSet: the per-replica volume */
  readonly volume?: { readonly name: string; readonly mountPath: string };
  readonly resources: Resources;
  /** Job / CronJob knobs */
  readonly backoffLimit?: number;
  readonly activeDeadlineSeconds?: number;
  readonly ttlSecondsAfterFinished?: number;
  readonly restartPolicy?: 'Never' | 'OnFailure';
  /** answers the pattern fixes (the wizard does not ask them) */
  readonly fixed?: Partial<WizardAnswers>;
}

export const PATTERN_SHAPES: Readonly<Record<WizardPatternId, PatternShape>> = {
  'vector-database': {
    id: 'vector-database',
    kind: 'StatefulSet',
    containerName: 'qdrant',
    defaults: {
      name: 'qdrant',
      image: 'qdrant/qdrant:v1.7.0',
      replicas: 3,
      storageSize: '50Gi',
      storageClass: 'fast-ssd',
      headlessService: true,
    },
    ports: [
      { name: 'http', containerPort: 6333 },
      { name: 'grpc', containerPort: 6334 },
    ],
    env: () => [{ name: 'QDRANT__CLUSTER__ENABLED', value: 'true' }],
    volume: { name: 'storage', mountPath: '/qdrant/storage' },
    resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '8Gi' } },
  },
  'llm-inference-cache': {
    id: 'llm-inference-cache',
    kind: 'StatefulSet',
    containerName: 'inference',
    defaults: {
      name: 'llm-inference',
      image: 'llm-server:v1.0.0',
      replicas: 3,
      storageSize: '100Gi',
      storageClass: 'fast-ssd',
      headlessService: true,
    },
    ports: [{ name: 'http', containerPort: 8000 }],
    env: () => [
      { name: 'MODEL_CACHE_DIR', value: '/models' },
      { name: 'REPLICA_ID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    volume: { name: 'model-cache', mountPath: '/models' },
    resources: { requests: { cpu: '4', memory: '16Gi' }, limits: { cpu: '8', memory: '32Gi' } },
  },
  'embedding-refresh': {
    id: 'embedding-refresh',
    kind: 'CronJob',
    containerName: 'sync',
    defaults: { name: 'embedding-sync', image: 'embedding-sync:v1.0.0', schedule: '0 3 * * *', concurrencyPolicy: 'Forbid' },
    env: () => [
      { name: 'OPENAI_API_KEY', valueFrom: { secretKeyRef: { name: 'openai-credentials', key: 'api-key' } } },
      { name: 'VECTOR_DB_URL', value: 'http://qdrant:6333' },
    ],
    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
    backoffLimit: 2,
    activeDeadlineSeconds: 7200,
    restartPolicy: 'OnFailure',
  },
  'model-migration': {
    id: 'model-migration',
    kind: 'Job',
    containerName: 'migrate',
    defaults: { name: 'model-migration-v2', image: 'model-migrator:v2', completions: 1, parallelism: 1, indexed: false },
    env: () => [
      { name: 'SOURCE_MODEL', value: 'gpt-3.5-turbo' },
      { name: 'TARGET_MODEL', value: 'gpt-4o-mini' },
    ],
    resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
    backoffLimit: 2,
    activeDeadlineSeconds: 3600,
    ttlSecondsAfterFinished: 86400,
    restartPolicy: 'Never',
  },
  'document-ingestion': {
    id: 'document-ingestion',
    kind: 'Job',
    containerName: 'ingest',
    defaults: { name: 'document-ingest', image: 'doc-processor:v1.0.0', completions: 100, parallelism: 10, indexed: true },
    env: (a) => [
      { name: 'BATCH_INDEX', valueFrom: { fieldRef: { fieldPath: COMPLETION_INDEX_FIELD_PATH } } },
      { name: 'TOTAL_BATCHES', value: String(a.completions ?? 1) },
    ],
    fixed: { indexed: true },
    command: ['python', 'ingest.py'],
    args: ['--batch=$(BATCH_INDEX)', '--total=$(TOTAL_BATCHES)'],
    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } },
    backoffLimit: 6,
    activeDeadlineSeconds: 7200,
    ttlSecondsAfterFinished: 86400,
    restartPolicy: 'Never',
  },
};

/** The patterns offered for a kind, with the guide's title and purpose. */
export function wizardPatternsFor(kind: WorkloadKind): { id: WizardPatternId; title: string; purpose: string }[] {
  return Object.values(PATTERN_SHAPES)
    .filter((p) => p.kind === kind)
    .map((p) => {
      const guide = patternById(p.id);
      if (!guide) throw new Error(`pattern ${p.id} is not in the guide`);
      return { id: p.id, title: guide.title, purpose: guide.purpose };
    });
}
