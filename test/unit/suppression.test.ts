// In-file suppression comments and the "Disable <rule> for this line" quick fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/index';
import { applyEdits } from './helpers/ruleTester';

const RULE = 'missing-headless-service';
const ROOT = resolve(__dirname, '..', '..');

/** A StatefulSet whose serviceName (line `serviceNameLine`) names a Service that exists nowhere. */
const sts = (before = '', aboveServiceName = '', name = 'db') => `${before}apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
${aboveServiceName}  serviceName: ${name}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: postgres:16.4
`;

function diagnose(text: string, uri = 'file:///w/s.yaml') {
  const ls = getLanguageService();
  const document = TextDocument.create(uri, 'yaml', 1, text);
  return { ls, document, diagnostics: ls.doValidation(document) };
}
const codes = (text: string) => diagnose(text).diagnostics.map((d) => String(d.code));
const has = (text: string, id = RULE) => codes(text).includes(id);

describe('suppression comments', () => {
  it('the unsuppressed case reports (the baseline the other cases rely on)', () => {
    assert.ok(has(sts()));
  });

  const nextLine: [string, string, boolean][] = [
    ['names the rule', `  # k8s-workloads-disable-next-line ${RULE}\n`, false],
    ['names another rule only', '  # k8s-workloads-disable-next-line image-tag\n', true],
    ['lists it after a comma', `  # k8s-workloads-disable-next-line image-tag, ${RULE}\n`, false],
    ['lists it after a space', `  # k8s-workloads-disable-next-line image-tag ${RULE}\n`, false],
    ['names no rule: every rule on the line', '  # k8s-workloads-disable-next-line\n', false],
    ['a prefix of the id is not the id', '  # k8s-workloads-disable-next-line missing-headless\n', true],
    ['two lines above does not count', `  # k8s-workloads-disable-next-line ${RULE}\n  replicas: 1\n`, true],
    ['trailing comment on the line above', `  replicas: 1 # k8s-workloads-disable-next-line ${RULE}\n`, false],
    ['has no space after the #', `  #k8s-workloads-disable-next-line ${RULE}\n`, false],
    ['a misspelled directive is just a comment', `  # k8s-workload-disable-next-line ${RULE}\n`, true],
  ];
  for (const [name, comment, reported] of nextLine) {
    it(`disable-next-line that ${name} → ${reported ? 'still reported' : 'suppressed'}`, () => {
      assert.equal(has(sts('', comment)), reported);
    });
  }

  const documentWide: [string, string, boolean][] = [
    ['names the rule at the top', `# k8s-workloads-disable ${RULE}\n`, false],
    ['names no rule: every rule of the document', '# k8s-workloads-disable\n', false],
    ['follows other comments at the top', `# a database\n\n# k8s-workloads-disable ${RULE}\n`, false],
    ['names another rule', '# k8s-workloads-disable image-tag\n', true],
    ['names several rules', `# k8s-workloads-disable image-tag, ${RULE}\n`, false],
    ['stands after the marker line', `---\n# k8s-workloads-disable ${RULE}\n`, false],
    ['stands after a marker line with trailing spaces', `--- \n# k8s-workloads-disable ${RULE}\n`, false],
    ['stands after a marker line with a comment', `--- # the database\n# k8s-workloads-disable ${RULE}\n`, false],
    ['is indented', `  # k8s-workloads-disable ${RULE}\n`, false],
    ['has no space after the #', `#k8s-workloads-disable ${RULE}\n`, false],
    ['follows a line of spaces', `   \n# k8s-workloads-disable ${RULE}\n`, false],
    ['follows an indented comment', `  # a database\n# k8s-workloads-disable ${RULE}\n`, false],
  ];
  for (const [name, top, reported] of documentWide) {
    it(`document-wide disable that ${name} → ${reported ? 'still reported' : 'suppressed'}`, () => {
      assert.equal(has(sts(top)), reported);
    });
  }

  it('a document-wide disable after the first content line does nothing', () => {
    const text = sts().replace('kind: StatefulSet\n', `kind: StatefulSet\n# k8s-workloads-disable ${RULE}\n`);
    assert.ok(has(text));
  });

  it('a disable comment at the end of the first content line, or after one, does nothing', () => {
    assert.ok(has(sts().replace('apiVersion: apps/v1\n', `apiVersion: apps/v1 # k8s-workloads-disable ${RULE}\n`)));
    assert.ok(has(sts().replace('apiVersion: apps/v1\n', `apiVersion: apps/v1 # note\n# k8s-workloads-disable ${RULE}\n`)));
  });

  it('a document-wide disable covers its own document only', () => {
    const text = `# k8s-workloads-disable ${RULE}\n${sts('', '', 'one')}---\n${sts('', '', 'two')}`;
    const found = diagnose(text).diagnostics.filter((d) => d.code === RULE);
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /StatefulSet two/);
  });

  it('yaml-syntax cannot be suppressed', () => {
    const text =
      '# k8s-workloads-disable yaml-syntax\napiVersion: v1\nkind: Service\n# k8s-workloads-disable-next-line yaml-syntax\nkind: Pod\n';
    assert.deepEqual(codes(text), ['yaml-syntax']);
  });
});

