// CEL and RE2 are loaded when a CRD's schema first needs them, not when the server starts
// (crd/celRuntime.ts: their set-up was ~15% of start-up). Checked in a fresh process, since the
// other tests of this run have loaded them long before.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const SERVICE = path.resolve(__dirname, '../../../server/src/service');

const SCRIPT = `
const { TextDocument } = require('vscode-languageserver-textdocument');
const { getLanguageService } = require(${JSON.stringify(`${SERVICE}/index`)});
const { celRuntimeLoaded } = require(${JSON.stringify(`${SERVICE}/crd/celRuntime`)});
const { evaluateRule } = require(${JSON.stringify(`${SERVICE}/crd/cel`)});
const service = getLanguageService();
const text = 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\nspec:\\n  template:\\n    spec:\\n      containers:\\n        - name: web\\n          image: nginx\\n';
const diagnostics = service.doValidation(TextDocument.create('file:///w/d.yaml', 'yaml', 1, text));
const steps = [diagnostics.length > 0, celRuntimeLoaded()];
steps.push(evaluateRule({ rule: 'self.size() == 2' }, [1n, 2n]).kind, celRuntimeLoaded());
process.stdout.write(JSON.stringify(steps));
`;

describe('CEL runtime', () => {
  it('is not loaded by checking built-in objects, and is loaded by the first CEL rule', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], {
      encoding: 'utf8',
      cwd: path.resolve(__dirname, '../../..'),
    });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [true, false, 'pass', true]);
  });
});
