// Where well-known stateful images keep their data, each from the image's own documentation: the
// guide's "Data lost on restart — wrong volumeMount path" made checkable (rule data-mount-path).
// A persistent volume mounted anywhere else leaves the data on the container's own disk.
//
// Only images whose documentation names the directory are listed, matched by repository exactly
// (registry and `library/` aside): a re-packaged image (bitnami/postgresql keeps its data in
// /bitnami/postgresql) is not the official one and is not judged.
import { isObject } from '../k8s/labels';

export interface DataDirectory {
  /** What the user calls it. */
  readonly product: string;
  /** Repositories without registry or tag (`postgres`, `qdrant/qdrant`, `elasticsearch/elasticsearch`). */
  readonly repositories: readonly string[];
  /** The data directory inside the container (undefined: only from `fromArgs` / `env`). */
  readonly path?: string;
  /** The path to mount the volume at, when it is not `path` itself (PostgreSQL 18+: the parent). */
  readonly mountPath?: string;
  /**
   * A VOLUME the image declares above the data: a persistent volume mounted above it is shadowed
   * by the runtime's own volume for it (PostgreSQL ≤ 17's /var/lib/postgresql/data).
   */
  readonly imageVolume?: string;
  /** An environment variable that moves the data directory (PGDATA). */
  readonly env?: string;
  /** A command-line flag whose value is the data directory (`--data-dir`), or `server` for MinIO's positional path. */
  readonly flag?: string;
  /** The image's documentation of it. */
  readonly source: string;
  /**
   * Variants by the image tag's major version (`16.4-alpine` → 16; `latest`, no tag or a digest
   * count as the newest): the first that matches replaces path, mountPath and imageVolume.
   */
  readonly byMajor?: readonly {
    readonly min?: number;
    readonly max?: number;
    /** `{major}` is replaced by the tag's major version */
    readonly path: string;
    readonly mountPath?: string;
    readonly imageVolume?: string;
  }[];
}

