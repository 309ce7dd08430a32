// The guide's day-two kubectl commands, worked out for one object: its name, its namespace (from
// metadata or the kustomization that sets one), `-l` from its real selector (matchExpressions in
// kubectl's set-based syntax), the real pod and claim names of a StatefulSet, `-c` where a pod has
// several containers. Host-independent: the server answers a request with this list, the client
// shows it (copy / run in a terminal); nothing here runs anything.
//
// Checked against Kubernetes itself:
// - Job pods carry `batch.kubernetes.io/job-name` since 1.27 (pkg/apis/batch/types.go
//   `JobNameLabel = labelPrefix + "job-name"`; the unprefixed `job-name` is kept for legacy
//   reasons). Every version this extension targets (1.30–1.35) sets it, so the commands use it.
// - The CronJob controller sets no `cronjob-name` label on the Jobs it creates: it copies
//   `jobTemplate.metadata.labels` and sets an owner reference (pkg/controller/cronjob/utils.go,
//   getJobFromTemplate2). The guide's `kubectl get jobs -l cronjob-name=<name>` finds nothing; the
//   Jobs are found by the template's labels, when there are any, or by their owner.
// - StatefulSet claims are `<template>-<statefulset>-<ordinal>` and carry the selector's
//   matchLabels (pkg/controller/statefulset/stateful_set_utils.go, getPersistentVolumeClaims).
// - A Job's name ends up in its pods' `batch.kubernetes.io/job-name` label, whose value is at most
//   63 characters: a manual run's name is kept within that.
import { JOB_FAILURES, STATEFULSET_ISSUES } from '../guide/troubleshooting';
import { MAX_LISTED_REPLICAS, statefulSetClaimNames, statefulSetPodNames } from '../guide/statefulset';
import { isWorkloadKind, type Issue, type WorkloadKind } from '../guide/types';
import { isObject } from '../k8s/labels';
import { getAt } from '../manifest/navigate';

/** The Kubernetes version assumed when none is selected. */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

export interface DebugCommandItem {
  /** What the command does, for a list ("Logs of qdrant-0 (start here when a pod won't start)"). */
  readonly title: string;
  /** The whole command line, ready to paste. */
  readonly command: string;
  /** True when it changes the cluster (scale, delete, patch, set image, create, rollout undo/restart). */
  readonly mutates: boolean;
  /** A caveat or the guide's common issue it answers. */
  readonly note?: string;
}

export interface DebugCommandList {
  readonly kind: WorkloadKind;
  readonly name: string;
  /** The namespace the commands pass with -n (undefined: the current context's namespace). */
  readonly namespace?: string;
  /** Where the namespace comes from, in words ("metadata.namespace", "kustomization overlays/prod", …). */
  readonly namespaceNote: string;
  readonly commands: readonly DebugCommandItem[];
  /** The guide's common issues / failures for the kind, as rows. */
  readonly issues: readonly Issue[];
}

