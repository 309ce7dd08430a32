// The smallest language server: answers `initialize` (no capabilities) and `shutdown`, exits on
// `exit`. bench/start-floor.ts times its start as the floor of any Node.js server's start.
// With --worker it answers from a worker thread with a 64 MB stack, as k8s-workloads does.
'use strict';
const { isMainThread, parentPort, Worker } = require('node:worker_threads');

/** Reads Content-Length framed JSON-RPC messages from chunks; answers through `write`. */
function handler(write) {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, Buffer.from(chunk)]);
    for (;;) {
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1'));
      if (!header) return;
      const start = header.index + header[0].length;
      const end = start + Number(header[1]);
      if (buffer.length < end) return;
      const message = JSON.parse(buffer.subarray(start, end).toString('utf8'));
      buffer = buffer.subarray(end);
      if (message.method === 'exit') process.exit(0);
      if (message.id !== undefined && message.method) {
        const body = JSON.stringify({
          jsonrpc: '2.0',
          id: message.id,
          result: message.method === 'initialize' ? { capabilities: {} } : null,
        });
        write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
    }
  };
}

if (!isMainThread)
  parentPort.on(
    'message',
    handler((text) => parentPort.postMessage(text)),
  );
else if (process.argv.includes('--worker')) {
  const worker = new Worker(__filename, { resourceLimits: { stackSizeMb: 64 } });
  process.stdin.on('data', (chunk) => worker.postMessage(chunk));
  worker.on('message', (text) => process.stdout.write(text));
  worker.on('exit', (code) => process.exit(code));
} else
  process.stdin.on(
    'data',
    handler((text) => process.stdout.write(text)),
  );
process.stdin.on('end', () => process.exit(0));
