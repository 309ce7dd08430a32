import { ruleTable } from '../helpers/ruleTester';

// The guide's Auto-Cleanup with TTL and One-Time Model Migration.
const GUIDE_TTL = `apiVersion: batch/v1
kind: Job
metadata:
  name: one-time-migration
spec:
  ttlSecondsAfterFinished: 3600  # Delete Job+Pods 1 hour after completion
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrator:v1
`;
const GUIDE_MODEL_MIGRATION = `apiVersion: batch/v1
kind: Job
metadata:
  name: model-migration-v2
spec:
  backoffLimit: 2
  activeDeadlineSeconds: 3600     # 1 hour max
  ttlSecondsAfterFinished: 86400  # Cleanup after 24 hours
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: model-migrator:v2
`;
const WITHOUT = GUIDE_TTL.replace('  ttlSecondsAfterFinished: 3600  # Delete Job+Pods 1 hour after completion\n', '');

ruleTable('job-ttl', {
  valid: [
    { name: "the guide's TTL example", text: GUIDE_TTL },
    { name: "the guide's model migration", text: GUIDE_MODEL_MIGRATION },
    { name: 'ttl 0 (delete at once) is a choice', text: GUIDE_TTL.replace('3600', '0') },
    {
      name: 'a CronJob cleans up with its history limits',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'a Job created by a CronJob (exported) is not standalone',
      text: WITHOUT.replace(
        '  name: one-time-migration\n',
        '  name: one-time-migration\n  ownerReferences:\n  - apiVersion: batch/v1\n    kind: CronJob\n    name: nightly\n    uid: 0c6e2b4c-1111-2222-3333-444455556666\n',
      ),
    },
    { name: 'spec is a string', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: daily\n' },
    {
      name: 'a CronJob among several owners',
      text: WITHOUT.replace(
        '  name: one-time-migration\n',
        '  name: one-time-migration\n  ownerReferences: [{kind: Workflow, name: w}, {kind: CronJob, name: c}]\n',
      ),
    },
    { name: 'spec is a list', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: [template]\n' },
  ],
  invalid: [
    {
      name: 'an empty ttlSecondsAfterFinished is no ttl; the fix fills it in',
      text: WITHOUT.replace('spec:\n  template', 'spec:\n  «ttlSecondsAfterFinished»:\n  template'),
      messageId: 'missing',
      output: WITHOUT.replace('spec:\n  template', 'spec:\n  ttlSecondsAfterFinished: 3600\n  template'),
    },
    {
      name: 'a Job owned by something else than a CronJob is standalone',
      text: WITHOUT.replace(
        '  name: one-time-migration\n',
        '  name: one-time-migration\n  ownerReferences: [null, {kind: Workflow, name: w}]\n',
      ).replace('spec:\n  template', '«spec»:\n  template'),
      messageId: 'missing',
    },
    {
      name: 'no ttl: add the guide’s one hour',
      text: WITHOUT.replace('spec:\n  template', '«spec»:\n  template'),
      messageId: 'missing',
      message:
        'This Job has no ttlSecondsAfterFinished: the Job and its finished pods stay in the cluster until deleted by hand. Set ttlSecondsAfterFinished (e.g. 3600 = one hour) to have Kubernetes clean them up after the Job finishes.',
      fixes: ['Add ttlSecondsAfterFinished: 3600 (clean up 1 hour after it finishes)'],
      preferred: true,
      safe: false,
      output: `${WITHOUT}  ttlSecondsAfterFinished: 3600\n`,
    },
    {
      name: 'four-space indentation and a trailing comment line are kept',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n    name: j\n«spec»:\n    backoffLimit: 1\n    template:\n        spec:\n            restartPolicy: Never\n            containers:\n            -   name: a\n                image: a:1\n# end\n',
      messageId: 'missing',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n    name: j\nspec:\n    backoffLimit: 1\n    template:\n        spec:\n            restartPolicy: Never\n            containers:\n            -   name: a\n                image: a:1\n    ttlSecondsAfterFinished: 3600\n# end\n',
    },
  ],
});
