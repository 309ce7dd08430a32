// `npm run test:integration`: the extension tests inside a real VS Code extension host.
// 1. installs the test host (.test-host/) when it is missing — scripts/setup-test-host.sh;
// 2. bundles the extension (scripts/build.mjs) and the mocha suite (suite/*.ts -> out/integration/);
// 3. copies fixtures/workspace to a fresh run folder (the workbench saves edits to disk);
// 4. runs @vscode/test-electron's runTests. Desktop VS Code cannot be downloaded on these offline
//    machines, so vscodeExecutablePath is vscode-shim.sh, which runs the same suite in the VS Code
//    server bundled in code-server with headless chromium (see ../../../shared/vscode-offline.md).
// Adding a test = adding test/integration/suite/<name>.test.ts.
// Options: --grep <regexp> runs only matching tests; KEEP_RUN=1 keeps the run folder; TIMEOUT=<s>.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../..');
const hostDir = process.env.TEST_HOST_DIR || join(repo, '.test-host');
const outDir = join(repo, 'out/integration');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.K8SW_TEST_GREP;

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`integration: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

// 1. the test host
const hostReady =
  existsSync(join(hostDir, 'node_modules/code-server/lib/vscode/out/server-main.js')) &&
  existsSync(join(hostDir, 'node_modules/playwright-core/package.json')) &&
  existsSync('/usr/bin/chromium');
if (!hostReady) {
  console.log('integration: test host missing, running scripts/setup-test-host.sh');
  sh('bash', [join(repo, 'scripts/setup-test-host.sh'), hostDir]);
}

// 2. the extension and the suite
sh(process.execPath, [join(repo, 'scripts/build.mjs')]);
rmSync(outDir, { recursive: true, force: true });
const suiteDir = join(here, 'suite');
const entryPoints = readdirSync(suiteDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
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

// 3. a fresh run folder with a copy of the workspace fixture
mkdirSync(join(hostDir, 'runs'), { recursive: true });
const runDir = mkdtempSync(join(hostDir, 'runs', 'integration-'));
const workspace = join(runDir, 'ws');
cpSync(join(here, 'fixtures/workspace'), workspace, { recursive: true });

// 4. run
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: join(here, 'vscode-shim.sh'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: { K8SW_RUN_DIR: runDir, ...(grep ? { K8SW_TEST_GREP: grep } : {}) },
  });
} catch (e) {
  code = 1;
  console.error(`integration: FAILED (${e.message}); run folder kept: ${runDir}`);
}
if (code === 0 && !process.env.KEEP_RUN) rmSync(runDir, { recursive: true, force: true });
console.log(`integration: ${code === 0 ? 'passed' : 'failed'} in ${secs()} s`);
process.exit(code);
