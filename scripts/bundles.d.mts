// Types of scripts/bundles.mjs for the TypeScript scripts and tests that import it.
import type { BuildOptions } from 'esbuild';

export interface Bundle extends BuildOptions {
  entryPoints: string[];
  outfile: string;
}

export function commonOptions(options?: { sourcemap?: boolean; minify?: boolean }): BuildOptions;
export const SHIPPED_BUNDLES: readonly Bundle[];
export const BUNDLES: readonly Bundle[];
