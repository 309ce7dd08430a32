// Runs the extension tests (extensionDevelopmentPath + extensionTestsPath) in the Node extension
// host of the VS Code server started by run-host.sh, with headless chromium as the workbench.
// The smoke-test driver hands the test output to window.codeAutomationLog and the result to
// window.codeAutomationExit(code): 0 when every test passed.
// usage: node ext-tests.mjs --port P --ext /abs/ext --tests /abs/index.js --folder /abs/ws [--timeout 300]
import util from 'node:util';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, parseArgs, workbenchUrl } from './browser.mjs';

const args = parseArgs();
const timeoutS = Number(args.timeout || 300);
// Workbench chatter that says nothing about the tests.
const noise =
  /Creating a socket|connection token|Service Worker|ChatSessionStore|ChatModelSelection|AgentHost|AccountPolicyGate|reconnection-grace-time|builtin extensions cache|open-vsx|^Canceled/;
const t0 = Date.now();
const browser = await launchChromium();
let exitCode = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let summary = null;
  let finish;
  const exited = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    let line = util.format(...logArgs);
    if (!process.env.VERBOSE) {
      if (noise.test(line)) return;
      line = line
        .split('\n')
        .filter((l) => !/^\s+at .*(vscode|node:internal|node_modules)/.test(l))
        .join('\n');
    }
    if (/^\d+ passed, \d+ failed/.test(line)) summary = line;
    // also kept in the run folder, which survives a failed run
    if (process.env.K8SW_RUN_DIR) appendFileSync(join(process.env.K8SW_RUN_DIR, 'tests.log'), `${line}\n`);
    console.log(type === 'error' || type === 'warn' ? `[exthost:${type}] ${line}` : line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
  if (process.env.SHOW_BROWSER_CONSOLE) page.on('console', (m) => console.log(`[browser:${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const url = workbenchUrl(args.port, args.folder, [
    ['extensionDevelopmentPath', args.ext],
    ['extensionTestsPath', args.tests],
  ]);
  if (process.env.VERBOSE) console.log('open', url);
  await page.goto(url);
  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r({ code: 'timeout' }), timeoutS * 1000)));
  const res = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (res.code !== 0 && process.env.K8SW_RUN_DIR) {
    const shot = join(process.env.K8SW_RUN_DIR, 'failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.log(`screenshot of the workbench: ${shot}`);
  }
  console.log(`extension tests exit code: ${res.code} (wall ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (res.code === 'timeout') console.log(`timed out after ${timeoutS} s`);
  if (!summary && res.code !== 0) console.log('0 passed, 1 failed');
  exitCode = res.code === 0 ? 0 : 1;
} catch (e) {
  console.error(e);
  exitCode = 2;
} finally {
  await browser.close().catch(() => {});
}
process.exit(exitCode);
