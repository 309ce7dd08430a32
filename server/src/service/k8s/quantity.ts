// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), parsed exactly as the
// API server does:
//
//   <quantity>        ::= <signedNumber><suffix>
//   <signedNumber>    ::= <number> | <sign><number>
//   <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//   <sign>            ::= "+" | "-"
//   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>   (an integer exponent)
import { entryOf } from '../text/tables';

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
/** Decimal suffixes as powers of ten. */
const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;
const EXPONENT = /^[eE][+-]?\d+$/;

/**
 * The value of a quantity as a plain number (bytes, cores, …): `500Mi` → 524288000, `250m` → 0.25,
 * `1e3` → 1000. A YAML number is taken as is. undefined when the text is not a valid quantity.
 */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2];
  if (Object.prototype.hasOwnProperty.call(BINARY, suffix)) return n * BINARY[suffix];
  if (Object.prototype.hasOwnProperty.call(DECIMAL, suffix)) return scale(n, DECIMAL[suffix]);
  if (EXPONENT.test(suffix)) return scale(n, Number(suffix.slice(1)));
  return undefined;
}

/** n × 10^exp, dividing for negative exponents so that 100n is exactly 1e-7. */
function scale(n: number, exp: number): number {
  return exp >= 0 ? n * 10 ** exp : n / 10 ** -exp;
}

export function isValidQuantity(text: string | number): boolean {
  return parseQuantity(text) !== undefined;
}

/** Binary and decimal suffixes by their lower-case spelling, with a trailing b/B ("GB", "MiB"). */
const BY_LOWER: Readonly<Record<string, readonly string[]>> = {
  k: ['k', 'Ki'],
  kb: ['k', 'Ki'],
  mb: ['M', 'Mi'],
  g: ['G', 'Gi'],
  gb: ['G', 'Gi'],
  t: ['T', 'Ti'],
  tb: ['T', 'Ti'],
  p: ['P', 'Pi'],
  pb: ['P', 'Pi'],
  eb: ['E', 'Ei'],
  ki: ['Ki'],
  kib: ['Ki'],
  mi: ['Mi'],
  mib: ['Mi'],
  gi: ['Gi'],
  gib: ['Gi'],
  ti: ['Ti'],
  tib: ['Ti'],
  pi: ['Pi'],
  pib: ['Pi'],
  ei: ['Ei'],
  eib: ['Ei'],
  core: [''],
  cores: [''],
  cpu: [''],
  cpus: [''],
  millicores: ['m'],
  millicore: ['m'],
  millicpu: ['m'],
  b: [''],
  byte: [''],
  bytes: [''],
};

/**
 * The quantities the author most likely meant, best first: `500mi` → ['500Mi'], `2GB` → ['2G', '2Gi'],
 * `1 Gi` → ['1Gi'], `2 cores` → ['2']. [] when the number itself is broken (`1.5.0`).
 */
export function suggestQuantities(text: string): string[] {
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) return [];
  const [, num, suffix] = m;
  const out: string[] = [];
  const push = (s: string) => {
    const q = `${num}${s}`;
    if (q !== text && isValidQuantity(q) && !out.includes(q)) out.push(q);
  };
  if (isValidQuantity(`${num}${suffix}`)) push(suffix);
  for (const s of entryOf(BY_LOWER, suffix.toLowerCase()) ?? []) push(s);
  return out;
}
