// The language server and the CLI run on a worker thread with a large stack.
//
// The `yaml` package reads nested collections recursively, several stack frames per level (and so
// do its toJS, the schema checks, hover…): on Node's default stack (under 1 MB) a valid block map
// nested ~900 levels ran out of it, and the package reported "Maximum call stack size exceeded" as
// a syntax error. Node cannot give the main thread a larger stack portably (`--stack-size` past the
// OS thread's real stack crashes the process, and Windows' main thread has 1 MB), but a worker
// thread's stack is whatever `resourceLimits.stackSizeMb` asks for. So dist/server.js and
// dist/cli.js start themselves again on such a thread and do their work there; the main thread
// only passes the client's messages (the server) or waits for the exit code (the CLI). Documents
// nested past MAX_NESTING (manifest/depth.ts) are not parsed at all and say so; 64 MB holds
// several times that depth in every feature (measured: 10,000 levels need under 16 MB).
//
// Costs: a second V8 isolate (a few MB) and one structured clone per message between the threads.
import { isMainThread, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** The stack of the thread that does the work. */
export const STACK_SIZE_MB = 64;

/** What the server's thread gets: the port its client's messages come through (see threadTransport.ts). */
export interface ServerThreadData {
  readonly lspPort: MessagePort;
}

/** Reads and writes the client's messages: `listen` gets each one parsed, `send` writes one. */
interface ClientTransport {
  listen(onMessage: (message: unknown) => void, onClose: () => void): void;
  send(message: unknown): void;
}

/**
 * The client's transport, from the command line, as vscode-languageserver's createConnection reads
 * it. stdio and node-ipc (what VS Code and the tests use) are done here by hand, so that the main
 * thread loads nothing of the language server; sockets and pipes through vscode-jsonrpc.
 */
async function clientTransport(argv: readonly string[]): Promise<ClientTransport> {
  for (let i = 0; i < argv.length; i++) {
    const [name, value = argv[i + 1]] = argv[i].split('=');
    if (name === '--node-ipc')
      return {
        listen(onMessage, onClose) {
          process.on('message', onMessage);
          process.on('disconnect', onClose);
        },
        send: (message) => process.send?.(message),
      };
    if (name === '--stdio') return stdioTransport();
    if (name === '--socket' || name === '--pipe') {
      const rpc = await import('vscode-languageserver/node');
      const [reader, writer] = name === '--socket' ? rpc.createServerSocketTransport(Number(value)) : rpc.createServerPipeTransport(value);
      return {
        listen(onMessage, onClose) {
          reader.listen(onMessage);
          reader.onClose(onClose);
        },
        send: (message) => void writer.write(message as Parameters<typeof writer.write>[0]).catch(() => undefined),
      };
    }
  }
  throw new Error("Start the server with '--node-ipc', '--stdio', '--socket={number}' or '--pipe={name}'.");
}

/** JSON-RPC over stdin/stdout, framed with Content-Length headers (the LSP base protocol). */
function stdioTransport(): ClientTransport {
  return {
    listen(onMessage, onClose) {
      let buffer: Buffer = Buffer.alloc(0);
      process.stdin.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const length = /Content-Length: *(\d+)/i.exec(buffer.toString('ascii', 0, headerEnd));
          if (!length) throw new Error('A message without Content-Length header');
          const start = headerEnd + 4;
          const end = start + Number(length[1]);
          if (buffer.length < end) return;
          const body = buffer.toString('utf8', start, end);
          buffer = buffer.subarray(end);
          onMessage(JSON.parse(body));
        }
      });
      process.stdin.on('end', onClose);
      process.stdin.on('close', onClose);
    },
    send(message) {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
      process.stdout.write(body);
    },
  };
}

/**
 * On the main thread: starts `file` (this bundle) again on a thread with a large stack and relays
 * the client's messages to it and its messages to the client. The process ends with the thread
 * (the `exit` notification, the client's process gone), or when the client closes the connection:
 * with 0 after a `shutdown` request, else 1, as vscode-languageserver does.
 */
export async function relayToServerThread(file: string): Promise<void> {
  const client = await clientTransport(process.argv.slice(2));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(file, {
    // --clientProcessId and the like, for vscode-languageserver's watchdog in the thread
    argv: process.argv.slice(2),
    workerData: { lspPort: port2 } satisfies ServerThreadData,
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_SIZE_MB },
    // With --stdio, stdout is the protocol's: anything else the thread prints goes to stderr.
    stdout: true,
  });
  worker.stdout.pipe(process.stderr);
  let shutdown = false;
  client.listen(
    (message) => {
      if ((message as { method?: unknown }).method === 'shutdown') shutdown = true;
      port1.postMessage(message);
    },
    () => process.exit(shutdown ? 0 : 1),
  );
  port1.on('message', (message: unknown) => client.send(message));
  worker.on('error', (err) => {
    process.stderr.write(`Kubernetes Workloads language server failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
  worker.on('exit', (code) => process.exit(code));
}

/**
 * The CLI: runs `main` on a thread with a large stack (the same file started again there) and ends
 * with its exit code. Its output goes to this process's stdout and stderr, in order.
 */
export function runOnLargeStack(file: string, main: (argv: string[]) => number): void {
  // In the thread, process.argv is the main thread's: [node, file, ...arguments].
  if (!isMainThread) {
    process.exitCode = main(process.argv.slice(2));
    return;
  }
  const worker = new Worker(file, { argv: process.argv.slice(2), resourceLimits: { stackSizeMb: STACK_SIZE_MB } });
  worker.on('error', (err) => {
    process.stderr.write(`k8s-workloads failed: ${err.stack ?? err.message}\n`);
    process.exitCode = 2;
  });
  worker.on('exit', (code) => {
    process.exitCode ||= code;
  });
}
