// Bundles the three entry points with esbuild. Runtime dependencies are bundled, so the
// .vsix ships no node_modules (vsce package --no-dependencies).
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { BUNDLES, commonOptions } from './bundles.mjs';

const watch = process.argv.includes('--watch');
const common = commonOptions({ sourcemap: process.argv.includes('--sourcemap'), minify: !process.argv.includes('--no-minify') });
const builds = BUNDLES;
// Start clean: a stale file in dist/ (an old source map) would end up in the .vsix.
rmSync('dist', { recursive: true, force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
