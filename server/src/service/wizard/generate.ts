// From the wizard's answers to a complete manifest: the workload (and, for a StatefulSet, its
// headless Service) with the guide's safeguards already in place, so that what the wizard
// inserts has no diagnostics of ours.
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import { dataDirectoryOf } from '../guide/dataDirectories';
import { renderDecisionPath } from '../guide/decisionTree';
import { COMPLETION_INDEX_ENV } from '../guide/jobs';
import { KIND_GUIDES } from '../guide/kinds';
import { patternById } from '../guide/patterns';
import { isWorkloadKind, type WorkloadKind } from '../guide/types';
import { PATTERN_SHAPES, type EnvVar, type PatternShape, type Resources } from './patterns';
import { WIZARD_PATTERN_IDS, WizardInputError, type AnswerProblem, type WizardAnswers, type WizardPatternId } from './types';
import {
  checkSchedule,
  validateImage,
  validateName,
  validatePort,
  validatePositiveInteger,
  validateStorageClass,
  validateStorageSize,
  validateTimeZone,
} from './validate';

/** What the wizard pre-fills for a kind without a pattern. */
export const KIND_DEFAULTS: Readonly<Record<WorkloadKind, Partial<WizardAnswers>>> = {
  Deployment: { name: 'api-server', image: 'myapp:v1.0.0', replicas: 3, port: 8000 },
  StatefulSet: {
    name: 'postgres',
    image: 'postgres:15',
    replicas: 3,
    storageSize: '10Gi',
    storageClass: '',
    headlessService: true,
    port: 5432,
  },
  DaemonSet: { name: 'node-exporter', image: 'prom/node-exporter:v1.6.0' },
  Job: { name: 'db-migrate', image: 'myapp:v1.0.0', completions: 1, parallelism: 1, indexed: false },
  CronJob: { name: 'backup', image: 'backup-tool:v1.0.0', schedule: '0 2 * * *', concurrencyPolicy: 'Forbid' },
};

const KIND_RESOURCES: Readonly<Record<WorkloadKind, Resources>> = {
  Deployment: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  StatefulSet: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
  DaemonSet: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
  Job: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  CronJob: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
};

/** The answers a kind's questions start from: the pattern's when one is chosen, else the kind's. */
export function defaultAnswers(kind: WorkloadKind, pattern?: WizardPatternId): WizardAnswers {
  const base = {
    ...KIND_DEFAULTS[kind],
    ...(pattern ? PATTERN_SHAPES[pattern].defaults : {}),
    ...(pattern ? PATTERN_SHAPES[pattern].fixed : {}),
  };
  return { kind, name: '', image: '', ...base, ...(pattern ? { pattern } : {}) } as WizardAnswers;
}

/** Which answers belong to which kind (besides kind, name, image, pattern). */
export const KIND_FIELDS: Readonly<Record<WorkloadKind, readonly (keyof WizardAnswers)[]>> = {
  Deployment: ['replicas', 'port'],
  StatefulSet: ['replicas', 'storageSize', 'storageClass', 'headlessService', 'port'],
  DaemonSet: [],
  Job: ['completions', 'parallelism', 'indexed'],
  CronJob: ['schedule', 'timeZone', 'concurrencyPolicy'],
};
const COMMON_FIELDS: readonly (keyof WizardAnswers)[] = ['kind', 'name', 'image', 'pattern'];

/**
 * A pattern's settings for the parameters the answers leave out (replicas, storage, schedule…),
 * so `{ kind, name, image, pattern }` is enough; the answers' own values win.
 */
function withPatternDefaults(a: Record<string, unknown>): Record<string, unknown> {
  const shape = typeof a.pattern === 'string' ? PATTERN_SHAPES[a.pattern as WizardPatternId] : undefined;
  if (!shape || shape.kind !== a.kind) return a;
  const out: Record<string, unknown> = { ...a };
  for (const [field, value] of Object.entries(shape.defaults)) {
    if (field !== 'name' && field !== 'image' && out[field] === undefined) out[field] = value;
  }
  return out;
}

