// npm run test:mutation [-- <scope>…]: StrykerJS over one scope at a time (stryker.config.mjs).
// Scopes: rules (each rule file against its own test table, one Stryker run per rule), codeActions,
// validation, cli, or rules/<rule-id> for one rule (also given as its path,
// server/src/service/rules/<rule-id>.ts). Without a scope: rules, codeActions, validation.
// Runs are incremental (reports/mutation/<name>.incremental.json): a second run retests only the
// mutants of changed code. Scores: reports/mutation/<name>.json, summed up by --summary.
// K8SW_CONCURRENCY (default 1): test runner processes per Stryker run. K8SW_JOBS (default 1): Stryker
// runs at once over the rules; with more than one, each run's output goes to reports/mutation/<name>.log.
// Each run's time and load average are appended to reports/mutation/timings.tsv.
//
// Why not several rules in one Stryker run: a rule table runs every rule (doValidation), so with the
// TAP runner's per-file coverage every test file of the batch covers every mutant of the batch; a
// mutant would run against the other rules' tables before its own, and a survivor against all of them.
// The fixed cost of a run (TypeScript checker start, dry run: ~30 s) is instead overlapped by K8SW_JOBS.
//
// --survivors <scope>…: after tests were added, reruns only the mutants that survived (or had no
// coverage) in the scope's last report, as Stryker mutate ranges, into <name>.survivors.json; the
// summary then counts each rerun mutant with its new status. Much cheaper than a rerun of the whole
// scope (a changed test file retests every mutant it covers, and a rule table covers them all).
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const RULES_DIR = 'server/src/service/rules';
/** Rule files with their own test table; registry, types and helpers are tested through the rules. */
function ruleIds() {
  return readdirSync(join(root, RULES_DIR))
    .filter((f) => f.endsWith('.ts') && existsSync(join(root, 'test/unit/rules', f.replace(/\.ts$/, '.test.ts'))))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}
/** Every unit test file with a table for the rule: its own, and those of release- or CRD-specific cases (kubernetes-versions, crd/service…). */
function testsOfRule(id) {
  const own = `test/unit/rules/${id}.test.ts`;
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (rel !== own && rel.endsWith('.test.ts') && readFileSync(join(root, rel), 'utf8').includes(`ruleTable('${id}'`))
        found.push(rel);
    }
  };
  walk('test/unit');
  // A rule that skips some of its messages on Kustomize patches (meta.onPatch.skipMessages): the
  // Kustomize tests check that those are message ids of the rule, and what a patch still reports.
  const patchTests = readFileSync(join(root, RULES_DIR, `${id}.ts`), 'utf8').includes('skipMessages')
    ? ['test/unit/workspace/kustomize.test.ts']
    : [];
  return [own, ...found.sort(), ...patchTests];
}
const SCOPES = {
  codeActions: {
    mutate: ['server/src/service/codeActions.ts'],
    tests: [
      'test/unit/codeActions.test.ts',
      'test/unit/suppression.test.ts',
      'test/unit/refactors/refactors.test.ts',
      // line breaks of fixes in CRLF and CR files
      'test/unit/robustness/messages-and-line-breaks.test.ts',
    ],
  },
  validation: {
    mutate: ['server/src/service/validation.ts'],
    tests: [
      // the runner's own unit tests first: they kill most mutants, and a killed mutant stops at its first failing file
      'test/unit/validation.test.ts',
      'test/unit/suppression.test.ts',
      'test/unit/settings/ruleSettings.test.ts',
      'test/unit/codeActions.test.ts',
      'test/unit/workspace/kustomize.test.ts',
      'test/unit/rules/duplicate-name.test.ts',
      'test/unit/rules/yaml-syntax.test.ts',
      // the runner's caches across files and CRD changes, and how messages show invisible characters
      'test/unit/workspace/crossFile.test.ts',
      'test/unit/crd/service.test.ts',
      'test/unit/robustness/messages-and-line-breaks.test.ts',
    ],
  },
  cli: {
    mutate: ['server/src/cli/format/**/*.ts'],
    tests: ['test/unit/cli*.test.ts', 'test/unit/cli/**/*.test.ts'],
  },
};

