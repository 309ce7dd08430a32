// LSP wiring only: connection, documents, settings, capabilities. Every answer comes from the
// language service in ./service; nothing here knows YAML or Kubernetes.
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextDocumentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
import { warmUp } from './service/warmUp';
import {
  CONFIG_FILE_NAME,
  configDiagnostics,
  isProjectConfigUri,
  KUBERNETES_VERSION_REQUEST,
  PROJECT_CONFIG_CHANGED_NOTIFICATION,
  withProjectConfig,
  type KubernetesVersionResult,
} from './service/config/index';
import { crdPathsOf, ProjectConfigStore, type LoadedConfig } from './projectConfig';
import { RULES } from './service/rules/registry';
import { ruleDocLinksFor } from './ruleDocLinks';
import { serverThreadTransport } from './threadTransport';
import { ValidationScheduler } from './validationScheduler';
import { createWorkspaceIndexing, workspaceFolderPaths } from './workspaceIndexer';

/** Diagnostics wait this long after the last keystroke; on open they are immediate. */
const CHANGE_DEBOUNCE_MS = 120;
/** At most this many diagnostics per file: past that the user learns nothing more from more squiggles. */
const MAX_DIAGNOSTICS = 300;

// On the large-stack thread (main.ts) the client's messages come through the main thread.
const threadTransport = serverThreadTransport();
const connection = threadTransport ? createConnection(ProposedFeatures.all, ...threadTransport) : createConnection(ProposedFeatures.all);
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
/**
 * A language service per Kubernetes release in use: the `k8sWorkloads.kubernetesVersion` setting's,
 * and those of the project files (`.k8s-workloads.yaml`) that set another. They share the index.
 */
const services = new Map<KubernetesVersion, LanguageService>();

function serviceOf(kubernetesVersion: KubernetesVersion): LanguageService {
  let s = services.get(kubernetesVersion);
  if (!s) {
    s = getLanguageService({ docsUri, apis, workspace, kubernetesVersion });
    services.set(kubernetesVersion, s);
  }
  return s;
}

let settings: LanguageSettings = {};
/** Folders of the workspace (from initialize, then as they are added and removed). */
let folders: string[] = [];
/**
 * The project files: the one that applies to a document is looked up (and read) before its first
 * diagnostics; what it sets wins over the settings (service/config/index.ts).
 */
const configs = new ProjectConfigStore({
  openText: (uri) => documents.get(uri)?.getText(),
  folders: () => folders,
  log: (m) => connection.console.warn(m),
});

/** The settings for one document: the editor's, with its project file's laid over them. */
function settingsFor(uri: string): LanguageSettings {
  return withProjectConfig(settings, configs.configFor(uri)?.config);
}

/** The release that applies to a document. */
function versionFor(uri: string): KubernetesVersion {
  const version = settingsFor(uri).kubernetesVersion;
  return isKubernetesVersion(version) ? version : DEFAULT_KUBERNETES_VERSION;
}

/** The language service of the release that applies to a document. */
function serviceFor(uri: string): LanguageService {
  return serviceOf(versionFor(uri));
}

/** Drops the language services of releases no setting or project file names any more. */
function pruneServices(): void {
  const used = new Set<string>([settings.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION]);
  for (const c of configs.all()) if (c.config.kubernetesVersion) used.add(c.config.kubernetesVersion);
  for (const v of [...services.keys()]) if (!used.has(v)) services.delete(v);
}
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
/** The client watches files by a pattern relative to a folder (project files above the workspace). */
let relativePatternSupport = false;
let watchedFilesSupport = false;
let codeLensRefreshSupport = false;
const timers = new Map<string, NodeJS.Timeout>();
const shownSettingProblems = new Set<string>();
/** Every YAML file of the workspace folders in the service's index (set up once initialized). */
let indexing: ReturnType<typeof createWorkspaceIndexing> | undefined;

/** `k8sWorkloads.customResourceDefinitions` (relative to the workspace folders). */
let settingCrdPaths: readonly string[] = [];

/** The CRDs to read: the setting's and every project file's (which are relative to the file). */
function updateCrdPaths(): void {
  indexing?.setCustomResourceDefinitionPaths([...settingCrdPaths, ...configs.all().flatMap(crdPathsOf)]);
}

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
  const crdPaths = value.customResourceDefinitions;
  if (crdPaths !== undefined && !(Array.isArray(crdPaths) && crdPaths.every((p) => typeof p === 'string')))
    problems.push('k8sWorkloads.customResourceDefinitions must be a list of files, folders or globs.');
  settingCrdPaths = Array.isArray(crdPaths) ? crdPaths.filter((p) => typeof p === 'string') : [];
  updateCrdPaths();
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
  folders = workspaceFolderPaths(params);
  relativePatternSupport = !!params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
  watchedFilesSupport = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  indexing = createWorkspaceIndexing({
    connection,
    documents,
    workspace,
    params,
    revalidate: () => revalidateStale(),
    onWatchedFiles: (events) => {
      // a project file created, changed or deleted (or a folder holding one deleted)
      if (events.some((e) => isProjectConfigUri(e.uri) || (e.type === FileChangeType.Deleted && holdsConfig(e.uri)))) configsChanged();
    },
    onFoldersChanged: (now) => {
      folders = now;
      configsChanged();
    },
  });
  updateCrdPaths();
  // Read the project files of the folders now, with the workspace index: their CRDs and releases
  // are known before the first document is validated (which waits for its own anyway).
  for (const f of folders) void configs.lookUp(f).then(configsRead);
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
/** Open documents whose diagnostics wait until their project file is known. */
const awaitingConfig = new Set<string>();

