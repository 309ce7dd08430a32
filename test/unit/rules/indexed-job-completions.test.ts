import { ruleTable } from '../helpers/ruleTester';
import { INDEXED_PROCESSOR } from './guide-examples';

// The guide's Indexed Parallel Job and Parallel Document Ingestion.
const GUIDE_INDEXED = INDEXED_PROCESSOR;
const GUIDE_INGEST = `apiVersion: batch/v1
kind: Job
metadata:
  name: document-ingest
spec:
  completions: 100        # 100 batches to process
  parallelism: 10         # 10 parallel workers
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: ingest
        image: doc-processor:v1
`;

ruleTable('indexed-job-completions', {
  valid: [
    { name: "the guide's indexed processor", text: GUIDE_INDEXED },
    { name: 'an empty spec while typing', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n' },
    { name: "the guide's document ingestion", text: GUIDE_INGEST },
    {
      name: 'NonIndexed without completions is a work queue',
      text: GUIDE_INGEST.replace('completionMode: Indexed', 'completionMode: NonIndexed').replace(/ {2}completions.*\n/, ''),
    },
    {
      name: 'CronJob with completions in its jobTemplate',
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      completionMode: Indexed\n      completions: 4\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: a:1\n',
    },
  ],
  invalid: [
    {
      name: 'no completions: placeholder from parallelism',
      text: GUIDE_INDEXED.replace('  completions: 10\n', '').replace('completionMode: Indexed', 'completionMode: «Indexed»'),
      messageId: 'missing',
      message:
        'completionMode is Indexed but completions is not set: the API server rejects an Indexed Job without completions. Set completions to the number of indexes (pods 0 to completions-1).',
      fix: 'Add completions: 3',
      preferred: true,
      output: `${GUIDE_INDEXED.replace('  completions: 10\n', '')}  completions: 3\n`,
      // With snippet edits the count is a tab stop to type over.
      snippet: `${GUIDE_INDEXED.replace('  completions: 10\n', '')}  completions: \${1:3}\n`,
    },
    {
      name: 'an empty completions is not set',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: «Indexed»\n  completions:\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
      messageId: 'missing',
      fix: 'Add completions: 2',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'parallelism 0 gives no count: one completion',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: «Indexed»\n  parallelism: 0\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
      messageId: 'missing',
      fixes: ['Add completions: 1'],
    },
    {
      name: 'no parallelism either: one completion',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: «"Indexed"»\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n',
      messageId: 'missing',
      fix: 'Add completions: 1',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completionMode: "Indexed"\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: "a:1"}]\n  completions: 1\n',
    },
    {
      name: "inside a CronJob's jobTemplate",
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completionMode: «Indexed»\n      parallelism: 2\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: a:1\n',
      messageId: 'missing',
      fix: 'Add completions: 2',
      output:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completionMode: Indexed\n      parallelism: 2\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: a:1\n      completions: 2\n',
    },
  ],
});