const JOBS = Math.max(1, Number(process.env.K8SW_JOBS ?? 1));
const CONCURRENCY = Math.max(1, Number(process.env.K8SW_CONCURRENCY ?? 1));

/** One Stryker run; resolves to its exit status. */
function run(name, mutate, tests) {
  mkdirSync(join(root, 'reports/mutation'), { recursive: true });
  const started = Date.now();
  const load = loadavg()[0];
  const toLog = JOBS > 1;
  console.log(`\n== mutation: ${name} (${mutate.join(', ')}) against ${tests.join(', ')}${toLog ? ` → reports/mutation/${name}.log` : ''}`);
  const child = spawn(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', 'stryker.config.mjs'], {
    cwd: root,
    stdio: toLog ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      K8SW_MUTATION_NAME: name,
      K8SW_MUTATE: mutate.join(','),
      K8SW_TESTS: tests.join(','),
      K8SW_CONCURRENCY: String(CONCURRENCY),
    },
  });
  if (toLog) {
    const log = createWriteStream(join(root, 'reports/mutation', `${name}.log`));
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const loads = `${load.toFixed(1)}→${loadavg()[0].toFixed(1)}`;
      console.log(`== mutation: ${name} took ${seconds} s (exit ${code}, load average ${loads}, concurrency ${CONCURRENCY}, jobs ${JOBS})`);
      appendFileSync(
        join(root, 'reports/mutation/timings.tsv'),
        `${new Date(started).toISOString()}\t${name}\t${seconds}\t${code}\t${loads}\t${CONCURRENCY}\t${JOBS}\n`,
      );
      warnIdleTests(name);
      resolve(code ?? 1);
    });
  });
}

/** Runs the queued runs, JOBS at a time; resolves to the first non-zero status (or 0). */
async function runAll(queue) {
  let status = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const code = await run(...next);
      status ||= code;
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, worker));
  return status;
}

/**
 * A test file that reached no mutant at all was probably empty or did not load when Stryker copied the
 * project (a test file being rewritten at that moment reads as empty, and an empty file passes): its
 * mutants then count as survivors. Say so instead of reporting a low score as if it were measured.
 */
function warnIdleTests(name) {
  const file = join(root, 'reports/mutation', `${name}.json`);
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const covering = new Set();
  for (const f of Object.values(report.files)) for (const m of f.mutants) for (const id of m.coveredBy ?? []) covering.add(id);
  for (const [testFile, t] of Object.entries(report.testFiles ?? {}))
    if (!t.tests.some((x) => covering.has(x.id)))
      console.warn(
        `== mutation: WARNING ${testFile} reached no mutant of ${name}; if it is not empty, delete reports/mutation/${name}.incremental.json and run again`,
      );
}

const mutantKey = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement}`;

/** The mutants of the survivors rerun of a report, by mutantKey. */
function survivorsRerun(name) {
  const file = join(root, 'reports/mutation', `${name}.survivors.json`);
  const found = new Map();
  if (!existsSync(file)) return found;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [f, x] of Object.entries(report.files)) for (const m of x.mutants) found.set(mutantKey(f, m), m);
  return found;
}

/**
 * Stryker mutate ranges (`file:line:column-line:column`, columns from 0) of a report's survivors and
 * uncovered mutants; undefined when a mutated file changed since the report (its positions are stale).
 */
function survivorRanges(name) {
  const file = join(root, 'reports/mutation', `${name}.json`);
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const ranges = new Set();
  for (const [f, x] of Object.entries(report.files)) {
    if (readFileSync(join(root, f), 'utf8') !== x.source) return undefined;
    for (const m of x.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const { start, end } = m.location;
      ranges.add(`${f}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
    }
  }
  return [...ranges];
}

