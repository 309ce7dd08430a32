import { ruleTable } from '../helpers/ruleTester';

const cron = (schedule: string) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: ${schedule}
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup-tool:v1.0.0
`;
const TAIL = ' Write five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *".';

ruleTable('invalid-cron-schedule', {
  valid: [
    // The guide's schedules and its cron examples.
    ...['"0 2 * * *"  # Daily at 2am', '"0 3 * * *"', '"0 * * * *"', '"*/15 * * * *"', '"0 0 * * 0"', '"0 9 1 * *"'].map((s) => ({
      name: s,
      text: cron(s),
    })),
    { name: 'names, ranges, steps and ?', text: cron("'30 8-18/2 ? JAN-jun mon-FRI'") },
    { name: 'macros', text: cron('"@weekly"') },
    { name: '@every', text: cron('"@every 1h30m"') },
    { name: 'a TZ= prefix is invalid-time-zone’s business, not a cron error', text: cron('"TZ=UTC 0 2 * * *"') },
    { name: 'a number schedule is the schema rules’ business', text: cron('5') },
    { name: 'not a CronJob', text: cron('"0 25 * * *"').replace('kind: CronJob', 'kind: Job') },
  ],
  invalid: [
    {
      name: 'hour out of range',
      text: cron('«"0 24 * * *"»'),
      messageId: 'invalid',
      message: `Invalid cron schedule "0 24 * * *": hour: 24 is out of range 0-23.${TAIL}`,
    },
    {
      name: 'a seconds field',
      text: cron('«"0 0 2 * * *"»  # six fields'),
      messageId: 'invalid',
      message: /^Invalid cron schedule "0 0 2 \* \* \*": expected exactly 5 fields, found 6 — Kubernetes has no seconds field/,
    },
    {
      name: 'Sunday as 7 names the day-of-week field',
      text: cron("«'0 0 * * 7'»"),
      messageId: 'invalid',
      message: /day-of-week: 7 is out of range 0-6 \(Sunday is 0; 7 is not accepted\)/,
    },
    { name: 'a Quartz extension', text: cron('«0 0 L * ?»'), messageId: 'invalid', message: /day-of-month: "L" uses a cron extension/ },
    { name: 'an unknown macro', text: cron('«"@reboot"»'), messageId: 'invalid', message: /unknown descriptor "@reboot"/ },
    { name: 'an empty schedule', text: cron('«""»'), messageId: 'invalid', message: /the schedule is empty/ },
    {
      name: "in the second document, a month name that isn't one",
      text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ops\n---\n${cron('«"0 0 1 JANUARY *"»')}`,
      messageId: 'invalid',
      message: /month: "JANUARY" is not a number/,
    },
  ],
});
