// Code actions: fixes with tab stops go out as snippet edits only to clients that apply them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SnippetTextEdit, TextDocumentEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';

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
