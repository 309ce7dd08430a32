import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendDocument, insertPair, removePair, renameKey, replaceValue, type EditValue } from '../../../server/src/service/manifest/edit';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import type { DocEdit } from '../../../server/src/service/rules/types';

function apply(text: string, edits: readonly DocEdit[] | undefined): string {
  assert.ok(edits, 'expected edits');
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function doc(text: string) {
  return parseManifest('file:///t.yaml', text).documents[0];
}

describe('manifest/edit insertPair', () => {
  const cases: { name: string; text: string; parent: (string | number)[]; key: string; value: EditValue; out: string }[] = [
    {
      name: 'scalar into block map',
      text: 'spec:\n  replicas: 1\n',
      parent: ['spec'],
      key: 'paused',
      value: 'true',
      out: 'spec:\n  replicas: 1\n  paused: true\n',
    },
    {
      name: 'keeps a trailing comment line and the next key',
      text: 'spec:\n  replicas: 1 # one\nstatus: {}\n',
      parent: ['spec'],
      key: 'paused',
      value: 'true',
      out: 'spec:\n  replicas: 1 # one\n  paused: true\nstatus: {}\n',
    },
    {
      name: 'no final newline',
      text: 'spec:\n  replicas: 1',
      parent: ['spec'],
      key: 'paused',
      value: 'true',
      out: 'spec:\n  replicas: 1\n  paused: true\n',
    },
    {
      name: 'creates missing parents',
      text: 'kind: Job\nspec:\n  template:\n    metadata: {}\n',
      parent: ['spec', 'template', 'spec'],
      key: 'restartPolicy',
      value: 'Never',
      out: 'kind: Job\nspec:\n  template:\n    metadata: {}\n    spec:\n      restartPolicy: Never\n',
    },
    {
      name: 'under an empty key',
      text: 'spec:\nstatus: 1\n',
      parent: ['spec'],
      key: 'replicas',
      value: '2',
      out: 'spec:\n  replicas: 2\nstatus: 1\n',
    },
    { name: 'under an explicit null', text: 'spec: null\n', parent: ['spec'], key: 'replicas', value: '2', out: 'spec: \n  replicas: 2\n' },
    {
      name: 'into a flow map',
      text: 'labels: {app: web}\n',
      parent: ['labels'],
      key: 'tier',
      value: 'db',
      out: 'labels: {app: web, tier: db}\n',
    },
    { name: 'into an empty flow map', text: 'labels: {}\n', parent: ['labels'], key: 'tier', value: 'db', out: 'labels: {tier: db}\n' },
    {
      name: 'missing keys under a flow map are written as nested flow maps',
      text: 'spec: {replicas: 1}\n',
      parent: ['spec', 'template', 'metadata'],
      key: 'name',
      value: 'web',
      out: 'spec: {replicas: 1, template: {metadata: {name: web}}}\n',
    },
    {
      name: 'one missing key under an empty flow map',
      text: 'resources: {}\n',
      parent: ['resources', 'limits'],
      key: 'cpu',
      value: '1',
      out: 'resources: {limits: {cpu: 1}}\n',
    },
    {
      name: 'block value into a sequence item map',
      text: 'containers:\n- name: a\n  image: x\n',
      parent: ['containers', 0],
      key: 'resources',
      value: ['requests:', '  cpu: 100m'],
      out: 'containers:\n- name: a\n  image: x\n  resources:\n    requests:\n      cpu: 100m\n',
    },
    {
      name: 'sequence block follows the compact style',
      text: 'spec:\n  containers:\n  - name: a\n',
      parent: ['spec'],
      key: 'tolerations',
      value: ['- operator: Exists'],
      out: 'spec:\n  containers:\n  - name: a\n  tolerations:\n  - operator: Exists\n',
    },
    {
      name: 'sequence block follows the indented style',
      text: 'spec:\n  containers:\n    - name: a\n',
      parent: ['spec'],
      key: 'tolerations',
      value: ['- operator: Exists'],
      out: 'spec:\n  containers:\n    - name: a\n  tolerations:\n    - operator: Exists\n',
    },
    {
      name: 'four-space indentation',
      text: 'spec:\n    replicas: 1\n',
      parent: [],
      key: 'status',
      value: ['a: 1'],
      out: 'spec:\n    replicas: 1\nstatus:\n    a: 1\n',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(apply(c.text, insertPair(doc(c.text), c.parent, c.key, c.value)), c.out));
  it('refuses to write through a scalar', () => assert.equal(insertPair(doc('spec: 3\n'), ['spec'], 'x', '1'), undefined));
});

describe('manifest/edit other edits', () => {
  it('replaceValue keeps the comment', () => assert.equal(apply('a: 1 # c\n', replaceValue(doc('a: 1 # c\n'), ['a'], '2')), 'a: 2 # c\n'));
  it('replaceValue fills an empty value', () =>
    assert.equal(apply('a:\nb: 1\n', replaceValue(doc('a:\nb: 1\n'), ['a'], 'x')), 'a: x\nb: 1\n'));
  it('replaceValue inserts a missing key', () =>
    assert.equal(apply('s:\n  a: 1\n', replaceValue(doc('s:\n  a: 1\n'), ['s', 'b'], '2')), 's:\n  a: 1\n  b: 2\n'));
  it('removePair removes whole lines of a block value', () =>
    assert.equal(apply('a: 1\nb:\n  c: 2\nd: 3\n', removePair(doc('a: 1\nb:\n  c: 2\nd: 3\n'), ['b'])), 'a: 1\nd: 3\n'));
  it('removePair on a dash line pulls the next key up', () =>
    assert.equal(apply('l:\n- a: 1\n  b: 2\n', removePair(doc('l:\n- a: 1\n  b: 2\n'), ['l', 0, 'a'])), 'l:\n- b: 2\n'));
  it('removePair in a flow map', () =>
    assert.equal(apply('m: {a: 1, b: 2}\n', removePair(doc('m: {a: 1, b: 2}\n'), ['m', 'a'])), 'm: {b: 2}\n'));
  it('renameKey', () =>
    assert.equal(
      apply('spec:\n  replica: 3\n', renameKey(doc('spec:\n  replica: 3\n'), ['spec', 'replica'], 'replicas')),
      'spec:\n  replicas: 3\n',
    ));
  it('appendDocument', () => assert.equal(apply('a: 1', appendDocument(doc('a: 1'), 'b: 2')), 'a: 1\n---\nb: 2\n'));
});
