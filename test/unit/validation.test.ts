// The validation runner (server/src/service/validation.ts) on its own, with probe rules: which
// rules run on which documents (kinds, Kustomize patches, List items), how reports become
// diagnostics (severity, range, tags, internal errors), message templates, and its caches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { CrdRegistry } from '../../server/src/service/crd/registry';
import { ManifestParser } from '../../server/src/service/manifest/parse';
import type { AnyRule, CrossDocumentRule, Report, Rule, RuleMeta } from '../../server/src/service/rules/types';
import {
  createRuleRunner,
  formatMessage,
  showInvisible,
  skippedDocumentDiagnostics,
  skippedFileDiagnostic,
  toDiagnostics,
  type DiagnosticMemo,
  type RuleResult,
} from '../../server/src/service/validation';
import type { PatchKind } from '../../server/src/service/workspace/kustomize';
import type { WorkspaceView } from '../../server/src/service/workspace/types';
import { testApi } from './helpers/api';

describe('formatMessage', () => {
  it('fills placeholders, with or without spaces inside the braces', () => {
    assert.equal(formatMessage('{{a}} and {{ b }}', { a: 1, b: 'x' }), '1 and x');
  });
  it('keeps a placeholder it has no data for', () => {
    assert.equal(formatMessage('{{a}} {{missing}}', { a: 'x' }), 'x {{missing}}');
    assert.equal(formatMessage('{{a}}', undefined), '{{a}}');
  });
  it('does not take inherited members for data', () => {
    assert.equal(formatMessage('{{toString}}', {}), '{{toString}}');
  });
  it('shows invisible characters in data as escapes', () => {
    assert.equal(formatMessage('key {{k}}', { k: 'rep\u200blicas' }), 'key rep\\u200Blicas');
    assert.equal(showInvisible('a\u00adb\ufeff'), 'a\\u00ADb\\uFEFF');
    assert.equal(showInvisible('plain ascii'), 'plain ascii');
  });
});

type Probe = Rule & { calls: string[] };

/** A single-document rule that reports `messageId` over `[start, end)` of every document it runs on and records where it ran. */
function probe(
  id: string,
  meta: Partial<RuleMeta> = {},
  report: (v: Record<string, unknown> | undefined) => Report | undefined = () => ({ start: 0, end: 4, messageId: 'm' }),
): Probe {
  const calls: string[] = [];
  return {
    calls,
    meta: {
      id,
      name: id,
      severity: 'warning',
      kinds: 'all',
      description: '',
      rationale: '',
      guideSection: '',
      fixable: false,
      messages: { m: 'found {{what}}', other: 'other' },
      ...meta,
      crossDocument: false,
    },
    check(ctx) {
      calls.push(ctx.object?.kind ?? (ctx.value ? 'value' : 'no value'));
      const r = report(ctx.value);
      if (r) ctx.report(r);
    },
  };
}

function crossProbe(id: string): CrossDocumentRule & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    meta: {
      id,
      name: id,
      severity: 'error',
      kinds: 'all',
      description: '',
      rationale: '',
      guideSection: '',
      fixable: false,
      messages: { m: 'cross' },
      crossDocument: true,
    },
    check(ctx) {
      calls.push(ctx.doc.index);
      ctx.report({ start: 0, end: 4, messageId: 'm' });
    },
  };
}

const workspace = (over: Partial<WorkspaceView> = {}): WorkspaceView => ({ objects: () => [], ...over });
const patchOf = (kind: PatchKind) => workspace({ patchKind: () => kind });
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';

function runWith(rules: AnyRule[], text: string, view: WorkspaceView = workspace(), uri = 'file:///w/a.yaml'): RuleResult[] {
  return createRuleRunner(testApi(), rules).run(new ManifestParser().parse(uri, text), view);
}
const ids = (results: readonly RuleResult[]) => results.map((r) => `${r.rule.meta.id}@${r.doc.index}:${r.report.messageId}`);

