import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageRepositoryName } from '../../../server/src/service/rules/workload-kind-advice';
import { ruleTable } from '../helpers/ruleTester';
import { API_SERVER } from './guide-examples';

/** A Deployment with one container; `pod` adds pod-spec lines, `container` container lines. */
const deployment = (o: { name?: string; kind?: string; replicas?: number; image: string; container?: string; pod?: string }) => {
  const name = o.name ?? 'app';
  return `apiVersion: apps/v1
kind: ${o.kind ?? 'Deployment'}
metadata:
  name: ${name}
spec:
${o.replicas !== undefined ? `  replicas: ${o.replicas}\n` : ''}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${o.pod ?? ''}      containers:
      - name: main
        image: ${o.image}
${o.container ?? ''}`;
};
const KIND = (s: string) => s.replace(/^kind: (\w+)$/m, 'kind: «$1»');

// The guide's own examples of the kinds the rule checks.
const GUIDE_DEPLOYMENT = API_SERVER;
const GUIDE_NODE_EXPORTER = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      tolerations:
      # Run on all nodes including control plane
      - operator: Exists
      containers:
      - name: node-exporter
        image: prom/node-exporter:v1.6.0
`;
const GUIDE_MIGRATE = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
spec:
  backoffLimit: 3
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: myapp:v1.0.0
        command: ["python", "manage.py", "migrate"]
`;

const QDRANT = deployment({
  name: 'qdrant',
  replicas: 3,
  image: 'qdrant/qdrant:v1.7.0',
  container: '        ports:\n        - containerPort: 6333\n          name: http\n',
});

