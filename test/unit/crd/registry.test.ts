import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { mayBeCrd, readCrdHeader, readVersionSchema, withoutSchemas } from '../../../server/src/service/crd/header';
import { readCrd } from '../../../server/src/service/crd/read';
import { CrdRegistry } from '../../../server/src/service/crd/registry';
import { splitDocuments } from '../../../server/src/service/manifest/parse';
import { WIDGETS_PATH } from './widgets';

const GATEWAY = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'crds', 'gateway-api', 'crds');
const WIDGETS_TEXT = readFileSync(WIDGETS_PATH, 'utf8');

describe('crd/header: a CRD read without its schemas', () => {
  it('equals the full read without schemas, for every Gateway API CRD and the fixture', () => {
    const texts = [...readdirSync(GATEWAY).map((f) => readFileSync(join(GATEWAY, f), 'utf8')), WIDGETS_TEXT];
    let crds = 0;
    for (const text of texts)
      for (const chunk of splitDocuments(text)) {
        const full = readCrd(parse(chunk.text));
        const header = readCrdHeader(chunk.text);
        assert.deepEqual(header, full && { ...full, versions: full.versions.map((v) => ({ ...v, schema: undefined })) });
        if (full) crds++;
      }
    assert.equal(crds, 11);
  });

  it('cuts only the schema blocks: `- schema:` items keep their other keys, comments and blank lines inside go too', () => {
    const text = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'spec:',
      '  versions:',
      '  - schema:',
      '      openAPIV3Schema:',
      '',
      '        # a comment',
      '        type: object',
      '    name: v1',
      '    served: true',
      '  - name: v2',
      '    schema:   # trailing comment',
      '      openAPIV3Schema: {type: object}',
      '    storage: true',
      '',
    ].join('\n');
    assert.equal(
      withoutSchemas(text),
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'spec:',
        '  versions:',
        '  - schema: {}',
        '    name: v1',
        '    served: true',
        '  - name: v2',
        '    schema: {}',
        '    storage: true',
        '',
      ].join('\n'),
    );
    assert.equal(withoutSchemas('{"kind": "CustomResourceDefinition", "spec": {"versions": [{"schema": {}}]}}'), undefined);
  });

  it('mayBeCrd: a cheap test on the text', () => {
    assert.equal(mayBeCrd(WIDGETS_TEXT), true);
    assert.equal(mayBeCrd('apiVersion: apps/v1\nkind: Deployment\n# kind: CustomResourceDefinition\n'), false);
    assert.equal(mayBeCrd('apiVersion: apiextensions.k8s.io/v1\nkind: "CustomResourceDefinition"\n'), true);
  });
});

describe('crd/registry: the CRDs of the workspace', () => {
  function registry(files: Record<string, string>, maxLoaded?: number) {
    const loads: string[] = [];
    const r = new CrdRegistry({
      maxLoaded,
      loadText: (uri, docIndex) => {
        loads.push(`${uri}#${docIndex}`);
        const text = files[uri];
        return text === undefined ? undefined : splitDocuments(text)[docIndex]?.text;
      },
    });
    for (const [uri, text] of Object.entries(files))
      r.set(
        uri,
        splitDocuments(text).flatMap((c, docIndex) => {
          const crd = readCrdHeader(c.text);
          return crd ? [{ docIndex, crd }] : [];
        }),
      );
    return { r, loads };
  }

  it('looks up a custom resource by group and kind; the version is the one its apiVersion names', () => {
    const { r } = registry({ 'file:///w/crd.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\n${WIDGETS_TEXT}` });
    const m = r.lookup('example.com/v1', 'Widget')!;
    assert.deepEqual([m.entry.uri, m.entry.docIndex, m.version?.name, m.version?.storage], ['file:///w/crd.yaml', 1, 'v1', true]);
    assert.equal(r.lookup('example.com/v9', 'Widget')?.version, undefined);
    assert.ok(r.lookup('example.com/v9', 'Widget')?.entry);
    assert.equal(r.lookup('other.com/v1', 'Widget'), undefined);
    assert.equal(r.lookup('example.com/v1', 'Gadget'), undefined);
  });

  it('reads a schema on first use only, keeps it, and forgets it when the file changes', () => {
    const { r, loads } = registry({ 'file:///w/crd.yaml': WIDGETS_TEXT });
    assert.deepEqual(loads, []);
    const entry = r.lookup('example.com/v1', 'Widget')!.entry;
    assert.equal(r.schemaOf(entry, 'v1')?.type, 'object');
    assert.equal(r.schemaOf(entry, 'v1beta1')?.properties?.spec?.['x-kubernetes-preserve-unknown-fields'], true);
    r.schemaOf(entry, 'v1');
    assert.deepEqual(loads, ['file:///w/crd.yaml#0', 'file:///w/crd.yaml#0'], 'once per version');
    const gen = r.generation;
    r.set('file:///w/crd.yaml', [{ docIndex: 0, crd: entry.crd }]);
    assert.equal(r.generation, gen, 'same header: same generation');
    r.schemaOf(entry, 'v1');
    assert.equal(loads.length, 3, 'the text is read again after a change');
    r.delete('file:///w/crd.yaml');
    assert.equal(r.lookup('example.com/v1', 'Widget'), undefined);
    assert.equal(r.generation, gen + 1);
  });

  it('keeps the schemas of at most maxLoaded CRDs', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) files[`file:///w/${i}.yaml`] = WIDGETS_TEXT.replace(/example\.com/g, `ex${i}.com`);
    const { r } = registry(files, 2);
    for (let i = 0; i < 3; i++) r.schemaOf(r.lookup(`ex${i}.com/v1`, 'Widget')!.entry, 'v1');
    assert.equal(r.loadedCount, 2);
  });

  it('two CRDs of one kind in different groups are told apart by the group', () => {
    const { r } = registry({
      'file:///w/a.yaml': WIDGETS_TEXT,
      'file:///w/b.yaml': WIDGETS_TEXT.replace(/example\.com/g, 'other.io'),
    });
    assert.equal(r.forKind('Widget').length, 2);
    assert.equal(r.lookup('other.io/v1', 'Widget')?.entry.uri, 'file:///w/b.yaml');
  });
});

describe('crd/header: one version schema read alone', () => {
  it('equals the full read of that version, for every version of every Gateway API CRD and the fixture', () => {
    const texts = [...readdirSync(GATEWAY).map((f) => readFileSync(join(GATEWAY, f), 'utf8')), WIDGETS_TEXT];
    let n = 0;
    for (const text of texts)
      for (const chunk of splitDocuments(text)) {
        const full = readCrd(parse(chunk.text));
        for (const v of full?.versions ?? []) {
          assert.deepEqual(readVersionSchema(chunk.text, v.name), v.schema, `${full!.name} ${v.name}`);
          n++;
        }
      }
    assert.equal(n, 22);
    assert.equal(readVersionSchema(WIDGETS_TEXT, 'v9'), undefined);
    const json = JSON.stringify(parse(WIDGETS_TEXT));
    assert.deepEqual(readVersionSchema(json, 'v1'), readCrd(parse(WIDGETS_TEXT))!.versions[2].schema, 'a JSON CRD is parsed whole');
  });
});
