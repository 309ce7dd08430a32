// The CLI and the workspace: files given together see each other, and only a folder counts as a
// whole workspace for dangling-service.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../../server/src/cli';
import { MINIMAL_DEPLOYMENT } from '../helpers/manifests';

const DEPLOY = MINIMAL_DEPLOYMENT;
const SVC = (app: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n`;
const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;

/** Runs the CLI with --format json and returns the rule ids found per file name. */
function lint(targets: string[]): Record<string, string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: unknown) => lines.push(String(s));
  try {
    main(['lint', ...targets, '--format', 'json']);
  } finally {
    console.log = log;
  }
  const out: Record<string, string[]> = {};
  for (const d of JSON.parse(lines.join('\n')) as { file: string; ruleId: string }[]) {
    const name = d.file.slice(d.file.lastIndexOf('/') + 1);
    (out[name] ??= []).push(d.ruleId);
  }
  return out;
}

describe('CLI across files', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'k8s-cli-'));
    writeFileSync(join(root, 'deploy.yaml'), DEPLOY);
    writeFileSync(join(root, 'svc.yaml'), SVC('wbe'));
    writeFileSync(join(root, 'sts.yaml'), STS);
    writeFileSync(
      join(root, 'z-headless.yaml'),
      SVC('db').replace('name: web', 'name: db').replace('spec:\n', 'spec:\n  clusterIP: None\n'),
    );
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a folder is a workspace: the dangling Service is found across files', () => {
    const result = lint([root]);
    assert.ok(result['svc.yaml']?.includes('dangling-service'), JSON.stringify(result));
  });

  it('a lone Service file is not compared with files it was not given', () => {
    const result = lint([join(root, 'svc.yaml'), join(root, 'deploy.yaml')]);
    assert.ok(!result['svc.yaml']?.includes('dangling-service'), JSON.stringify(result));
  });

  it('a Service in a file listed after the StatefulSet satisfies it (every file is indexed first)', () => {
    const result = lint([join(root, 'sts.yaml'), join(root, 'z-headless.yaml')]);
    assert.ok(!result['sts.yaml']?.includes('missing-headless-service'), JSON.stringify(result));
    const alone = lint([join(root, 'sts.yaml')]);
    assert.ok(alone['sts.yaml']?.includes('missing-headless-service'), JSON.stringify(alone));
  });
});
