// Completion and hover in the project file `.k8s-workloads.yaml`, at exact positions (`‸` marks
// the cursor), through the language service as the server calls it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { RULES } from '../../../server/src/service/rules/registry';

const service = getLanguageService({ docsUri: (id) => `https://docs.test/rules#${id}` });
const URI = 'file:///repo/.k8s-workloads.yaml';

function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return { document, position: document.positionAt(offset), text };
}

function complete(marked: string, snippetSupport = true) {
  const { document, position } = at(marked);
  const list = service.doComplete(document, position, { snippetSupport, triggerSuggestCommand: 'editor.action.triggerSuggest' });
  return { document, items: list.items };
}

/** The text after accepting an item. */
function accept(document: TextDocument, item: CompletionItem): string {
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('project file completion', () => {
  const table: { name: string; marked: string; labels: string[] | ((l: string[]) => boolean); accept?: [string, string] }[] = [
    {
      name: 'an empty file: every key',
      marked: '‸',
      labels: ['kubernetesVersion', 'rules', 'customResourceDefinitions', 'ignore'],
      accept: ['kubernetesVersion', 'kubernetesVersion: '],
    },
    {
      name: 'keys already written are not offered again',
      marked: 'rules:\n  image-tag: off\n‸\nignore: []\n',
      labels: ['kubernetesVersion', 'customResourceDefinitions'],
      accept: ['customResourceDefinitions', 'rules:\n  image-tag: off\ncustomResourceDefinitions:\n  - \nignore: []\n'],
    },
    {
      name: 'a key being typed is replaced whole',
      marked: 'kub‸Ver\n',
      labels: (l) => l.includes('kubernetesVersion'),
      accept: ['kubernetesVersion', 'kubernetesVersion: \n'],
    },
    {
      name: 'retyping a key keeps its value',
      marked: 'rul‸s: {}\n',
      labels: (l) => l.includes('rules'),
      accept: ['rules', 'rules: {}\n'],
    },
    {
      name: 'versions after kubernetesVersion, newest first, quoted',
      marked: 'kubernetesVersion: ‸\n',
      labels: ['1.35', '1.34', '1.33', '1.32', '1.31', '1.30'],
      accept: ['1.31', 'kubernetesVersion: "1.31"\n'],
    },
    {
      name: 'a version being typed is replaced',
      marked: 'kubernetesVersion: 1.3‸\n',
      labels: (l) => l.length === 6,
      accept: ['1.30', 'kubernetesVersion: "1.30"\n'],
    },
    {
      name: 'rule ids under rules, every one but those written',
      marked: 'rules:\n  image-tag: off\n  ‸\n',
      labels: (l) => l.length === RULES.length - 1 && !l.includes('image-tag') && l.includes('job-ttl'),
      accept: ['job-ttl', 'rules:\n  image-tag: off\n  job-ttl: \n'],
    },
    {
      name: 'a rule id being typed',
      marked: 'rules:\n  job-d‸\nignore: []\n',
      labels: (l) => l.includes('job-deadline'),
      accept: ['job-deadline', 'rules:\n  job-deadline: \nignore: []\n'],
    },
    {
      name: 'severities after a rule id',
      marked: 'rules:\n  image-tag: ‸\n',
      labels: ['error', 'warning', 'information', 'hint', 'off'],
      accept: ['off', 'rules:\n  image-tag: off\n'],
    },
    {
      name: 'a severity being retyped is replaced whole',
      marked: 'rules:\n  image-tag: war‸ning\n',
      labels: (l) => l.length === 5,
      accept: ['error', 'rules:\n  image-tag: error\n'],
    },
    { name: 'nothing inside ignore', marked: 'ignore:\n  - ‸\n', labels: [] },
    { name: 'nothing in a comment', marked: '# ‸\n', labels: [] },
    { name: 'nothing after an unknown key', marked: 'colour: ‸\n', labels: [] },
  ];
  for (const row of table)
    it(row.name, () => {
      const { document, items } = complete(row.marked);
      const got = labels(items);
      if (typeof row.labels === 'function') assert.ok(row.labels(got), got.join(', '));
      else assert.deepEqual(got, row.labels);
      if (row.accept) {
        const item = items.find((i) => i.label === row.accept![0]);
        assert.ok(item, `offers ${row.accept[0]}`);
        // snippets: the final tab stop is where the cursor lands
        assert.equal(accept(document, item).replace('$0', ''), row.accept[1]);
      }
    });

  it('a rule id says what the rule catches, its default, and links its documentation; a key reopens the suggestions', () => {
    const { items } = complete('rules:\n  ‸');
    const item = items.find((i) => i.label === 'image-tag')!;
    const rule = RULES.find((r) => r.meta.id === 'image-tag')!;
    assert.equal(item.detail, `${rule.meta.name} (default ${rule.meta.severity})`);
    assert.match((item.documentation as MarkupContent).value, /\[Documentation\]\(https:\/\/docs\.test\/rules#image-tag\)/);
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
  });

  it('without snippet support a block key is plain text', () => {
    const { document, items } = complete('‸', false);
    assert.equal(
      accept(
        document,
        items.find((i) => i.label === 'rules')!,
      ),
      'rules:',
    );
  });

  it('marks the rule’s default severity', () => {
    const { items } = complete('rules:\n  image-tag: ‸');
    const rule = RULES.find((r) => r.meta.id === 'image-tag')!;
    assert.deepEqual(
      items.filter((i) => i.detail).map((i) => i.label),
      [rule.meta.severity],
    );
  });
});

describe('project file hover', () => {
  const hover = (marked: string) => {
    const { document, position, text } = at(marked);
    const h = service.doHover(document, position);
    if (!h) return undefined;
    return {
      value: (h.contents as MarkupContent).value,
      covered: text.slice(document.offsetAt(h.range!.start), document.offsetAt(h.range!.end)),
    };
  };
  const table: { name: string; marked: string; covered?: string; value?: RegExp }[] = [
    {
      name: 'a key: what it does and the setting it overrides',
      marked: 'kubern‸etesVersion: "1.31"\n',
      covered: 'kubernetesVersion',
      value: /Overrides the VS Code setting `k8sWorkloads\.kubernetesVersion`/,
    },
    {
      name: 'ignore: how patterns match',
      marked: 'ign‸ore:\n  - a\n',
      covered: 'ignore',
      value: /A pattern without `\/` matches a file or folder name at any depth/,
    },
    { name: 'a version', marked: 'kubernetesVersion: "1.3‸1"\n', covered: '"1.31"', value: /^Kubernetes \*\*1\.31\*\*: fields/ },
    {
      name: 'an unquoted version',
      marked: 'kubernetesVersion: 1.3‸5\n',
      covered: '1.35',
      value: /^Kubernetes \*\*1\.35\*\* \(the default\)/,
    },
    {
      name: 'a rule id',
      marked: 'rules:\n  image-t‸ag: off\n',
      covered: 'image-tag',
      value: /\(`image-tag`, default `\w+`\)\n\n.+\n\n\[Documentation\]\(https:\/\/docs\.test\/rules#image-tag\)/,
    },
    {
      name: 'a severity',
      marked: 'rules:\n  image-tag: o‸ff\n',
      covered: 'off',
      value: /^`off` for `image-tag`: The rule does not run\. The rule’s default is `\w+`\./,
    },
    { name: 'an unknown key: nothing', marked: 'col‸our: x\n' },
    { name: 'an unknown rule: nothing', marked: 'rules:\n  nope‸: off\n' },
    { name: 'a bad severity: nothing', marked: 'rules:\n  image-tag: lo‸ud\n' },
    { name: 'broken YAML: no crash', marked: 'rules: [‸\n' },
  ];
  for (const row of table)
    it(row.name, () => {
      const h = hover(row.marked);
      if (!row.value) return assert.equal(h, undefined);
      assert.ok(h, 'a hover');
      assert.equal(h.covered, row.covered);
      assert.match(h.value, row.value);
    });
});