const RWO_CLAIM = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`;

ruleTable('workload-kind-advice', {
  valid: [
    { name: "the guide's Deployment (a stateless API)", text: GUIDE_DEPLOYMENT },
    { name: "the guide's node-exporter DaemonSet", text: GUIDE_NODE_EXPORTER },
    { name: "the guide's db-migrate Job", text: GUIDE_MIGRATE },
    { name: 'a StatefulSet is not checked', text: QDRANT.replace('kind: Deployment', 'kind: StatefulSet') },
    { name: 'an exporter is not its database', text: deployment({ image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0' }) },
    { name: 'a name that contains a database word', text: deployment({ image: 'ghcr.io/acme/my-postgres-app:1.2' }) },
    {
      name: 'a client tool from a database image',
      text: deployment({ image: 'postgres:16', container: '        command: ["psql", "-c", "select 1"]\n' }),
    },
    {
      name: 'migrations first, then the server',
      text: deployment({ image: 'myapp:2', container: '        command: ["sh", "-c", "python manage.py migrate && gunicorn app:app"]\n' }),
    },
    {
      name: 'a migrate command in a container that serves a port',
      text: deployment({ image: 'myapp:2', container: '        args: ["migrate"]\n        ports:\n        - containerPort: 80\n' }),
    },
    {
      name: 'replicas sharing a ReadWriteMany claim (NFS) is what a Deployment does',
      text: `${deployment({ replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' })}${RWO_CLAIM.replace('[ReadWriteOnce]', '[ReadWriteMany]')}`,
    },
    {
      name: 'a claim defined elsewhere: no evidence it is per replica',
      text: deployment({
        replicas: 2,
        image: 'nginx:1.27',
        pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: elsewhere\n',
      }),
    },
    {
      name: 'one replica on a ReadWriteOnce claim',
      text: `${deployment({ replicas: 1, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' })}${RWO_CLAIM}`,
    },
    {
      name: 'a worker with a backup option is not a backup',
      text: deployment({
        image: 'acme/worker:3',
        container: '        args: ["python", "worker.py", "--backup-dir=/data", "--restore-on-start"]\n',
      }),
    },
    {
      name: 'a migration step that starts a server afterwards',
      text: deployment({ image: 'acme/app:3', container: '        command: ["sh", "-c", "rails db:migrate; exec rails s -b 0.0.0.0"]\n' }),
    },
    {
      name: 'hostNetwork alone (an ingress controller)',
      text: deployment({ image: 'ingress-nginx/controller:v1.10', pod: '      hostNetwork: true\n' }),
    },
    {
      name: 'a Job running a backup from a database image',
      text: GUIDE_MIGRATE.replace(
        'image: myapp:v1.0.0\n        command: ["python", "manage.py", "migrate"]',
        'image: postgres:16\n        command: ["pg_dump", "-f", "/backup/db.sql"]',
      ),
    },
    { name: 'a DaemonSet log collector', text: deployment({ kind: 'DaemonSet', image: 'fluent/fluentd:v1.16' }) },
  ],
  invalid: [
    {
      name: "the guide's vector database as a Deployment → StatefulSet (with the conversion)",
      text: KIND(QDRANT),
      messageId: 'statefulImage',
      message:
        'This Deployment runs qdrant/qdrant:v1.7.0, a vector database. The guide asks "Does it need a stable network identity?" — databases, brokers and vector stores usually do: a StatefulSet gives each replica a stable name (qdrant-0, qdrant-1, …), its own DNS record and its own volume. A throwaway cache that keeps no data may stay a Deployment.',
      fix: 'Convert to StatefulSet',
      output: `${QDRANT.replace('kind: Deployment', 'kind: StatefulSet').replace('spec:\n  replicas: 3', 'spec:\n  serviceName: qdrant\n  replicas: 3')}---
apiVersion: v1
kind: Service
metadata:
  name: qdrant
spec:
  clusterIP: None
  selector:
    app: qdrant
  ports:
  - port: 6333
    name: http
`,
    },
    {
      name: 'redis as a cache is advised too (the guide lists caches under StatefulSet), at information level',
      text: KIND(deployment({ name: 'redis-master', image: 'registry.k8s.io/redis:e2e' })),
      messageId: 'statefulImage',
      message:
        /runs registry\.k8s\.io\/redis:e2e, a stateful key-value store\..*A throwaway cache that keeps no data may stay a Deployment\.$/,
    },
    {
      name: 'a registry with a port and a digest',
      text: KIND(deployment({ image: 'registry.local:5000/db/postgres@sha256:0123456789abcdef' })),
      messageId: 'statefulImage',
      message: /, a database\. /,
    },
    {
      name: 'replicas sharing a ReadWriteOnce claim → StatefulSet with a claim template copied from the claim',
      text: `${KIND(deployment({ name: 'web', replicas: 3, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' }))}${RWO_CLAIM}`,
      messageId: 'sharedClaim',
      message:
        'These 3 replicas share the ReadWriteOnce claim shared, which only one node can mount. The guide asks "Does it need a stable network identity?" — for per-replica storage use a StatefulSet with volumeClaimTemplates, so each replica gets its own claim.',
      fix: 'Convert to StatefulSet',
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: main
        image: nginx:1.27
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 5Gi
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
  selector:
    app: web
${RWO_CLAIM}`,
    },
    {
      name: 'a migration that runs to completion → Job (with the conversion)',
      text: KIND(deployment({ image: 'myapp:2', container: '        command: ["python", "manage.py", "migrate"]\n' })),
      messageId: 'runsToCompletion',
      message:
        'This Deployment looks like a batch task: its command runs "python manage.py migrate". The guide asks "Is this a batch task that runs to completion?" — if yes, use a Job (a CronJob if it runs on a schedule): a Deployment restarts the pod every time it finishes.',
      fix: 'Convert to Job',
      output:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: app\nspec:\n  template:\n    metadata:\n      labels:\n        app: app\n    spec:\n      containers:\n      - name: main\n        image: myapp:2\n        command: ["python", "manage.py", "migrate"]\n      restartPolicy: Never\n',
    },
    {
      name: 'knex migrate:latest as the last step',
      text: KIND(deployment({ image: 'acme/api:3', container: '        command: ["sh", "-c", "npm ci && npx knex migrate:latest"]\n' })),
      messageId: 'runsToCompletion',
      message: /its command runs "npx knex migrate:latest"/,
    },
    {
      name: 'restartPolicy OnFailure → Job',
      text: KIND(deployment({ image: 'myapp:2', pod: '      restartPolicy: OnFailure\n' })),
      messageId: 'runsToCompletion',
      message: /: restartPolicy is OnFailure\. /,
    },
    {
      name: 'a backup script as the last step',
      text: KIND(
        deployment({
          image: 'backup-tool:v1',
          container: '        command:\n        - sh\n        - -c\n        - |\n          set -e\n          ./backup.sh --all\n',
        }),
      ),
      messageId: 'runsToCompletion',
      message: /its command runs "\.\/backup\.sh --all"/,
    },
    {
      name: 'a node-exporter Deployment → DaemonSet (with the conversion)',
      text: KIND(deployment({ name: 'node-exporter', replicas: 2, image: 'prom/node-exporter:v1.6.0' })),
      messageId: 'nodeAgent',
      message:
        'This Deployment looks like a node agent (the node-exporter image). The guide asks "Must it run on every node?" — log collectors and monitoring agents do: a DaemonSet runs one pod on each node, including nodes added later.',
      fix: 'Convert to DaemonSet',
      output: deployment({ name: 'node-exporter', kind: 'DaemonSet', image: 'prom/node-exporter:v1.6.0' }),
    },
    {
      name: 'hostPath /var/log',
      text: KIND(
        deployment({ image: 'acme/shipper:3', pod: '      volumes:\n      - name: logs\n        hostPath:\n          path: /var/log\n' }),
      ),
      messageId: 'nodeAgent',
      message: /\(hostPath \/var\/log\)/,
    },
    {
      name: 'hostNetwork and a toleration of every taint',
      text: KIND(deployment({ image: 'acme/agent:3', pod: '      hostNetwork: true\n      tolerations:\n      - operator: Exists\n' })),
      messageId: 'nodeAgent',
      message: /\(hostNetwork, a toleration of every taint\)/,
    },
    {
      name: 'a Job that starts a database server never completes',
      text: KIND(GUIDE_MIGRATE.replace('image: myapp:v1.0.0\n        command: ["python", "manage.py", "migrate"]', 'image: mongo:7')),
      messageId: 'jobRunsServer',
      message:
        'This Job runs mongo:7, a database, with its default command: a server never exits, so the Job never completes. The guide asks "Is this a batch task that runs to completion?" — if not, use a StatefulSet (or a Deployment); to run a one-off task from this image, set its command.',
    },
    {
      name: 'a database on every node',
      text: KIND(deployment({ kind: 'DaemonSet', image: 'docker.io/library/cassandra:5' })),
      messageId: 'daemonSetServer',
      message:
        /runs docker\.io\/library\/cassandra:5, a database, on every node\. The guide asks "Does it need a stable network identity\?" before "Must it run on every node\?"/,
    },
  ],
});

describe('imageRepositoryName', () => {
  it('takes the last path part without tag or digest', () => {
    assert.deepEqual(
      [
        'postgres',
        'postgres:15',
        'docker.io/library/redis:7.2',
        'registry.local:5000/db/postgres@sha256:00',
        'qdrant/qdrant:v1.7.0',
        'Bitnami/MongoDB',
      ].map(imageRepositoryName),
      ['postgres', 'postgres', 'redis', 'postgres', 'qdrant', 'mongodb'],
    );
  });
});

// What the rule promises to recognize, name by name (the guide's kinds of stateful servers and
// node agents, and the commands that run to completion), each in the smallest manifest that shows
// it: a name dropped from the rule's lists, or a pattern loosened or tightened, fails here.
const STATEFUL: readonly [image: string, what: string][] = [
  ...['postgres', 'postgresql', 'pgvector', 'timescaledb', 'mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server'].map(
    (n) => [n, 'database'] as [string, string],
  ),
  ...[
    'mongo',
    'mongodb',
    'cassandra',
    'scylla',
    'cockroach',
    'cockroachdb',
    'couchdb',
    'couchbase',
    'neo4j',
    'influxdb',
    'clickhouse-server',
  ].map((n) => [n, 'database'] as [string, string]),
  ...['redis', 'redis-stack-server', 'valkey', 'keydb', 'etcd', 'zookeeper', 'consul'].map(
    (n) => [n, 'stateful key-value store'] as [string, string],
  ),
  ...['elasticsearch', 'opensearch', 'solr'].map((n) => [n, 'search engine that stores its index'] as [string, string]),
  ...['kafka', 'rabbitmq', 'nats', 'nats-streaming', 'pulsar', 'activemq', 'artemis'].map((n) => [n, 'message broker'] as [string, string]),
  ...['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb'].map((n) => [n, 'vector database'] as [string, string]),
];
const NODE_AGENTS = [
  'node-exporter',
  'fluentd',
  'fluent-bit',
  'fluentd-elasticsearch',
  'filebeat',
  'metricbeat',
  'promtail',
  'log-collector',
  'node-problem-detector',
  'kube-proxy',
  'calico-node',
  'cilium',
  'falco',
];
// (pg_dump, pg_restore, mysqldump, mongodump… are clients too, but also one-shot commands: a
// Deployment running one gets the Job advice instead, whichever list answers first.)
const CLIENT_TOOLS = [
  'psql',
  'pg_basebackup',
  'mysql',
  'mysqladmin',
  'mariadb-dump',
  'redis-cli',
  'mongo',
  'mongosh',
  'cqlsh',
  'etcdctl',
  'kafka-topics',
  'kafka-console-consumer.sh',
  'rabbitmqadmin',
  '/usr/bin/psql',
];
/** Last steps that run to completion, with what the message quotes. */
const ONE_SHOT_STEPS = [
  'migrate',
  'migrations',
  'migration',
  'backup',
  'restore',
  'pg_dump -f /b/db.sql',
  'pg_dumpall',
  'pg_restore db.dump',
  'mysqldump --all-databases',
  'mongodump',
  'mongorestore',
  'flyway migrate',
  'liquibase update',
  'npm run db-migrate',
  'migrate-db',
  'run_backup',
  './backup.sh',
  'scripts/restore.py',
  'bin/migrate.rb',
  'dist/migrate.js',
  'src/migrate.ts',
  'tools/backup.bash',
  'rails db:migrate',
  'alembic upgrade head',
  'alembic  upgrade head',
  'MIGRATE',
];
/** Last steps that only look like one (a word that contains one, an option, a variable). */
const NOT_ONE_SHOT_STEPS = [
  'premigrate',
  'migrated',
  'backups-viewer',
  'app --backup',
  'app backup=daily',
  'app $backup',
  'backup.java',
  'migrate.sh-old',
  'alembic current',
];
const LONG_RUNNING = [
  'sleep infinity',
  'sleep inf',
  'sleep  infinity',
  'tail  -f /dev/null',
  'while  true; do sleep 1; done',
  'tail -f /dev/null',
  'while true; do sleep 1; done',
  'npm run serve',
  'node server',
  'python manage.py runserver',
  'gunicorn app:app',
  'uvicorn app:app',
  'nginx -g "daemon off;"',
];
const NODE_PATHS = [
  '/var/log',
  '/var/log/pods',
  '/proc',
  '/sys',
  '/sys/fs/cgroup',
  '/var/lib/docker/containers',
  '/var/run/docker.sock',
  '/run/containerd',
];
const NOT_NODE_PATHS = ['/var/logs', '/procs', '/system', '/data/var/log', '/var/lib/docker', '/run/containerd-x'];

/** A container that runs `step` through a shell, with nothing else that tells what it is. */
const shellStep = (image: string, step: string) =>
  deployment({ image, container: `        command: ["sh", "-c", ${JSON.stringify(`echo start && ${step}`)}]\n` });
const hostPathVolume = (path: string) =>
  deployment({ image: 'acme/shipper:3', pod: `      volumes:\n      - name: host\n        hostPath:\n          path: ${path}\n` });

ruleTable('workload-kind-advice', {
  valid: [
    ...CLIENT_TOOLS.map((tool) => ({
      name: `${tool} from a database image is a client, not the server`,
      text: deployment({ image: 'postgres:16', container: `        command: [${JSON.stringify(tool)}, "--help"]\n` }),
    })),
    ...CLIENT_TOOLS.map((tool) => ({
      name: `${tool} given as the first argument is a client too`,
      text: deployment({ image: 'postgres:16', container: `        args: [${JSON.stringify(`${tool} --help`)}]\n` }),
    })),
    ...NOT_ONE_SHOT_STEPS.map((step) => ({ name: `"${step}" does not run to completion`, text: shellStep('acme/app:3', step) })),
    // The last step is a migration, but the command also starts something that keeps running.
    ...LONG_RUNNING.map((server) => ({
      name: `"${server}" in the background, then a migration, keeps running`,
      text: shellStep('acme/app:3', `${server} & python manage.py migrate`),
    })),
    ...NOT_NODE_PATHS.map((path) => ({ name: `hostPath ${path} is not only a node agent's`, text: hostPathVolume(path) })),
    { name: 'hostPID alone', text: deployment({ image: 'acme/agent:3', pod: '      hostPID: true\n' }) },
    {
      name: 'a database image in an init container (waiting for the database) is not the server',
      text: deployment({ image: 'acme/app:1', pod: '      initContainers:\n      - name: wait\n        image: postgres:16\n' }),
    },
    {
      name: 'a Job with a database image in an init container',
      text: deployment({
        kind: 'Job',
        image: 'acme/job:1',
        pod: '      restartPolicy: Never\n      initContainers:\n      - name: wait\n        image: postgres:16\n',
      }),
    },
    {
      name: 'a DaemonSet with a database image in an init container',
      text: deployment({
        kind: 'DaemonSet',
        image: 'acme/agent:1',
        pod: '      initContainers:\n      - name: wait\n        image: postgres:16\n',
      }),
    },
    {
      name: 'a Job that runs a database image with its own arguments may be a one-off task',
      text: deployment({ kind: 'Job', image: 'postgres:16', container: '        args: ["-c", "select 1"]\n' }),
    },
    {
      name: 'a Job that runs a database image with its own command',
      text: deployment({ kind: 'Job', image: 'redis:7', container: '        command: ["redis-server", "--version"]\n' }),
    },
    {
      name: 'a client tool written with leading spaces',
      text: deployment({ image: 'postgres:16', container: '        command: ["  psql  -c x"]\n' }),
    },
    {
      name: 'no containers (still being written)',
      text: deployment({ image: 'x' }).replace(/ {6}containers:[\s\S]*$/, '      restartPolicy: Never\n      containers: []\n'),
    },
    {
      name: 'a migration container beside a server container',
      text: deployment({
        image: 'acme/api:3',
        container:
          '        ports:\n        - containerPort: 80\n      - name: migrate\n        image: acme/api:3\n        command: ["./migrate.sh"]\n',
      }),
    },
    {
      name: 'replicas sharing a claim that is ReadWriteOnce and ReadWriteMany',
      text: `${deployment({ replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' })}${RWO_CLAIM.replace('[ReadWriteOnce]', '[ReadWriteOnce, ReadWriteMany]')}`,
    },
    {
      name: 'replicas sharing a claim without access modes',
      text: `${deployment({ replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' })}${RWO_CLAIM.replace('[ReadWriteOnce]', '[]')}`,
    },
    {
      name: 'replicas sharing a claim of the same name in another namespace',
      text: `${deployment({ replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' })}${RWO_CLAIM.replace('  name: shared\n', '  name: shared\n  namespace: other\n')}`,
    },
    {
      name: 'replicas sharing a ReadWriteOnce claim read-only',
      text: `${deployment({ replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n          readOnly: true\n' })}${RWO_CLAIM}`,
    },
    {
      name: 'hostNetwork and a toleration that is not of every taint (operator Equal)',
      text: deployment({ image: 'acme/agent:3', pod: '      hostNetwork: true\n      tolerations:\n      - effect: NoSchedule\n' }),
    },
    {
      name: 'a database image that only runs a backup on every node is not the server',
      text: deployment({ kind: 'DaemonSet', image: 'postgres:16', container: '        command: ["sh", "-c", "pg_dump -f /b/db.sql"]\n' }),
    },
    {
      name: 'a toleration of one taint is not of every taint',
      text: deployment({
        image: 'acme/agent:3',
        pod: '      hostNetwork: true\n      tolerations:\n      - key: x\n        operator: Exists\n',
      }),
    },
  ],
  invalid: [
    ...STATEFUL.map(([name, what]) => ({
      name: `${name} is a ${what}`,
      text: KIND(deployment({ image: `example.com/lib/${name}:1.0` })),
      messageId: 'statefulImage',
      message: `This Deployment runs example.com/lib/${name}:1.0, a ${what}. The guide asks "Does it need a stable network identity?" — databases, brokers and vector stores usually do: a StatefulSet gives each replica a stable name (app-0, app-1, …), its own DNS record and its own volume. A throwaway cache that keeps no data may stay a Deployment.`,
    })),
    ...STATEFUL.map(([name, what]) => ({
      name: `a Job that starts ${name} with its default command`,
      text: KIND(deployment({ kind: 'Job', image: `${name}:1.0` })),
      messageId: 'jobRunsServer',
      message: new RegExp(`^This Job runs ${name}:1\\.0, a ${what}, with its default command: `),
    })),
    ...STATEFUL.map(([name, what]) => ({
      name: `${name} on every node`,
      text: KIND(deployment({ kind: 'DaemonSet', image: `${name}:1.0` })),
      messageId: 'daemonSetServer',
      message: `This DaemonSet runs ${name}:1.0, a ${what}, on every node. The guide asks "Does it need a stable network identity?" before "Must it run on every node?" — a ${what} usually needs stable identity and storage: use a StatefulSet with the replicas you need.`,
    })),
    ...NODE_AGENTS.map((name) => ({
      name: `${name} is a node agent`,
      text: KIND(deployment({ image: `example.com/agents/${name}:v2` })),
      messageId: 'nodeAgent',
      message: `This Deployment looks like a node agent (the ${name} image). The guide asks "Must it run on every node?" — log collectors and monitoring agents do: a DaemonSet runs one pod on each node, including nodes added later.`,
    })),
    ...NODE_PATHS.map((path) => ({
      name: `hostPath ${path}`,
      text: KIND(hostPathVolume(path)),
      messageId: 'nodeAgent',
      message: new RegExp(`\\(hostPath ${path.replace(/\./g, '\\.')}\\)`),
    })),
    ...ONE_SHOT_STEPS.map((step) => ({
      name: `"${step}" as the last step runs to completion`,
      text: KIND(shellStep('acme/app:3', step)),
      messageId: 'runsToCompletion',
      message: `This Deployment looks like a batch task: its command runs "${step}". The guide asks "Is this a batch task that runs to completion?" — if yes, use a Job (a CronJob if it runs on a schedule): a Deployment restarts the pod every time it finishes.`,
    })),
    ...LONG_RUNNING.map((server) => ({
      name: `a database image started as "${server} & pg_dump" still runs the server on every node`,
      text: KIND(
        deployment({
          kind: 'DaemonSet',
          image: 'postgres:16',
          container: `        command: ["sh", "-c", ${JSON.stringify(`${server} & pg_dump`)}]\n`,
        }),
      ),
      messageId: 'daemonSetServer',
      message: /^This DaemonSet runs postgres:16, a database, on every node\. /,
    })),
    {
      name: 'a Deployment without a name: the pod names use a placeholder',
      text: KIND(deployment({ image: 'mysql:8' })).replace('metadata:\n  name: app\n', 'metadata:\n  labels: {app: app}\n'),
      messageId: 'statefulImage',
      message: /a stable name \(name-0, name-1, …\)/,
    },
    {
      name: 'a database image whose first argument is not a string is still the server',
      text: KIND(deployment({ image: 'postgres:16', container: '        args: [5432]\n' })),
      messageId: 'statefulImage',
    },
    {
      name: 'only the string parts of a command are quoted',
      text: KIND(deployment({ image: 'acme/app:3', container: '        command: ["migrate", 5]\n' })),
      messageId: 'runsToCompletion',
      message: /its command runs "migrate"\. /,
    },
    {
      name: 'an empty ports list does not make a server',
      text: KIND(deployment({ image: 'acme/app:3', container: '        ports: []\n        command: ["./migrate.sh"]\n' })),
      messageId: 'runsToCompletion',
    },
    {
      name: 'replicas sharing a ReadWriteOncePod claim',
      text: `${KIND(deployment({ name: 'web', replicas: 2, image: 'nginx:1.27', pod: '      volumes:\n      - name: www\n        persistentVolumeClaim:\n          claimName: shared\n' }))}${RWO_CLAIM.replace('[ReadWriteOnce]', '[ReadWriteOncePod]')}`,
      messageId: 'sharedClaim',
    },
    {
      name: 'hostNetwork and one toleration of every taint among others',
      text: KIND(
        deployment({
          image: 'acme/agent:3',
          pod: '      hostNetwork: true\n      tolerations:\n      - key: x\n        operator: Exists\n      - operator: Exists\n',
        }),
      ),
      messageId: 'nodeAgent',
      message: /\(hostNetwork, a toleration of every taint\)/,
    },
    {
      name: "a tool whose name only contains a client tool's is not one",
      text: KIND(deployment({ image: 'postgres:16', container: '        command: ["mypsql"]\n' })),
      messageId: 'statefulImage',
    },
    {
      name: "a tool whose name only starts with a client tool's is not one",
      text: KIND(deployment({ image: 'postgres:16', container: '        command: ["psqlx"]\n' })),
      messageId: 'statefulImage',
    },
    {
      name: 'a last step of exactly 60 characters is quoted whole',
      text: KIND(shellStep('acme/app:3', `./backup.sh ${'x'.repeat(48)}`)),
      messageId: 'runsToCompletion',
      message: new RegExp(`its command runs "\\./backup\\.sh ${'x'.repeat(48)}"\\. `),
    },
    {
      name: 'a long last step is quoted up to 57 characters and an ellipsis',
      text: KIND(shellStep('acme/app:3', `./backup.sh ${'x'.repeat(60)}`)),
      messageId: 'runsToCompletion',
      message: new RegExp(`its command runs "\\./backup\\.sh ${'x'.repeat(45)}…"\\. `),
    },
    {
      name: 'restartPolicy Never → Job',
      text: KIND(deployment({ image: 'myapp:2', pod: '      restartPolicy: Never\n' })),
      messageId: 'runsToCompletion',
      message: /: restartPolicy is Never\. /,
    },
    {
      name: 'hostNetwork and hostPID',
      text: KIND(deployment({ image: 'acme/agent:3', pod: '      hostNetwork: true\n      hostPID: true\n' })),
      messageId: 'nodeAgent',
      message: /\(hostNetwork, hostPID\)/,
    },
    {
      name: 'at most three pieces of evidence are quoted',
      text: KIND(
        deployment({
          image: 'fluentd:1',
          pod: '      hostNetwork: true\n      hostPID: true\n      tolerations:\n      - operator: Exists\n      volumes:\n      - name: l\n        hostPath:\n          path: /var/log\n',
        }),
      ),
      messageId: 'nodeAgent',
      message: /\(the fluentd image, hostPath \/var\/log, hostNetwork\)/,
    },
  ],
});
