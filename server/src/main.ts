// dist/server.js: the language server (server.ts, bundled as dist/serverThread.js) on a thread with
// a large stack, so documents nested thousands of levels deep are read like any other
// (largeStack.ts says why and how). This bundle is only the relay: the main thread passes the
// client's messages and loads nothing of the language server, so starting it costs one small
// script, not a second copy of the 1 MB server in the main thread's isolate.
import * as path from 'node:path';
import { relayToServerThread } from './largeStack';

relayToServerThread(path.join(__dirname, 'serverThread.js')).catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
