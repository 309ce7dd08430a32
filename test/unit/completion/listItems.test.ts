// Completion inside the items of a `kind: List` (and `<Kind>List`): keys and values from the
// item's own kind and apiVersion — never the List's (issue 10).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyItem, complete, item } from './complete';

const HEAD = 'apiVersion: v1\nkind: List\nitems:\n';
const DEPLOYMENT = `- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n  spec:\n`;

describe('completion inside a kind: List', () => {
  it('keys of the item’s spec come from its kind (a Deployment), not from the List', () => {
    const { labels } = complete(`${HEAD}${DEPLOYMENT}    ‸\n`);
    for (const key of ['replicas', 'selector', 'template', 'strategy']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
  });

  it('keys at the item’s top level: those of its kind, less the ones written', () => {
    const { labels } = complete(`${HEAD}- apiVersion: apps/v1\n  kind: Deployment\n  ‸\n`);
    assert.ok(labels.includes('spec') && labels.includes('metadata'), labels.join(', '));
    assert.ok(!labels.includes('items') && !labels.includes('kind'), labels.join(', '));
  });

  it('values of a field with allowed values, in the second item (a Service)', () => {
    const text = `${HEAD}${DEPLOYMENT}    replicas: 1\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n  spec:\n    type: ‸\n`;
    const { labels } = complete(text);
    assert.deepEqual(
      ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'].filter((v) => labels.includes(v)),
      ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
      labels.join(', '),
    );
  });

  it('accepting a key inserts it at the item’s indentation', () => {
    const { document, items } = complete(`${HEAD}${DEPLOYMENT}    repl‸\n`);
    assert.match(applyItem(document, item(items, 'replicas')), /\n {4}replicas: /);
  });

  it('the first key of an empty item: a List’s item must say what it is, a <Kind>List’s is a <Kind>', () => {
    assert.deepEqual(complete(`${HEAD}- ‸\n`).labels, ['apiVersion', 'kind', 'metadata']);
    const typed = complete(`apiVersion: v1\nkind: ServiceList\nitems:\n- ‸\n`).labels;
    assert.ok(typed.includes('spec') && typed.includes('metadata'), typed.join(', '));
    const spec = complete(`apiVersion: v1\nkind: ServiceList\nitems:\n- metadata:\n    name: web\n  spec:\n    ‸\n`).labels;
    assert.ok(spec.includes('clusterIP') && spec.includes('ports'), spec.join(', '));
  });

  it('an item of a <Kind>List', () => {
    const { labels } = complete(`apiVersion: v1\nkind: ServiceList\nitems:\n- apiVersion: v1\n  kind: Service\n  spec:\n    ‸\n`);
    assert.ok(labels.includes('clusterIP') && labels.includes('ports'), labels.join(', '));
  });
});
