// docs/rules.md is generated from the rule metadata: the committed file must be the generator's
// output, every rule must have its section, and the examples must tell the truth (the "before"
// triggers the rule, the "after" is what its quick fix produces).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { RULES } from '../../../server/src/service/rules/registry';
import { OUTPUT, renderRulesDoc } from '../../../scripts/generate-rules-doc';
import { applyEdits } from '../helpers/ruleTester';

const ROOT = join(__dirname, '..', '..', '..');

describe('docs/rules.md', () => {
  const committed = readFileSync(join(ROOT, OUTPUT), 'utf8');

  it('is the generator output (run `npm run generate:docs` after changing a rule)', () => {
    assert.equal(committed, renderRulesDoc(RULES));
  });

  it('has one section per rule, headed by its id (the codeDescription anchor)', () => {
    const headings = [...committed.matchAll(/^## (\S+)$/gm)].map((m) => m[1]).filter((h) => RULES.some((r) => r.meta.id === h));
    assert.deepEqual(headings, RULES.map((r) => r.meta.id).sort());
  });

  it('renders a section with what, why and both sides of the example', () => {
    const doc = renderRulesDoc([
      {
        meta: {
          id: 'demo-rule',
          name: 'Demo',
          severity: 'warning',
          kinds: ['Job'],
          description: 'What it catches.',
          rationale: 'Why, in the guide’s words.',
          guideSection: 'Job',
          source: '`validateJob`, pkg/apis/batch/validation/validation.go',
          fixable: true,
          messages: {},
          example: { invalid: 'kind: Job\n', fixed: 'kind: Job # fixed\n' },
        },
        check() {},
      },
    ]);
    const section = doc.slice(doc.indexOf('## demo-rule'));
    for (const part of [
      '**Demo**',
      '- Severity: warning',
      '- Applies to: Job',
      '- Quick fix: yes',
      '- Kubernetes validation: `validateJob`, pkg/apis/batch/validation/validation.go',
      '### What\n\nWhat it catches.',
      '### Why\n\nWhy, in the guide’s words.',
    ])
      assert.ok(section.includes(part), part);
    assert.ok(section.includes('Before:\n\n```yaml\nkind: Job\n```'));
    assert.ok(section.includes('After the quick fix:\n\n```yaml\nkind: Job # fixed\n```'));
    assert.ok(doc.includes('| [demo-rule](#demo-rule) | warning | Job | yes | What it catches. |'));
  });
});

describe('rule examples', () => {
  for (const rule of RULES) {
    const example = rule.meta.example;
    if (!example || rule.meta.id === 'yaml-syntax') continue;
    it(`${rule.meta.id}: the example triggers the rule${example.fixed !== undefined ? ' and a fix gives the "after" text' : ''}`, () => {
      const ls = getLanguageService();
      const document = TextDocument.create('file:///docs/example.yaml', 'yaml', 1, example.invalid);
      const found = ls.doValidation(document).filter((d) => d.code === rule.meta.id);
      assert.ok(found.length > 0, `the example does not trigger ${rule.meta.id}`);
      if (example.fixed === undefined) return;
      const fixes = ls
        .getCodeActions(document, { range: found[0].range, diagnostics: [found[0]] })
        .filter((a) => !a.title.startsWith('Disable '));
      assert.ok(fixes.length > 0, 'the example has an "after" but no fix is offered');
      const candidates = fixes.map((a) => applyEdits(example.invalid, a.edit?.changes?.[document.uri] ?? []));
      assert.ok(candidates.includes(example.fixed), `no fix produces the documented text; first fix gives:\n${candidates[0]}`);
    });
  }
});
