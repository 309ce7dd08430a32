// Custom resources through the language service: the CRD is another file of the workspace; the
// schema rules report on the custom resource, Go to Definition from its kind opens the CRD, and
// adding, editing or deleting the CRD changes the diagnostics of the open custom resource.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';
import { WIDGETS_PATH } from './widgets';

const CRD = readFileSync(WIDGETS_PATH, 'utf8');
const files = { 'file:///work/crds/widgets.yaml': CRD };
const HEAD = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n';

ruleTable('unknown-field', {
  valid: [
    { name: 'a valid widget', text: `${HEAD}spec:\n  size: small\n  parts:\n  - name: p-1\n`, files },
    { name: 'a widget whose CRD is not known is not checked', text: `${HEAD}spec:\n  anything: 1\n` },
  ],
  invalid: [
    {
      name: 'a typo in a custom resource, renamed to the CRD field',
      text: `${HEAD}spec:\n  size: small\n  «colr»: red\n  parts:\n  - name: p-1\n`,
      files,
      messageId: 'unknownSuggest',
      message: '`colr` is not a field of Widget.spec. Did you mean `color`?',
      output: `${HEAD}spec:\n  size: small\n  color: red\n  parts:\n  - name: p-1\n`,
    },
  ],
});

ruleTable('invalid-value', {
  valid: [{ name: 'a huge widget with two parts', text: `${HEAD}spec:\n  size: huge\n  parts:\n  - name: p-1\n  - name: p-2\n`, files }],
  invalid: [
    {
      name: 'a CEL rule of the CRD, with its message',
      text: `${HEAD}spec:\n  size: small\n  minReplicas: «3»\n  maxReplicas: 1\n  parts:\n  - name: p-1\n`,
      files,
      messageId: 'crdRule',
      message: 'minReplicas must not exceed maxReplicas',
    },
    {
      name: 'an enum of the CRD',
      text: `${HEAD}spec:\n  size: «tiny»\n  parts:\n  - name: p-1\n`,
      files,
      messageId: 'notAllowed',
      fix: 'Change to `small`',
      output: `${HEAD}spec:\n  size: small\n  parts:\n  - name: p-1\n`,
    },
  ],
});

