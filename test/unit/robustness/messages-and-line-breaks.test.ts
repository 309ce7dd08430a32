// YAML 1.2 allows a lone CR as a line break; `!!binary` and `!!timestamp` values reach the API
// server as strings; characters that print as nothing must not hide in a message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { lineBreakOf } from '../../../server/src/service/codeActions';
import { applyEdits } from '../helpers/ruleTester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const findings = (text: string) =>
  getLanguageService()
    .doValidation(TextDocument.create('file:///t.yaml', 'yaml', 1, text))
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);

describe('CR-only line breaks', () => {
  const cr = DEPLOYMENT.replace(/\n/g, '\r');

  it('are no syntax error: the findings are those of the LF file, on the same lines', () => {
    assert.deepEqual(findings(cr), findings(DEPLOYMENT));
    assert.ok(!findings(cr).some((f) => f.startsWith('yaml-syntax')));
    assert.ok(findings(cr).some((f) => f.startsWith('unknown-field 5:2-5:9')));
  });

  it('several documents split on CR-only `---` lines', () => {
    const two = `${DEPLOYMENT}---\n${DEPLOYMENT.replace('name: web\nspec', 'name: api\nspec')}`.replace(/\n/g, '\r');
    const got = findings(two);
    assert.ok(!got.some((f) => f.startsWith('yaml-syntax')), got.join('\n'));
    assert.equal(got.filter((f) => f.startsWith('unknown-field')).length, 2);
  });

  it('a quick-fix writes CR line breaks into a CR file', () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///cr.yaml', 'yaml', 1, cr);
    const diagnostics = service.doValidation(document);
    let applied = 0;
    for (const d of diagnostics)
      for (const a of service.getCodeActions(document, { range: d.range, diagnostics: [d] })) {
        const after = applyEdits(cr, a.edit?.changes?.[document.uri] ?? []);
        assert.ok(!after.includes('\n'), `${a.title}: ${JSON.stringify(after.slice(0, 300))}`);
        applied++;
      }
    assert.ok(applied >= 2);
  });

  it('the line break of a file is that of its first line', () => {
    assert.equal(lineBreakOf('a: 1\nb: 2\r\n'), '\n');
    assert.equal(lineBreakOf('a: 1\r\nb: 2\n'), '\r\n');
    assert.equal(lineBreakOf('a: 1\rb: 2\n'), '\r');
    assert.equal(lineBreakOf('a: 1'), '\n');
  });
});

describe('!!binary and !!timestamp values', () => {
  it('are strings, as Kubernetes reads them, not mappings', () => {
    const text = DEPLOYMENT.replace('  replica: 2', '  replicas: !!timestamp 2001-12-14').replace(
      '      labels:\n        app: web',
      '      labels:\n        app: web\n      annotations:\n        blob: !!binary aGVsbG8=',
    );
    const got = findings(text);
    assert.ok(!got.some((f) => f.includes('mapping')), got.join('\n'));
    const replicas = got.filter((f) => f.startsWith('invalid-value'));
    assert.equal(replicas.length, 1, got.join('\n'));
    assert.match(replicas[0], /must be an integer, not a string \("2001-12-14T00:00:00Z"\)/);
  });
});

describe('invisible characters in messages', () => {
  it('a zero-width space in a key is shown escaped', () => {
    const got = findings(DEPLOYMENT.replace('  replica: 2', '  rep\u200Blicas: 2')).filter((f) => f.startsWith('unknown-field'));
    assert.equal(got.length, 1);
    assert.ok(got[0].includes('`rep\\u200Blicas`'), got[0]);
    assert.ok(!got[0].includes('\u200B'));
  });
  it('bidi controls are shown escaped', () => {
    const got = findings(DEPLOYMENT.replace('  replica: 2', '  \u202Ereplicas: 2')).filter((f) => f.startsWith('unknown-field'));
    assert.ok(got[0].includes('\\u202Ereplicas'), got[0]);
    assert.ok(!/[\u202A-\u202E]/.test(got[0]));
  });
});
