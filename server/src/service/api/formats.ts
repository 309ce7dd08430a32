// The string formats the API checks (api/validate.ts): Kubernetes quantities, base64
// (`format: byte`, Secret data) and the percentages of rolling updates. Each export is named as
// its format (formatCheck reads them by name; the ajv oracle in the tests registers them so).
import { isValidQuantity } from '../k8s/quantity';
import { entryOf } from '../text/tables';

/** Go's base64.StdEncoding, which ignores CR and LF. */
export function isBase64(s: string): boolean {
  const t = s.replace(/[\r\n]/g, '');
  return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

export const quantity = { type: 'string' as const, validate: (s: string) => isValidQuantity(s) };
export const byte = { type: 'string' as const, validate: isBase64 };

/** apimachinery's IsValidPercent: digits and a `%` (`25%`; not `25`, `25.5%` or `25 %`). */
const PERCENT = /^[0-9]+%$/;

/**
 * Rolling-update fields that are an integer or a percentage (apps validation's
 * ValidatePositiveIntOrPercent), with the bounds of the percentage: `max100` where
 * IsNotMoreThan100Percent applies, `nonZero` where the value "cannot be 0" (StatefulSet). Their
 * integer form is bounded in ranges.ts.
 */
export const PERCENT_FIELDS: Readonly<Record<string, { readonly format: PercentFormat }>> = {
  'RollingUpdateDeployment.maxSurge': { format: 'percent' },
  'RollingUpdateDeployment.maxUnavailable': { format: 'percentMax100' },
  'RollingUpdateDaemonSet.maxSurge': { format: 'percentMax100' },
  'RollingUpdateDaemonSet.maxUnavailable': { format: 'percentMax100' },
  'RollingUpdateStatefulSetStrategy.maxUnavailable': { format: 'percent1To100' },
};

export type PercentFormat = 'percent' | 'percentMax100' | 'percent1To100';

export function percentFormatOf(def: string, prop: string): PercentFormat | undefined {
  return entryOf(PERCENT_FIELDS, `${def}.${prop}`)?.format;
}

const percentValue = (s: string) => (PERCENT.test(s) ? Number(s.slice(0, -1)) : undefined);

/** The number of an int-or-percent value (apps validation's getIntOrPercentValue); undefined when it is neither. */
export function intOrPercentValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  return typeof v === 'string' ? percentValue(v) : undefined;
}

export const percent = { type: 'string' as const, validate: (s: string) => percentValue(s) !== undefined };
export const percentMax100 = { type: 'string' as const, validate: (s: string) => (percentValue(s) ?? Infinity) <= 100 };
export const percent1To100 = {
  type: 'string' as const,
  validate: (s: string) => {
    const v = percentValue(s);
    return v !== undefined && v >= 1 && v <= 100;
  },
};

const FORMATS: Readonly<Record<string, { validate: (s: string) => boolean }>> = {
  quantity,
  byte,
  percent,
  percentMax100,
  percent1To100,
};

/** True when `s` has the named format (unknown formats pass). */
export function formatCheck(format: string, s: string): boolean {
  return entryOf(FORMATS, format)?.validate(s) ?? true;
}
