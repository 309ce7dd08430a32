// data-mount-path: a well-known stateful image (PostgreSQL, MySQL, MongoDB, Redis, Qdrant, …)
// whose persistent volume — a StatefulSet claim template or a PersistentVolumeClaim — is mounted
// where the image does not keep its data. The data then lives on the container's own disk and is
// gone after a restart: the guide's "Data lost on restart — wrong volumeMount path".
import { DATA_DIRECTORIES, dataDirectoryOf, mountHoldsData, type DataDirectory } from '../guide/dataDirectories';
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceString } from './fixText';
import { containersOf, podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule } from './types';

/** Names of the pod's volumes that outlive it: claim templates (StatefulSet) and PVC volumes. */
function persistentVolumes(value: unknown, kind: string, spec: readonly (string | number)[]): Set<string> {
  const out = new Set<string>();
  if (kind === 'StatefulSet') {
    const templates = getAt(value, ['spec', 'volumeClaimTemplates']);
    if (Array.isArray(templates))
      for (const t of templates) {
        const n = getAt(t, ['metadata', 'name']);
        if (typeof n === 'string' && n) out.add(n);
      }
  }
  const volumes = getAt(value, [...spec, 'volumes']);
  if (Array.isArray(volumes))
    for (const v of volumes) {
      const n = getAt(v, ['name']);
      if (typeof n === 'string' && n && getAt(v, ['persistentVolumeClaim']) !== undefined) {
        out.add(n);
      } else if (typeof n === 'string') out.delete(n); // a pod volume of the same name wins over a claim template
    }
  return out;
}

/** "/var/lib/mysql", "set by --data-dir", "/var/lib/postgresql/data (18+: /var/lib/postgresql/<major>/docker)". */
function dataDirectoryText(d: DataDirectory): string {
  const how = [d.env, d.flag === 'server' ? '`minio server <dir>`' : d.flag].filter(Boolean).join(' or ');
  const base = d.path ? `\`${d.path}\`` : `set by ${how}`;
  const variants = (d.byMajor ?? []).map(
    (v) => `${v.min !== undefined ? `${v.min}+` : `up to ${v.max}`}: \`${v.path.replace('{major}', '<major>')}\``,
  );
  return variants.length ? `${base} (${variants.join(', ')})` : base;
}

export const dataMountPath: Rule = {
  meta: {
    id: 'data-mount-path',
    name: 'Persistent volume not where the image keeps its data',
    severity: 'warning',
    kinds: POD_KINDS,
    description:
      "A well-known stateful image's persistent volume (claim template or PVC) is mounted where the image does not keep its data (PostgreSQL /var/lib/postgresql/data, MySQL /var/lib/mysql, MongoDB /data/db, Qdrant /qdrant/storage, …).",
    rationale:
      'The guide\'s StatefulSet common issue "Data lost on restart": the volumeMount path is wrong. A claim template gives every pod ' +
      'its own PersistentVolumeClaim, but only what is written below its mountPath lands on it; a database that writes elsewhere ' +
      "writes to the container's own disk, and a restarted pod starts empty. The rule follows the settings that move the data " +
      '(PGDATA, --data-dir, `minio server <dir>`, …). PostgreSQL 18 and later keep it in `/var/lib/postgresql/<major>/docker` and ' +
      'want the volume at /var/lib/postgresql; up to 17, a volume at /var/lib/postgresql misses the data, which goes to the ' +
      "image's own VOLUME /var/lib/postgresql/data. Re-packaged images (bitnami/…) keep their data elsewhere and are not judged. " +
      "Where each image keeps its data, from the image's own documentation: " +
      DATA_DIRECTORIES.map((d) => `${d.product} (\`${d.repositories[0]}\`) ${dataDirectoryText(d)} — ${d.source}`).join('; ') +
      '.',
    guideSection: 'StatefulSet › Common Issues',
    fixable: true,
    onPatch: 'skip',
    messages: {
      elsewhere:
        "{{product}} keeps its data in {{dataDir}} ({{via}}), but the persistent volume {{volume}} is mounted at {{mountPath}}: the data stays on the container's disk and is lost when the pod restarts. Mount {{volume}} at {{target}}.",
      shadowed:
        "{{product}} keeps its data in {{dataDir}} below the image's own VOLUME {{imageVolume}}, so the persistent volume {{volume}} at {{mountPath}} does not hold it: the container runtime gives {{imageVolume}} a volume of its own, lost with the container. Mount {{volume}} at {{target}}.",
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n      - name: postgres\n        image: postgres:16.4\n' +
        '        volumeMounts:\n        - name: data\n          mountPath: /data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n' +
        '      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10Gi\n',
      fixed:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels:\n      app: postgres\n' +
        '  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n      - name: postgres\n        image: postgres:16.4\n' +
        '        volumeMounts:\n        - name: data\n          mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n' +
        '      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 10Gi\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const spec = podSpecPath(kind);
    if (!spec) return;
    const persistent = persistentVolumes(ctx.value, kind, spec);
    if (persistent.size === 0) return;
    for (const { container, path, list } of containersOf(ctx.value, kind)) {
      if (list !== 'containers') continue;
      const data = dataDirectoryOf(container);
      if (!data) continue;
      const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
      const persistentMounts = mounts
        .map((m, i) => ({ name: getAt(m, ['name']), mountPath: getAt(m, ['mountPath']), i }))
        .filter(
          (m): m is { name: string; mountPath: string; i: number } =>
            typeof m.name === 'string' && persistent.has(m.name) && typeof m.mountPath === 'string',
        );
      if (persistentMounts.length === 0) continue;
      const verdicts = persistentMounts.map((m) => mountHoldsData(m.mountPath, data));
      if (verdicts.includes('yes')) continue;
      const first = persistentMounts[0];
      const mountPathPath = [...path, 'volumeMounts', first.i, 'mountPath'];
      const [start, end] = rangeOfValue(ctx.doc, mountPathPath);
      // another mount already at the target would make the fix a duplicate mountPath, which the API server rejects
      const taken = mounts.some((m, i) => i !== first.i && getAt(m, ['mountPath']) === data.mountPath);
      const fixes: Fix[] = [];
      const edits = taken ? undefined : replaceString(ctx.doc, mountPathPath, data.mountPath);
      if (edits) fixes.push({ title: `Mount ${first.name} at ${data.mountPath}`, edits, isPreferred: true });
      ctx.report({
        start,
        end,
        messageId: verdicts[0] === 'shadowed' ? 'shadowed' : 'elsewhere',
        data: {
          product: data.product,
          dataDir: data.dataDir,
          via: data.via,
          volume: first.name,
          mountPath: first.mountPath,
          target: data.mountPath,
          imageVolume: data.imageVolume ?? '',
        },
        fixes,
      });
    }
  },
};
