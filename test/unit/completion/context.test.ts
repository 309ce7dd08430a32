// The cursor context on incomplete YAML: which mapping a key goes into, which field a value is
// typed for, and the replace range. `‸` marks the cursor; `«…»` (optional) the expected replace range.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext, headerFromText, lineEntries } from '../../../server/src/service/completion/context';

function at(marked: string) {
  const cursor = marked.replace(/[«»]/g, '').indexOf('‸');
  const text = marked.replace(/[«»]/g, '').replace('‸', '');
  const noCursor = marked.replace('‸', '');
  const rs = noCursor.indexOf('«');
  const range = rs >= 0 ? [rs, noCursor.indexOf('»') - 1] : undefined;
  return { ctx: cursorContext({ text }, cursor), range };
}

type Expect = { mode: string; path?: (string | number)[]; existing?: string[]; prefix?: string; itemPath?: (string | number)[] } & Record<
  string,
  unknown
>;

const cases: { name: string; text: string; expect: Expect | undefined }[] = [
  {
    name: 'key under spec',
    text: 'kind: Deployment\nspec:\n  «rep‸»\n',
    expect: { mode: 'key', path: ['spec'], prefix: 'rep', existing: [] },
  },
  {
    name: 'key in a list item after its first key',
    text: 'spec:\n  containers:\n  - name: x\n    «ima‸»\n',
    expect: { mode: 'key', path: ['spec', 'containers', 0], existing: ['name'], prefix: 'ima' },
  },
  {
    name: 'key in the second item counts siblings',
    text: 'spec:\n  containers:\n    - name: a\n      image: b\n    - name: c\n      ‸\n      ports: []\n',
    expect: { mode: 'key', path: ['spec', 'containers', 1], existing: ['name', 'ports'], prefix: '' },
  },
  {
    name: 'first key of a new item',
    text: 'spec:\n  containers:\n  - name: a\n  - «na‸»\n',
    expect: { mode: 'key', path: ['spec', 'containers', 1], existing: [], itemPath: ['spec', 'containers', 1] },
  },
  {
    name: 'nested sequences on one line',
    text: 'a:\n- - x: 1\n    ‸\n',
    expect: { mode: 'key', path: ['a', 0, 0], existing: ['x'] },
  },
  { name: 'kind value', text: 'apiVersion: v1\nkind: ‸\n', expect: { mode: 'value', path: ['kind'], prefix: '', needsSpace: false } },
  { name: 'kind value right after the colon', text: 'kind:‸\n', expect: { mode: 'value', path: ['kind'], prefix: '', needsSpace: true } },
  { name: 'partial value', text: 'kind: «Dep‸loy»\n', expect: { mode: 'value', path: ['kind'], prefix: 'Dep' } },
  {
    name: 'value deep in a pod template',
    text: 'spec:\n  template:\n    spec:\n      restartPolicy: «‸»\n',
    expect: { mode: 'value', path: ['spec', 'template', 'spec', 'restartPolicy'], prefix: '' },
  },
  {
    name: 'quoted value',
    text: 'spec:\n  schedule: "«*/5‸»"\n',
    expect: { mode: 'value', path: ['spec', 'schedule'], prefix: '*/5', quoted: true },
  },
  {
    name: 'value of a key on a list item line',
    text: 'spec:\n  ports:\n  - protocol: «T‸»\n',
    expect: { mode: 'value', path: ['spec', 'ports', 0, 'protocol'], prefix: 'T' },
  },
  {
    name: 'scalar list item',
    text: 'spec:\n  accessModes:\n    - ReadWriteOnce\n    - «Read‸»\n',
    expect: { mode: 'key', path: ['spec', 'accessModes', 1], itemPath: ['spec', 'accessModes', 1] },
  },
  {
    name: 'key in a flow map',
    text: 'spec:\n  containers:\n  - {name: x, «ima‸»}\n',
    expect: { mode: 'key', path: ['spec', 'containers', 0], existing: ['name'], flow: true, prefix: 'ima' },
  },
  {
    name: 'key in a flow map sees keys after the cursor',
    text: 'metadata: {«‸», name: x, labels: {a: b}}\n',
    expect: { mode: 'key', path: ['metadata'], existing: ['name', 'labels'], flow: true },
  },
  {
    name: 'value in a flow map',
    text: 'spec:\n  template:\n    spec: {restartPolicy: «On‸»}\n',
    expect: { mode: 'value', path: ['spec', 'template', 'spec', 'restartPolicy'], flow: true, prefix: 'On' },
  },
  {
    name: 'item in a flow sequence',
    text: 'spec:\n  accessModes: [ReadWriteOnce, «R‸»]\n',
    expect: { mode: 'value', path: ['spec', 'accessModes', 1], flow: true, prefix: 'R' },
  },
  {
    name: 'key in a flow map over several lines',
    text: 'spec:\n  selector: {\n    matchLabels: {app: x},\n    «mat‸»\n  }\n',
    expect: { mode: 'key', path: ['spec', 'selector'], existing: ['matchLabels'], flow: true, prefix: 'mat' },
  },
  {
    name: 'value in a flow map over several lines, with a comment',
    text: 'spec:\n  template:\n    spec: { # pod\n      dnsPolicy: Default,\n      restartPolicy: «On‸»\n',
    expect: { mode: 'value', path: ['spec', 'template', 'spec', 'restartPolicy'], flow: true, prefix: 'On' },
  },
  {
    name: 'item of a flow sequence over several lines',
    text: 'spec:\n  accessModes: [\n    ReadWriteOnce,\n    «Rea‸»\n',
    expect: { mode: 'value', path: ['spec', 'accessModes', 1], flow: true, prefix: 'Rea' },
  },
  {
    name: 'block key after a closed flow map over several lines',
    text: 'spec:\n  selector: {\n    matchLabels: {app: x}\n  }\n  «‸»\n',
    expect: { mode: 'key', path: ['spec'], existing: ['selector'], flow: false },
  },
  {
    name: 'a plain scalar with a bracket is not a flow collection',
    text: 'spec:\n  template:\n    spec:\n      containers:\n      - args:\n        - echo {\n        «ima‸»\n',
    expect: { mode: 'key', path: ['spec', 'template', 'spec', 'containers', 0], existing: ['args'] },
  },
  {
    name: 'an open brace in a block scalar is not a flow collection',
    text: 'data:\n  config.json: |\n    {\n      "a": 1\n  «‸»\n',
    expect: { mode: 'key', path: ['data'], existing: ['config.json'] },
  },
  { name: 'closed flow map: nothing', text: 'metadata: {name: x} ‸\n', expect: undefined },
  {
    name: 'second document of a file (own text)',
    text: '---\napiVersion: apps/v1\nkind: StatefulSet\nspec:\n  updateStrategy:\n    rollingUpdate:\n      «par‸»\n',
    expect: { mode: 'key', path: ['spec', 'updateStrategy', 'rollingUpdate'], prefix: 'par' },
  },
  {
    name: 'unindented sequence under its key',
    text: 'spec:\n  containers:\n  - name: a\n    image: b\n  ‸\n',
    expect: { mode: 'key', path: ['spec'], existing: ['containers'] },
  },
  {
    name: 'sibling keys above and below, deeper lines skipped',
    text: 'spec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n  ‸\n  template: {}\n',
    expect: { mode: 'key', path: ['spec'], existing: ['replicas', 'selector', 'template'] },
  },
  { name: 'inside a block scalar: nothing', text: 'data:\n  script: |\n    echo\n    ‸\n', expect: undefined },
  { name: 'in a comment: nothing', text: 'spec:\n  # rep‸\n', expect: undefined },
  { name: 'empty document', text: '«‸»', expect: { mode: 'empty', prefix: '' } },
  { name: 'empty document after a marker and a comment', text: '---\n# app\n«Dep‸»\n', expect: { mode: 'empty', prefix: 'Dep' } },
  {
    name: 'top-level key in a started document',
    text: 'apiVersion: v1\n«‸»\n',
    expect: { mode: 'key', path: [], existing: ['apiVersion'] },
  },
  { name: 'renaming a key keeps its colon', text: 'spec:\n  «rep‸licas»: 3\n', expect: { mode: 'key', path: ['spec'], hasColon: true } },
  { name: 'on the marker line: nothing', text: '---‸\n', expect: undefined },
  {
    name: 'Windows line endings',
    text: 'kind: Job\r\nspec:\r\n  template:\r\n    spec:\r\n      «rest‸»\r\n',
    expect: { mode: 'key', path: ['spec', 'template', 'spec'], prefix: 'rest' },
  },
  {
    name: 'value before a comment',
    text: 'spec:\n  restartPolicy: «Al‸» # keep\n',
    expect: { mode: 'value', path: ['spec', 'restartPolicy'], prefix: 'Al' },
  },
  { name: 'quoted key', text: 'metadata:\n  "annotations":\n    ‸\n', expect: { mode: 'key', path: ['metadata', 'annotations'] } },
];

