// Code actions: fixes with tab stops go out as snippet edits only to clients that apply them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, SnippetTextEdit, TextDocumentEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, fixAllEdits, getCodeActions, lineBreakOf } from '../../server/src/service/codeActions';
import { getLanguageService } from '../../server/src/service/index';
import type { ManifestDocument } from '../../server/src/service/manifest/types';
import type { Fix, Rule } from '../../server/src/service/rules/types';
import type { RuleResult } from '../../server/src/service/validation';
import { MINIMAL_DEPLOYMENT } from './helpers/manifests';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: c\n      image: nginx:1.27\n';

function resourcesFix(snippetEdits: boolean) {
  const service = getLanguageService();
  const document = TextDocument.create('file:///p.yaml', 'yaml', 3, POD);
  const d = service.doValidation(document).find((x) => x.code === 'missing-resources');
  assert.ok(d, 'missing-resources fires on a container without resources');
  const actions = service.getCodeActions(document, { range: d.range, diagnostics: [d], snippetEdits });
  const fix = actions.find((a) => !a.title.startsWith('Disable '));
  assert.ok(fix?.edit, 'a fix is offered');
  return { fix, document };
}

describe('code actions: snippet edits', () => {
  it('a client with snippetEditSupport gets tab stops in a versioned document edit', () => {
    const { fix, document } = resourcesFix(true);
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: document.uri, version: 3 });
    const edit = change.edits[0] as SnippetTextEdit;
    assert.equal(edit.snippet.kind, 'snippet');
    assert.match(edit.snippet.value, /\$\{1:[^}]+\}/);
    assert.match(edit.snippet.value, /requests:/);
    assert.equal(fix.edit?.changes, undefined);
  });

  it('any other client gets the same fix as plain text with default values', () => {
    const { fix, document } = resourcesFix(false);
    const edits = fix.edit?.changes?.[document.uri] ?? [];
    assert.ok(edits.length > 0);
    const after = TextDocument.applyEdits(document, edits);
    assert.doesNotMatch(after, /\$\{/);
    assert.match(after, /resources:\n\s+requests:\n\s+cpu: \S+\n\s+memory: \S+\n\s+limits:/);
    const service = getLanguageService();
    const fixed = service.doValidation(TextDocument.create('file:///q.yaml', 'yaml', 1, after));
    assert.deepEqual(
      fixed.filter((x) => x.code === 'missing-resources' || x.code === 'yaml-syntax'),
      [],
    );
  });
});

