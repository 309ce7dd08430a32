// The functions of Kubernetes' CEL libraries (k8s.io/apiserver/pkg/cel/library) that take and
// return plain values: ip (isIP, isCIDR), lists (isSorted, sum, min, max, indexOf, lastIndexOf)
// and quantity (isQuantity). Regex find/findAll and the libraries that return objects of their own
// (ip(), cidr(), url(), quantity(), format.*, semver) are not here: a rule that uses them is skipped.
import type { CelFunc, CelList } from '@bufbuild/cel';
import { isValidQuantity } from '../k8s/quantity';
import { celRuntime } from './celRuntime';
import { isCIDR, isIP } from './ipAddress';

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
  const { isCelList } = celRuntime().cel;
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

/** The library's functions, made when CEL is first needed (celRuntime.ts). */
export function kubernetesFuncs(): CelFunc[] {
  const { celFunc, celMethod, CelScalar, listType } = celRuntime().cel;
  const { BOOL, STRING, INT, DYN } = CelScalar;
  const LIST = listType(DYN);
  return [
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
}