export interface DebugInput {
  /** The manifest document as plain JS. */
  readonly object: unknown;
  /**
   * Namespaces the kustomization files that include this file set (`namespace:`), used when the
   * object names none; several (overlays) are listed, not guessed between.
   */
  readonly kustomizeNamespaces?: readonly { readonly namespace: string; readonly kustomization: string }[];
  /** "1.30" … "1.35" (default 1.35). */
  readonly kubernetesVersion?: string;
  /** The time stamped into a manual run's name (default now). */
  readonly now?: Date;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const get = getAt;

/** Quotes an argument for POSIX shells and PowerShell alike when it holds anything but plain characters. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:=,@%+-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A label selector in kubectl's syntax: `app=web,tier in (a,b),!canary`; undefined when the
 * selector is empty or not a LabelSelector.
 */
export function selectorString(selector: unknown): string | undefined {
  if (!isObject(selector)) return undefined;
  const parts: string[] = [];
  if (isObject(selector.matchLabels))
    for (const [k, v] of Object.entries(selector.matchLabels)) if (typeof v === 'string' || typeof v === 'number') parts.push(`${k}=${v}`);
  if (Array.isArray(selector.matchExpressions))
    for (const e of selector.matchExpressions) {
      if (!isObject(e) || !str(e.key)) continue;
      const key = e.key as string;
      const values = Array.isArray(e.values) ? e.values.map(String) : [];
      switch (e.operator) {
        case 'In':
          parts.push(`${key} in (${values.join(',')})`);
          break;
        case 'NotIn':
          parts.push(`${key} notin (${values.join(',')})`);
          break;
        case 'Exists':
          parts.push(key);
          break;
        case 'DoesNotExist':
          parts.push(`!${key}`);
          break;
      }
    }
  return parts.length ? parts.join(',') : undefined;
}

/** `k=v,…` of plain labels (a template's labels), undefined when none. */
function labelsString(labels: unknown): string | undefined {
  return isObject(labels) ? selectorString({ matchLabels: labels }) : undefined;
}

/** The Job pod label of the version: `batch.kubernetes.io/job-name` from 1.27 on, `job-name` before. */
export function jobNameLabel(kubernetesVersion = DEFAULT_KUBERNETES_VERSION): string {
  const m = /^v?(\d+)\.(\d+)/.exec(kubernetesVersion);
  const minor = m ? Number(m[1]) * 1000 + Number(m[2]) : Infinity;
  return minor >= 1027 ? 'batch.kubernetes.io/job-name' : 'job-name';
}

/** The longest Job name whose pods can carry it as a label value. */
export const MAX_JOB_NAME = 63;

/**
 * `<cronjob>-manual-<yyyymmddhhmm>` (UTC), the CronJob's name shortened so the whole stays a valid
 * DNS label of at most 63 characters.
 */
export function manualJobName(cronJobName: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}`;
  const suffix = `-manual-${stamp}`;
  const base =
    cronJobName
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, MAX_JOB_NAME - suffix.length)
      .replace(/^-+|-+$/g, '') || 'job';
  return `${base}${suffix}`;
}

interface Ctx {
  readonly name: string;
  readonly ns?: string;
  readonly object: unknown;
}

/** `kubectl <args> [-n ns] <flags>` with each piece quoted as needed. */
function kubectl(ctx: Ctx, args: readonly string[], flags: readonly string[] = []): string {
  return ['kubectl', ...args.map(shellQuote), ...(ctx.ns ? ['-n', shellQuote(ctx.ns)] : []), ...flags.map(shellQuote)].join(' ');
}

/** Names of the pod template's regular containers. */
function containerNames(object: unknown, kind: WorkloadKind): string[] {
  const spec = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
  const list = get(object, [...spec, 'containers']);
  return Array.isArray(list) ? list.map((c) => str(get(c, ['name']))).filter((n): n is string => !!n) : [];
}

/** One logs command per container when there are several (`-c`), else one. */
function logsCommands(
  ctx: Ctx,
  target: string,
  containers: readonly string[],
  title: string,
  extra: readonly string[] = [],
  note?: string,
) {
  if (containers.length <= 1) return [{ title, command: kubectl(ctx, ['logs', target], extra), mutates: false, note }];
  return containers.map((c) => ({
    title: `${title}, container ${c}`,
    command: kubectl(ctx, ['logs', target], ['-c', c, ...extra]),
    mutates: false,
    note,
  }));
}

const issue = (rows: readonly Issue[], id: string): Issue | undefined => rows.find((r) => r.id === id);
const issueNote = (rows: readonly Issue[], id: string): string | undefined => {
  const i = issue(rows, id);
  return i ? `${i.symptom} — ${i.cause}: ${i.fix}.` : undefined;
};

function statefulSetCommands(ctx: Ctx): DebugCommandItem[] {
  const { name, object } = ctx;
  const replicasValue = get(object, ['spec', 'replicas']);
  const replicas = typeof replicasValue === 'number' && Number.isInteger(replicasValue) && replicasValue >= 0 ? replicasValue : 1;
  const parallel = get(object, ['spec', 'podManagementPolicy']) === 'Parallel';
  const selector = selectorString(get(object, ['spec', 'selector']));
  const containers = containerNames(object, 'StatefulSet');
  const pods = statefulSetPodNames(name, replicas);
  const first = pods[0] ?? `${name}-0`;
  const last = pods[pods.length - 1] ?? `${name}-0`;
  const out: DebugCommandItem[] = [
    { title: `Status of StatefulSet ${name}`, command: kubectl(ctx, ['get', 'statefulset', name]), mutates: false },
    {
      title: `Describe ${name}: status and events`,
      command: kubectl(ctx, ['describe', 'statefulset', name]),
      mutates: false,
    },
  ];
  if (selector)
    out.push({
      title: parallel ? 'Watch its pods start (Parallel: all at once)' : `Watch its pods start in order (${first} first)`,
      command: kubectl(ctx, ['get', 'pods', '-l', selector], ['-w']),
      mutates: false,
    });
  const templates = get(object, ['spec', 'volumeClaimTemplates']);
  const claims = Array.isArray(templates) ? templates.map((t) => str(get(t, ['metadata', 'name']))).filter((c): c is string => !!c) : [];
  if (claims.length && replicas > 0) {
    const names = claims.flatMap((c) => statefulSetClaimNames(c, name, replicas));
    const matchLabels = labelsString(get(object, ['spec', 'selector', 'matchLabels']));
    out.push({
      title: `Its PersistentVolumeClaims (${names.length <= 3 ? names.join(', ') : `${names[0]} … ${names[names.length - 1]}`})`,
      command:
        replicas <= MAX_LISTED_REPLICAS || !matchLabels
          ? kubectl(ctx, ['get', 'pvc', ...names])
          : kubectl(ctx, ['get', 'pvc', '-l', matchLabels]),
      mutates: false,
      note: issueNote(STATEFULSET_ISSUES, 'pvc-pending'),
    });
  }
  out.push(
    ...logsCommands(
      ctx,
      first,
      containers,
      `Logs of ${first}`,
      [],
      parallel ? undefined : `${issueNote(STATEFULSET_ISSUES, 'previous-not-ready')} Pods start in order, so ${first} comes first.`,
    ),
  );
  out.push(...logsCommands(ctx, first, containers, `Logs of ${first} before its last restart`, ['--previous']));
  out.push({
    title: `Describe ${first}: why it is Pending or restarting`,
    command: kubectl(ctx, ['describe', 'pod', first]),
    mutates: false,
  });
  out.push({
    title: `Scale to ${replicas + 1} replicas${parallel ? '' : ` (${name}-${replicas} is added after ${last} is Ready)`}`,
    command: kubectl(ctx, ['scale', 'statefulset', name], [`--replicas=${replicas + 1}`]),
    mutates: true,
  });
  // the guide's staged rollout with a partition
  const lastOrdinal = Math.max(replicas - 1, 0);
  const container = containers[0] ?? name;
  const image = str(get(object, ['spec', 'template', 'spec', 'containers', 0, 'image']));
  const repo = image ? image.replace(/@.*$/, '').replace(/:[^/:]*$/, '') : '<image>';
  const partitionPatch = (n: number) =>
    kubectl(
      ctx,
      ['patch', 'statefulset', name],
      ['-p', `{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":${n}}}}}`],
    );
  out.push(
    {
      title: `Staged rollout 1/4: partition ${lastOrdinal}, so only ${name}-${lastOrdinal} takes the next template`,
      command: partitionPatch(lastOrdinal),
      mutates: true,
    },
    {
      title: `Staged rollout 2/4: set the new image of container ${container}`,
      command: kubectl(ctx, ['set', 'image', `statefulset/${name}`, `${container}=${repo}:<new-tag>`]),
      mutates: true,
      note: `Replace <new-tag>; only ${name}-${lastOrdinal} is updated.`,
    },
    {
      title: `Staged rollout 3/4: check ${name}-${lastOrdinal} runs the new image`,
      command: kubectl(ctx, ['get', 'pod', `${name}-${lastOrdinal}`], ['-o', 'jsonpath={.spec.containers[*].image}']),
      mutates: false,
    },
    {
      title: 'Staged rollout 4/4: partition 0, update the rest',
      command: partitionPatch(0),
      mutates: true,
    },
    { title: `Rollout status of ${name}`, command: kubectl(ctx, ['rollout', 'status', `statefulset/${name}`]), mutates: false },
    {
      title: `Force-delete a stuck pod (${last})`,
      command: kubectl(ctx, ['delete', 'pod', last], ['--grace-period=0', '--force']),
      mutates: true,
      note: 'Use with care: only when the node is gone. Kubernetes may then run two pods with the same identity.',
    },
  );
  return out;
}

