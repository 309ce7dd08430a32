// The guide's note for the field under the cursor: markdown that the hover shows after the API
// description. Each note works from the whole object, so it can spell out what the manifest
// will actually produce (pod DNS names, claim names, next run times, which ordinals update).
import { podSpecPath } from '../k8s/podSpec';
import { describeCron, isUtcZone, isValidTimeZone, nextRuns, parseCronSchedule } from '../cron/index';
import { CRON_PRESETS, HISTORY_LIMITS, TIME_ZONE_NOTE } from './cronjob';
import {
  COMPLETION_INDEX_ANNOTATION,
  COMPLETION_INDEX_FIELD_PATH,
  INDEXED_JOB,
  JOB_FIELDS,
  JOB_RESTART_POLICY,
  PARALLEL_JOB,
} from './jobs';
import { bullets, codeBlock, renderConcurrencyPolicies, renderCronDiagram, renderIssues, table } from './render';
import {
  HEADLESS_SERVICE,
  MAX_LISTED_REPLICAS,
  ORDERED_LIFECYCLE,
  PARTITION,
  statefulSetClaimNames,
  statefulSetDnsNames,
  statefulSetPodNames,
} from './statefulset';
import { JOB_FAILURES, STATEFULSET_ISSUES } from './troubleshooting';
import { entryOf } from '../text/tables';

export interface FieldGuideInput {
  readonly kind: string;
  /** path from the document root, e.g. ['spec', 'schedule'] */
  readonly path: readonly (string | number)[];
  /** the whole document as plain JS */
  readonly object: Record<string, unknown>;
  /** "now" for next run times (defaults to the current time) */
  readonly now?: Date;
  /**
   * Whether a StorageClass of that name is defined in the workspace: true, false (the whole
   * workspace was looked at), or undefined (unknown).
   */
  readonly storageClassDefined?: (name: string) => boolean | undefined;
}

type Path = readonly (string | number)[];

