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

/** A StatefulSet whose second claim template has no name. */
const twoTemplates = (second: string) =>
  statefulSet(
    `    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n  - metadata:\n      labels:\n        tier: cache\n${second}`,
  );
const cronJob = (volume: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: c:1
          volumes:
${volume}`;
const deployment = (volumes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector:
    matchLabels:
      app: d
  template:
    metadata:
      labels:
        app: d
    spec:
      containers:
      - name: d
        image: d:1
      volumes:
${volumes}`;

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
    { name: 'a spec that is not a mapping (invalid-value)', text: pvc('spec: ReadWriteOnce') },
    {
      name: 'accessModes that is not a list (invalid-value)',
      text: pvc('spec:\n  accessModes: ReadWriteOnce\n  resources:\n    requests:\n      storage: 10Gi'),
    },
    {
      name: 'volumes that are not ephemeral claims',
      text: deployment(
        '      - name: cache\n        emptyDir: {}\n      - name: odd\n        ephemeral: {}\n      - name: odder\n        ephemeral:\n          volumeClaimTemplate: null\n',
      ),
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
    {
      name: 'an unnamed claim',
      text: 'apiVersion: v1\nkind: PersistentVolumeClaim\n«spec»:\n  resources:\n    requests:\n      storage: 10Gi\n',
      messageId: 'noAccessModes',
      message:
        'PersistentVolumeClaim has no accessModes: the API server rejects the claim ("at least 1 access mode is required"). Add one, e.g. ReadWriteOnce.',
    },
    {
      name: 'accessModes left empty: flagged, no fix (the key is there)',
      text: pvc('spec:\n  «accessModes»:\n  resources:\n    requests:\n      storage: 10Gi'),
      messageId: 'noAccessModes',
      fixes: [],
    },
    {
      name: 'storage left empty: flagged, no fix (the key is there)',
      text: pvc('spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      «storage»:'),
      messageId: 'noStorage',
      fixes: [],
    },
    {
      name: 'an unnamed second claim template without accessModes is named by its position',
      text: twoTemplates('    «spec»:\n      resources: {requests: {storage: 1Gi}}\n'),
      messageId: 'noAccessModes',
      message:
        'volumeClaimTemplate #2 has no accessModes: the StatefulSet is accepted, but the API server rejects every claim it creates from the template, so no pod starts ("at least 1 access mode is required"). Add one, e.g. ReadWriteOnce.',
      fixes: ['Add accessModes: [ReadWriteOnce]'],
      output: twoTemplates('    spec:\n      resources: {requests: {storage: 1Gi}}\n      accessModes:\n      - ReadWriteOnce\n'),
    },
    {
      name: "an unnamed ephemeral volume in a CronJob's pod without a size",
      text: cronJob(
        '          - ephemeral:\n              volumeClaimTemplate:\n                «spec»:\n                  accessModes: [ReadWriteOnce]\n',
      ),
      messageId: 'noStorage',
      message: 'the ephemeral volume requests no storage size: the API server rejects the pod. Add resources.requests.storage, e.g. 10Gi.',
      fixes: ['Add a storage request (1Gi: set the size you need)'],
      output: cronJob(
        '          - ephemeral:\n              volumeClaimTemplate:\n                spec:\n                  accessModes: [ReadWriteOnce]\n                  resources:\n                    requests:\n                      storage: 1Gi\n',
      ),
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

it('incomplete-claim: a claim template without a spec, or with an empty one, gets both findings on its key', () => {
  const cases: [string, string, string][] = [
    [twoTemplates(''), 'metadata', 'volumeClaimTemplate #2'],
    [pvc('spec:'), 'spec', 'PersistentVolumeClaim data'],
    [
      deployment(
        '      - ephemeral:\n          volumeClaimTemplate:\n            metadata:\n              labels:\n                a: b\n',
      ),
      'volumeClaimTemplate',
      'the ephemeral volume',
    ],
  ];
  for (const [text, flagged, what] of cases) {
    const service = getLanguageService();
    const document = TextDocument.create('file:///claim.yaml', 'yaml', 1, text);
    const found = service.ruleResults(document).filter((r) => r.rule.meta.id === 'incomplete-claim');
    assert.deepEqual(
      found.map((r) => [r.report.messageId, text.slice(r.report.start, r.report.end)]),
      [
        ['noAccessModes', flagged],
        ['noStorage', flagged],
      ],
    );
    const messages = service
      .doValidation(document)
      .filter((d) => d.code === 'incomplete-claim')
      .map((d) => String(d.message));
    assert.deepEqual(
      messages.map((m) => m.split(/ (?:has no accessModes|requests no storage size): /)[0]),
      [what, what],
    );
  }
});
