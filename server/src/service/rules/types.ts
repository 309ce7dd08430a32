// What a rule is: metadata beside a check that reports problems with their fixes
// (the shape of ESLint's lib/rules/*.js and kube-linter's registered checks).
import type { KubernetesApi } from '../api/kubernetesApi';
import type { CrdRegistry } from '../crd/registry';
import type { DocEdit, ManifestDocument, ManifestFile, K8sObjectHeader } from '../manifest/types';
import type { WorkspaceView } from '../workspace/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RuleMeta {
  /** Stable id: the diagnostic `code`, the key in `k8sWorkloads.rules`, the suppression-comment name. */
  readonly id: string;
  /** Human name, like kube-linter's check names ("Selector does not match template labels"). */
  readonly name: string;
  readonly severity: Severity;
  /**
   * Which documents the rule looks at: kinds of Kubernetes object, `'all'` Kubernetes objects,
   * or `'any-yaml'` for every document (only yaml-syntax).
   */
  readonly kinds: readonly string[] | 'all' | 'any-yaml';
  /** One line: what the rule catches. */
  readonly description: string;
  /** Why it matters, in the guide's reasoning (docs/rules.md). */
  readonly rationale: string;
  /** The section of the Workload Types Decision Guide (or "Kubernetes API") the rule comes from. */
  readonly guideSection: string;
  /**
   * For rules that follow the API server's validation code: the Kubernetes function(s) the check
   * reproduces and where they live (`validateEnvVarValueFrom`, pkg/apis/core/validation/validation.go),
   * so a reader can compare the rule with what the API server really does (docs/rules.md).
   */
  readonly source?: string;
  /** True when some reports carry a fix. */
  readonly fixable: boolean;
  /**
   * True when the rule reads other documents (of the file or the workspace index): only such a
   * rule's context has `file` and `workspace`, and its results are recomputed whenever the index
   * changes instead of being cached with the document's text. The types enforce it: a `Rule` has
   * `crossDocument` absent or false, a `CrossDocumentRule` has it true.
   */
  readonly crossDocument?: boolean;
  /**
   * What the rule does on a Kustomize strategic-merge patch (a file a kustomization file names
   * under patches / patchesStrategicMerge), which holds only the fields it changes:
   * - `'check'`: runs as usual — it judges only what is written (a typo in a patch is a typo);
   * - `'skip'`: does not run — it concludes from a field or another object being absent, or from
   *   the whole object, and the base the patch is merged into has the rest;
   * - `{ skipMessages, skipped }`: runs, but drops the listed messages (the ones that conclude from an
   *   absence); `skipped` says in words which findings those are (docs/rules.md).
   * JSON 6902 patches (lists of operations) are not objects: only yaml-syntax judges them.
   * Every registered rule states it (test/unit/workspace/kustomize.test.ts); absent means 'check'.
   */
  readonly onPatch?: 'check' | 'skip' | { readonly skipMessages: readonly string[]; readonly skipped: string };
  /**
   * Message templates by id, with `{{placeholder}}`s filled from a report's `data`
   * (ESLint's meta.messages). Tests assert on the id; users read the filled text.
   */
  readonly messages: Readonly<Record<string, string>>;
  /** A minimal example for the docs: a manifest that triggers the rule and, if fixable, the text after the fix. */
  readonly example?: { readonly invalid: string; readonly fixed?: string };
}

/** A text edit in offsets relative to the document's text (manifest/types.ts). */
export type { DocEdit } from '../manifest/types';

export interface Fix {
  readonly title: string;
  readonly edits: readonly DocEdit[];
  /** Preferred when it is the one obvious fix (the light bulb's default, Ctrl+. Enter). */
  readonly isPreferred?: boolean;
  /** Safe fixes are applied by `source.fixAll.k8sWorkloads`; a fix that guesses a value is not safe. */
  readonly safe?: boolean;
  /** When set, the same edit with snippet tab stops, for clients that support snippet edits. */
  readonly snippet?: readonly DocEdit[];
}

export interface Report {
  /** Range to flag, relative to the document's text. */
  readonly start: number;
  readonly end: number;
  /** A key of the rule's meta.messages. */
  readonly messageId: string;
  /** Values for the message template's placeholders. */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fixes?: readonly Fix[];
  /** Marks deprecated / unnecessary code (VS Code renders strike-through / faded). */
  readonly tags?: readonly ('deprecated' | 'unnecessary')[];
  /**
   * This report's severity when it is milder than the rule's (a deprecated but served version is a
   * warning where one that is not served is an error). A severity the user sets for the rule
   * (`k8sWorkloads.rules`) applies to all its reports.
   */
  readonly severity?: Severity;
}

/** What a single-document rule sees: its document and the Kubernetes API, nothing beyond. */
export interface RuleContext {
  readonly doc: ManifestDocument;
  /** The object header; undefined only for `'any-yaml'` rules on non-Kubernetes documents. */
  readonly object: K8sObjectHeader | undefined;
  /** The document as plain JS (undefined when it could not be read). */
  readonly value: Record<string, unknown> | undefined;
  /** The Kubernetes API of the selected release. */
  readonly api: KubernetesApi;
  /**
   * The CustomResourceDefinitions known (the workspace's and the setting's): the API server's view
   * of custom resources. Results of single-document rules are recomputed whenever they change.
   */
  readonly crds?: CrdRegistry;
  report(report: Report): void;
}

/** What a cross-document rule sees besides: the whole file and the workspace index. */
export interface CrossDocumentRuleContext extends RuleContext {
  readonly file: ManifestFile;
  readonly workspace: WorkspaceView;
}

/** A rule that judges one document by itself (its results are cached with the document's text). */
export interface Rule {
  readonly meta: RuleMeta & { readonly crossDocument?: false };
  check(context: RuleContext): void;
}

/** A rule that reads other documents of the file or the workspace. */
export interface CrossDocumentRule {
  readonly meta: RuleMeta & { readonly crossDocument: true };
  check(context: CrossDocumentRuleContext): void;
}

export type AnyRule = Rule | CrossDocumentRule;
