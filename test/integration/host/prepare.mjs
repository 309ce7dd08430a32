// What the integration suite and the UI end-to-end test both need before the VS Code server starts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const hostDir = process.env.TEST_HOST_DIR || join(repo, '.test-host');
export const runHost = join(repo, 'test/integration/host/run-host.sh');

export function sh(cmd, args, what = `${cmd} ${args.join(' ')}`) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

/** Installs the test host (scripts/setup-test-host.sh) when it is not there, so a fresh clone just works. */
export function ensureTestHost() {
  const ready =
    existsSync(join(hostDir, 'node_modules/code-server/lib/vscode/out/server-main.js')) &&
    existsSync(join(hostDir, 'node_modules/playwright-core/package.json')) &&
    existsSync('/usr/bin/chromium');
  if (!ready) {
    console.log('test host missing: running scripts/setup-test-host.sh');
    sh('bash', [join(repo, 'scripts/setup-test-host.sh'), hostDir]);
  }
}

/** Bundles dist/ (esbuild, about a second) so the host never runs a stale extension. */
export function buildExtension() {
  sh(process.execPath, [join(repo, 'scripts/build.mjs')], 'npm run build');
}

/** A fresh run folder under .test-host/runs with a copy of a workspace fixture in <name>/ (the workbench saves edits to disk). */
export function newRun(prefix, workspaceFixture, name = 'ws') {
  mkdirSync(join(hostDir, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(hostDir, 'runs', `${prefix}-`));
  const workspace = join(dir, name);
  cpSync(workspaceFixture, workspace, { recursive: true });
  return { dir, workspace };
}

/**
 * Copies exactly the files the .vsix would hold (`vsce ls`, which applies .vscodeignore) into
 * <dir>/extension: the extension then runs as installed, and a later rebuild of dist/ in the
 * working tree cannot pull the files from under a running test.
 */
export function stageExtension(dir) {
  const r = spawnSync(join(repo, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`vsce ls failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  const target = join(dir, 'extension');
  for (const file of r.stdout.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(repo, file), join(target, file));
  }
  return target;
}