// Fix all (source.fixAll.k8sWorkloads): what VS Code asks for on save ("editor.codeActionsOnSave":
// {"source.fixAll": "explicit"}) or from the Source Action menu.
const MANY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "2"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: never
      containers:
      - name: web
        image: web:1.0.0
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: "8080"
`;
const FIXED = MANY.replace('replicas: "2"', 'replicas: 2')
  .replace('restartPolicy: never', 'restartPolicy: Never')
  .replace('"8080"', '8080');

function fixAll(text: string, only: readonly string[] | undefined) {
  const service = getLanguageService();
  const document = TextDocument.create('file:///fix-all.yaml', 'yaml', 1, text);
  const diagnostics = service.doValidation(document);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const actions = service.getCodeActions(document, { range: whole, diagnostics: [], only });
  return { document, diagnostics, actions: actions.filter((a) => a.kind === FIX_ALL_KIND) };
}

describe('code actions: fix all', () => {
  const cases: { only: readonly string[] | undefined; offered: boolean }[] = [
    { only: ['source.fixAll'], offered: true },
    { only: ['source'], offered: true },
    { only: [FIX_ALL_KIND], offered: true },
    { only: ['quickfix', 'source.fixAll'], offered: true },
    { only: undefined, offered: false },
    { only: ['quickfix'], offered: false },
    { only: ['source.organizeImports'], offered: false },
    { only: ['source.fixAll.eslint'], offered: false },
  ];
  for (const c of cases)
    it(`only ${JSON.stringify(c.only)}: ${c.offered ? 'offered' : 'not offered'}`, () => {
      const { actions } = fixAll(MANY, c.only);
      assert.equal(actions.length, c.offered ? 1 : 0);
      if (c.offered) assert.equal(actions[0].title, 'Fix all Kubernetes Workloads problems');
    });

  it('applies every safe fix of every document, and only those', () => {
    const { document, diagnostics, actions } = fixAll(MANY, ['source.fixAll']);
    const fixed = ['invalid-value', 'invalid-value', 'invalid-name'];
    assert.deepEqual(
      diagnostics
        .filter((d) => d.code !== 'missing-resources' && d.code !== 'run-as-non-root' && d.code !== 'image-tag')
        .map((d) => d.code)
        .sort(),
      [...fixed].sort(),
      'the case has three problems with safe fixes',
    );
    const after = TextDocument.applyEdits(document, actions[0].edit?.changes?.[document.uri] ?? []);
    assert.equal(after, FIXED);
    const remaining = getLanguageService()
      .doValidation(TextDocument.create('file:///after.yaml', 'yaml', 2, after))
      .map((d) => d.code);
    for (const code of new Set(fixed)) assert.ok(!remaining.includes(code), `${code} is gone`);
    // The fixes that guess (resource values, the pod's securityContext) are left to the user.
    assert.ok(remaining.includes('missing-resources'));
  });

  it('a second fix all fixes what the first uncovered, then there is nothing left to offer', () => {
    // The lower-case policy was invalid-value's; once it reads Never, a Deployment must not set it at all.
    const { document, actions } = fixAll(FIXED, ['source.fixAll']);
    const after = TextDocument.applyEdits(document, actions[0].edit?.changes?.[document.uri] ?? []);
    assert.equal(after, FIXED.replace('      restartPolicy: Never\n', ''));
    assert.deepEqual(fixAll(after, ['source.fixAll']).actions, []);
  });
});

describe('fixAllEdits: the guard against overlapping edits', () => {
  const text =
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: abcdefghij\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
  const document = TextDocument.create('file:///guard.yaml', 'yaml', 1, text);
  const parsed = getLanguageService().parse(document);
  const [first, second] = parsed.documents;
  const N = first.text.indexOf('abcdefghij');
  const rule = { meta: { id: 'test' } } as unknown as Rule;
  const result = (doc: ManifestDocument, ...fixes: Fix[]): RuleResult => ({
    rule,
    doc,
    message: 'm',
    report: { start: 0, end: 0, messageId: 'm', fixes },
  });
  const safe = (start: number, end: number, newText: string): Fix => ({ title: newText, edits: [{ start, end, newText }], safe: true });
  const apply = (results: RuleResult[]) => TextDocument.applyEdits(document, fixAllEdits(document, results));
  const cases: { name: string; results: () => RuleResult[]; expected: string }[] = [
    {
      name: 'two fixes that do not touch: both',
      results: () => [result(first, safe(N, N + 2, 'AB')), result(first, safe(N + 4, N + 6, 'EF'))],
      expected: text.replace('abcdefghij', 'ABcdEFghij'),
    },
    {
      name: 'an overlapping fix is skipped: the earlier one wins',
      results: () => [result(first, safe(N, N + 4, 'ABCD')), result(first, safe(N + 2, N + 6, 'CDEF'))],
      expected: text.replace('abcdefghij', 'ABCDefghij'),
    },
    {
      name: 'a fix inside another is skipped',
      results: () => [result(first, safe(N, N + 10, 'renamed')), result(first, safe(N + 2, N + 3, 'X'))],
      expected: text.replace('abcdefghij', 'renamed'),
    },
    {
      name: 'an insertion where another edit ends is skipped (the order of the two would be undefined)',
      results: () => [result(first, safe(N, N + 2, 'AB')), result(first, safe(N + 2, N + 2, '+'))],
      expected: text.replace('abcdefghij', 'ABcdefghij'),
    },
    {
      name: 'a fix with several edits is skipped whole when one of them clashes',
      results: () => [
        result(first, safe(N + 5, N + 6, 'F')),
        result(first, {
          title: 'two',
          edits: [
            { start: N, end: N + 1, newText: 'A' },
            { start: N + 5, end: N + 7, newText: 'FG' },
          ],
          safe: true,
        }),
      ],
      expected: text.replace('abcdefghij', 'abcdeFghij'),
    },
    {
      name: 'offsets are per document: the same offsets in two documents do not clash',
      results: () => [result(first, safe(4, 14, '1111111111')), result(second, safe(4, 14, '2222222222'))],
      expected: text.slice(0, 4) + '1111111111' + text.slice(14, second.offset + 4) + '2222222222' + text.slice(second.offset + 14),
    },
    {
      name: 'unsafe fixes are not applied, the first safe fix of a report is',
      results: () => [result(first, { ...safe(N, N + 2, 'NO'), safe: false }, safe(N, N + 2, 'AB'), safe(N, N + 2, 'XY'))],
      expected: text.replace('abcdefghij', 'ABcdefghij'),
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.ok(N > 0);
      assert.equal(apply(c.results()), c.expected);
    });

  it('getCodeActions runs the guard too', () => {
    const results = [result(first, safe(N, N + 4, 'ABCD')), result(first, safe(N + 2, N + 6, 'CDEF'))];
    const [action] = getCodeActions(
      document,
      results,
      { range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, diagnostics: [], only: ['source.fixAll'] },
      () => ({
        start: { line: 0, character: 0 },
        end: { line: 0, character: 0 },
      }),
    );
    assert.equal(action.kind, FIX_ALL_KIND);
    assert.equal(TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []), text.replace('abcdefghij', 'ABCDefghij'));
  });
});

// Quick fixes belong to the diagnostic they were asked for: the same rule, the exact range, our source.
describe('code actions: which fixes a diagnostic gets', () => {
  const BLOCK = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: a
    image: a:1.0.0
    ports: [{containerPort: "80"}]
  - name: b
    image: b:1.0.0
    ports: [{containerPort: "81"}]
`;
  const FLOW = BLOCK.replace(
    / {2}containers:[\s\S]*$/,
    '  containers: [{name: a, image: a:1.0.0, ports: [{containerPort: "80"}]}, {name: b, image: b:1.0.0, ports: [{containerPort: "81"}]}]\n',
  );
  const setup = (text: string) => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///which.yaml', 'yaml', 1, text);
    const diagnostics = service.doValidation(document);
    const quickFixes = (d: Diagnostic, others: Diagnostic[] = []) =>
      service.getCodeActions(document, { range: d.range, diagnostics: [d, ...others], only: ['quickfix'] });
    return { service, document, diagnostics, quickFixes };
  };
  const titles = (actions: { title: string }[]) => actions.map((a) => a.title);

  for (const [layout, text] of [
    ['block (the two ports on different lines)', BLOCK],
    ['flow (the two ports on one line)', FLOW],
  ] as const)
    it(`${layout}: each invalid-value diagnostic gets the fix of its own port`, () => {
      const { document, diagnostics, quickFixes } = setup(text);
      const tags = diagnostics.filter((d) => d.code === 'invalid-value');
      assert.equal(tags.length, 2);
      for (const [d, image] of [
        [tags[0], '"80"'],
        [tags[1], '"81"'],
      ] as const) {
        const fixes = quickFixes(d).filter((a) => !a.title.startsWith('Disable '));
        assert.ok(fixes.length > 0);
        for (const f of fixes) {
          assert.deepEqual(f.diagnostics, [d]);
          const [edit] = f.edit?.changes?.[document.uri] ?? [];
          assert.deepEqual(edit.range, d.range, `${f.title} edits ${image}`);
          assert.equal(document.getText(d.range), image);
        }
      }
    });

  it('a diagnostic gets only its own rule’s fixes, not those of another rule on the same file', () => {
    const { diagnostics, quickFixes } = setup(BLOCK);
    const tag = diagnostics.find((d) => d.code === 'invalid-value')!;
    const res = diagnostics.find((d) => d.code === 'missing-resources')!;
    const own = titles(quickFixes(tag));
    assert.ok(own.includes('Disable invalid-value for this line'));
    assert.ok(!own.some((t) => /resources/i.test(t) || t === 'Disable missing-resources for this line'), own.join(' | '));
    // Both asked for: each fix is attached to its own diagnostic.
    const both = quickFixes(tag, [res]);
    for (const a of both) assert.equal(a.diagnostics?.length, 1);
    assert.ok(both.some((a) => a.diagnostics?.[0] === res && /Disable missing-resources/.test(a.title)));
  });

  it('a diagnostic of another extension (same code and range, other source) or with a numeric code is not ours: only the fixes under the range', () => {
    const { service, document, diagnostics, quickFixes } = setup(BLOCK);
    const d = diagnostics.find((x) => x.code === 'invalid-value')!;
    const underRange = service.getCodeActions(document, { range: d.range, diagnostics: [], only: ['quickfix'] });
    assert.deepEqual(titles(underRange), ['Write 80 as a number']);
    assert.equal(underRange[0].diagnostics, undefined);
    for (const foreign of [
      { ...d, source: 'yaml' },
      { ...d, code: 42 },
    ])
      assert.deepEqual(quickFixes(foreign), underRange);
  });

  it('without diagnostics (a stale list, the CLI): the fixes of the reports under the range, and only those', () => {
    const { service, document, diagnostics } = setup(BLOCK);
    const [first, second] = diagnostics.filter((d) => d.code === 'invalid-value');
    const at = (range: Range) => titles(service.getCodeActions(document, { range, diagnostics: [], only: ['quickfix'] }));
    const pin = (image: string) => at(diagnostics.find((d) => d.code === 'invalid-value' && document.getText(d.range) === image)!.range);
    assert.deepEqual(pin('"80"'), at(first.range));
    assert.ok(at(first.range).length > 0);
    // A range on the second image's line but before it starts: nothing of invalid-value.
    const before = { start: { line: second.range.start.line, character: 0 }, end: { line: second.range.start.line, character: 2 } };
    assert.ok(!at(before).some((t) => /80|81/.test(t)), at(before).join(' | '));
    // A range that ends where the image starts touches it.
    const touching = { start: { line: second.range.start.line, character: 0 }, end: second.range.start };
    assert.deepEqual(
      at(touching).filter((t) => /81/.test(t)),
      at(second.range).filter((t) => /81/.test(t)),
    );
    assert.ok(at(second.range).some((t) => /81/.test(t)));
  });

  it('a fix in the second document of a file edits that document', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n${BLOCK}`;
    const { document, diagnostics, quickFixes } = setup(text);
    const tag = diagnostics.find((d) => d.code === 'invalid-value')!;
    const fix = quickFixes(tag).find((a) => !a.title.startsWith('Disable '))!;
    const [edit] = fix.edit?.changes?.[document.uri] ?? [];
    assert.deepEqual(edit.range, tag.range);
    assert.equal(document.getText(edit.range), '"80"');
  });

  it('"Disable for this line" adds to a disable comment already above the line', () => {
    const line = '    ports: [{containerPort: "80"}]\n';
    const text = BLOCK.replace(line, `    # k8s-workloads-disable-next-line secret-in-env\n${line}`);
    const { document, diagnostics, quickFixes } = setup(text);
    const d = diagnostics.find((x) => x.code === 'invalid-value' && document.getText(x.range) === '"80"')!;
    const disable = quickFixes(d).find((a) => a.title === 'Disable invalid-value for this line')!;
    const after = TextDocument.applyEdits(document, disable.edit?.changes?.[document.uri] ?? []);
    assert.equal(after, text.replace('disable-next-line secret-in-env\n', 'disable-next-line secret-in-env, invalid-value\n'));
  });
});

