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
// Costs: a second V8 isolate (a few MB), 25–30 ms to start it, and one copy of each message's JSON
// text between the threads.
import { createConnection } from 'node:net';
import { isMainThread, MessageChannel, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { runWithCodeCache } from './codeCache';

/** The stack of the thread that does the work. */
export const STACK_SIZE_MB = 64;

/**
 * The young generation of the language server's thread. A language server's live data is small (the
 * parsed documents of a 500-document file take ~30 MB of heap), but V8's default young generation
 * is 48 MB (16 MB semi-spaces) and fills before it is collected: 3 MB (1 MB semi-spaces) keeps the
 * resident memory 10–40 MB lower (findings, 2,000 documents: 136 MB, not 174), and the open of a
 * large file 0–10% slower, within the noise of bench/ab.ts's alternating starts.
 *
 * Set as the worker's own limit, not with the V8 flag `--max-semi-space-size=1` that the client
 * passed before: with any V8 flag on its command line, Node.js starts every worker thread without
 * its start-up snapshot, compiling its internal modules again, and the server's thread took
 * 50–60 ms to start instead of 25–30 (start → initialized: ~190 ms → ~150 ms).
 */
export const SERVER_YOUNG_GENERATION_MB = 3;

/** What the server's thread gets: the port its client's messages come through (see threadTransport.ts), and what to load. */
export interface ServerThreadData {
  readonly lspPort: MessagePort;
  /** The language server's bundle (dist/serverThread.js). */
  readonly serverFile: string;
  /** Where the V8 code cache of that bundle is kept (codeCache.ts); none: no cache. */
  readonly codeCacheDir?: string;
}

/**
 * Reads and writes the client's messages as JSON text. The text crosses to the server's thread as
 * a string, never as an object: a structured clone of a large message (the diagnostics of a big
 * file: thousands of small objects) took ~50 ms on the server's thread, a JSON.stringify of it a
 * few, and the main thread writes the text out without parsing it again.
 */
interface ClientTransport {
  listen(onMessage: (json: string) => void, onClose: () => void): void;
  send(json: string): void;
}

/** The value of a command-line option given as `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * The client's transport, from the command line, as vscode-languageserver's createConnection reads
 * it: node-ipc (VS Code), stdio, or a socket or pipe the client listens on. Done here by hand, so
 * that the main thread loads nothing of the language server.
 */
function clientTransport(argv: readonly string[]): ClientTransport {
  if (argv.includes('--node-ipc'))
    return {
      listen(onMessage, onClose) {
        process.on('message', (message) => onMessage(JSON.stringify(message)));
        process.on('disconnect', onClose);
      },
      send: (json) => process.send?.(JSON.parse(json)),
    };
  if (argv.includes('--stdio')) return framedTransport(process.stdin, process.stdout);
  const port = option(argv, '--socket');
  if (port !== undefined) {
    const socket = createConnection(Number(port), '127.0.0.1');
    return framedTransport(socket, socket);
  }
  const pipe = option(argv, '--pipe');
  if (pipe !== undefined) {
    const socket = createConnection(pipe);
    return framedTransport(socket, socket);
  }
  throw new Error("Start the server with '--node-ipc', '--stdio', '--socket={number}' or '--pipe={name}'.");
}

/** JSON-RPC framed with Content-Length headers (the LSP base protocol): stdio, sockets and pipes. */
function framedTransport(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): ClientTransport {
  return {
    listen(onMessage, onClose) {
      let buffer: Buffer = Buffer.alloc(0);
      input.on('data', (chunk: Buffer) => {
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
          onMessage(body);
        }
      });
      input.on('end', onClose);
      input.on('close', onClose);
    },
    send(json) {
      const body = Buffer.from(json, 'utf8');
      output.write(`Content-Length: ${body.length}\r\n\r\n`);
      output.write(body);
    },
  };
}

/** Whether a message's JSON text is the `shutdown` request (read only when its text says so). */
function isShutdown(json: string): boolean {
  if (!json.includes('"shutdown"')) return false;
  try {
    return (JSON.parse(json) as { method?: unknown }).method === 'shutdown';
  } catch {
    return false;
  }
}

/**
 * On the main thread: starts `relayFile` (dist/server.js, this small bundle) again on a thread with
 * a large stack, which loads the language server (`serverFile`, through the code cache when
 * `--code-cache-dir` is given), and relays the client's messages to it and its messages to the
 * client. The process ends with the thread (the `exit` notification, the client's process gone), or
 * when the client closes the connection: with 0 after a `shutdown` request, else 1, as
 * vscode-languageserver does.
 */
export function relayToServerThread(relayFile: string, serverFile: string): void {
  const argv = process.argv.slice(2);
  const client = clientTransport(argv);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(relayFile, {
    // --clientProcessId and the like, for vscode-languageserver's watchdog in the thread
    argv,
    workerData: { lspPort: port2, serverFile, codeCacheDir: option(argv, '--code-cache-dir') } satisfies ServerThreadData,
    transferList: [port2],
    resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB },
    // With --stdio, stdout is the protocol's: anything else the thread prints goes to stderr.
    stdout: true,
  });
  worker.stdout.pipe(process.stderr);
  let shutdown = false;
  client.listen(
    (json) => {
      if (isShutdown(json)) shutdown = true;
      port1.postMessage(json);
    },
    () => process.exit(shutdown ? 0 : 1),
  );
  port1.on('message', (json: string) => client.send(json));
  worker.on('error', (err) => {
    process.stderr.write(`Kubernetes Workloads language server failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
  worker.on('exit', (code) => process.exit(code));
}

/** On the server's thread: loads the language server, which connects through workerData.lspPort. */
export function startServerThread(): void {
  const data = workerData as ServerThreadData;
  runWithCodeCache(data.serverFile, data.codeCacheDir);
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
