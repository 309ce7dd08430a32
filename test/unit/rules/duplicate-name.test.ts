import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS, QDRANT } from './guide-examples';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}
`;
const svc = (name: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${extra}spec:
  ports:
  - port: 80
`;

ruleTable('duplicate-name', {
  valid: [
    {
      name: 'containers without names are missing-required-field, not duplicates',
      text: pod('  containers:\n  - name: ""\n    image: a:1\n  - name: ""\n    image: a:2'),
    },
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'guide: qdrant StatefulSet and its Service in one file share a name (different kinds)', text: QDRANT },
    { name: 'same name in two namespaces', text: `${svc('web', '  namespace: a\n')}---\n${svc('web', '  namespace: b\n')}` },
    {
      name: 'a Gateway API Gateway and an Istio Gateway of one name are two objects (API groups differ)',
      text:
        'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: web\nspec:\n  gatewayClassName: x\n  listeners: []\n' +
        '---\napiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata:\n  name: web\nspec:\n  servers: []\n',
    },
    {
      name: 'the same port name in two containers is allowed',
      text: pod(
        '  containers:\n  - name: a\n    image: a:1\n    ports: [{name: http, containerPort: 80}]\n  - name: b\n    image: b:1\n    ports: [{name: http, containerPort: 81}]',
      ),
    },
  ],
  invalid: [
    {
      name: 'an empty item (being typed) among the containers is skipped',
      text: pod('  containers:\n  -\n  - name: a\n    image: a:1\n  - name: «a»\n    image: a:2'),
      messageId: 'container',
    },
    {
      name: 'two versions of one API group serve the same object',
      text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: apps/v1beta2\nkind: Deployment\nmetadata:\n  name: «web»\n`,
      messageId: 'object',
    },
    {
      name: 'two containers',
      text: pod('  containers:\n  - name: app\n    image: app:1.0.0\n  - name: «app»\n    image: sidecar:1.0.0'),
      messageId: 'container',
      message:
        'Container name app is used twice (containers[0] and containers[1]): containers, initContainers and ephemeralContainers share one namespace — rename one of them.',
    },
    {
      name: 'an init container and a container',
      text: pod('  initContainers:\n  - name: setup\n    image: busybox:1.36\n  containers:\n  - name: «setup»\n    image: app:1.0.0'),
      messageId: 'container',
      message: /^Container name setup is used twice \(initContainers\[0\] and containers\[0\]\)/,
    },
    {
      name: 'an ephemeral container and a container',
      text: pod('  containers:\n  - name: app\n    image: app:1.0.0\n  ephemeralContainers:\n  - name: «app»\n    image: busybox:1.36'),
      messageId: 'container',
      message: /^Container name app is used twice \(containers\[0\] and ephemeralContainers\[0\]\)/,
    },
    {
      name: 'two versions of one API group are one object',
      text: `${svc('web').replace('apiVersion: v1', 'apiVersion: example.com/v1')}---\n${svc('«web»').replace('apiVersion: v1', 'apiVersion: example.com/v2')}`,
      messageId: 'object',
    },
    {
      name: 'two ports of a container',
      text: pod(
        '  containers:\n  - name: app\n    image: app:1.0.0\n    ports:\n    - name: http\n      containerPort: 80\n    - name: «http»\n      containerPort: 8080',
      ),
      messageId: 'port',
      message: 'Port name http is used twice in container app (ports[0] and ports[1]) — port names must be unique in a container.',
    },
    {
      name: 'two volumes of a Deployment pod',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers: []
      volumes:
      - name: cache
        emptyDir: {}
      - name: «cache»
        emptyDir: {}
`,
      messageId: 'volume',
      message: 'Volume name cache is used twice (volumes[0] and volumes[1]) — volume names must be unique in a pod.',
    },
    {
      name: 'two ports of a Service',
      text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - {name: web, port: 80}
  - {name: «web», port: 443}
`,
      messageId: 'servicePort',
      message: 'Port name web is used twice in this Service (ports[0] and ports[1]) — Service port names must be unique.',
    },
    {
      name: 'the same object twice in a file',
      text: `${svc('web')}---\n${svc('«web»')}`,
      messageId: 'object',
      message:
        'Service web is already defined earlier in this file: applying the file keeps only the last one — rename it or remove the duplicate.',
    },
    {
      name: 'a third copy points at the second',
      text: `${svc('web', '  namespace: prod\n')}---\n${svc('«web»', '  namespace: prod\n')}---\n${svc('«web»', '  namespace: prod\n')}`,
      messageId: 'object',
      message:
        'Service web in namespace prod is already defined earlier in this file: applying the file keeps only the last one — rename it or remove the duplicate.',
    },
  ],
});

it('duplicate-name: editing one copy updates the report on the other (results are not cached per document)', () => {
  const service = getLanguageService();
  const a = `${svc('web')}---\n${svc('web')}`;
  const count = (text: string, version: number) =>
    service.doValidation(TextDocument.create('file:///dup.yaml', 'yaml', version, text)).filter((d) => d.code === 'duplicate-name').length;
  assert.equal(count(a, 1), 1);
  // Only the first document changes; the second (cached text) must no longer be reported.
  assert.equal(count(a.replace('name: web', 'name: api'), 2), 0);
  assert.equal(count(a, 3), 1);
});

it('duplicate-name: identical documents (which share one parse) are each judged by their place in the file', () => {
  const service = getLanguageService();
  const lines = (text: string) =>
    service
      .doValidation(TextDocument.create('file:///same.yaml', 'yaml', 1, text))
      .filter((d) => d.code === 'duplicate-name')
      .map((d) => d.range.start.line);
  // Every document starts with `---`, so all three have the same text.
  assert.deepEqual(lines(`---\n${svc('web')}---\n${svc('web')}---\n${svc('web')}`), [12, 20]);
  assert.deepEqual(lines(`---\n${svc('web')}---\n${svc('web')}---\n${svc('web')}`), [12, 20]);
});