// Range comparisons one component at a time: a report's range must equal the diagnostic's in all four
// (line and character of start and end) to give it its fixes; without diagnostics, a report touching
// the requested range (sharing an end point) counts as under it.
describe('code actions: range comparisons, component by component', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: abcdefghij\n';
  const document = TextDocument.create('file:///ranges.yaml', 'yaml', 1, text);
  const [doc] = getLanguageService().parse(document).documents;
  const rule = { meta: { id: 'probe' } } as unknown as Rule;
  const r = (line: number, character: number, endLine: number, endCharacter: number): Range => ({
    start: { line, character },
    end: { line: endLine, character: endCharacter },
  });
  const REPORT = r(2, 5, 3, 8);
  const result: RuleResult = {
    rule,
    doc,
    message: 'm',
    report: { start: 0, end: 0, messageId: 'm', fixes: [{ title: 'the fix', edits: [{ start: 0, end: 0, newText: '#' }] }] },
  };
  const titlesFor = (range: Range, diagnostics: Diagnostic[]) =>
    getCodeActions(document, [result], { range, diagnostics, only: ['quickfix'] }, () => REPORT)
      .map((a) => a.title)
      .filter((t) => !t.startsWith('Disable '));
  const diagnostic = (range: Range): Diagnostic => ({ range, message: 'm', source: 'k8s-workloads', code: 'probe' });

  const sameRange: [string, Range, boolean][] = [
    ['the same range', REPORT, true],
    ['another start line', r(1, 5, 3, 8), false],
    ['another start character', r(2, 4, 3, 8), false],
    ['another end line', r(2, 5, 4, 8), false],
    ['another end character', r(2, 5, 3, 9), false],
  ];
  for (const [name, range, offered] of sameRange)
    it(`a diagnostic with ${name}: ${offered ? 'gets' : 'does not get'} the report's fix`, () => {
      assert.deepEqual(titlesFor(range, [diagnostic(range)]), offered ? ['the fix'] : []);
    });

  it('a diagnostic of another rule with the same range does not get it', () => {
    assert.deepEqual(titlesFor(REPORT, [{ ...diagnostic(REPORT), code: 'other' }]), []);
  });

  const overlaps: [string, Range, boolean][] = [
    ['inside', r(2, 7, 2, 9), true],
    ['around', r(0, 0, 9, 0), true],
    ['ending where the report starts', r(2, 0, 2, 5), true],
    ['ending one character before', r(2, 0, 2, 4), false],
    ['starting where the report ends', r(3, 8, 3, 9), true],
    ['starting one character after', r(3, 9, 3, 12), false],
    ['on an earlier line, further right', r(1, 20, 1, 30), false],
    ['on a later line, further left', r(4, 0, 4, 1), false],
    ['ending on the start line, further right', r(1, 0, 2, 6), true],
    ['starting on the end line, further left', r(3, 2, 5, 0), true],
  ];
  for (const [name, range, offered] of overlaps)
    it(`without diagnostics, a range ${name}: ${offered ? 'offers' : 'does not offer'} the fix`, () => {
      assert.deepEqual(titlesFor(range, []), offered ? ['the fix'] : []);
    });
});

