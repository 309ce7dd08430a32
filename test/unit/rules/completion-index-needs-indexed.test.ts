import { ruleTable } from '../helpers/ruleTester';
import { DOCUMENT_INGEST, INDEXED_PROCESSOR } from './guide-examples';

const GUIDE_INDEXED = INDEXED_PROCESSOR;
const GUIDE_INGEST = DOCUMENT_INGEST;
const NOT_INDEXED = GUIDE_INDEXED.replace('  completionMode: Indexed  # Enable JOB_COMPLETION_INDEX\n', '');
const FIELD = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

ruleTable('completion-index-needs-indexed', {
  valid: [
    { name: "the guide's indexed processor", text: GUIDE_INDEXED },
    { name: "the guide's document ingestion", text: GUIDE_INGEST },
    {
      name: 'a container that sets JOB_COMPLETION_INDEX itself',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n        env:\n        - name: JOB_COMPLETION_INDEX\n          value: "0"\n        args: ["--shard=$(JOB_COMPLETION_INDEX)"]\n',
    },
    {
      name: 'a word that only contains the name',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n        args: ["--no-MY_JOB_COMPLETION_INDEXES"]\n',
    },
  ],
  invalid: [
    {
      name: 'fieldRef to the annotation without completionMode: completions already set',
      text: NOT_INDEXED.replace(`fieldPath: ${FIELD}`, `fieldPath: «${FIELD}»`),
      messageId: 'notIndexed',
      message: `The pod reads its completion index (env JOB_INDEX from ${FIELD}) but completionMode is not set (NonIndexed): Kubernetes sets the index only in Indexed Jobs, so every pod would see the same (empty) value. Set completionMode: Indexed.`,
      fix: 'Set completionMode: Indexed',
      preferred: true,
      output: `${NOT_INDEXED}  completionMode: Indexed\n`,
    },
    {
      name: 'NonIndexed written out, JOB_COMPLETION_INDEX in a shell command: the value is replaced',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completions: 4\n  completionMode: NonIndexed  # was copied\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: busybox:1.36\n        command:\n        - sh\n        - -c\n        - «echo shard $JOB_COMPLETION_INDEX»\n',
      messageId: 'notIndexed',
      message: /\(command uses JOB_COMPLETION_INDEX\) but completionMode is NonIndexed:/,
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completions: 4\n  completionMode: Indexed  # was copied\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: busybox:1.36\n        command:\n        - sh\n        - -c\n        - echo shard $JOB_COMPLETION_INDEX\n',
    },
    {
      name: 'no completions either: both keys are added in one edit',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n        args: [«"--index=$(JOB_COMPLETION_INDEX)"»]\n',
      messageId: 'notIndexed',
      fix: 'Set completionMode: Indexed and completions: 5',
      preferred: true,
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: a:1\n        args: ["--index=$(JOB_COMPLETION_INDEX)"]\n  completionMode: Indexed\n  completions: 5\n',
    },
    {
      name: "a downward-API volume in a CronJob's jobTemplate (label form)",
      text: "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: '@daily'\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completions: 3\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: a:1\n          volumes:\n          - name: podinfo\n            downwardAPI:\n              items:\n              - path: index\n                fieldRef:\n                  fieldPath: «metadata.labels['batch.kubernetes.io/job-completion-index']»\n",
      messageId: 'notIndexed',
      message: /volume podinfo from metadata\.labels/,
      output:
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: '@daily'\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      completions: 3\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: a\n            image: a:1\n          volumes:\n          - name: podinfo\n            downwardAPI:\n              items:\n              - path: index\n                fieldRef:\n                  fieldPath: metadata.labels['batch.kubernetes.io/job-completion-index']\n      completionMode: Indexed\n",
    },
  ],
});
