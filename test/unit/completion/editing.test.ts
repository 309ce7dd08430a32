// Completion where a user's typing leaves the cursor (issue 13's first hour): after `- name: web`
// + Enter the cursor sits at the dash's column, and the item's keys must go in at the item's
// content column; the YAML after accepting must parse and be what was meant.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyItem, complete, item } from './complete';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const POD_SPEC = `${DEPLOY}spec:\n  template:\n    spec:\n`;

function parses(text: string) {
  const docs = parseAllDocuments(text);
  for (const d of docs) assert.deepEqual(d.errors, [], `parses:\n${text}`);
  return docs.map((d) => d.toJS());
}

describe('completion inside a sequence item, with the cursor at the dash column', () => {
  const table: { name: string; text: string; accept: string; after: string; container: Record<string, unknown> }[] = [
    {
      name: 'indented sequence: image goes in at the item content column',
      text: `${POD_SPEC}      containers:\n        - name: web\n        ‸\n`,
      accept: 'image',
      after: `${POD_SPEC}      containers:\n        - name: web\n          image: \n`,
      container: { name: 'web', image: null },
    },
    {
      name: 'sequence written without indentation (dash at the key column)',
      text: `${POD_SPEC}      containers:\n      - name: web\n      ‸\n`,
      accept: 'image',
      after: `${POD_SPEC}      containers:\n      - name: web\n        image: \n`,
      container: { name: 'web', image: null },
    },
    {
      name: 'a word typed at the dash column',
      text: `${POD_SPEC}      containers:\n        - name: web\n        ima‸\n`,
      accept: 'image',
      after: `${POD_SPEC}      containers:\n        - name: web\n          image: \n`,
      container: { name: 'web', image: null },
    },
    {
      name: 'below further keys of the item, an object key with its nested line at the item column',
      text: `${POD_SPEC}      containers:\n        - name: web\n          image: nginx:1.27\n\n        ‸\n`,
      accept: 'resources',
      after: `${POD_SPEC}      containers:\n        - name: web\n          image: nginx:1.27\n\n          resources:\n            \n`,
      container: { name: 'web', image: 'nginx:1.27', resources: null },
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const { items, labels, document } = complete(t.text);
      assert.ok(!labels.includes('name'), 'the item already has name');
      const after = applyItem(document, item(items, t.accept));
      assert.equal(after, t.after);
      const [obj] = parses(after) as { spec: { template: { spec: { containers: unknown[] } } } }[];
      assert.deepEqual(obj.spec.template.spec.containers, [t.container]);
    });
  }

  it("the item's keys come first; an unindented sequence also offers the enclosing mapping's keys at the cursor's column", () => {
    const { labels, items, document } = complete(`${POD_SPEC}      containers:\n      - name: web\n        image: nginx:1.27\n      ‸\n`);
    assert.ok(labels.indexOf('ports') >= 0 && labels.indexOf('volumes') > labels.indexOf('ports'), 'container keys before pod keys');
    assert.ok(!labels.includes('containers'), 'the pod already has containers');
    const after = applyItem(document, item(items, 'volumes'));
    assert.match(after, /\n {6}volumes:\n/);
    parses(after);
  });

  it('an indented sequence offers only the item keys (a key at the dash column would not parse)', () => {
    const { labels } = complete(`${POD_SPEC}      containers:\n        - name: web\n        ‸\n`);
    assert.ok(labels.includes('image'));
    assert.ok(!labels.includes('volumes'));
  });

  it('a line further left than the dash ends the item: no continuation', () => {
    const { labels } = complete(`${POD_SPEC}      containers:\n        - name: web\n      ‸\n`);
    assert.ok(labels.includes('volumes'), 'pod spec keys');
    assert.ok(!labels.includes('image'), 'not the container keys');
  });

  it('a scalar item is not continued', () => {
    const text = `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes:\n    - ReadWriteOnce\n    ‸\n`;
    const { items } = complete(text);
    for (const i of items) assert.ok(!(i.textEdit as { newText: string }).newText.startsWith(' '), i.label);
  });
});

