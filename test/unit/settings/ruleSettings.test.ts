import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/service/rules/registry';
import { RULES_SETTING, rulesSettingSchema, validateRuleSettings } from '../../../server/src/service/ruleSettings';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('k8sWorkloads.rules in package.json', () => {
  const contributed = pkg.contributes.configuration.properties[RULES_SETTING];

  it('is what the generator writes from the registry (run `npm run generate:settings` after adding a rule)', () => {
    assert.deepEqual(contributed, rulesSettingSchema(RULES));
  });

  it('offers every registered rule, with its default severity, and nothing else', () => {
    assert.deepEqual(Object.keys(contributed.properties).sort(), RULES.map((r) => r.meta.id).sort());
    for (const r of RULES) {
      assert.equal(contributed.properties[r.meta.id].default, r.meta.severity);
      assert.deepEqual(contributed.properties[r.meta.id].enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
    assert.equal(contributed.additionalProperties, false);
  });
});

describe('validateRuleSettings', () => {
  const table: { name: string; value: unknown; rules: Record<string, string>; problems: (string | RegExp)[] }[] = [
    { name: 'absent', value: undefined, rules: {}, problems: [] },
    { name: 'null', value: null, rules: {}, problems: [] },
    {
      name: 'all valid',
      value: { 'job-deadline': 'off', 'yaml-syntax': 'warning' },
      rules: { 'job-deadline': 'off', 'yaml-syntax': 'warning' },
      problems: [],
    },
    {
      name: 'an unknown id close to a real one',
      value: { 'job-deadlin': 'off', 'yaml-syntax': 'hint' },
      rules: { 'yaml-syntax': 'hint' },
      problems: ['k8sWorkloads.rules: unknown rule "job-deadlin" — did you mean "job-deadline"?; it is ignored.'],
    },
    {
      name: 'an unknown id far from every rule',
      value: { zzzzzzzzzzzz: 'off' },
      rules: {},
      problems: ['k8sWorkloads.rules: unknown rule "zzzzzzzzzzzz"; it is ignored.'],
    },
    {
      name: 'a misspelled severity',
      value: { 'yaml-syntax': 'warn' },
      rules: {},
      problems: [
        'k8sWorkloads.rules: "yaml-syntax" is set to "warn"; use one of error, warning, information, hint, off (did you mean "warning"?). The rule keeps its default.',
      ],
    },
    {
      name: 'a severity of the wrong type',
      value: { 'yaml-syntax': false },
      rules: {},
      problems: [/"yaml-syntax" is set to false; use one of/],
    },
    { name: 'not an object', value: ['yaml-syntax'], rules: {}, problems: [/must be an object of rule ids to severities/] },
    { name: 'a string', value: 'off', rules: {}, problems: [/must be an object/] },
  ];
  for (const c of table) {
    it(c.name, () => {
      const r = validateRuleSettings(c.value, RULES);
      assert.deepEqual(r.rules, c.rules);
      assert.equal(r.problems.length, c.problems.length, r.problems.join('\n'));
      c.problems.forEach((p, i) => (typeof p === 'string' ? assert.equal(r.problems[i], p) : assert.match(r.problems[i], p)));
    });
  }
});
