// The server as an editor sees it: initialize, open, diagnostics, outline, edit, shutdown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { benchWorkload } from '../../bench/workload';
import { startServer, type TestClient } from './lspClient';

const MANIFEST = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: qdrant
spec:
  serviceName: qdrant
  selector:
    matchLabels:
      app: qdrant
  template:
    metadata:
      labels:
        app: qdrant
    spec:
      containers:
        - name: qdrant
          image: qdrant/qdrant:v1.7.0
---
apiVersion: v1
kind: Service
metadata:
  name: qdrant
  name: qdrant2
spec:
  clusterIP: None
`;

describe('protocol: foundation', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown + exit');
  });

  it('announces its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'k8s-workloads');
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.codeActionProvider);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  });

  it('publishes a yaml-syntax diagnostic on open, with exact range and code', async () => {
    const p = await client.open('file:///ws/qdrant.yaml', MANIFEST);
    const syntax = p.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0].range, { start: { line: 22, character: 2 }, end: { line: 22, character: 6 } });
    assert.equal(syntax[0].source, 'k8s-workloads');
    assert.equal(syntax[0].severity, 1);
    // a line fragment (VS Code ignores heading anchors in a file: link): the line of `## yaml-syntax` in the shipped docs
    const href = String(syntax[0].codeDescription?.href);
    const line = Number(/^file:\/\/.*\/docs\/rules\.md#L(\d+)$/.exec(href)?.[1]);
    assert.equal(readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8').split('\n')[line - 1], '## yaml-syntax', href);
  });

  it('gives an outline: one symbol per object, with sections and containers', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: 'file:///ws/qdrant.yaml' },
    })) as DocumentSymbol[];
    // The Service document has a duplicate key, so it is not read as an object.
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['StatefulSet qdrant'],
    );
    const spec = symbols[0].children?.find((c) => c.name === 'spec');
    assert.deepEqual(
      symbols[0].children?.map((c) => c.name),
      ['metadata', 'spec'],
    );
    assert.deepEqual(
      spec?.children?.map((c) => c.name),
      ['qdrant'],
    );
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } });
  });

  it('re-validates after an incremental edit that fixes the error', async () => {
    const p = await client.change('file:///ws/qdrant.yaml', 2, [
      { range: { start: { line: 22, character: 0 }, end: { line: 23, character: 0 } }, text: '' },
    ]);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'yaml-syntax'),
      [],
    );
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: 'file:///ws/qdrant.yaml' },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['StatefulSet qdrant', 'Service qdrant'],
    );
  });

  it('leaves non-Kubernetes YAML and Helm templates alone', async () => {
    const workflow = await client.open(
      'file:///ws/ci.yaml',
      'name: CI\non:\n  push:\n    branches: [main]\njobs:\n  b:\n    runs-on: ubuntu-latest\n',
    );
    assert.deepEqual(workflow.diagnostics, []);
    const helm = await client.open(
      'file:///ws/chart/templates/svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x" . }}\n{{- if .Values.y }}\n  labels: {}\n{{- end }}\n',
    );
    assert.deepEqual(helm.diagnostics, []);
  });

  it('publishes at most 300 problems per file, errors first, and counts the rest', async () => {
    // 320 documents, 200 of them running pods without resources or securityContext: 200 warnings
    // and 200 infos. An error typed in the last Deployment must be shown all the same.
    const text = benchWorkload(320, undefined, 'findings');
    const uri = 'file:///ws/many.yaml';
    const opened = await client.open(uri, text);
    assert.equal(opened.diagnostics.length, 301);
    const more = opened.diagnostics[300];
    assert.equal(more.code, 'too-many-problems');
    assert.equal(more.message, '100 more problems in this file are not shown. Fix the ones above first.');
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.indexOf('  name: deployment-312') && l === '  replicas: 3');
    const at = { line, character: '  replicas: 3'.length };
    const p = await client.change(uri, 2, [{ range: { start: at, end: at }, text: 'x' }]);
    assert.equal(p.diagnostics.length, 301);
    const errors = p.diagnostics.filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => [d.code, d.range.start.line]),
      [['invalid-value', line]],
    );
    assert.equal(p.diagnostics[300].message, '101 more problems in this file are not shown. Fix the ones above first.');
    // Shown in document order, the marker last.
    const shown = p.diagnostics.slice(0, 300).map((d) => d.range.start.line);
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a - b),
    );
  });
});
