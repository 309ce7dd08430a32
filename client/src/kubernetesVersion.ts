// The Kubernetes release the server checks the active document against, in the status bar of
// YAML editors ("K8s 1.35") — the setting's, or the project file's (.k8s-workloads.yaml) when one
// sets it, as the server reports — and **Kubernetes: Select Kubernetes Version…**, a picker that
// writes the `k8sWorkloads.kubernetesVersion` setting (to the workspace when a folder is open). The
// server re-validates every open document as soon as the setting changes. Where a project file sets
// the release, clicking the status bar item opens that file instead (it wins over the setting).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../../server/src/service/api/versions';
import {
  KUBERNETES_VERSION_REQUEST,
  PROJECT_CONFIG_CHANGED_NOTIFICATION,
  type KubernetesVersionResult,
} from '../../server/src/service/config/schema';

export const SELECT_VERSION_COMMAND = 'k8sWorkloads.selectKubernetesVersion';

function currentVersion(): string {
  return vscode.workspace.getConfiguration('k8sWorkloads').get<string>('kubernetesVersion') ?? DEFAULT_KUBERNETES_VERSION;
}

/** What the server says applies to a document; undefined while it cannot say (starting, stopped). */
async function versionOf(client: LanguageClient | undefined, uri: vscode.Uri): Promise<KubernetesVersionResult | undefined> {
  if (!client?.isRunning()) return undefined;
  try {
    return await client.sendRequest<KubernetesVersionResult>(KUBERNETES_VERSION_REQUEST, { textDocument: { uri: uri.toString() } });
  } catch {
    return undefined;
  }
}

export function registerKubernetesVersion(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined = () => undefined,
): void {
  const item = vscode.window.createStatusBarItem('k8sWorkloads.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Kubernetes version';
  item.command = SELECT_VERSION_COMMAND;
  let updates = 0;
  const update = async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const ticket = ++updates;
    const applied = await versionOf(client(), document.uri);
    if (ticket !== updates) return; // a newer update is on its way
    // the setting's as soon as it changes (the server pulls it a moment later), unless a project file sets one
    const version = applied?.projectFile ? applied.version : currentVersion();
    item.text = `$(symbol-namespace) K8s ${version}`;
    if (applied?.projectFile) {
      const file = vscode.Uri.parse(applied.projectFile);
      item.tooltip = `Kubernetes Workloads checks this file against Kubernetes ${version}, as ${vscode.workspace.asRelativePath(file)} sets (it wins over the setting). Click to open it.`;
      item.command = { title: 'Open the project file', command: 'vscode.open', arguments: [file] };
    } else {
      item.tooltip = `Kubernetes Workloads checks these manifests against Kubernetes ${version}. Click to choose another release.`;
      item.command = SELECT_VERSION_COMMAND;
    }
    item.show();
  };
  const refresh = () => void update();
  const c = client();
  if (c) {
    context.subscriptions.push(c.onNotification(PROJECT_CONFIG_CHANGED_NOTIFICATION, refresh));
    // the first answer needs a running server
    context.subscriptions.push(c.onDidChangeState(refresh));
  }
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('k8sWorkloads.kubernetesVersion')) refresh();
    }),
    vscode.commands.registerCommand(SELECT_VERSION_COMMAND, async (version?: string) => {
      const current = currentVersion();
      const picked =
        version ??
        (
          await vscode.window.showQuickPick(
            [...KUBERNETES_VERSIONS].reverse().map((v) => ({
              label: v,
              description: v === current ? 'current' : v === DEFAULT_KUBERNETES_VERSION ? 'default' : undefined,
            })),
            { title: 'Kubernetes version to check manifests against', placeHolder: `Now: ${current}` },
          )
        )?.label;
      if (!picked || !(KUBERNETES_VERSIONS as readonly string[]).includes(picked)) return undefined;
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('k8sWorkloads').update('kubernetesVersion', picked, target);
      return picked;
    }),
  );
  refresh();
}
