// duplicate-mount-path: two volumeMounts of one container at the same mountPath. The API
// server's validateVolumeMounts keeps a set of the paths and rejects a repeat ("must be unique").
import { rangeOfValue } from '../manifest/navigate';
import { containersIn, objectItems, own } from './podParts';
import { POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';

export const duplicateMountPath: Rule = {
  meta: {
    id: 'duplicate-mount-path',
    name: 'Two volumeMounts at one mountPath',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A container mounts two volumes (or one volume twice) at the same `mountPath`.',
    rationale:
      'A directory of a container can hold one mount. The API server compares the `mountPath` strings of each container’s volumeMounts ' +
      'and rejects a repeat ("must be unique"). Mount the second volume elsewhere, or — to put files of several ConfigMaps or Secrets in ' +
      'one directory — use a projected volume, or `subPath` mounts of single files at different paths.',
    guideSection: 'Kubernetes API',
    source: '`validateVolumeMounts` (mountPath uniqueness), pkg/apis/core/validation/validation.go',
    fixable: false,
    onPatch: 'check',
    messages: {
      duplicate:
        'mountPath {{mountPath}} is used twice in container {{container}} (volumeMounts[{{first}}] {{firstName}} and volumeMounts[{{second}}] ' +
        '{{secondName}}): mount paths must be unique in a container.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    volumeMounts:\n' +
        '    - name: config\n      mountPath: /etc/web\n    - name: secrets\n      mountPath: /etc/web\n  volumes:\n' +
        '  - name: config\n    configMap:\n      name: web\n  - name: secrets\n    secret:\n      secretName: web\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    for (const { container, path, label } of containersIn(ctx.value, ctx.object.kind)) {
      if (!Array.isArray(own(container, 'volumeMounts'))) continue;
      const seen = new Map<string, { index: number; name: string }>();
      for (const { item: mount, path: mountPath, index } of objectItems(container, ['volumeMounts'])) {
        const at = own(mount, 'mountPath');
        if (typeof at !== 'string' || at === '') continue;
        const name = typeof own(mount, 'name') === 'string' ? (own(mount, 'name') as string) : '(unnamed)';
        const earlier = seen.get(at);
        if (!earlier) {
          seen.set(at, { index, name });
          continue;
        }
        const [start, end] = rangeOfValue(ctx.doc, [...path, ...mountPath, 'mountPath']);
        ctx.report({
          start,
          end,
          messageId: 'duplicate',
          data: { mountPath: at, container: label, first: earlier.index, firstName: earlier.name, second: index, secondName: name },
        });
      }
    }
  },
};
