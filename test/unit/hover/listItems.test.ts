// Hover inside the items of a `kind: List` (and `<Kind>List`): each item is the object it is, so
// hover reads the item's own kind and apiVersion — never the List's (issue 10).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';

function hover(marked: string): { value: string; covered: string } | undefined {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///work/list.yaml', 'yaml', 1, text);
  const h = getLanguageService().doHover(document, document.positionAt(offset));
  if (!h) return undefined;
  return {
    value: (h.contents as MarkupContent).value,
    covered: text.slice(document.offsetAt(h.range!.start), document.offsetAt(h.range!.end)),
  };
}

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    strategy:
      type: Recreate
- apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    type: ClusterIP
    ports:
    - port: 80
`;

/** LIST with the cursor placed at the `n`-th occurrence of `word`, `at` characters into it. */
function at(word: string, offset = 1, n = 1, text = LIST): string {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(word, i + 1);
  assert.ok(i >= 0, `${word} #${n} is in the text`);
  return text.slice(0, i + offset) + '‸' + text.slice(i + offset);
}

describe('hover inside a kind: List', () => {
  const cases: { name: string; marked: string; covered: string; heading: RegExp }[] = [
    {
      name: 'a Deployment field of the first item',
      marked: at('replicas'),
      covered: 'replicas',
      heading: /^\*\*`Deployment\.spec\.replicas`\*\*/,
    },
    {
      name: 'a value with allowed values, in the Deployment item',
      marked: at('Recreate'),
      covered: 'Recreate',
      heading: /^\*\*`Recreate`\*\*.*\n\nAn allowed value of `Deployment\.spec\.strategy\.type`/,
    },
    {
      name: 'a Service field of the second item',
      marked: at('type: ClusterIP'),
      covered: 'type',
      heading: /^\*\*`Service\.spec\.type`\*\*/,
    },
    { name: 'an item’s metadata', marked: at('name: web', 1, 2), covered: 'name', heading: /^\*\*`Service\.metadata\.name`\*\*/ },
    { name: 'an item’s own kind', marked: at('Service', 2), covered: 'Service', heading: /^\*\*Service\*\* · `v1`/ },
  ];
  for (const c of cases)
    it(c.name, () => {
      const h = hover(c.marked);
      assert.ok(h, 'a hover');
      assert.equal(h.covered, c.covered);
      assert.match(h.value, c.heading);
    });

  it('a <Kind>List: its items are that kind', () => {
    const text = `apiVersion: v1\nkind: ServiceList\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n  spec:\n    sessionAffinity: None\n`;
    const h = hover(at('sessionAffinity', 2, 1, text));
    assert.match(h!.value, /^\*\*`Service\.spec\.sessionAffinity`\*\*/);
  });
});
