// Deployment → Job, for a Deployment whose pods run to completion (a migration, a backup):
// kind and apiVersion batch/v1, the fields a Job does not have dropped (replicas, strategy,
// selector — a Job makes its own —, minReadySeconds, revisionHistoryLimit,
// progressDeadlineSeconds, paused) and the pod's restartPolicy set to Never (a Job refuses Always).
import { getAt } from '../manifest/navigate';
import { removePair, replaceValue } from '../manifest/edit';
import { podSpecPath } from '../k8s/podSpec';
import type { DocEdit } from '../rules/types';
import { mergeSamePosition } from './deploymentToStatefulSet';
import { setScalar } from './text';
import type { Refactor } from './types';

const NOT_IN_JOB = [
  'replicas',
  'strategy',
  'selector',
  'minReadySeconds',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'paused',
] as const;

export const deploymentToJob: Refactor = {
  id: 'deployment-to-job',
  from: 'Deployment',
  to: 'Job',
  title: 'Convert to Job',
  edits({ doc }) {
    const spec = getAt(doc.value, ['spec']);
    const podSpec = podSpecPath('Deployment')!;
    const pod = getAt(doc.value, podSpec);
    if (doc.object?.kind !== 'Deployment' || !spec || typeof spec !== 'object' || !pod || typeof pod !== 'object') return undefined;
    const edits: DocEdit[] = [];
    const add = (e: DocEdit | DocEdit[] | undefined): boolean => {
      if (!e) return false;
      edits.push(...(Array.isArray(e) ? e : [e]));
      return true;
    };
    if (!add(setScalar(doc, ['kind'], 'Job'))) return undefined;
    if (!add(setScalar(doc, ['apiVersion'], 'batch/v1'))) return undefined;
    for (const field of NOT_IN_JOB)
      if (getAt(doc.value, ['spec', field]) !== undefined && !add(removePair(doc, ['spec', field]))) return undefined;
    const restartPolicy = (pod as Record<string, unknown>).restartPolicy;
    if (restartPolicy !== 'Never' && restartPolicy !== 'OnFailure')
      if (!add(replaceValue(doc, [...podSpec, 'restartPolicy'], 'Never'))) return undefined;
    return mergeSamePosition(edits);
  },
};
