// Real lint runs in every format, checked the way CI tools read them: the SARIF log against the
// official SARIF 2.1.0 JSON schema (from @microsoft/jest-sarif, with its uri/uri-reference
// formats), and the SARIF, JSON and text outputs against each other, against the files' text and
// against the language service's own diagnostics.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonProblems } from '../../../server/src/cli/format/json';
import { sarifLog } from '../../../server/src/cli/format/sarif';
import { formatText } from '../../../server/src/cli/format/text';
import { lint, type LintReport } from '../../../server/src/cli/lint';
import { getLanguageService } from '../../../server/src/service/index';

const ROOT = resolve(__dirname, '..', '..', '..');
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
}

/** ajv with the schema's draft-04 and its formats; its `language` pattern is an ECMA-262 (non-unicode) regex, as draft-04 says. */
function validator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
}

/** The text a 1-based, end-exclusive region covers. */
function cut(text: string, r: { startLine: number; startColumn: number; endLine: number; endColumn: number }): string {
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  return text.slice(
    doc.offsetAt({ line: r.startLine - 1, character: r.startColumn - 1 }),
    doc.offsetAt({ line: r.endLine - 1, character: r.endColumn - 1 }),
  );
}

describe('CLI: SARIF against the official schema, and every format against the others', () => {
  let dir: string;
  let report: LintReport;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8sw-sarif-'));
    const odd = join(dir, 'dir with space', 'ünï #1?', '%20');
    mkdirSync(odd, { recursive: true });
    copyFileSync(join(ROOT, 'examples', 'broken-deployment.yaml'), join(odd, 'broken deployment #2?.yaml'));
    copyFileSync(join(ROOT, 'examples', 'broken-jobs.yaml'), join(dir, 'broken-jobs.yaml'));
    writeFileSync(join(dir, 'syntax.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [\n');
    report = lint([dir]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 (uri and uri-reference formats included), with paths that resolve to the files', () => {
    const log = sarifLog(report, { cwd: dir });
    const validate = validator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const base = run.originalUriBaseIds['%SRCROOT%'].uri;
    assert.equal(base, `${pathToFileURL(dir).href}/`);
    const files = new Set<string>();
    for (const r of run.results as SarifResult[]) {
      const { uri, uriBaseId } = r.locations[0].physicalLocation.artifactLocation;
      assert.equal(uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(uri, /[ #?]|^\//, 'relative and percent-encoded');
      files.add(fileURLToPath(new URL(uri, base)));
    }
    assert.deepEqual(
      [...files].sort(),
      [
        join(dir, 'broken-jobs.yaml'),
        join(dir, 'dir with space', 'ünï #1?', '%20', 'broken deployment #2?.yaml'),
        join(dir, 'syntax.yaml'),
      ].sort(),
    );
    // Files outside %SRCROOT% get absolute file: URIs, still valid.
    const outside = sarifLog(report, { cwd: join(ROOT, 'docs') });
    assert.ok(validate(outside), JSON.stringify(validate.errors, null, 2));
    const uri = (outside.runs[0].results[0] as SarifResult).locations[0].physicalLocation.artifactLocation;
    assert.equal(uri.uriBaseId, undefined);
    assert.match(uri.uri, /^file:\/\//);
  });

  it('the schema test bites: an unencoded space, a missing region field, a bad level are rejected', () => {
    const validate = validator();
    const log = sarifLog(report, { cwd: dir });
    const r = log.runs[0].results[0] as SarifResult;
    const broken = (change: (r: SarifResult) => void) => {
      const copy = JSON.parse(JSON.stringify(log)) as typeof log;
      change(copy.runs[0].results[0] as SarifResult);
      return validate(copy);
    };
    assert.equal(
      broken((x) => (x.locations[0].physicalLocation.artifactLocation.uri = 'dir with space/x.yaml')),
      false,
    );
    assert.equal(
      broken((x) => (x.level = 'info')),
      false,
    );
    assert.equal(
      broken((x) => (x.locations[0].physicalLocation.region.startLine = 0)),
      false,
    );
    assert.ok(r);
  });

  it('SARIF, JSON and text say the same: file, positions, severity, rule id, message', () => {
    const log = sarifLog(report, { cwd: dir });
    const results = log.runs[0].results as SarifResult[];
    const json = jsonProblems(report);
    const text = formatText(report).split('\n').slice(0, -2);
    assert.equal(results.length, json.length);
    assert.equal(text.length, json.length);
    assert.ok(json.length >= 9, `${json.length} problems`);
    const level = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
    const rules = log.runs[0].tool.driver.rules;
    json.forEach((j, i) => {
      const s = results[i];
      const region = s.locations[0].physicalLocation.region;
      assert.deepEqual(region, { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn });
      assert.equal(s.ruleId, j.ruleId);
      assert.equal(rules[s.ruleIndex].id, j.ruleId);
      assert.equal(s.level, level[j.severity]);
      assert.equal(s.message.text, j.message);
      const uri = s.locations[0].physicalLocation.artifactLocation.uri;
      assert.equal(fileURLToPath(new URL(uri, `${pathToFileURL(dir).href}/`)), j.file);
      const [where, severity, ruleId, ...message] = text[i].split(/ {2,}/);
      assert.equal(where, `${j.file}:${j.line}:${j.column}`);
      assert.equal(severity, j.severity);
      assert.equal(ruleId, j.ruleId);
      assert.equal(message.join('  '), j.message);
    });
    // the text columns line up
    const at = (needle: string) =>
      new Set(text.map((l) => l.indexOf(needle === 'sev' ? (/ (error|warning|info|hint) /.exec(l)?.[1] ?? '') : needle)));
    assert.equal(at('sev').size, 1, 'severity column aligned');
  });

  it('agrees with the language service: each finding of a file, at the text it points at', () => {
    const file = report.files.find((f) => f.path.endsWith('broken deployment #2?.yaml'));
    assert.ok(file);
    const text = readFileSync(file.absolute, 'utf8');
    const service = getLanguageService();
    const expected = service.doValidation(TextDocument.create(pathToFileURL(file.absolute).href, 'yaml', 1, text));
    const key = (d: { code?: unknown; severity?: number; range: unknown; message: unknown }) =>
      JSON.stringify([d.code, d.severity, d.range, d.message]);
    assert.deepEqual(file.diagnostics.map(key).sort(), expected.map(key).sort());
    const json = jsonProblems(report).filter((j) => j.file === file.path);
    const byRule = Object.fromEntries(
      json.map((j) => [j.ruleId, cut(text, { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn })]),
    );
    assert.deepEqual(byRule, {
      'unknown-field': 'replica',
      'selector-mismatch': 'app: web',
      'image-tag': 'nginx:latest',
      'invalid-quantity': '500mi',
    });
  });
});
