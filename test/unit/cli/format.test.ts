// The CLI's output formatters, field by field, on hand-made reports: what a CI tool reads from
// each format (positions, severities, rule ids, paths, the per-file cap, --quiet) and the three
// formats agreeing with each other. test/unit/cli/sarif.test.ts checks real runs against the
// official schema and the language service; test/protocol/cli.test.ts runs dist/cli.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_PROBLEMS_PER_FILE, counts, severityName, severityNumber, shown } from '../../../server/src/cli/format/common';
import { formatJson, jsonProblems } from '../../../server/src/cli/format/json';
import {
  artifactLocation,
  encodePath,
  fileUri,
  formatSarif,
  ruleDescriptors,
  sarifLevel,
  sarifLog,
} from '../../../server/src/cli/format/sarif';
import { formatText } from '../../../server/src/cli/format/text';
import { exitCode } from '../../../server/src/cli/index';
import type { LintReport } from '../../../server/src/cli/lint';
import { RULES } from '../../../server/src/service/rules/registry';

const ROOT = join(__dirname, '..', '..', '..');

function diag(
  line: number,
  character: number,
  endLine: number,
  endCharacter: number,
  severity: 1 | 2 | 3 | 4 | undefined,
  code: string,
  message: string,
): Diagnostic {
  return { range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, severity, code, message };
}

const REPORT: LintReport = {
  files: [
    {
      path: 'k8s/a.yaml',
      absolute: '/repo/k8s/a.yaml',
      diagnostics: [
        diag(7, 2, 7, 9, 1, 'unknown-field', 'bad key'),
        diag(20, 17, 21, 4, 2, 'image-tag', 'moving tag'),
        diag(30, 0, 30, 0, 3, 'job-deadline', 'no deadline'),
      ],
    },
    {
      path: '/abs/dir with space/b#1.yaml',
      absolute: '/abs/dir with space/b#1.yaml',
      diagnostics: [diag(0, 0, 0, 5, 4, 'run-as-non-root', 'hint\nsecond line')],
    },
    { path: 'clean.yaml', absolute: '/repo/clean.yaml', diagnostics: [] },
  ],
  problems: [],
};

