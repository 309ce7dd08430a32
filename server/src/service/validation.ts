// doValidation: runs the rules over every document of a file and turns their reports into LSP
// diagnostics. Reports of rules that look at one document only are cached with the parsed
// document, so an edit re-checks only the document that changed. The caches belong to a
// RuleRunner, which belongs to one language service and its Kubernetes release.
import type { CrdRegistry } from './crd/registry';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isNode, isPair, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { KubernetesApi } from './api/kubernetesApi';
import { listItems, type ParsedText } from './manifest/parse';
import type { ManifestDocument, ManifestFile } from './manifest/types';
import { RULES } from './rules/registry';
import type { AnyRule, CrossDocumentRule, Report, Rule, Severity, SeveritySetting } from './rules/types';
import type { PatchKind } from './workspace/kustomize';
import type { WorkspaceView } from './workspace/types';

export const SOURCE = 'k8s-workloads';

export interface ValidationSettings {
  /** Per-rule severity or 'off' (`k8sWorkloads.rules`). */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
}

/** A report together with the rule and document it belongs to. */
export interface RuleResult {
  readonly rule: AnyRule;
  readonly doc: ManifestDocument;
  readonly report: Report;
  readonly message: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Characters that print as nothing or reorder the text around them: zero-width spaces and joiners,
 * bidirectional controls, the BOM, soft hyphen. In a message they would hide why a key with a zero
 * width space inside is not `replicas`, so they are shown as escapes (`rep\u200Blicas`).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) =>
    data && Object.prototype.hasOwnProperty.call(data, key) ? showInvisible(String(data[key])) : `{{${key}}}`,
  );
}

function applies(rule: AnyRule, doc: ManifestDocument, patch: PatchKind | undefined): boolean {
  const kinds = rule.meta.kinds;
  if (kinds === 'any-yaml') return true;
  // A JSON 6902 patch is a list of operations, never an object; a strategic-merge patch holds only what it changes.
  if (patch === 'json6902' || (patch === 'strategic-merge' && rule.meta.onPatch === 'skip')) return false;
  // A document with a syntax problem has no value (manifest/parse.ts), so no object either.
  if (!doc.object) return false;
  return kinds === 'all' || kinds.includes(doc.object.kind);
}

/** Strategic-merge directives (`$patch: delete`, `$retainKeys`, `$setElementOrder/containers`…): keys of a patch, not of the API. */
const PATCH_DIRECTIVE = /^\$(?:patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)/;

/** False for a report a strategic-merge patch must not get: a message concluding from an absence, or a patch directive taken for a typo. */
function keptOnPatch(r: RuleResult): boolean {
  const onPatch = r.rule.meta.onPatch;
  if (typeof onPatch === 'object' && onPatch.skipMessages.includes(r.report.messageId)) return false;
  return !(r.rule.meta.id === 'unknown-field' && PATCH_DIRECTIVE.test(String(r.report.data?.key ?? '')));
}

export interface RuleRunner {
  /** Runs every rule over the file; results hold document-relative offsets. */
  run(file: ManifestFile, workspace: WorkspaceView): RuleResult[];
  /**
   * The same run in steps: the generator yields after each rule's check of a document (a point
   * where the caller may pause to answer requests, see server/src/validationScheduler.ts) and
   * returns what `run` returns. What a finished document computed is cached as `run` caches it,
   * so a run that is dropped half-way (its file changed again) leaves its work to the next one.
   */
  steps(file: ManifestFile, workspace: WorkspaceView): Generator<void, RuleResult[], void>;
}

/** Runs a generator of steps to its end. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `rules` with the Kubernetes API of one release. Results of single-document rules are
 * cached by parsed document (stable across edits of other documents) — one cache for whole
 * manifests and one per kind of Kustomize patch, since the same text gets fewer rules as a patch;
 * results of cross-document rules with the index generation they were computed at.
 */
