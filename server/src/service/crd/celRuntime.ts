// @bufbuild/cel (with its string extensions) and @bufbuild/re2, loaded when a CRD's schema first
// needs them (a CEL rule, an RE2 pattern) instead of when the server starts: their module set-up
// (protobuf descriptors, base64 tables) was ~15% of the server's start-up time, and most
// workspaces have no custom resources at all.
//
// Everything here reaches the packages through this function, never through an `import` of their
// values: the bundle would then hold both their ES module build (for the import) and their
// CommonJS build (for the require), with two incompatible copies of CEL's types.
import type * as Cel from '@bufbuild/cel';
import type * as CelExt from '@bufbuild/cel/ext';
import type * as Re2 from '@bufbuild/re2';

export interface CelRuntime {
  readonly cel: typeof Cel;
  readonly ext: typeof CelExt;
  readonly re2: typeof Re2;
}

let runtime: CelRuntime | undefined;

/** The CEL and RE2 packages, loaded on the first call. */
export function celRuntime(): CelRuntime {
  /* eslint-disable @typescript-eslint/no-require-imports -- a require() in a function is what loads a bundled package lazily */
  runtime ??= {
    cel: require('@bufbuild/cel') as typeof Cel,
    ext: require('@bufbuild/cel/ext') as typeof CelExt,
    re2: require('@bufbuild/re2') as typeof Re2,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return runtime;
}

/** Whether the packages have been loaded (for the test that start-up does not load them). */
export function celRuntimeLoaded(): boolean {
  return runtime !== undefined;
}
