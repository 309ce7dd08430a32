import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';
import { DB_MIGRATE, EMBEDDING_SYNC, LLM_INFERENCE, NODE_EXPORTER, QDRANT } from './guide-examples';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: «web»
    image: web:1.0.0
${container}`;
const clean = (s: string) => s.replace(/[«»]/g, '');

const FULL = `    resources:
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 512Mi
`;

ruleTable('missing-resources', {
  valid: [
    { name: 'guide: qdrant', text: QDRANT },
    { name: 'guide: llm-inference', text: LLM_INFERENCE },
    { name: 'guide: node-exporter', text: NODE_EXPORTER },
    { name: 'guide: embedding-sync', text: EMBEDDING_SYNC },
    {
      name: 'limits only: Kubernetes copies them into requests',
      text: clean(pod('    resources:\n      limits: {cpu: "1", memory: 1Gi}\n')),
    },
    { name: 'a Service has no containers', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n' },
  ],
  invalid: [
    {
      name: "the guide's db-migrate Job sets requests only: limits are added at their level",
      text: DB_MIGRATE.replace('- name: migrate', '- name: «migrate»'),
      messageId: 'missing',
      message:
        'Container migrate has no cpu/memory limits — without limits it can use up its node and starve its neighbours; add them under resources.',
      output: DB_MIGRATE.replace(
        '            memory: 256Mi\n',
        '            memory: 256Mi\n          limits:\n            cpu: 500m\n            memory: 512Mi\n',
      ),
    },
    {
      name: 'nothing set: a whole resources block',
      text: pod('    ports:\n    - containerPort: 80  # http\n'),
      messageId: 'missing',
      message:
        'Container web has no cpu/memory requests and limits — without requests the scheduler cannot reserve room for it, without limits it can use up its node and starve its neighbours; add them under resources.',
      fix: 'Add resource requests and limits',
      preferred: true,
      output: clean(pod(`    ports:\n    - containerPort: 80  # http\n${FULL}`)),
      // with snippet edits each value is a tab stop
      snippet: clean(
        pod(
          '    ports:\n    - containerPort: 80  # http\n    resources:\n      requests:\n        cpu: ${1:100m}\n        memory: ${2:128Mi}\n      limits:\n        cpu: ${3:500m}\n        memory: ${4:512Mi}\n',
        ),
      ),
    },
    {
      name: "requests only (the guide's db-migrate Job): limits added, never below the request",
      text: pod('    resources:\n      requests:\n        cpu: "1"\n        memory: 256Mi\n'),
      messageId: 'missing',
      message:
        'Container web has no cpu/memory limits — without limits it can use up its node and starve its neighbours; add them under resources.',
      fix: 'Add the missing cpu/memory limits',
      output: clean(
        pod(
          '    resources:\n      requests:\n        cpu: "1"\n        memory: 256Mi\n      limits:\n        cpu: 1\n        memory: 512Mi\n',
        ),
      ),
    },
    {
      name: 'one of each missing',
      text: pod('    resources:\n      requests:\n        cpu: 50m\n      limits:\n        cpu: 100m\n'),
      messageId: 'missing',
      message: /^Container web has no memory request and no memory limit — /,
      output: clean(
        pod(
          '    resources:\n      requests:\n        cpu: 50m\n        memory: 128Mi\n      limits:\n        cpu: 100m\n        memory: 512Mi\n',
        ),
      ),
    },
    {
      name: 'a flow-style container gets a flow-style resources value',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: «web», image: web:1.0.0}]\n',
      messageId: 'missing',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: web:1.0.0, resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 512Mi}}}]\n',
    },
    {
      name: "kubectl's resources: {}",
      text: pod('    resources: {}\n    ports:\n    - containerPort: 80\n'),
      messageId: 'missing',
      output: clean(pod(`    ports:\n    - containerPort: 80\n${FULL}`)),
    },
    {
      name: 'a request equal to the default limit: the limit is written in its own words (500m, not 0.5)',
      text: pod('    resources:\n      requests:\n        cpu: "0.5"\n        memory: 600Mi\n'),
      messageId: 'missing',
      output: clean(
        pod(
          '    resources:\n      requests:\n        cpu: "0.5"\n        memory: 600Mi\n      limits:\n        cpu: 500m\n        memory: 600Mi\n',
        ),
      ),
    },
    {
      name: 'entries that are there but empty count as missing and are filled in, not written twice',
      text: pod('    resources:\n      requests:\n        cpu: ""\n        memory:\n'),
      messageId: 'missing',
      message: /^Container web has no cpu\/memory requests and limits — /,
      output: clean(
        pod(
          `    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        cpu: 500m\n        memory: 512Mi\n`,
        ),
      ),
    },
    {
      name: 'a flow-style resources value gets the missing entries in flow style; the title says what is added',
      text: pod('    resources: {requests: {cpu: 100m}}\n'),
      messageId: 'missing',
      message:
        'Container web has no memory request and no cpu/memory limits — without requests the scheduler cannot reserve room for it, without limits it can use up its node and starve its neighbours; add them under resources.',
      fix: 'Add the missing memory request and cpu/memory limits',
      output: clean(pod('    resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 512Mi}}\n')),
    },
    {
      name: "a flow-style container's resources: {}",
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: «web», image: web:1.0.0, resources: {}}\n',
      messageId: 'missing',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: web, image: web:1.0.0, resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 512Mi}}}\n',
    },
    {
      name: 'containers without a name are numbered, marked at their first key',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - «image: web:1.0.0»\n  - image: db:1.0.0\n    resources:\n      limits: {cpu: 1, memory: 1Gi}\n  - «name: 5»\n    image: c:1.0.0\n',
      messageId: 'missing',
      message: /^Container #[13] has no cpu\/memory requests and limits — /,
    },
    {
      name: 'the third container, unnamed: #3',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: a:1\n    resources:\n      limits: {cpu: 1, memory: 1Gi}\n  - name: b\n    image: b:1\n    resources:\n      limits: {cpu: 1, memory: 1Gi}\n  - «image: c:1.0.0»\n',
      messageId: 'missing',
      message: /^Container #3 has no /,
    },
    {
      name: 'a memory limit below the default request keeps the request under it',
      text: pod('    resources:\n      limits:\n        memory: 64Mi\n'),
      messageId: 'missing',
      message: /^Container web has no cpu request and no cpu limit — /,
      output: clean(pod('    resources:\n      limits:\n        memory: 64Mi\n        cpu: 500m\n      requests:\n        cpu: 100m\n')),
    },
  ],
});

it('missing-resources: the snippet edit has a tab stop per value', () => {
  const service = getLanguageService();
  const doc = TextDocument.create('file:///r.yaml', 'yaml', 1, clean(pod('')));
  const [result] = service.ruleResults(doc).filter((r) => r.rule.meta.id === 'missing-resources');
  const fix = result.report.fixes?.[0];
  assert.equal(fix?.isPreferred, true);
  assert.deepEqual(
    fix?.snippet?.map((e) => e.newText),
    [
      '    resources:\n      requests:\n        cpu: ${1:100m}\n        memory: ${2:128Mi}\n      limits:\n        cpu: ${3:500m}\n        memory: ${4:512Mi}\n',
    ],
  );
  assert.deepEqual(
    fix?.edits.map((e) => e.newText),
    [FULL],
  );
});
