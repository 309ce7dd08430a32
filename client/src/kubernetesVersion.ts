// The Kubernetes release the server checks against, in the status bar of YAML editors
// ("K8s 1.35"), and **Kubernetes: Select Kubernetes Version…**, a picker that writes the
// `k8sWorkloads.kubernetesVersion` setting (to the workspace when a folder is open). The server
// re-validates every open document as soon as the setting changes.
import * as vscode from 'vscode';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from '../../server/src/service/api/versions';

export const SELECT_VERSION_COMMAND = 'k8sWorkloads.selectKubernetesVersion';

function currentVersion(): string {
  return vscode.workspace.getConfiguration('k8sWorkloads').get<string>('kubernetesVersion') ?? DEFAULT_KUBERNETES_VERSION;
}

export function registerKubernetesVersion(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('k8sWorkloads.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Kubernetes version';
  item.command = SELECT_VERSION_COMMAND;
  const update = () => {
    item.text = `$(symbol-namespace) K8s ${currentVersion()}`;
    item.tooltip = `Kubernetes Workloads checks these manifests against Kubernetes ${currentVersion()}. Click to choose another release.`;
    if (vscode.window.activeTextEditor?.document.languageId === 'yaml') item.show();
    else item.hide();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('k8sWorkloads.kubernetesVersion')) update();
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
  update();
}
