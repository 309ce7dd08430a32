// The server keeps patch membership current from disk: the crawl reads kustomization files (also
// the extension-less `Kustomization` and ones without apiVersion/kind), watched-file events update
// or drop them, and with no workspace folder an open file's own directory is looked in, once.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from 'vscode-languageserver/node';
import { getLanguageService, WorkspaceIndex } from '../../../server/src/service/index';
import { WorkspaceIndexer, type IndexerHost } from '../../../server/src/workspaceIndexer';
import { MINIMAL_DEPLOYMENT } from '../helpers/manifests';

const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n';
const BASE = MINIMAL_DEPLOYMENT;

let root: string;
const uri = (rel: string) => pathToFileURL(join(root, rel)).toString();
function write(rel: string, text: string) {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function makeHost(open: Set<string> = new Set()) {
  const calls = { changed: 0, logs: [] as string[] };
  const host: IndexerHost = { isOpen: (u) => open.has(u), indexChanged: () => calls.changed++, log: (m) => calls.logs.push(m) };
  return { host, calls };
}

describe('WorkspaceIndexer and kustomization files', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'k8s-kustomize-'));
    write('base/deployment.yaml', BASE);
    write('base/kustomization.yaml', 'resources:\n  - deployment.yaml\n');
    write('overlays/prod/replicas.yaml', PATCH);
    write('overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\npatchesStrategicMerge:\n  - replicas.yaml\n');
    write('overlays/dev/patches/replicas.yml', PATCH);
    write(
      'overlays/dev/Kustomization',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: patches/replicas.yml\n',
    );
    write('loose/replicas.yaml', PATCH);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('the crawl reads every kustomization file: patches are known, bases and unreferenced files are not patches', async () => {
    const ws = new WorkspaceIndex();
    await new WorkspaceIndexer(ws, makeHost().host).crawl([root]);
    assert.equal(ws.patchKind(uri('overlays/prod/replicas.yaml')), 'strategic-merge', 'legacy kustomization without apiVersion/kind');
    assert.equal(ws.patchKind(uri('overlays/dev/patches/replicas.yml')), 'strategic-merge', 'extension-less Kustomization');
    assert.equal(ws.patchKind(uri('base/deployment.yaml')), undefined);
    assert.equal(ws.patchKind(uri('loose/replicas.yaml')), undefined);
    // The patches are not objects of the index; the base and the loose file are.
    assert.deepEqual([...ws.objects('Deployment')].map((o) => o.uri).sort(), [uri('base/deployment.yaml'), uri('loose/replicas.yaml')]);
  });

  it('a changed or deleted kustomization file updates membership and asks for revalidation; the diagnostics follow', async () => {
    const ws = new WorkspaceIndex();
    const ls = getLanguageService({ workspace: ws });
    const { host, calls } = makeHost();
    const indexer = new WorkspaceIndexer(ws, host);
    await indexer.crawl([root]);
    const patch = TextDocument.create(uri('overlays/prod/replicas.yaml'), 'yaml', 1, PATCH);
    const codes = () => ls.doValidation(patch).map((d) => String(d.code));
    assert.deepEqual(codes(), []);

    let before = calls.changed;
    write('overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\n');
    await indexer.filesChanged([{ uri: uri('overlays/prod/kustomization.yaml'), type: FileChangeType.Changed }]);
    assert.equal(calls.changed, before + 1);
    assert.equal(ws.patchKind(patch.uri), undefined);
    assert.ok(codes().includes('missing-required-field'));

    write('overlays/prod/kustomization.yaml', 'patches:\n  - path: replicas.yaml\n');
    await indexer.filesChanged([{ uri: uri('overlays/prod/kustomization.yaml'), type: FileChangeType.Changed }]);
    assert.deepEqual(codes(), []);

    before = calls.changed;
    rmSync(join(root, 'overlays/prod/kustomization.yaml'));
    await indexer.filesChanged([{ uri: uri('overlays/prod/kustomization.yaml'), type: FileChangeType.Deleted }]);
    assert.equal(calls.changed, before + 1);
    assert.ok(codes().includes('missing-required-field'));

    // Deleting a whole folder takes its kustomization file with it.
    rmSync(join(root, 'overlays/dev'), { recursive: true });
    await indexer.filesChanged([{ uri: uri('overlays/dev'), type: FileChangeType.Deleted }]);
    assert.equal(ws.patchKind(uri('overlays/dev/patches/replicas.yml')), undefined);

    // A Kustomization file created later is picked up from its watched-file event.
    write('loose/Kustomization', 'patches:\n  - path: ./replicas.yaml\n');
    await indexer.filesChanged([{ uri: uri('loose/Kustomization'), type: FileChangeType.Created }]);
    assert.equal(ws.patchKind(uri('loose/replicas.yaml')), 'strategic-merge');
  });

  it('an open kustomization file: its editor text decides, and closing it goes back to the disk', async () => {
    const ws = new WorkspaceIndex();
    const ls = getLanguageService({ workspace: ws });
    const open = new Set<string>();
    const indexer = new WorkspaceIndexer(ws, makeHost(open).host);
    await indexer.crawl([root]);
    const kUri = uri('overlays/prod/kustomization.yaml');
    open.add(kUri);
    ls.parse(TextDocument.create(kUri, 'yaml', 2, 'resources:\n  - ../../base\n'));
    assert.equal(ws.patchKind(uri('overlays/prod/replicas.yaml')), undefined, 'unsaved edit dropped the patch');
    open.delete(kUri);
    await indexer.documentClosed(kUri);
    assert.equal(ws.patchKind(uri('overlays/prod/replicas.yaml')), 'strategic-merge', 'the file on disk still has it');
  });

  it('without a crawled folder, an open file’s own directory is looked in once, without blocking validation', async () => {
    const ws = new WorkspaceIndex();
    const ls = getLanguageService({ workspace: ws });
    const patchUri = uri('overlays/prod/replicas.yaml');
    const open = new Set([patchUri]);
    const { host, calls } = makeHost(open);
    const indexer = new WorkspaceIndexer(ws, host);
    const patch = TextDocument.create(patchUri, 'yaml', 1, PATCH);
    // First validation: nothing known yet, so the file is judged as a whole manifest.
    assert.ok(ls.doValidation(patch).some((d) => d.code === 'missing-required-field'));
    const probe = indexer.probeKustomization(patchUri);
    assert.ok(probe, 'a new directory is probed');
    await probe;
    assert.equal(calls.changed, 1, 'the open documents are validated again');
    assert.deepEqual(
      ls.doValidation(patch).map((d) => d.code),
      [],
    );
    assert.equal(indexer.probeKustomization(patchUri), undefined, 'once per directory');
    // A directory without a kustomization file changes nothing.
    await indexer.probeKustomization(uri('loose/replicas.yaml'));
    assert.equal(calls.changed, 1);
    // With the whole workspace crawled there is nothing to look for.
    const crawled = new WorkspaceIndex();
    const other = new WorkspaceIndexer(crawled, makeHost().host);
    await other.crawl([root]);
    assert.equal(other.probeKustomization(uri('base/deployment.yaml')), undefined);
  });
});
