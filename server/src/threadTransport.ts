// The server's side of largeStack.ts: on the large-stack thread, the client's messages come and go
// through a port to the main thread, as JSON text (largeStack.ts says why not as objects). Apart
// from largeStack.ts so that the main thread, which only relays, never loads the language server's
// libraries.
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  Disposable,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import type { ServerThreadData } from './largeStack';

/** Reads the JSON text of each message the main thread posts. */
class TextPortReader extends AbstractMessageReader {
  constructor(private readonly port: MessagePort) {
    super();
    port.on('close', () => this.fireClose());
    port.on('error', (error: Error) => this.fireError(error));
  }

  listen(callback: DataCallback): Disposable {
    const onMessage = (json: string): void => {
      let message: Message;
      try {
        message = JSON.parse(json) as Message;
      } catch (err) {
        this.fireError(err);
        return;
      }
      callback(message);
    };
    this.port.on('message', onMessage);
    return Disposable.create(() => this.port.off('message', onMessage));
  }
}

/** Posts each message to the main thread as its JSON text. */
class TextPortWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly port: MessagePort) {
    super();
    port.on('close', () => this.fireClose());
    port.on('error', (error: Error) => this.fireError(error));
  }

  write(message: Message): Promise<void> {
    try {
      this.port.postMessage(JSON.stringify(message));
      return Promise.resolve();
    } catch (err) {
      this.fireError(err, message, ++this.errorCount);
      return Promise.reject(err as Error);
    }
  }

  end(): void {}
}

/**
 * On the server's thread: the connection to the client (through the main thread). Undefined on the
 * main thread, where createConnection reads the transport from the command line as usual.
 */
export function serverThreadTransport(): [MessageReader, MessageWriter] | undefined {
  const port = isMainThread ? undefined : (workerData as Partial<ServerThreadData> | undefined)?.lspPort;
  return port ? [new TextPortReader(port), new TextPortWriter(port)] : undefined;
}
