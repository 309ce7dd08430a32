// A custom resource's problems as reports of the schema rules: exact ranges (marked «» in the
// text), message ids, and the text after the fix (which then parses and is clean of that report).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { readCrdHeader } from '../../../server/src/service/crd/header';
import { customResourceReports, type CrdReport } from '../../../server/src/service/crd/problems';
import { CrdRegistry } from '../../../server/src/service/crd/registry';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { unmark } from '../helpers/ruleTester';
import { WIDGETS_PATH } from './widgets';

const WIDGETS_TEXT = readFileSync(WIDGETS_PATH, 'utf8');
const registry = new CrdRegistry({ loadText: () => WIDGETS_TEXT });
registry.set('file:///w/crd.yaml', [{ docIndex: 0, crd: readCrdHeader(WIDGETS_TEXT)! }]);

function reports(text: string): { reports: CrdReport[]; offset: number } {
  const file = parseManifest('file:///w/cr.yaml', text);
  const out: CrdReport[] = [];
  let offset = 0;
  for (const doc of file.documents) {
    const o = doc.object;
    const m = o && registry.lookup(o.apiVersion, o.kind);
    if (!m) continue;
    offset = doc.offset;
    out.push(...customResourceReports(doc, m, m.version ? registry.schemaOf(m.entry, m.version.name) : undefined));
  }
  return { reports: out, offset };
}

const HEAD = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly ruleId: string;
  readonly messageId: string;
  readonly data?: Record<string, string | number>;
  readonly fix?: string;
  readonly output?: string;
}

const CASES: Case[] = [
  {
    name: 'a typo field: did you mean, renamed',
    text: `${HEAD}spec:\n  size: small\n  «colr»: red # the colour\n  parts:\n  - name: p-1\n`,
    ruleId: 'unknown-field',
    messageId: 'unknownSuggest',
    data: { key: 'colr', parent: 'Widget.spec', crd: 'widgets.example.com', suggestion: 'color' },
    fix: 'Rename to `color`',
    output: `${HEAD}spec:\n  size: small\n  color: red # the colour\n  parts:\n  - name: p-1\n`,
  },
  {
    name: 'an unknown field nothing is close to: removed',
    text: `${HEAD}spec:\n  size: small\n  «zzzzzzzzz»: 1\n  parts:\n  - name: p-1\n`,
    ruleId: 'unknown-field',
    messageId: 'unknownCrd',
    fix: 'Remove `zzzzzzzzz`',
    output: `${HEAD}spec:\n  size: small\n  parts:\n  - name: p-1\n`,
  },
  {
    name: 'a wrong enum value: changed to the one of that case',
    text: `${HEAD}spec:\n  size: «Small»\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'notAllowed',
    data: { field: 'size', value: '"Small"', allowed: '`small`, `medium`, `large`, `huge`' },
    fix: 'Change to `small`',
    output: `${HEAD}spec:\n  size: small\n  parts:\n  - name: p-1\n`,
  },
  {
    name: 'a number written as a string',
    text: `${HEAD}spec:\n  size: small\n  minReplicas: «"2"»\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'wrongType',
    fix: 'Write 2 as a number',
    output: `${HEAD}spec:\n  size: small\n  minReplicas: 2\n  parts:\n  - name: p-1\n`,
  },
  {
    name: 'a missing required field: added with a placeholder',
    text: `${HEAD}«spec»:\n  parts:\n  - name: p-1\n`,
    ruleId: 'missing-required-field',
    messageId: 'missing',
    data: { parent: 'Widget.spec', field: 'size' },
    fix: 'Add `size`',
    output: `${HEAD}spec:\n  parts:\n  - name: p-1\n  size: small\n`,
  },
  {
    name: 'a pattern',
    text: `${HEAD}spec:\n  size: small\n  color: «Red1»\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'crdPattern',
    data: { field: 'color', value: '"Red1"', pattern: '^[a-z]+$' },
  },
  {
    name: 'a maximum (exclusive)',
    text: `${HEAD}spec:\n  size: small\n  maxReplicas: «10»\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'crdBound',
    data: { field: 'maxReplicas', value: '10', bound: 'less than 10' },
  },
  {
    name: 'a duplicate in a set: removed',
    text: `${HEAD}spec:\n  size: small\n  tags:\n  - a\n  - «a»\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'crdDuplicate',
    fix: 'Remove the duplicate',
    output: `${HEAD}spec:\n  size: small\n  tags:\n  - a\n  parts:\n  - name: p-1\n`,
  },
  {
    name: 'a CEL rule with a fieldPath: on that field, with the CRD message',
    text: `${HEAD}spec:\n  size: small\n  minReplicas: «5»\n  maxReplicas: 2\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'crdRule',
    data: { field: 'minReplicas', message: 'minReplicas must not exceed maxReplicas' },
  },
  {
    name: 'a CEL rule on an object: on its key',
    text: `${HEAD}«spec»:\n  size: huge\n  parts:\n  - name: p-1\n`,
    ruleId: 'invalid-value',
    messageId: 'crdRule',
    data: { field: 'spec', message: 'a huge widget needs at least 2 parts, not 1' },
  },
  {
    name: 'a version that is not served: changed to the storage version',
    text: `apiVersion: «example.com/v1alpha1»\nkind: Widget\nmetadata:\n  name: w1\nspec: {}\n`,
    ruleId: 'api-version-mismatch',
    messageId: 'crdNotServed',
    data: {
      apiVersion: 'example.com/v1alpha1',
      kind: 'Widget',
      crd: 'widgets.example.com',
      served: '`example.com/v1beta1`, `example.com/v1`',
    },
    fix: 'Change to `example.com/v1`',
    output: `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec: {}\n`,
  },
  {
    name: 'a version the CRD does not have',
    text: `apiVersion: «example.com/v7»\nkind: Widget\nmetadata:\n  name: w1\n`,
    ruleId: 'api-version-mismatch',
    messageId: 'crdNoVersion',
  },
  {
    name: 'a deprecated version: the CRD deprecationWarning',
    text: `apiVersion: «example.com/v1beta1»\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  anything: goes\n`,
    ruleId: 'api-version-mismatch',
    messageId: 'crdDeprecated',
    data: { apiVersion: 'example.com/v1beta1', kind: 'Widget', warning: 'example.com/v1beta1 Widget is deprecated; use example.com/v1' },
  },
];

