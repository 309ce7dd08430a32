import { ruleTable } from '../helpers/ruleTester';
import { BACKUP } from './guide-examples';

// The guide's backup CronJob and nightly embedding refresh both set Forbid.
const GUIDE_BACKUP = BACKUP;

const GUIDE_EMBEDDING_SYNC = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: embedding-sync
spec:
  schedule: "0 3 * * *"           # 3 AM daily
  concurrencyPolicy: Forbid       # Skip if previous still running
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: sync
            image: embedding-sync:v1
`;

const UNSET = (marker: (s: string) => string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
${marker('spec')}:
  schedule: "0 * * * *"  # hourly
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: report:v2
`;
const mark = (s: string) => `«${s}»`;
const plain = (s: string) => s;

ruleTable('cronjob-concurrency-policy', {
  valid: [
    { name: "the guide's backup CronJob", text: GUIDE_BACKUP },
    { name: "the guide's embedding-sync CronJob", text: GUIDE_EMBEDDING_SYNC },
    { name: 'Allow written explicitly is a choice', text: GUIDE_BACKUP.replace('Forbid  #', 'Allow  #') },
    { name: 'Replace', text: GUIDE_BACKUP.replace('Forbid  #', 'Replace  #') },
    {
      name: 'a Job is not checked',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n',
    },
    {
      name: 'a CronJob without spec is left to missing-required-field',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\n',
    },
    { name: 'an empty spec while typing', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n' },
    {
      name: 'a scalar spec is the schema rules’ business',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec: hourly\n',
    },
  ],
  invalid: [
    {
      name: 'unset: add Forbid at the end of spec',
      text: UNSET(mark),
      messageId: 'unset',
      message:
        'concurrencyPolicy is not set, so it defaults to Allow: a new Job starts at each scheduled time even while the previous one is still running. Set Forbid to skip a run while one is active, or Replace to cancel it.',
      fix: 'Add concurrencyPolicy: Forbid',
      fixes: ['Add concurrencyPolicy: Forbid', 'Add concurrencyPolicy: Replace', 'Add concurrencyPolicy: Allow (keep overlapping runs)'],
      preferred: true,
      output: `${UNSET(plain)}  concurrencyPolicy: Forbid\n`,
    },
    {
      name: 'unset: Allow, written down, keeps overlapping runs',
      text: UNSET(mark),
      messageId: 'unset',
      fix: 'Add concurrencyPolicy: Allow (keep overlapping runs)',
      preferred: false,
      output: `${UNSET(plain)}  concurrencyPolicy: Allow\n`,
    },
    {
      name: 'unset: Replace is offered too',
      text: UNSET(mark),
      messageId: 'unset',
      fix: 'Add concurrencyPolicy: Replace',
      output: `${UNSET(plain)}  concurrencyPolicy: Replace\n`,
    },
    {
      name: 'explicit null, in the second document; the first stays untouched',
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c  # keep\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: '@daily'\n  «concurrencyPolicy»: ~\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: 'a:1'}]}}}}\n`,
      messageId: 'unset',
      fix: 'Add concurrencyPolicy: Forbid',
      output: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c  # keep\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: '@daily'\n  concurrencyPolicy: Forbid\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: 'a:1'}]}}}}\n`,
    },
    {
      name: 'JSON manifest: inserted into the spec flow map, not the enclosing one',
      text: '{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "r"}, «"spec"»: {"schedule": "@hourly", "jobTemplate": {}}}\n',
      messageId: 'unset',
      fix: 'Add concurrencyPolicy: Forbid',
      output:
        '{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "r"}, "spec": {"schedule": "@hourly", "jobTemplate": {}, concurrencyPolicy: Forbid}}\n',
    },
    {
      name: 'a multi-line flow map with a trailing comma is flagged (no fix is offered that would break its indentation)',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: r}\n«spec»: {\n  schedule: "@hourly",\n  jobTemplate: {},\n}\n',
      messageId: 'unset',
    },
  ],
});