describe('"Disable <rule> for this line" quick fix', () => {
  function disableAction(text: string) {
    const { ls, document, diagnostics } = diagnose(text);
    const d = diagnostics.find((x) => x.code === RULE);
    assert.ok(d, 'the rule must report first');
    const actions = ls.getCodeActions(document, { range: d.range, diagnostics: [d] });
    const action = actions.find((a) => a.title === `Disable ${RULE} for this line`);
    assert.ok(action, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [d]);
    return applyEdits(text, action.edit!.changes![document.uri]);
  }

  it('inserts the comment above the line, at its indentation, and the diagnostic goes away', () => {
    const after = disableAction(sts());
    assert.equal(after, sts('', `  # k8s-workloads-disable-next-line ${RULE}\n`));
    assert.ok(!has(after));
  });

  it('adds the rule to an existing disable-next-line comment instead of stacking another', () => {
    const after = disableAction(sts('', '  # k8s-workloads-disable-next-line image-tag\n'));
    assert.equal(after, sts('', `  # k8s-workloads-disable-next-line image-tag, ${RULE}\n`));
    assert.ok(!has(after));
  });

  it('on a sequence item line the comment is indented past the dash', () => {
    // The action only reads the diagnostic's line: move a real diagnostic onto `- name: db` (line 15).
    const text = sts();
    const { ls, document, diagnostics } = diagnose(text);
    const d = diagnostics.find((x) => x.code === RULE)!;
    const moved = { ...d, range: { start: { line: 15, character: 10 }, end: { line: 15, character: 12 } } };
    const action = ls.getCodeActions(document, { range: moved.range, diagnostics: [moved] }).find((a) => a.title.startsWith('Disable '));
    const lines = applyEdits(text, action!.edit!.changes![document.uri]).split('\n');
    assert.equal(lines[15], `          # k8s-workloads-disable-next-line ${RULE}`);
    assert.equal(lines[16], '        - name: db');
  });

  it('is not offered for yaml-syntax', () => {
    const { ls, document, diagnostics } = diagnose('apiVersion: v1\nkind: Service\nkind: Pod\n');
    const actions = ls.getCodeActions(document, { range: diagnostics[0].range, diagnostics });
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Disable ')),
      [],
    );
  });
});

describe('per-rule severity settings', () => {
  it('off drops the diagnostic and its quick fixes; another severity replaces the default', () => {
    const { ls, document } = diagnose(sts());
    assert.equal(ls.doValidation(document, { rules: { [RULE]: 'off' } }).filter((d) => d.code === RULE).length, 0);
    const d = ls.doValidation(document, { rules: { [RULE]: 'error' } }).find((x) => x.code === RULE);
    assert.equal(d?.severity, 1);
    assert.equal(ls.doValidation(document).find((x) => x.code === RULE)?.severity, 2);
    assert.deepEqual(ls.getCodeActions(document, { range: d!.range, diagnostics: [] }, { rules: { [RULE]: 'off' } }), []);
  });
});

