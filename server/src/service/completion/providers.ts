// What completion providers receive and return (keys.ts and values.ts ask them; the workspace's
// name completions are providers too). Types only, so a provider elsewhere depends on nothing here.
import type { CompletionItemKind } from 'vscode-languageserver-types';
import type { FieldInfo, KubernetesApi } from '../api/kubernetesApi';
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import type { WorkspaceView } from '../workspace/types';
import type { Path } from './context';

export interface KeyCompletionRequest {
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  readonly kind?: string;
  readonly apiVersion?: string;
  /** Path of the mapping the key goes into. */
  readonly path: Path;
  /** The API's field of that mapping (e.g. a `map of string` for labels), when known. */
  readonly field?: FieldInfo;
  readonly existingKeys: readonly string[];
  readonly prefix: string;
  object(): Record<string, unknown> | undefined;
  readonly workspace: WorkspaceView;
  /** The Kubernetes API of the selected release. */
  readonly api: KubernetesApi;
}

export interface KeySuggestion {
  readonly label: string;
  /** The YAML to insert for the entry (`app: web`). */
  readonly insertText: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText?: string;
}

export type KeyCompletionProvider = (request: KeyCompletionRequest) => readonly KeySuggestion[];

/** An edit relative to the document text (ManifestDocument.text). */
export interface DocTextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface ValueCompletionRequest {
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  /** The document's kind and apiVersion, read from its text when it does not parse. */
  readonly kind?: string;
  readonly apiVersion?: string;
  /** Path of the value being typed: ends with its key (`['spec', 'serviceName']`) or a list index. */
  readonly path: Path;
  /** The API's field at `path`, when the kind is known and the path exists. */
  readonly field?: FieldInfo;
  /** What is typed so far (the client filters; providers may use it to narrow long lists). */
  readonly prefix: string;
  /** The document as plain JS, best effort while it does not parse (computed on first call). */
  object(): Record<string, unknown> | undefined;
  readonly workspace: WorkspaceView;
  /** The Kubernetes API of the selected release. */
  readonly api: KubernetesApi;
}

export interface ValueSuggestion {
  /** What the list shows. */
  readonly label: string;
  /** The value; inserted as a YAML scalar (quoted when needed) unless `insertText` is given. */
  readonly value: string | number | boolean;
  /** YAML text to insert instead of the formatted value (already quoted as needed). */
  readonly insertText?: string;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly kind?: CompletionItemKind;
  /** Orders the items of one provider (the provider order comes first); defaults to the list order. */
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** More edits in the same document (relative to doc.text), e.g. the apiVersion that goes with a kind. */
  readonly additionalEdits?: readonly DocTextEdit[];
}

export type ValueCompletionProvider = (request: ValueCompletionRequest) => readonly ValueSuggestion[];
