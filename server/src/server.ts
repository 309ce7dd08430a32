// LSP wiring only: connection, documents, settings, capabilities. Every answer comes from the
// language service in ./service; nothing here knows YAML or Kubernetes.
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './service/codeActions';
import { DEBUG_COMMANDS_REQUEST } from './service/debug/protocol';
import { COMPLETION_TRIGGER_CHARACTERS } from './service/completion/index';
import {
  createApiProvider,
  DEFAULT_KUBERNETES_VERSION,
  getLanguageService,
  isKubernetesVersion,
  KUBERNETES_VERSIONS,
  WorkspaceIndex,
  type KubernetesVersion,
  type LanguageService,
  type LanguageSettings,
} from './service/index';
import { validateRuleSettings } from './service/ruleSettings';
import { RULES } from './service/rules/registry';
import { ruleDocLinksFor } from './ruleDocLinks';
import { createWorkspaceIndexing } from './workspaceIndexer';

/** Diagnostics wait this long after the last keystroke; on open they are immediate. */
const CHANGE_DEBOUNCE_MS = 120;
/** At most this many diagnostics per file: past that the user learns nothing more from more squiggles. */
const MAX_DIAGNOSTICS = 300;

const connection = createConnection(ProposedFeatures.all);
// A failed promise somewhere (a client refusing a request, a file vanishing mid-read) is logged;
// it must not end the server and leave the user without diagnostics.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
const documents = new TextDocuments(TextDocument);
// dist/server.js -> <extension>/docs/rules.md, which ships in the .vsix.
const docsUri = ruleDocLinksFor(path.join(__dirname, '..', 'docs', 'rules.md'));
/** The Kubernetes API data, read once and shared by the language services of every release. */
const apis = createApiProvider();
/** The index of the workspace's objects outlives the language service of one release. */
const workspace = new WorkspaceIndex();
/** The language service of the selected Kubernetes release (`k8sWorkloads.kubernetesVersion`); rebuilt when it changes. */
let service: LanguageService = serviceFor(DEFAULT_KUBERNETES_VERSION);

function serviceFor(kubernetesVersion: KubernetesVersion): LanguageService {
  return getLanguageService({ docsUri, apis, workspace, kubernetesVersion });
}

let settings: LanguageSettings = {};
let hasConfigurationCapability = false;
/**
 * False until the first workspace/configuration answer (or failure) when the client serves
 * settings that way: files opened before then are validated once the settings are in, so a rule
 * the user turned off is never published and withdrawn.
 */
let settingsLoaded = true;
/** The client inserts snippets (tab stops, choices) from completion items. */
let snippetSupport = false;
/** The client applies snippet text edits in workspace edits (quick-fixes with tab stops). */
let snippetEdits = false;
/** VS Code and its forks can be asked to reopen the suggestions (after a key, for its values). */
let triggerSuggestCommand: string | undefined;
let inlayHintRefreshSupport = false;
let codeLensRefreshSupport = false;
const timers = new Map<string, NodeJS.Timeout>();
const shownSettingProblems = new Set<string>();
/** Every YAML file of the workspace folders in the service's index (set up once initialized). */
let indexing: ReturnType<typeof createWorkspaceIndexing> | undefined;

/** Keeps the valid part of the settings; problems (unknown rule ids, bad severities) are shown once, never thrown. */
function useSettings(raw: LanguageSettings | null | undefined): LanguageSettings {
  const value = raw && typeof raw === 'object' ? raw : {};
  const { rules, problems: ruleProblems } = validateRuleSettings(value.rules, RULES);
  const problems = [...ruleProblems];
  let kubernetesVersion: KubernetesVersion = DEFAULT_KUBERNETES_VERSION;
  if (isKubernetesVersion(value.kubernetesVersion)) kubernetesVersion = value.kubernetesVersion;
  else if (value.kubernetesVersion !== undefined)
    problems.push(
      `k8sWorkloads.kubernetesVersion ${JSON.stringify(value.kubernetesVersion)} is not a release this extension knows (${KUBERNETES_VERSIONS.join(', ')}); checking against ${DEFAULT_KUBERNETES_VERSION}.`,
    );
  if (service.api.version !== kubernetesVersion) service = serviceFor(kubernetesVersion);
  const crdPaths = value.customResourceDefinitions;
  if (crdPaths !== undefined && !(Array.isArray(crdPaths) && crdPaths.every((p) => typeof p === 'string')))
    problems.push('k8sWorkloads.customResourceDefinitions must be a list of files, folders or globs.');
  indexing?.setCustomResourceDefinitionPaths(Array.isArray(crdPaths) ? crdPaths.filter((p) => typeof p === 'string') : []);
  const fresh = problems.filter((p) => !shownSettingProblems.has(p));
  for (const p of fresh) shownSettingProblems.add(p);
  // window/showMessage (a notification): nothing to answer, so no client can make this fail.
  if (fresh.length)
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `Kubernetes Workloads settings: ${fresh.join(' ')}`,
    });
  return { ...value, rules, kubernetesVersion };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
  settingsLoaded = !hasConfigurationCapability;
  snippetSupport = !!params.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
  snippetEdits = !!params.capabilities.workspace?.workspaceEdit?.snippetEditSupport;
  triggerSuggestCommand = /code|codium|cursor/i.test(params.clientInfo?.name ?? '') ? 'editor.action.triggerSuggest' : undefined;
  inlayHintRefreshSupport = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  codeLensRefreshSupport = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  const init = params.initializationOptions as { settings?: LanguageSettings } | undefined;
  if (init?.settings) settings = useSettings(init.settings);
  indexing = createWorkspaceIndexing({ connection, documents, workspace: service.workspace, params, revalidate: () => revalidateAll() });
  if (init?.settings) indexing.setCustomResourceDefinitionPaths(settings.customResourceDefinitions ?? []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Kubernetes objects' },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      // Folder changes come as notifications the server declares here (no dynamic registration to fail).
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorRewrite],
      },
    },
    serverInfo: { name: 'k8s-workloads', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  void indexing?.start();
  if (hasConfigurationCapability) {
    // A client may refuse the registration: without it, settings changes arrive unannounced (or not at all).
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'k8sWorkloads' })
      .catch((err: Error) => connection.console.warn(`Could not register for settings changes: ${err.message}`));
    void pullSettings().then(() => {
      settingsLoaded = true;
      revalidateAll();
    });
  }
});

