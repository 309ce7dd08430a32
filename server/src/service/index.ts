// The Kubernetes Workloads language service: plain functions from a text document to LSP types,
// the way vscode-json-languageservice works. No editor, no transport: the server, the CLI and
// the unit tests all call this.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { getCodeActions, type CodeActionRequest } from './codeActions';
import { doComplete, type CompletionOptions } from './completion/index';
import { getCodeLenses } from './codeLens';
import { debugCommandsAt, type DebugCommandList } from './debug/index';
import { doHover, type HoverOptions } from './hover';
import { getInlayHints } from './inlayHints';
import { ManifestParser } from './manifest/parse';
import { findDefinition, findReferences } from './navigation';
import type { ManifestFile } from './manifest/types';
import { findDocumentSymbols } from './symbols';
import { createApiProvider, DEFAULT_KUBERNETES_VERSION, type ApiProvider, type KubernetesVersion } from './api/index';
import type { KubernetesApi } from './api/kubernetesApi';
import {
  createRuleRunner,
  drain,
  skippedDocumentDiagnostics,
  skippedFileDiagnostic,
  toDiagnostics,
  type DiagnosticMemo,
  type RuleResult,
  type ValidationSettings,
} from './validation';
import { WorkspaceIndex } from './workspace/index';
import {
  completeProjectConfig,
  configCodeActions,
  configDiagnostics,
  hoverProjectConfig,
  isProjectConfigUri,
  parseProjectConfig,
} from './config/index';

export interface LanguageSettings extends ValidationSettings {
  /** `k8sWorkloads.customResourceDefinitions`: files, folders or globs of CRDs to read besides the workspace's (the server reads them). */
  readonly customResourceDefinitions?: readonly string[];
  /** `k8sWorkloads.kubernetesVersion`: the release to check against (a new language service is built for it). */
  readonly kubernetesVersion?: string;
  /** `k8sWorkloads.inlayHints.cronSchedule` */
  readonly inlayHints?: { readonly cronSchedule?: boolean };
}

export interface LanguageServiceOptions {
  /** The Kubernetes release to check against ('1.30' … '1.35'; default '1.35'). */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * Where the Kubernetes API data comes from; one provider can serve several language services
   * (the releases share the data). A new one reading the bundled files when omitted.
   */
  readonly apis?: ApiProvider;
  /** The index of objects across files; a fresh one (this file only) when omitted. */
  readonly workspace?: WorkspaceIndex;
  /** Link for a rule's documentation (diagnostic codeDescription.href). */
  readonly docsUri?: (ruleId: string) => string;
  /** Files larger than this are not analysed. */
  readonly maxFileSize?: number;
  /**
   * Read documents in the common simple subset of YAML without building their syntax trees until
   * needed (default true; see manifest/parse.ts). False builds every tree at once.
   */
  readonly fastPath?: boolean;
}

