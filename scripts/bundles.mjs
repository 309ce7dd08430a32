// The esbuild bundles, shared by scripts/build.mjs (which writes them) and
// scripts/generate-notices.ts (which bundles the shipped ones in memory to list the npm packages
// whose code they contain, for THIRD_PARTY_NOTICES.md).

/** Options every bundle is built with; `npm run build` and `npm run package` use the defaults. */
export function commonOptions({ sourcemap = false, minify = true } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Source maps only on request: they would triple the size of the .vsix.
    sourcemap: sourcemap ? 'linked' : false,
    minify,
    logLevel: 'warning',
  };
}

/** The bundles the .vsix ships (see .vscodeignore). */
export const SHIPPED_BUNDLES = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js (main.ts, a small relay) runs dist/serverThread.js (server.ts) on a thread with
  // a large stack (server/src/largeStack.ts).
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/serverThread.js' },
];

/** Every bundle `npm run build` writes: the shipped ones and the command line linter. */
export const BUNDLES = [
  ...SHIPPED_BUNDLES,
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/** The generated Kubernetes API data, copied beside the bundles (server/src/service/api/index.ts reads it from there). */
export const API_DATA_FILES = ['kubernetes-api.json', 'kubernetes-api-descriptions.json'];
