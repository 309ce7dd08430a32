// A refactor between workload kinds: a code action of kind refactor.rewrite whose edits are
// relative to the document's text (like a rule's fix).
import type { ManifestDocument, ManifestFile } from '../manifest/types';
import type { DocEdit } from '../rules/types';
import type { WorkspaceView } from '../workspace/types';

export const REFACTOR_REWRITE = 'refactor.rewrite';

export interface RefactorAction {
  /** Stable id, e.g. "deployment-to-statefulset". */
  readonly id: string;
  readonly title: string;
  readonly kind: typeof REFACTOR_REWRITE;
  /** The kind the document becomes. */
  readonly target: string;
  readonly edits: readonly DocEdit[];
}

export interface RefactorContext {
  readonly file: ManifestFile;
  readonly doc: ManifestDocument;
  /** Other objects (Services) the refactor should reuse instead of duplicating; the file's own documents are always seen. */
  readonly workspace?: WorkspaceView;
}

export interface Refactor {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly title: string;
  /** The edits, or undefined when the document cannot be converted safely (unusual layout). */
  edits(ctx: RefactorContext): DocEdit[] | undefined;
  /**
   * What the edits read outside the document, as a string (results are cached per document text
   * and fingerprint). Omitted when the edits depend on the document alone.
   */
  fingerprint?(ctx: RefactorContext): string;
}
