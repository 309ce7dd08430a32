// Go to Definition from a custom resource's kind to the CRD that defines it (the workspace index
// registers the CRDs of every file it is given).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { crdEntriesOfText, kindValueOffsets, onlyCrds } from '../../../server/src/service/crd/entries';
import { getLanguageService } from '../../../server/src/service/index';
import { WIDGETS_PATH } from './widgets';

const CRD = readFileSync(WIDGETS_PATH, 'utf8');
const HEAD = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n';

describe('custom resources: the CRDs of the workspace index', () => {
  const cr = TextDocument.create('file:///work/w.yaml', 'yaml', 1, `${HEAD}spec:\n  size: small\n`);

  it('Go to Definition from the kind (or apiVersion) opens the CRD at its names.kind', () => {
    const service = getLanguageService();
    const text = `# CRDs\n---\n${CRD}`;
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 1, text));
    const line = text.split('\n').findIndex((l) => l === '    kind: Widget');
    const expected = [{ uri: 'file:///work/crd.yaml', range: { start: { line, character: 10 }, end: { line, character: 16 } } }];
    assert.deepEqual(service.findDefinition(cr, { line: 1, character: 8 }), expected);
    assert.deepEqual(service.findDefinition(cr, { line: 0, character: 14 }), expected);
    assert.deepEqual(service.findDefinition(cr, { line: 5, character: 4 }), [], 'not from other fields');
    service.workspace.delete('file:///work/crd.yaml');
    assert.deepEqual(service.findDefinition(cr, { line: 1, character: 8 }), []);
  });

  it('the index generation moves when a CRD is added, changed or removed, and only then', () => {
    const service = getLanguageService();
    const g0 = service.workspace.generation;
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 1, CRD));
    const g1 = service.workspace.generation;
    assert.ok(g1 > g0);
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 2, CRD));
    assert.equal(service.workspace.generation, g1);
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 3, CRD.replace('maxLength: 20', 'maxLength: 30')));
    assert.ok(service.workspace.generation > g1, 'a schema edit counts');
    assert.ok(service.workspace.crds.lookup('example.com/v1', 'Widget'));
  });

  it('entries from a file read from disk: no schema parsed, kind located, documents counted', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n${CRD}`;
    const entries = crdEntriesOfText(text);
    assert.deepEqual(
      entries.map((e) => [e.docIndex, e.crd.names.kind, e.crd.versions.every((v) => v.schema === undefined), e.kindRange?.start.character]),
      [[1, 'Widget', true, 10]],
    );
    assert.equal(onlyCrds(text, entries), false);
    assert.equal(onlyCrds(`# comment\n---\n${CRD}`, crdEntriesOfText(`# comment\n---\n${CRD}`)), true);
    assert.deepEqual(crdEntriesOfText('apiVersion: apps/v1\nkind: Deployment\n'), []);
    assert.deepEqual(kindValueOffsets('spec:\n  names:\n    kind: "Widget"\n', 'Widget'), [26, 32]);
  });
});