describe('which rules run on which documents', () => {
  it('kinds: a list of kinds, all objects, or any YAML', () => {
    const pods = probe('pods', { kinds: ['Pod'] });
    const all = probe('all');
    const any = probe('any', { kinds: 'any-yaml' });
    const results = runWith([pods, all, any], `${pod}---\n${cm('c')}---\nfoo: bar\n---\n- a list\n`);
    assert.deepEqual(ids(results), ['pods@0:m', 'all@0:m', 'any@0:m', 'all@1:m', 'any@1:m', 'any@2:m', 'any@3:m']);
    assert.deepEqual(any.calls, ['Pod', 'ConfigMap', 'value', 'no value']);
  });

  it('a document with a syntax error gets only the any-yaml rules', () => {
    const all = probe('all');
    const any = probe('any', { kinds: 'any-yaml' });
    assert.deepEqual(ids(runWith([all, any], `${pod}  bad: [\n`)), ['any@0:m']);
    // a duplicate key: the object reads fine, but the API server would reject the document
    assert.deepEqual(ids(runWith([all, any], `${pod}  name: q\n`)), ['any@0:m']);
  });

  it('a JSON 6902 patch gets only the any-yaml rules; a strategic-merge patch skips the rules marked onPatch: skip', () => {
    const rules = () => [probe('check', { onPatch: 'check' }), probe('skip', { onPatch: 'skip' }), probe('any', { kinds: 'any-yaml' })];
    assert.deepEqual(ids(runWith(rules(), pod)), ['check@0:m', 'skip@0:m', 'any@0:m']);
    assert.deepEqual(ids(runWith(rules(), pod, patchOf('strategic-merge'))), ['check@0:m', 'any@0:m']);
    assert.deepEqual(ids(runWith(rules(), pod, patchOf('json6902'))), ['any@0:m']);
  });

  it('on a strategic-merge patch, the messages a rule lists under onPatch.skipMessages are dropped, the others kept', () => {
    const twice: Rule = {
      ...probe('twice', { onPatch: { skipMessages: ['m'], skipped: 'absences' } }),
      check(ctx) {
        ctx.report({ start: 0, end: 1, messageId: 'm' });
        ctx.report({ start: 0, end: 1, messageId: 'other' });
      },
    };
    assert.deepEqual(ids(runWith([twice], pod)), ['twice@0:m', 'twice@0:other']);
    assert.deepEqual(ids(runWith([twice], pod, patchOf('strategic-merge'))), ['twice@0:other']);
  });

  it('unknown-field reports of patch directives are dropped on a strategic-merge patch only', () => {
    const keys = ['$patch', '$retainKeys', '$setElementOrder/containers', '$deleteFromPrimitiveList/args', 'replicas', 'x$patch'];
    const unknownField: Rule = {
      ...probe('unknown-field'),
      check(ctx) {
        for (const key of keys) ctx.report({ start: 0, end: 1, messageId: 'm', data: { what: key, key } });
      },
    };
    const shown = (rs: RuleResult[]) => rs.map((r) => r.message);
    assert.deepEqual(
      shown(runWith([unknownField], pod)),
      keys.map((k) => `found ${k}`),
    );
    assert.deepEqual(shown(runWith([unknownField], pod, patchOf('strategic-merge'))), ['found replicas', 'found x$patch']);
    const other: Rule = { ...unknownField, meta: { ...unknownField.meta, id: 'other-rule' } };
    assert.equal(runWith([other], pod, patchOf('strategic-merge')).length, keys.length);
  });

  it('a kind: List is checked item by item, each as the object it is', () => {
    const cms = probe('cms', { kinds: ['ConfigMap'] });
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n';
    const results = runWith([cms], text);
    assert.deepEqual(cms.calls, ['ConfigMap']);
    assert.deepEqual(results[0].doc.basePath, ['items', 0]);
  });

  it('an item of a <Kind>List without apiVersion and kind is checked as a <Kind> of the list’s apiVersion', () => {
    const services = probe('services', { kinds: ['Service'] });
    const text =
      'apiVersion: v1\nkind: ServiceList\nitems:\n- metadata: {name: a}\n- apiVersion: v1\n  metadata: {name: b}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: c}\n';
    const results = runWith([services], text);
    // the second item names an apiVersion but no kind: it is not taken for a Service
    assert.deepEqual(services.calls, ['Service', 'Service']);
    assert.deepEqual(
      results.map((r) => [r.doc.basePath, r.doc.object]),
      [
        [['items', 0], { apiVersion: 'v1', kind: 'Service', name: 'a' }],
        [['items', 2], { apiVersion: 'v1', kind: 'Service', name: 'c' }],
      ],
    );
    // a plain List names no kind for its items
    const any = probe('any-kind', { kinds: ['Service', 'List', ''] });
    runWith([any], 'apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n');
    assert.deepEqual(any.calls, ['List']);
  });

  it('the rule gets the document value only when it is a mapping', () => {
    const seen: unknown[] = [];
    const any = probe('any', { kinds: 'any-yaml' }, (v) => {
      seen.push(v);
      return undefined;
    });
    runWith([any], 'a: 1\n---\n- x\n---\nplain\n');
    assert.deepEqual(seen, [{ a: 1 }, undefined, undefined]);
  });

  it('a template file or a file too large to check gets no rules at all', () => {
    const any = probe('any', { kinds: 'any-yaml' });
    assert.deepEqual(runWith([any], `${pod}  labels:\n    chart: {{ .Chart.Name }}\n`), []);
    const file = new ManifestParser(10).parse('file:///w/big.yaml', pod);
    assert.deepEqual(createRuleRunner(testApi(), [any]).run(file, workspace()), []);
    assert.deepEqual(any.calls, []);
  });
});

