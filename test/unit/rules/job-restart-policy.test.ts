import { ruleTable } from '../helpers/ruleTester';
import {
  BACKUP,
  DB_MIGRATE,
  DOCUMENT_INGEST,
  EMBEDDING_SYNC,
  INDEXED_PROCESSOR,
  MODEL_MIGRATION,
  ONE_TIME_MIGRATION,
  QUEUE_PROCESSOR,
} from './guide-examples';

const job = (podSpec: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
${podSpec}
      containers:
      - name: migrate
        image: app:1.0.0
`;

ruleTable('job-restart-policy', {
  valid: [
    { name: 'guide: db-migrate', text: DB_MIGRATE },
    { name: 'guide: queue-processor', text: QUEUE_PROCESSOR },
    { name: 'guide: backup CronJob (OnFailure)', text: BACKUP },
    { name: 'guide: one-time-migration', text: ONE_TIME_MIGRATION },
    { name: 'guide: indexed-processor', text: INDEXED_PROCESSOR },
    { name: 'guide: embedding-sync CronJob', text: EMBEDDING_SYNC },
    { name: 'guide: model-migration', text: MODEL_MIGRATION },
    { name: 'guide: document-ingest', text: DOCUMENT_INGEST },
    {
      name: 'no pod spec yet: missing-required-field reports it',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template: {}\n',
    },
    {
      name: 'an empty pod spec while typing',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n',
    },
    {
      name: 'a scalar pod spec is invalid-value’s business',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec: x\n',
    },
    {
      name: 'a list pod spec is invalid-value’s business',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec: [x]\n',
    },
    {
      name: 'a Deployment is not checked',
      text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n',
    },
  ],
  invalid: [
    {
      name: 'missing: Never is added to the pod spec',
      text: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    «spec»:
      containers:
      - name: migrate
        image: app:1.0.0
`,
      messageId: 'missing',
      message:
        'The Job pod template sets no restartPolicy, and the pod default Always is not allowed for a Job — set restartPolicy: Never (or OnFailure to restart the container in place).',
      fix: 'Set restartPolicy: Never',
      fixes: ['Set restartPolicy: Never', 'Set restartPolicy: OnFailure'],
      preferred: true,
      output: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: app:1.0.0
`,
    },
    {
      name: 'Always: replaced, comment kept',
      text: job('      restartPolicy: «Always»  # copied from a Deployment'),
      messageId: 'always',
      message:
        'restartPolicy: Always is not allowed in a Job: its pods must be able to finish — use Never (or OnFailure to restart the container in place).',
      fix: 'Set restartPolicy: Never',
      output: job('      restartPolicy: Never  # copied from a Deployment'),
    },
    {
      name: 'Always: the OnFailure alternative',
      text: job('      restartPolicy: «Always»'),
      messageId: 'always',
      fix: 'Set restartPolicy: OnFailure',
      preferred: false,
      output: job('      restartPolicy: OnFailure'),
    },
    {
      name: 'an empty restartPolicy is as good as missing',
      text: job('      «restartPolicy»:'),
      messageId: 'missing',
      fix: 'Set restartPolicy: Never',
      output: job('      restartPolicy: Never'),
    },
    {
      name: 'CronJob: inside jobTemplate',
      text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: «Always»
          containers:
          - name: report
            image: report:1.0.0
`,
      messageId: 'always',
      message:
        'restartPolicy: Always is not allowed in a CronJob: its pods must be able to finish — use Never (or OnFailure to restart the container in place).',
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: report:1.0.0
`,
    },
    {
      name: 'a flow-style pod spec: first, before the containers',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    «spec»: {containers: [{name: x, image: x:1}]}\n',
      messageId: 'missing',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec: {restartPolicy: Never, containers: [{name: x, image: x:1}]}\n',
    },
  ],
});
