// A rule that throws is turned into an "Internal error in rule …" diagnostic (validation.ts), so
// the other rules and the server survive it. The robustness, fuzz and corpus tests must not take
// that for a normal diagnostic: any of them fails the test.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';

export const INTERNAL_ERROR = /^Internal error in rule /;

export function assertNoInternalErrors(diagnostics: readonly Diagnostic[], what = ''): void {
  assert.deepEqual(
    diagnostics.filter((d) => INTERNAL_ERROR.test(String(d.message))).map((d) => `${String(d.code)}: ${String(d.message)}`),
    [],
    `a rule threw${what ? ` on ${what}` : ''}`,
  );
}
