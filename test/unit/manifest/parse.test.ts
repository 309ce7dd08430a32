// The document model: documents split on markers, parsed on their own, and reused when unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { findNode, rangeOfKey } from '../../../server/src/service/manifest/navigate';
import { isTemplateText, ManifestParser, parseManifest, splitDocuments } from '../../../server/src/service/manifest/parse';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - port: 80\n';
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

describe('manifest: splitting', () => {
  const cases: { name: string; text: string; chunks: string[] }[] = [
    { name: 'one document', text: DEPLOY, chunks: [DEPLOY] },
    { name: 'three documents', text: `${DEPLOY}---\n${SERVICE}---\n${CONFIG}`, chunks: [DEPLOY, `---\n${SERVICE}`, `---\n${CONFIG}`] },
    { name: 'a leading marker belongs to the first document', text: `---\n${DEPLOY}`, chunks: [`---\n${DEPLOY}`] },
    { name: '`...` ends a document', text: `a: 1\n...\nb: 2\n`, chunks: ['a: 1\n...\n', 'b: 2\n'] },
    { name: 'a directive stays with the document its marker opens', text: `%YAML 1.2\n---\na: 1\n`, chunks: ['%YAML 1.2\n---\na: 1\n'] },
    {
      name: '--- inside a value is not a marker',
      text: 'a: "x---y"\nb: |\n  --- not at column 0\n',
      chunks: ['a: "x---y"\nb: |\n  --- not at column 0\n'],
    },
  ];
  for (const c of cases)
    it(c.name, () =>
      assert.deepEqual(
        splitDocuments(c.text).map((x) => x.text),
        c.chunks,
      ),
    );
});

describe('manifest: Kubernetes objects and ranges', () => {
  it('recognises objects by string apiVersion and kind, with name and namespace', () => {
    const file = parseManifest('file:///a.yaml', `${DEPLOY}---\n${SERVICE}---\nname: ci\non: push\n---\napiVersion: 1\nkind: X\n`);
    assert.deepEqual(
      file.documents.map((d) => d.object),
      [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'shop' },
        undefined,
        undefined,
      ],
    );
  });

  it('keeps exact ranges, relative to each document', () => {
    const file = parseManifest('file:///a.yaml', `${DEPLOY}---\n${SERVICE}`);
    const svc = file.documents[1];
    const [start, end] = rangeOfKey(svc, ['metadata', 'namespace']);
    assert.equal(svc.text.slice(start, end), 'namespace');
    assert.equal(file.text.slice(svc.offset + start, svc.offset + end), 'namespace');
    const port = findNode(svc, ['spec', 'ports', 0, 'port']);
    assert.equal(svc.text.slice(port!.range![0], port!.range![1]), '80');
  });

  it('tells Helm templates from manifests that merely contain braces', () => {
    const templ = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n';
    const rules =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: |\n    summary: "{{ $labels.instance }} down"\n';
    const comment = '# rendered from {{ .Values.x }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    assert.equal(parseManifest('file:///t.yaml', templ).isTemplate, true);
    assert.equal(parseManifest('file:///r.yaml', rules).isTemplate, false);
    assert.equal(parseManifest('file:///c.yaml', comment).isTemplate, false);
    assert.equal(isTemplateText('a: 1\n', []), false);
  });
});

describe('manifest: an edit re-parses only the document that changed', () => {
  it('reuses unchanged documents, with their offsets moved', () => {
    const parser = new ManifestParser();
    const before = `${DEPLOY}---\n${SERVICE}---\n${CONFIG}`;
    const first = parser.parse('file:///a.yaml', before);
    assert.deepEqual(parser.stats, { parsed: 3, reused: 0, incremental: 0 });

    // The first document grows by a line: the other two are reused, only their offsets move.
    const after = before.replace('  replicas: 2\n', '  replicas: 2\n  paused: true\n');
    const second = parser.parse('file:///a.yaml', after);
    assert.deepEqual(parser.stats, { parsed: 4, reused: 2, incremental: 1 });
    assert.notEqual(second.documents[0].yaml, first.documents[0].yaml);
    assert.equal(second.documents[1].yaml, first.documents[1].yaml, 'the Service document is the same parse');
    assert.equal(second.documents[2].yaml, first.documents[2].yaml, 'the ConfigMap document is the same parse');
    assert.equal(second.documents[1].offset, first.documents[1].offset + '  paused: true\n'.length);
    const svc = second.documents[1];
    const [s, e] = rangeOfKey(svc, ['metadata', 'namespace']);
    assert.equal(after.slice(svc.offset + s, svc.offset + e), 'namespace', 'ranges of a reused document still point at its text');
  });

  it('keeps one version per file and forgets a closed one', () => {
    const parser = new ManifestParser();
    parser.parse('file:///a.yaml', DEPLOY);
    parser.parse('file:///b.yaml', DEPLOY);
    assert.deepEqual(parser.stats, { parsed: 2, reused: 0, incremental: 0 }, 'files do not share parses');
    parser.forget('file:///a.yaml');
    parser.parse('file:///a.yaml', DEPLOY);
    assert.deepEqual(parser.stats, { parsed: 3, reused: 0, incremental: 0 });
  });

  it('diagnostics of a reused document follow its moved text', () => {
    const service = getLanguageService();
    const text = `${DEPLOY}---\n${SERVICE}---\nkind: Pod\nkind: Pod\n`;
    const v1 = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const d1 = service.doValidation(v1).filter((d) => d.code === 'yaml-syntax');
    const v2 = TextDocument.create(
      'file:///a.yaml',
      'yaml',
      2,
      text.replace('metadata:\n  name: web\nspec', 'metadata:\n  name: web\n  labels: {}\nspec'),
    );
    const d2 = service.doValidation(v2).filter((d) => d.code === 'yaml-syntax');
    assert.equal(d1.length, 1);
    assert.equal(d2[0].range.start.line, d1[0].range.start.line + 1, 'the duplicate key in the third document moved down one line');
  });
});

describe('manifest: the yaml package prints nothing', () => {
  it('a Helm template (whose `{{ }}` reads as a map key) raises no process warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const file = parseManifest('file:///t.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
      assert.equal(file.isTemplate, true);
      // process warnings are emitted on the next tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });
});