describe('where a disable-next-line comment goes for a finding about a container or an object', () => {
  const job = (comments: { aboveItem?: string; aboveImage?: string; aboveName?: string; aboveRoot?: string; aboveSpec?: string }) =>
    `${comments.aboveRoot ?? ''}apiVersion: batch/v1
kind: Job
metadata:
  name: once
${comments.aboveSpec ?? ''}spec:
  ttlSecondsAfterFinished: 600
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
      containers:
${comments.aboveItem ?? ''}        - name: main
${comments.aboveImage ?? ''}          image: busybox
          command: [sh, -c, 'echo done']
`;
  const c = (ids: string, indent = 10) => `${' '.repeat(indent)}# k8s-workloads-disable-next-line ${ids}\n`;
  const table: { name: string; text: string; silenced: string[]; kept: string[] }[] = [
    { name: 'no comment: both findings', text: job({}), silenced: [], kept: ['image-tag', 'missing-resources'] },
    {
      name: "above image: the image's finding and the container's (reported on its - name: line)",
      text: job({ aboveImage: c('image-tag, missing-resources') }),
      silenced: ['image-tag', 'missing-resources'],
      kept: [],
    },
    {
      name: 'above - name: every listed finding inside the container',
      text: job({ aboveItem: c('image-tag, missing-resources', 8) }),
      silenced: ['image-tag', 'missing-resources'],
      kept: [],
    },
    {
      name: 'only the listed rules',
      text: job({ aboveItem: c('missing-resources', 8) }),
      silenced: ['missing-resources'],
      kept: ['image-tag'],
    },
    {
      name: "above another key of the container: the container's finding, not the one on the image line",
      text: job({}).replace(
        "          command: [sh, -c, 'echo done']\n",
        `${c('image-tag, missing-resources')}          command: [sh, -c, 'echo done']\n`,
      ),
      silenced: ['missing-resources'],
      kept: ['image-tag'],
    },
    {
      name: "above the object's first line: every listed finding in the object",
      text: job({ aboveRoot: c('image-tag, missing-resources', 0) }),
      silenced: ['image-tag', 'missing-resources'],
      kept: [],
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const found = codes(t.text);
      for (const id of t.silenced) assert.ok(!found.includes(id), `${id} silenced: ${found.join(', ')}`);
      for (const id of t.kept) assert.ok(found.includes(id), `${id} kept: ${found.join(', ')}`);
    });
  }

  it('above the second container: its findings inside it, not the first container’s', () => {
    const second = "        - name: sidecar\n          image: busybox\n          command: [sh, -c, 'sleep 1']\n";
    const lines = (text: string) =>
      diagnose(text)
        .diagnostics.filter((d) => d.code === 'image-tag')
        .map((d) => d.range.start.line);
    assert.deepEqual(lines(job({}) + second), [14, 17]);
    // the finding is on the image line, below the item's first line: the comment covers it as the item's
    assert.deepEqual(lines(job({}) + c('image-tag', 8) + second), [14]);
  });

  it("a comment above spec: silences what is reported on spec:, not what is inside spec's containers", () => {
    const text = job({ aboveSpec: c('job-ttl, missing-resources', 0) }).replace('  ttlSecondsAfterFinished: 600\n', '');
    const found = codes(text);
    assert.ok(!found.includes('job-ttl'), found.join(', '));
    assert.ok(found.includes('missing-resources'), 'spec is not a list item: its comment covers its own line only');
  });
});

describe('every suppression example of the docs works', () => {
  const docs = [join(ROOT, 'docs', 'rules.md'), join(ROOT, 'README.md')];
  const examples = docs.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .filter((block) => /k8s-workloads-disable/.test(block))
      .map((block) => ({ file, block })),
  );
  it('the docs have examples', () => assert.ok(examples.length >= 1));
  for (const [i, { file, block }] of examples.entries()) {
    it(`${file.slice(ROOT.length + 1)} example ${i + 1}: each rule it names is reported without its comments and silenced with them`, () => {
      const ids = [...block.matchAll(/#\s*k8s-workloads-disable(?:-next-line)?\s+([^\n]+)/g)].flatMap((m) =>
        m[1].split(/[,\s]+/).filter(Boolean),
      );
      assert.ok(ids.length > 0);
      const without = codes(block.replace(/^[ \t]*#\s*k8s-workloads-disable[^\n]*\n/gm, ''));
      const withComments = codes(block);
      for (const id of ids) {
        assert.ok(without.includes(id), `${id} is reported without the comment: ${without.join(', ')}`);
        assert.ok(!withComments.includes(id), `${id} is silenced by the comment: ${withComments.join(', ')}`);
      }
    });
  }
});
