// "Kubernetes: Choose Workload Type…" — the guide's decision tree as a multi-step quick pick.
// A thin UI over server/src/service/wizard: the steps (questions, result, the kind's inputs with
// their validators), Back and the step numbers come from its runWizard; this file shows each step
// as a quick pick or input box, and inserts the generated manifest.
import * as vscode from 'vscode';
import {
  generateManifest,
  planInsertion,
  runWizard,
  validateAnswers,
  WizardInputError,
  type InputStep,
  type PickStep,
  type StepOutcome,
  type WizardAnswers,
  type WizardUI,
} from '../../server/src/service/wizard/index';

export const WIZARD_COMMAND = 'k8sWorkloads.chooseWorkloadType';

/** Registers the command. With an answers object as argument it runs without UI. */
export function registerWizard(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(WIZARD_COMMAND, (arg?: unknown) => chooseWorkloadType(arg)));
}

/**
 * Runs the wizard (or takes `arg` as the answers), inserts the manifest and returns its text;
 * undefined when the user cancelled. Invalid answers reject with a WizardInputError.
 */
export async function chooseWorkloadType(arg?: unknown): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  let answers: WizardAnswers | undefined;
  if (arg !== undefined && arg !== null && !(arg instanceof vscode.Uri)) {
    const problems = validateAnswers(arg);
    if (problems.length > 0) throw new WizardInputError(problems);
    answers = arg as WizardAnswers;
    const manifest = generateManifest(answers);
    await insertManifest(manifest, editor, answers.name);
    return manifest;
  }
  answers = await runWizard(new QuickInputWizardUI());
  if (!answers) return undefined;
  try {
    const manifest = generateManifest(answers);
    await insertManifest(manifest, editor, answers.name);
    return manifest;
  } catch (err) {
    // every input was validated on the way, so this is a bug: say so instead of failing silently
    void vscode.window.showErrorMessage(`Choose Workload Type: ${(err as Error).message}`);
    return undefined;
  }
}

/** Inserts at the cursor of a YAML editor (as its own document, with `---` where needed) or opens a new YAML document. */
async function insertManifest(manifest: string, preferred: vscode.TextEditor | undefined, name: string): Promise<vscode.TextEditor> {
  const candidate = preferred && !preferred.document.isClosed ? preferred : vscode.window.activeTextEditor;
  if (candidate && candidate.document.languageId === 'yaml' && !candidate.document.isClosed) {
    const editor = await vscode.window.showTextDocument(candidate.document, candidate.viewColumn);
    const doc = editor.document;
    const plan = planInsertion(doc.getText(), doc.offsetAt(editor.selection.active), manifest);
    const ok = await editor.edit((b) => b.insert(doc.positionAt(plan.offset), plan.text));
    if (!ok) throw new Error('Could not insert the manifest into the editor');
    const start = doc.positionAt(plan.offset + Math.max(0, plan.text.indexOf(manifest)));
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }
  // Named after the object (`backup.yaml`), so the tab does not take its name from the first line
  // (a comment), and Save offers that name in the first workspace folder.
  const doc = await vscode.workspace.openTextDocument(await untitledUri(name));
  if (doc.languageId !== 'yaml') await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  const editor = await vscode.window.showTextDocument(doc);
  // VS Code reuses untitled names; right after "Revert and Close" of Untitled-N the new Untitled-N
  // can come back with the old text from its backup. Make sure it holds the manifest.
  if (doc.getText() !== manifest) {
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(all, manifest));
  }
  return editor;
}

/** An untitled document's URI named `<name>.yaml` (or `<name>-2.yaml`…): no open document and no file of the workspace has that name. */
async function untitledUri(name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const base = /^[a-z0-9][a-z0-9.-]*$/.test(name) ? name : 'manifest';
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let i = 1; ; i++) {
    const file = `${base}${i === 1 ? '' : `-${i}`}.yaml`;
    const onDisk = folder ? vscode.Uri.joinPath(folder.uri, file) : undefined;
    const uri = onDisk ? onDisk.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: file });
    if (open.has(uri.toString())) continue;
    if (onDisk && (await exists(onDisk))) continue;
    return uri;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

// --- the multi-step UI: WizardUI over VS Code's quick input -------------------------------

/** One quick pick or input box at a time; Back button where the step machine asks for one; Escape cancels. */
class QuickInputWizardUI implements WizardUI {
  pick<T>(step: PickStep<T>): Promise<StepOutcome<T>> {
    type Item = vscode.QuickPickItem & { value: T; typed?: string };
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = step.title;
    qp.placeholder = step.placeholder;
    const items: Item[] = step.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
    qp.items = items;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = true;
    const active = qp.items[step.activeIndex];
    if (active) qp.activeItems = [active];
    qp.buttons = step.back ? [vscode.QuickInputButtons.Back] : [];
    // A pick that also takes typed text (a time zone not in the list): what is typed becomes an
    // item of its own — first when it is valid, last with the reason when it is not.
    const typed = step.typed;
    const retype = (value: string) => {
      const text = value.trim();
      if (!typed || text === '' || items.some((i) => i.label === text)) {
        if (qp.items !== items) qp.items = items;
        return;
      }
      const error = typed.validate(text);
      const own: Item = {
        label: text,
        description: error ?? 'as typed',
        detail: error ? undefined : typed.preview?.(text),
        value: typed.value(text),
        typed: error ?? '',
        alwaysShow: true,
      };
      qp.items = error ? [...items, own] : [own, ...items];
    };
    return run(qp, (done) => [
      qp.onDidChangeValue(retype),
      qp.onDidAccept(() => {
        const picked = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!picked || picked.typed) return; // nothing, or typed text that is not valid: stay open
        done({ value: picked.value });
      }),
    ]);
  }

  input(step: InputStep): Promise<StepOutcome<string>> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.prompt = step.prompt;
    box.placeholder = step.placeholder;
    box.value = step.value;
    box.ignoreFocusOut = true;
    box.buttons = step.back ? [vscode.QuickInputButtons.Back] : [];
    // errors inline as the user types; for a valid value, the preview (a schedule in words)
    const show = (value: string) => {
      const error = step.validate(value);
      if (error) box.validationMessage = { message: error, severity: vscode.InputBoxValidationSeverity.Error };
      else {
        const preview = step.preview?.(value);
        box.validationMessage = preview ? { message: preview, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
      }
      return error;
    };
    show(step.value);
    return run(box, (done) => [
      box.onDidChangeValue((v) => show(v)),
      box.onDidAccept(() => {
        if (show(box.value) === undefined) done({ value: box.value });
      }),
    ]);
  }
}

function run<T>(
  input: vscode.QuickInput & { readonly onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
  wire: (done: (o: StepOutcome<T>) => void) => vscode.Disposable[],
): Promise<StepOutcome<T>> {
  return new Promise<StepOutcome<T>>((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const done = (o: StepOutcome<T>) => {
      if (settled) return;
      settled = true;
      for (const d of disposables) d.dispose();
      input.dispose();
      resolve(o);
    };
    disposables.push(
      ...wire(done),
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) done('back');
      }),
      // Escape (or the picker closing for any other reason): nothing is inserted
      input.onDidHide(() => done('cancel')),
    );
    input.show();
  });
}
