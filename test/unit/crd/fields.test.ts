import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childFields, fieldAt, schemaAt, typeLabel } from '../../../server/src/service/crd/fields';
import { WIDGET_V1 } from './widgets';

describe('crd/fields: completion and hover data from a schema', () => {
  it('the child fields of spec, with type, description, enum, default and required', () => {
    const fields = childFields(WIDGET_V1, ['spec']);
    assert.deepEqual(
      fields.map((f) => f.name),
      [
        'size',
        'color',
        'minReplicas',
        'maxReplicas',
        'ratio',
        'enabled',
        'port',
        'address',
        'note',
        'labels',
        'tags',
        'parts',
        'extra',
        'template',
        'x-custom-name',
      ],
    );
    const size = fields.find((f) => f.name === 'size')!;
    assert.deepEqual(
      [size.type, size.description, size.enum, size.required],
      ['string', 'How big the widget is.', ['small', 'medium', 'large', 'huge'], true],
    );
    const color = fields.find((f) => f.name === 'color')!;
    assert.deepEqual([color.type, color.default, color.required, color.pattern], ['string', 'blue', false, '^[a-z]+$']);
  });

  const types: [(string | number)[], string][] = [
    [['spec', 'port'], 'integer | string'],
    [['spec', 'labels'], 'map[string]string'],
    [['spec', 'tags'], '[]string'],
    [['spec', 'parts'], '[]object'],
    [['spec', 'template'], 'object'],
    [['spec', 'ratio'], 'number'],
  ];
  for (const [path, expected] of types)
    it(`${path.join('.')} is ${expected}`, () => {
      assert.equal(typeLabel(schemaAt(WIDGET_V1, path)!), expected);
    });

  it('through list items and map values', () => {
    assert.deepEqual(
      childFields(WIDGET_V1, ['spec', 'parts', 0]).map((f) => [f.name, f.required]),
      [
        ['name', true],
        ['kind', false],
        ['count', false],
      ],
    );
    assert.equal(schemaAt(WIDGET_V1, ['spec', 'labels', 'anything'])?.type, 'string');
    const item = fieldAt(WIDGET_V1, ['spec', 'parts', 0, 'name'])!;
    assert.deepEqual([item.name, item.required, item.rules.map((r) => r.message)], ['name', true, ["a part's name starts with p-"]]);
    assert.equal(fieldAt(WIDGET_V1, ['spec', 'tags', 1])?.name, 'tags');
  });

  it('the rules of an object are listed with its field (hover shows them)', () => {
    assert.deepEqual(
      fieldAt(WIDGET_V1, ['spec'])!.rules.map((r) => r.message ?? r.messageExpression),
      [
        'minReplicas must not exceed maxReplicas',
        "'a huge widget needs at least 2 parts, not ' + string(self.parts.size())",
        'spec is immutable',
        'x-custom-name is too long',
      ],
    );
  });

  it('nothing past the schema: unknown fields, preserved fields, scalars', () => {
    assert.equal(fieldAt(WIDGET_V1, ['spec', 'colour']), undefined);
    assert.equal(fieldAt(WIDGET_V1, ['spec', 'extra', 'free']), undefined);
    assert.deepEqual(childFields(WIDGET_V1, ['spec', 'size']), []);
    assert.deepEqual(childFields(WIDGET_V1, ['spec', 'labels']), []);
  });
});
