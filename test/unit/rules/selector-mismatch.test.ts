import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { requirementsOf } from '../../../server/src/service/rules/selector-mismatch';
import { ruleTable } from '../helpers/ruleTester';
import { API_SERVER, LLM_INFERENCE, NODE_EXPORTER, POSTGRES, QDRANT } from './guide-examples';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}
  template:
${labels}
    spec:
      containers:
      - name: web
        image: web:1.0.0
`;

ruleTable('selector-mismatch', {
  valid: [
    { name: 'guide: api-server Deployment', text: API_SERVER },
    { name: 'guide: postgres StatefulSet', text: POSTGRES },
    { name: 'guide: qdrant StatefulSet', text: QDRANT },
    { name: 'guide: llm-inference StatefulSet', text: LLM_INFERENCE },
    { name: 'guide: node-exporter DaemonSet', text: NODE_EXPORTER },
    {
      name: 'template has extra labels',
      text: deployment('    matchLabels:\n      app: web', '    metadata:\n      labels:\n        app: web\n        tier: front'),
    },
    {
      name: 'matchExpressions of every operator, satisfied',
      text: deployment(
        '    matchExpressions:\n    - {key: app, operator: In, values: [web, api]}\n    - {key: tier, operator: NotIn, values: [db]}\n' +
          '    - {key: track, operator: Exists}\n    - {key: canary, operator: DoesNotExist}',
        '    metadata:\n      labels:\n        app: api\n        tier: front\n        track: stable',
      ),
    },
    {
      name: 'no selector: missing-required-field reports it',
      text: deployment('    {}', '    metadata:\n      labels:\n        app: web'),
    },
    {
      name: 'a Job is not checked',
      text: 'apiVersion: batch/v1\nkind: Job\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    spec: {}\n',
    },
  ],
  invalid: [
    {
      name: "the issue's example: a typo in the template label",
      text: deployment('    matchLabels:\n      «app: web»', '    metadata:\n      labels:\n        app: wob'),
      messageId: 'mismatch',
      message: 'selector app=web does not match the pod template labels app=wob — the Deployment would never own its pods.',
      fix: 'Make the pod template labels match the selector (app=web)',
      fixes: ['Make the pod template labels match the selector (app=web)'],
      preferred: true,
      safe: false,
      output: deployment('    matchLabels:\n      app: web', '    metadata:\n      labels:\n        app: web'),
    },
    {
      name: 'a missing label is added after the others, keeping comments and quotes',
      text: deployment(
        '    matchLabels:\n      app: web\n      «tier: "front"»  # both',
        '    metadata:\n      labels:\n        app: web # same\n      annotations:\n        a: b',
      ),
      messageId: 'mismatch',
      message: 'selector app=web, tier=front does not match the pod template labels app=web — the Deployment would never own its pods.',
      fix: 'Add tier=front to the pod template labels',
      fixes: ['Add tier=front to the pod template labels'],
      preferred: true,
      safe: true,
      output: deployment(
        '    matchLabels:\n      app: web\n      tier: "front"  # both',
        '    metadata:\n      labels:\n        app: web # same\n        tier: front\n      annotations:\n        a: b',
      ),
    },
    {
      name: 'no template labels at all: two labels are added in one labels map',
      text: deployment('    matchLabels:\n      «app: web»\n      tier: front', '    metadata:\n      name: x'),
      messageId: 'noLabels',
      message:
        'selector app=web, tier=front does not match the pod template, which has no labels — the Deployment would never own its pods.',
      fix: 'Add app=web, tier=front to the pod template labels',
      output: deployment(
        '    matchLabels:\n      app: web\n      tier: front',
        '    metadata:\n      name: x\n      labels:\n        app: web\n        tier: front',
      ),
    },
    {
      name: 'no template metadata: metadata and labels are created',
      text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      «app.kubernetes.io/name: agent»
  template:
    spec:
      containers:
      - name: agent
        image: agent:1.0.0
`,
      messageId: 'noLabels',
      message:
        'selector app.kubernetes.io/name=agent does not match the pod template, which has no labels — the DaemonSet would never own its pods.',
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: agent
  template:
    spec:
      containers:
      - name: agent
        image: agent:1.0.0
    metadata:
      labels:
        app.kubernetes.io/name: agent
