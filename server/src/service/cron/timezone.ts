// IANA time zone names as the API server accepts them in CronJob spec.timeZone: Kubernetes
// rejects "Local" and names whose parts break the tz naming rules, then asks Go's
// time.LoadLocation, which knows every tzdata name — canonical zones and the backward-compatible
// links (US/Eastern, Asia/Calcutta, Etc/GMT+5, UTC …), case-sensitively.
// Node's ICU knows the same database: Intl.supportedValuesOf lists its canonical names (which
// lags tzdata renames: it lists Asia/Calcutta, not Asia/Kolkata), and Intl.DateTimeFormat accepts
// every link too, but case-insensitively — so a name ICU accepts only passes when it is
// written with the capitalisation tzdata uses.

/** Kubernetes' check on each `/`-separated part of a time zone name. */
const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * tzdata's names for UTC itself (zones and links whose offset has always been zero): their
 * offset and wall clock need no ICU zone data, whose first load costs ~100 ms.
 */
const UTC_NAMES: ReadonlySet<string> = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/Greenwich',
  'Etc/Universal',
  'Etc/Zulu',
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'UCT',
  'Universal',
  'Zulu',
  'Greenwich',
]);

/** True for a name of UTC itself (offset zero at every instant). */
export function isUtcZone(name: string): boolean {
  return UTC_NAMES.has(name);
}

/** tzdata names that ICU does not list among its canonical zones but Go's tzdata has. */
const EXTRA_ZONES: readonly string[] = [
  ...UTC_NAMES,
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
  // renamed zones whose new name ICU still reports under the old one
  'Asia/Kolkata',
  'Europe/Kyiv',
  'America/Nuuk',
  'Pacific/Kanton',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Atlantic/Faroe',
  'America/Atikokan',
];

let canonical: Set<string> | undefined;
function canonicalZones(): Set<string> {
  if (!canonical) {
    let listed: string[] = [];
    try {
      listed = Intl.supportedValuesOf('timeZone');
    } catch {
      listed = [];
    }
    canonical = new Set([...listed, ...EXTRA_ZONES]);
  }
  return canonical;
}

function icuAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True when the API server would accept `name` as spec.timeZone. */
export function isValidTimeZone(name: string): boolean {
  if (typeof name !== 'string' || name === '' || name === 'Local') return false;
  const parts = name.split('/');
  if (parts.some((p) => p === '.' || p === '..' || p.startsWith('-') || !PART.test(p))) return false;
  let valid = validity.get(name);
  if (valid === undefined) {
    // Most names are canonical (a list ICU hands out cheaply). A link ICU resolves (US/Eastern,
    // Asia/Saigon) passes when written as tzdata writes it, every part with a capital first
    // letter (ICU would accept any case) — asked last, because building a formatter for a zone
    // loads ICU's zone data: ~10 MB of resident memory a language server need not carry for the
    // names most manifests use.
    valid = canonicalZones().has(name) || (parts.every((p) => /^[A-Z]/.test(p)) && icuAccepts(name));
    if (validity.size > 1000) validity.clear();
    validity.set(name, valid);
  }
  return valid;
}

/** isValidTimeZone's answers: a file's CronJobs mostly share one zone. */
const validity = new Map<string, boolean>();

/** Every zone name to offer in completions: ICU's canonical list plus UTC and the tzdata names above, sorted. */
export function timeZoneNames(): string[] {
  return [...canonicalZones()].sort();
}

/** The closest accepted zone to a wrongly written one (case or separators), for messages and fixes. */
export function suggestTimeZone(name: string): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '_');
  const wanted = key(name);
  for (const z of canonicalZones()) if (key(z) === wanted) return z;
  // a link such as us/eastern: ask ICU for the canonical zone it stands for
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
    if (resolved && isValidTimeZone(resolved)) return resolved;
  } catch {
    // not a zone ICU knows
  }
  return undefined;
}
