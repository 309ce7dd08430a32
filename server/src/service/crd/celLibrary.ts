// The functions of Kubernetes' CEL libraries (k8s.io/apiserver/pkg/cel/library) that take and
// return plain values: ip (isIP, isCIDR), lists (isSorted, sum, min, max, indexOf, lastIndexOf)
// and quantity (isQuantity). Regex find/findAll and the libraries that return objects of their own
// (ip(), cidr(), url(), quantity(), format.*, semver) are not here: a rule that uses them is skipped.
import { celFunc, celMethod, CelScalar, isCelList, listType, type CelFunc, type CelList } from '@bufbuild/cel';
import { isValidQuantity } from '../k8s/quantity';

const { BOOL, STRING, INT, DYN } = CelScalar;
const LIST = listType(DYN);

/** IPv4 dotted decimal, four parts, no leading zeros (netip.ParseAddr). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** The eight 16-bit groups of an IPv6 address without a zone (the last 32 bits may be written as IPv4), or undefined. */
function ipv6Groups(s: string): number[] | undefined {
  if (s.includes('%')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const g = parts[i];
      if (i === parts.length - 1 && g.includes('.') && h === halves[halves.length - 1]) {
        if (!isIPv4(g)) return undefined;
        const [a, b, c, d] = g.split('.').map(Number);
        out.push(a * 256 + b, c * 256 + d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const n = head.length + tail.length;
  return n < 8 ? [...head, ...new Array<number>(8 - n).fill(0), ...tail] : undefined;
}

export function isIPv6(s: string): boolean {
  return ipv6Groups(s) !== undefined;
}

/** Kubernetes' isIP: IPv4 or IPv6, no zone, no IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
export function isIP(s: string): boolean {
  if (isIPv4(s)) return true;
  const g = ipv6Groups(s);
  if (!g) return false;
  return !(g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff);
}

/** Kubernetes' isCIDR: an address and a prefix length in range (netip.ParsePrefix). */
export function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(bits)) return false;
  if (isIPv4(addr)) return Number(bits) <= 32;
  return isIP(addr) && Number(bits) <= 128;
}

function items(list: CelList): unknown[] {
  return [...list];
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new Error('no such overload');
}

function equal(a: unknown, b: unknown): boolean {
  if (isCelList(a) && isCelList(b)) {
    const x = items(a);
    const y = items(b);
    return x.length === y.length && x.every((v, i) => equal(v, y[i]));
  }
  return a === b;
}

function extreme(list: CelList, sign: number): unknown {
  const xs = items(list);
  if (xs.length === 0) throw new Error('min/max of an empty list');
  return xs.reduce((m, x) => (compare(x, m) * sign > 0 ? x : m));
}

export const kubernetesFuncs: CelFunc[] = [
  celFunc('isIP', [STRING], BOOL, (s: string) => isIP(s)),
  celFunc('isCIDR', [STRING], BOOL, (s: string) => isCIDR(s)),
  celFunc('isQuantity', [STRING], BOOL, (s: string) => isValidQuantity(s)),
  celMethod('isSorted', LIST, [], BOOL, function (this: CelList) {
    const xs = items(this);
    for (let i = 1; i < xs.length; i++) if (compare(xs[i - 1], xs[i]) > 0) return false;
    return true;
  }),
  celMethod('sum', LIST, [], DYN, function (this: CelList) {
    const xs = items(this);
    if (xs.length === 0) return 0n;
    if (xs.every((x) => typeof x === 'bigint')) return (xs as bigint[]).reduce((a, b) => a + b, 0n);
    if (xs.every((x) => typeof x === 'number')) return (xs as number[]).reduce((a, b) => a + b, 0);
    throw new Error('no such overload');
  }) as CelFunc,
  celMethod('min', LIST, [], DYN, function (this: CelList) {
    return extreme(this, -1) as never;
  }) as CelFunc,
  celMethod('max', LIST, [], DYN, function (this: CelList) {
    return extreme(this, 1) as never;
  }) as CelFunc,
  celMethod('indexOf', LIST, [DYN], INT, function (this: CelList, x: unknown) {
    return BigInt(items(this).findIndex((v) => equal(v, x)));
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (this: CelList, x: unknown) {
    const xs = items(this);
    for (let i = xs.length - 1; i >= 0; i--) if (equal(xs[i], x)) return BigInt(i);
    return -1n;
  }),
];
