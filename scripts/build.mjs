// Bundles the three entry points with esbuild. Runtime dependencies are bundled, so the
// .vsix ships no node_modules (vsce package --no-dependencies).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { API_DATA_FILES, BUNDLES, commonOptions } from './bundles.mjs';

const watch = process.argv.includes('--watch');
const common = commonOptions({ sourcemap: process.argv.includes('--sourcemap'), minify: !process.argv.includes('--no-minify') });
// The CLI is package.json's `bin`: it must stay executable after every build. npx links it once
// and reuses that link, so a rebuild that wrote it without its execute bit made the README's
// first command fail with `Permission denied` (test/protocol/readme-first-command.test.ts).
// esbuild has written the file when onEnd runs, in one-off and watch builds alike.
const executable = {
  name: 'executable',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) chmodSync(build.initialOptions.outfile, 0o755);
    });
  },
};
const builds = BUNDLES.map((b) => (b.outfile === 'dist/cli.js' ? { ...b, plugins: [executable] } : b));
// Start clean: a stale file in dist/ (an old source map) would end up in the .vsix.
rmSync('dist', { recursive: true, force: true });
// The Kubernetes API data is read at run time, when first needed (server/src/service/api/index.ts),
// so it stays out of the bundles' source and costs nothing at start-up.
mkdirSync('dist', { recursive: true });
for (const f of API_DATA_FILES) copyFileSync(`server/src/service/api/generated/${f}`, `dist/${f}`);
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
