// Drives the workbench for ui.mjs (started by run-host.sh with --port and --folder). Keyboard only,
// as a user would; waits on what the page shows, never on fixed sleeps.
import { join } from 'node:path';
import { launchChromium, parseArgs, workbenchUrl } from '../integration/host/browser.mjs';
import { repo } from '../integration/host/prepare.mjs';

const args = parseArgs();
const SHOTS = process.env.K8SW_SHOTS;
const RUN = process.env.K8SW_RUN_DIR;
const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const nbsp = (s) => (s || '').replace(/\u00a0/g, ' ');

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
// generous: on a loaded 2-core machine the server's first diagnostics can take 15 s
page.setDefaultTimeout(60_000);
const shot = (name) => page.screenshot({ path: join(SHOTS, name), animations: 'disabled' });

/** The text of the active editor (the lines that are rendered; spaces come as U+00A0). */
const editorText = () => page.evaluate(() => document.querySelector('.editor-group-container.active .view-lines')?.textContent ?? '');
const waitForEditorText = (re) =>
  page.waitForFunction(
    (src) =>
      new RegExp(src).test(
        (document.querySelector('.editor-group-container.active .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '),
      ),
    re.source,
  );

/** The quick-input row that has the keyboard focus (what Enter picks) shows `text`. */
const focusedRow = (text) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: text }).first();

async function command(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type(title);
  await focusedRow(title).waitFor();
}

async function openFile(name) {
  for (let i = 0; ; i++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget .quick-input-box input');
    await page.keyboard.type(name);
    await focusedRow(name).waitFor();
    await page.keyboard.press('Enter');
    try {
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      // the quick-open list can still be settling when Enter arrives: try again
      if (i === 2) throw e;
      log(`${name} did not open, retrying Ctrl+P`);
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

async function goTo(lineCol) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type(lineCol);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

try {
  await page.goto(workbenchUrl(args.port, args.folder, [['extensionDevelopmentPath', process.env.K8SW_EXTENSION || repo]]));
  await page.waitForSelector('.monaco-workbench .explorer-folders-view');
  log('workbench loaded');

  // 1. a diagnostic and its quick-fix: Ctrl+. on the squiggle, Enter applies the preferred fix
  await openFile('web.yaml');
  await page.waitForSelector('.editor-group-container.active .squiggly-error');
  log('error squiggle on restartPolicy');
  await goTo('15:22');
  const fix = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Remove restartPolicy' });
  for (let i = 0; ; i++) {
    // code actions are computed asynchronously: retry Ctrl+. a few times
    await page.keyboard.press('Control+.');
    try {
      await fix.waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (i === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await shot('quick-fix.png');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-group-container.active .squiggly-error', { state: 'detached' });
  if (/restartPolicy/.test(nbsp(await editorText()))) throw new Error('the quick-fix did not remove restartPolicy');
  log('quick-fix applied: restartPolicy removed, squiggle gone');

  // 2. hover on a CronJob schedule: the schedule in words
  await openFile('nightly-embeddings.yaml');
  await goTo('6:4');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: /02:30/ });
  await hover.first().waitFor();
  log(
    'hover:',
    nbsp(await hover.first().innerText())
      .split('\n')
      .slice(0, 3)
      .join(' | '),
  );
  await shot('hover-schedule.png');
  await page.keyboard.press('Escape');

  // 2b. the CronJob's debug commands (F1 -> Kubernetes: Debug Commands for This Object), filled in
  await command('Kubernetes: Debug Commands for This Object');
  await page.keyboard.press('Enter');
  const manualRun = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Run it now: create Job' });
  await manualRun.first().waitFor();
  log(
    'debug commands:',
    nbsp(await page.locator('.quick-input-widget .quick-input-list').innerText())
      .split('\n')
      .slice(0, 4)
      .join(' | '),
  );
  await shot('debug-commands.png');
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

  // 3. completion of kind values
  await openFile('new.yaml');
  await page.keyboard.type('kind: ');
  await page.keyboard.press('Control+Space');
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  await rows.filter({ hasText: 'StatefulSet' }).first().waitFor();
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  log('kind completions:', JSON.stringify(labels));
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']) {
    if (!labels.some((l) => l && l.startsWith(kind))) throw new Error(`kind completion ${kind} missing: ${JSON.stringify(labels)}`);
  }
  await shot('completion-kind.png');
  await page.keyboard.type('StatefulS');
  await page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused', { hasText: 'StatefulSet' }).waitFor();
  await page.keyboard.press('Enter');
  await waitForEditorText(/kind: StatefulSet/);
  log('accepted: kind: StatefulSet');

  // 4. the wizard, from the command palette, answered with the keyboard
  await command('View: Close All Editors');
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .monaco-editor').waitFor({ state: 'detached' });
  await command('Kubernetes: Choose Workload Type');
  await page.keyboard.press('Enter');
  const pickRow = (text) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await pickRow('keeps running').waitFor();
  await shot('wizard-question.png');
  await page.keyboard.type('keeps running');
  await focusedRow('keeps running').waitFor();
  await page.keyboard.press('Enter');
  await pickRow('its own name and data').waitFor();
  await page.keyboard.type('its own name');
  await focusedRow('its own name').waitFor();
  await page.keyboard.press('Enter');
  await pickRow('StatefulSet from scratch').waitFor();
  await shot('wizard-result.png');
  await page.keyboard.type('from scratch');
  await focusedRow('from scratch').waitFor();
  await page.keyboard.press('Enter');
  // name: replace the default once the name step is up, then accept every other default
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /Name/ }).waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('qdrant');
  await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-box input')?.value === 'qdrant');
  await shot('wizard-name.png');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 15; i++) {
    const title = await page
      .locator('.quick-input-widget .quick-input-title')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    if (title === null || !(await page.locator('.quick-input-widget').isVisible())) break;
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => {
      const w = document.querySelector('.quick-input-widget');
      return !w || w.style.display === 'none' || w.querySelector('.quick-input-title')?.textContent !== t;
    }, title);
  }
  await waitForEditorText(/kind: StatefulSet/);
  await waitForEditorText(/name: qdrant/);
  log('the wizard wrote a StatefulSet named qdrant');
  // the server has seen the new document once its code lens (the pod names) shows; diagnostics are pushed on open
  await page.locator('.editor-group-container.active .codelens-decoration', { hasText: 'qdrant-0' }).first().waitFor();
  const squiggles = await page.locator('.editor-group-container.active :is(.squiggly-error, .squiggly-warning, .squiggly-info)').count();
  if (squiggles > 0) throw new Error(`the generated StatefulSet has ${squiggles} diagnostic squiggle(s)`);
  log(
    'no diagnostics on the generated manifest; status bar:',
    await page.locator('.statusbar-item[id="status.problems"]').first().getAttribute('aria-label'),
  );
  await shot('wizard-statefulset.png');
  log('E2E OK');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.error('E2E FAILED:', e.message);
  if (RUN) await page.screenshot({ path: join(RUN, 'failure.png') }).catch(() => {});
  await browser.close().catch(() => {});
  process.exit(1);
}
