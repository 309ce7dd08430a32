// Where the wizard's manifest lands in an open file, and that the file stays valid around it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { answersWithDefaults, generateManifest, planInsertion } from '../../../server/src/service/wizard/index';

/** `|` marks the cursor. */
function insert(marked: string, manifest = 'x: 1\n'): string {
  const cursor = marked.indexOf('|');
  const text = marked.replace('|', '');
  const r = planInsertion(text, cursor, manifest);
  return text.slice(0, r.offset) + r.text + text.slice(r.offset);
}

describe('planInsertion', () => {
  const cases: { name: string; text: string; out: string }[] = [
    { name: 'empty file', text: '|', out: 'x: 1\n' },
    { name: 'blank file: goes at the top', text: '\n\n|', out: 'x: 1\n\n\n' },
    { name: 'end of a file', text: 'a: 1\n|', out: 'a: 1\n---\nx: 1\n' },
    { name: 'end of a file without final newline', text: 'a: 1|', out: 'a: 1\n---\nx: 1\n' },
    { name: 'top of a file', text: '|a: 1\n', out: 'x: 1\n---\na: 1\n' },
    { name: 'inside a document: moves below it', text: 'a: 1\n|b: 2\n', out: 'a: 1\nb: 2\n---\nx: 1\n' },
    { name: 'mid-line: never splits the line', text: 'a: |1\n', out: 'a: 1\n---\nx: 1\n' },
    { name: 'inside the first of two documents', text: 'a: 1\n|b: 2\n---\nc: 3\n', out: 'a: 1\nb: 2\n---\nx: 1\n---\nc: 3\n' },
    { name: 'on a separator line', text: 'a: 1\n|---\nc: 3\n', out: 'a: 1\n---\nx: 1\n---\nc: 3\n' },
    { name: 'right after a separator', text: 'a: 1\n---\n|c: 3\n', out: 'a: 1\n---\nx: 1\n---\nc: 3\n' },
    { name: 'in an empty document between separators', text: 'a: 1\n---\n|\n---\nc: 3\n', out: 'a: 1\n---\nx: 1\n\n---\nc: 3\n' },
    { name: 'after a trailing separator', text: 'a: 1\n---\n|', out: 'a: 1\n---\nx: 1\n' },
    { name: 'comments above count as no content', text: '# my manifests\n|', out: '# my manifests\nx: 1\n' },
    { name: 'CRLF file', text: 'a: 1\r\n|', out: 'a: 1\r\n---\nx: 1\n' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(insert(c.text), c.out));

  it('a generated StatefulSet inserted between two objects leaves every document clean', () => {
    const service = getLanguageService();
    const text = insert(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: settings',
        'data:',
        '  |mode: fast',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: other',
        '',
      ].join('\n'),
      generateManifest(answersWithDefaults('StatefulSet')),
    );
    assert.deepEqual(
      parseAllDocuments(text).map((d) => (d as { toJS(): { kind: string } }).toJS().kind),
      ['ConfigMap', 'StatefulSet', 'Service', 'ConfigMap'],
    );
    assert.deepEqual(service.doValidation(TextDocument.create('file:///w/a.yaml', 'yaml', 1, text)), []);
  });
});
