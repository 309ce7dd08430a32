// Bundles the three entry points with esbuild. Runtime dependencies are bundled, so the
// .vsix ships no node_modules (vsce package --no-dependencies).
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Source maps only on request: they would triple the size of the .vsix.
  sourcemap: process.argv.includes('--sourcemap') ? 'linked' : false,
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
};
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
// Start clean: a stale file in dist/ (an old source map) would end up in the .vsix.
rmSync('dist', { recursive: true, force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
