// How the language server process is started. Shared by the extension and the benchmark, so the
// benchmark measures the server exactly as VS Code runs it.

/**
 * V8 flags for the server process. A language server's live data is small (the parsed documents
 * of a 500-document file take ~30 MB of heap) but V8's default young generation reserves 16 MB
 * semi-spaces; a 1 MB semi-space keeps the resident memory ~40 MB lower at no measurable cost in
 * validation time (bench/run.ts).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/**
 * Arguments of the server: the folder for its V8 code cache (server/src/codeCache.ts), which saves
 * compiling the server again on every start. The extension gives its own storage folder.
 */
export function serverArgs(codeCacheDir: string): string[] {
  return ['--code-cache-dir', codeCacheDir];
}