/** Checks answers as the API server (and our rules) would; an empty list means generateManifest will succeed. */
export function validateAnswers(input: unknown): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const add = (field: keyof WizardAnswers, message: string | undefined) => {
    if (message) problems.push({ field, message });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ field: 'kind', message: 'Expected an object of answers.' }];
  const a = withPatternDefaults(input as Record<string, unknown>);
  if (!isWorkloadKind(a.kind)) return [{ field: 'kind', message: 'kind must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob.' }];
  const kind = a.kind;
  for (const key of Object.keys(a)) {
    if (
      !COMMON_FIELDS.includes(key as keyof WizardAnswers) &&
      !KIND_FIELDS[kind].includes(key as keyof WizardAnswers) &&
      a[key] !== undefined
    ) {
      problems.push({ field: key as keyof WizardAnswers, message: `${key} does not apply to a ${kind}.` });
    }
  }
  if (typeof a.name !== 'string') add('name', 'name must be a string.');
  else add('name', validateName(a.name, kind));
  if (typeof a.image !== 'string') add('image', 'image must be a string.');
  else add('image', validateImage(a.image));
  const int = (field: keyof WizardAnswers, what: string, min = 1, max?: number) => {
    const v = a[field];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) add(field, `${what} must be a whole number.`);
    else add(field, validatePositiveInteger(String(v), what, { min, max }));
  };
  int('replicas', 'replicas', 0);
  int('completions', 'completions');
  int('parallelism', 'parallelism');
  if (a.port !== undefined) {
    if (typeof a.port !== 'number' || !Number.isInteger(a.port)) add('port', 'port must be a whole number.');
    else add('port', validatePort(String(a.port)));
  }
  if (kind === 'CronJob') {
    if (typeof a.schedule !== 'string') add('schedule', 'A CronJob needs a schedule, e.g. "0 2 * * *".');
    else add('schedule', checkSchedule(a.schedule).error);
    if (a.timeZone !== undefined) {
      if (typeof a.timeZone !== 'string') add('timeZone', 'timeZone must be a string such as "Europe/Berlin".');
      else add('timeZone', validateTimeZone(a.timeZone));
    }
    if (a.concurrencyPolicy !== undefined && !['Allow', 'Forbid', 'Replace'].includes(a.concurrencyPolicy as string)) {
      add('concurrencyPolicy', 'concurrencyPolicy must be Allow, Forbid or Replace.');
    }
  }
  if (a.indexed !== undefined && typeof a.indexed !== 'boolean') add('indexed', 'indexed must be true or false.');
  if (a.headlessService !== undefined && typeof a.headlessService !== 'boolean')
    add('headlessService', 'headlessService must be true or false.');
  if (a.storageSize !== undefined) {
    if (typeof a.storageSize !== 'string') add('storageSize', 'storageSize must be a string such as "10Gi".');
    else add('storageSize', validateStorageSize(a.storageSize));
  }
  if (a.storageClass !== undefined) {
    if (typeof a.storageClass !== 'string') add('storageClass', 'storageClass must be a string.');
    else add('storageClass', validateStorageClass(a.storageClass));
  }
  if (kind === 'Job' && typeof a.completions === 'number' && typeof a.parallelism === 'number' && a.parallelism > a.completions) {
    add(
      'parallelism',
      `parallelism (${a.parallelism}) is more than completions (${a.completions}): the extra pods would have nothing to do.`,
    );
  }
  if (a.pattern !== undefined) {
    if (!WIZARD_PATTERN_IDS.includes(a.pattern as WizardPatternId))
      add('pattern', `pattern must be one of ${WIZARD_PATTERN_IDS.join(', ')}.`);
    else {
      const shape = PATTERN_SHAPES[a.pattern as WizardPatternId];
      if (shape.kind !== kind) add('pattern', `The ${a.pattern} pattern is a ${shape.kind}, not a ${kind}.`);
      for (const [field, value] of Object.entries(shape.fixed ?? {})) {
        if (a[field] !== undefined && a[field] !== value)
          add(field as keyof WizardAnswers, `The ${a.pattern} pattern needs ${field}: ${String(value)}.`);
      }
    }
  }
  return problems;
}

type Obj = Record<string, unknown>;

function podSecurityContext(kind: WorkloadKind): Obj {
  return kind === 'StatefulSet' ? { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 } : { runAsNonRoot: true, runAsUser: 1000 };
}

