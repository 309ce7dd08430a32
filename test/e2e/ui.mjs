// The UI end-to-end test: the extension in VS Code (the workbench of the VS Code server bundled in
// code-server, in headless chromium), driven by the keyboard as a user would. It saves a
// screenshot at each step.
//   node test/e2e/ui.mjs                      -> screenshots in the run folder (removed on success)
//   node test/e2e/ui.mjs --screenshots DIR    -> screenshots in DIR (`npm run screenshots`: docs/screenshots)
// Steps: an error squiggle and its quick-fix (Ctrl+. then Enter); the hover on a CronJob
// `schedule` (Ctrl+K Ctrl+I); the CronJob's debug commands (F1); `kind: ` completions (Ctrl+Space); F1 -> "Kubernetes: Choose
// Workload Type…" answered with the keyboard, ending with a StatefulSet manifest in the editor.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension, ensureTestHost, newRun, runHost, stageExtension } from '../integration/host/prepare.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const argv = process.argv.slice(2);
const at = argv.indexOf('--screenshots');
const t0 = Date.now();

ensureTestHost();
buildExtension();
const run = newRun('e2e', join(here, 'fixtures/workspace'), 'manifests');
// the extension as the .vsix would install it (exactly its files), copied into the run folder
const extension = stageExtension(run.dir);
const shots = at >= 0 ? resolve(argv[at + 1]) : join(run.dir, 'screenshots');
mkdirSync(shots, { recursive: true });
const r = spawnSync('bash', [runHost, 'script', join(here, 'ui-driver.mjs'), run.workspace], {
  stdio: 'inherit',
  env: { ...process.env, K8SW_RUN_DIR: run.dir, K8SW_SHOTS: shots, K8SW_EXTENSION: extension, TIMEOUT: process.env.TIMEOUT || '300' },
});
const ok = r.status === 0;
if (ok && !process.env.KEEP_RUN) rmSync(run.dir, { recursive: true, force: true });
else if (!ok) console.error(`e2e: run folder kept: ${run.dir}`);
console.log(`e2e: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s${at >= 0 ? `; screenshots in ${shots}` : ''}`);
process.exit(ok ? 0 : 1);
