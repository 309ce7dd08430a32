// volume-without-source: a pod volume that sets no source. The API server does not reject it:
// SetDefaults_Volume (pkg/apis/core/v1/defaults.go) turns it into an empty emptyDir, so a
// `configMap:` left empty by an indentation slip mounts an empty directory instead of the config.
import { insertPair } from '../manifest/edit';
import { rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { nullKeys, objectItems, own, setKeys } from './podParts';
import { podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';
import { VOLUME_SOURCES } from './volume-source';

export const volumeWithoutSource: Rule = {
  meta: {
    id: 'volume-without-source',
    name: 'Volume without a source becomes an emptyDir',
    severity: 'warning',
    kinds: POD_KINDS,
    description:
      'A pod volume sets no source — none at all, or only an empty one such as `configMap:` with nothing under it — so Kubernetes makes it an empty emptyDir.',
    rationale:
      'The API server does not reject a volume without a source: its defaulting turns it into `emptyDir: {}`. That is rarely what was ' +
      'meant. The usual cause is indentation — `configMap:` followed by `name: web` at the same column makes `name` the volume’s name ' +
      'again and leaves `configMap` empty (null) — and the pod then starts with an empty directory where its configuration or data should be. ' +
      'Write `emptyDir: {}` when an empty scratch directory is the point (`emptyDir:` alone is fine too), or fill in the source meant.',
    guideSection: 'Kubernetes API',
    source: '`SetDefaults_Volume`, pkg/apis/core/v1/defaults.go (a volume whose sources are all unset becomes an emptyDir)',
    fixable: true,
    onPatch: {
      skipMessages: ['noSource'],
      skipped: 'a volume that names no source at all (a patch may name a volume only to change or delete it)',
    },
    messages: {
      noSource:
        'Volume {{name}} names no source, so Kubernetes makes it an empty emptyDir — write `emptyDir: {}` if that is meant, or add the source ' +
        '(configMap, secret, persistentVolumeClaim…).',
      emptySource:
        'Volume {{name}} has `{{source}}:` with nothing under it, which Kubernetes reads as no source: the volume becomes an empty emptyDir. ' +
        'Indent the fields of {{source}} under it.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '    volumeMounts:\n    - name: scratch\n      mountPath: /scratch\n  volumes:\n  - name: scratch\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n' +
        '    volumeMounts:\n    - name: scratch\n      mountPath: /scratch\n  volumes:\n  - name: scratch\n    emptyDir: {}\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec) return;
    for (const { item: volume, path } of objectItems(ctx.value, [...spec, 'volumes'])) {
      if (setKeys(volume, VOLUME_SOURCES).length > 0) continue;
      const name = typeof own(volume, 'name') === 'string' ? (own(volume, 'name') as string) : '(unnamed)';
      // `emptyDir:` alone is an emptyDir either way.
      const empty = nullKeys(volume, VOLUME_SOURCES).filter((k) => k !== 'emptyDir');
      if (nullKeys(volume, ['emptyDir']).length > 0) continue;
      if (empty.length > 0) {
        const [start, end] = rangeOfKey(ctx.doc, [...path, empty[0]]);
        ctx.report({ start, end, messageId: 'emptySource', data: { name, source: empty[0] } });
        continue;
      }
      const [start, end] = rangeOfValue(ctx.doc, [...path, 'name']);
      const edits = insertPair(ctx.doc, path, 'emptyDir', '{}');
      ctx.report({
        start,
        end,
        messageId: 'noSource',
        data: { name },
        // It changes nothing the cluster does, but a source may have been meant: not for fix-all.
        fixes: edits ? [{ title: 'Write emptyDir: {} (what Kubernetes uses)', edits, isPreferred: true, safe: false }] : [],
      });
    }
  },
};