describe('metadata in a template', () => {
  const table: { name: string; text: string; snippets?: boolean; after: string }[] = [
    {
      name: "a pod template: labels from the selector's matchLabels, not a name",
      text: `${DEPLOY}spec:\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:\n    meta‸\n`,
      after: `${DEPLOY}spec:\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n`,
    },
    {
      name: 'a pod template without a selector yet: an empty labels map to fill (snippet)',
      text: `${DEPLOY}spec:\n  template:\n    meta‸\n`,
      snippets: true,
      after: `${DEPLOY}spec:\n  template:\n    metadata:\n      labels:\n        $1\n`,
    },
    {
      name: "a CronJob's pod template",
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  jobTemplate:\n    spec:\n      template:\n        ‸\n',
      after:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels:\n            \n',
    },
    {
      name: 'the object itself still starts its metadata with name',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmeta‸\n',
      after: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \n',
    },
    {
      name: "a StatefulSet's claim template keeps name (it names the PVCs)",
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  volumeClaimTemplates:\n    - meta‸\n',
      after:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  volumeClaimTemplates:\n    - metadata:\n        name: \n',
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const { items, document } = complete(t.text, { snippetSupport: !!t.snippets });
      const after = applyItem(document, item(items, 'metadata'));
      assert.equal(after, t.after);
      if (!t.snippets) parses(after);
    });
  }
});

describe('completion in a document with an unclosed [ or {', () => {
  const table: { name: string; text: string; first: string }[] = [
    {
      name: 'below an unclosed { (the cursor back at block indentation)',
      text: `${DEPLOY}spec:\n  selector:\n    matchLabels: {app: web\n  rep‸\n`,
      first: 'template',
    },
    {
      name: 'below an unclosed [',
      text: `${POD_SPEC}      containers:\n      - name: web\n        args: [serve, --port\n        ima‸\n`,
      first: 'image',
    },
    {
      name: 'a value below an unclosed [',
      text: `${POD_SPEC}      containers:\n      - name: web\n        args: [serve\n        imagePullPolicy: ‸\n`,
      first: 'IfNotPresent',
    },
    {
      name: 'above an unclosed {',
      text: `${DEPLOY}spec:\n  rep‸\n  selector:\n    matchLabels: {app: web\n`,
      first: 'template',
    },
    {
      name: 'in the next document of the file',
      text: `${DEPLOY}spec:\n  selector: {matchLabels: {app: web}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sel‸\n`,
      first: 'ports',
    },
    {
      name: 'inside the unclosed collection itself, on its line',
      text: `${DEPLOY}spec:\n  selector: {matchLabels: {app: web}, ‸\n`,
      first: 'matchExpressions',
    },
    {
      name: 'inside a flow map continued on an indented line (still a flow map)',
      text: `${DEPLOY}spec:\n  selector: {\n    ‸\n`,
      first: 'matchExpressions',
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const { labels } = complete(t.text);
      assert.ok(labels.length > 0, 'some completions');
      assert.ok(labels.includes(t.first), `${t.first} in ${labels.join(', ')}`);
    });
  }
});

describe('whole-manifest skeletons: only where a manifest can start, once each', () => {
  const isSkeleton = (i: { kind?: number }) => i.kind === 15;
  it('an empty file offers each skeleton once (one StatefulSet, matched by its prefixes too)', () => {
    const { items } = complete('‸');
    const skeletons = items.filter(isSkeleton);
    const labels = skeletons.map((i) => i.label);
    assert.equal(new Set(labels).size, labels.length, `no label twice: ${labels.join(', ')}`);
    const statefulSet = skeletons.filter((i) => /\bk8s-statefulset\b/.test(i.filterText ?? ''));
    assert.deepEqual(
      statefulSet.map((i) => i.label),
      ['StatefulSet manifest'],
    );
    assert.match(statefulSet[0].filterText ?? '', /\bstatefulset\b/, 'the short prefix finds the same item');
  });
  const nowhere: { name: string; text: string }[] = [
    { name: 'inside spec.selector', text: `${DEPLOY}spec:\n  selector:\n    ‸\n` },
    { name: 'at the top level of a started manifest', text: `${DEPLOY}‸\n` },
    { name: 'in a container', text: `${POD_SPEC}      containers:\n      - name: web\n        ‸\n` },
    { name: 'typing a prefix inside spec', text: `${DEPLOY}spec:\n  k8s-sta‸\n` },
  ];
  for (const t of nowhere) {
    it(`no skeleton ${t.name}`, () => {
      const { items } = complete(t.text);
      assert.deepEqual(
        items.filter(isSkeleton).map((i) => i.label),
        [],
      );
    });
  }
  it('an empty document after `---` offers them', () => {
    const { items } = complete(`${DEPLOY}---\nk8s-‸\n`);
    assert.ok(items.filter(isSkeleton).length >= 5);
  });
});
