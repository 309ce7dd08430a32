// dist/server.js: the language server (server.ts) on a thread with a large stack, so documents
// nested thousands of levels deep are read like any other (largeStack.ts says why and how). The
// main thread only relays the client's messages; the same bundle, started on the thread, serves.
import { isMainThread } from 'node:worker_threads';
import { relayToServerThread } from './largeStack';

if (isMainThread)
  relayToServerThread(__filename).catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
else void import('./server.js');
