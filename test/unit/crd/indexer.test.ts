// The server's crawl registers the CRDs of the workspace (read without their schemas), and the
// files, folders and globs of `k8sWorkloads.customResourceDefinitions`, inside the workspace or not.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from 'vscode-languageserver/node';
import { getLanguageService } from '../../../server/src/service/index';
import { expandPath, WorkspaceIndexer, type IndexerHost } from '../../../server/src/workspaceIndexer';
import { WIDGETS_PATH } from './widgets';

const CRD = readFileSync(WIDGETS_PATH, 'utf8');
const CR = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: small\n  colr: red\n  parts:\n  - name: p-1\n';

let root: string;
const write = (rel: string, text: string) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const host = (): IndexerHost & { changes: number } => {
  const h = { changes: 0, isOpen: () => false, indexChanged: () => void h.changes++, log: () => undefined };
  return h;
};

describe('the server indexes CRDs', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'k8sw-crd-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a CRD file of the workspace makes its custom resources checked; deleting it stops that', async () => {
    write('ws/crds/widgets.yaml', CRD);
    write('ws/app/widget.yaml', CR);
    const service = getLanguageService();
    const indexer = new WorkspaceIndexer(service.workspace, host());
    await indexer.crawl([join(root, 'ws')]);
    assert.deepEqual(
      [...service.workspace.objects()].map((o) => o.kind),
      ['Widget'],
      'a CRD-only file adds no indexed objects (it is not parsed whole)',
    );
    const entry = service.workspace.crds.lookup('example.com/v1', 'Widget')?.entry;
    assert.equal(entry?.uri, pathToFileURL(join(root, 'ws/crds/widgets.yaml')).toString());
    const doc = TextDocument.create('file:///open/w.yaml', 'yaml', 1, CR);
    assert.deepEqual(
      service.doValidation(doc).map((d) => d.code),
      ['unknown-field'],
    );
    rmSync(join(root, 'ws/crds/widgets.yaml'));
    await indexer.filesChanged([{ uri: entry!.uri, type: FileChangeType.Deleted }]);
    assert.deepEqual(service.doValidation(doc), []);
  });

  it('k8sWorkloads.customResourceDefinitions: a folder outside the workspace, a glob, and forgetting them', async () => {
    write('ws/app/widget.yaml', CR);
    write('operators/crds/widgets.yaml', CRD);
    write('ws/vendor/x/crds/other.yaml', CRD.replace(/example\.com/g, 'other.io'));
    const service = getLanguageService();
    const h = host();
    const indexer = new WorkspaceIndexer(service.workspace, h);
    const folders = [join(root, 'ws')];
    await indexer.crawl(folders);
    // the workspace crawl finds the vendored one by itself; the other is outside
    assert.equal(service.workspace.crds.lookup('example.com/v1', 'Widget'), undefined);
    const before = h.changes;
    await indexer.setCustomResourceDefinitionPaths(['../operators/crds', 'vendor/**/crds/*.yaml'], folders);
    assert.ok(service.workspace.crds.lookup('example.com/v1', 'Widget'));
    assert.ok(service.workspace.crds.lookup('other.io/v1', 'Widget'));
    assert.ok(h.changes > before, 'the open documents are validated again');
    await indexer.setCustomResourceDefinitionPaths([], folders);
    assert.equal(service.workspace.crds.lookup('example.com/v1', 'Widget'), undefined);
    assert.ok(service.workspace.crds.lookup('other.io/v1', 'Widget'), 'a workspace file keeps its CRDs');
  });

  it('expandPath: a file, a folder, * and ** globs', async () => {
    write('a/one.yaml', 'x: 1');
    write('a/b/two.yml', 'x: 1');
    write('a/b/c/three.yaml', 'x: 1');
    write('a/b/notes.txt', 'x');
    const rel = (ps: string[]) => ps.map((p) => p.slice(root.length + 1)).sort();
    assert.deepEqual(rel(await expandPath(join(root, 'a/one.yaml'), 100)), ['a/one.yaml']);
    assert.deepEqual(rel(await expandPath(join(root, 'a'), 100)), ['a/b/c/three.yaml', 'a/b/two.yml', 'a/one.yaml']);
    assert.deepEqual(rel(await expandPath(join(root, 'a/*.yaml'), 100)), ['a/one.yaml']);
    assert.deepEqual(rel(await expandPath(join(root, 'a/**/t*.y*ml'), 100)), ['a/b/c/three.yaml', 'a/b/two.yml']);
    assert.deepEqual(await expandPath(join(root, 'missing'), 100), []);
  });
});
