import { ruleTable } from '../helpers/ruleTester';

// The guide's db-migrate Job.
const GUIDE_MIGRATE = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
spec:
  backoffLimit: 3  # Retry 3 times on failure
  activeDeadlineSeconds: 600  # Timeout after 10 minutes
  template:
    spec:
      restartPolicy: Never  # Required for Jobs
      containers:
      - name: migrate
        image: myapp:v1.0.0
        command: ["python", "manage.py", "migrate"]
`;
const WITHOUT = GUIDE_MIGRATE.replace('  activeDeadlineSeconds: 600  # Timeout after 10 minutes\n', '');

ruleTable('job-deadline', {
  valid: [
    { name: "the guide's db-migrate", text: GUIDE_MIGRATE },
    {
      name: 'CronJobs are not checked',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'a Job owned by a CronJob',
      text: WITHOUT.replace(
        '  name: db-migrate\n',
        '  name: db-migrate\n  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: n, uid: u}]\n',
      ),
    },
    {
      name: 'a CronJob among several owners',
      text: WITHOUT.replace(
        '  name: db-migrate\n',
        '  name: db-migrate\n  ownerReferences: [{kind: Workflow, name: w}, {kind: CronJob, name: c}]\n',
      ),
    },
    { name: 'spec is a string', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: daily\n' },
    { name: 'an empty spec while typing', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n' },
    { name: 'spec is a list', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: [template]\n' },
    {
      name: 'a deadline of 0 is there (invalid-value speaks)',
      text: GUIDE_MIGRATE.replace('activeDeadlineSeconds: 600', 'activeDeadlineSeconds: 0'),
    },
  ],
  invalid: [
    {
      name: 'a Job owned by something else than a CronJob is standalone',
      text: WITHOUT.replace('  name: db-migrate\n', '  name: db-migrate\n  ownerReferences: [null, {kind: Workflow, name: w}]\n').replace(
        'spec:\n  backoffLimit',
        '«spec»:\n  backoffLimit',
      ),
      messageId: 'missing',
    },
    {
      name: 'no deadline: add 10 minutes',
      text: WITHOUT.replace('spec:\n  backoffLimit', '«spec»:\n  backoffLimit'),
      messageId: 'missing',
      message:
        'This Job has no activeDeadlineSeconds: if a pod hangs, the Job runs forever. Set activeDeadlineSeconds (e.g. 600 = 10 minutes) to the longest time a run may take.',
      fixes: ['Add activeDeadlineSeconds: 600 (stop after 10 minutes)'],
      preferred: true,
      safe: false,
      output: `${WITHOUT}  activeDeadlineSeconds: 600\n`,
    },
    {
      name: 'an empty `activeDeadlineSeconds:` is flagged and gets the value',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  «activeDeadlineSeconds»:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
      messageId: 'missing',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  activeDeadlineSeconds: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
    },
  ],
});
