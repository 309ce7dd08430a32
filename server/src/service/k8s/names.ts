// Name validators as the API server applies them (k8s.io/apimachinery/pkg/util/validation).
// Each returns undefined for a valid name, or what is wrong with it, in words. The wizard reuses them.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 subdomain: most object names (metadata.name of a Deployment, Pod, ConfigMap…). */
export function validateDns1123Subdomain(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 253) return `must be no more than 253 characters (it has ${name.length})`;
  if (!DNS1123_SUBDOMAIN.test(name))
    return "must consist of lower case letters, digits, '-' or '.', and must start and end with a letter or digit";
  return undefined;
}

/** A DNS-1123 label: container, volume, StatefulSet and namespace names. */
export function validateDns1123Label(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `must be no more than 63 characters (it has ${name.length})`;
  if (!DNS1123_LABEL.test(name)) return "must consist of lower case letters, digits and '-', and must start and end with a letter or digit";
  return undefined;
}

/** A DNS-1035 label: Service names (they become DNS names, so they must start with a letter). */
export function validateDns1035Label(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 63) return `must be no more than 63 characters (it has ${name.length})`;
  if (!DNS1035_LABEL.test(name))
    return "must consist of lower case letters, digits and '-', start with a letter and end with a letter or digit";
  return undefined;
}

/** An IANA service name: container port names (IsValidPortName). */
export function validatePortName(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 15) return `must be no more than 15 characters (it has ${name.length})`;
  if (!/^[-a-z0-9]+$/.test(name)) return "must contain only lower case letters, digits and '-'";
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  if (name.includes('--')) return "must not contain two '-' in a row";
  if (name.startsWith('-') || name.endsWith('-')) return "must not start or end with '-'";
  return undefined;
}

/** CronJob names: a DNS-1123 subdomain of at most 52 characters (the Job controller appends 11). */
export function validateCronJobName(name: string): string | undefined {
  const base = validateDns1123Subdomain(name);
  if (base) return base;
  if (name.length > 52) return `must be no more than 52 characters, because Job names add a suffix of 11 (it has ${name.length})`;
  return undefined;
}

/** The closest valid name (lower-cased, invalid characters replaced by '-'), or undefined. */
export function sanitizeName(name: string, validate: (n: string) => string | undefined, maxLength = 63): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return s && s !== name && validate(s) === undefined ? s : undefined;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A label value: at most 63 characters, alphanumerics with '-', '_' and '.' inside; may be empty. */
export function validateLabelValue(value: string): string | undefined {
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  if (!LABEL_VALUE.test(value)) return "must consist of letters, digits, '-', '_' or '.', and must start and end with a letter or digit";
  return undefined;
}

/** A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
export function validateQualifiedName(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "must have at most one '/' (an optional prefix, then the name)";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    const p = validateDns1123Subdomain(prefix);
    if (p) return `has a prefix that ${p === 'must not be empty' ? 'must not be empty' : `is not a DNS-1123 subdomain: it ${p}`}`;
  }
  if (name.length === 0) return 'must have a name';
  if (name.length > 63) return `must have a name of no more than 63 characters (it has ${name.length})`;
  if (!QUALIFIED_NAME_PART.test(name))
    return "must consist of letters, digits, '-', '_' or '.', and must start and end with a letter or digit";
  return undefined;
}
