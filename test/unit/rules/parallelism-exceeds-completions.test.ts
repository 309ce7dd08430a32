import { ruleTable } from '../helpers/ruleTester';

const job = (parallelism: string, completions: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: queue-processor
spec:
  parallelism: ${parallelism}        # pods running in parallel
  completions: ${completions}      # items total
  backoffLimit: 10
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: processor
        image: worker:v1.0.0
`;

ruleTable('parallelism-exceeds-completions', {
  valid: [
    { name: "the guide's parallel Job (5 of 100)", text: job('5', '100') },
    { name: 'equal', text: job('4', '4') },
    { name: 'no completions: a work queue', text: job('5', '100').replace(/ {2}completions.*\n/, '') },
    { name: 'quoted numbers are the schema rules’ business', text: job('"9"', '3') },
    { name: 'completions 0 completes at once; nothing to lower to', text: job('2', '0') },
    { name: 'a fractional parallelism is the schema rules’ business', text: job('4.5', '3') },
    { name: 'a fractional completions is the schema rules’ business', text: job('4', '3.5') },
    { name: 'spec is a list', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec: [parallelism, completions]\n' },
    {
      name: 'a Job with a jobTemplate key is still read at spec',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 1\n  completions: 1\n  jobTemplate:\n    spec:\n      parallelism: 9\n      completions: 1\n',
    },
  ],
  invalid: [
    {
      name: 'parallelism above completions',
      text: job('«10»', '3'),
      messageId: 'exceeds',
      message:
        'parallelism 10 is greater than completions 3: at most 3 pods ever run at once, so the extra parallelism is never used. Lower parallelism to 3, or raise completions if more work items are intended.',
      fixes: ['Lower parallelism to 3'],
      output: job('3', '3'),
      preferred: true,
      safe: true,
    },
    {
      name: 'completions 1: one pod at a time',
      text: job('«2»', '1'),
      messageId: 'exceeds',
      message: /^parallelism 2 is greater than completions 1:/,
      output: job('1', '1'),
    },
    {
      name: "inside a CronJob's jobTemplate",
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "*/15 * * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completions: 2\n      parallelism: «6»  # too many\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
      messageId: 'exceeds',
      output:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "*/15 * * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completions: 2\n      parallelism: 2  # too many\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: "a:1"}]\n',
    },
  ],
});
