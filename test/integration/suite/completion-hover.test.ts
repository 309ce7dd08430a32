// Completion and hover in a real VS Code extension host, through the same commands the editor
// uses: one key completion applied the way the suggest widget applies it, one `kind:` completion
// with its apiVersion edit, one hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openYaml } from './helpers';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function completionsAt(doc: vscode.TextDocument, position: vscode.Position, want: string): Promise<vscode.CompletionItem[]> {
  return eventually(async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    return list?.items.some((i) => labelOf(i) === want) ? list.items : undefined;
  }, `a completion item "${want}" from the language server`);
}

function rangeOf(item: vscode.CompletionItem, fallback: vscode.Position): vscode.Range {
  const r = item.range;
  if (!r) return new vscode.Range(fallback, fallback);
  return r instanceof vscode.Range ? r : r.replacing;
}

describe('completion and hover in a real VS Code host', () => {
  it('completes a Deployment.spec key and inserts a nested object on an indented line', async () => {
    const editor = await openYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  str\n');
    const position = new vscode.Position(5, 5);
    const items = await completionsAt(editor.document, position, 'strategy');
    const strategy = items.find((i) => labelOf(i) === 'strategy')!;
    assert.equal(strategy.detail, 'object (DeploymentStrategy)');
    assert.ok(strategy.insertText instanceof vscode.SnippetString, 'VS Code supports snippets, so the item is one');
    assert.equal(strategy.keepWhitespace, true, 'the indentation is absolute: VS Code must not re-indent it');
    const ok = await editor.insertSnippet(strategy.insertText, rangeOf(strategy, position), {
      undoStopBefore: true,
      undoStopAfter: true,
      keepWhitespace: true,
    });
    assert.ok(ok);
    assert.equal(editor.document.getText(), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    \n');
    // the required fields come first, before `strategy`
    const sorted = [...items].filter((i) => i.sortText).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted.slice(0, 2).map(labelOf), ['selector', 'template']);
  });

  it('`kind:` offers the workload kinds with what each is for, and sets the matching apiVersion', async () => {
    const editor = await openYaml('apiVersion: v1\nkind: \n');
    const position = new vscode.Position(1, 6);
    const items = await completionsAt(editor.document, position, 'CronJob');
    const cron = items.find((i) => labelOf(i) === 'CronJob')!;
    assert.equal(cron.detail, 'Batch tasks that run on a schedule · batch/v1');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      editor.document.uri,
      rangeOf(cron, position),
      typeof cron.insertText === 'string' ? cron.insertText : cron.insertText!.value,
    );
    for (const e of cron.additionalTextEdits ?? []) edit.replace(editor.document.uri, e.range, e.newText);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), 'apiVersion: batch/v1\nkind: CronJob\n');
  });

  it('reopens the suggestions after a key whose value has some (a CronJob schedule)', async () => {
    const editor = await openYaml('apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  sch\n');
    const items = await completionsAt(editor.document, new vscode.Position(5, 5), 'schedule');
    const schedule = items.find((i) => labelOf(i) === 'schedule')!;
    assert.equal(schedule.command?.command, 'editor.action.triggerSuggest');
    // a field without suggested values does not reopen the list
    const deadline = items.find((i) => labelOf(i) === 'startingDeadlineSeconds');
    assert.ok(deadline, 'startingDeadlineSeconds is offered');
    assert.equal(deadline.command, undefined);
  });

  it('hovers a field with its path, type, the guide note and a link to the rest', async () => {
    const editor = await openYaml(
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n',
    );
    const hovers = await eventually(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(6, 4),
      );
      return h?.length ? h : undefined;
    }, 'a hover from the language server');
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /`StatefulSet\.spec\.replicas`/);
    assert.match(text, /integer \(int32\)/);
    // the guide's note for this manifest leads; the API description follows when there is room, its link always
    assert.match(text, /\[Kubernetes docs\]\(https:/);
    assert.match(text, /db-0\.db\.default\.svc\.cluster\.local/, 'the guide’s pod DNS names');
  });
});
