// Debug commands for the object at a position: the document under the cursor, its namespace from
// a kustomization when the manifest sets none, the commands from ./commands.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { documentAt } from '../completion/index';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import type { WorkspaceView } from '../workspace/types';
import { debugCommands, type DebugCommandList } from './commands';

export {
  debugCommands,
  DEFAULT_KUBERNETES_VERSION,
  jobNameLabel,
  manualJobName,
  selectorString,
  shellQuote,
  type DebugCommandItem,
  type DebugCommandList,
  type DebugInput,
} from './commands';

/** The commands for one document of a file (undefined for what is not a named workload). */
export function debugCommandsFor(
  file: ManifestFile,
  doc: ManifestDocument,
  workspace: WorkspaceView | undefined,
  options: { now?: Date; kubernetesVersion?: string } = {},
): DebugCommandList | undefined {
  if (file.isTemplate || file.skippedReason || !doc.object) return undefined;
  return debugCommands({
    object: doc.value,
    kustomizeNamespaces: workspace?.kustomizeNamespaces?.(file.uri),
    kubernetesVersion: options.kubernetesVersion,
    now: options.now,
  });
}

export function debugCommandsAt(
  file: ManifestFile,
  document: Pick<TextDocument, 'offsetAt'>,
  position: Position,
  workspace: WorkspaceView | undefined,
  options: { now?: Date; kubernetesVersion?: string } = {},
): DebugCommandList | null {
  const doc = documentAt(file, document.offsetAt(position));
  return (doc && debugCommandsFor(file, doc, workspace, options)) ?? null;
}