export const DATA_DIRECTORIES: readonly DataDirectory[] = [
  {
    product: 'PostgreSQL',
    repositories: ['postgres'],
    path: '/var/lib/postgresql/data',
    imageVolume: '/var/lib/postgresql/data',
    env: 'PGDATA',
    // 18 and later: PGDATA=/var/lib/postgresql/<major>/docker, VOLUME /var/lib/postgresql
    byMajor: [
      { min: 18, path: '/var/lib/postgresql/{major}/docker', mountPath: '/var/lib/postgresql', imageVolume: '/var/lib/postgresql' },
    ],
    source: 'https://hub.docker.com/_/postgres (PGDATA)',
  },
  { product: 'MySQL', repositories: ['mysql'], path: '/var/lib/mysql', source: 'https://hub.docker.com/_/mysql (Where to Store Data)' },
  {
    product: 'MariaDB',
    repositories: ['mariadb'],
    path: '/var/lib/mysql',
    source: 'https://hub.docker.com/_/mariadb (Where to Store Data)',
  },
  { product: 'MongoDB', repositories: ['mongo'], path: '/data/db', source: 'https://hub.docker.com/_/mongo (Where to Store Data)' },
  {
    product: 'Redis',
    repositories: ['redis'],
    path: '/data',
    flag: '--dir',
    source: 'https://hub.docker.com/_/redis (start with persistent storage)',
  },
  { product: 'Valkey', repositories: ['valkey/valkey'], path: '/data', flag: '--dir', source: 'https://hub.docker.com/r/valkey/valkey' },
  {
    product: 'Qdrant',
    repositories: ['qdrant/qdrant'],
    path: '/qdrant/storage',
    env: 'QDRANT__STORAGE__STORAGE_PATH',
    source: 'https://qdrant.tech/documentation/guides/installation/ (Docker)',
  },
  {
    product: 'Elasticsearch',
    repositories: ['elasticsearch', 'elasticsearch/elasticsearch'],
    path: '/usr/share/elasticsearch/data',
    source: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/docker.html (Always bind data volumes)',
  },
  {
    product: 'OpenSearch',
    repositories: ['opensearchproject/opensearch'],
    path: '/usr/share/opensearch/data',
    source: 'https://opensearch.org/docs/latest/install-and-configure/install-opensearch/docker/',
  },
  {
    product: 'RabbitMQ',
    repositories: ['rabbitmq'],
    path: '/var/lib/rabbitmq',
    source: 'https://hub.docker.com/_/rabbitmq (How to use this image)',
  },
  {
    product: 'Cassandra',
    repositories: ['cassandra'],
    path: '/var/lib/cassandra',
    source: 'https://hub.docker.com/_/cassandra (Where to Store Data)',
  },
  {
    product: 'etcd',
    repositories: ['coreos/etcd', 'etcd', 'etcd-development/etcd'],
    env: 'ETCD_DATA_DIR',
    flag: '--data-dir',
    source: 'https://etcd.io/docs/v3.5/op-guide/container/ (--data-dir)',
  },
  {
    product: 'MinIO',
    repositories: ['minio/minio'],
    flag: 'server',
    source:
      'https://min.io/docs/minio/container/operations/install-deploy-manage/deploy-minio-single-node-single-drive.html (minio server /data)',
  },
  {
    product: 'ClickHouse',
    repositories: ['clickhouse/clickhouse-server', 'yandex/clickhouse-server'],
    path: '/var/lib/clickhouse',
    source: 'https://hub.docker.com/r/clickhouse/clickhouse-server (Volumes)',
  },
  {
    product: 'Neo4j',
    repositories: ['neo4j'],
    path: '/data',
    source: 'https://neo4j.com/docs/operations-manual/current/docker/mounting-volumes/',
  },
  {
    product: 'Milvus',
    repositories: ['milvusdb/milvus'],
    path: '/var/lib/milvus',
    source: 'https://milvus.io/docs/install_standalone-docker-compose.md (volumes: /var/lib/milvus)',
  },
  {
    product: 'Weaviate',
    repositories: ['semitechnologies/weaviate'],
    path: '/var/lib/weaviate',
    env: 'PERSISTENCE_DATA_PATH',
    source: 'https://docs.weaviate.io/deploy/configuration/persistence (PERSISTENCE_DATA_PATH /var/lib/weaviate)',
  },
  { product: 'ZooKeeper', repositories: ['zookeeper'], path: '/data', source: 'https://hub.docker.com/_/zookeeper (Where to store data)' },
  {
    product: 'CouchDB',
    repositories: ['couchdb'],
    path: '/opt/couchdb/data',
    source: 'https://hub.docker.com/_/couchdb (Where to Store Data)',
  },
  {
    product: 'InfluxDB',
    repositories: ['influxdb'],
    path: '/var/lib/influxdb2',
    byMajor: [{ max: 1, path: '/var/lib/influxdb' }],
    source: 'https://hub.docker.com/_/influxdb (2.x: /var/lib/influxdb2; 1.x: /var/lib/influxdb)',
  },
  {
    product: 'Prometheus',
    repositories: ['prom/prometheus'],
    path: '/prometheus',
    flag: '--storage.tsdb.path',
    source: 'https://prometheus.io/docs/prometheus/latest/installation/ (Volumes & bind-mount: /prometheus)',
  },
  {
    product: 'Grafana',
    repositories: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    path: '/var/lib/grafana',
    env: 'GF_PATHS_DATA',
    source: 'https://grafana.com/docs/grafana/latest/setup-grafana/installation/docker/ (persistent storage)',
  },
];

/** What a container's image and settings say about where its data lives. */
export interface ResolvedDataDirectory {
  readonly product: string;
  /** The repository the image matched (`postgres`). */
  readonly repository: string;
  readonly dataDir: string;
  /** Where a persistent volume belongs. */
  readonly mountPath: string;
  readonly imageVolume?: string;
  /** How the data directory was found, for messages: "the image's default", "PGDATA", "--data-dir". */
  readonly via: string;
  readonly source: string;
}

/** `docker.io/library/postgres:16.4@sha256:…` → { repository: 'postgres', tag: '16.4' }. */
export function parseImage(image: string): { repository: string; tag?: string } {
  let rest = image.trim().replace(/@.*$/, '');
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  // a first component with a dot, a port or `localhost` is a registry
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  // registries that mirror Docker Hub paths under a prefix (registry.k8s.io/etcd, quay.io/coreos/etcd)
  return { repository: parts.join('/').toLowerCase(), tag };
}

