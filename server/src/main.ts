// dist/server.js: the language server (server.ts, bundled as dist/serverThread.js) on a thread with
// a large stack, so documents nested thousands of levels deep are read like any other
// (largeStack.ts says why and how). This small bundle runs twice: on the main thread it only
// relays the client's messages, loading nothing of the language server; on the large-stack
// thread it loads dist/serverThread.js, through a V8 code cache when the client names a folder
// for one (codeCache.ts).
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { relayToServerThread, startServerThread } from './largeStack';

if (isMainThread) {
  try {
    relayToServerThread(__filename, path.join(__dirname, 'serverThread.js'));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
} else startServerThread();
