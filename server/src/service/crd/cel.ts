// CEL rules of a CRD schema (`x-kubernetes-validations`), evaluated with @bufbuild/cel (the CEL
// implementation that passes the core cel-spec conformance suites, with an RE2 regex engine as
// Kubernetes uses) plus the part of Kubernetes' CEL libraries that is a plain function of strings
// and lists. `self` is typed from the schema as the API server types it: integers are CEL ints,
// numbers doubles, object properties escaped (`x-y` is `self.x__dash__y`).
//
// A rule is never guessed: one that does not parse, calls a function we do not have (quantity(),
// url(), format.*, ip() objects…), fails at run time or does not return a bool is skipped, and so
// is every transition rule (it reads `oldSelf`, and an editor has no old object).
import type { CelEnv, CelResult } from '@bufbuild/cel';
import { kubernetesFuncs } from './celLibrary';
import { celRuntime } from './celRuntime';
import type { SchemaNode, ValidationRule } from './types';
import { isObject } from '../k8s/labels';

let env: CelEnv | undefined;
function getEnv(): CelEnv {
  const { cel, ext } = celRuntime();
  env ??= cel.celEnv({ funcs: [...ext.strings, ...kubernetesFuncs()] });
  return env;
}

type Program = (ctx: Record<string, unknown>) => CelResult;

interface Compiled {
  readonly program?: Program;
  readonly skip?: string;
}

const compiled = new Map<string, Compiled>();

/** Why a rule is not evaluated (`oldSelf`, a parse error…), or undefined when it is. Cached per expression text. */
function compile(expr: string): Compiled {
  let c = compiled.get(expr);
  if (!c) {
    c = compileNow(expr);
    compiled.set(expr, c);
  }
  return c;
}

const OLD_SELF = /\boldSelf\b/;

function compileNow(expr: string): Compiled {
  if (OLD_SELF.test(expr)) return { skip: 'transition rule (oldSelf)' };
  try {
    const { parse, plan } = celRuntime().cel;
    const parsed = parse(expr);
    const program = plan(getEnv(), parsed) as unknown as Program;
    return { program };
  } catch (e) {
    return { skip: `does not parse: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export type RuleOutcome =
  { readonly kind: 'pass' } | { readonly kind: 'fail'; readonly message: string } | { readonly kind: 'skip'; readonly reason: string };

/** Whether a rule can be evaluated here (undefined) or why not. */
export function ruleSkipReason(rule: ValidationRule): string | undefined {
  if (rule.optionalOldSelf) return 'transition rule (optionalOldSelf)';
  return compile(rule.rule).skip;
}

/** Evaluates one rule with `self` bound to a CEL value made by toCel(). */
export function evaluateRule(rule: ValidationRule, self: unknown): RuleOutcome {
  const skipReason = ruleSkipReason(rule);
  if (skipReason) return { kind: 'skip', reason: skipReason };
  const { program } = compile(rule.rule);
  let result: CelResult;
  try {
    result = program!({ self });
  } catch (e) {
    return { kind: 'skip', reason: `evaluation failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (celRuntime().cel.isCelError(result)) return { kind: 'skip', reason: `evaluation failed: ${result.message}` };
  if (typeof result !== 'boolean') return { kind: 'skip', reason: 'does not return a bool' };
  if (result) return { kind: 'pass' };
  return { kind: 'fail', message: messageOf(rule, self) };
}

/** The rule's messageExpression (when it evaluates to a non-empty string), else its message, else the API server's default. */
function messageOf(rule: ValidationRule, self: unknown): string {
  if (rule.messageExpression) {
    const c = compile(rule.messageExpression);
    if (c.program) {
      try {
        const m = c.program({ self });
        if (typeof m === 'string' && m.trim() !== '') return m;
      } catch {
        // fall back to message
      }
    }
  }
  if (rule.message && rule.message.trim() !== '') return rule.message;
  return `failed rule: ${rule.rule}`;
}

// ---------------------------------------------------------------------------------------------
// Values

const CEL_RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/**
 * A property name as CEL rules spell it (apiserver's cel.Escape): reserved words become
 * `__word__`, `__` `__underscores__`, `.` `__dot__`, `-` `__dash__`, `/` `__slash__`; undefined
 * when the name cannot be accessed from CEL.
 */
export function escapeName(name: string): string | undefined {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '_' && name[i + 1] === '_') {
      out += '__underscores__';
      i++;
    } else if (c === '.') out += '__dot__';
    else if (c === '-') out += '__dash__';
    else if (c === '/') out += '__slash__';
    else out += c;
  }
  return out;
}

/**
 * A value as CEL sees it under a schema node: `integer` (and the integer of int-or-string) as
 * bigint, `number` as a double, objects with properties as maps of escaped names, maps
 * (additionalProperties) with their keys as they are, untyped values (preserve-unknown-fields,
 * embedded resources) with whole numbers as ints.
 */
export function toCel(node: SchemaNode | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (node?.type === 'number') return value;
    if (Number.isInteger(value) && (node?.type === 'integer' || node?.['x-kubernetes-int-or-string'] || !node?.type)) return BigInt(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((x) => toCel(node?.items, x));
  if (isObject(value)) {
    const out = new Map<string, unknown>();
    const props = node?.properties;
    const add = node?.additionalProperties;
    if (props && Object.keys(props).length > 0) {
      for (const [k, v] of Object.entries(value)) {
        const sub = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
        const name = escapeName(k);
        if (name !== undefined) out.set(name, toCel(sub, v));
      }
    } else {
      const sub = typeof add === 'object' ? add : undefined;
      for (const [k, v] of Object.entries(value)) out.set(k, toCel(sub, v));
    }
    return out;
  }
  return value;
}

/** RE2 (the API server's regex engine), compiled once per pattern; undefined for a pattern RE2 rejects. */
const patterns = new Map<string, { test(s: string): boolean } | null>();
export function re2(pattern: string): { test(s: string): boolean } | undefined {
  let p = patterns.get(pattern);
  if (p === undefined) {
    try {
      const re = celRuntime().re2.RE2JS.compile(pattern);
      p = { test: (s: string) => re.test(s) };
    } catch {
      p = null;
    }
    patterns.set(pattern, p);
  }
  return p ?? undefined;
}
