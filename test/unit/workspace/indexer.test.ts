// The server-side crawl and file watching that keep the workspace index current.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from 'vscode-languageserver/node';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { WorkspaceIndexer, workspaceFolderPaths, type IndexerHost } from '../../../server/src/workspaceIndexer';

const svc = (name: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: None\n${extra}`;
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

let root: string;
const uri = (rel: string) => pathToFileURL(join(root, rel)).toString();
function write(rel: string, text: string) {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function makeHost(open: Set<string> = new Set()) {
  const calls = { changed: 0, logs: [] as string[], progress: [] as string[] };
  const host: IndexerHost = {
    isOpen: (u) => open.has(u),
    indexChanged: () => calls.changed++,
    log: (m) => calls.logs.push(m),
    beginProgress: async (title) => {
      calls.progress.push(`begin ${title}`);
      return { report: (p) => calls.progress.push(`report ${p}`), done: () => calls.progress.push('done') };
    },
  };
  return { host, calls };
}
const names = (ws: WorkspaceIndex) => [...ws.objects()].map((o) => `${o.kind}/${o.name}`).sort();

describe('WorkspaceIndexer', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'k8s-index-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('indexes every YAML manifest below the folders, skipping node_modules, .git, big files and other YAML', async () => {
    write('a.yaml', svc('a'));
    write('deep/er/b.yml', `${svc('b')}---\n${svc('c')}`);
    write('node_modules/pkg/x.yaml', svc('nm'));
    write('.git/y.yaml', svc('git'));
    write('big.yaml', svc('big', `  selector:\n${'    k: v\n'.repeat(1)}# ${'x'.repeat(3000)}\n`));
    write('ci.yaml', 'on: push\njobs: {}\n');
    write('notes.txt', svc('txt'));
    const ws = new WorkspaceIndex();
    const { host, calls } = makeHost();
    const result = await new WorkspaceIndexer(ws, host, { maxFileSize: 2000 }).crawl([root]);
    assert.deepEqual(names(ws), ['Service/a', 'Service/b', 'Service/c']);
    assert.deepEqual(result, { files: 4, indexed: 2, truncated: false });
    assert.equal(ws.complete, true);
    assert.equal(calls.changed, 1);
    assert.deepEqual(calls.progress, [], 'no progress for a small workspace');
  });

  it('stops at the file limit, says so, and does not claim to cover the workspace', async () => {
    for (let i = 0; i < 6; i++) write(`f${i}.yaml`, svc(`s${i}`));
    const ws = new WorkspaceIndex();
    const { host, calls } = makeHost();
    const result = await new WorkspaceIndexer(ws, host, { maxFiles: 4 }).crawl([root]);
    assert.equal(result.truncated, true);
    assert.equal(names(ws).length, 4);
    assert.equal(ws.complete, false);
    assert.ok(calls.logs.some((l) => /first 4 YAML files/.test(l)));
  });

  it('shows progress for a large workspace', async () => {
    for (let i = 0; i < 5; i++) write(`f${i}.yaml`, svc(`s${i}`));
    const { host, calls } = makeHost();
    await new WorkspaceIndexer(new WorkspaceIndex(), host, { progressThreshold: 3 }).crawl([root]);
    assert.equal(calls.progress[0], 'begin Indexing Kubernetes manifests');
    assert.equal(calls.progress.at(-1), 'done');
  });

  it('does not follow a symbolic link loop', async () => {
    write('a.yaml', svc('a'));
    symlinkSync(root, join(root, 'loop'));
    const ws = new WorkspaceIndex();
    await new WorkspaceIndexer(ws, makeHost().host).crawl([root]);
    assert.deepEqual(names(ws), ['Service/a']);
  });

  it('leaves open documents to the editor: their disk content is not read', async () => {
    write('a.yaml', svc('on-disk'));
    const ws = new WorkspaceIndex();
    ws.set(uri('a.yaml'), []);
    const open = new Set([uri('a.yaml')]);
    const indexer = new WorkspaceIndexer(ws, makeHost(open).host);
    await indexer.crawl([root]);
    await indexer.filesChanged([{ uri: uri('a.yaml'), type: FileChangeType.Changed }]);
    assert.deepEqual(names(ws), []);
  });

  it('follows created, changed and deleted files and deleted folders', async () => {
    const ws = new WorkspaceIndex();
    const { host, calls } = makeHost();
    const indexer = new WorkspaceIndexer(ws, host);
    await indexer.crawl([root]);
    write('sub/a.yaml', svc('a'));
    write('sub/b.yaml', svc('b'));
    await indexer.filesChanged([
      { uri: uri('sub/a.yaml'), type: FileChangeType.Created },
      { uri: uri('sub/b.yaml'), type: FileChangeType.Created },
    ]);
    assert.deepEqual(names(ws), ['Service/a', 'Service/b']);
    write('sub/a.yaml', svc('a2'));
    await indexer.filesChanged([{ uri: uri('sub/a.yaml'), type: FileChangeType.Changed }]);
    assert.deepEqual(names(ws), ['Service/a2', 'Service/b']);
    rmSync(join(root, 'sub', 'b.yaml'));
    await indexer.filesChanged([{ uri: uri('sub/b.yaml'), type: FileChangeType.Deleted }]);
    assert.deepEqual(names(ws), ['Service/a2']);
    rmSync(join(root, 'sub'), { recursive: true });
    await indexer.filesChanged([{ uri: uri('sub'), type: FileChangeType.Deleted }]);
    assert.deepEqual(names(ws), []);
    assert.ok(calls.changed >= 5);
  });

  it('reports a change only when what rules see changes, not when lines merely move', async () => {
    write('a.yaml', svc('a'));
    const ws = new WorkspaceIndex();
    const { host, calls } = makeHost();
    const indexer = new WorkspaceIndexer(ws, host);
    await indexer.crawl([root]);
    const before = calls.changed;
    write('a.yaml', `# a comment moves every line\n\n${svc('a')}`);
    await indexer.filesChanged([{ uri: uri('a.yaml'), type: FileChangeType.Changed }]);
    assert.equal(calls.changed, before);
    write('a.yaml', svc('a', '  selector:\n    app: a\n'));
    await indexer.filesChanged([{ uri: uri('a.yaml'), type: FileChangeType.Changed }]);
    assert.equal(calls.changed, before + 1);
  });

  it('end to end: a Service on disk satisfies an open StatefulSet; deleting it brings the warning back', async () => {
    write('svc.yaml', svc('db'));
    const workspace = new WorkspaceIndex();
    const ls = getLanguageService({ workspace });
    const stsUri = uri('sts.yaml');
    const { host } = makeHost(new Set([stsUri]));
    const indexer = new WorkspaceIndexer(workspace, host);
    const sts = TextDocument.create(stsUri, 'yaml', 1, STS);
    const warned = () => ls.doValidation(sts).some((d) => d.code === 'missing-headless-service');
    assert.equal(warned(), true);
    await indexer.crawl([root]);
    assert.equal(warned(), false);
    rmSync(join(root, 'svc.yaml'));
    await indexer.filesChanged([{ uri: uri('svc.yaml'), type: FileChangeType.Deleted }]);
    assert.equal(warned(), true);
  });

  it('an open document edited in the editor tells the others when its objects change', () => {
    const workspace = new WorkspaceIndex();
    const ls = getLanguageService({ workspace });
    const { host, calls } = makeHost();
    const indexer = new WorkspaceIndexer(workspace, host);
    const u = 'file:///w/svc.yaml';
    ls.parse(TextDocument.create(u, 'yaml', 1, svc('db')));
    indexer.documentIndexed(u);
    assert.equal(calls.changed, 1);
    ls.parse(TextDocument.create(u, 'yaml', 2, `\n${svc('db')}`));
    indexer.documentIndexed(u);
    assert.equal(calls.changed, 1, 'only positions moved');
    ls.parse(TextDocument.create(u, 'yaml', 3, svc('db2')));
    indexer.documentIndexed(u);
    assert.equal(calls.changed, 2);
  });

  it('follows workspace folders added and removed later, within one file budget', async () => {
    write('a/one.yaml', svc('one'));
    write('a/two.yaml', svc('two'));
    write('b/three.yaml', svc('three'));
    write('b/four.yaml', svc('four'));
    const ws = new WorkspaceIndex();
    const indexer = new WorkspaceIndexer(ws, makeHost().host, { maxFiles: 4 });
    await indexer.crawl([join(root, 'a')]);
    await indexer.crawl([join(root, 'b')]);
    assert.deepEqual(names(ws), ['Service/four', 'Service/one', 'Service/three', 'Service/two']);
    assert.equal(ws.complete, true);
    indexer.removeFolder(join(root, 'a'));
    assert.deepEqual(names(ws), ['Service/four', 'Service/three']);
    write('c/five.yaml', svc('five'));
    write('c/six.yaml', svc('six'));
    write('c/seven.yaml', svc('seven'));
    const r = await indexer.crawl([join(root, 'c')]);
    assert.equal(r.truncated, true, 'the budget counts the files already indexed');
    assert.equal(names(ws).length, 4);
    assert.equal(ws.complete, false);
    write('d/eight.yaml', svc('eight'));
    await indexer.filesChanged([{ uri: uri('d/eight.yaml'), type: FileChangeType.Created }]);
    assert.equal(names(ws).length, 4, 'a file created later does not break the budget either');
  });

  describe('reads only regular files inside the workspace folders, and files the user opened', () => {
    let outside: string;
    beforeEach(() => {
      outside = mkdtempSync(join(tmpdir(), 'k8s-outside-'));
      writeFileSync(join(outside, 'secret.yaml'), svc('outside'));
    });
    afterEach(() => rmSync(outside, { recursive: true, force: true }));
    const outsideUri = () => pathToFileURL(join(outside, 'secret.yaml')).toString();

    it('a watched-file event for a file outside the folders is not read', async () => {
      const ws = new WorkspaceIndex();
      const indexer = new WorkspaceIndexer(ws, makeHost().host);
      await indexer.crawl([root]);
      await indexer.filesChanged([{ uri: outsideUri(), type: FileChangeType.Changed }]);
      assert.deepEqual(names(ws), []);
    });

    it('a link inside the folder to a file outside is read neither by the crawl nor on an event', async () => {
      write('in.yaml', svc('inside'));
      symlinkSync(join(outside, 'secret.yaml'), join(root, 'link.yaml'));
      symlinkSync(outside, join(root, 'linked-dir'));
      const ws = new WorkspaceIndex();
      const indexer = new WorkspaceIndexer(ws, makeHost().host);
      await indexer.crawl([root]);
      assert.deepEqual(names(ws), ['Service/inside']);
      await indexer.filesChanged([
        { uri: uri('link.yaml'), type: FileChangeType.Changed },
        { uri: uri('linked-dir/secret.yaml'), type: FileChangeType.Created },
      ]);
      assert.deepEqual(names(ws), ['Service/inside']);
    });

    it('a link retargeted from inside the folder to outside it takes its objects out of the index', async () => {
      write('real.yaml', svc('real'));
      symlinkSync(join(root, 'real.yaml'), join(root, 'alias.yaml'));
      const ws = new WorkspaceIndex();
      const indexer = new WorkspaceIndexer(ws, makeHost().host);
      await indexer.crawl([root]);
      await indexer.filesChanged([{ uri: uri('alias.yaml'), type: FileChangeType.Created }]);
      assert.deepEqual(names(ws), ['Service/real', 'Service/real']);
      rmSync(join(root, 'alias.yaml'));
      symlinkSync(join(outside, 'secret.yaml'), join(root, 'alias.yaml'));
      await indexer.filesChanged([{ uri: uri('alias.yaml'), type: FileChangeType.Changed }]);
      assert.deepEqual(names(ws), ['Service/real']);
    });

    it('a link inside the folder to another file inside it is read', async () => {
      write('real.yaml', svc('real'));
      symlinkSync(join(root, 'real.yaml'), join(root, 'alias.yaml'));
      const ws = new WorkspaceIndex();
      const indexer = new WorkspaceIndexer(ws, makeHost().host);
      await indexer.crawl([root]);
      await indexer.filesChanged([{ uri: uri('alias.yaml'), type: FileChangeType.Created }]);
      assert.deepEqual(names(ws), ['Service/real', 'Service/real']);
    });

    it('a FIFO named *.yaml in the folder does not block the crawl or an event', async () => {
      write('ok.yaml', svc('ok'));
      const { status } = spawnSync('mkfifo', [join(root, 'pipe.yaml')]);
      assert.equal(status, 0);
      const ws = new WorkspaceIndex();
      const indexer = new WorkspaceIndexer(ws, makeHost().host);
      await indexer.crawl([root]);
      await indexer.filesChanged([{ uri: uri('pipe.yaml'), type: FileChangeType.Changed }]);
      assert.deepEqual(names(ws), ['Service/ok']);
    });

    it('a file the user opened outside the folders is read again from disk when closed', async () => {
      const ws = new WorkspaceIndex();
      const open = new Set([outsideUri()]);
      const indexer = new WorkspaceIndexer(ws, makeHost(open).host);
      await indexer.crawl([root]);
      indexer.documentIndexed(outsideUri());
      open.delete(outsideUri());
      await indexer.documentClosed(outsideUri());
      assert.deepEqual(names(ws), ['Service/outside']);
    });
  });

  it('takes the folders from workspaceFolders, else rootUri, else rootPath', () => {
    const base = { processId: null, capabilities: {} };
    assert.deepEqual(workspaceFolderPaths({ ...base, rootUri: 'file:///r', workspaceFolders: [{ uri: 'file:///a', name: 'a' }] }), ['/a']);
    assert.deepEqual(workspaceFolderPaths({ ...base, rootUri: 'file:///r', workspaceFolders: null }), ['/r']);
    assert.deepEqual(workspaceFolderPaths({ ...base, rootUri: null, rootPath: '/p', workspaceFolders: null }), ['/p']);
    assert.deepEqual(workspaceFolderPaths({ ...base, rootUri: null, workspaceFolders: null }), []);
  });
});
