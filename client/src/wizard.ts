// "Kubernetes: Choose Workload Type…" — the guide's decision tree as a multi-step quick pick.
// A thin UI over server/src/service/wizard: the questions, the result step, the kind's inputs with
// their validators and the manifest all come from there; this file only shows them, handles
// Back/Escape, and inserts the result.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../server/src/service/guide/types';
import {
  generateManifest,
  kindInputs,
  maxQuestionsFrom,
  PATTERN_SHAPES,
  planInsertion,
  questionPick,
  resultPick,
  validateAnswers,
  WIZARD_ROOT,
  WizardInputError,
  type WizardAnswers,
  type WizardInput,
  type WizardPatternId,
} from '../../server/src/service/wizard/index';

export const WIZARD_COMMAND = 'k8sWorkloads.chooseWorkloadType';
const TITLE = 'Choose Workload Type';

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
  } else {
    answers = await runWizardUI();
    if (!answers) return undefined;
  }
  const manifest = generateManifest(answers);
  await insertManifest(manifest, editor);
  return manifest;
}

/** Inserts at the cursor of a YAML editor (as its own document, with `---` where needed) or opens a new YAML document. */
async function insertManifest(manifest: string, preferred: vscode.TextEditor | undefined): Promise<vscode.TextEditor> {
  const candidate = preferred && !preferred.document.isClosed ? preferred : vscode.window.activeTextEditor;
  if (candidate && candidate.document.languageId === 'yaml' && !candidate.document.isClosed) {
    const editor = await vscode.window.showTextDocument(candidate.document, candidate.viewColumn);
    const doc = editor.document;
    const plan = planInsertion(doc.getText(), doc.offsetAt(editor.selection.active), manifest);
    const ok = await editor.edit((b) => b.insert(doc.positionAt(plan.offset), plan.text));
    if (!ok) throw new Error('Could not insert the manifest into the editor');
    const start = doc.positionAt(plan.offset + plan.text.indexOf(manifest.slice(0, 20)));
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest });
  const editor = await vscode.window.showTextDocument(doc);
  // VS Code reuses untitled names; right after "Revert and Close" of Untitled-N the new Untitled-N
  // can come back with the old text from its backup. Make sure it holds the manifest.
  if (doc.getText() !== manifest) {
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(all, manifest));
  }
  return editor;
}

// --- the multi-step UI ---------------------------------------------------------------------

type Outcome<T> = { readonly value: T } | 'back' | 'cancel';
/** A step shows itself and says where to go next. */
type Step = () => Promise<Step | { readonly done: WizardAnswers } | 'back' | 'cancel'>;

async function runWizardUI(): Promise<WizardAnswers | undefined> {
  const history: Step[] = [];
  const ui = new StepUI(() => history.length > 0);
  let current: Step = questionStep(ui, WIZARD_ROOT, 1);
  for (;;) {
    const next = await current();
    if (next === 'cancel') return undefined;
    if (next === 'back') {
      current = history.pop() ?? current;
      continue;
    }
    if (typeof next !== 'function') return next.done;
    history.push(current);
    current = next;
  }
}

function questionStep(ui: StepUI, id: Parameters<typeof questionPick>[0], step: number): Step {
  return async () => {
    const q = questionPick(id);
    const total = step + maxQuestionsFrom(id); // the remaining questions + the result step
    const items = q.items.map((i) => ({ label: i.label, detail: i.detail, item: i }));
    const r = await ui.pick({ title: `${TITLE} (${step}/${total}): ${q.title}`, placeholder: q.help, items });
    if (typeof r === 'string') return r;
    const next = r.value.item.next;
    return 'question' in next ? questionStep(ui, next.question, step + 1) : resultStep(ui, next.outcome, step + 1);
  };
}

function resultStep(ui: StepUI, kind: WorkloadKind, step: number): Step {
  return async () => {
    const result = resultPick(kind);
    const items = result.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, pattern: i.pattern }));
    const r = await ui.pick({ title: `${TITLE} (${step}/${step}): ${kind}`, placeholder: result.placeholder, items });
    if (typeof r === 'string') return r;
    const pattern = r.value.pattern;
    const start: WizardAnswers = { kind, name: '', image: '', ...(pattern ? { pattern, ...(PATTERN_SHAPES[pattern].fixed ?? {}) } : {}) };
    return inputStep(ui, kind, pattern, kindInputs(kind, pattern), 0, start);
  };
}

