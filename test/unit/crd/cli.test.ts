// The CLI checks custom resources against the CRDs among its targets or named by --crds.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../../server/src/cli';
import { WIDGETS_PATH } from './widgets';

const CR = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: tiny\n  colr: red\n  parts:\n  - name: p-1\n';

function lint(args: string[]): { code: number; found: Record<string, string[]> } {
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: unknown) => lines.push(String(s));
  let code: number;
  try {
    code = main(['lint', ...args, '--format', 'json']);
  } finally {
    console.log = log;
  }
  const found: Record<string, string[]> = {};
  for (const d of JSON.parse(lines.join('\n')) as { file: string; ruleId: string }[]) {
    const name = d.file.slice(d.file.lastIndexOf('/') + 1);
    (found[name] ??= []).push(d.ruleId);
  }
  return { code, found };
}

describe('CLI: custom resources', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'k8s-cli-crd-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'crds'));
    writeFileSync(join(root, 'app', 'widget.yaml'), CR);
    writeFileSync(join(root, 'crds', 'widgets.yaml'), readFileSync(WIDGETS_PATH, 'utf8'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('without the CRD a custom resource is not checked', () => {
    assert.deepEqual(lint([join(root, 'app')]), { code: 0, found: {} });
  });

  it('with --crds (not linted itself) the typo and the wrong enum are found', () => {
    assert.deepEqual(lint([join(root, 'app'), '--crds', join(root, 'crds')]), {
      code: 1,
      found: { 'widget.yaml': ['invalid-value', 'unknown-field'] },
    });
    assert.deepEqual(lint([join(root, 'app'), `--crds=${join(root, 'crds', 'widgets.yaml')}`]).found, {
      'widget.yaml': ['invalid-value', 'unknown-field'],
    });
  });

  it('a CRD among the targets counts too', () => {
    assert.deepEqual(lint([root]).found['widget.yaml'], ['invalid-value', 'unknown-field']);
  });

  it('a missing --crds path is bad usage', () => {
    const error = console.error;
    console.error = () => undefined;
    try {
      assert.equal(main(['lint', join(root, 'app'), '--crds', join(root, 'nope')]), 2);
      assert.equal(main(['lint', join(root, 'app'), '--crds']), 2);
    } finally {
      console.error = error;
    }
  });
});