describe('a rule that throws or reports an unknown message', () => {
  it('becomes an internal-error result at the start of its document, and the other rules still run', () => {
    const boom: Rule = {
      ...probe('boom'),
      check() {
        throw new Error('boom');
      },
    };
    const unknown = probe('unknown', {}, () => ({ start: 1, end: 2, messageId: 'nope' }));
    const fine = probe('fine');
    const results = runWith([boom, unknown, fine], `${cm('a')}---\n${cm('b')}`);
    assert.deepEqual(
      results.map((r) => [r.doc.index, r.report.start, r.report.end, r.report.messageId, r.message]),
      [
        [0, 0, 0, '__internal', 'Internal error in rule boom: boom'],
        [0, 0, 0, '__internal', 'Internal error in rule unknown: rule unknown reported unknown messageId nope'],
        [0, 0, 4, 'm', 'found {{what}}'],
        [1, 0, 0, '__internal', 'Internal error in rule boom: boom'],
        [1, 0, 0, '__internal', 'Internal error in rule unknown: rule unknown reported unknown messageId nope'],
        [1, 0, 4, 'm', 'found {{what}}'],
      ],
    );
  });
});

describe('toDiagnostics', () => {
  const text = `${cm('a')}---\n${cm('b')}`;
  const file = new ManifestParser().parse('file:///w/a.yaml', text);
  const document = TextDocument.create('file:///w/a.yaml', 'yaml', 1, text);
  const docsUri = (id: string) => `https://docs/${id}`;
  const results = (rules: AnyRule[]) => createRuleRunner(testApi(), rules).run(file, workspace());

  it('places each report in its document, with source, code, link and the document index', () => {
    const r = probe('p', {}, () => ({ start: 2, end: 12, messageId: 'm', data: { what: 'x' } }));
    assert.deepEqual(toDiagnostics(results([r]), document, undefined, docsUri), [
      {
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 12 } },
        severity: DiagnosticSeverity.Warning,
        source: 'k8s-workloads',
        code: 'p',
        codeDescription: { href: 'https://docs/p' },
        message: 'found x',
        data: { doc: 0 },
      },
      {
        // the second document starts at its `---` line
        range: { start: { line: 4, character: 2 }, end: { line: 5, character: 8 } },
        severity: DiagnosticSeverity.Warning,
        source: 'k8s-workloads',
        code: 'p',
        codeDescription: { href: 'https://docs/p' },
        message: 'found x',
        data: { doc: 1 },
      },
    ]);
  });

  it('severity: the rule default, the setting over it, off drops the diagnostic', () => {
    const rules = (['error', 'warning', 'information', 'hint'] as const).map((s) => probe(s, { severity: s }));
    const sev = (settings?: Parameters<typeof toDiagnostics>[2]) =>
      toDiagnostics(results(rules), document, settings, docsUri)
        .filter((d) => d.data.doc === 0)
        .map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(sev(), ['error:1', 'warning:2', 'information:3', 'hint:4']);
    assert.deepEqual(sev({ rules: { error: 'hint', hint: 'error', warning: 'off' } }), ['error:4', 'information:3', 'hint:1']);
  });

  it('an internal error is a warning whatever the rule is set to, even off', () => {
    const boom: Rule = {
      ...probe('boom', { severity: 'error' }),
      check() {
        throw new Error('x');
      },
    };
    for (const setting of [undefined, 'off', 'error', 'hint'] as const) {
      const ds = toDiagnostics(results([boom]), document, setting ? { rules: { boom: setting } } : undefined, docsUri);
      assert.deepEqual(
        ds.map((d) => d.severity),
        [DiagnosticSeverity.Warning, DiagnosticSeverity.Warning],
        String(setting),
      );
    }
  });

  it('tags: deprecated and unnecessary; none without', () => {
    const tagged = probe('tagged', {}, () => ({ start: 0, end: 1, messageId: 'm', tags: ['deprecated', 'unnecessary'] }));
    const empty = probe('empty', {}, () => ({ start: 0, end: 1, messageId: 'm', tags: [] }));
    const plain = probe('plain');
    const ds = toDiagnostics(results([tagged, empty, plain]), document, undefined, docsUri).filter((d) => d.data.doc === 0);
    assert.deepEqual(ds[0].tags, [DiagnosticTag.Deprecated, DiagnosticTag.Unnecessary]);
    assert.equal('tags' in ds[1], false);
    assert.equal('tags' in ds[2], false);
  });
});