`,
    },
    {
      name: 'flow-style labels get the label inside the braces',
      text: deployment('    matchLabels: {app: web, «tier: front»}', '    metadata:\n      labels: {app: web}'),
      messageId: 'mismatch',
      message: 'selector app=web, tier=front does not match the pod template labels app=web — the Deployment would never own its pods.',
      output: deployment('    matchLabels: {app: web, tier: front}', '    metadata:\n      labels: {app: web, tier: front}'),
    },
    {
      name: 'a label value that YAML would read as a number is quoted',
      text: deployment('    matchLabels:\n      «version: "2"»', '    metadata:\n      labels:\n        app: web'),
      messageId: 'mismatch',
      message: 'selector version=2 does not match the pod template labels app=web — the Deployment would never own its pods.',
      output: deployment('    matchLabels:\n      version: "2"', '    metadata:\n      labels:\n        app: web\n        version: "2"'),
    },
    {
      name: 'matchExpressions In: the first value is used',
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchExpressions:
    - «key: role»
      operator: In
      values: [primary, replica]
  template:
    metadata:
      labels:
        role: backup
    spec:
      containers:
      - name: db
        image: postgres:15
`,
      messageId: 'mismatch',
      message:
        'selector role in (primary,replica) does not match the pod template labels role=backup — the StatefulSet would never own its pods.',
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchExpressions:
    - key: role
      operator: In
      values: [primary, replica]
  template:
    metadata:
      labels:
        role: primary
    spec:
      containers:
      - name: db
        image: postgres:15