function jobCommands(ctx: Ctx, kubernetesVersion: string): DebugCommandItem[] {
  const { name, object } = ctx;
  const label = `${jobNameLabel(kubernetesVersion)}=${name}`;
  const containers = containerNames(object, 'Job');
  const indexed = get(object, ['spec', 'completionMode']) === 'Indexed';
  const out: DebugCommandItem[] = [
    { title: `Watch Job ${name}`, command: kubectl(ctx, ['get', 'job', name], ['-w']), mutates: false },
    {
      title: `Describe ${name}: details and events`,
      command: kubectl(ctx, ['describe', 'job', name]),
      mutates: false,
      note: [issueNote(JOB_FAILURES, 'zero-completions'), issueNote(JOB_FAILURES, 'backoff-exceeded')].join(' '),
    },
    { title: "The Job's pods", command: kubectl(ctx, ['get', 'pods', '-l', label]), mutates: false },
    {
      title: "The Job's failed pods",
      command: kubectl(ctx, ['get', 'pods', '-l', label], ['--field-selector=status.phase=Failed']),
      mutates: false,
      note: issueNote(JOB_FAILURES, 'crashloop'),
    },
  ];
  out.push(...logsCommands(ctx, `job/${name}`, containers, 'Logs of one of its pods'));
  if (indexed)
    out.push({
      title: 'Logs of the pod with completion index 0',
      command: kubectl(
        ctx,
        ['logs', '-l', `${label},batch.kubernetes.io/job-completion-index=0`],
        containers.length > 1 ? ['--all-containers'] : [],
      ),
      mutates: false,
    });
  out.push({
    title: 'Logs of all its pods, each line prefixed with its pod',
    command: kubectl(ctx, ['logs', '-l', label], ['--prefix', '--all-containers', '--tail=-1']),
    mutates: false,
  });
  if (typeof get(object, ['spec', 'activeDeadlineSeconds']) === 'number')
    out.push({
      title: 'Did it hit activeDeadlineSeconds? (its Failed condition)',
      command: kubectl(ctx, ['get', 'job', name], ['-o', 'jsonpath={.status.conditions[?(@.type=="Failed")].reason}']),
      mutates: false,
      note: issueNote(JOB_FAILURES, 'deadline-exceeded'),
    });
  return out;
}