describe('crd/problems: custom resource reports of the schema rules', () => {
  it('a valid widget (with comments, another document) has none', () => {
    const text = `# head\n${HEAD}spec:\n  size: small # s\n  parts:\n  - name: p-1\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n`;
    assert.deepEqual(reports(text).reports, []);
  });

  for (const c of CASES)
    it(c.name, () => {
      const { text, ranges } = unmark(c.text);
      assert.equal(ranges.length, 1);
      const { reports: got, offset } = reports(text);
      assert.equal(got.length, 1, JSON.stringify(got.map((r) => r.report)));
      const [r] = got;
      assert.equal(r.ruleId, c.ruleId);
      assert.equal(r.report.messageId, c.messageId);
      const start = text.slice(0, offset + r.report.start).split('\n');
      const end = text.slice(0, offset + r.report.end).split('\n');
      assert.deepEqual(
        [start.length - 1, start[start.length - 1].length, end.length - 1, end[end.length - 1].length],
        [ranges[0].start.line, ranges[0].start.character, ranges[0].end.line, ranges[0].end.character],
      );
      if (c.data) for (const [k, v] of Object.entries(c.data)) assert.equal(r.report.data?.[k], v, k);
      if (c.output !== undefined) {
        const f = r.report.fixes?.find((x) => x.title === c.fix);
        assert.ok(f, `fix ${c.fix}; offered ${r.report.fixes?.map((x) => x.title).join(' | ')}`);
        const edits = [...f.edits].sort((a, b) => b.start - a.start);
        let after = text;
        for (const e of edits) after = after.slice(0, offset + e.start) + e.newText + after.slice(offset + e.end);
        assert.equal(after, c.output);
        assert.doesNotThrow(() => parse(after));
        assert.deepEqual(
          reports(after).reports.filter((x) => x.report.messageId === c.messageId),
          [],
          'the report is gone after the fix',
        );
      }
    });
});
