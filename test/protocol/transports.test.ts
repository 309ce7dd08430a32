// The transports the server accepts besides stdio, as editors use them: node-ipc (VS Code's
// LanguageClient), and a socket or named pipe the editor listens on (--socket=<port>,
// --pipe=<name>). The main thread frames the messages itself and passes their JSON text to the
// server's thread (server/src/largeStack.ts), so each transport is tested end to end with text
// that is not ASCII: a length counted in characters instead of bytes would cut the message.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  SocketMessageReader,
  SocketMessageWriter,
  type MessageReader,
  type MessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { MINIMAL_DEPLOYMENT } from '../unit/helpers/manifests';
import { DEFAULT_CAPABILITIES, SERVER } from './lspClient';

const URI = 'file:///work/ünïcode.yaml';
// The minimal Deployment with a label value that is not valid (spaces and non-ASCII): the message quotes it.
const TEXT = MINIMAL_DEPLOYMENT.replace('  name: web\n', '  name: web\n  labels:\n    tier: "fröntend 😀"\n');

/** Talks to the server over `reader`/`writer`: initialize, open, diagnostics, hover, shutdown. Returns the exit code. */
async function converse(reader: MessageReader, writer: MessageWriter, child: ChildProcess): Promise<number | null> {
  const connection = createProtocolConnection(reader, writer);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === URI) resolve(p);
    }),
  );
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: DEFAULT_CAPABILITIES,
  });
  assert.ok(init.capabilities.hoverProvider, 'initialize answered with the server capabilities');
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
  });
  const published = await diagnostics;
  const label = published.diagnostics.find((d) => d.code === 'invalid-name');
  assert.ok(label, `a diagnostic for the label value; got ${published.diagnostics.map((d) => d.code).join(', ')}`);
  assert.match(typeof label.message === 'string' ? label.message : label.message.value, /fröntend 😀/);
  assert.deepEqual(label.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 23 } });
  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 3, character: 3 } });
  assert.ok(hover, 'hover over metadata.name answers');
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await exited;
  connection.dispose();
  return code;
}

/** Listens (a TCP port on loopback, or a pipe path), starts the server with `arg(address)`, and talks over the first connection. */
async function overListener(listen: (server: Server) => Promise<string>, arg: (address: string) => string): Promise<number | null> {
  const server = createServer();
  const connected = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const address = await listen(server);
  const child = spawn(process.execPath, [SERVER, arg(address)], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const socket = await connected;
    return await converse(new SocketMessageReader(socket), new SocketMessageWriter(socket), child);
  } finally {
    child.kill();
    server.close();
  }
}

describe('transports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8sw-pipe-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--node-ipc: messages as objects over the IPC channel (VS Code)', { timeout: 30_000 }, async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    try {
      assert.equal(await converse(new IPCMessageReader(child), new IPCMessageWriter(child), child), 0);
    } finally {
      child.kill();
    }
  });

  it('--socket=<port>: connects to the editor’s TCP port on loopback', { timeout: 30_000 }, async () => {
    const code = await overListener(
      (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port)))),
      (port) => `--socket=${port}`,
    );
    assert.equal(code, 0);
  });

  it('--pipe=<name>: connects to the editor’s named pipe', { timeout: 30_000 }, async () => {
    const pipe = process.platform === 'win32' ? `\\\\.\\pipe\\k8sw-${process.pid}` : path.join(dir, 'lsp.sock');
    const code = await overListener(
      (server) => new Promise((resolve) => server.listen(pipe, () => resolve(pipe))),
      (name) => `--pipe=${name}`,
    );
    assert.equal(code, 0);
  });
});