`,
    },
    {
      name: 'DoesNotExist: the label is removed',
      text: deployment(
        '    matchLabels:\n      app: web\n    matchExpressions:\n    - «{key: canary, operator: DoesNotExist}»',
        '    metadata:\n      labels:\n        app: web\n        canary: "true"',
      ),
      messageId: 'mismatch',
      message:
        'selector app=web, !canary does not match the pod template labels app=web, canary=true — the Deployment would never own its pods.',
      fix: 'Make the pod template labels match the selector (remove canary)',
      output: deployment(
        '    matchLabels:\n      app: web\n    matchExpressions:\n    - {key: canary, operator: DoesNotExist}',
        '    metadata:\n      labels:\n        app: web',
      ),
    },
    {
      name: 'NotIn with the excluded value',
      text: deployment(
        '    matchExpressions:\n    - «{key: tier, operator: NotIn, values: [db]}»',
        '    metadata:\n      labels:\n        app: web\n        tier: db',
      ),
      messageId: 'mismatch',
      message:
        'selector tier notin (db) does not match the pod template labels app=web, tier=db — the Deployment would never own its pods.',
      output: deployment(
        '    matchExpressions:\n    - {key: tier, operator: NotIn, values: [db]}',
        '    metadata:\n      labels:\n        app: web',
      ),
    },
    {
      name: 'Exists without the label: reported, no fix (no value to guess)',
      text: deployment('    matchExpressions:\n    - «{key: track, operator: Exists}»', '    metadata:\n      labels:\n        app: web'),
      messageId: 'mismatch',
      message: 'selector track does not match the pod template labels app=web — the Deployment would never own its pods.',
    },
  ],
});

it('selector-mismatch: no fix when a label value would have to be guessed (Exists), safe only for pure additions', () => {
  const service = getLanguageService();
  const fixesOf = (text: string) =>
    service
      .ruleResults(TextDocument.create('file:///s.yaml', 'yaml', 1, text))
      .filter((r) => r.rule.meta.id === 'selector-mismatch')
      .flatMap((r) => r.report.fixes ?? []);
  assert.deepEqual(
    fixesOf(deployment('    matchExpressions:\n    - {key: track, operator: Exists}', '    metadata:\n      labels:\n        app: web')),
    [],
  );
  const [add] = fixesOf(deployment('    matchLabels:\n      app: web', '    metadata:\n      labels:\n        tier: x'));
  assert.equal(add.safe, true);
  const [change] = fixesOf(deployment('    matchLabels:\n      app: web', '    metadata:\n      labels:\n        app: wob'));
  assert.equal(change.safe, false);
  assert.equal(change.isPreferred, true);
});

describe('requirementsOf: what a selector requires, and which change satisfies it', () => {
  const reqs = (selector: unknown) =>
    requirementsOf(selector, ['spec', 'selector'])?.map((r) => ({
      text: r.text,
      path: r.path.join('.'),
      change: r.change,
      exact: r.exact,
    }));
  it('nothing for what is not a selector', () => {
    for (const s of [undefined, null, 'app=web', 5, ['app'], {}, { matchLabels: {} }, { matchExpressions: {} }])
      assert.equal(reqs(s), undefined, JSON.stringify(s));
  });
  it('skips expressions it cannot read, and unknown operators', () => {
    assert.equal(
      reqs({
        matchExpressions: [
          null,
          'x',
          { key: 'a' },
          { key: 5, operator: 'Exists' },
          { key: 'a', operator: 5 },
          { key: 'a', operator: 'Like' },
        ],
      }),
      undefined,
    );
  });
  it('matchLabels: exact', () => {
    assert.deepEqual(reqs({ matchLabels: { app: 'web' } }), [
      { text: 'app=web', path: 'spec.selector.matchLabels.app', change: { op: 'set', key: 'app', value: 'web' }, exact: true },
    ]);
  });
  it('In: the first value, exact only when it is the only one; no value, no change', () => {
    assert.deepEqual(reqs({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] }), [
      { text: 'a in (x)', path: 'spec.selector.matchExpressions.0', change: { op: 'set', key: 'a', value: 'x' }, exact: true },
    ]);
    assert.deepEqual(reqs({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }] }), [
      { text: 'a in (x,y)', path: 'spec.selector.matchExpressions.0', change: { op: 'set', key: 'a', value: 'x' }, exact: false },
    ]);
    assert.deepEqual(reqs({ matchExpressions: [{ key: 'a', operator: 'In' }] }), [
      { text: 'a in ()', path: 'spec.selector.matchExpressions.0', change: undefined, exact: false },
    ]);
  });
  it('NotIn, Exists and DoesNotExist are never exact', () => {
    assert.deepEqual(
      reqs({
        matchExpressions: [
          { key: 'a', operator: 'NotIn', values: ['x'] },
          { key: 'b', operator: 'Exists' },
          { key: 'c', operator: 'DoesNotExist' },
        ],
      }),
      [
        { text: 'a notin (x)', path: 'spec.selector.matchExpressions.0', change: { op: 'remove', key: 'a' }, exact: false },
        { text: 'b', path: 'spec.selector.matchExpressions.1', change: undefined, exact: false },
        { text: '!c', path: 'spec.selector.matchExpressions.2', change: { op: 'remove', key: 'c' }, exact: false },
      ],
    );
  });
});

ruleTable('selector-mismatch', {
  valid: [
    {
      name: 'no template at all (missing-required-field reports it)',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n',
    },
  ],
  invalid: [
    {
      name: 'a label to add and one to change: no longer "Add", and not safe',
      text: deployment('    matchLabels:\n      «app: web»\n      tier: front', '    metadata:\n      labels:\n        app: wob'),
      messageId: 'mismatch',
      fixes: ['Make the pod template labels match the selector (app=web, tier=front)'],
      safe: false,
      output: deployment(
        '    matchLabels:\n      app: web\n      tier: front',
        '    metadata:\n      labels:\n        app: web\n        tier: front',
      ),
    },
    {
      name: 'two labels to add: both named in the title, safe',
      text: deployment('    matchLabels:\n      «app: web»\n      tier: front', '    metadata:\n      labels:\n        x: y'),
      messageId: 'mismatch',
      fixes: ['Add app=web, tier=front to the pod template labels'],
      safe: true,
    },
    {
      name: 'an exact label and a choice among values: the fix is not safe',
      text: deployment(
        '    matchLabels:\n      «app: web»\n    matchExpressions:\n    - {key: track, operator: In, values: [stable, canary]}',
        '    metadata:\n      labels:\n        x: y',
      ),
      messageId: 'mismatch',
      fixes: ['Add app=web, track=stable to the pod template labels'],
      safe: false,
    },
    {
      name: 'a label with a value to guess beside one to add: no fix at all',
      text: deployment(
        '    matchLabels:\n      «app: web»\n    matchExpressions:\n    - {key: track, operator: Exists}',
        '    metadata:\n      labels:\n        x: y',
      ),
      messageId: 'mismatch',
      fixes: [],
    },
    {
      name: 'a failing expression in block style is flagged at its key',
      text: deployment(
        '    matchExpressions:\n    - «key: track»\n      operator: Exists',
        '    metadata:\n      labels:\n        app: web',
      ),
      messageId: 'mismatch',
    },
  ],
});
