// The `ignore` globs of a project file as a table: pattern, paths it ignores, paths it keeps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoreMatcher } from '../../../server/src/service/config/glob';

const table: { pattern: string; ignores: string[]; keeps: string[] }[] = [
  { pattern: '*.tmpl.yaml', ignores: ['a.tmpl.yaml', 'x/y/a.tmpl.yaml'], keeps: ['a.yaml', 'tmpl.yaml.bak'] },
  { pattern: 'generated', ignores: ['generated', 'generated/a.yaml', 'x/generated/b/c.yaml'], keeps: ['generated.yaml', 'x/gen/a.yaml'] },
  { pattern: 'generated/', ignores: ['generated/a.yaml', 'x/generated/a.yaml'], keeps: ['generated', 'x/generated'] },
  { pattern: 'charts/**', ignores: ['charts/a.yaml', 'charts/x/templates/d.yaml'], keeps: ['charts', 'x/charts/a.yaml', 'chartsx/a.yaml'] },
  { pattern: 'charts/', ignores: ['charts/a.yaml', 'charts/x/y.yaml', 'x/charts/a.yaml'], keeps: ['charts', 'x/charts'] },
  { pattern: '/base/*.yaml', ignores: ['base/a.yaml'], keeps: ['base/x/a.yaml', 'x/base/a.yaml'] },
  { pattern: './base/a.yaml', ignores: ['base/a.yaml'], keeps: ['base/b.yaml'] },
  { pattern: '**/secret-*.yaml', ignores: ['secret-a.yaml', 'x/y/secret-b.yaml'], keeps: ['x/secret.yaml'] },
  { pattern: 'apps/**/patch.yaml', ignores: ['apps/patch.yaml', 'apps/a/b/patch.yaml'], keeps: ['patch.yaml', 'x/apps/patch.yaml'] },
  { pattern: 'env-?.yaml', ignores: ['env-a.yaml', 'k/env-1.yaml'], keeps: ['env-ab.yaml', 'env-.yaml'] },
  { pattern: '*.{yml,json}', ignores: ['a.yml', 'b/c.json'], keeps: ['a.yaml'] },
  { pattern: 'env-[ab].yaml', ignores: ['env-a.yaml', 'env-b.yaml'], keeps: ['env-c.yaml'] },
  { pattern: 'env-[!ab].yaml', ignores: ['env-c.yaml'], keeps: ['env-a.yaml'] },
  { pattern: 'a+b(1).yaml', ignores: ['a+b(1).yaml'], keeps: ['aab1.yaml'] },
  { pattern: 'x\\y.yaml', ignores: ['x/y.yaml'], keeps: ['y.yaml'] },
  { pattern: '*', ignores: ['a.yaml', 'd/b.yaml'], keeps: ['../a.yaml'] },
];

describe('ignore globs', () => {
  for (const row of table)
    it(row.pattern, () => {
      const m = ignoreMatcher([row.pattern]);
      for (const p of row.ignores) assert.equal(m.ignores(p), true, `${row.pattern} ignores ${p}`);
      for (const p of row.keeps) assert.equal(m.ignores(p), false, `${row.pattern} keeps ${p}`);
    });

  it('several patterns: any of them; none: nothing ignored; exceptions are not patterns', () => {
    const m = ignoreMatcher(['a.yaml', 'b/']);
    assert.equal(m.ignores('a.yaml'), true);
    assert.equal(m.ignores('b/c.yaml'), true);
    assert.equal(m.ignores('c.yaml'), false);
    assert.equal(ignoreMatcher([]).ignores('a.yaml'), false);
    assert.equal(ignoreMatcher(['!a.yaml', '  ']).ignores('a.yaml'), false);
  });
});
