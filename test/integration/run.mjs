// `npm run test:integration`: the extension tests inside a real VS Code extension host.
// 1. installs the test host (.test-host/) when it is missing — scripts/setup-test-host.sh;
// 2. bundles the extension (scripts/build.mjs) and the mocha suite (suite/*.ts -> out/integration/);
// 3. copies fixtures/workspace to a fresh run folder (the workbench saves edits to disk);
// 4. runs @vscode/test-electron's runTests. Desktop VS Code cannot be downloaded on these offline
//    machines, so vscodeExecutablePath is vscode-shim.sh, which runs the same suite in the VS Code
//    server bundled in code-server with headless chromium (see ../../../shared/vscode-offline.md).
// Adding a test = adding test/integration/suite/<name>.test.ts.
// Options: --grep <regexp> runs only matching tests; KEEP_RUN=1 keeps the run folder; TIMEOUT=<s>.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { buildExtension, ensureTestHost, newRun, repo } from './host/prepare.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(repo, 'out/integration');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.K8SW_TEST_GREP;

ensureTestHost();
buildExtension();
rmSync(outDir, { recursive: true, force: true });
const suiteDir = join(here, 'suite');
const entryPoints = readdirSync(suiteDir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => join(suiteDir, f));
await esbuild.build({
  entryPoints,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`integration: built ${entryPoints.length - 1} test file(s) into out/integration (${secs()} s)`);

const run = newRun('integration', join(here, 'fixtures/workspace'));
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: join(here, 'vscode-shim.sh'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [run.workspace],
    extensionTestsEnv: { K8SW_RUN_DIR: run.dir, ...(grep ? { K8SW_TEST_GREP: grep } : {}) },
  });
} catch (e) {
  code = 1;
  console.error(`integration: FAILED (${e.message}); run folder kept: ${run.dir}`);
}
if (code === 0 && !process.env.KEEP_RUN) rmSync(run.dir, { recursive: true, force: true });
console.log(`integration: ${code === 0 ? 'passed' : 'failed'} in ${secs()} s`);
process.exit(code);
