// The workspace lookups the cross-document rules and navigation use (workspace/match.ts): answered
// from tables built once per state of the index, they must give what a scan of every object gives,
// in the index's order, and follow every change of the index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';
import {
  podTemplatesSelectedBy,
  selectedBy,
  selectorMatches,
  servicesNamed,
  statefulSetsGovernedBy,
} from '../../../server/src/service/workspace/match';
import type { IndexedObject } from '../../../server/src/service/workspace/types';

const deployment = (name: string, labels: Record<string, string>, namespace?: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  template:\n    metadata:\n      labels:\n${Object.entries(
    labels,
  )
    .map(([k, v]) => `        ${k}: ${v}\n`)
    .join('')}`;
const service = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
const statefulSet = (name: string, serviceName: string, namespace?: string) =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  serviceName: ${serviceName}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n`;

function put(workspace: WorkspaceIndex, uri: string, docs: string[]): void {
  const text = docs.join('---\n');
  workspace.setFile(parseManifest(uri, text), TextDocument.create(uri, 'yaml', 1, text));
}

const names = (objects: Iterable<IndexedObject>) => [...objects].map((o) => `${o.kind}/${o.name}`);

describe('workspace lookups', () => {
  const workspace = new WorkspaceIndex();
  put(workspace, 'file:///a.yaml', [
    deployment('web', { app: 'web', tier: 'front' }),
    deployment('web-canary', { app: 'web', tier: 'front', track: 'canary' }),
    deployment('api', { app: 'api' }, 'prod'),
    service('web'),
    service('web', 'prod'),
    statefulSet('db', 'db'),
    statefulSet('db2', 'db'),
    statefulSet('cache', 'db', 'prod'),
  ]);

  it('select what a scan selects, in the index order, within the namespace', () => {
    for (const [selector, ns, expected] of [
      [{ app: 'web' }, undefined, ['Deployment/web', 'Deployment/web-canary']],
      [{ app: 'web', track: 'canary' }, undefined, ['Deployment/web-canary']],
      [{ tier: 'front', app: 'web' }, 'default', ['Deployment/web', 'Deployment/web-canary']],
      [{ app: 'web' }, 'prod', []],
      [{ app: 'api' }, 'prod', ['Deployment/api']],
      [{ app: 'api' }, undefined, []],
      [{ app: 'db' }, undefined, ['StatefulSet/db']],
      [{}, undefined, []],
      [undefined, undefined, []],
    ] as const) {
      const from = { namespace: ns };
      const got = names(podTemplatesSelectedBy(workspace, selector, from));
      assert.deepEqual(got, expected, JSON.stringify({ selector, ns }));
      const scan = [...workspace.objects()].filter(
        (o) => o.podLabels && (o.namespace ?? 'default') === (ns ?? 'default') && selectorMatches(selector, o.podLabels),
      );
      assert.deepEqual(got, names(scan));
    }
    assert.deepEqual(names(selectedBy(workspace.objects(), { app: 'api' })), ['Deployment/api']);
  });

  it('find Services and governed StatefulSets by name within the namespace', () => {
    assert.deepEqual(names(servicesNamed(workspace, 'web', {})), ['Service/web']);
    assert.deepEqual(
      servicesNamed(workspace, 'web', { namespace: 'prod' }).map((o) => o.namespace),
      ['prod'],
    );
    assert.deepEqual(servicesNamed(workspace, 'nope', {}), []);
    assert.deepEqual(names(statefulSetsGovernedBy(workspace, 'db', { namespace: 'default' })), ['StatefulSet/db', 'StatefulSet/db2']);
    assert.deepEqual(names(statefulSetsGovernedBy(workspace, 'db', { namespace: 'prod' })), ['StatefulSet/cache']);
  });

  it('follow the index: a file added, changed or removed is seen at once', () => {
    put(workspace, 'file:///b.yaml', [service('db'), deployment('web-2', { app: 'web' })]);
    assert.deepEqual(names(servicesNamed(workspace, 'db', {})), ['Service/db']);
    assert.deepEqual(names(podTemplatesSelectedBy(workspace, { app: 'web' }, {})), [
      'Deployment/web',
      'Deployment/web-canary',
      'Deployment/web-2',
    ]);
    put(workspace, 'file:///b.yaml', [deployment('web-2', { app: 'other' })]);
    assert.deepEqual(servicesNamed(workspace, 'db', {}), []);
    assert.deepEqual(names(podTemplatesSelectedBy(workspace, { app: 'other' }, {})), ['Deployment/web-2']);
    workspace.delete('file:///b.yaml');
    assert.deepEqual(podTemplatesSelectedBy(workspace, { app: 'other' }, {}), []);
  });

  it('read labels and names such as __proto__ and constructor as plain keys', () => {
    const w = new WorkspaceIndex();
    put(w, 'file:///p.yaml', [
      deployment('constructor', JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, string>),
      service('constructor'),
    ]);
    assert.deepEqual(names(podTemplatesSelectedBy(w, { constructor: 'y' }, {})), ['Deployment/constructor']);
    assert.deepEqual(names(servicesNamed(w, 'constructor', {})), ['Service/constructor']);
    assert.deepEqual(names(podTemplatesSelectedBy(w, JSON.parse('{"__proto__": "x"}') as Record<string, string>, {})), [
      'Deployment/constructor',
    ]);
    assert.deepEqual(podTemplatesSelectedBy(w, { toString: 'y' }, {}), []);
  });

  it('the generation moves when what the rules see changes, not when objects only move or stay', () => {
    const w = new WorkspaceIndex();
    const docs = [service('web'), deployment('web', { app: 'web' }), statefulSet('db', 'db')];
    put(w, 'file:///g.yaml', docs);
    const g0 = w.generation;
    put(w, 'file:///g.yaml', docs);
    assert.equal(w.generation, g0, 'the same text');
    put(w, 'file:///g.yaml', ['# a comment above\n' + docs[0], docs[1], docs[2]]);
    assert.equal(w.generation, g0, 'objects moved down a line');
    put(w, 'file:///g.yaml', [docs[0].replace('  name: web', '  name: web\n  annotations:\n    a: b'), docs[1], docs[2]]);
    assert.equal(w.generation, g0, 'an annotation the index does not keep');
    put(w, 'file:///g.yaml', [docs[0], docs[1], statefulSet('db', 'db2')]);
    assert.notEqual(w.generation, g0, 'a serviceName changed');
    const g1 = w.generation;
    put(w, 'file:///g.yaml', [docs[0], docs[1]]);
    assert.notEqual(w.generation, g1, 'an object removed');
    const g2 = w.generation;
    put(w, 'file:///g.yaml', [docs[1], docs[0]]);
    assert.notEqual(w.generation, g2, 'objects reordered');
  });
});
