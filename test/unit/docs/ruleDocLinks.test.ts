import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleDocLinks, ruleDocLinksFor } from '../../../server/src/ruleDocLinks';
import { RULES } from '../../../server/src/service/rules/registry';

const ROOT = join(__dirname, '..', '..', '..');

describe('links from diagnostics to docs/rules.md', () => {
  it('point at the line of each rule heading (VS Code moves to #L<line>, not to a heading anchor)', () => {
    const text = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
    const lines = text.split('\n');
    const link = ruleDocLinksFor(join(ROOT, 'docs', 'rules.md'));
    for (const rule of RULES) {
      const m = /^file:\/\/.+\/docs\/rules\.md#L(\d+)$/.exec(link(rule.meta.id));
      assert.ok(m, link(rule.meta.id));
      assert.equal(lines[Number(m[1]) - 1], `## ${rule.meta.id}`);
    }
  });

  it('fall back to the heading anchor for an id without a section, or when the file cannot be read', () => {
    assert.equal(ruleDocLinks('# Rules\n## a-rule\n', 'file:///x/rules.md')('a-rule'), 'file:///x/rules.md#L2');
    assert.equal(ruleDocLinks('# Rules\n## a-rule\n', 'file:///x/rules.md')('other'), 'file:///x/rules.md#other');
    assert.match(ruleDocLinksFor('/nonexistent/docs/rules.md')('a-rule'), /^file:\/\/\/nonexistent\/docs\/rules\.md#a-rule$/);
  });
});
