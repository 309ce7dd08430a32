// Deployment → DaemonSet: kind (and apiVersion apps/v1), replicas dropped (one pod per node),
// strategy → updateStrategy, the Deployment-only fields removed.
import { getAt } from '../manifest/navigate';
import { removePair } from '../manifest/edit';
import type { DocEdit } from '../rules/types';
import { DEPLOYMENT_ONLY_FIELDS, mergeSamePosition } from './deploymentToStatefulSet';
import { strategyEdits } from './strategy';
import { setKindAndVersion } from './text';
import type { Refactor } from './types';

export const deploymentToDaemonSet: Refactor = {
  id: 'deployment-to-daemonset',
  from: 'Deployment',
  to: 'DaemonSet',
  title: 'Convert to DaemonSet',
  edits({ doc }) {
    const spec = getAt(doc.value, ['spec']);
    if (doc.object?.kind !== 'Deployment' || !spec || typeof spec !== 'object' || Array.isArray(spec)) return undefined;
    const retarget = setKindAndVersion(doc, 'DaemonSet', 'apps/v1');
    if (!retarget) return undefined;
    const edits: DocEdit[] = [...retarget];
    for (const field of ['replicas', ...DEPLOYMENT_ONLY_FIELDS]) {
      if (getAt(doc.value, ['spec', field]) === undefined) continue;
      const e = removePair(doc, ['spec', field]);
      if (!e) return undefined;
      edits.push(...e);
    }
    const strategy = strategyEdits(doc, 'DaemonSet');
    if (!strategy) return undefined;
    edits.push(...strategy);
    return mergeSamePosition(edits);
  },
};