export function createRuleRunner(api: KubernetesApi, rules: readonly AnyRule[] = RULES): RuleRunner {
  const localCaches = new Map<PatchKind | 'whole', WeakMap<ParsedText, RuleResult[]>>();
  const crossCache = new WeakMap<
    ParsedText,
    { generation: number | undefined; uri: string; index: number; ordinal: number; patch: PatchKind | undefined; results: RuleResult[] }
  >();
  const suppression = createSuppression();
  let lastCrds: { crds: CrdRegistry | undefined; generation: number | undefined } = { crds: undefined, generation: undefined };

  function localCacheFor(patch: PatchKind | undefined): WeakMap<ParsedText, RuleResult[]> {
    const mode = patch ?? 'whole';
    let cache = localCaches.get(mode);
    if (!cache) localCaches.set(mode, (cache = new WeakMap()));
    return cache;
  }

  function runRule(rule: AnyRule, file: ManifestFile, doc: ManifestDocument, workspace: WorkspaceView, out: RuleResult[]): void {
    const value =
      doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value) ? (doc.value as Record<string, unknown>) : undefined;
    const report = (report: Report) => {
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${report.messageId}`);
      out.push({ rule, doc, report, message: formatMessage(template, report.data) });
    };
    try {
      // A single-document rule gets no way to reach beyond its document, so caching by its text is always right.
      if (rule.meta.crossDocument) (rule as CrossDocumentRule).check({ doc, object: doc.object, value, api, report, file, workspace });
      else (rule as Rule).check({ doc, object: doc.object, value, api, crds: workspace.crds, report });
    } catch (err) {
      // A rule bug must not take the other rules (or the server) down with it.
      out.push({
        rule,
        doc,
        report: { start: 0, end: 0, messageId: '__internal' },
        message: `Internal error in rule ${rule.meta.id}: ${(err as Error).message}`,
      });
    }
  }

  const runner: RuleRunner = {
    run(file, workspace) {
      return drain(runner.steps(file, workspace));
    },
    *steps(file, workspace) {
      if (file.isTemplate || file.skippedReason) return [];
      const results: RuleResult[] = [];
      // One lookup per validation (a map lookup; the kustomization files were read when indexed).
      const patch = workspace.patchKind?.(file.uri);
      // The schema rules check custom resources against the CRDs: when those change, every single-document result is stale.
      if (workspace.crds !== lastCrds.crds || workspace.crds?.generation !== lastCrds.generation) {
        localCaches.clear();
        lastCrds = { crds: workspace.crds, generation: workspace.crds?.generation };
      }
      const localCache = localCacheFor(patch);
      /** How many documents before this one are objects: where it is among the objects the index lists in order. */
      let objects = 0;
      for (const doc of file.documents) {
        const ordinal = doc.object ? objects++ : objects;
        let local = localCache.get(doc.parsed);
        if (!local) {
          local = [];
          // A `kind: List` is checked item by item, each as the object it is.
          for (const target of [doc, ...listItems(doc)])
            for (const rule of rules)
              if (!rule.meta.crossDocument && applies(rule, target, patch)) {
                runRule(rule, file, target, workspace, local);
                yield;
              }
          localCache.set(doc.parsed, local);
        }
        // The cached results were made for whichever ManifestDocument wrapper had this text; rebind
        // them to the current one (its offset may have moved).
        for (const r of local) results.push(r.doc === doc || r.doc.basePath ? r : { ...r, doc });
        // Cross-document results stay valid while the index says the same about every object.
        const generation = workspace.generation;
        let cross = generation !== undefined ? crossCache.get(doc.parsed) : undefined;
        // Identical documents of one file share a parse, and a rule may depend on the document's place in the file
        // (duplicate-name: on the objects before it, which the generation does not see move when a document that is not
        // an object is added or removed before them — hence its place among the objects too).
        if (
          !cross ||
          cross.generation !== generation ||
          cross.uri !== file.uri ||
          cross.index !== doc.index ||
          cross.ordinal !== ordinal ||
          cross.patch !== patch
        ) {
          const list: RuleResult[] = [];
          for (const rule of rules)
            if (rule.meta.crossDocument && applies(rule, doc, patch)) {
              runRule(rule, file, doc, workspace, list);
              yield;
            }
          cross = { generation, uri: file.uri, index: doc.index, ordinal, patch, results: list };
          if (generation !== undefined) crossCache.set(doc.parsed, cross);
        }
        for (const r of cross.results) results.push(r.doc === doc ? r : { ...r, doc });
      }
      return results.filter((r) => !suppression.isSuppressed(r) && (patch !== 'strategic-merge' || keptOnPatch(r)));
    },
  };
  return runner;
}

const DISABLE_NEXT_LINE = /#\s*k8s-workloads-disable-next-line\b([^\n]*)/;
const DISABLE_DOCUMENT = /^\s*#\s*k8s-workloads-disable(?!-)\b([^\n]*)/;

function listedIds(rest: string): string[] {
  return rest.split(/[,\s]+/).filter(Boolean);
}

/** Suppression comments, with the document-wide ones read once per parsed document. */
function createSuppression() {
  /** Rule ids disabled for a whole document by `# k8s-workloads-disable …` lines before its content ('*' = all). */
  const documentDisables = new WeakMap<ParsedText, Set<string>>();

  function disabledForDocument(doc: ManifestDocument): Set<string> {
    let ids = documentDisables.get(doc.parsed);
    if (ids) return ids;
    ids = new Set();
    for (const line of doc.text.split('\n', 50)) {
      // blank lines and the document's marker line, with or without a comment after it
      if (/^\s*$/.test(line) || /^---\s*(?:#.*)?$/.test(line)) continue;
      const m = DISABLE_DOCUMENT.exec(line);
      if (m) {
        const listed = listedIds(m[1]);
        if (listed.length === 0) ids.add('*');
        for (const id of listed) ids.add(id);
      } else if (!/^\s*#/.test(line)) break;
    }
    documentDisables.set(doc.parsed, ids);
    return ids;
  }

  /** Whether a document has any disable-next-line comment: asked per finding, so looked up once per parsed document. */
  const nextLineComments = new WeakMap<ParsedText, boolean>();
  function hasNextLineComments(doc: ManifestDocument): boolean {
    let has = nextLineComments.get(doc.parsed);
    if (has === undefined) nextLineComments.set(doc.parsed, (has = doc.text.includes('k8s-workloads-disable-next-line')));
    return has;
  }

  return {
    /**
     * Suppression comments. `# k8s-workloads-disable id[, id]` before a document's content silences
     * those rules (all rules without ids) in the document. `# k8s-workloads-disable-next-line id[, id]`
     * silences them:
     * - on the line below it: a finding that starts there;
     * - above the first line of a container or any other list item that is a mapping (`- name: web`),
     *   or of an object (its first line): every finding inside that item or object;
     * - for a finding about a whole item (reported on its first line, like missing-resources on the
     *   container's `- name:`), also above any of the item's own keys (`image:`…).
     * `yaml-syntax` cannot be silenced.
     */
    isSuppressed(result: RuleResult): boolean {
      const { doc, report, rule } = result;
      if (rule.meta.id === 'yaml-syntax') return false;
      const disabled = disabledForDocument(doc);
      if (disabled.has('*') || disabled.has(rule.meta.id)) return true;
      if (!hasNextLineComments(doc)) return false;
      const id = rule.meta.id;
      if (disabledAbove(doc.text, report.start, id)) return true;
      for (const item of itemsAround(doc, report.start)) {
        if (disabledAbove(doc.text, item.range![0], id)) return true;
        if (lineStartOf(doc.text, report.start) === lineStartOf(doc.text, item.range![0]))
          for (const pair of item.items) if (isNode(pair.key) && disabledAbove(doc.text, pair.key.range![0], id)) return true;
      }
      return false;
    },
  };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether the line above the one holding `offset` is a disable-next-line comment for `id`. */
function disabledAbove(text: string, offset: number, id: string): boolean {
  const lineStart = lineStartOf(text, offset);
  if (lineStart === 0) return false;
  const prevStart = lineStartOf(text, lineStart - 1);
  const m = DISABLE_NEXT_LINE.exec(text.slice(prevStart, lineStart - 1));
  if (!m) return false;
  const ids = listedIds(m[1]);
  return ids.length === 0 || ids.includes(id);
}

/** The mappings that hold `offset` and are list items or the document's root, outermost first. */
function itemsAround(doc: ManifestDocument, offset: number): YAMLMap[] {
  const found: YAMLMap[] = [];
  const inside = (n: YamlNode) => !!n.range && n.range[0] <= offset && offset < n.range[2];
  let node: unknown = doc.yaml.contents;
  let isItem = true; // the root counts as the object's own mapping
  for (let depth = 0; depth < 200 && isNode(node) && inside(node); depth++) {
    if (isMap(node)) {
      if (isItem) found.push(node);
      const pair = node.items.find((p) => isPair(p) && ((isNode(p.key) && inside(p.key)) || (isNode(p.value) && inside(p.value))));
      if (!pair) break;
      node = isNode(pair.value) && inside(pair.value) ? pair.value : undefined;
      isItem = false;
    } else if (isSeq(node)) {
      node = node.items.find((i) => isNode(i) && inside(i));
      isItem = true;
    } else break;
  }
  return found;
}

/** The severity of a rule's reports: the user's setting for the rule, else the report's own (Report.severity), else the rule's. */
export function severityOf(rule: AnyRule, settings: ValidationSettings | undefined, report?: Report): SeveritySetting {
  return settings?.rules?.[rule.meta.id] ?? report?.severity ?? rule.meta.severity;
}

/**
 * The last diagnostic made of each report, with what it was made from: toDiagnostics gives a report
 * the same diagnostic again while its document starts on the same line. One per language service.
 */
export type DiagnosticMemo = WeakMap<
  Report,
  { line: number; index: number; severity: SeveritySetting; docsUri: (ruleId: string) => string; message: string; diagnostic: Diagnostic }
>;

/** Turns rule results into LSP diagnostics, applying the user's severities. */
export function toDiagnostics(
  results: readonly RuleResult[],
  document: Pick<TextDocument, 'positionAt'>,
  settings: ValidationSettings | undefined,
  docsUri: (ruleId: string) => string,
  memo?: DiagnosticMemo,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Results come document by document: the line each document starts on, looked up once per document.
  let doc: ManifestDocument | undefined;
  let line = 0;
  for (const r of results) {
    const severity = r.report.messageId === '__internal' ? 'warning' : severityOf(r.rule, settings, r.report);
    if (severity === 'off') continue;
    if (r.doc !== doc) {
      doc = r.doc;
      line = document.positionAt(doc.offset).line;
    }
    // A report keeps its diagnostic while its document starts on the same line (its text is the same:
    // reports belong to a parsed document text) — most of a file's reports, on every keystroke.
    const last = memo?.get(r.report);
    if (
      last &&
      last.line === line &&
      last.index === r.doc.index &&
      last.severity === severity &&
      last.docsUri === docsUri &&
      last.message === r.message
    ) {
      diagnostics.push(last.diagnostic);
      continue;
    }
    const d: Diagnostic = {
      range: { start: document.positionAt(r.doc.offset + r.report.start), end: document.positionAt(r.doc.offset + r.report.end) },
      severity: SEVERITY[severity],
      source: SOURCE,
      code: r.rule.meta.id,
      codeDescription: { href: docsUri(r.rule.meta.id) },
      message: r.message,
      data: { doc: r.doc.index },
    };
    if (r.report.tags?.length)
      d.tags = r.report.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
    memo?.set(r.report, { line, index: r.doc.index, severity, docsUri, message: r.message, diagnostic: d });
    diagnostics.push(d);
  }
  return diagnostics;
}

/** The one diagnostic a file too large to check gets, so the user knows why nothing else shows. */
export function skippedFileDiagnostic(file: ManifestFile): Diagnostic[] {
  if (!file.skippedReason) return [];
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'file-too-large',
      message: file.skippedReason,
    },
  ];
}

/**
 * One diagnostic per document that is not analysed (nested too deep to read), on its first line:
 * the user learns why nothing in it is checked, and it is not taken for a syntax error.
 */
export function skippedDocumentDiagnostics(file: ManifestFile, document: Pick<TextDocument, 'positionAt'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of file.documents) {
    if (!doc.skippedReason) continue;
    // Its first line after a `---` marker line, up to 200 characters.
    const marker = /^---[ \t]*\r?\n/.exec(doc.text);
    const start = marker ? marker[0].length : 0;
    const nl = doc.text.indexOf('\n', start);
    const end = Math.min(nl < 0 ? doc.text.length : nl, start + 200);
    out.push({
      range: { start: document.positionAt(doc.offset + start), end: document.positionAt(doc.offset + end) },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'nesting-too-deep',
      message: doc.skippedReason,
    });
  }
  return out;
}
