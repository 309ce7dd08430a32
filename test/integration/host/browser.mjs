// Shared by the extension-test driver and the UI end-to-end test: launches Debian's headless
// chromium through playwright-core (installed in the test host, not in the repo) and builds the
// workbench URL of the VS Code server started by run-host.sh.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const hostDir = process.env.TEST_HOST_DIR || join(repo, '.test-host');

export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1] ?? '';
  return out;
}

export async function launchChromium() {
  const { chromium } = createRequire(join(hostDir, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The workbench URL; `payload` entries are [name, absolute path] and become vscode-remote URIs. */
export function workbenchUrl(port, folder, payload = []) {
  const auth = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${auth}${encodeURI(p)}`;
  const entries = payload.map(([k, p]) => [k, remote(p)]);
  let url = `http://${auth}/?folder=${encodeURIComponent(folder)}`;
  if (entries.length) url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  return url;
}