// Where a fix lands when its document is not the first, and how a CRLF file keeps its line breaks in
// every kind of edit; which document a refactor is for at document boundaries; disable comments that
// name no rule yet; fix-all when a later fix comes first.
describe('code actions: document boundaries, line breaks, disable comments', () => {
  const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  const snippetFix = (text: string) => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///s.yaml', 'yaml', 1, text);
    const d = service.doValidation(document).find((x) => x.code === 'missing-resources')!;
    const fix = service
      .getCodeActions(document, { range: d.range, diagnostics: [d], snippetEdits: true })
      .find((a) => !a.title.startsWith('Disable '))!;
    const edit = (fix.edit?.documentChanges?.[0] as TextDocumentEdit).edits[0] as SnippetTextEdit;
    return { document, d, edit };
  };

  it('a snippet fix in the second document edits that document', () => {
    const { document, edit } = snippetFix(`${CM}---\n${POD}`);
    const alone = snippetFix(POD);
    const shift = document.positionAt(document.getText().indexOf('apiVersion: v1\nkind: Pod')).line;
    assert.deepEqual(edit.range, {
      start: { line: alone.edit.range.start.line + shift, character: alone.edit.range.start.character },
      end: { line: alone.edit.range.end.line + shift, character: alone.edit.range.end.character },
    });
  });

  it('a snippet fix in a CRLF file writes CRLF line breaks', () => {
    const { edit } = snippetFix(POD.replace(/\n/g, '\r\n'));
    assert.match(edit.snippet.value, /\r\n/);
    assert.doesNotMatch(edit.snippet.value, /[^\r]\n/);
  });

  it('the line break of a file that starts with one, and of an LF file with a CR later', () => {
    assert.equal(lineBreakOf('\r\nkind: Pod\r\n'), '\r\n');
    assert.equal(lineBreakOf('\rkind: Pod\r'), '\r');
    assert.equal(lineBreakOf('\nkind: Pod\r\n'), '\n');
  });

  const JOB =
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n';
  const THREE = `${MINIMAL_DEPLOYMENT}---\n${JOB}---\n${CM}`;
  const refactorsAt = (at: (text: string, service: ReturnType<typeof getLanguageService>, document: TextDocument) => number) => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///three.yaml', 'yaml', 1, THREE);
    const p = document.positionAt(at(THREE, service, document));
    return service
      .getCodeActions(document, { range: { start: p, end: p }, diagnostics: [] })
      .filter((a) => a.kind?.startsWith('refactor'))
      .map((a) => a.title);
  };
  it('refactors are for the document the cursor is in: at the very start of the first, of a middle one, and at the end of the file', () => {
    assert.deepEqual(
      refactorsAt(() => 0),
      ['Convert to StatefulSet', 'Convert to DaemonSet', 'Convert to Job'],
    );
    assert.deepEqual(
      refactorsAt((_t, s, d) => s.parse(d).documents[1].offset),
      ['Convert to CronJob'],
    );
    assert.deepEqual(
      refactorsAt((t) => t.length),
      [],
    );
  });

  const disableAfter = (comment: string) => {
    const text = CM.replace('  name: c\n', `${comment}\n  name: c\n`);
    const document = TextDocument.create('file:///d.yaml', 'yaml', 1, text);
    const range = { start: { line: 4, character: 8 }, end: { line: 4, character: 9 } };
    const diagnostic: Diagnostic = { range, message: 'm', source: 'k8s-workloads', code: 'probe' };
    const [action] = getCodeActions(document, [], { range, diagnostics: [diagnostic] }, () => range);
    assert.equal(action.title, 'Disable probe for this line');
    return TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []);
  };
  it('"Disable for this line" under a disable comment that names no rule, or is written without a space', () => {
    assert.equal(
      disableAfter('  # k8s-workloads-disable-next-line'),
      CM.replace('  name: c\n', '  # k8s-workloads-disable-next-line probe\n  name: c\n'),
    );
    assert.equal(
      disableAfter('  # k8s-workloads-disable-next-line   '),
      CM.replace('  name: c\n', '  # k8s-workloads-disable-next-line    probe\n  name: c\n'),
    );
    assert.equal(
      disableAfter('  #k8s-workloads-disable-next-line a'),
      CM.replace('  name: c\n', '  #k8s-workloads-disable-next-line a, probe\n  name: c\n'),
    );
    assert.equal(
      disableAfter('  #   k8s-workloads-disable-next-line a'),
      CM.replace('  name: c\n', '  #   k8s-workloads-disable-next-line a, probe\n  name: c\n'),
    );
  });

  it('fix all: two fixes that do not touch, the later one first: both', () => {
    const text = CM;
    const document = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
    const [doc] = getLanguageService().parse(document).documents;
    const N = text.indexOf('ConfigMap');
    const rule = { meta: { id: 'test' } } as unknown as Rule;
    const result = (start: number, end: number, newText: string): RuleResult => ({
      rule,
      doc,
      message: 'm',
      report: { start: 0, end: 0, messageId: 'm', fixes: [{ title: newText, edits: [{ start, end, newText }], safe: true }] },
    });
    const apply = (results: RuleResult[]) => TextDocument.applyEdits(document, fixAllEdits(document, results));
    assert.equal(apply([result(N + 4, N + 6, 'IG'), result(N, N + 2, 'CO')]), text.replace('ConfigMap', 'COnfIGMap'));
    // an insertion where an earlier-applied edit starts is skipped, as one where it ends is
    assert.equal(apply([result(N + 2, N + 4, 'NF'), result(N + 2, N + 2, '+')]), text.replace('ConfigMap', 'CoNFigMap'));
  });
});
