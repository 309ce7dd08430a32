import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS, POSTGRES, QDRANT } from './guide-examples';

const pvc = (spec: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
${spec}
`;
const statefulSet = (template: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: db:1.0.0
  volumeClaimTemplates:
  - metadata:
      name: data
${template}
`;

ruleTable('incomplete-claim', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'guide: postgres claim templates', text: POSTGRES },
    { name: 'guide: qdrant claim templates', text: QDRANT },
    { name: 'a complete claim', text: pvc('spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi') },
    {
      name: 'an ephemeral volume with a complete template',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: p
    image: p:1
  volumes:
  - name: scratch
    ephemeral:
      volumeClaimTemplate:
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
`,
    },
  ],
  invalid: [
    {
      name: 'a claim without accessModes: add ReadWriteOnce',
      text: pvc('«spec»:\n  resources:\n    requests:\n      storage: 10Gi'),
      messageId: 'noAccessModes',
      message:
        'PersistentVolumeClaim data has no accessModes: the API server rejects the claim ("at least 1 access mode is required"). Add one, e.g. ReadWriteOnce.',
      fix: 'Add accessModes: [ReadWriteOnce]',
      fixes: ['Add accessModes: [ReadWriteOnce]'],
      preferred: false,
      safe: false,
      output: pvc('spec:\n  resources:\n    requests:\n      storage: 10Gi\n  accessModes:\n    - ReadWriteOnce'),
    },
    {
      name: 'a claim without a size: add a storage request',
      text: pvc('spec:\n  accessModes: [ReadWriteOnce]\n  «resources»:\n    limits:\n      storage: 10Gi'),
      messageId: 'noStorage',
      message:
        'PersistentVolumeClaim data requests no storage size: the API server rejects the claim. Add resources.requests.storage, e.g. 10Gi.',
      output: pvc(
        'spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    limits:\n      storage: 10Gi\n    requests:\n      storage: 1Gi',
      ),
    },
    {
      name: 'an empty accessModes list',
      text: pvc('spec:\n  «accessModes»: []\n  resources: {requests: {storage: 1Gi}}'),
      messageId: 'noAccessModes',
    },
    {
      name: 'a StatefulSet claim template without a size',
      text: statefulSet('    «spec»:\n      accessModes: [ReadWriteOnce]'),
      messageId: 'noStorage',
      message:
        'volumeClaimTemplate data requests no storage size: the StatefulSet is accepted, but the API server rejects every claim it creates from the template, so no pod starts. Add resources.requests.storage, e.g. 10Gi.',
      output: statefulSet('    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi'),
    },
    {
      name: 'an ephemeral volume template without accessModes',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: p
    image: p:1
  volumes:
  - name: scratch
    ephemeral:
      volumeClaimTemplate:
        «spec»:
          resources: {requests: {storage: 1Gi}}
`,
      messageId: 'noAccessModes',
      message: /^the ephemeral volume scratch has no accessModes: the API server rejects the pod/,
    },
  ],
});

it('incomplete-claim: a claim without a spec gets both findings, on its kind', () => {
  const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n';
  const service = getLanguageService();
  const document = TextDocument.create('file:///claim.yaml', 'yaml', 1, text);
  const found = service.ruleResults(document).filter((r) => r.rule.meta.id === 'incomplete-claim');
  assert.deepEqual(
    found.map((r) => [r.report.messageId, text.slice(r.report.start, r.report.end)]),
    [
      ['noAccessModes', 'PersistentVolumeClaim'],
      ['noStorage', 'PersistentVolumeClaim'],
    ],
  );
});
