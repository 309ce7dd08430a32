// What cross-document rules, completions and navigation may ask about other objects.
// The server keeps this up to date from every YAML file of the workspace folders; the CLI and
// unit tests fill it from the files they are given.
import type { Range } from 'vscode-languageserver-types';
import type { CrdRegistry } from '../crd/registry';
import type { PatchKind } from './kustomize';

/** One Kubernetes object anywhere in the workspace, reduced to what the rules need. */
export interface IndexedObject {
  readonly uri: string;
  /** index of the YAML document in its file */
  readonly docIndex: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  /** metadata.namespace as written (undefined when absent) */
  readonly namespace?: string;
  /** Range of metadata.name's value (or of the `kind` line when there is no name) in its file. */
  readonly range: Range;
  /** Service: spec.selector. Workloads: spec.selector.matchLabels. */
  readonly selector?: Readonly<Record<string, string>>;
  /** Workloads: spec.template.metadata.labels (CronJob: jobTemplate's). Pod: metadata.labels. */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Range of the pod-template labels mapping, when present. */
  readonly podLabelsRange?: Range;
  /** Service: spec.clusterIP as written. */
  readonly clusterIP?: string;
  /** StatefulSet: spec.serviceName. */
  readonly serviceName?: string;
  /** StatefulSet: range of spec.serviceName's value (find references of a Service). */
  readonly serviceNameRange?: Range;
  /** Service: spec.ports[].port / name; workloads: containers' ports. */
  readonly ports?: readonly { readonly port: number; readonly name?: string; readonly protocol?: string }[];
}

export interface WorkspaceView {
  /** Every indexed object, optionally of one kind. Includes the objects of the file being validated. */
  objects(kind?: string): Iterable<IndexedObject>;
  /**
   * True when every YAML file of the workspace folders (or every file given to the CLI) is in
   * the index, not only the files being edited. Rules that conclude from an absence
   * (dangling-service) only do so across files when it is set.
   */
  readonly complete?: boolean;
  /**
   * Changes whenever what the index says about any object changes (positions aside). Results of
   * cross-document rules are cached against it; leave it undefined to disable that cache.
   */
  readonly generation?: number;
  /**
   * The kind of Kustomize patch a file is (a kustomization file names it under patches,
   * patchesStrategicMerge or patchesJson6902), undefined for a whole manifest. Rules marked
   * `onPatch` 'skip' do not run on patches; `objects()` leaves patches out.
   */
  patchKind?(uri: string): PatchKind | undefined;
  /** The namespaces that kustomization files including this file set with `namespace:` (and which file sets each). */
  kustomizeNamespaces?(uri: string): readonly { readonly namespace: string; readonly kustomization: string }[];
  /** The CustomResourceDefinitions known (custom resources are checked against them); none when absent. */
  readonly crds?: CrdRegistry;
}
