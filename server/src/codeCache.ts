// Loads the language server's bundle with a V8 code cache, so that a start after the first does not
// compile it again.
//
// Compiling the 1 MB bundle, and then each function it runs while starting and checking the first
// file, was ~40% of the server's own start-up time (a CPU profile of start → initialized). V8 can
// save the code it compiled for a script and take it back on the next start (vm.Script's
// `cachedData` / `createCachedData`); it checks that the cache fits the source, V8 version and
// flags, and compiles from source when it does not (`cachedDataRejected`). Node 22 does this for
// every module (module.enableCompileCache), but the Node.js of VS Code and of the CLI may be 20.
//
// The cache is kept only where the client says (`--code-cache-dir`: VS Code's storage folder for
// this extension, private to the user), never in a shared temporary folder: a cache is code the
// server runs. A start without a fitting cache writes one a few seconds after start-up (by then it
// holds the code of the first checks too) and again as it exits; a start that used one writes
// nothing. A write that fails costs only speed.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Every cache file's name starts so; other names in the folder are never touched. */
const CACHE_PREFIX = 'server-code-cache-';

/** How long after start-up the cache is written: the first file has usually been checked by then. */
const WRITE_AFTER_MS = 3000;

type ModuleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** The cache file for this bundle's bytes on this Node.js and V8 build, and these V8 flags. */
function codeCacheFile(cacheDir: string, source: Buffer): string {
  // Required here, not at the top: this module is in dist/server.js, whose main thread only relays
  // messages and would load node:crypto (~3 ms) for nothing before starting the server's thread.
  /* eslint-disable-next-line @typescript-eslint/no-require-imports -- a require() in a function loads a built-in lazily */
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.versions.v8}\0${process.arch}\0${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 20);
  return path.join(cacheDir, `${CACHE_PREFIX}${key}.bin`);
}

/**
 * Runs the CommonJS file `file` as `require` would, with its code from `cacheDir`'s cache when there
 * is one that fits, and writes a new cache when there was none. Without `cacheDir`: a plain require.
 * Returns what happened to the cache, for the tests.
 */
export function runWithCodeCache(file: string, cacheDir: string | undefined): 'none' | 'used' | 'written later' {
  const requireHere = createRequire(file);
  if (!cacheDir) {
    requireHere(file);
    return 'none';
  }
  // Hashed as bytes: hashing the text would first encode its 1 MB to UTF-8 again.
  const bytes = fs.readFileSync(file);
  const cacheFile = codeCacheFile(cacheDir, bytes);
  const source = bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // the first start with this bundle: no cache yet
  }
  // The same wrapper Node.js puts around a CommonJS module.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const run = script.runInThisContext() as ModuleFunction;
  const module = { exports: {} };
  run.call(module.exports, module.exports, requireHere, module, file, path.dirname(file));
  if (cachedData && !script.cachedDataRejected) return 'used';
  let failed = false;
  const write = (): void => {
    if (failed) return;
    try {
      writeCache(cacheDir, cacheFile, script.createCachedData());
    } catch (err) {
      failed = true;
      process.stderr.write(`Code cache not written to ${cacheDir} (start-up stays slower): ${(err as Error).message}\n`);
    }
  };
  // Soon after start-up, so that a server that never exits cleanly still leaves a cache; and again
  // as it exits, with the code of everything it has done by then (completion, hover, quick-fixes).
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
  return 'written later';
}

/** Writes the cache atomically (a reader never sees half a file) and removes the caches of other builds. */
function writeCache(cacheDir: string, cacheFile: string, data: Buffer): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, cacheFile);
  for (const name of fs.readdirSync(cacheDir))
    if (name.startsWith(CACHE_PREFIX) && path.join(cacheDir, name) !== cacheFile && !name.endsWith('.tmp'))
      fs.rmSync(path.join(cacheDir, name), { force: true });
}
