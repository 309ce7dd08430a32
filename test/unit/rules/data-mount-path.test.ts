import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleTable } from '../helpers/ruleTester';
import { GUIDE_MANIFESTS } from './guide-examples';
import { DATA_DIRECTORIES, dataDirectoryOf, parseImage, tagMajor } from '../../../server/src/service/guide/dataDirectories';

/** A StatefulSet of `image` whose claim template `data` is mounted at `mount` (container extras in `extra`). */
const sts = (image: string, mount: string, extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: ${image}
${extra}        volumeMounts:
        - name: data
          mountPath: ${mount}
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 10Gi
`;

const deployment = (image: string, mount: string, volume: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: ${image}
        volumeMounts:
        - name: store
          mountPath: ${mount}
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: store
${volume}
      - name: tmp
        emptyDir: {}
`;
const PVC = '        persistentVolumeClaim:\n          claimName: db-data';

/** A StatefulSet whose pod spec is `podSpec` (lines indented for the pod spec) with a claim template for each name in `claims`. */
const stsPod = (podSpec: string, claims: readonly string[] = ['data']) =>
  `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
${podSpec}` +
  (claims.length
    ? '  volumeClaimTemplates:\n' +
      claims
        .map(
          (c) =>
            `  - metadata:\n      name: ${c}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n`,
        )
        .join('')
    : '');
/** The pod spec lines of one container `db` of `image` with the given volumeMounts lines (none when empty). */
const db = (image: string, mounts = '') =>
  `      containers:\n      - name: db\n        image: ${image}\n` + (mounts ? `        volumeMounts:\n${mounts}` : '');
const mount = (name: string, path?: string) => `        - name: ${name}\n` + (path === undefined ? '' : `          mountPath: ${path}\n`);

ruleTable('data-mount-path', {
  valid: [
    ...Object.entries(GUIDE_MANIFESTS).map(([name, text]) => ({ name: `guide: ${name}`, text })),
    { name: 'PostgreSQL 16 at PGDATA', text: sts('postgres:16.4', '/var/lib/postgresql/data') },
    { name: 'PostgreSQL 18 at /var/lib/postgresql (its PGDATA is below)', text: sts('postgres:18.1', '/var/lib/postgresql') },
    { name: 'latest PostgreSQL at /var/lib/postgresql', text: sts('postgres', '/var/lib/postgresql') },
    {
      name: 'PGDATA moved to a subdirectory of the mount',
      text: sts(
        'postgres:16',
        '/var/lib/postgresql/data',
        '        env:\n        - name: PGDATA\n          value: /var/lib/postgresql/data/pgdata\n',
      ),
    },
    { name: 'a mount above the data directory holds it (MongoDB /data ⊃ /data/db)', text: sts('mongo:7.0', '/data') },
    { name: 'registry and library/ prefixes', text: sts('docker.io/library/mysql:8.4', '/var/lib/mysql') },
    { name: 'Qdrant', text: sts('qdrant/qdrant:v1.7.0', '/qdrant/storage') },
    { name: 're-packaged images are not judged', text: sts('bitnami/postgresql:16', '/bitnami/postgresql') },
    { name: 'unknown images are not judged', text: sts('ghcr.io/acme/app:1.0.0', '/data') },
    { name: 'etcd without --data-dir: the directory is unknown', text: sts('registry.k8s.io/etcd:3.5.15-0', '/srv') },
    {
      name: 'etcd with --data-dir under the mount',
      text: sts('quay.io/coreos/etcd:v3.5.15', '/var/lib/etcd', '        command: [etcd, --data-dir=/var/lib/etcd/data]\n'),
    },
    {
      name: 'MinIO serves the mounted directory',
      text: sts('minio/minio:RELEASE.2024-06-13T22-53-53Z', '/export', '        args: [server, /export]\n'),
    },
    { name: 'a PVC volume of a Deployment at the right path', text: deployment('mysql:8.4', '/var/lib/mysql', PVC) },
    { name: 'no persistent volume at all: not this rule', text: deployment('redis:7.2', '/cache', '        emptyDir: {}') },
    {
      name: 'a Deployment has no claim templates: its spec.volumeClaimTemplates claim nothing',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
${db('postgres:16', mount('data', '/data'))}  volumeClaimTemplates:
  - metadata:
      name: data
`,
    },
    {
      name: 'a pod volume of the same name wins over a claim template',
      text: stsPod(db('postgres:16', mount('data', '/data')) + '      volumes:\n      - name: data\n        emptyDir: {}\n'),
    },
    {
      name: 'an init container of a database image is not judged',
      text: stsPod(
        '      initContainers:\n      - name: init\n        image: postgres:16\n        volumeMounts:\n' +
          mount('data', '/data') +
          db('ghcr.io/acme/app:1.0', mount('data', '/data')),
      ),
    },
    { name: 'a database container that mounts no volume', text: stsPod(db('postgres:16')) },
    {
      name: 'a database container that mounts only a pod volume',
      text: stsPod(db('postgres:16', mount('tmp', '/tmp')) + '      volumes:\n      - name: tmp\n        emptyDir: {}\n'),
    },
    { name: 'a mount of the claim without a mountPath', text: stsPod(db('postgres:16', mount('data'))) },
    { name: 'a mount with a number for a mountPath', text: stsPod(db('postgres:16', mount('data', '5'))) },
    { name: 'a claim template and a mount of an empty name', text: stsPod(db('postgres:16', mount('""', '/data')), ['""']) },
    {
      name: 'a PVC volume of an empty name',
      text: stsPod(
        db('postgres:16', mount('""', '/data')) +
          '      volumes:\n      - name: ""\n        persistentVolumeClaim:\n          claimName: pg\n',
        [],
      ),
    },
    {
      name: 'one of two claims holds the data (the other is mounted first)',
      text: stsPod(db('postgres:16', mount('wal', '/wal') + mount('data', '/var/lib/postgresql/data')), ['data', 'wal']),
    },
    {
      name: 'a trailing slash on the right mountPath',
      text: stsPod(db('mysql:8.4', mount('data', '/var/lib/mysql/'))),
    },
  ],
  invalid: [
    {
      name: "the wizard's old PostgreSQL StatefulSet: claim at /data",
      text: sts('postgres:16.4', '«/data»'),
      messageId: 'elsewhere',
      message:
        "PostgreSQL keeps its data in /var/lib/postgresql/data (the image's default), but the persistent volume data is mounted at /data: the data stays on the container's disk and is lost when the pod restarts. Mount data at /var/lib/postgresql/data.",
      fix: 'Mount data at /var/lib/postgresql/data',
      preferred: true,
      output: sts('postgres:16.4', '/var/lib/postgresql/data'),
    },
    {
      name: 'PostgreSQL 18: the old path misses the version directory',
      text: sts('postgres:18.1-alpine', '«/var/lib/postgresql/data»'),
      messageId: 'elsewhere',
      message: /keeps its data in \/var\/lib\/postgresql\/18\/docker .* Mount data at \/var\/lib\/postgresql\.$/,
      output: sts('postgres:18.1-alpine', '/var/lib/postgresql'),
    },
    {
      name: "PostgreSQL 16 at /var/lib/postgresql: the image's own VOLUME takes the data",
      text: sts('postgres:16', '«/var/lib/postgresql»'),
      messageId: 'shadowed',
      message:
        "PostgreSQL keeps its data in /var/lib/postgresql/data below the image's own VOLUME /var/lib/postgresql/data, so the persistent volume data at /var/lib/postgresql does not hold it: the container runtime gives /var/lib/postgresql/data a volume of its own, lost with the container. Mount data at /var/lib/postgresql/data.",
      output: sts('postgres:16', '/var/lib/postgresql/data'),
    },
    {
      name: 'quoted mountPath, a PVC volume in a Deployment',
      text: deployment('mariadb:11', '«"/data"»', PVC),
      messageId: 'elsewhere',
      message: /MariaDB keeps its data in \/var\/lib\/mysql .*Mount store at \/var\/lib\/mysql\./,
      output: deployment('mariadb:11', '"/var/lib/mysql"', PVC),
    },
    {
      name: 'Qdrant at /data',
      text: sts('qdrant/qdrant:v1.7.0', '«/data»'),
      messageId: 'elsewhere',
      output: sts('qdrant/qdrant:v1.7.0', '/qdrant/storage'),
    },
    {
      name: 'etcd: --data-dir is followed',
      text: sts('quay.io/coreos/etcd:v3.5.15', '«/etcd-data»', '        command: [etcd, --data-dir, /var/lib/etcd]\n'),
      messageId: 'elsewhere',
      message: /etcd keeps its data in \/var\/lib\/etcd \(`--data-dir`\)/,
      output: sts('quay.io/coreos/etcd:v3.5.15', '/var/lib/etcd', '        command: [etcd, --data-dir, /var/lib/etcd]\n'),
    },
    {
      name: 'PGDATA outside the mount',
      text: sts('postgres:16', '«/var/lib/postgresql/data»', '        env:\n        - name: PGDATA\n          value: /pgdata\n'),
      messageId: 'elsewhere',
      message: /keeps its data in \/pgdata \(PGDATA\)/,
      output: sts('postgres:16', '/pgdata', '        env:\n        - name: PGDATA\n          value: /pgdata\n'),
    },
    {
      name: 'another mount already at the data directory: no fix, it would duplicate that mountPath',
      text: stsPod(
        db('postgres:16', mount('data', '«/data»') + mount('scratch', '/var/lib/postgresql/data')) +
          '      volumes:\n      - name: scratch\n        emptyDir: {}\n',
      ),
      messageId: 'elsewhere',
      message:
        "PostgreSQL keeps its data in /var/lib/postgresql/data (the image's default), but the persistent volume data is mounted at /data: the data stays on the container's disk and is lost when the pod restarts. Mount data at /var/lib/postgresql/data.",
      fixes: [],
    },
    {
      name: 'the claim mounted after a pod volume: its own mountPath is flagged and fixed',
      text: stsPod(
        db('redis:7.2', mount('tmp', '/tmp') + mount('data', '«/redis»')) + '      volumes:\n      - name: tmp\n        emptyDir: {}\n',
      ),
      messageId: 'elsewhere',
      message: /^Redis keeps its data in \/data .*persistent volume data is mounted at \/redis: .* Mount data at \/data\.$/,
      fixes: ['Mount data at /data'],
      safe: false,
      output: stsPod(
        db('redis:7.2', mount('tmp', '/tmp') + mount('data', '/data')) + '      volumes:\n      - name: tmp\n        emptyDir: {}\n',
      ),
    },
    {
      name: 'a StatefulSet without claim templates, with a PVC volume',
      text: stsPod(
        db('mongo:7.0', mount('store', '«/mongo»')) +
          '      volumes:\n      - name: store\n        persistentVolumeClaim:\n          claimName: mongo\n',
        [],
      ),
      messageId: 'elsewhere',
      message: /^MongoDB keeps its data in \/data\/db .* Mount store at \/data\/db\.$/,
      output: stsPod(
        db('mongo:7.0', mount('store', '/data/db')) +
          '      volumes:\n      - name: store\n        persistentVolumeClaim:\n          claimName: mongo\n',
        [],
      ),
    },
    {
      name: 'the second container is the database',
      text: stsPod(
        db('busybox:1.36', mount('data', '/data')) +
          '      - name: pg\n        image: postgres:16\n        volumeMounts:\n' +
          mount('data', '«/pg»'),
      ),
      messageId: 'elsewhere',
      fixes: ['Mount data at /var/lib/postgresql/data'],
    },
    {
      name: 'two claims, neither holds the data: the first mount is named',
      text: stsPod(db('postgres:16', mount('wal', '«/var/lib/postgresql»') + mount('data', '/pgdata')), ['data', 'wal']),
      messageId: 'shadowed',
      message:
        /^PostgreSQL keeps its data in \/var\/lib\/postgresql\/data below the image's own VOLUME \/var\/lib\/postgresql\/data, so the persistent volume wal at \/var\/lib\/postgresql does not hold it/,
      fixes: ['Mount wal at /var/lib/postgresql/data'],
    },
  ],
});

describe('data directories table', () => {
  test('every entry cites the image documentation and names a path, a flag or a variable', () => {
    for (const d of DATA_DIRECTORIES) {
      assert.match(d.source, /^https:\/\//, d.product);
      assert.ok(d.path || d.flag || d.env, d.product);
    }
    assert.ok(DATA_DIRECTORIES.length >= 15);
  });

  const images: [string, string, string | undefined][] = [
    ['postgres', 'postgres', undefined],
    ['postgres:16.4-alpine', 'postgres', '16.4-alpine'],
    ['docker.io/library/redis:7@sha256:abc', 'redis', '7'],
    ['localhost:5000/qdrant/qdrant:v1.7.0', 'qdrant/qdrant', 'v1.7.0'],
    ['docker.elastic.co/elasticsearch/elasticsearch:8.14.1', 'elasticsearch/elasticsearch', '8.14.1'],
  ];
  for (const [image, repository, tag] of images)
    test(`parseImage ${image}`, () => assert.deepEqual(parseImage(image), { repository, tag }));

  test('tag majors', () => {
    assert.equal(tagMajor('16.4-alpine'), 16);
    assert.equal(tagMajor('v1.7.0'), 1);
    assert.equal(tagMajor('latest'), undefined);
    assert.equal(tagMajor(undefined), undefined);
  });

  test('well-known directories', () => {
    const dir = (image: string) => dataDirectoryOf({ image })?.dataDir;
    assert.equal(dir('postgres:15'), '/var/lib/postgresql/data');
    assert.equal(dir('postgres:19'), '/var/lib/postgresql/19/docker');
    assert.equal(dir('mysql:8'), '/var/lib/mysql');
    assert.equal(dir('mongo:7'), '/data/db');
    assert.equal(dir('redis:7'), '/data');
    assert.equal(dir('qdrant/qdrant:v1.7.0'), '/qdrant/storage');
    assert.equal(dir('influxdb:1.8'), '/var/lib/influxdb');
    assert.equal(dir('influxdb:2.7'), '/var/lib/influxdb2');
    assert.equal(dir('cr.weaviate.io/semitechnologies/weaviate:1.25.0'), '/var/lib/weaviate');
    assert.equal(dir('minio/minio:latest'), undefined);
    assert.equal(dataDirectoryOf({ image: 'minio/minio', args: ['server', '--console-address', ':9001', '/data'] })?.dataDir, '/data');
  });
});
