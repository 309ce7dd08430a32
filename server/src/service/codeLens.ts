// Code lenses: above each StatefulSet, the pods it creates and whether its headless Service
// exists (`qdrant-0, qdrant-1, qdrant-2 · headless Service qdrant ✓`); above each workload,
// "Debug…", which opens the guide's commands for it (the client's DEBUG_COMMAND).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { statefulSetPodNames } from './guide/statefulset';
import { isWorkloadKind } from './guide/types';
import { firstLine, getAt } from './manifest/navigate';
import type { ManifestFile } from './manifest/types';
import type { WorkspaceView } from './workspace/types';

/** The client command a "Debug…" lens runs, with the document URI and the object's first position. */
export const DEBUG_COMMAND = 'k8sWorkloads.debugCommands';
export const DEBUG_LENS_TITLE = 'Debug…';

/** Up to this many pod names are spelled out; beyond it the lens shows the first and last. */
const MAX_NAMED_PODS = 5;

export function podListLabel(name: string, replicas: number): string {
  if (replicas <= 0) return 'no pods (replicas: 0)';
  const pods = statefulSetPodNames(name, replicas);
  if (pods.length <= MAX_NAMED_PODS) return pods.join(', ');
  return `${pods[0]}, ${pods[1]}, …, ${pods[pods.length - 1]} (${pods.length} pods)`;
}

/** "headless Service qdrant ✓", "headless Service qdrant ✗ not found", "Service qdrant ✗ not headless". */
export function headlessServiceLabel(serviceName: string | undefined, namespace: string | undefined, workspace: WorkspaceView): string {
  if (!serviceName) return 'no serviceName ✗';
  const ns = namespace || 'default';
  let found = false;
  for (const s of workspace.objects('Service')) {
    if (s.name !== serviceName || (s.namespace || 'default') !== ns) continue;
    if (s.clusterIP === 'None') return `headless Service ${serviceName} ✓`;
    found = true;
  }
  return found ? `Service ${serviceName} ✗ not headless` : `headless Service ${serviceName} ✗ not found`;
}

/** On the first line of each document: a StatefulSet's pods and Service; "Debug…" for every named workload. */
export function getCodeLenses(file: ManifestFile, textDocument: Pick<TextDocument, 'positionAt'>, workspace: WorkspaceView): CodeLens[] {
  if (file.isTemplate || file.skippedReason) return [];
  // A Kustomize patch is a fragment: its pods and Service are the base's business.
  if (workspace.patchKind?.(file.uri)) return [];
  const lenses: CodeLens[] = [];
  for (const doc of file.documents) {
    const name = doc.object?.name;
    if (!name || !isWorkloadKind(doc.object?.kind)) continue;
    const [start, end] = firstLine(doc);
    const range = { start: textDocument.positionAt(doc.offset + start), end: textDocument.positionAt(doc.offset + end) };
    lenses.push({ range, command: { title: DEBUG_LENS_TITLE, command: DEBUG_COMMAND, arguments: [file.uri, range.start] } });
    if (doc.object?.kind !== 'StatefulSet') continue;
    const replicasValue = getAt(doc.value, ['spec', 'replicas']);
    const replicas = typeof replicasValue === 'number' && Number.isInteger(replicasValue) ? replicasValue : 1;
    const serviceName = getAt(doc.value, ['spec', 'serviceName']);
    const title = `${podListLabel(name, replicas)} · ${headlessServiceLabel(typeof serviceName === 'string' ? serviceName : undefined, doc.object.namespace, workspace)}`;
    // An empty command id makes the lens a label: nothing to run when clicked.
    lenses.push({ range, command: { title, command: '' } });
  }
  return lenses;
}
