// How the language server process is started. Shared by the extension and the benchmark, so the
// benchmark measures the server exactly as VS Code runs it.

/**
 * Arguments of the server: the folder for its V8 code cache (server/src/codeCache.ts), which saves
 * compiling the server again on every start. The extension gives its own storage folder.
 */
export function serverArgs(codeCacheDir: string): string[] {
  return ['--code-cache-dir', codeCacheDir];
}