describe('CLI format: common', () => {
  it('severity numbers and names: absent or unknown means error', () => {
    assert.deepEqual(
      [undefined, 1, 2, 3, 4, 7].map((s) => severityNumber(diag(0, 0, 0, 0, s as 1, 'x', 'm'))),
      [1, 1, 2, 3, 4, 1],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((s) => severityName(diag(0, 0, 0, 0, s as 1, 'x', 'm'))),
      ['error', 'warning', 'info', 'hint'],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((s) => sarifLevel(diag(0, 0, 0, 0, s as 1, 'x', 'm'))),
      ['error', 'warning', 'note', 'note'],
    );
  });

  it('counts every problem: errors, warnings, and information and hints together', () => {
    assert.deepEqual(counts(REPORT), { files: 3, errors: 1, warnings: 1, infos: 2 });
  });

  it('caps a file at the language server’s limit, keeping errors first, in reading order', () => {
    const server = readFileSync(join(ROOT, 'server/src/server.ts'), 'utf8');
    assert.equal(MAX_PROBLEMS_PER_FILE, Number(/const MAX_DIAGNOSTICS = (\d+);/.exec(server)?.[1]), 'the same cap as the server');
    const warnings = Array.from({ length: MAX_PROBLEMS_PER_FILE + 1 }, (_, i) => diag(i, 0, i, 1, 2, 'image-tag', `w${i}`));
    const error = diag(MAX_PROBLEMS_PER_FILE + 5, 0, MAX_PROBLEMS_PER_FILE + 5, 1, 1, 'unknown-field', 'e');
    const report: LintReport = { files: [{ path: 'big.yaml', absolute: '/big.yaml', diagnostics: [...warnings, error] }], problems: [] };
    const [file] = shown(report);
    assert.equal(file.diagnostics.length, MAX_PROBLEMS_PER_FILE);
    assert.equal(file.hidden, 2);
    assert.equal(file.diagnostics[MAX_PROBLEMS_PER_FILE - 1], error, 'the error is kept, last in reading order');
    assert.equal(file.diagnostics[0], warnings[0]);
    assert.equal(file.diagnostics[MAX_PROBLEMS_PER_FILE - 2], warnings[MAX_PROBLEMS_PER_FILE - 2]);
    // exactly at the cap: nothing hidden
    const full: LintReport = {
      files: [{ path: 'f.yaml', absolute: '/f.yaml', diagnostics: warnings.slice(0, MAX_PROBLEMS_PER_FILE) }],
      problems: [],
    };
    assert.deepEqual(
      shown(full).map((f) => [f.diagnostics.length, f.hidden]),
      [[MAX_PROBLEMS_PER_FILE, 0]],
    );
    // the cap line in each format
    assert.match(
      formatText(report),
      /\nbig\.yaml: 2 more problems in this file are not shown \(at most 300 per file, the most severe first\)\. Fix the ones above first\.\n\n1 file checked: 1 error\(s\), 301 warning\(s\), 0 info\.$/,
    );
    const json = jsonProblems(report);
    assert.equal(json.length, MAX_PROBLEMS_PER_FILE + 1);
    assert.deepEqual(json[json.length - 1], {
      file: 'big.yaml',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'info',
      ruleId: 'too-many-problems',
      message: '2 more problems in this file are not shown (at most 300 per file, the most severe first). Fix the ones above first.',
    });
    const one: LintReport = {
      files: [{ path: 'one.yaml', absolute: '/one.yaml', diagnostics: [...warnings.slice(0, MAX_PROBLEMS_PER_FILE), error] }],
      problems: [],
    };
    assert.match(formatText(one), /one\.yaml: 1 more problem in this file is not shown/);
    const sarif = sarifLog(report, { cwd: '/' });
    assert.equal(sarif.runs[0].results.length, MAX_PROBLEMS_PER_FILE);
    assert.deepEqual(sarif.runs[0].invocations[0].toolExecutionNotifications, [
      {
        descriptor: { id: 'too-many-problems' },
        level: 'note',
        message: {
          text: '2 more problems in this file are not shown (at most 300 per file, the most severe first). Fix the ones above first.',
        },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'big.yaml', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('--quiet shows errors only (the cap then counts errors), and the counts still say everything', () => {
    assert.deepEqual(
      shown(REPORT, { quiet: true }).map((f) => f.diagnostics.map((d) => d.code)),
      [['unknown-field'], [], []],
    );
    assert.equal(
      formatText(REPORT, { quiet: true }),
      'k8s/a.yaml:8:3  error  unknown-field  bad key\n\n3 files checked: 1 error(s), 1 warning(s), 2 info.',
    );
    assert.deepEqual(
      jsonProblems(REPORT, { quiet: true }).map((p) => p.ruleId),
      ['unknown-field'],
    );
    assert.deepEqual(
      sarifLog(REPORT, { quiet: true, cwd: '/repo' }).runs[0].results.map((r) => (r as { ruleId: string }).ruleId),
      ['unknown-field'],
    );
  });
});

describe('CLI format: text', () => {
  it('aligned columns: path:line:column, severity, rule id, message on one line; then the summary', () => {
    assert.equal(
      formatText(REPORT),
      [
        'k8s/a.yaml:8:3                    error    unknown-field    bad key',
        'k8s/a.yaml:21:18                  warning  image-tag        moving tag',
        'k8s/a.yaml:31:1                   info     job-deadline     no deadline',
        '/abs/dir with space/b#1.yaml:1:1  hint     run-as-non-root  hint second line',
        '',
        '3 files checked: 1 error(s), 1 warning(s), 2 info.',
      ].join('\n'),
    );
  });

  it('nothing found: only the summary, singular for one file', () => {
    assert.equal(
      formatText({ files: [{ path: 'x.yaml', absolute: '/x.yaml', diagnostics: [] }], problems: [] }),
      '1 file checked: 0 error(s), 0 warning(s), 0 info.',
    );
    assert.equal(formatText({ files: [], problems: [] }), '0 files checked: 0 error(s), 0 warning(s), 0 info.');
  });
});

describe('CLI format: json', () => {
  it('every field of every problem, the path as given, 1-based, end column exclusive', () => {
    assert.deepEqual(JSON.parse(formatJson(REPORT)), [
      { file: 'k8s/a.yaml', line: 8, column: 3, endLine: 8, endColumn: 10, severity: 'error', ruleId: 'unknown-field', message: 'bad key' },
      {
        file: 'k8s/a.yaml',
        line: 21,
        column: 18,
        endLine: 22,
        endColumn: 5,
        severity: 'warning',
        ruleId: 'image-tag',
        message: 'moving tag',
      },
      {
        file: 'k8s/a.yaml',
        line: 31,
        column: 1,
        endLine: 31,
        endColumn: 1,
        severity: 'info',
        ruleId: 'job-deadline',
        message: 'no deadline',
      },
      {
        file: '/abs/dir with space/b#1.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        severity: 'hint',
        ruleId: 'run-as-non-root',
        message: 'hint\nsecond line',
      },
    ]);
    assert.equal(formatJson({ files: [], problems: [] }), '[]');
  });
});

describe('CLI format: sarif', () => {
  it('percent-encodes paths: spaces, non-ASCII, #, ?, %, brackets', () => {
    assert.equal(encodePath('a b/ü#?%20[x].yaml'), 'a%20b/%C3%BC%23%3F%2520%5Bx%5D.yaml');
    assert.equal(fileUri('/repo/a b'), 'file:///repo/a%20b');
    assert.equal(fileUri('/repo/a b', true), 'file:///repo/a%20b/');
    assert.equal(fileUri('/', true), 'file:///');
    assert.deepEqual(artifactLocation('/repo/k8s/ü #1.yaml', '/repo'), { uri: 'k8s/%C3%BC%20%231.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/elsewhere/x?.yaml', '/repo'), { uri: 'file:///elsewhere/x%3F.yaml' });
    assert.deepEqual(artifactLocation('/repo2/x.yaml', '/repo'), { uri: 'file:///repo2/x.yaml' }, 'a sibling folder is outside');
  });

  it('results: rule id and index, level, message, one location with the exact region', () => {
    const log = sarifLog(REPORT, { cwd: '/repo' });
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    const rules = run.tool.driver.rules;
    const index = (id: string) => rules.findIndex((r) => r.id === id);
    assert.deepEqual(run.results, [
      {
        ruleId: 'unknown-field',
        ruleIndex: index('unknown-field'),
        level: 'error',
        message: { text: 'bad key' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'k8s/a.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 10 },
            },
          },
        ],
      },
      {
        ruleId: 'image-tag',
        ruleIndex: index('image-tag'),
        level: 'warning',
        message: { text: 'moving tag' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'k8s/a.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 21, startColumn: 18, endLine: 22, endColumn: 5 },
            },
          },
        ],
      },
      {
        ruleId: 'job-deadline',
        ruleIndex: index('job-deadline'),
        level: 'note',
        message: { text: 'no deadline' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'k8s/a.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 31, startColumn: 1, endLine: 31, endColumn: 1 },
            },
          },
        ],
      },
      {
        ruleId: 'run-as-non-root',
        ruleIndex: index('run-as-non-root'),
        level: 'note',
        message: { text: 'hint\nsecond line' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'file:///abs/dir%20with%20space/b%231.yaml' },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 6 },
            },
          },
        ],
      },
    ]);
    assert.ok(
      run.results.every((r) => (r as { ruleIndex: number }).ruleIndex >= 0),
      'every rule id is a descriptor',
    );
    // a code without descriptor gets no ruleIndex
    const other = sarifLog(
      { files: [{ path: 'x.yaml', absolute: '/repo/x.yaml', diagnostics: [diag(0, 0, 0, 1, 1, 'no-such-rule', 'm')] }], problems: [] },
      { cwd: '/repo' },
    );
    assert.equal('ruleIndex' in (other.runs[0].results[0] as object), false);
    assert.equal(JSON.parse(formatSarif(REPORT, { cwd: '/repo' })).runs[0].results.length, 4);
  });

  it('rules: every rule with name, short and full description, help, helpUri and default level', () => {
    const rules = ruleDescriptors();
    assert.deepEqual(
      rules.map((r) => r.id),
      [...RULES.map((r) => r.meta.id), 'file-too-large'],
    );
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const [i, { meta }] of RULES.entries()) {
      const r = rules[i];
      assert.equal(r.name, meta.name);
      assert.deepEqual(r.shortDescription, { text: meta.description });
      assert.deepEqual(r.fullDescription, { text: `${meta.description} ${meta.rationale}` });
      assert.deepEqual(r.defaultConfiguration, { level: level[meta.severity] }, meta.id);
      assert.ok(r.help.text.includes(meta.rationale) && r.help.markdown.includes(meta.rationale));
      assert.match(r.helpUri, new RegExp(`^file:///.*/docs/rules\\.md#${meta.id}$`));
    }
    assert.deepEqual(new Set(rules.map((r) => r.defaultConfiguration.level)), new Set(['error', 'warning', 'note']));
    assert.deepEqual(rules[rules.length - 1].defaultConfiguration, { level: 'warning' });
  });

  it('input problems are notifications; an unreadable input makes the run unsuccessful and exit 2', () => {
    const report: LintReport = {
      files: [],
      problems: [
        { path: 'gone.yaml', severity: 'error', message: 'cannot read: no such file or folder (ENOENT)' },
        { path: 'd/pipe.yaml', severity: 'warning', message: 'skipped: a named pipe (FIFO)' },
        { path: '', severity: 'warning', message: 'rules: unknown rule "x"' },
      ],
    };
    const inv = sarifLog(report, { cwd: '/repo' }).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.deepEqual(inv.toolExecutionNotifications, [
      {
        level: 'error',
        message: { text: 'gone.yaml: cannot read: no such file or folder (ENOENT)' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'gone.yaml', uriBaseId: '%SRCROOT%' } } }],
      },
      {
        level: 'warning',
        message: { text: 'd/pipe.yaml: skipped: a named pipe (FIFO)' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'd/pipe.yaml', uriBaseId: '%SRCROOT%' } } }],
      },
      { level: 'warning', message: { text: 'rules: unknown rule "x"' } },
    ]);
    assert.equal(exitCode(report), 2);
    assert.equal(
      sarifLog({ files: [], problems: [report.problems[1]] }, { cwd: '/repo' }).runs[0].invocations[0].executionSuccessful,
      true,
    );
  });
});

describe('CLI exit codes', () => {
  const only = (...severities: (1 | 2 | 3)[]): LintReport => ({
    files: [{ path: 'x.yaml', absolute: '/x.yaml', diagnostics: severities.map((s) => diag(0, 0, 0, 1, s, 'r', 'm')) }],
    problems: [],
  });
  it('0 clean or below --max-warnings, 1 on errors or more warnings than allowed, 2 on unreadable input', () => {
    assert.equal(exitCode(only()), 0);
    assert.equal(exitCode(only(2, 2, 3)), 0);
    assert.equal(exitCode(only(1)), 1);
    assert.equal(exitCode(only(2, 2), 2), 0, 'at the maximum');
    assert.equal(exitCode(only(2, 2, 2), 2), 1, 'one more than the maximum');
    assert.equal(exitCode(only(2), 0), 1);
    assert.equal(exitCode(only(3, 3), 0), 0, 'information does not count as warnings');
    assert.equal(exitCode({ ...only(1), problems: [{ path: 'p', severity: 'error', message: 'm' }] }), 2);
    assert.equal(exitCode({ ...only(), problems: [{ path: 'p', severity: 'warning', message: 'm' }] }), 0);
  });
});