describe('toDiagnostics with a memo of the last diagnostic of each report', () => {
  const docsUri = (id: string) => `https://docs/${id}`;
  function session() {
    const parser = new ManifestParser();
    const runner = createRuleRunner(testApi(), [probe('p')]);
    const memo: DiagnosticMemo = new WeakMap();
    return (text: string, link = docsUri) =>
      toDiagnostics(
        runner.run(parser.parse('file:///w/a.yaml', text), workspace()),
        TextDocument.create('file:///w/a.yaml', 'yaml', 1, text),
        undefined,
        link,
        memo,
      );
  }
  const where = (ds: readonly { range: { start: { line: number } }; data?: { doc: number } }[]) =>
    ds.map((d) => `line ${d.range.start.line}, doc ${d.data?.doc}`);

  it('a report whose document did not move keeps its diagnostic object', () => {
    const diagnose = session();
    const first = diagnose(`${cm('a')}---\n${cm('b')}`);
    const again = diagnose(`${cm('a')}---\n${cm('b')}`);
    assert.equal(again[1], first[1]);
  });

  it('a document moved down a line: its diagnostic moves with it', () => {
    const diagnose = session();
    assert.deepEqual(where(diagnose(`${cm('a')}---\n${cm('b')}`)), ['line 0, doc 0', 'line 4, doc 1']);
    assert.deepEqual(where(diagnose(`${cm('a')}  labels: {x: y}\n---\n${cm('b')}`)), ['line 0, doc 0', 'line 5, doc 1']);
  });

  it('a document on the same line at another index: its diagnostic names the new index', () => {
    const diagnose = session();
    assert.deepEqual(where(diagnose(`x: 1\ny: 2\n---\n${cm('b')}`)), ['line 2, doc 1']);
    assert.deepEqual(where(diagnose(`x: 1\n---\n---\n${cm('b')}`)), ['line 2, doc 2']);
  });

  it('another docs link, message or severity makes a new diagnostic', () => {
    const text = cm('a');
    const file = new ManifestParser().parse('file:///w/a.yaml', text);
    const document = TextDocument.create('file:///w/a.yaml', 'yaml', 1, text);
    const results = createRuleRunner(testApi(), [probe('p')]).run(file, workspace());
    const memo: DiagnosticMemo = new WeakMap();
    assert.equal(toDiagnostics(results, document, undefined, docsUri, memo)[0].message, 'found {{what}}');
    const renamed = results.map((r) => ({ ...r, message: 'renamed' }));
    assert.equal(toDiagnostics(renamed, document, undefined, docsUri, memo)[0].message, 'renamed');
    // the same message as the last diagnostic: only the link differs
    assert.equal(
      toDiagnostics(renamed, document, undefined, (id) => `https://other/${id}`, memo)[0].codeDescription?.href,
      'https://other/p',
    );
    assert.equal(toDiagnostics(results, document, { rules: { p: 'error' } }, docsUri, memo)[0].severity, DiagnosticSeverity.Error);
  });
});

