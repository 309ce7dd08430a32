// volume-source: a pod volume says where its data comes from in one field (emptyDir, configMap,
// persistentVolumeClaim…). The schema lists them all as optional; the API server's
// validateVolumeSource counts the ones set and rejects more than one. (None is not rejected:
// SetDefaults_Volume makes such a volume an emptyDir — volume-without-source warns about that.)
import { rangeOfKey } from '../manifest/navigate';
import { objectItems, own, setKeys } from './podParts';
import { podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';

/** The volume sources of core/v1 Volume (every property but `name`), 1.30–1.35. */
export const VOLUME_SOURCES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'hostPath',
  'image',
  'iscsi',
  'nfs',
  'persistentVolumeClaim',
  'photonPersistentDisk',
  'portworxVolume',
  'projected',
  'quobyte',
  'rbd',
  'scaleIO',
  'secret',
  'storageos',
  'vsphereVolume',
] as const;

export const volumeSource: Rule = {
  meta: {
    id: 'volume-source',
    name: 'Volume with more than one source',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A pod volume names more than one source (emptyDir, configMap, secret, persistentVolumeClaim…).',
    rationale:
      'Each volume of a pod has one source, written as one field next to its name. The API server counts the sources that are set ' +
      'and rejects a volume with two ("may not specify more than 1 volume type"). Two sources usually mean two volumes were merged ' +
      'by an indentation slip or a lost `- name:` line: split them, each with its own name. (A volume with no source is not rejected: ' +
      'Kubernetes makes it an emptyDir — see volume-without-source.)',
    guideSection: 'Kubernetes API',
    source: '`validateVolumeSource` (called by `ValidateVolumes`), pkg/apis/core/validation/validation.go',
    fixable: false,
    onPatch: 'check',
    messages: {
      manySources:
        'Volume {{name}} names {{count}} sources ({{sources}}): the API server accepts only one per volume — split it into separate volumes.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '    volumeMounts:\n    - name: config\n      mountPath: /etc/web\n  volumes:\n  - name: config\n    configMap:\n      name: web\n' +
        '    secret:\n      secretName: web\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec) return;
    for (const { item: volume, path } of objectItems(ctx.value, [...spec, 'volumes'])) {
      // Null sources (`secret:` with nothing after it) are not set: Go decodes null into "absent".
      const sources = setKeys(volume, VOLUME_SOURCES);
      if (sources.length < 2) continue;
      const name = typeof own(volume, 'name') === 'string' ? (own(volume, 'name') as string) : '(unnamed)';
      const [start, end] = rangeOfKey(ctx.doc, [...path, sources[1]]);
      ctx.report({ start, end, messageId: 'manySources', data: { name, count: sources.length, sources: sources.join(', ') } });
    }
  },
};