describe('cursorContext', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { ctx, range } = at(c.text);
      if (c.expect === undefined) {
        assert.equal(ctx, undefined);
        return;
      }
      assert.ok(ctx, 'expected a context');
      const { mode, path, existing, ...rest } = c.expect;
      assert.equal(ctx.mode, mode);
      if (path) assert.deepEqual('path' in ctx ? ctx.path : undefined, path);
      if (existing) assert.deepEqual(ctx.mode === 'key' ? [...ctx.existingKeys].sort() : undefined, [...existing].sort());
      for (const [k, v] of Object.entries(rest)) assert.deepEqual((ctx as unknown as Record<string, unknown>)[k], v, k);
      if (range) assert.deepEqual([ctx.start, ctx.end], range, 'replace range');
    });
  }
});

describe('lineEntries', () => {
  it('splits dashes, key and rest', () => {
    assert.deepEqual(lineEntries('  - - name: x # c'), [
      { col: 2, type: 'dash' },
      { col: 4, type: 'dash' },
      { col: 6, type: 'key', key: 'name', rest: 'x', restCol: 12 },
    ]);
    assert.deepEqual(lineEntries('# only a comment'), []);
    assert.deepEqual(lineEntries('---'), []);
    assert.equal(lineEntries('  image: nginx:1.27')[0].key, 'image');
    assert.equal(lineEntries("  'a: b': 1")[0].key, 'a: b');
  });
});

describe('headerFromText', () => {
  it('reads kind and apiVersion from broken text', () => {
    assert.deepEqual(headerFromText('apiVersion: apps/v1 # x\nkind: "StatefulSet"\nspec:\n  rep\n  - :'), {
      kind: 'StatefulSet',
      apiVersion: 'apps/v1',
    });
    assert.deepEqual(headerFromText('spec: {}\n'), { kind: undefined, apiVersion: undefined });
  });
});
