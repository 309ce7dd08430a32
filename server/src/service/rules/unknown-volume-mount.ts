// unknown-volume-mount: a volumeMount whose name matches no volume of the pod and (StatefulSet)
// no volumeClaimTemplate. The API server rejects the pod template.
import { getAt, rangeOfValue } from '../manifest/navigate';
import { containersOf, podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';
import { replaceString } from './fixText';
import { editDistance } from '../text/distance';

function names(list: unknown, path: readonly string[]): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => getAt(item, path)).filter((n): n is string => typeof n === 'string' && n !== '');
}

export const unknownVolumeMount: Rule = {
  meta: {
    id: 'unknown-volume-mount',
    name: 'volumeMount names no volume',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A container volumeMount names no volume of the pod and, in a StatefulSet, no volumeClaimTemplate.',
    rationale:
      "A volumeMount refers to a volume by name: one in the pod spec's volumes, or — in a StatefulSet — a volumeClaimTemplate, " +
      'which gives every pod its own PersistentVolumeClaim (data-postgres-0, data-postgres-1…). A name that matches neither is ' +
      'rejected by the API server; a typo here is the usual cause of the guide\'s "data lost on restart" and "pod won\'t start" issues.',
    guideSection: 'StatefulSet › Common Issues',
    fixable: true,
    onPatch: 'skip',
    messages: {
      unknown:
        'volumeMount {{name}} in container {{container}} names no {{where}} ({{known}}) — rename it{{suggestion}} or add the volume.',
      none: 'volumeMount {{name}} in container {{container}} names no volume: this pod defines no {{where}} — add one named {{name}}.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '    volumeMounts:\n    - name: confg\n      mountPath: /etc/web\n  volumes:\n  - name: config\n    configMap:\n      name: web\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '    volumeMounts:\n    - name: config\n      mountPath: /etc/web\n  volumes:\n  - name: config\n    configMap:\n      name: web\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const spec = podSpecPath(kind);
    if (!spec) return;
    const volumes = names(getAt(ctx.value, [...spec, 'volumes']), ['name']);
    const claims = kind === 'StatefulSet' ? names(getAt(ctx.value, ['spec', 'volumeClaimTemplates']), ['metadata', 'name']) : [];
    const known = [...new Set([...volumes, ...claims])];
    const where = kind === 'StatefulSet' ? 'volume or volumeClaimTemplate' : 'volume';
    for (const { container, path } of containersOf(ctx.value, kind)) {
      const mounts = container.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      mounts.forEach((m, i) => {
        const name = getAt(m, ['name']);
        if (typeof name !== 'string' || name === '' || known.includes(name)) return;
        const namePath = [...path, 'volumeMounts', i, 'name'];
        const [start, end] = rangeOfValue(ctx.doc, namePath);
        const cname = typeof container.name === 'string' ? container.name : `#${Number(path[path.length - 1]) + 1}`;
        if (known.length === 0) {
          ctx.report({
            start,
            end,
            messageId: 'none',
            data: { name, container: cname, where: kind === 'StatefulSet' ? 'volumes and no volumeClaimTemplates' : 'volumes' },
          });
          return;
        }
        const ranked = known.map((k) => ({ k, d: editDistance(name, k) })).sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
        const best = ranked[0];
        const unique = ranked.length === 1 || ranked[1].d > best.d;
        // A rename is a guess; it is the obvious one when the name is a near miss of exactly one candidate.
        const close = best.d <= Math.max(2, Math.floor(name.length / 3));
        const fixes: Fix[] = [];
        for (const { k } of ranked.slice(0, 3)) {
          const edits = replaceString(ctx.doc, namePath, k);
          if (edits) fixes.push({ title: `Rename to ${k}`, edits, isPreferred: k === best.k && unique && close });
        }
        ctx.report({
          start,
          end,
          messageId: 'unknown',
          data: {
            name,
            container: cname,
            where,
            known: `${kind === 'StatefulSet' ? 'known' : 'volumes'}: ${known.join(', ')}`,
            suggestion: close ? ` to ${best.k}` : '',
          },
          fixes,
        });
      });
    }
  },
};
