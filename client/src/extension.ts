// Starts the Kubernetes Workloads language server for YAML files. Everything the extension knows
// lives in the server; this file only connects VS Code to it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverArgs } from './serverOptions';
import { registerDebugCommands } from './debug';
import { registerGuideView } from './guideView';
import { registerKubernetesVersion } from './kubernetesVersion';
import { registerWizard } from './wizard';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const module = context.asAbsolutePath('dist/server.js');
  const args = serverArgs(context.globalStorageUri.fsPath);
  const serverOptions: ServerOptions = {
    // No V8 flags: Node.js would start the server's thread without its start-up snapshot (server/src/largeStack.ts).
    run: { module, args, transport: TransportKind.ipc },
    debug: { module, args, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Kubernetes Workloads', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Local files, untitled documents and the files of virtual workspaces (GitHub Repositories);
    // not git: or other read-only views of old versions, whose problems would be noise.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'vscode-vfs', language: 'yaml' },
    ],
    // The server registers its own file watcher (YAML files and deletions) for its workspace index.
    outputChannel,
  };
  // The id 'k8sWorkloads' makes the client read the `k8sWorkloads.trace.server` setting.
  client = new LanguageClient('k8sWorkloads', 'Kubernetes Workloads', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('k8sWorkloads.restartServer', async () => {
      outputChannel.appendLine('Restarting the language server…');
      await client?.restart();
    }),
  );
  registerWizard(context);
  registerDebugCommands(context, () => client);
  registerGuideView(context);
  registerKubernetesVersion(context, () => client);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
