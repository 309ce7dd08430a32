// The server's side of largeStack.ts: on the large-stack thread, the client's messages come and go
// through a port to the main thread. Apart from largeStack.ts so that the main thread, which only
// relays, never loads the language server's libraries.
import { isMainThread, workerData } from 'node:worker_threads';
import { PortMessageReader, PortMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import type { ServerThreadData } from './largeStack';

/**
 * On the server's thread: the connection to the client (through the main thread). Undefined on the
 * main thread, where createConnection reads the transport from the command line as usual.
 */
export function serverThreadTransport(): [MessageReader, MessageWriter] | undefined {
  const port = isMainThread ? undefined : (workerData as Partial<ServerThreadData> | undefined)?.lspPort;
  return port ? [new PortMessageReader(port), new PortMessageWriter(port)] : undefined;
}