/** Mutation score (killed + timeout) / (killed + timeout + survived + no coverage), per report and per group (all rules together). */
function summary() {
  const dir = join(root, 'reports/mutation');
  if (!existsSync(dir)) return;
  const rows = [];
  const totals = {};
  const add = (t, m) => {
    if (m.status === 'Killed') t.killed++;
    else if (m.status === 'Timeout') t.timeout++;
    else if (m.status === 'Survived') t.survived++;
    else if (m.status === 'NoCoverage') t.noCoverage++;
    else t.invalid++;
  };
  const empty = () => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, invalid: 0 });
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json') && !x.endsWith('.incremental.json') && !x.endsWith('.survivors.json'))
    .sort()) {
    const report = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    let name = f.replace(/\.json$/, '');
    const group = name.startsWith('rules-') ? 'rules (all measured)' : undefined;
    const rerun = survivorsRerun(name);
    if (rerun.size) name += ' (+ survivors rerun)';
    const t = empty();
    for (const [file, x] of Object.entries(report.files)) for (const m of x.mutants) add(t, rerun.get(mutantKey(file, m)) ?? m);
    rows.push([name, t]);
    if (group) {
      const g = (totals[group] ??= empty());
      for (const k of Object.keys(t)) g[k] += t[k];
    }
  }
  console.log('\nscope                                                     detected  survived  no coverage  score');
  for (const [g, t] of [...rows, ...Object.entries(totals)]) {
    const detected = t.killed + t.timeout;
    const valid = detected + t.survived + t.noCoverage;
    console.log(
      `${g.padEnd(56)} ${String(detected).padStart(9)}  ${String(t.survived).padStart(8)}  ${String(t.noCoverage).padStart(11)}  ${valid ? ((100 * detected) / valid).toFixed(1) : '-'}%`,
    );
  }
}

const args = process.argv.slice(2);
if (args.includes('--summary')) {
  summary();
  process.exit(0);
}
const survivorsOnly = args.includes('--survivors');
const scopeArgs = args.filter((a) => a !== '--survivors');
const scopes = scopeArgs.length ? scopeArgs : ['rules', 'codeActions', 'validation'];
const queue = [];
for (const arg of scopes) {
  // A file path names its scope: a rule file, or the file of codeActions / validation / cli.
  const scope = arg.startsWith(`${RULES_DIR}/`)
    ? `rules/${arg.slice(RULES_DIR.length + 1).replace(/\.ts$/, '')}`
    : (Object.entries(SCOPES).find(([, s]) => s.mutate.includes(arg))?.[0] ?? arg);
  if (scope === 'rules' || scope.startsWith('rules/')) {
    const ids = scope === 'rules' ? ruleIds() : [scope.slice('rules/'.length)];
    // docs/rules.md is generated from each rule's meta: its test kills mutants of names, rationales and examples.
    for (const id of ids) queue.push([`rules-${id}`, [`${RULES_DIR}/${id}.ts`], [...testsOfRule(id), 'test/unit/docs/rulesDoc.test.ts']]);
  } else if (SCOPES[scope]) queue.push([scope, SCOPES[scope].mutate, SCOPES[scope].tests]);
  else {
    console.error(`unknown scope ${scope}: rules, rules/<rule-id>, ${Object.keys(SCOPES).join(', ')}, or --summary`);
    process.exit(2);
  }
}
if (survivorsOnly) {
  for (const [i, [name, , tests]] of [...queue.entries()].reverse()) {
    const ranges = survivorRanges(name);
    if (!ranges) {
      console.log(`== mutation: ${name}: the code changed since its report, so all of it runs again`);
      rmSync(join(root, 'reports/mutation', `${name}.survivors.json`), { force: true });
      continue;
    }
    if (!ranges.length) console.log(`== mutation: ${name} has no report or no survivors`);
    // A fresh run each time: the rerun's own incremental file would only reuse its last answers.
    rmSync(join(root, 'reports/mutation', `${name}.survivors.incremental.json`), { force: true });
    if (ranges.length) queue[i] = [`${name}.survivors`, ranges, tests];
    else queue.splice(i, 1);
  }
}
const status = await runAll(queue);
summary();
process.exit(status);