/** The major version of a tag (`16.4-alpine` → 16, `v1.7.0` → 1); undefined for `latest`, `alpine`, none. */
export function tagMajor(tag: string | undefined): number | undefined {
  const m = tag ? /^v?(\d+)(?:[.-]|$)/.exec(tag) : null;
  return m ? Number(m[1]) : undefined;
}

type Obj = Record<string, unknown>;

/** The value of `--flag=x`, `--flag x` (or MinIO's `server x`) in the container's command and args, shell strings included. */
function flagValue(container: Obj, flag: string): string | undefined {
  const words: string[] = [];
  for (const key of ['command', 'args']) {
    const list = container[key];
    if (Array.isArray(list)) for (const a of list) if (typeof a === 'string') words.push(...a.split(/\s+/).filter(Boolean));
  }
  for (let i = 0; i < words.length; i++) {
    if (words[i].startsWith(`${flag}=`)) return words[i].slice(flag.length + 1);
    if (words[i] === flag) {
      // MinIO: `server [--flags…] /data`
      let j = i + 1;
      if (flag === 'server') while (j < words.length && words[j].startsWith('-')) j += words[j].includes('=') ? 1 : 2;
      return words[j];
    }
  }
  return undefined;
}

function envValue(container: Obj, name: string): string | undefined {
  const env = container.env;
  if (!Array.isArray(env)) return undefined;
  for (const e of env) if (isObject(e) && e.name === name && typeof e.value === 'string' && e.value !== '') return e.value;
  return undefined;
}

/** Where this container keeps its data, when its image is in the table and the directory is known. */
export function dataDirectoryOf(container: unknown): ResolvedDataDirectory | undefined {
  if (!isObject(container) || typeof container.image !== 'string') return undefined;
  const { repository, tag } = parseImage(container.image);
  const entry = DATA_DIRECTORIES.find((d) => d.repositories.includes(repository));
  if (!entry) return undefined;
  const major = tagMajor(tag) ?? Infinity;
  const variant = entry.byMajor?.find((v) => (v.min === undefined || major >= v.min) && (v.max === undefined || major <= v.max));
  let path = variant ? variant.path.replace('{major}', String(major)) : entry.path;
  let mountPath = variant ? (variant.mountPath ?? path) : (entry.mountPath ?? entry.path);
  const imageVolume = variant ? variant.imageVolume : entry.imageVolume;
  let via = "the image's default";
  // `latest` PostgreSQL 18+: the major is not known, so neither is the exact directory below the mount
  if (path?.includes('Infinity')) path = variant?.mountPath;
  const fromEnv = entry.env ? envValue(container, entry.env) : undefined;
  const fromFlag = entry.flag ? flagValue(container, entry.flag) : undefined;
  if (fromFlag && fromFlag.startsWith('/') && !/[{$]/.test(fromFlag)) {
    path = fromFlag;
    mountPath = fromFlag;
    via = entry.flag === 'server' ? '`minio server`' : `\`${entry.flag}\``;
  } else if (fromEnv && fromEnv.startsWith('/') && !fromEnv.includes('$')) {
    path = fromEnv;
    mountPath = fromEnv;
    via = entry.env!;
  }
  if (!path || !mountPath) return undefined;
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return {
    product: entry.product,
    repository,
    dataDir: norm(path),
    mountPath: norm(mountPath),
    imageVolume,
    via,
    source: entry.source,
  };
}

const under = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

/**
 * Whether a volume mounted at `mountPath` holds the data: it contains the data directory, and no
 * VOLUME the image declares sits between them (the runtime would give that one its own volume).
 */
export function mountHoldsData(mountPath: string, d: ResolvedDataDirectory): 'yes' | 'elsewhere' | 'shadowed' {
  const m = mountPath.length > 1 ? mountPath.replace(/\/+$/, '') : mountPath;
  if (!under(d.dataDir, m)) return 'elsewhere';
  if (d.imageVolume && d.imageVolume !== m && under(d.imageVolume, m) && under(d.dataDir, d.imageVolume)) return 'shadowed';
  return 'yes';
}