function inputStep(
  ui: StepUI,
  kind: WorkloadKind,
  pattern: WizardPatternId | undefined,
  inputs: WizardInput[],
  index: number,
  answers: WizardAnswers,
): Step {
  return async () => {
    if (index >= inputs.length) return { done: answers };
    const input = inputs[index];
    const title = `${kind}${pattern ? ` (${PATTERN_SHAPES[pattern].defaults.name})` : ''}: ${input.title} (${index + 1}/${inputs.length})`;
    const memoryKey = `${kind}/${pattern ?? ''}/${input.field}`;
    if (input.type === 'text') {
      const r = await ui.input({
        title,
        prompt: input.prompt,
        placeholder: input.placeholder,
        value: ui.remembered.get(memoryKey) ?? input.value,
        validate: (v) => input.validate(v, answers),
        preview: input.preview,
      });
      if (typeof r === 'string') return r;
      ui.remembered.set(memoryKey, r.value);
      return inputStep(ui, kind, pattern, inputs, index + 1, input.apply(r.value, answers));
    }
    const items = input.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
    const remembered = ui.remembered.get(memoryKey);
    const active = items.find((i) => String(i.value) === remembered) ?? items[input.active];
    const r = await ui.pick({ title, placeholder: input.placeholder, items, active });
    if (typeof r === 'string') return r;
    ui.remembered.set(memoryKey, String(r.value.value));
    return inputStep(ui, kind, pattern, inputs, index + 1, input.apply(r.value.value, answers));
  };
}

/** One quick pick or input box at a time, with a Back button whenever there is a step to go back to. */
class StepUI {
  /** what was typed or picked per step, so Back shows it again */
  readonly remembered = new Map<string, string>();
  constructor(private readonly canGoBack: () => boolean) {}

  pick<T extends vscode.QuickPickItem>(options: { title: string; placeholder: string; items: T[]; active?: T }): Promise<Outcome<T>> {
    const qp = vscode.window.createQuickPick<T>();
    qp.title = options.title;
    qp.placeholder = options.placeholder;
    qp.items = options.items;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = true;
    if (options.active) qp.activeItems = [options.active];
    qp.buttons = this.canGoBack() ? [vscode.QuickInputButtons.Back] : [];
    return this.run(qp, (done) => [
      qp.onDidAccept(() => {
        const picked = qp.selectedItems[0] ?? qp.activeItems[0];
        if (picked) done({ value: picked });
      }),
    ]);
  }

  input(options: {
    title: string;
    prompt: string;
    placeholder?: string;
    value: string;
    validate: (value: string) => string | undefined;
    preview?: (value: string) => string | undefined;
  }): Promise<Outcome<string>> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value;
    box.ignoreFocusOut = true;
    box.buttons = this.canGoBack() ? [vscode.QuickInputButtons.Back] : [];
    const show = (value: string) => {
      const error = options.validate(value);
      if (error) box.validationMessage = { message: error, severity: vscode.InputBoxValidationSeverity.Error };
      else {
        const preview = options.preview?.(value);
        box.validationMessage = preview ? { message: preview, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
      }
      return error;
    };
    show(options.value);
    return this.run(box, (done) => [
      box.onDidChangeValue((v) => show(v)),
      box.onDidAccept(() => {
        if (show(box.value) === undefined) done({ value: box.value });
      }),
    ]);
  }

  private run<T>(
    input: vscode.QuickInput & { readonly onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    wire: (done: (o: Outcome<T>) => void) => vscode.Disposable[],
  ): Promise<Outcome<T>> {
    return new Promise<Outcome<T>>((resolve) => {
      let settled = false;
      const disposables: vscode.Disposable[] = [];
      const done = (o: Outcome<T>) => {
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
        // Escape, or focus moving elsewhere for good: nothing is inserted
        input.onDidHide(() => done('cancel')),
      );
      input.show();
    });
  }
}
