import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  crdFieldMarkdown,
  crdKeyCompletions,
  crdKindMarkdown,
  crdValueCompletions,
  fileLabel,
  unknownCrdMarkdown,
} from '../../../server/src/service/crd/describe';
import type { CrdEntry } from '../../../server/src/service/crd/registry';
import { WIDGET_V1, WIDGETS } from './widgets';

const ENTRY: CrdEntry = { uri: 'file:///w/crds/widgets%20v1.yaml', docIndex: 0, crd: WIDGETS };

describe('crd/describe: hover and completion from the CRD', () => {
  it('a field: path, type, required, description, allowed values and where it is defined', () => {
    assert.equal(
      crdFieldMarkdown(ENTRY, WIDGET_V1, ['spec', 'size']),
      [
        '**spec.size** `string` · required',
        'How big the widget is.',
        'Allowed values: `small`, `medium`, `large`, `huge`',
        'From the CustomResourceDefinition `widgets.example.com` (widgets v1.yaml).',
      ].join('\n\n'),
    );
  });

  it('a field with default, pattern, bounds; a list item field with its rule', () => {
    const color = crdFieldMarkdown(ENTRY, WIDGET_V1, ['spec', 'color'])!;
    assert.match(color, /Default: `blue` {2}\nPattern: `\^\[a-z\]\+\$` {2}\nBounds: at least 3 characters, at most 10 characters/);
    const name = crdFieldMarkdown(ENTRY, WIDGET_V1, ['spec', 'parts', 0, 'name'])!;
    assert.match(name, /^\*\*spec\.parts\[\]\.name\*\* `string` · required/);
    assert.match(name, /Validation rules \(CEL\):\n- `self\.startsWith\('p-'\)` — a part's name starts with p-/);
  });

  it('an object lists its rules, and says which are not checked in the editor and why', () => {
    const spec = crdFieldMarkdown(ENTRY, WIDGET_V1, ['spec'])!;
    assert.match(spec, /- `self == oldSelf` — spec is immutable \*\(not checked in the editor: transition rule \(oldSelf\)\)\*/);
    assert.doesNotMatch(spec, /minReplicas must not exceed maxReplicas \*\(not checked/);
  });

  it('nothing for a field the schema does not have', () => {
    assert.equal(crdFieldMarkdown(ENTRY, WIDGET_V1, ['spec', 'colour']), undefined);
  });

  it('the kind: group, scope, description, versions with their flags, the deprecation warning, the file', () => {
    const v1beta1 = WIDGETS.versions[1];
    const md = crdKindMarkdown(ENTRY, v1beta1, WIDGET_V1);
    assert.match(md, /^\*\*Widget\*\* — custom resource of `example\.com` \(namespaced\)/);
    assert.match(md, /A Widget is a thing with a size and some parts\./);
    assert.match(
      md,
      /Versions: `example\.com\/v1alpha1` \(not served\), `example\.com\/v1beta1` \(deprecated\), `example\.com\/v1` \(storage\)/,
    );
    assert.match(md, /⚠ example\.com\/v1beta1 Widget is deprecated; use example\.com\/v1/);
    assert.match(md, /\(widgets v1\.yaml\)\. Go to Definition on `kind` opens it\.$/);
  });

  it('an unknown custom resource: how to make it known', () => {
    const md = unknownCrdMarkdown('acme.io/v1', 'Rocket');
    assert.match(md, /no CustomResourceDefinition of it is known/);
    assert.match(md, /`k8sWorkloads\.customResourceDefinitions`/);
    assert.match(md, /`--crds <path>`/);
  });

  it('key completions: the fields not written yet, required first, with their hover as documentation', () => {
    const keys = crdKeyCompletions(ENTRY, WIDGET_V1, ['spec'], ['color', 'parts']);
    assert.deepEqual(
      keys.slice(0, 3).map((k) => k.field.name),
      ['size', 'minReplicas', 'maxReplicas'],
    );
    assert.equal(keys.length, 13);
    assert.equal(keys[0].insertText, 'size: ');
    assert.match(keys[0].documentation, /^\*\*spec\.size\*\*/);
    assert.deepEqual(
      crdKeyCompletions(ENTRY, WIDGET_V1, ['spec', 'parts', 0], ['name']).map((k) => k.field.name),
      ['kind', 'count'],
    );
  });

  it('value completions: the enum, booleans', () => {
    assert.deepEqual(crdValueCompletions(WIDGET_V1, ['spec', 'size']), ['small', 'medium', 'large', 'huge']);
    assert.deepEqual(crdValueCompletions(WIDGET_V1, ['spec', 'enabled']), ['true', 'false']);
    assert.deepEqual(crdValueCompletions(WIDGET_V1, ['spec', 'color']), []);
  });

  it('fileLabel', () => {
    assert.equal(fileLabel('file:///a/b/c%20d.yaml'), 'c d.yaml');
    assert.equal(fileLabel('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