function get(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

function intValue(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** 600 → "10 minutes", 86400 → "24 hours", 90 → "1 minute 30 seconds" */
export function humanSeconds(total: number): string {
  if (!Number.isFinite(total) || total < 0) return `${total} seconds`;
  if (total === 0) return '0 seconds';
  const units: [number, string][] = [
    [86400 * 7, 'week'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  // prefer hours over days: the guide speaks of "24 hours"
  let rest = Math.floor(total);
  const out: string[] = [];
  for (const [size, name] of units) {
    if (size === 86400 * 7 && rest % size !== 0) continue;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out.push(`${n} ${name}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
  }
  return out.join(' ');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

/** "Sat 2026-03-07 03:00 GMT-5" in the zone. */
export function formatInZone(date: Date, timeZone: string): string {
  // A name of UTC: read from the date itself, as ICU gives it (test/unit/cron/utcZones.test.ts),
  // without building ICU's date formatter (~50–100 ms the first time in a process: the first
  // hover on a schedule paid it).
  if (isUtcZone(timeZone) && date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999)
    return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} ${timeZone === 'UTC' ? 'UTC' : 'GMT+0'}`;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(date);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const offset = timeZone === 'UTC' ? 'UTC' : p('timeZoneName');
  return `${p('weekday')} ${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')} ${offset}`;
}

/** "Sat 2026-03-07 03:00 GMT+1 (02:00 UTC)"; UTC times as they are. */
function withUtc(date: Date, zone: string): string {
  const local = formatInZone(date, zone);
  return zone === 'UTC' ? local : `${local} (${date.toISOString().slice(11, 16)} UTC)`;
}

function listWithMore(items: readonly string[], total: number): string {
  const shown = bullets(items.map((i) => `\`${i}\``));
  return total > items.length ? `${shown}\n- … and ${total - items.length} more` : shown;
}

/** Where the Job spec sits for each kind (the pod spec: k8s/podSpec.ts). */
function jobSpecPath(kind: string): Path | undefined {
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec'];
  if (kind === 'Job') return ['spec'];
  return undefined;
}

const K8S_DOCS = 'https://kubernetes.io/docs/concepts';

/** Where Kubernetes documents what each note is about. */
const DOCS = {
  schedule: `${K8S_DOCS}/workloads/controllers/cron-jobs/#schedule-syntax`,
  timeZone: `${K8S_DOCS}/workloads/controllers/cron-jobs/#time-zones`,
  concurrency: `${K8S_DOCS}/workloads/controllers/cron-jobs/#concurrency-policy`,
  history: `${K8S_DOCS}/workloads/controllers/cron-jobs/#jobs-history-limits`,
  jobFields: {
    backoffLimit: `${K8S_DOCS}/workloads/controllers/job/#pod-backoff-failure-policy`,
    activeDeadlineSeconds: `${K8S_DOCS}/workloads/controllers/job/#job-termination-and-cleanup`,
    parallelism: `${K8S_DOCS}/workloads/controllers/job/#parallel-jobs`,
    completions: `${K8S_DOCS}/workloads/controllers/job/#parallel-jobs`,
    completionMode: `${K8S_DOCS}/workloads/controllers/job/#completion-mode`,
    ttlSecondsAfterFinished: `${K8S_DOCS}/workloads/controllers/ttlafterfinished/`,
  } as Record<string, string>,
  restartPolicy: `${K8S_DOCS}/workloads/controllers/job/#handling-pod-and-container-failures`,
  podRestartPolicy: `${K8S_DOCS}/workloads/pods/pod-lifecycle/#restart-policy`,
  tolerations: `${K8S_DOCS}/scheduling-eviction/taint-and-toleration/`,
  podIdentity: `${K8S_DOCS}/workloads/controllers/statefulset/#stable-network-id`,
  storage: `${K8S_DOCS}/workloads/controllers/statefulset/#stable-storage`,
  partition: `${K8S_DOCS}/workloads/controllers/statefulset/#partitions`,
  headless: `${K8S_DOCS}/services-networking/service/#headless-services`,
  rollingUpdate: `${K8S_DOCS}/workloads/controllers/deployment/#rolling-update-deployment`,
};

function linked(note: string, url: string | undefined): string {
  return url ? `${note}\n\n[Kubernetes docs](${url})` : note;
}

// ---------------------------------------------------------------- CronJob

function scheduleNote(object: Record<string, unknown>, now: Date): string {
  const schedule = get(object, ['spec', 'schedule']);
  const parts: string[] = [];
  if (typeof schedule !== 'string') {
    parts.push('**Schedule** — a cron expression in quotes, e.g. `"0 3 * * *"` (every day at 03:00).');
  } else {
    const parsed = parseCronSchedule(schedule);
    if (!parsed.ok) {
      parts.push(`**Invalid schedule** \`${schedule}\` — ${parsed.message}`);
    } else {
      parts.push(`**Schedule** \`${schedule}\` — ${describeCron(schedule)}`);
      const tzField = get(object, ['spec', 'timeZone']);
      let zone = 'UTC';
      let zoneNote: string;
      if (typeof tzField === 'string' && isValidTimeZone(tzField)) {
        zone = tzField;
        zoneNote = `in ${tzField} (spec.timeZone)`;
      } else if (typeof tzField === 'string') {
        zoneNote = `in UTC — spec.timeZone \`${tzField}\` is not a valid IANA zone`;
      } else if (parsed.timeZonePrefix && isValidTimeZone(parsed.timeZonePrefix)) {
        zone = parsed.timeZonePrefix;
        zoneNote = `in ${zone} — move \`${schedule.split(/\s/)[0]}\` to spec.timeZone: Kubernetes rejects it inside schedule`;
      } else {
        zoneNote = "in UTC — no spec.timeZone, so the kube-controller-manager's zone applies (usually UTC)";
      }
      const runs = nextRuns(schedule, zone, now, 3);
      if (parsed.kind === 'every')
        parts.push(`Next runs if the last one was now (${zoneNote}):\n\n${bullets(runs.map((d) => formatInZone(d, zone)))}`);
      else if (runs.length) parts.push(`Next runs ${zoneNote}:\n\n${bullets(runs.map((d) => withUtc(d, zone)))}`);
      else parts.push('⚠ This schedule never fires: no month has that day.');
    }
  }
  parts.push(renderCronDiagram());
  parts.push(`Guide examples: ${CRON_PRESETS.map((p) => `\`${p.schedule}\` ${p.meaning}`).join(' · ')}`);
  return parts.join('\n\n');
}

function timeZoneNote(object: Record<string, unknown>, now: Date): string {
  const tz = get(object, ['spec', 'timeZone']);
  const parts = [`**Time zone** — ${TIME_ZONE_NOTE.summary}`];
  if (typeof tz === 'string') {
    if (!isValidTimeZone(tz)) parts.push(`⚠ \`${tz}\` is not an IANA time zone name Kubernetes accepts.`);
    else {
      const schedule = get(object, ['spec', 'schedule']);
      if (typeof schedule === 'string') {
        const runs = nextRuns(schedule, tz, now, 3);
        if (runs.length)
          parts.push(`\`${schedule}\` (${describeCron(schedule)}) next runs in ${tz}:\n\n${bullets(runs.map((d) => formatInZone(d, tz)))}`);
      }
    }
  }
  return parts.join('\n\n');
}

function concurrencyNote(object: Record<string, unknown>): string {
  const current = get(object, ['spec', 'concurrencyPolicy']);
  const cur = typeof current === 'string' ? current : undefined;
  const head =
    cur === undefined
      ? '**Concurrency policy** — not set, so `Allow` applies: a run starts even while the previous one is still running.'
      : `**Concurrency policy** — \`${cur}\``;
  return `${head}\n\n${renderConcurrencyPolicies(cur)}`;
}

function historyNote(object: Record<string, unknown>, field: string): string {
  const v = intValue(get(object, ['spec', field]));
  const which = field === 'successfulJobsHistoryLimit' ? 'successful' : 'failed';
  const now = v === undefined ? '' : ` Here: the last ${v} ${which} Job${v === 1 ? '' : 's'} ${v === 1 ? 'is' : 'are'} kept.`;
  return `**Job history** — ${HISTORY_LIMITS.summary}${now}\n\n${HISTORY_LIMITS.guideExample}`;
}

// ---------------------------------------------------------------- Job

function jobFieldNote(field: string, jobSpec: Record<string, unknown>, kind: string): string | undefined {
  const info = entryOf(JOB_FIELDS, field);
  if (!info) return undefined;
  const value = jobSpec[field];
  const parts: string[] = [`**${field}** — ${info.note}`];
  const n = intValue(value);
  const completions = intValue(jobSpec.completions);
  const parallelism = intValue(jobSpec.parallelism);
  switch (field) {
    case 'backoffLimit':
      if (n !== undefined) parts.push(`Here: up to ${n} retr${n === 1 ? 'y' : 'ies'} before the Job fails.`);
      parts.push(
        renderIssues(
          JOB_FAILURES.filter((f) => f.id === 'crashloop' || f.id === 'backoff-exceeded'),
          'Check',
        ),
      );
      break;
    case 'activeDeadlineSeconds':
      if (n !== undefined) parts.push(`Here: ${n} s = **${humanSeconds(n)}** for the whole Job.`);
      parts.push(
        renderIssues(
          JOB_FAILURES.filter((f) => f.id === 'deadline-exceeded'),
          'Check',
        ),
      );
      break;
    case 'ttlSecondsAfterFinished':
      if (n !== undefined) parts.push(`Here: the Job and its pods are deleted **${humanSeconds(n)}** after it finishes.`);
      if (kind === 'CronJob') parts.push('In a CronJob, the history limits already delete old Jobs; a TTL removes them sooner.');
      break;
    case 'parallelism':
      parts.push(PARALLEL_JOB.summary);
      if (n !== undefined && completions !== undefined) {
        parts.push(
          n > completions
            ? `⚠ parallelism ${n} is more than completions ${completions}: only ${completions} pods can ever run at once.`
            : `Here: ${completions} completions, ${n} at a time — about ${Math.ceil(completions / Math.max(n, 1))} waves.`,
        );
      } else if (n !== undefined) parts.push(`Here: up to ${n} pods at a time.`);
      break;
    case 'completions':
      parts.push(PARALLEL_JOB.summary);
      if (n !== undefined)
        parts.push(
          `Here: the Job is complete after ${n} successful pod${n === 1 ? '' : 's'}${parallelism ? `, ${parallelism} at a time` : ''}.`,
        );
      if (jobSpec.completionMode === 'Indexed' && n !== undefined) parts.push(`Indexed: the pods get indexes 0…${n - 1}.`);
      parts.push(
        renderIssues(
          JOB_FAILURES.filter((f) => f.id === 'zero-completions'),
          'Check',
        ),
      );
      break;
    case 'completionMode':
      parts.push(INDEXED_JOB.summary);
      if (value === 'Indexed') {
        if (completions !== undefined && completions > 0) {
          const shown = Array.from({ length: Math.min(completions, MAX_LISTED_REPLICAS) }, (_, i) => String(i));
          parts.push(
            `Here: indexes **${shown.join(', ')}${completions > MAX_LISTED_REPLICAS ? ', …' : ''}** (0…${completions - 1}), one per completion.`,
          );
        } else parts.push('⚠ `Indexed` needs `completions`: the indexes run from 0 to completions-1.');
      }
      parts.push(
        codeBlock(`env:\n- name: JOB_INDEX\n  valueFrom:\n    fieldRef:\n      fieldPath: ${COMPLETION_INDEX_FIELD_PATH}`, 'yaml'),
      );
      parts.push(INDEXED_JOB.readIndex);
      break;
  }
  if (info.guideExample) parts.push(`Guide: ${info.guideExample}`);
  return parts.join('\n\n');
}

function restartPolicyNote(kind: string, value: unknown): string {
  if (kind === 'Job' || kind === 'CronJob') {
    const parts = [`**restartPolicy** — ${JOB_RESTART_POLICY.summary}`, bullets([JOB_RESTART_POLICY.never, JOB_RESTART_POLICY.onFailure])];
    if (value === 'Always' || value === undefined)
      parts.push(
        value === 'Always'
          ? '⚠ `Always` is not allowed here.'
          : '⚠ Not set: the default `Always` is not allowed for Jobs — set `Never` or `OnFailure`.',
      );
    return parts.join('\n\n');
  }
  return `**restartPolicy** — ${JOB_RESTART_POLICY.longRunning}`;
}

// ---------------------------------------------------------------- StatefulSet

function statefulSetShape(object: Record<string, unknown>) {
  const name = str(get(object, ['metadata', 'name'])) ?? '<name>';
  const namespace = str(get(object, ['metadata', 'namespace']));
  const replicas = intValue(get(object, ['spec', 'replicas'])) ?? 1; // the API default
  const serviceName = str(get(object, ['spec', 'serviceName']));
  return { name, namespace, replicas, serviceName };
}

function podNamesNote(object: Record<string, unknown>): string {
  const { name, namespace, replicas, serviceName } = statefulSetShape(object);
  const shown = Math.min(replicas, MAX_LISTED_REPLICAS);
  const parts: string[] = [];
  if (serviceName) {
    parts.push(
      `**Pod DNS names** — ${replicas} replica${replicas === 1 ? '' : 's'} through the headless Service \`${serviceName}\` in namespace \`${namespace ?? 'default'}\`:`,
    );
    parts.push(listWithMore(statefulSetDnsNames(name, serviceName, namespace, shown), replicas));
    parts.push(`Pattern: \`<pod>.<serviceName>.<namespace>.svc.cluster.local\`. ${HEADLESS_SERVICE.whyStatefulSet}`);
  } else {
    parts.push(`**Pods** — ${listWithMore(statefulSetPodNames(name, shown), replicas).replace(/\n/g, ' ')}`);
    parts.push('⚠ No serviceName: the pods get no stable DNS names. Set it to a headless Service (`clusterIP: None`).');
  }
  if (get(object, ['spec', 'podManagementPolicy']) === 'Parallel') parts.push(`**Start/stop** — ${ORDERED_LIFECYCLE.parallel}`);
  else
    parts.push(
      `**Ordered start/stop** — ${ORDERED_LIFECYCLE.startup}\n\n${codeBlock(ORDERED_LIFECYCLE.startupSequence(name, replicas))}\n\n${ORDERED_LIFECYCLE.shutdown}\n\n${codeBlock(ORDERED_LIFECYCLE.shutdownSequence(name, replicas))}`,
    );
  parts.push(
    renderIssues(
      STATEFULSET_ISSUES.filter(
        (i) =>
          (i.id === 'previous-not-ready' && get(object, ['spec', 'podManagementPolicy']) !== 'Parallel') ||
          (i.id === 'dns-not-resolving' && !!serviceName),
      ),
    ),
  );
  return parts.join('\n\n');
}

/** "storage class `fast-ssd` (✓ defined in the workspace), 10Gi, ReadWriteOnce" for one claim template. */
function claimSpecText(template: unknown, storageClassDefined: FieldGuideInput['storageClassDefined']): string {
  const spec = get(template, ['spec']);
  const sc = get(spec, ['storageClassName']);
  const size = get(spec, ['resources', 'requests', 'storage']);
  const modes = get(spec, ['accessModes']);
  const parts: string[] = [];
  if (sc === '') parts.push('no StorageClass (`storageClassName: ""`): it binds only to a PersistentVolume created beforehand');
  else if (typeof sc === 'string') {
    const defined = storageClassDefined?.(sc);
    parts.push(
      `StorageClass \`${sc}\` ${
        defined === true
          ? '✓ defined in the workspace'
          : defined === false
            ? `✗ not defined in the workspace — it must exist in the cluster (\`kubectl get storageclass ${sc}\`), or the claims stay Pending`
            : `(check it exists: \`kubectl get storageclass ${sc}\`)`
      }`,
    );
  } else
    parts.push(
      "the cluster's default StorageClass (no storageClassName; `kubectl get storageclass` marks it `(default)` — without one the claims stay Pending)",
    );
  parts.push(typeof size === 'string' || typeof size === 'number' ? `size ${size}` : '⚠ no `resources.requests.storage`');
  parts.push(Array.isArray(modes) && modes.length ? `access ${modes.map((m) => `\`${String(m)}\``).join(', ')}` : '⚠ no `accessModes`');
  return parts.join(' · ');
}

function claimTemplatesNote(
  object: Record<string, unknown>,
  index: number | undefined,
  storageClassDefined?: FieldGuideInput['storageClassDefined'],
): string {
  const { name, replicas } = statefulSetShape(object);
  const templates = get(object, ['spec', 'volumeClaimTemplates']);
  const list = Array.isArray(templates) ? templates : [];
  const chosen = index === undefined ? list.map((_, i) => i) : [index];
  const shown = Math.min(replicas, MAX_LISTED_REPLICAS);
  const parts: string[] = [
    '**PersistentVolumeClaims** — one per pod and claim template, named `<template>-<statefulset>-<ordinal>`; they outlive the pods, so a restarted pod gets its data back.',
  ];
  const mounts = new Map<string, string[]>();
  const containers = get(object, ['spec', 'template', 'spec', 'containers']);
  if (Array.isArray(containers))
    for (const c of containers) {
      const vm = (c as Record<string, unknown> | null)?.volumeMounts;
      if (Array.isArray(vm))
        for (const m of vm) {
          const mn = str((m as Record<string, unknown> | null)?.name);
          const mp = str((m as Record<string, unknown> | null)?.mountPath);
          if (mn && mp) mounts.set(mn, [...(mounts.get(mn) ?? []), mp]);
        }
    }
  for (const i of chosen) {
    const claim = str(get(list[i], ['metadata', 'name']));
    if (!claim) continue;
    const where = mounts.get(claim);
    parts.push(
      `\`${claim}\`${where ? ` (mounted at ${where.map((w) => `\`${w}\``).join(', ')})` : ' — ⚠ no container mounts it'}: ${claimSpecText(list[i], storageClassDefined)}\n\n${listWithMore(statefulSetClaimNames(claim, name, shown), replicas)}`,
    );
  }
  parts.push(renderIssues(STATEFULSET_ISSUES.filter((i) => i.id === 'pvc-pending' || i.id === 'wrong-mount-path')));
  const claimNames = chosen.flatMap((i) => {
    const claim = str(get(list[i], ['metadata', 'name']));
    return claim ? statefulSetClaimNames(claim, name, shown) : [];
  });
  const namespace = str(get(object, ['metadata', 'namespace']));
  if (claimNames.length)
    parts.push(
      `Why a pod is Pending: \`kubectl get pvc ${claimNames.slice(0, 3).join(' ')}${namespace ? ` -n ${namespace}` : ''}\` (STATUS must be Bound), then \`kubectl describe pvc ${claimNames[0]}${namespace ? ` -n ${namespace}` : ''}\` for its events.`,
    );
  return parts.join('\n\n');
}

function partitionNote(object: Record<string, unknown>): string {
  const { name, replicas } = statefulSetShape(object);
  const partition = intValue(get(object, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'])) ?? 0;
  const { updated, kept } = PARTITION.updatedOrdinals(replicas, partition);
  const names = (ords: number[]) => (ords.length ? ords.map((o) => `\`${name}-${o}\``).join(', ') : 'none');
  const parts = [`**Partition** — ${PARTITION.summary}`];
  if (updated.length === 0)
    parts.push(
      `⚠ Here: partition ${partition} with ${replicas} replica${replicas === 1 ? '' : 's'} — **no pod will update** on the next template change.`,
    );
  else
    parts.push(
      `Here (partition ${partition}, ${replicas} replicas): updated → ${names(updated)}; kept on the old version → ${names(kept)}.`,
    );
  const container = str(get(object, ['spec', 'template', 'spec', 'containers', 0, 'name'])) ?? name;
  parts.push(
    `**Staged rollout**\n\n${PARTITION.stagedRollout(name, replicas, container)
      .map((s, i) => `${i + 1}. ${s}`)
      .join('\n')}`,
  );
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- Service, DaemonSet, Deployment

function clusterIPNote(value: unknown): string {
  const parts = [`**Headless Service** — ${HEADLESS_SERVICE.summary}`, HEADLESS_SERVICE.whyStatefulSet, HEADLESS_SERVICE.selector];
  if (value === 'None') parts.unshift('This Service is headless.');
  else parts.push('⚠ This Service has a cluster IP: fine for Deployments, but it cannot govern a StatefulSet — use `clusterIP: None`.');
  parts.push(renderIssues(STATEFULSET_ISSUES.filter((i) => i.id === 'dns-not-resolving')));
  return parts.join('\n\n');
}

function tolerationsNote(object: Record<string, unknown>): string {
  const tolerations = get(object, ['spec', 'template', 'spec', 'tolerations']);
  const everything =
    Array.isArray(tolerations) &&
    tolerations.some(
      (t) => t && typeof t === 'object' && (t as Record<string, unknown>).operator === 'Exists' && !(t as Record<string, unknown>).key,
    );
  const parts = [
    '**Tolerations on a DaemonSet** — a toleration with `operator: Exists` and no key tolerates every taint, so the DaemonSet reaches every node, control-plane nodes included. Without it, tainted nodes get no pod.',
    codeBlock('tolerations:\n- operator: Exists', 'yaml'),
  ];
  parts.push(
    everything ? '✓ Here: tolerates every taint — one pod on every node.' : 'Here: only nodes whose taints are listed will run a pod.',
  );
  return parts.join('\n\n');
}

function rollingUpdateNote(object: Record<string, unknown>): string {
  const ru = get(object, ['spec', 'strategy', 'rollingUpdate']) as Record<string, unknown> | undefined;
  const parts = [
    '**Rolling update** — replaces pods a few at a time with zero downtime: `maxUnavailable` pods may be missing and `maxSurge` extra pods may be created during the rollout (the guide uses 1 and 1). Both 0 is rejected.',
  ];
  if (ru && typeof ru === 'object')
    parts.push(`Here: maxUnavailable ${String(ru.maxUnavailable ?? '25% (default)')}, maxSurge ${String(ru.maxSurge ?? '25% (default)')}.`);
  return parts.join('\n\n');
}

/**
 * Markdown of the guide's advice for the field at `path`, or undefined when the guide has none.
 * Paths inside a CronJob's jobTemplate count as Job paths.
 */
export function fieldGuideNote(input: FieldGuideInput): string | undefined {
  const { kind, path, object } = input;
  if (!object || typeof object !== 'object') return undefined;
  const now = input.now ?? new Date();
  const key = path[path.length - 1];

  if (kind === 'CronJob' && path.length === 2 && path[0] === 'spec') {
    switch (key) {
      case 'schedule':
        return linked(scheduleNote(object, now), DOCS.schedule);
      case 'timeZone':
        return linked(timeZoneNote(object, now), DOCS.timeZone);
      case 'concurrencyPolicy':
        return linked(concurrencyNote(object), DOCS.concurrency);
      case 'successfulJobsHistoryLimit':
      case 'failedJobsHistoryLimit':
        return linked(historyNote(object, key), DOCS.history);
    }
  }

  const jobPath = jobSpecPath(kind);
  if (jobPath && path.length === jobPath.length + 1 && startsWith(path, jobPath) && typeof key === 'string') {
    const jobSpec = get(object, jobPath);
    const note = jobFieldNote(key, jobSpec && typeof jobSpec === 'object' ? (jobSpec as Record<string, unknown>) : {}, kind);
    if (note) return linked(note, DOCS.jobFields[key]);
  }

  const podPath = podSpecPath(kind);
  if (podPath && startsWith(path, podPath)) {
    const rest = path.slice(podPath.length);
    if (rest.length === 1 && rest[0] === 'restartPolicy')
      return linked(
        restartPolicyNote(kind, get(object, [...podPath, 'restartPolicy'])),
        kind === 'Job' || kind === 'CronJob' ? DOCS.restartPolicy : DOCS.podRestartPolicy,
      );
    if (kind === 'DaemonSet' && rest[0] === 'tolerations') return linked(tolerationsNote(object), DOCS.tolerations);
    if ((kind === 'Job' || kind === 'CronJob') && key === 'fieldPath') {
      const v = get(object, path);
      if (typeof v === 'string' && v.includes(COMPLETION_INDEX_ANNOTATION))
        return linked(
          `**Completion index** — ${INDEXED_JOB.readIndex} It is only set when the Job has \`completionMode: Indexed\`.`,
          DOCS.jobFields.completionMode,
        );
    }
  }

  if (kind === 'StatefulSet') {
    if (path.length === 2 && path[0] === 'spec' && (key === 'serviceName' || key === 'replicas'))
      return linked(podNamesNote(object), DOCS.podIdentity);
    if (startsWith(path, ['spec', 'volumeClaimTemplates'])) {
      const i = typeof path[2] === 'number' ? path[2] : undefined;
      // the template list, one template, its metadata, or the name itself — not deeper spec fields
      if (path.length <= 3 || (path[3] === 'metadata' && (path.length === 4 || path[4] === 'name')))
        return linked(claimTemplatesNote(object, i, input.storageClassDefined), DOCS.storage);
    }
    if (startsWith(path, ['spec', 'updateStrategy', 'rollingUpdate', 'partition']) && path.length === 4)
      return linked(partitionNote(object), DOCS.partition);
  }

  if (kind === 'Service' && path.length === 2 && path[0] === 'spec' && key === 'clusterIP')
    return linked(clusterIPNote(get(object, ['spec', 'clusterIP'])), DOCS.headless);

  if (
    kind === 'Deployment' &&
    startsWith(path, ['spec', 'strategy']) &&
    (key === 'maxSurge' || key === 'maxUnavailable' || key === 'rollingUpdate')
  )
    return linked(rollingUpdateNote(object), DOCS.rollingUpdate);

  return undefined;
}

/** Rows for a compact overview (used by docs): which fields have notes. */
export function fieldNoteIndex(): string {
  return table(
    ['Kind', 'Field'],
    [
      ['CronJob', 'schedule, timeZone, concurrencyPolicy, successfulJobsHistoryLimit, failedJobsHistoryLimit'],
      [
        'Job / CronJob jobTemplate',
        'backoffLimit, activeDeadlineSeconds, parallelism, completions, completionMode, ttlSecondsAfterFinished, restartPolicy',
      ],
      ['StatefulSet', 'serviceName, replicas, volumeClaimTemplates[].metadata.name, updateStrategy.rollingUpdate.partition'],
      ['Service', 'clusterIP'],
      ['DaemonSet', 'tolerations'],
      ['Deployment', 'strategy.rollingUpdate'],
    ],
  );
}