function validate(document: TextDocument): void {
  // Nothing before the settings are in (the index or a project file may finish reading first):
  // the settings pull validates every open document once it has answered.
  if (!settingsLoaded) return;
  // An open project file's text wins over the disk: what it sets applies as it is typed, to every
  // open document (whichever validation of its new text comes first: its own or another's).
  if (isProjectConfigUri(document.uri) && configs.textChanged(document.uri, document.getText())) {
    configsRead();
    revalidateAll();
    return;
  }
  // What the project file sets (rules off, another release, ignored files) applies from the first
  // diagnostics on: none are published before it is read.
  const configPending = configs.pending(document.uri);
  if (configPending) {
    const uri = document.uri;
    if (!awaitingConfig.has(uri)) {
      awaitingConfig.add(uri);
      void configPending.then(() => {
        awaitingConfig.delete(uri);
        configsRead();
        const current = documents.get(uri);
        if (current) validate(current);
      });
    }
    return;
  }
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
  // In slices between requests (validationScheduler.ts): no hover waits behind a long validation.
  scheduler.schedule(document);
}

function publish(document: TextDocument, diagnostics: Diagnostic[]): void {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  warmUpFirstRequests(document.uri);
  // Other open documents may depend on this one's objects (a Service and its StatefulSet).
  indexing?.documentIndexed(document.uri);
}

let warmedUp = false;
/**
 * Once the first diagnostics are out, while the user is still reading them: the field descriptions
 * hover and completion show (a 0.5 MB table) are read, and completion and hover run once on a
 * sample of their own (service/warmUp.ts), so that the user's first request does not pay for either.
 */
function warmUpFirstRequests(uri: string): void {
  if (warmedUp) return;
  warmedUp = true;
  setTimeout(() => {
    try {
      const kubernetesVersion = versionFor(uri);
      serviceOf(kubernetesVersion).api.description(0);
      warmUp({ apis, docsUri, kubernetesVersion });
    } catch (err) {
      connection.console.error(`Warming up completion and hover failed: ${(err as Error).stack ?? String(err)}`);
    }
  }, 100).unref();
}

/** A project file was created, changed or deleted: read them again, then validate every open document. */
function configsChanged(): void {
  configs.forget();
  for (const f of folders) void configs.lookUp(f).then(configsRead);
  revalidateAll();
}

/** Project files outside the workspace folders being watched (by the folder they would be in). */
const watchedConfigDirs = new Set<string>();
/** Project files not open in the editor whose problems are published, with the text they were read from. */
const publishedConfigs = new Map<string, string>();

const insideFolders = (p: string) => folders.some((f) => p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep));

/** A deleted file or folder held a project file that was read. */
function holdsConfig(uri: string): boolean {
  let p: string;
  try {
    p = fileURLToPath(uri);
  } catch {
    return false;
  }
  return configs.all().some((c) => c.path === p || c.path.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
}

/**
 * After project files were read: their CRDs join the index, the releases no one uses are dropped,
 * the problems of those not open are published (so they show in the Problems view), and the
 * folders above the workspace that were looked in are watched for a project file appearing.
 */
function configsRead(): void {
  updateCrdPaths();
  pruneServices();
  // the client shows the release of the active document in its status bar
  void connection.sendNotification(PROJECT_CONFIG_CHANGED_NOTIFICATION, {});
  const loaded = new Map<string, LoadedConfig>(configs.all().map((c) => [c.uri, c]));
  for (const [uri, c] of loaded) {
    if (documents.get(uri) || publishedConfigs.get(uri) === c.text) continue;
    publishedConfigs.set(uri, c.text);
    const document = TextDocument.create(uri, 'yaml', 0, c.text);
    void connection.sendDiagnostics({ uri, diagnostics: configDiagnostics(document, c.problems) });
  }
  for (const uri of [...publishedConfigs.keys()])
    if (!loaded.has(uri)) {
      publishedConfigs.delete(uri);
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  const unwatched = [...configs.searchedDirs].filter((d) => !watchedConfigDirs.has(d) && !insideFolders(d));
  if (!unwatched.length || !watchedFilesSupport || !relativePatternSupport) return;
  for (const d of unwatched) watchedConfigDirs.add(d);
  connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: unwatched.map((d) => ({ globPattern: { baseUri: pathToFileURL(d).toString(), pattern: CONFIG_FILE_NAME } })),
    })
    .catch((err: Error) => connection.console.warn(`Could not watch ${CONFIG_FILE_NAME} above the workspace: ${err.message}`));
}

