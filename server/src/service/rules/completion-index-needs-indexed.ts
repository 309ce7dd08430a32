// completion-index-needs-indexed: the pod reads its completion index, but the Job is not Indexed,
// so the index is never set. Checked in Jobs and in a CronJob's jobTemplate.
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import type { JsonPath } from '../manifest/types';
import { containersOf, podSpecPath } from '../k8s/podSpec';
import type { DocEdit, Fix, Rule } from './types';
import { keepsYamlValid } from '../refactors/text';
import { isObject } from '../k8s/labels';

/** The downward-API field Kubernetes sets on each pod of an Indexed Job (annotation, and label since 1.28). */
const INDEX_FIELD = /^metadata\.(annotations|labels)\[\s*['"]batch\.kubernetes\.io\/job-completion-index['"]\s*\]$/;
/** The environment variable Kubernetes sets in every container of an Indexed Job. */
const INDEX_VAR = /\bJOB_COMPLETION_INDEX\b/;

interface IndexUse {
  readonly path: JsonPath;
  readonly what: string;
}

/** The first place the pod reads its completion index, if any. */
export function findIndexUse(value: unknown, kind: string): IndexUse | undefined {
  const podSpec = podSpecPath(kind);
  if (!podSpec) return undefined;
  for (const { container, path } of containersOf(value, kind)) {
    const env = Array.isArray(container.env) ? container.env : [];
    // A container that defines JOB_COMPLETION_INDEX itself does not rely on Kubernetes setting it.
    const definesVar = env.some((e) => isObject(e) && e.name === 'JOB_COMPLETION_INDEX');
    for (let i = 0; i < env.length; i++) {
      const e = env[i];
      if (!isObject(e)) continue;
      const fieldPath = getAt(e, ['valueFrom', 'fieldRef', 'fieldPath']);
      if (typeof fieldPath === 'string' && INDEX_FIELD.test(fieldPath.trim()))
        return { path: [...path, 'env', i, 'valueFrom', 'fieldRef', 'fieldPath'], what: `env ${String(e.name)} from ${fieldPath}` };
      if (!definesVar && typeof e.value === 'string' && INDEX_VAR.test(e.value))
        return { path: [...path, 'env', i, 'value'], what: `env ${String(e.name)} uses JOB_COMPLETION_INDEX` };
    }
    if (definesVar) continue;
    for (const key of ['command', 'args'] as const) {
      const list = container[key];
      if (!Array.isArray(list)) continue;
      const i = list.findIndex((s) => typeof s === 'string' && INDEX_VAR.test(s));
      if (i >= 0) return { path: [...path, key, i], what: `${key} uses JOB_COMPLETION_INDEX` };
    }
  }
  // A downward-API volume (plain or projected) exposing the index as a file.
  const volumes = getAt(value, [...podSpec, 'volumes']);
  if (Array.isArray(volumes)) {
    for (let v = 0; v < volumes.length; v++) {
      const vol = volumes[v];
      if (!isObject(vol)) continue;
      const itemLists: [JsonPath, unknown][] = [[['downwardAPI', 'items'], getAt(vol, ['downwardAPI', 'items'])]];
      const sources = getAt(vol, ['projected', 'sources']);
      if (Array.isArray(sources))
        sources.forEach((_s, si) =>
          itemLists.push([['projected', 'sources', si, 'downwardAPI', 'items'], getAt(sources, [si, 'downwardAPI', 'items'])]),
        );
      for (const [itemsPath, items] of itemLists) {
        if (!Array.isArray(items)) continue;
        for (let i = 0; i < items.length; i++) {
          const fieldPath = getAt(items[i], ['fieldRef', 'fieldPath']);
          if (typeof fieldPath === 'string' && INDEX_FIELD.test(fieldPath.trim()))
            return {
              path: [...podSpec, 'volumes', v, ...itemsPath, i, 'fieldRef', 'fieldPath'],
              what: `volume ${String(vol.name)} from ${fieldPath}`,
            };
        }
      }
    }
  }
  return undefined;
}

/** Two insertions at the same offset, as one edit (the order of equal-position edits is not portable). */
function mergeInserts(edits: DocEdit[]): DocEdit[] {
  const out: DocEdit[] = [];
  for (const e of edits) {
    const same = out.findIndex((o) => o.start === o.end && e.start === e.end && o.start === e.start);
    if (same >= 0) out[same] = { ...out[same], newText: out[same].newText + e.newText };
    else out.push(e);
  }
  return out;
}

export const completionIndexNeedsIndexed: Rule = {
  meta: {
    id: 'completion-index-needs-indexed',
    name: 'Completion index read outside an Indexed Job',
    severity: 'error',
    kinds: ['Job', 'CronJob'],
    description:
      'The pod reads its completion index (JOB_COMPLETION_INDEX or the job-completion-index annotation) but completionMode is not Indexed.',
    rationale:
      "Kubernetes gives each pod an index (0, 1, 2, …) in the JOB_COMPLETION_INDEX variable and the batch.kubernetes.io/job-completion-index annotation only when completionMode is Indexed. In a NonIndexed Job the variable is empty and a fieldRef to the annotation has nothing to read, so every pod would process the same partition. The guide's indexed processor and parallel ingestion Jobs set completionMode: Indexed for exactly this.",
    guideSection: 'Advanced Job Features — Indexed Parallel Jobs',
    fixable: true,
    onPatch: 'skip',
    messages: {
      notIndexed:
        'The pod reads its completion index ({{what}}) but completionMode is {{mode}}: Kubernetes sets the index only in Indexed Jobs, so every pod would see the same (empty) value. Set completionMode: Indexed.',
    },
    example: {
      invalid:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: indexed-processor\nspec:\n  completions: 10\n  parallelism: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: worker\n        image: processor:v1\n        command: ["./process.sh", "--partition=$(JOB_COMPLETION_INDEX)"]\n',
      fixed:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: indexed-processor\nspec:\n  completions: 10\n  parallelism: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: worker\n        image: processor:v1\n        command: ["./process.sh", "--partition=$(JOB_COMPLETION_INDEX)"]\n  completionMode: Indexed\n',
    },
  },
  check(ctx) {
    const kind = ctx.object?.kind ?? '';
    const jobSpec = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    const spec = getAt(ctx.value, jobSpec);
    if (!isObject(spec)) return;
    const mode = spec.completionMode;
    if (mode !== undefined && mode !== null && mode !== 'NonIndexed') return; // Indexed, or an invalid value for the schema rules
    const use = findIndexUse(ctx.value, kind);
    if (!use) return;
    const hasCompletions = spec.completions !== undefined && spec.completions !== null;
    const p = spec.parallelism;
    const count = typeof p === 'number' && Number.isInteger(p) && p > 0 ? p : 1;
    const setMode = replaceValue(ctx.doc, [...jobSpec, 'completionMode'], 'Indexed');
    const addCompletions = hasCompletions ? [] : replaceValue(ctx.doc, [...jobSpec, 'completions'], String(count));
    const fixes: Fix[] = [];
    const edits = setMode && addCompletions ? keepsYamlValid(ctx.doc, mergeInserts([...setMode, ...addCompletions])) : undefined;
    if (edits)
      fixes.push({
        title: hasCompletions ? 'Set completionMode: Indexed' : `Set completionMode: Indexed and completions: ${count}`,
        edits,
        isPreferred: true,
      });
    const [start, end] = rangeOfValue(ctx.doc, use.path);
    ctx.report({
      start,
      end,
      messageId: 'notIndexed',
      data: { what: use.what, mode: mode === 'NonIndexed' ? 'NonIndexed' : 'not set (NonIndexed)' },
      fixes,
    });
  },
};
