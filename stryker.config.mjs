// StrykerJS, run through scripts/mutation.mjs (npm run test:mutation), which sets the scope: the
// files to mutate (K8SW_MUTATE) and the test files that must kill their mutants (K8SW_TESTS).
//
// Test runner: the TAP runner. Our tests are node:test files run with tsx; the TAP runner starts
// `node --require tsx/cjs <file>` per test file (node:test prints TAP when its output is not a
// terminal; tsx's CommonJS hook alone, because `--import tsx` also starts an ESM loader thread in
// every test process: ~15% of a rule table's 1.2 s, and the test files pass the same under both),
// records which files cover each mutant (coverageAnalysis perTest, per file) and runs only those,
// stopping at the first failure (forceBail). The command runner would run the whole command for
// every mutant, with no coverage: many times slower on this 2-core machine.
const list = (v, fallback) => (v ? v.split(',').filter(Boolean) : fallback);
const name = process.env.K8SW_MUTATION_NAME ?? 'adhoc';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: list(process.env.K8SW_TESTS, ['test/unit/rules/*.test.ts']),
    nodeArgs: ['--require', 'tsx/cjs', '--test-reporter=tap'],
    forceBail: true,
  },
  checkers: ['typescript'],
  // The checker needs only the server's program (tsconfig.mutation.json: server/src): with the tests,
  // client and scripts in it, every mutant rechecks every test file that imports the service, which
  // took half the CPU of a rule run. A rule is declared as a `Rule`, so no rule mutant can break only
  // a test's types; elsewhere such a mutant (e.g. of sarifLog's inferred type) runs instead of being
  // left out as not compiling.
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: list(process.env.K8SW_MUTATE, ['server/src/service/rules/*.ts']),
  coverageAnalysis: 'perTest',
  // The machine is shared: one test process at a time unless K8SW_CONCURRENCY says otherwise.
  concurrency: Number(process.env.K8SW_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  // Only mutants in changed code (or covered by changed tests) run again.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  ignorePatterns: ['dist', 'out', 'reports', '.test-host', '.vscode-test', 'bench/results', '*.vsix'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