/**
 * The version of each open document whose validation last began, and the index generation it began
 * with (WorkspaceIndex.generation, read after its own parse). A change of the index revalidates only
 * the documents that began on an older generation: a document's own parse moves the generation, and
 * revalidating it for that validated every file just opened or edited a second time — started
 * 150 ms in, while the first run was still under way, it threw that run away.
 */
const validatedAgainst = new Map<string, { version: number; generation: number }>();

/** Called once the document's version is parsed (its objects are in the index). */
function validationBegan(document: TextDocument): void {
  validatedAgainst.set(document.uri, { version: document.version, generation: workspace.generation });
}

/** The validation of one document, as steps for the scheduler. */
function* validationSteps(document: TextDocument): Generator<void, Diagnostic[], void> {
  const service = serviceFor(document.uri);
  if (configs.ignores(document.uri)) {
    // ignored by the project file: no diagnostics, but its objects still count for the others
    service.parse(document);
    validationBegan(document);
    return [];
  }
  const steps = service.validationSteps(document, settingsFor(document.uri));
  // The first step is the parse (LanguageService.validationSteps): the index holds this version's objects after it.
  let step = steps.next();
  validationBegan(document);
  while (!step.done) {
    yield;
    step = steps.next();
  }
  return step.value;
}

const scheduler = new ValidationScheduler({
  steps: validationSteps,
  isCurrent: (document) => documents.get(document.uri)?.version === document.version,
  publish: (document, diagnostics) => publish(document, capped(diagnostics)),
  failed(document, err) {
    // Never let one file take the server down; say what happened once, in the log.
    validatedAgainst.delete(document.uri);
    connection.console.error(`Validation of ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    publish(document, []);
  },
});

function revalidateAll(): void {
  for (const document of documents.all()) validate(document);
  refreshCodeLenses();
}

/** After the index changed: validates again the open documents whose validation saw an older index. */
function revalidateStale(): void {
  const generation = workspace.generation;
  for (const document of documents.all()) {
    const seen = validatedAgainst.get(document.uri);
    if (seen?.version !== document.version || seen.generation !== generation) validate(document);
  }
  refreshCodeLenses();
}

function refreshCodeLenses(): void {
  // StatefulSet code lenses show whether the headless Service exists, which may have just changed
  if (codeLensRefreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

/**
 * The event of the document just opened: TextDocuments fires that same event object as a change of
 * content too. Told apart by identity, not by version: a client that sends one version number for
 * every change still gets its edits checked (were the library to send another object, the open would
 * only be validated twice, as before).
 */
let openEvent: TextDocumentChangeEvent<TextDocument> | undefined;

// Before the first settings pull has answered, the pull's revalidateAll validates the file.
documents.onDidOpen((e) => {
  openEvent = e;
  if (settingsLoaded) validate(e.document);
});

documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  // The open itself: validated at once above. A debounced second run would start the same work again.
  if (e === openEvent) {
    openEvent = undefined;
    return;
  }
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
  scheduler.cancel(e.document.uri);
  validatedAgainst.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  for (const s of services.values()) s.forget(e.document.uri);
  indexing?.documentClosed(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // a project file closed unsaved: the disk is the truth again
  if (isProjectConfigUri(e.document.uri)) {
    publishedConfigs.delete(e.document.uri);
    configsChanged();
  }
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? serviceFor(document.uri).findDocumentSymbols(document) : [];
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return serviceFor(document.uri).getCodeActions(
    document,
    { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only, snippetEdits },
    settingsFor(document.uri),
  );
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return serviceFor(document.uri).doComplete(document, params.position, {
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
    return serviceFor(document.uri).doHover(document, params.position);
  } catch (err) {
    connection.console.error(`Hover in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return serviceFor(document.uri).findDefinition(document, params.position);
  } catch (err) {
    connection.console.error(`Go to definition in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onReferences((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  try {
    return serviceFor(document.uri).findReferences(document, params.position, params.context.includeDeclaration);
  } catch (err) {
    connection.console.error(`Find references in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.languages.inlayHint.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  try {
    return serviceFor(document.uri).getInlayHints(document, params.range, settingsFor(document.uri));
  } catch (err) {
    connection.console.error(`Inlay hints in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return [];
  }
});

connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  try {
    return serviceFor(document.uri).getCodeLenses(document);
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
    return serviceFor(document.uri).getDebugCommands(document, params.position);
  } catch (err) {
    connection.console.error(`Debug commands in ${document.uri} failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

// The release that applies to a document, and the project file that sets it (the status bar).
connection.onRequest(KUBERNETES_VERSION_REQUEST, async (params: { textDocument: { uri: string } }): Promise<KubernetesVersionResult> => {
  const uri = params.textDocument.uri;
  await configs.pending(uri);
  const config = configs.configFor(uri);
  return {
    version: serviceFor(uri).api.version,
    ...(config?.config.kubernetesVersion ? { projectFile: config.uri } : {}),
  };
});

documents.listen(connection);
connection.listen();
