// "Kubernetes: Debug Commands for This Object" and the "Debug…" code lens: asks the language
// server for the guide's kubectl commands worked out for the workload at the cursor and shows
// them in a quick pick. Each can be copied or run in a terminal named "Kubernetes"; commands that
// change the cluster ask first; in Restricted Mode nothing runs (Copy only). The server computes,
// this file only shows and acts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DebugCommandItem, DebugCommandList } from '../../server/src/service/debug/commands';
import { DEBUG_COMMANDS_REQUEST } from '../../server/src/service/debug/protocol';

export const DEBUG_COMMAND = 'k8sWorkloads.debugCommands';
export const TERMINAL_NAME = 'Kubernetes';

/** What the command did, returned for tests and other extensions. */
export interface DebugCommandOutcome {
  readonly action: 'copy' | 'run';
  readonly command: string;
}

const COPY = 'Copy';
const RUN = 'Run in Terminal';

const copyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: COPY };
const runButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('terminal'), tooltip: RUN };

interface CommandPickItem extends vscode.QuickPickItem {
  readonly item: DebugCommandItem;
}

export function registerDebugCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(DEBUG_COMMAND, (uri?: unknown, position?: unknown) => debugCommands(client(), uri, position)),
  );
}

function toPosition(p: unknown): vscode.Position | undefined {
  if (p instanceof vscode.Position) return p;
  const o = p as { line?: unknown; character?: unknown } | undefined;
  return o && typeof o.line === 'number' && typeof o.character === 'number' ? new vscode.Position(o.line, o.character) : undefined;
}

/** The commands for the workload at (uri, position), or at the active editor's cursor. */
async function debugCommands(
  client: LanguageClient | undefined,
  uriArg: unknown,
  positionArg: unknown,
): Promise<DebugCommandOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = typeof uriArg === 'string' ? uriArg : uriArg instanceof vscode.Uri ? uriArg.toString() : editor?.document.uri.toString();
  const position = toPosition(positionArg) ?? editor?.selection.active;
  if (!client || !uri || !position) {
    void vscode.window.showInformationMessage('Debug Commands: open a Kubernetes manifest and put the cursor in a workload.');
    return undefined;
  }
  const list = await client.sendRequest<DebugCommandList | null>(DEBUG_COMMANDS_REQUEST, {
    textDocument: { uri },
    position: { line: position.line, character: position.character },
  });
  if (!list || list.commands.length === 0) {
    void vscode.window.showInformationMessage(
      'Debug Commands: no Deployment, StatefulSet, DaemonSet, Job or CronJob with a name at the cursor.',
    );
    return undefined;
  }
  const picked = await pickCommand(list);
  if (!picked) return undefined;
  const { item, action } = picked;
  const chosen = action ?? (await pickAction(item));
  if (!chosen) return undefined;
  if (chosen === 'copy') {
    await vscode.env.clipboard.writeText(item.command);
    void vscode.window.setStatusBarMessage(`Copied: ${item.command}`, 4000);
    return { action: 'copy', command: item.command };
  }
  if (!vscode.workspace.isTrusted) return undefined; // pickAction offers no Run then; a button cannot either
  if (item.mutates) {
    const ok = await vscode.window.showWarningMessage(
      `This command changes the cluster:\n\n${item.command}`,
      { modal: true, detail: `${item.title}. ${item.note ?? ''}`.trim() },
      'Run',
    );
    if (ok !== 'Run') return undefined;
  }
  const terminal = vscode.window.terminals.find((t) => t.name === TERMINAL_NAME) ?? vscode.window.createTerminal(TERMINAL_NAME);
  terminal.show();
  terminal.sendText(item.command);
  return { action: 'run', command: item.command };
}

/** The list; an item's buttons copy or run it directly. */
function pickCommand(list: DebugCommandList): Promise<{ item: DebugCommandItem; action?: 'copy' | 'run' } | undefined> {
  const qp = vscode.window.createQuickPick<CommandPickItem>();
  qp.title = `Debug ${list.kind} ${list.name}`;
  qp.placeholder = list.namespaceNote;
  qp.matchOnDetail = true;
  const trusted = vscode.workspace.isTrusted;
  qp.items = list.commands.map((item) => ({
    item,
    label: item.mutates ? `$(warning) ${item.title}` : item.title,
    description: item.mutates ? 'changes the cluster' : undefined,
    detail: item.note ? `${item.command}  — ${item.note}` : item.command,
    buttons: trusted ? [copyButton, runButton] : [copyButton],
  }));
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: { item: DebugCommandItem; action?: 'copy' | 'run' } | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.hide();
    };
    qp.onDidTriggerItemButton((e) => finish({ item: e.item.item, action: e.button === runButton ? 'run' : 'copy' }));
    qp.onDidAccept(() => {
      const sel = qp.selectedItems[0] ?? qp.activeItems[0];
      if (sel) finish({ item: sel.item });
    });
    qp.onDidHide(() => {
      finish(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Copy or Run in Terminal; in Restricted Mode only Copy. */
async function pickAction(item: DebugCommandItem): Promise<'copy' | 'run' | undefined> {
  const trusted = vscode.workspace.isTrusted;
  const actions: (vscode.QuickPickItem & { action: 'copy' | 'run' })[] = [
    { label: `$(copy) ${COPY}`, action: 'copy', detail: item.command },
  ];
  if (trusted)
    actions.push({
      label: `$(terminal) ${RUN}`,
      action: 'run',
      description: item.mutates ? 'changes the cluster: asks first' : undefined,
      detail: `in the "${TERMINAL_NAME}" terminal`,
    });
  const picked = await vscode.window.showQuickPick(actions, {
    title: item.title,
    placeHolder: trusted ? item.command : `${item.command} (Restricted Mode: copy only)`,
  });
  return picked?.action;
}