function container(a: WizardAnswers, shape: PatternShape | undefined): Obj {
  const c: Obj = { name: shape?.containerName ?? a.name, image: a.image };
  if (shape?.command) c.command = [...shape.command];
  if (shape?.args) c.args = [...shape.args];
  const ports = shape?.ports ?? (a.port !== undefined ? [{ containerPort: a.port }] : []);
  if (ports.length > 0) c.ports = ports.map((p) => ({ ...p }));
  const env: readonly EnvVar[] = shape?.env?.(a) ?? [];
  if (env.length > 0) c.env = env.map((e) => ({ ...e }));
  // the claim belongs where the image keeps its data (postgres:15 → /var/lib/postgresql/data), else /data
  if (a.kind === 'StatefulSet')
    c.volumeMounts = [{ ...(shape?.volume ?? { name: 'data', mountPath: dataDirectoryOf(c)?.mountPath ?? '/data' }) }];
  const r = shape?.resources ?? KIND_RESOURCES[a.kind];
  c.resources = { requests: { ...r.requests }, limits: { ...r.limits } };
  c.securityContext = { allowPrivilegeEscalation: false };
  return c;
}

function podSpec(a: WizardAnswers, shape: PatternShape | undefined, restartPolicy?: string): Obj {
  const spec: Obj = {};
  if (restartPolicy) spec.restartPolicy = restartPolicy;
  if (a.kind === 'DaemonSet') spec.tolerations = [{ operator: 'Exists' }];
  spec.securityContext = podSecurityContext(a.kind);
  spec.containers = [container(a, shape)];
  return spec;
}

const labels = (name: string) => ({ app: name });

function workloadObject(a: WizardAnswers, shape: PatternShape | undefined): Obj {
  const guide = KIND_GUIDES[a.kind];
  const head = { apiVersion: guide.apiVersion, kind: a.kind };
  switch (a.kind) {
    case 'Deployment': {
      const replicas = a.replicas ?? 3;
      return {
        ...head,
        metadata: { name: a.name, labels: labels(a.name) },
        spec: {
          replicas,
          // with one replica, taking it down first would mean downtime: surge instead
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: replicas > 1 ? 1 : 0, maxSurge: 1 } },
          selector: { matchLabels: labels(a.name) },
          template: { metadata: { labels: labels(a.name) }, spec: podSpec(a, shape) },
        },
      };
    }
    case 'StatefulSet': {
      const volumeName = shape?.volume?.name ?? 'data';
      const claimSpec: Obj = { accessModes: ['ReadWriteOnce'] };
      if (a.storageClass) claimSpec.storageClassName = a.storageClass;
      claimSpec.resources = { requests: { storage: a.storageSize ?? '10Gi' } };
      return {
        ...head,
        metadata: { name: a.name },
        spec: {
          serviceName: a.name,
          replicas: a.replicas ?? 3,
          selector: { matchLabels: labels(a.name) },
          template: { metadata: { labels: labels(a.name) }, spec: podSpec(a, shape) },
          volumeClaimTemplates: [{ metadata: { name: volumeName }, spec: claimSpec }],
        },
      };
    }
    case 'DaemonSet':
      return {
        ...head,
        metadata: { name: a.name, labels: labels(a.name) },
        spec: {
          selector: { matchLabels: labels(a.name) },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: { metadata: { labels: labels(a.name) }, spec: podSpec(a, shape) },
        },
      };
    case 'Job': {
      const spec: Obj = {};
      const completions = a.completions ?? 1;
      const parallelism = a.parallelism ?? 1;
      if (completions > 1 || a.indexed) spec.completions = completions;
      if (parallelism > 1) spec.parallelism = parallelism;
      if (a.indexed) spec.completionMode = 'Indexed';
      spec.backoffLimit = shape?.backoffLimit ?? 3;
      spec.activeDeadlineSeconds = shape?.activeDeadlineSeconds ?? 3600;
      spec.ttlSecondsAfterFinished = shape?.ttlSecondsAfterFinished ?? 3600;
      spec.template = { spec: podSpec(a, shape, shape?.restartPolicy ?? 'Never') };
      return { ...head, metadata: { name: a.name }, spec };
    }
    case 'CronJob':
      return {
        ...head,
        metadata: { name: a.name },
        spec: {
          schedule: a.schedule!.trim(),
          ...(a.timeZone?.trim() ? { timeZone: a.timeZone.trim() } : {}),
          concurrencyPolicy: a.concurrencyPolicy ?? 'Forbid',
          successfulJobsHistoryLimit: 3,
          failedJobsHistoryLimit: 3,
          jobTemplate: {
            spec: {
              backoffLimit: shape?.backoffLimit ?? 2,
              activeDeadlineSeconds: shape?.activeDeadlineSeconds ?? 3600,
              template: { spec: podSpec(a, shape, shape?.restartPolicy ?? 'OnFailure') },
            },
          },
        },
      };
  }
}

