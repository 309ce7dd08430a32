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