function cronJobCommands(ctx: Ctx, now: Date): DebugCommandItem[] {
  const { name, object } = ctx;
  const jobLabels = labelsString(get(object, ['spec', 'jobTemplate', 'metadata', 'labels']));
  const podLabels = labelsString(get(object, ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels']));
  const manual = manualJobName(name, now);
  const out: DebugCommandItem[] = [
    { title: `Schedule and last schedule time of ${name}`, command: kubectl(ctx, ['get', 'cronjob', name]), mutates: false },
    { title: `Describe ${name}: last schedule time and events`, command: kubectl(ctx, ['describe', 'cronjob', name]), mutates: false },
  ];
  if (jobLabels)
    out.push({
      title: 'The Jobs it created (by the jobTemplate labels)',
      command: kubectl(ctx, ['get', 'jobs', '-l', jobLabels]),
      mutates: false,
      note: 'The CronJob controller sets no cronjob-name label; its Jobs carry the jobTemplate labels.',
    });
  out.push({
    title: 'The Jobs it created (by owner)',
    command: kubectl(
      ctx,
      ['get', 'jobs'],
      [
        '-o',
        `jsonpath={range .items[?(@.metadata.ownerReferences[0].name=="${name}")]}{.metadata.name}{"\\t"}{.status.succeeded}{"\\t"}{.status.failed}{"\\n"}{end}`,
      ],
    ),
    mutates: false,
    note: 'Name, succeeded and failed pods of each Job owned by the CronJob (the controller sets no cronjob-name label).',
  });
  if (podLabels)
    out.push({
      title: 'Pods of its Jobs (by the pod template labels)',
      command: kubectl(ctx, ['get', 'pods', '-l', podLabels]),
      mutates: false,
    });
  out.push(
    {
      title: `Run it now: create Job ${manual}`,
      command: kubectl(ctx, ['create', 'job', `--from=cronjob/${name}`, manual]),
      mutates: true,
      note: 'Triggers a run by hand to test it.',
    },
    ...logsCommands(ctx, `job/${manual}`, containerNames(object, 'CronJob'), `Logs of ${manual}`),
    {
      title: 'Suspend the schedule',
      command: kubectl(ctx, ['patch', 'cronjob', name], ['-p', '{"spec":{"suspend":true}}']),
      mutates: true,
    },
    {
      title: 'Resume the schedule',
      command: kubectl(ctx, ['patch', 'cronjob', name], ['-p', '{"spec":{"suspend":false}}']),
      mutates: true,
    },
  );
  return out;
}

function rolloutCommands(ctx: Ctx, kind: 'Deployment' | 'DaemonSet'): DebugCommandItem[] {
  const { name, object } = ctx;
  const resource = kind.toLowerCase();
  const selector = selectorString(get(object, ['spec', 'selector']));
  const containers = containerNames(object, kind);
  const out: DebugCommandItem[] = [
    { title: `Rollout status of ${name}`, command: kubectl(ctx, ['rollout', 'status', `${resource}/${name}`]), mutates: false },
    { title: 'Rollout history', command: kubectl(ctx, ['rollout', 'history', `${resource}/${name}`]), mutates: false },
    { title: `Describe ${name}: status and events`, command: kubectl(ctx, ['describe', resource, name]), mutates: false },
  ];
  if (selector)
    out.push({
      title: kind === 'DaemonSet' ? 'Its pods and their nodes' : 'Its pods',
      command: kubectl(ctx, ['get', 'pods', '-l', selector], ['-o', 'wide']),
      mutates: false,
    });
  out.push(...logsCommands(ctx, `${resource}/${name}`, containers, 'Logs of one of its pods'));
  out.push(
    { title: 'Undo the last rollout', command: kubectl(ctx, ['rollout', 'undo', `${resource}/${name}`]), mutates: true },
    { title: 'Restart its pods (a new rollout)', command: kubectl(ctx, ['rollout', 'restart', `${resource}/${name}`]), mutates: true },
  );
  return out;
}

/** `overlays/prod/kustomization.yaml` of a URI: the last three segments are enough to tell overlays apart. */
function shortPath(uri: string): string {
  return uri
    .replace(/[?#].*$/, '')
    .split('/')
    .slice(-3)
    .join('/');
}

/** The namespace the commands use and where it comes from. */
function namespaceOf(input: DebugInput): { ns?: string; note: string } {
  const ns = str(get(input.object, ['metadata', 'namespace']));
  if (ns) return { ns, note: `Namespace ${ns} (metadata.namespace).` };
  const k = input.kustomizeNamespaces ?? [];
  const distinct = [...new Set(k.map((x) => x.namespace))];
  if (distinct.length === 1) return { ns: distinct[0], note: `Namespace ${distinct[0]}, set by ${shortPath(k[0].kustomization)}.` };
  if (distinct.length > 1)
    return {
      note: `Kustomizations deploy it to several namespaces (${k.map((x) => `${x.namespace} by ${shortPath(x.kustomization)}`).join(', ')}): the commands run in the current context's namespace — add -n <namespace>.`,
    };
  return { note: "No namespace in the manifest: the commands run in the current context's namespace." };
}

/** The guide's commands for a workload, filled in; undefined for other kinds or an object without a name. */
export function debugCommands(input: DebugInput): DebugCommandList | undefined {
  const kind = get(input.object, ['kind']);
  const name = str(get(input.object, ['metadata', 'name']));
  if (!isWorkloadKind(kind) || !name) return undefined;
  const { ns, note } = namespaceOf(input);
  const ctx: Ctx = { name, ns, object: input.object };
  let commands: DebugCommandItem[];
  let issues: readonly Issue[] = [];
  switch (kind) {
    case 'StatefulSet':
      commands = statefulSetCommands(ctx);
      issues = STATEFULSET_ISSUES;
      break;
    case 'Job':
      commands = jobCommands(ctx, input.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
      issues = JOB_FAILURES;
      break;
    case 'CronJob':
      commands = cronJobCommands(ctx, input.now ?? new Date());
      issues = JOB_FAILURES;
      break;
    default:
      commands = rolloutCommands(ctx, kind);
  }
  return { kind, name, namespace: ns, namespaceNote: note, commands, issues };
}
