// The workspace as an editor sees it over LSP: the server indexes the folder's files on disk,
// answers definition and references from that index, and re-publishes diagnostics of open
// documents when a watched file changes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  ReferencesRequest,
  type CodeAction,
  type Location,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from './lspClient';

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
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
`;
const SVC = `# the governing Service
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
`;

const missing = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'missing-headless-service');

describe('protocol: workspace index and navigation', () => {
  let client: TestClient;
  let root: string;
  let stsUri: string;
  let svcUri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'k8s-nav-'));
    writeFileSync(join(root, 'svc.yaml'), SVC);
    writeFileSync(join(root, 'sts.yaml'), STS);
    stsUri = pathToFileURL(join(root, 'sts.yaml')).toString();
    svcUri = pathToFileURL(join(root, 'svc.yaml')).toString();
    client = await startServer({
      rootUri: pathToFileURL(root).toString(),
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        window: { workDoneProgress: true },
        workspace: { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('sees the Service of an unopened file: the open StatefulSet ends up without missing-headless-service', async () => {
    const clean = client.nextDiagnostics(stsUri, (p) => !missing(p));
    await client.open(stsUri, STS);
    const p = await clean;
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'missing-headless-service'),
      [],
    );
  });

  it('goes from serviceName to the Service in the other file', async () => {
    const result = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: stsUri },
      position: { line: 5, character: 16 },
    })) as Location[];
    assert.deepEqual(result, [{ uri: svcUri, range: { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } } }]);
  });

  it('goes from a volume mount to its claim template', async () => {
    const result = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: stsUri },
      position: { line: 18, character: 21 },
    })) as Location[];
    assert.deepEqual(result, [{ uri: stsUri, range: { start: { line: 22, character: 14 }, end: { line: 22, character: 18 } } }]);
  });

  it('finds the references of the Service: the StatefulSet naming it and the pod template it selects', async () => {
    await client.open(svcUri, SVC);
    const result = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: svcUri },
      position: { line: 4, character: 9 },
      context: { includeDeclaration: false },
    })) as Location[];
    const fmt = (l: Location) => `${l.uri === stsUri ? 'sts' : l.uri} ${l.range.start.line}:${l.range.start.character}`;
    // The StatefulSet at its serviceName, its pod template at its labels.
    assert.deepEqual(result.map(fmt).sort(), ['sts 12:8', 'sts 5:15']);
  });

  it('re-publishes the StatefulSet diagnostics when the Service file is deleted on disk', async () => {
    // Close the Service so the disk is the truth for it again, then delete it.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: svcUri } });
    const warned = client.nextDiagnostics(stsUri, missing);
    rmSync(join(root, 'svc.yaml'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: svcUri, type: FileChangeType.Deleted }],
    });
    const p = await warned;
    const d = p.diagnostics.find((x) => x.code === 'missing-headless-service');
    assert.deepEqual(d?.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 17 } });
  });

  it('offers the quick fix that appends a headless Service to the StatefulSet file', async () => {
    const d = client.published
      .filter((p) => p.uri === stsUri)
      .at(-1)!
      .diagnostics.find((x) => x.code === 'missing-headless-service')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: stsUri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Add a headless Service "db" to this file');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const [edit] = fix.edit!.changes![stsUri];
    assert.deepEqual(edit.range, { start: { line: 25, character: 0 }, end: { line: 25, character: 0 } });
    assert.equal(
      edit.newText,
      '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector:\n    app: db\n',
    );
    assert.ok(actions.some((a) => a.title === 'Disable missing-headless-service for this line'));
  });

  it('and clears it again when the file comes back', async () => {
    const clean = client.nextDiagnostics(stsUri, (p) => !missing(p));
    writeFileSync(join(root, 'svc.yaml'), SVC);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: svcUri, type: FileChangeType.Created }],
    });
    await clean;
  });
});

describe('protocol: workspace folders added while running', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'k8s-folders-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'app', 'sts.yaml'), STS);
    writeFileSync(join(root, 'shared', 'svc.yaml'), SVC);
    client = await startServer({
      rootUri: pathToFileURL(join(root, 'app')).toString(),
      capabilities: { ...DEFAULT_CAPABILITIES, workspace: { ...DEFAULT_CAPABILITIES.workspace, workspaceFolders: true } },
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('declares folder change notifications, indexes an added folder and forgets a removed one', async () => {
    assert.deepEqual(client.initializeResult.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const uri = pathToFileURL(join(root, 'app', 'sts.yaml')).toString();
    const warned = await client.open(uri, STS);
    assert.ok(missing(warned), 'the Service lives in a folder that is not part of the workspace yet');
    const shared = { uri: pathToFileURL(join(root, 'shared')).toString(), name: 'shared' };
    const clean = client.nextDiagnostics(uri, (p) => !missing(p));
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [shared], removed: [] } });
    await clean;
    const again = client.nextDiagnostics(uri, missing);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [shared] } });
    await again;
  });
});
