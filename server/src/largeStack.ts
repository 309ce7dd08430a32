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
import { isMainThread, MessageChannel, Worker, workerData, type MessagePort } from 'node:worker_threads';
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  PortMessageReader,
  PortMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** The stack of the thread that does the work. */
export const STACK_SIZE_MB = 64;

interface ServerThreadData {
  readonly lspPort: MessagePort;
}

/**
 * In the server's worker thread: the connection to the client (through the main thread). Undefined
 * on the main thread, where createConnection reads the transport from the command line as usual.
 */
export function serverThreadTransport(): [MessageReader, MessageWriter] | undefined {
  const port = isMainThread ? undefined : (workerData as Partial<ServerThreadData> | undefined)?.lspPort;
  return port ? [new PortMessageReader(port), new PortMessageWriter(port)] : undefined;
}

/** The client's transport, from the command line, as vscode-languageserver's createConnection reads it. */
function clientTransport(argv: readonly string[]): [MessageReader, MessageWriter] {
  for (let i = 0; i < argv.length; i++) {
    const [name, value = argv[i + 1]] = argv[i].split('=');
    if (name === '--node-ipc') return [new IPCMessageReader(process), new IPCMessageWriter(process)];
    if (name === '--stdio') return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
    if (name === '--socket') return createServerSocketTransport(Number(value));
    if (name === '--pipe') return createServerPipeTransport(value);
  }
  throw new Error("Start the server with '--node-ipc', '--stdio', '--socket={number}' or '--pipe={name}'.");
}

/**
 * On the main thread: starts `file` (this bundle) again on a thread with a large stack and relays
 * the client's messages to it and its messages to the client. The process ends with the thread
 * (the `exit` notification, the client's process gone), or when the client closes the connection:
 * with 0 after a `shutdown` request, else 1, as vscode-languageserver does.
 */
export function relayToServerThread(file: string): void {
  const [reader, writer] = clientTransport(process.argv.slice(2));
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
  reader.listen((message: Message) => {
    if ((message as { method?: unknown }).method === 'shutdown') shutdown = true;
    port1.postMessage(message);
  });
  port1.on('message', (message: Message) => {
    writer.write(message).catch(() => undefined);
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  reader.onClose(end);
  if (argvHas('--stdio')) process.stdin.on('end', end);
  worker.on('error', (err) => {
    process.stderr.write(`Kubernetes Workloads language server failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
  worker.on('exit', (code) => process.exit(code));
}

function argvHas(flag: string): boolean {
  return process.argv.slice(2).some((a) => a === flag);
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
