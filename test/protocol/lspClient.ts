// A minimal LSP client for protocol tests: starts `node dist/server.js --stdio` and talks
// JSON-RPC to it the way an editor does. Diagnostics are awaited as events, never with sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly initializeResult: InitializeResult;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Replaces the whole text (or applies incremental changes) and waits for the diagnostics of that version. */
  change(
    uri: string,
    version: number,
    changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[],
  ): Promise<PublishDiagnosticsParams>;
  /** Resolves with the next diagnostics for `uri` matching `predicate`. */
  nextDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<number | null>;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
    },
  },
  workspace: { configuration: false, workspaceFolders: false },
};

export async function startServer(
  options: {
    capabilities?: ClientCapabilities;
    rootUri?: string | null;
    initializationOptions?: unknown;
    /** What `workspace/configuration` answers, per requested section. */
    settings?: (section: string | undefined) => unknown;
    /** Another server to start instead of ours (the benchmark runs yaml-language-server too). */
    command?: readonly string[];
    /** How long to wait for diagnostics before failing (default 10 s). */
    diagnosticsTimeoutMs?: number;
  } = {},
): Promise<TestClient> {
  const [cmd, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
  const child = spawn(cmd, args, { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] =
    [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters])
      if (w.uri === p.uri && w.predicate(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
  });
  // Answer the server's requests an editor would answer (configuration, registration, progress).
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => options.settings?.(item.section) ?? null),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then((code) => {
    if (code && code !== 0) process.stderr.write(`server exited with ${code}: ${stderr}\n`);
  });
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    initializationOptions: options.initializationOptions,
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const nextDiagnostics = (uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${uri} in time; stderr: ${stderr}`)),
        options.diagnosticsTimeoutMs ?? 10_000,
      );
      waiters.push({
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });

  return {
    connection,
    process: child,
    initializeResult,
    published,
    nextDiagnostics,
    async open(uri, text, version = 1) {
      const next = nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
      return next;
    },
    async change(uri, version, changes) {
      const next = nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: changes,
      });
      return next;
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
