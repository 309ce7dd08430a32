// Input validation for the wizard, as the Kubernetes API server would judge the values. Each
// validator returns an error message for the user, or undefined when the value is fine.
import { describeCron, isValidTimeZone, nextRuns, parseCronSchedule } from '../cron/index';
import { formatInZone } from '../guide/notes';
import { closestTimeZone } from '../rules/invalid-time-zone';
import type { WorkloadKind } from '../guide/types';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The longest name each kind can have (CronJob appends an 11-character suffix to its Jobs' names). */
export const MAX_NAME_LENGTH: Readonly<Record<WorkloadKind, number>> = {
  Deployment: 63,
  StatefulSet: 63,
  DaemonSet: 63,
  Job: 63,
  CronJob: 52,
};

/**
 * The workload's metadata.name. The wizard also uses it as the pod label `app` (a label value:
 * at most 63 characters) and, for a StatefulSet, as the headless Service's name (a DNS-1035 label:
 * it must start with a letter), so it asks for a DNS-1123 label, and CronJob names stay within 52.
 */
export function validateName(name: string, kind?: WorkloadKind): string | undefined {
  if (name.length === 0) return 'Enter a name, e.g. api-server.';
  const max = kind ? MAX_NAME_LENGTH[kind] : 63;
  if (name.length > max) {
    return kind === 'CronJob'
      ? `A CronJob name can have at most 52 characters (its Jobs add a suffix); this one has ${name.length}.`
      : `At most ${max} characters; this one has ${name.length}.`;
  }
  if (/[A-Z]/.test(name) && DNS1123_LABEL.test(name.toLowerCase())) return `Names are lower case: ${name.toLowerCase()}`;
  if (/[_.]/.test(name) && DNS1123_LABEL.test(name.replace(/[_.]/g, '-')))
    return `Use "-" instead of "_" or ".": ${name.replace(/[_.]/g, '-')}`;
  if (!DNS1123_LABEL.test(name)) {
    return 'Not a valid DNS-1123 name: lower-case letters, digits and "-", starting and ending with a letter or digit.';
  }
  if (kind === 'StatefulSet' && !/^[a-z]/.test(name)) {
    return "Start with a letter: the StatefulSet's headless Service has the same name, and Service names must begin with a letter.";
  }
  return undefined;
}

// The Docker reference grammar (distribution/reference): [host[:port]/]path[:tag][@digest].
const HOST = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[0-9a-fA-F:]+\](?::[0-9]+)?)`;
const PATH_COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`;
const IMAGE_REFERENCE = new RegExp(String.raw`^(?:(${HOST})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** A container image reference with a pinned version: a tag other than latest, or a digest. */
export function validateImage(image: string): string | undefined {
  if (image.length === 0) return 'Enter an image, e.g. myapp:v1.0.0 or registry.example.com/team/app:1.4.2.';
  if (/\s/.test(image)) return 'An image reference has no spaces.';
  const m = IMAGE_REFERENCE.exec(image);
  if (!m) {
    if (/[A-Z]/.test(image.split('/').pop()!.split(':')[0])) return 'Repository names are lower case.';
    return 'Not a valid image reference: [registry/]repository[:tag][@digest], e.g. myapp:v1.0.0.';
  }
  // A single first component with a dot or port is a registry host, not a repository; the regexp keeps it as the host.
  const [, , , tag, digest] = m;
  if (!tag && !digest) return `Pin a version: ${image}:<tag> (without a tag Kubernetes pulls :latest, which changes under you).`;
  if (tag === 'latest' && !digest)
    return 'Pin a version instead of :latest, e.g. v1.0.0: :latest changes under you and makes rollbacks unreliable.';
  return undefined;
}

/** A whole number within bounds, typed as text. */
export function validatePositiveInteger(text: string, what: string, options: { min?: number; max?: number } = {}): string | undefined {
  const min = options.min ?? 1;
  const max = options.max ?? 2_147_483_647;
  if (!/^[+-]?\d+$/.test(text.trim())) return `${what} must be a whole number${min >= 1 ? ' of at least ' + min : ''}.`;
  const n = Number(text.trim());
  if (n < min) return `${what} must be at least ${min}.`;
  if (n > max) return `${what} can be at most ${max}.`;
  return undefined;
}

export interface ScheduleCheck {
  /** set when Kubernetes would reject the schedule */
  readonly error?: string;
  /** the schedule in words (valid schedules only) */
  readonly preview?: string;
}

/** A CronJob schedule: an error, or its meaning in words for a live preview. */
export function checkSchedule(schedule: string): ScheduleCheck {
  const text = schedule.trim();
  if (text.length === 0) return { error: 'Enter a schedule: five fields (minute hour day-of-month month day-of-week), e.g. 0 2 * * *.' };
  const parsed = parseCronSchedule(text);
  if (!parsed.ok) return { error: `Invalid schedule: ${parsed.message}` };
  if (parsed.timeZonePrefix !== undefined) {
    return { error: 'Kubernetes rejects TZ= / CRON_TZ= inside the schedule: leave it out (spec.timeZone sets the zone).' };
  }
  return { preview: describeCron(text) };
}

export function validateSchedule(schedule: string): string | undefined {
  return checkSchedule(schedule).error;
}

/** A CronJob spec.timeZone: empty (the controller's zone) or an IANA name the API server accepts. */
export function validateTimeZone(zone: string): string | undefined {
  const text = zone.trim();
  if (text === '' || isValidTimeZone(text)) return undefined;
  const suggestion = closestTimeZone(text);
  return `${text} is not an IANA time zone name${suggestion ? `: did you mean ${suggestion}?` : ' (e.g. Europe/Berlin, America/New_York, Etc/UTC).'}`;
}

/** When a valid schedule runs next in the zone (empty: the controller's zone, usually UTC), for the wizard's live preview. */
export function nextRunPreview(schedule: string | undefined, zone: string, now = new Date()): string | undefined {
  const text = zone.trim();
  if (validateTimeZone(text) || schedule === undefined || checkSchedule(schedule).error) return undefined;
  const [next] = nextRuns(schedule.trim(), text || 'UTC', now, 1);
  if (!next) return undefined;
  return text
    ? `Next run: ${formatInZone(next, text)}${text === 'UTC' || text === 'Etc/UTC' ? '' : ` (${next.toISOString().slice(11, 16)} UTC)`}`
    : `Next run: ${formatInZone(next, 'UTC')} if the kube-controller-manager runs in UTC (its zone applies when none is set)`;
}

const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** A storage size as a Kubernetes quantity (10Gi, 500Mi, 1Ti), greater than zero. */
export function validateStorageSize(size: string): string | undefined {
  const text = size.trim();
  if (text.length === 0) return 'Enter a size, e.g. 10Gi.';
  if (!QUANTITY.test(text)) {
    const m = /^(\d+(?:\.\d+)?)\s*([kmgtpe])i?b?$/i.exec(text);
    if (m) {
      const unit = m[2].toUpperCase() === 'K' ? 'Ki' : `${m[2].toUpperCase()}i`;
      return `"${text}" is not a Kubernetes quantity; did you mean ${m[1]}${unit}?`;
    }
    return `"${text}" is not a Kubernetes quantity: a number with a unit such as Mi, Gi or Ti (e.g. 10Gi).`;
  }
  if (text.startsWith('-') || /^[+]?0*(?:\.0*)?(?:[a-zA-Z].*)?$/.test(text)) return 'The size must be greater than zero.';
  if (/^[+]?\d+(?:\.\d*)?m$/.test(text))
    return `"${text}" means ${text.slice(0, -1)}/1000 of a byte (m is milli); did you mean ${text.slice(0, -1)}Mi?`;
  return undefined;
}

/** A StorageClass name (a DNS-1123 subdomain); empty means the cluster's default class. */
export function validateStorageClass(name: string): string | undefined {
  const text = name.trim();
  if (text.length === 0) return undefined;
  if (text.length > 253 || !DNS1123_SUBDOMAIN.test(text)) return 'Not a valid StorageClass name: lower-case letters, digits, "-" and ".".';
  return undefined;
}

/** A container port. */
export function validatePort(text: string): string | undefined {
  return validatePositiveInteger(text, 'The port', { min: 1, max: 65535 });
}
