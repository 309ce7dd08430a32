// The `format`s of a CRD schema that the API server checks (kube-openapi's strfmt registry, as
// apiextensions allows them). A format not listed here is not checked: it never reports.
import { isCIDR, isIPv4, isIPv6 } from './ipAddress';
import { entryOf } from '../text/tables';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID_V = (v: string) => new RegExp(`^[0-9a-f]{8}-?[0-9a-f]{4}-?${v}[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$`, 'i');
const HOSTNAME_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

/** RFC 3339 date-time (strfmt also takes a space for `T` and a lower-case `t`/`z`). */
function isDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isDate(m[1])) return false;
  const [h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || mi > 59 || se > 60) return false;
  return m[5] === undefined || (Number(m[5]) <= 23 && Number(m[6]) <= 59);
}

function isHostname(s: string): boolean {
  const t = s.endsWith('.') ? s.slice(0, -1) : s;
  return t.length > 0 && t.length <= 253 && t.split('.').every((l) => HOSTNAME_LABEL.test(l));
}

const CHECKS: Readonly<Record<string, (s: string) => boolean>> = {
  byte: (s) => {
    const t = s.replace(/[\r\n]/g, '');
    return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
  },
  date: isDate,
  'date-time': isDateTime,
  datetime: isDateTime,
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCIDR,
  mac: (s) => /^(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$/.test(s) || /^(?:[0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/.test(s),
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID_V('3').test(s),
  uuid4: (s) => UUID_V('4').test(s),
  uuid5: (s) => UUID_V('5').test(s),
  hostname: isHostname,
  email: (s) => /^[^\s@]+@[^\s@]+$/.test(s),
  hexcolor: (s) => /^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s),
};

/** Whether a string has a format; true for formats that are not checked. */
export function matchesFormat(format: string, s: string): boolean {
  const check = entryOf(CHECKS, format);
  return check ? check(s) : true;
}

/** Whether a format is checked. */
export function isCheckedFormat(format: string): boolean {
  return Object.prototype.hasOwnProperty.call(CHECKS, format);
}
