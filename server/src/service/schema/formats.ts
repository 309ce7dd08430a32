// The two string formats of the generated validators (schema/generated/validators.js requires
// this module by name): Kubernetes quantities and base64 (`format: byte`, Secret data).
import { isValidQuantity } from './quantity';

/** Go's base64.StdEncoding, which ignores CR and LF. */
export function isBase64(s: string): boolean {
  const t = s.replace(/[\r\n]/g, '');
  return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

export const quantity = { type: 'string' as const, validate: (s: string) => isValidQuantity(s) };
export const byte = { type: 'string' as const, validate: isBase64 };