export interface LanguageService {
  readonly workspace: WorkspaceIndex;
  /** The Kubernetes API of the release this service checks against. */
  readonly api: KubernetesApi;
  /** The parsed file (cached per URI and version; unchanged documents are reused across versions). */
  parse(document: TextDocument): ManifestFile;
  doValidation(document: TextDocument, settings?: LanguageSettings): Diagnostic[];
  /**
   * doValidation in steps: the generator yields between the parse and after each rule's check of
   * a document, and returns the diagnostics (the server runs it in slices between requests).
   */
  validationSteps(document: TextDocument, settings?: LanguageSettings): Generator<void, Diagnostic[], void>;
  /** The rule results behind the diagnostics (offsets relative to each document). */
  ruleResults(document: TextDocument): RuleResult[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  getCodeActions(document: TextDocument, request: CodeActionRequest, settings?: LanguageSettings): CodeAction[];
  /** Drops what is cached for a closed document (an untitled one also leaves the workspace index). */
  forget(uri: string): void;
  /** Keys, values and skeletons at the cursor (works on incomplete YAML). */
  doComplete(document: TextDocument, position: Position, options?: CompletionOptions): CompletionList;
  /** The API's field (and the guide's advice) under the cursor, or what a kind is. */
  doHover(document: TextDocument, position: Position, options?: HoverOptions): Hover | null;
  /** A CronJob schedule in words after its value (off with `k8sWorkloads.inlayHints.cronSchedule: false`). */
  getInlayHints(document: TextDocument, range: Range, settings?: LanguageSettings): InlayHint[];
  /** Above each StatefulSet: its pod names and whether its headless Service exists; above each workload: "Debug…". */
  getCodeLenses(document: TextDocument): CodeLens[];
  /** The guide's kubectl commands for the workload at the position, filled in from it (null elsewhere). */
  getDebugCommands(document: TextDocument, position: Position, options?: { now?: Date }): DebugCommandList | null;
  /** serviceName -> Service, volumeMounts[].name -> volume / claim template, selector -> pod templates, secret refs -> Secret. */
  findDefinition(document: TextDocument, position: Position): Location[];
  /** Of a Service: StatefulSets naming it and pod templates it selects; of pod template labels: the Services selecting them. */
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
}

export const DEFAULT_DOCS_URI = (ruleId: string) => `https://k8s-workloads.invalid/docs/rules.md#${ruleId}`;

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const parser = new ManifestParser(options.maxFileSize, options.fastPath ?? true);
  const workspace = options.workspace ?? new WorkspaceIndex();
  const docsUri = options.docsUri ?? DEFAULT_DOCS_URI;
  const api = (options.apis ?? createApiProvider()).get(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
  const rules = createRuleRunner(api);
  const diagnosticMemo: DiagnosticMemo = new WeakMap();
  const lastParse = new Map<string, { version: number; text: string; file: ManifestFile }>();

  function parse(document: TextDocument): ManifestFile {
    const text = document.getText();
    const last = lastParse.get(document.uri);
    if (last && last.version === document.version && last.text === text) return last.file;
    const file = parser.parse(document.uri, text);
    lastParse.set(document.uri, { version: document.version, text, file });
    // Keep the index current for this file, so its own objects are seen by cross-document rules.
    workspace.setFile(file, document);
    return file;
  }

  function* validationSteps(document: TextDocument, settings: LanguageSettings | undefined): Generator<void, Diagnostic[], void> {
    if (isConfig(document)) return configDiagnostics(document, parseProjectConfig(document.getText()).problems);
    const file = parse(document);
    if (file.skippedReason) return skippedFileDiagnostic(file);
    yield;
    const results = yield* rules.steps(file, workspace);
    return [...skippedDocumentDiagnostics(file, document), ...toDiagnostics(results, document, settings, docsUri, diagnosticMemo)];
  }

  function ruleResults(document: TextDocument): RuleResult[] {
    return rules.run(parse(document), workspace);
  }

  // The project file `.k8s-workloads.yaml` is not a manifest: its own diagnostics, completion,
  // hover and quick fixes (config/), and none of the manifest features.
  const isConfig = (document: TextDocument) => isProjectConfigUri(document.uri);

  return {
    workspace,
    api,
    parse,
    forget(uri) {
      lastParse.delete(uri);
      parser.forget(uri);
      if (uri.startsWith('untitled:')) workspace.delete(uri);
    },
    doComplete(document, position, completionOptions) {
      if (isConfig(document)) return completeProjectConfig(document, position, { ...completionOptions, docsUri });
      return doComplete(parse(document), document, position, workspace, api, completionOptions);
    },
    doHover(document, position, hoverOptions) {
      if (isConfig(document)) return hoverProjectConfig(document, position, { docsUri });
      return doHover(parse(document), document, position, api, { workspace, ...hoverOptions });
    },
    getDebugCommands(document, position, debugOptions) {
      if (isConfig(document)) return null;
      return debugCommandsAt(parse(document), document, position, workspace, { kubernetesVersion: api.version, ...debugOptions });
    },
    getInlayHints(document, range, settings) {
      if (isConfig(document)) return [];
      return getInlayHints(parse(document), document, range, settings);
    },
    getCodeLenses(document) {
      if (isConfig(document)) return [];
      return getCodeLenses(parse(document), document, workspace);
    },
    ruleResults(document) {
      return isConfig(document) ? [] : ruleResults(document);
    },
    doValidation(document, settings) {
      return drain(validationSteps(document, settings));
    },
    validationSteps,
    findDocumentSymbols(document) {
      if (isConfig(document)) return [];
      return findDocumentSymbols(parse(document), document);
    },
    findDefinition(document, position) {
      if (isConfig(document)) return [];
      return findDefinition(parse(document), document, position, workspace);
    },
    findReferences(document, position, includeDeclaration) {
      if (isConfig(document)) return [];
      return findReferences(parse(document), document, position, workspace, includeDeclaration);
    },
    getCodeActions(document, request, settings) {
      if (isConfig(document))
        return request.only && !request.only.some((k) => k === 'quickfix' || k.startsWith('quickfix.'))
          ? []
          : configCodeActions(document, request.diagnostics);
      const results = ruleResults(document).filter((r) => settings?.rules?.[r.rule.meta.id] !== 'off');
      const toRange = (r: RuleResult): Range => ({
        start: document.positionAt(r.doc.offset + r.report.start),
        end: document.positionAt(r.doc.offset + r.report.end),
      });
      return getCodeActions(document, results, request, toRange, { file: parse(document), workspace });
    },
  };
}

export type { ManifestFile } from './manifest/types';
export type { CompletionOptions } from './completion/index';
export type { HoverOptions } from './hover';
export type { DebugCommandItem, DebugCommandList } from './debug/index';
export type { RuleResult, ValidationSettings } from './validation';
export { WorkspaceIndex } from './workspace/index';
export { KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION, isKubernetesVersion, createApiProvider } from './api/index';
export type { KubernetesVersion, ApiProvider } from './api/index';
