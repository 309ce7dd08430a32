// Allowed values narrowed to what the API server accepts in this kind. The schema's table lists
// what a field accepts anywhere (a PodSpec's restartPolicy: Always, OnFailure, Never), but a
// controller's validation accepts less in its pod template — offering the rest would suggest
// exactly what job-restart-policy and long-running-restart-policy then flag.
import { podSpecPath, type Path } from '../k8s/podSpec';
import { entryOf } from '../text/tables';

/** restartPolicy values each kind's pod template accepts (the guide's choice first). */
const POD_RESTART_POLICIES: Readonly<Record<string, readonly string[]>> = {
  Job: ['Never', 'OnFailure'],
  CronJob: ['Never', 'OnFailure'],
  Deployment: ['Always'],
  StatefulSet: ['Always'],
  DaemonSet: ['Always'],
  ReplicaSet: ['Always'],
  ReplicationController: ['Always'],
};

/** The allowed `values` of the field at `path` of a `kind` object, without those the kind rejects there. */
export function valuesForKind(kind: string | undefined, path: Path, values: readonly string[] | undefined): readonly string[] | undefined {
  if (!values || !kind) return values;
  const accepted = entryOf(POD_RESTART_POLICIES, kind);
  const spec = podSpecPath(kind);
  const isPodRestartPolicy =
    accepted && spec && path.length === spec.length + 1 && path[spec.length] === 'restartPolicy' && spec.every((seg, i) => path[i] === seg);
  return isPodRestartPolicy ? accepted.filter((v) => values.includes(v)) : values;
}
