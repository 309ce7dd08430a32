// Completion and hover over stdio, as an editor asks for them: right after a keystroke (before any
// diagnostics), with and without snippet support (Neovim 0.7 has none), triggered by a space.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from './lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

async function completion(client: TestClient, uri: string, line: number, character: number, triggerCharacter?: string) {
  const result = (await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line, character },
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
  })) as CompletionList;
  return result.items;
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const it = items.find((i) => i.label === label);
  assert.ok(it, `no ${label} in ${items.map((i) => i.label).join(', ')}`);
  return it;
}

describe('protocol: completion and hover (snippet client)', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('announces completion (triggered by a space) and hover', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [' ']);
    assert.equal(caps.hoverProvider, true);
  });

  it('completes a key typed into the second document right after the keystroke', async () => {
    const uri = 'file:///ws/app.yaml';
    await client.open(uri, `${DEPLOYMENT}---\napiVersion: apps/v1\nkind: StatefulSet\nspec:\n`);
    // type "  rep" on a new last line (line 20), without waiting for diagnostics
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, text: '  rep' }],
    });
    const items = await completion(client, uri, 20, 5);
    assert.deepEqual(
      items.filter((i) => i.sortText?.startsWith('1')).map((i) => i.label),
      ['selector', 'template'],
      'required StatefulSet.spec fields first',
    );
    const replicas = byLabel(items, 'replicas');
    assert.equal(replicas.detail, 'integer (int32)');
    assert.equal((replicas.documentation as MarkupContent).kind, 'markdown');
    assert.deepEqual(replicas.textEdit, {
      range: { start: { line: 20, character: 2 }, end: { line: 20, character: 5 } },
      newText: 'replicas: $1',
    });
    assert.equal(replicas.insertTextFormat, 2);
  });

  it('`kind: ` typed with a space offers the workload kinds and fixes apiVersion', async () => {
    const uri = 'file:///ws/new.yaml';
    await client.open(uri, 'apiVersion: v1\nkind:\n');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, text: ' ' }],
    });
    const items = await completion(client, uri, 1, 6, ' ');
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      sorted.slice(0, 5).map((i) => i.label),
      ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
    );
    const job = byLabel(items, 'Job');
    assert.equal(job.detail, 'Batch tasks that run to completion · batch/v1');
    assert.deepEqual(job.additionalTextEdits, [
      { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 14 } }, newText: 'batch/v1' },
    ]);
  });

  it('a space elsewhere asks for nothing', async () => {
    const uri = 'file:///ws/app.yaml';
    const items = await completion(client, uri, 4, 5, ' ');
    assert.deepEqual(items, []);
  });

  it('hovers a field with its path, type and description, and a kind with the guide', async () => {
    const uri = 'file:///ws/hover.yaml';
    await client.open(uri, DEPLOYMENT);
    const field = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 15, character: 12 } });
    assert.ok(field);
    assert.match((field.contents as MarkupContent).value, /^\*\*`Deployment\.spec\.template\.spec\.containers\[\]\.image`\*\*/);
    assert.match((field.contents as MarkupContent).value, /Container image name/);
    assert.deepEqual(field.range, { start: { line: 15, character: 10 }, end: { line: 15, character: 15 } });
    const kind = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 8 } });
    assert.match((kind?.contents as MarkupContent).value, /From the Workload Types guide[\s\S]*### Deployment — /);
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.equal(nothing, null);
  });
});

describe('protocol: completion for a client without snippets (Neovim 0.7)', () => {
  let client: TestClient;
  before(async () => {
    const capabilities: ClientCapabilities = {
      ...DEFAULT_CAPABILITIES,
      textDocument: { ...DEFAULT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: false } } },
    };
    client = await startServer({ capabilities });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('inserts plain text: a nested object on its own indented line, a skeleton with its defaults', async () => {
    const uri = 'file:///ws/plain.yaml';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: `${DEPLOYMENT.replace('spec:\n  selector', 'spec:\n  str\n  selector')}---\n`,
      },
    });
    const items = await completion(client, uri, 5, 5);
    const strategy = byLabel(items, 'strategy');
    assert.equal(strategy.insertTextFormat, 1);
    assert.deepEqual((strategy.textEdit as TextEdit).newText, 'strategy:\n    ');
    const skeletons = await completion(client, uri, 18, 0);
    const cron = byLabel(skeletons, 'CronJob manifest');
    assert.equal(cron.insertTextFormat, 1);
    const text = (cron.textEdit as TextEdit).newText;
    assert.match(text, /^apiVersion: batch\/v1\nkind: CronJob\n/);
    assert.doesNotMatch(text, /\$\{?\d/);
  });
});