ruleTable('invalid-value', {
  valid: [],
  invalid: [
    {
      name: 'a CRD document: a schema node without a type (structural schema)',
      text: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: things.a.io
spec:
  group: a.io
  names: {kind: Thing, plural: things}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          «spec»:
            properties:
              a: {type: string}
`,
      messageId: 'crdStructural',
      message:
        'Every node of a structural schema needs a `type` (or `x-kubernetes-int-or-string` / `x-kubernetes-preserve-unknown-fields`).',
    },
  ],
});

ruleTable('missing-required-field', {
  valid: [],
  invalid: [
    {
      name: 'a field the CRD requires',
      text: `${HEAD}«spec»:\n  parts:\n  - name: p-1\n`,
      files,
      messageId: 'missing',
      message: 'Widget.spec is missing the required field `size`.',
    },
  ],
});

ruleTable('api-version-mismatch', {
  valid: [],
  invalid: [
    {
      name: 'a version the CRD does not serve',
      text: 'apiVersion: «example.com/v1alpha1»\nkind: Widget\nmetadata:\n  name: w1\n',
      files,
      messageId: 'crdNotServed',
      output: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n',
    },
  ],
});

describe('custom resources in the language service', () => {
  const cr = TextDocument.create('file:///work/w.yaml', 'yaml', 1, `${HEAD}spec:\n  size: small\n  colr: red\n  parts:\n  - name: p-1\n`);
  const codes = (d: ReturnType<ReturnType<typeof getLanguageService>['doValidation']>) => d.map((x) => x.code);

  it('adding, editing and deleting the CRD re-validates the custom resource', () => {
    const service = getLanguageService();
    assert.deepEqual(codes(service.doValidation(cr)), []);
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 1, CRD));
    assert.deepEqual(codes(service.doValidation(cr)), ['unknown-field']);
    // The CRD gains the field: the typo is a field now.
    service.parse(
      TextDocument.create(
        'file:///work/crd.yaml',
        'yaml',
        2,
        CRD.replace('                color:\n', '                colr:\n                  type: string\n                color:\n'),
      ),
    );
    assert.deepEqual(codes(service.doValidation(cr)), []);
    service.workspace.delete('file:///work/crd.yaml');
    assert.deepEqual(codes(service.doValidation(cr)), []);
  });

  it('Go to Definition from the kind opens the CRD at its names.kind', () => {
    const service = getLanguageService();
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 1, `# CRDs\n---\n${CRD}`));
    const locations = service.findDefinition(cr, { line: 1, character: 8 });
    const line = `# CRDs\n---\n${CRD}`.split('\n').findIndex((l) => l === '    kind: Widget');
    assert.deepEqual(locations, [
      { uri: 'file:///work/crd.yaml', range: { start: { line, character: 10 }, end: { line, character: 16 } } },
    ]);
  });

  function serviceWithCrd() {
    const service = getLanguageService();
    service.parse(TextDocument.create('file:///work/crd.yaml', 'yaml', 1, CRD));
    return service;
  }
  const hoverText = (h: ReturnType<ReturnType<typeof getLanguageService>['doHover']>) =>
    h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

  it('hover: a field from the CRD, the kind from the CRD, and how to make an unknown CRD known', () => {
    const service = serviceWithCrd();
    assert.match(
      hoverText(service.doHover(cr, { line: 5, character: 3 })),
      /^\*\*spec\.size\*\* `string` · required\n\nHow big the widget is\./,
    );
    assert.match(hoverText(service.doHover(cr, { line: 1, character: 8 })), /^\*\*Widget\*\* — custom resource of `example\.com`/);
    assert.equal(service.doHover(cr, { line: 6, character: 3 }), null, 'colr is not in the CRD');
    const unknown = TextDocument.create('file:///work/r.yaml', 'yaml', 1, 'apiVersion: acme.io/v1\nkind: Rocket\nmetadata:\n  name: r\n');
    assert.match(hoverText(service.doHover(unknown, { line: 1, character: 8 })), /no CustomResourceDefinition of it is known/);
    assert.deepEqual(service.doValidation(unknown), []);
    // built-in kinds keep their own hover
    const deploy = TextDocument.create('file:///work/d.yaml', 'yaml', 1, 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.doesNotMatch(hoverText(service.doHover(deploy, { line: 1, character: 8 })), /CustomResourceDefinition/);
  });

  it('completion: keys from the CRD (required first, not those written), values from its enum', () => {
    const service = serviceWithCrd();
    const doc = TextDocument.create('file:///work/c.yaml', 'yaml', 1, `${HEAD}spec:\n  size: \n  parts:\n  - name: p-1\n  \n`);
    const keys = service.doComplete(doc, { line: 8, character: 2 }).items.map((i) => i.label);
    assert.deepEqual(keys.slice(0, 3), ['color', 'minReplicas', 'maxReplicas']);
    assert.ok(!keys.includes('size') && !keys.includes('parts'));
    const values = service.doComplete(doc, { line: 5, character: 8 }).items;
    assert.deepEqual(
      values.map((i) => i.label),
      ['small', 'medium', 'large', 'huge'],
    );
    assert.equal(values[0].textEdit && 'newText' in values[0].textEdit ? values[0].textEdit.newText : '', 'small');
  });
});

describe('a custom resource at a deprecated or unserved CRD version', () => {
  // widgets.example.com: v1 served (storage), v1beta1 served and deprecated, v1alpha1 not served.
  const cases: {
    name: string;
    apiVersion: string;
    rules?: Record<string, 'error' | 'warning' | 'off'>;
    expected: [string, number, string][];
  }[] = [
    { name: 'the served version: nothing', apiVersion: 'example.com/v1', expected: [] },
    {
      name: 'a deprecated version: a warning with the CRD’s deprecationWarning',
      apiVersion: 'example.com/v1beta1',
      expected: [['api-version-mismatch', 2, 'example.com/v1beta1 Widget is deprecated; use example.com/v1']],
    },
    {
      name: 'a version that is not served: an error',
      apiVersion: 'example.com/v1alpha1',
      expected: [
        [
          'api-version-mismatch',
          1,
          'The CustomResourceDefinition `widgets.example.com` does not serve `example.com/v1alpha1` (served: `example.com/v1beta1`, `example.com/v1`).',
        ],
      ],
    },
    {
      name: 'the user’s severity for the rule applies to the deprecated version too',
      apiVersion: 'example.com/v1beta1',
      rules: { 'api-version-mismatch': 'error' },
      expected: [['api-version-mismatch', 1, 'example.com/v1beta1 Widget is deprecated; use example.com/v1']],
    },
    { name: 'and off is off', apiVersion: 'example.com/v1beta1', rules: { 'api-version-mismatch': 'off' }, expected: [] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const service = getLanguageService();
      service.parse(TextDocument.create('file:///work/crds/widgets.yaml', 'yaml', 1, CRD));
      const text = `apiVersion: ${c.apiVersion}\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: small\n  parts:\n  - name: p-1\n`;
      const diagnostics = service.doValidation(TextDocument.create('file:///work/w.yaml', 'yaml', 1, text), { rules: c.rules });
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.message]),
        c.expected,
      );
      for (const d of diagnostics)
        assert.deepEqual(d.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 12 + c.apiVersion.length } });
    });
});
