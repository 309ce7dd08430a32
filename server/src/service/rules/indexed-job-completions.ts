// indexed-job-completions: completionMode Indexed without completions (the API server rejects it).
// Checked in Jobs and in a CronJob's jobTemplate, which the API server validates the same way.
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';

export const indexedJobCompletions: Rule = {
  meta: {
    id: 'indexed-job-completions',
    name: 'Indexed Job without completions',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description: 'completionMode is Indexed but completions is not set.',
    rationale:
      "An Indexed Job gives each pod a completion index from 0 to completions-1 (in the JOB_COMPLETION_INDEX variable and the job-completion-index annotation), so Kubernetes needs to know how many indexes there are: the API server rejects an Indexed Job without completions. The guide's indexed and parallel-ingestion Jobs always set both.",
    guideSection: 'Advanced Job Features — Indexed Parallel Jobs',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing:
        'completionMode is Indexed but completions is not set: the API server rejects an Indexed Job without completions. Set completions to the number of indexes (pods 0 to completions-1).',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: indexed-processor\nspec:\n  parallelism: 3\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: worker\n        image: processor:v1\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: indexed-processor\nspec:\n  parallelism: 3\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: worker\n        image: processor:v1\n  completions: 3\n',
    },
  },
  check(ctx) {
    const jobSpec = ctx.object?.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const spec = getAt(ctx.value, jobSpec) as Record<string, unknown> | undefined;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return;
    if (spec.completionMode !== 'Indexed') return;
    if (spec.completions !== undefined && spec.completions !== null) return;
    // One index per parallel pod is the natural placeholder; a single index otherwise.
    const p = spec.parallelism;
    const count = typeof p === 'number' && Number.isInteger(p) && p > 0 ? p : 1;
    const fixes: Fix[] = [];
    const edits = keepsYamlValid(ctx.doc, replaceValue(ctx.doc, [...jobSpec, 'completions'], String(count)));
    const snippet = replaceValue(ctx.doc, [...jobSpec, 'completions'], `\${1:${count}}`);
    if (edits) fixes.push({ title: `Add completions: ${count}`, edits, snippet, isPreferred: true });
    const [start, end] = rangeOfValue(ctx.doc, [...jobSpec, 'completionMode']);
    ctx.report({ start, end, messageId: 'missing', fixes });
  },
};