function headlessService(a: WizardAnswers, shape: PatternShape | undefined): Obj {
  const ports =
    shape?.ports?.map((p) => ({ name: p.name, port: p.containerPort })) ?? (a.port !== undefined ? [{ port: a.port }] : undefined);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: a.name },
    spec: { clusterIP: 'None', selector: labels(a.name), ...(ports ? { ports } : {}) },
  };
}

function setComment(doc: Document, path: readonly (string | number)[], comment: string) {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.comment = ` ${comment}`;
}

/** A comment right above the document's first key (a document-level comment would be followed by a blank line). */
function setCommentBefore(doc: Document, comment: string) {
  if (doc.contents) doc.contents.commentBefore = comment;
}

/** Short lists of scalars in the guide's style: command: ["python", "ingest.py"], accessModes: ["ReadWriteOnce"]. */
function flowSequences(doc: Document) {
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === 'command' || key === 'args' || key === 'accessModes') && isSeq(pair.value)) {
        pair.value.flow = true;
        for (const item of pair.value.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
}

function render(doc: Document): string {
  return doc.toString({ lineWidth: 0, indentSeq: false, flowCollectionPadding: false });
}

/** The manifest for the answers: YAML documents separated by `---`, ending in a newline. Throws WizardInputError for invalid answers. */
export function generateManifest(answers: WizardAnswers): string {
  const problems = validateAnswers(answers);
  if (problems.length > 0) throw new WizardInputError(problems);
  const a = { ...withPatternDefaults({ ...answers }), ...(answers.pattern ? PATTERN_SHAPES[answers.pattern].fixed : {}) } as WizardAnswers;
  const shape = a.pattern ? PATTERN_SHAPES[a.pattern] : undefined;

  const workload = new Document(workloadObject(a, shape));
  const header = [` ${a.kind}: ${KIND_GUIDES[a.kind].useFor.toLowerCase()}.`];
  if (a.pattern) header.push(` Pattern: ${patternById(a.pattern)?.title ?? a.pattern}.`);
  header.push(` Decision path: ${renderDecisionPath(a.kind)}`);
  setCommentBefore(workload, header.join('\n'));
  flowSequences(workload);
  if (a.kind === 'CronJob') {
    const schedule = workload.getIn(['spec', 'schedule'], true);
    if (isScalar(schedule)) schedule.type = Scalar.QUOTE_DOUBLE;
    // no comment with the schedule in words: the editor shows it after the value as an inlay hint
  }
  if (a.kind === 'Job' && a.indexed) {
    setComment(workload, ['spec', 'completionMode'], `each pod gets ${COMPLETION_INDEX_ENV} (0…${(a.completions ?? 1) - 1})`);
  }
  for (const path of [
    ['spec', 'template', 'spec', 'containers', 0, 'env'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'env'],
  ]) {
    const env = workload.getIn(path, true);
    if (!env || !('items' in (env as object))) continue;
    for (const item of (env as { items: unknown[] }).items) {
      const value = isMap(item) ? item.get('value', true) : undefined;
      if (isScalar(value)) value.type = Scalar.QUOTE_DOUBLE;
    }
  }
  const out = [render(workload)];
  if (a.kind === 'StatefulSet' && a.headlessService !== false) {
    const service = new Document(headlessService(a, shape));
    setCommentBefore(
      service,
      ` Headless Service (clusterIP: None): gives each pod a stable DNS name, ${a.name}-0.${a.name}.<namespace>.svc.cluster.local`,
    );
    out.push(render(service));
  }
  return out.join('---\n');
}