describe('skippedDocumentDiagnostics', () => {
  const deep = `root: ${'['.repeat(12_000)}1${']'.repeat(12_000)}\n`;
  const skipped = (text: string) =>
    skippedDocumentDiagnostics(
      new ManifestParser().parse('file:///w/deep.yaml', text),
      TextDocument.create('file:///w/deep.yaml', 'yaml', 1, text),
    ).map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.code]);

  it('one information diagnostic per unread document, on its first line after the marker, at most 200 characters of it', () => {
    assert.deepEqual(skipped(`${cm('a')}---\n${deep}---\r\n# too deep\n${deep}`), [
      [5, 0, 5, 200, DiagnosticSeverity.Information, 'nesting-too-deep'],
      [7, 0, 7, 10, DiagnosticSeverity.Information, 'nesting-too-deep'],
    ]);
  });

  it('a first document without a marker: from the top; a short last line: to its end', () => {
    assert.deepEqual(skipped(`# deep\n${deep}`), [[0, 0, 0, 6, DiagnosticSeverity.Information, 'nesting-too-deep']]);
    assert.deepEqual(skipped(`${cm('a')}---\nx: ${'['.repeat(12_000)}`), [
      [5, 0, 5, 200, DiagnosticSeverity.Information, 'nesting-too-deep'],
    ]);
    assert.deepEqual(skipped(cm('a')), []);
    // a marker with trailing spaces; a comment holding --- is not a marker; an empty first line
    assert.deepEqual(skipped(`--- \n${deep}`), [[1, 0, 1, 200, DiagnosticSeverity.Information, 'nesting-too-deep']]);
    assert.deepEqual(skipped(`# ---\n${deep}`), [[0, 0, 0, 5, DiagnosticSeverity.Information, 'nesting-too-deep']]);
    assert.deepEqual(skipped(`\n${deep}`), [[0, 0, 0, 0, DiagnosticSeverity.Information, 'nesting-too-deep']]);
  });
});

describe('skippedFileDiagnostic', () => {
  it('says why a file too large is not checked, and nothing for other files', () => {
    const parser = new ManifestParser(10);
    assert.deepEqual(skippedFileDiagnostic(parser.parse('file:///w/big.yaml', pod)), [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'k8s-workloads',
        code: 'file-too-large',
        message: 'This file is larger than 0 MB; Kubernetes Workloads does not check it.',
      },
    ]);
    assert.deepEqual(skippedFileDiagnostic(new ManifestParser().parse('file:///w/a.yaml', pod)), []);
  });
});

