// At most 300 diagnostics per file are published, the 301st says how many more there are: a file
// with thousands of problems must not flood the Problems panel (or the JSON-RPC pipe).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/index';
import { startServer, type TestClient } from './lspClient';

const CAP = 300;
/** A Pod whose spec holds `n` unknown fields: n unknown-field diagnostics, nothing else. */
const podWith = (n: number) =>
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n' +
  '  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
  '    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}\n' +
  Array.from({ length: n }, (_, i) => `  notAField${i}: 1\n`).join('');

/** What the service itself finds (no cap: the cap is the server's). */
const total = (text: string) => getLanguageService().doValidation(TextDocument.create('file:///count.yaml', 'yaml', 1, text)).length;

describe('protocol: the per-file diagnostic cap', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const cases = [
    { name: 'exactly the cap: everything, no summary', fields: CAP },
    { name: 'one over the cap: the cap and a summary of 1 more', fields: CAP + 1 },
    { name: 'far over the cap: the first 300 in order and a summary', fields: 1000 },
  ];
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const text = podWith(c.fields);
      const all = total(text);
      assert.equal(all, c.fields, 'the case makes one diagnostic per unknown field');
      const p = await client.open(`file:///ws/cap/${i}.yaml`, text);
      if (all <= CAP) {
        assert.equal(p.diagnostics.length, all);
        assert.ok(!p.diagnostics.some((d) => d.code === 'too-many-problems'));
        return;
      }
      assert.equal(p.diagnostics.length, CAP + 1);
      const shown = p.diagnostics.slice(0, CAP);
      assert.ok(
        shown.every((d) => d.code === 'unknown-field'),
        'the first 300 are the real ones',
      );
      assert.deepEqual(
        shown.map((d) => d.range.start.line),
        Array.from({ length: CAP }, (_, k) => 11 + k),
        'in reading order, from the first',
      );
      const summary = p.diagnostics[CAP];
      assert.equal(summary.code, 'too-many-problems');
      assert.equal(summary.severity, 3);
      assert.equal(summary.source, 'k8s-workloads');
      assert.deepEqual(summary.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(summary.message, `${all - CAP} more problems in this file are not shown. Fix the ones above first.`);
    });
  });
});
