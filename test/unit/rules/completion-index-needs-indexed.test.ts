import { ruleTable } from '../helpers/ruleTester';
import { DOCUMENT_INGEST, INDEXED_PROCESSOR } from './guide-examples';

const GUIDE_INDEXED = INDEXED_PROCESSOR;
const GUIDE_INGEST = DOCUMENT_INGEST;
const NOT_INDEXED = GUIDE_INDEXED.replace('  completionMode: Indexed  # Enable JOB_COMPLETION_INDEX\n', '');
const FIELD = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

const head = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n';
const pod = (containers: string, extra = '') =>
  `  template:\n    spec:\n      restartPolicy: Never\n      containers:\n${containers}${extra}`;
const envJob = (env: string) => `${head}  completions: 2\n${pod(`      - name: a\n        image: a:1\n        env:\n${env}`)}`;

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
    {
      name: 'a Job without a spec',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n',
    },
    {
      name: 'completionMode with a value the schema rules report is left to them',
      text: `${head}  completions: 2\n  completionMode: Sharded\n${pod('      - name: a\n        image: a:1\n        args: ["$(JOB_COMPLETION_INDEX)"]\n')}`,
    },
    {
      name: 'the name only as the end or the start of a longer word',
      text: `${head}${pod('      - name: a\n        image: a:1\n        args: ["$MY_JOB_COMPLETION_INDEX", "$JOB_COMPLETION_INDEXES"]\n')}`,
    },
    {
      name: 'other env vars, fieldRefs and downward-API items are not the index',
      text: envJob(
        '        - name: POD\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.name\n        - name: MODE\n          value: fast\n        - name: RAW\n          value: "xmetadata.annotations[\'batch.kubernetes.io/job-completion-index\']"\n        - name: LIMIT\n          valueFrom:\n            resourceFieldRef:\n              resource: limits.cpu\n      volumes:\n      - name: info\n        downwardAPI:\n          items:\n          - path: cpu\n            resourceFieldRef:\n              containerName: a\n              resource: limits.cpu\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n',
      ),
    },
    {
      name: 'a fieldPath that only starts or ends like the index annotation',
      text: envJob(
        `        - name: A\n          valueFrom:\n            fieldRef:\n              fieldPath: "x${FIELD}"\n        - name: B\n          valueFrom:\n            fieldRef:\n              fieldPath: "${FIELD}x"\n`,
      ),
    },
    {
      name: 'a container that sets JOB_COMPLETION_INDEX itself may use it in another variable',
      text: envJob(
        '        - name: JOB_COMPLETION_INDEX\n          value: "0"\n        - name: SHARD\n          value: shard-$(JOB_COMPLETION_INDEX)\n',
      ),
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
    {
      name: 'an env value built from the variable (after an empty entry)',
      text: envJob(
        '        - null\n        - name: MODE\n          value: fast\n        - name: SHARD\n          value: «shard-$(JOB_COMPLETION_INDEX)»\n',
      ),
      messageId: 'notIndexed',
      message:
        'The pod reads its completion index (env SHARD uses JOB_COMPLETION_INDEX) but completionMode is not set (NonIndexed): Kubernetes sets the index only in Indexed Jobs, so every pod would see the same (empty) value. Set completionMode: Indexed.',
      fixes: ['Set completionMode: Indexed'],
    },
    {
      name: 'another env var does not define the index: the command still reads it',
      text: `${head}  completions: 2\n${pod('      - name: a\n        image: a:1\n        env:\n        - name: MODE\n          value: fast\n        command: ["run", «"--shard=$(JOB_COMPLETION_INDEX)"»]\n')}`,
      messageId: 'notIndexed',
      message: /\(command uses JOB_COMPLETION_INDEX\)/,
    },
    {
      name: 'the first container defines the variable, the second reads it from Kubernetes',
      text: `${head}  completions: 2\n${pod('      - name: a\n        image: a:1\n        env:\n        - name: JOB_COMPLETION_INDEX\n          value: "0"\n        args: ["$(JOB_COMPLETION_INDEX)"]\n      - name: b\n        image: b:1\n        args: ["x", «"$(JOB_COMPLETION_INDEX)"»]\n')}`,
      messageId: 'notIndexed',
      message: /\(args uses JOB_COMPLETION_INDEX\) but completionMode is not set \(NonIndexed\)/,
    },
    {
      name: 'double quotes and spaces in the fieldPath',
      text: envJob(
        `        - name: IDX\n          valueFrom:\n            fieldRef:\n              fieldPath: «metadata.annotations[ "batch.kubernetes.io/job-completion-index" ]»\n`,
      ),
      messageId: 'notIndexed',
      message: /\(env IDX from metadata\.annotations\[ "batch\.kubernetes\.io\/job-completion-index" \]\)/,
    },
    {
      name: 'a fieldPath with spaces around it',
      text: envJob(`        - name: IDX\n          valueFrom:\n            fieldRef:\n              fieldPath: «" ${FIELD} "»\n`),
      messageId: 'notIndexed',
    },
    {
      name: 'a downward-API item with spaces around its fieldPath',
      text: `${head}  completions: 2\n${pod(
        '      - name: a\n        image: a:1\n',
        `      volumes:\n      - name: info\n        downwardAPI:\n          items:\n          - path: index\n            fieldRef:\n              fieldPath: «" ${FIELD}"»\n`,
      )}`,
      messageId: 'notIndexed',
      message: /\(volume info from {2}metadata\.annotations/,
    },
    {
      name: 'a projected downward-API source',
      text: `${head}  completions: 2\n${pod(
        '      - name: a\n        image: a:1\n',
        `      volumes:\n      - name: cfg\n        configMap:\n          name: c\n      - name: all\n        projected:\n          sources:\n          - configMap:\n              name: c\n          - downwardAPI:\n              items:\n              - path: name\n                fieldRef:\n                  fieldPath: metadata.name\n              - path: index\n                fieldRef:\n                  fieldPath: «${FIELD}»\n`,
      )}`,
      messageId: 'notIndexed',
      message: `The pod reads its completion index (volume all from ${FIELD}) but completionMode is not set (NonIndexed): Kubernetes sets the index only in Indexed Jobs, so every pod would see the same (empty) value. Set completionMode: Indexed.`,
    },
    {
      name: 'completionMode and completions left empty: both are set, completions from the default parallelism',
      text: `${head}  completions:\n  completionMode:\n${pod('      - name: a\n        image: a:1\n        args: [«"$(JOB_COMPLETION_INDEX)"»]\n')}`,
      messageId: 'notIndexed',
      message: /but completionMode is not set \(NonIndexed\):/,
      fixes: ['Set completionMode: Indexed and completions: 1'],
      output: `${head}  completions: 1\n  completionMode: Indexed\n${pod('      - name: a\n        image: a:1\n        args: ["$(JOB_COMPLETION_INDEX)"]\n')}`,
    },
    {
      name: 'NonIndexed written out and no completions: the value is replaced and completions added',
      text: `${head}  parallelism: 0\n  completionMode: NonIndexed\n${pod('      - name: a\n        image: a:1\n        args: [«"$(JOB_COMPLETION_INDEX)"»]\n')}`,
      messageId: 'notIndexed',
      fixes: ['Set completionMode: Indexed and completions: 1'],
      output: `${head}  parallelism: 0\n  completionMode: Indexed\n${pod('      - name: a\n        image: a:1\n        args: ["$(JOB_COMPLETION_INDEX)"]\n')}  completions: 1\n`,
    },
    {
      name: 'a parallelism that is not a whole number gives completions: 1',
      text: `${head}  parallelism: 2.5\n${pod('      - name: a\n        image: a:1\n        args: [«"$(JOB_COMPLETION_INDEX)"»]\n')}`,
      messageId: 'notIndexed',
      fixes: ['Set completionMode: Indexed and completions: 1'],
    },
  ],
});