async function pullSettings(): Promise<void> {
  if (!hasConfigurationCapability) return;
  try {
    const [config] = (await connection.workspace.getConfiguration([{ section: 'k8sWorkloads' }])) as [LanguageSettings | null];
    settings = useSettings(config);
  } catch (err) {
    connection.console.warn(`Could not read the k8sWorkloads settings: ${(err as Error).message}`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (hasConfigurationCapability) await pullSettings();
  else settings = useSettings((change.settings as { k8sWorkloads?: LanguageSettings } | undefined)?.k8sWorkloads);
  revalidateAll();
  // k8sWorkloads.inlayHints.cronSchedule may have changed
  if (inlayHintRefreshSupport) connection.languages.inlayHint.refresh().catch(() => undefined);
});

/**
 * At most MAX_DIAGNOSTICS per file, the most severe first — an error just typed must show even in a
 * file with hundreds of warnings — in document order, and one more that counts the rest.
 */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  // Array#sort is stable: within a severity, the first ones in the file.
  const kept = new Set([...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS));
  const shown = diagnostics.filter((d) => kept.has(d));
  shown.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    source: 'k8s-workloads',
    code: 'too-many-problems',
    message: `${diagnostics.length - MAX_DIAGNOSTICS} more problems in this file are not shown. Fix the ones above first.`,
  });
  return shown;
}

/** Open documents whose diagnostics wait until the index knows whether they are Kustomize patches. */
const awaitingPatchStatus = new Set<string>();

function validate(document: TextDocument): void {
  // Never publish what may have to be taken back: until the index has read the kustomization
  // files that may name this file as a patch, its whole-manifest errors (missing required
  // fields…) could be false. Validate once that is known.
  const pending = indexing?.patchStatusPending(document.uri);
  if (pending) {
    const uri = document.uri;
    if (!awaitingPatchStatus.has(uri)) {
      awaitingPatchStatus.add(uri);
      void pending.then(() => {
        awaitingPatchStatus.delete(uri);
        const current = documents.get(uri);
        if (current) validate(current);
      });
    }
    return;
  }
  // a change's debounced validation still to come would check this same version again
  if (documents.get(document.uri)?.version === document.version) {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
  }
  let diagnostics: Diagnostic[];
  try {
    diagnostics = capped(service.doValidation(document, settings));
  } catch (err) {
    // Never let one file take the server down; say what happened once, in the log.
    connection.console.error(`Validation of ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    diagnostics = [];
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  // Other open documents may depend on this one's objects (a Service and its StatefulSet).
  indexing?.documentIndexed(document.uri);
}

function revalidateAll(): void {
  for (const document of documents.all()) validate(document);
  // StatefulSet code lenses show whether the headless Service exists, which may have just changed
  if (codeLensRefreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

// Before the first settings pull has answered, the pull's revalidateAll validates the file.
documents.onDidOpen((e) => {
  if (settingsLoaded) validate(e.document);
});

documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      const current = documents.get(uri);
      if (current && settingsLoaded) validate(current);
    }, CHANGE_DEBOUNCE_MS),
  );
});

documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  service.forget(e.document.uri);
  indexing?.documentClosed(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? service.findDocumentSymbols(document) : [];
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return service.getCodeActions(
    document,
    { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only, snippetEdits },
    settings,
  );
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return service.doComplete(document, params.position, {
      snippetSupport,
      triggerSuggestCommand,
      triggerCharacter: params.context?.triggerCharacter,
    });
  } catch (err) {
    connection.console.error(`Completion in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return service.doHover(document, params.position);
  } catch (err) {
    connection.console.error(`Hover in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return service.findDefinition(document, params.position);
  } catch (err) {
    connection.console.error(`Go to definition in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onReferences((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return service.findReferences(document, params.position, params.context.includeDeclaration);
  } catch (err) {
    connection.console.error(`Find references in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.languages.inlayHint.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  try {
    return service.getInlayHints(document, params.range, settings);
  } catch (err) {
    connection.console.error(`Inlay hints in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return [];
  }
});

connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  try {
    return service.getCodeLenses(document);
  } catch (err) {
    connection.console.error(`Code lenses in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return [];
  }
});

// The guide's kubectl commands for the workload at a position (the client shows them; the server
// runs nothing). Params: { textDocument: { uri }, position }; result: DebugCommandList or null.
connection.onRequest(DEBUG_COMMANDS_REQUEST, (params: { textDocument: { uri: string }; position: Position }) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return service.getDebugCommands(document, params.position);
  } catch (err) {
    connection.console.error(`Debug commands in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

documents.listen(connection);
connection.listen();
