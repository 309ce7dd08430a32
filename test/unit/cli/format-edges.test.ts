// Edges of the CLI formatters that the main table (format.test.ts) does not reach: Windows drive
// paths in file: URIs, a file that is its own %SRCROOT%, the tool and pseudo-rule descriptors, a
// column that is empty everywhere, files under the cap. Each case kills a mutant that survived
// `npm run test:mutation -- cli`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_PROBLEMS_PER_FILE, ruleIdOf, shown } from '../../../server/src/cli/format/common';
import { artifactLocation, fileUri, ruleDescriptors, sarifLog } from '../../../server/src/cli/format/sarif';
import { formatText } from '../../../server/src/cli/format/text';
import type { LintReport } from '../../../server/src/cli/lint';

const at = (line: number, severity: 1 | 2, code?: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code,
  message: 'm',
});

describe('CLI format edges', () => {
  it('file: URIs keep a drive letter and encode a colon anywhere else', () => {
    assert.equal(fileUri('C:/Users/a b'), 'file:///C:/Users/a%20b');
    assert.equal(fileUri('/x/C:'), 'file:///x/C%3A');
    assert.equal(fileUri('/aC:/b'), 'file:///aC%3A/b');
    assert.equal(fileUri('/C:x'), 'file:///C%3Ax');
  });

  it('a path equal to %SRCROOT% is given as an absolute URI (an empty relative one would name the folder)', () => {
    assert.deepEqual(artifactLocation('/repo', '/repo'), { uri: 'file:///repo' });
  });

  it('the driver and the file-too-large descriptor', () => {
    const driver = sarifLog({ files: [], problems: [] }, { cwd: '/' }).runs[0].tool.driver;
    assert.equal(driver.name, 'k8s-workloads');
    assert.equal(driver.version, '0.1.0');
    const tooLarge = ruleDescriptors().find((r) => r.id === 'file-too-large');
    assert.ok(tooLarge);
    const text = 'A file larger than the size limit (4 MB) is not read, so nothing in it is checked.';
    assert.deepEqual(
      { ...tooLarge, helpUri: undefined },
      {
        id: 'file-too-large',
        name: 'File too large to check',
        shortDescription: { text },
        fullDescription: { text: `${text} Split it, or check it some other way.` },
        help: { text, markdown: text },
        helpUri: undefined,
        defaultConfiguration: { level: 'warning' },
      },
    );
    assert.match(tooLarge.helpUri, /^file:\/\/\/.*\/docs\/rules\.md#file-too-large$/);
  });

  it('a diagnostic without a code has an empty rule id; an empty column takes no width, even beside the cap line', () => {
    assert.equal(ruleIdOf(at(0, 2)), '');
    const report: LintReport = {
      files: [{ path: 'x.yaml', absolute: '/x.yaml', diagnostics: Array.from({ length: MAX_PROBLEMS_PER_FILE + 1 }, (_, i) => at(i, 2)) }],
      problems: [],
    };
    const lines = formatText(report).split('\n');
    assert.equal(lines[0], 'x.yaml:1:1    warning    m');
    assert.equal(
      lines[MAX_PROBLEMS_PER_FILE],
      'x.yaml: 1 more problem in this file is not shown (at most 300 per file, the most severe first). Fix the ones above first.',
    );
  });

  it('files under the cap hide nothing', () => {
    const report: LintReport = {
      files: [
        { path: 'a.yaml', absolute: '/a.yaml', diagnostics: [at(0, 1, 'r'), at(1, 2, 'r')] },
        { path: 'b.yaml', absolute: '/b.yaml', diagnostics: [] },
      ],
      problems: [],
    };
    assert.deepEqual(
      shown(report).map((f) => [f.diagnostics.length, f.hidden]),
      [
        [2, 0],
        [0, 0],
      ],
    );
  });
});