describe('caches', () => {
  it('single-document results are reused for an unchanged document and rebound to where it now starts', () => {
    const p = probe('p');
    const runner = createRuleRunner(testApi(), [p]);
    const parser = new ManifestParser();
    runner.run(parser.parse('file:///w/a.yaml', `${cm('a')}---\n${cm('b')}`), workspace());
    assert.deepEqual(p.calls, ['ConfigMap', 'ConfigMap']);
    const edited = parser.parse('file:///w/a.yaml', `${cm('a')}  labels: {x: y}\n---\n${cm('b')}`);
    const results = runner.run(edited, workspace());
    assert.deepEqual(p.calls, ['ConfigMap', 'ConfigMap', 'ConfigMap'], 'only the edited document is checked again');
    assert.equal(results[1].doc, edited.documents[1]);
    assert.equal(results[1].doc.offset, edited.text.indexOf('---'));
  });

  it('a change of the CRDs (another registry, or a new generation of it) checks every document again', () => {
    const p = probe('p');
    const runner = createRuleRunner(testApi(), [p]);
    const file = new ManifestParser().parse('file:///w/a.yaml', cm('a'));
    const crds = { generation: 1 } as unknown as CrdRegistry;
    runner.run(file, workspace());
    runner.run(file, workspace());
    assert.equal(p.calls.length, 1);
    runner.run(file, workspace({ crds }));
    assert.equal(p.calls.length, 2);
    runner.run(file, workspace({ crds }));
    assert.equal(p.calls.length, 2);
    (crds as unknown as { generation: number }).generation = 2;
    runner.run(file, workspace({ crds }));
    assert.equal(p.calls.length, 3);
    runner.run(file, workspace({ crds: { generation: 2 } as unknown as CrdRegistry }));
    assert.equal(p.calls.length, 4);
  });

  it('patches have their own cache: the same text gets fewer rules as a patch', () => {
    const skip = probe('skip', { onPatch: 'skip' });
    const runner = createRuleRunner(testApi(), [skip]);
    const file = new ManifestParser().parse('file:///w/a.yaml', cm('a'));
    assert.equal(runner.run(file, workspace()).length, 1);
    assert.equal(runner.run(file, patchOf('strategic-merge')).length, 0);
    assert.equal(runner.run(file, workspace()).length, 1);
    assert.equal(skip.calls.length, 1);
  });

  it('cross-document results are reused while the index generation stays, and never without one', () => {
    const x = crossProbe('x');
    const runner = createRuleRunner(testApi(), [x]);
    const parser = new ManifestParser();
    const file = parser.parse('file:///w/a.yaml', `${cm('a')}---\n${cm('b')}`);
    runner.run(file, workspace({ generation: 1 }));
    runner.run(file, workspace({ generation: 1 }));
    assert.deepEqual(x.calls, [0, 1]);
    runner.run(file, workspace({ generation: 2 }));
    assert.deepEqual(x.calls, [0, 1, 0, 1]);
    // an edit of the first document: the second one moves, and its cached result moves with it
    const edited = parser.parse('file:///w/a.yaml', `${cm('a')}  labels: {x: y}\n---\n${cm('b')}`);
    const moved = runner.run(edited, workspace({ generation: 2 }));
    assert.deepEqual(x.calls, [0, 1, 0, 1, 0]);
    assert.equal(moved[1].doc, edited.documents[1]);
    x.calls.length = 0;
    runner.run(file, workspace());
    runner.run(file, workspace());
    assert.deepEqual(x.calls, [0, 1, 0, 1], 'no generation: checked every time');
  });

  it('identical documents of one file share a parse, but each gets its own cross-document results', () => {
    const x = crossProbe('x');
    const file = new ManifestParser().parse('file:///w/a.yaml', `${cm('z')}---\n${cm('a')}---\n${cm('a')}`);
    assert.equal(file.documents[1].parsed, file.documents[2].parsed);
    const results = createRuleRunner(testApi(), [x]).run(file, workspace({ generation: 1 }));
    assert.deepEqual(x.calls, [0, 1, 2]);
    assert.deepEqual(
      results.map((r) => r.doc),
      file.documents,
    );
  });

  it('a cached cross-document result is not reused at another index, or among other objects before it', () => {
    const x = crossProbe('x');
    const runner = createRuleRunner(testApi(), [x]);
    const parser = new ManifestParser();
    const view = workspace({ generation: 1 });
    runner.run(parser.parse('file:///w/a.yaml', `---\n${cm('a')}`), view);
    assert.deepEqual(x.calls, [0]);
    // after a document that is not an object: index 1, still the first object
    runner.run(parser.parse('file:///w/a.yaml', `x: 1\n---\n${cm('a')}`), view);
    assert.deepEqual(x.calls, [0, 1]);
    // at index 1 again, now the second object
    runner.run(parser.parse('file:///w/a.yaml', `${cm('z')}---\n${cm('a')}`), view);
    assert.deepEqual(x.calls, [0, 1, 0, 1]);
  });

  it('a cached cross-document result is not reused for another file, another place in the file, or as a patch', () => {
    const x = crossProbe('x');
    const runner = createRuleRunner(testApi(), [x]);
    const parser = new ManifestParser();
    const view = workspace({ generation: 1 });
    const first = parser.parse('file:///w/a.yaml', cm('a'));
    runner.run(first, view);
    assert.deepEqual(x.calls, [0]);
    // the same text parsed once for two files (the parser shares identical documents)
    const second = parser.parse('file:///w/a.yaml', `${cm('z')}---\n${cm('a')}`);
    const results = runner.run(second, view);
    assert.deepEqual(x.calls, [0, 0, 1], 'moved to index 1: checked again');
    assert.equal(results[1].doc, second.documents[1]);
    const copy = { ...second, uri: 'file:///w/b.yaml' };
    runner.run(copy, view);
    assert.deepEqual(x.calls, [0, 0, 1, 0, 1], 'another file');
    runner.run(copy, workspace({ generation: 1, patchKind: () => 'strategic-merge' }));
    assert.deepEqual(x.calls, [0, 0, 1, 0, 1, 0, 1], 'as a patch');
  });
});
