// workload-kind-advice: the guide's decision tree points to another workload kind.
//
// The tree asks, in order: "Is this a batch task that runs to completion?" (→ Job), "Does it need
// a stable network identity?" (→ StatefulSet), "Must it run on every node?" (→ DaemonSet). The
// rule looks for evidence in the manifest and asks the first question the evidence answers:
//   Deployment → Job          a container whose final command is a migration or backup, or a
//                             pod restartPolicy of Never/OnFailure (the pod is meant to finish);
//   Deployment → StatefulSet  a database, message broker or vector store image (matched on the
//                             image's repository name, never on substrings of other words), or
//                             several replicas sharing a ReadWriteOnce claim defined in the file;
//   Deployment → DaemonSet    a node agent: an agent image (node-exporter, fluentd, …) or a
//                             hostPath into /var/log, /proc, /sys, or two of hostNetwork,
//                             hostPID and a toleration of every taint;
//   Job → (not a batch task)  a database/broker image started with its default command: a
//                             server never exits, so the Job never completes;
//   DaemonSet → StatefulSet   a database/broker image run as a server on every node.
// Decisions, kept at information level on purpose:
//   - A redis Deployment used as a cache (the guestbook example) is advised too: the guide lists
//     caches among the StatefulSet's workloads. The message says a throwaway cache may stay a
//     Deployment.
//   - A claim shared by several replicas is advice only when the claim is ReadWriteOnce (or
//     ReadWriteOncePod) and defined in the same file: a ReadWriteMany claim (NFS) is legitimately
//     shared, and the guide gives Deployments "shared" storage.
//   - A client tool run from a database image (psql, pg_dump, redis-cli, …) is not a server.
import { DECISION_QUESTIONS } from '../guide/decisionTree';
import { getAt, rangeOfValue } from '../manifest/navigate';
import type { ManifestFile } from '../manifest/types';
import { getRefactor } from '../refactors/index';
import { containersOf, podSpecPath } from '../k8s/podSpec';
import type { Fix, CrossDocumentRule, CrossDocumentRuleContext } from './types';
import { isObject } from '../k8s/labels';
import { entryOf } from '../text/tables';

/** Repository names (the last path part, without tag or digest) of databases, brokers and vector stores. */
const STATEFUL_IMAGES: Readonly<Record<string, string>> = Object.fromEntries([
  ...['postgres', 'postgresql', 'pgvector', 'timescaledb', 'mysql', 'mysql-server', 'mariadb', 'percona', 'percona-server'].map((n) => [
    n,
    'database',
  ]),
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
  ].map((n) => [n, 'database']),
  ...['redis', 'redis-stack-server', 'valkey', 'keydb', 'etcd', 'zookeeper', 'consul'].map((n) => [n, 'stateful key-value store']),
  ...['elasticsearch', 'opensearch', 'solr'].map((n) => [n, 'search engine that stores its index']),
  ...['kafka', 'rabbitmq', 'nats', 'nats-streaming', 'pulsar', 'activemq', 'artemis'].map((n) => [n, 'message broker']),
  ...['qdrant', 'weaviate', 'milvus', 'chroma', 'chromadb'].map((n) => [n, 'vector database']),
]);

/** Repository names of node agents: log collectors, monitoring agents, node-level daemons. */
const NODE_AGENT_IMAGES = new Set([
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
]);

/** Tools that run once and exit, even from a server image. */
const CLIENT_TOOLS =
  /^(psql|pg_dump|pg_dumpall|pg_restore|pg_basebackup|mysql|mysqldump|mysqladmin|mariadb-dump|redis-cli|mongo|mongosh|mongodump|mongorestore|cqlsh|etcdctl|kafka-[\w-]+(\.sh)?|rabbitmqadmin)$/;

/** Words of a command that runs to completion: a migration, a backup or restore, a dump. */
const ONE_SHOT_WORD =
  /(^|[-_])(migrate|migrations?|backup|restore|pg_dump|pg_dumpall|pg_restore|mysqldump|mongodump|mongorestore|flyway|liquibase)([-_]|$)/;

/**
 * True when a shell step runs to completion: one of its words (not an option such as
 * `--backup-dir=/x`) is a migration or backup command — `python manage.py migrate`, `./backup.sh`,
 * `rails db:migrate`, `knex migrate:latest`, `alembic upgrade head`.
 */
function isOneShotStep(step: string): boolean {
  if (/\balembic\s+upgrade\b/.test(step)) return true;
  return step.split(/\s+/).some((token) => {
    if (token === '' || token.startsWith('-') || token.includes('=') || token.includes('$')) return false;
    const base = (token.split('/').pop() ?? '').replace(/\.(sh|py|rb|js|ts|bash)$/, '');
    return base.split(':').some((part) => ONE_SHOT_WORD.test(part.toLowerCase()));
  });
}

/** The last step of a container's command line (after `&&`, `;`, `||` or a new line). */
function lastStep(container: Record<string, unknown>): string {
  const steps = commandText(container)
    .split(/&&|\|\||;|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return steps[steps.length - 1] ?? '';
}

/** Commands that keep running: they make the container a service even after a one-shot step. */
const LONG_RUNNING = /\b(sleep\s+(infinity|inf)|tail\s+-f|while\s+true|serve|server|runserver|gunicorn|uvicorn|nginx)\b/i;

/** Host paths only a node agent reads. */
const NODE_PATHS = /^\/(var\/log|proc|sys|var\/lib\/docker\/containers|var\/run\/docker\.sock|run\/containerd)(\/|$)/;

/** The repository name of an image reference: `registry:5000/org/postgres:15@sha256:…` → `postgres`. */
export function imageRepositoryName(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.split('/').pop() ?? '';
  return last.split(':')[0].toLowerCase();
}

function firstWord(list: unknown): string | undefined {
  if (!Array.isArray(list) || typeof list[0] !== 'string') return undefined;
  const word = list[0].trim().split(/\s+/)[0];
  return word.split('/').pop();
}

function commandText(container: Record<string, unknown>): string {
  const parts = [container.command, container.args].flatMap((l) => (Array.isArray(l) ? l.filter((s) => typeof s === 'string') : []));
  return parts.join(' ');
}

/** The database / broker / vector store a container runs as a server, if any. */
function statefulServer(container: Record<string, unknown>): { image: string; what: string } | undefined {
  if (typeof container.image !== 'string') return undefined;
  const what = entryOf(STATEFUL_IMAGES, imageRepositoryName(container.image));
  if (!what) return undefined;
  const tool = firstWord(container.command) ?? firstWord(container.args);
  if (tool && CLIENT_TOOLS.test(tool)) return undefined;
  if (isOneShotStep(lastStep(container)) && !LONG_RUNNING.test(commandText(container))) return undefined;
  return { image: container.image, what };
}

/** A container whose last step is a one-shot command (migration, backup), with no ports or probes. */
function oneShotCommand(container: Record<string, unknown>): string | undefined {
  const last = lastStep(container);
  if (!last || !isOneShotStep(last) || LONG_RUNNING.test(commandText(container))) return undefined;
  return last.length > 60 ? `${last.slice(0, 57)}…` : last;
}

function isServer(container: Record<string, unknown>): boolean {
  return (Array.isArray(container.ports) && container.ports.length > 0) || !!container.readinessProbe || !!container.livenessProbe;
}

/** ReadWriteOnce claims of the file, by name. */
function readWriteOnceClaims(file: ManifestFile, namespace: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const d of file.documents) {
    if (d.object?.kind !== 'PersistentVolumeClaim' || !d.object.name) continue;
    if ((d.object.namespace ?? namespace) !== namespace) continue;
    const modes = getAt(d.value, ['spec', 'accessModes']);
    if (!Array.isArray(modes) || modes.length === 0) continue;
    if (modes.every((m) => m === 'ReadWriteOnce' || m === 'ReadWriteOncePod')) out.add(d.object.name);
  }
  return out;
}

interface Advice {
  readonly messageId: string;
  readonly target: 'Job' | 'StatefulSet' | 'DaemonSet' | 'Deployment';
  readonly data: Record<string, string | number>;
}

function question(id: keyof typeof DECISION_QUESTIONS): string {
  return DECISION_QUESTIONS[id].question;
}

function adviseDeployment(ctx: CrossDocumentRuleContext): Advice | undefined {
  const value = ctx.value;
  const containers = containersOf(value, 'Deployment').filter((c) => c.list === 'containers');
  const podSpec = getAt(value, podSpecPath('Deployment')!);
  if (!isObject(podSpec) || containers.length === 0) return undefined;

  // 1. Is this a batch task that runs to completion?
  const restartPolicy = podSpec.restartPolicy;
  if (restartPolicy === 'Never' || restartPolicy === 'OnFailure')
    return {
      messageId: 'runsToCompletion',
      target: 'Job',
      data: { evidence: `restartPolicy is ${restartPolicy}`, question: question('runs-to-completion') },
    };
  if (!containers.some((c) => isServer(c.container))) {
    const oneShot = containers.map((c) => oneShotCommand(c.container)).find(Boolean);
    if (oneShot)
      return {
        messageId: 'runsToCompletion',
        target: 'Job',
        data: { evidence: `its command runs "${oneShot}"`, question: question('runs-to-completion') },
      };
  }

  // 2. Does it need a stable network identity?
  for (const c of containers) {
    const server = statefulServer(c.container);
    if (server)
      return {
        messageId: 'statefulImage',
        target: 'StatefulSet',
        data: { image: server.image, what: server.what, question: question('stable-identity'), name: ctx.object?.name ?? 'name' },
      };
  }
  const replicas = getAt(value, ['spec', 'replicas']);
  if (typeof replicas === 'number' && replicas > 1 && Array.isArray(podSpec.volumes)) {
    const rwo = readWriteOnceClaims(ctx.file, ctx.object?.namespace);
    const shared = podSpec.volumes.find(
      (v) =>
        isObject(v) &&
        isObject(v.persistentVolumeClaim) &&
        rwo.has(String(v.persistentVolumeClaim.claimName)) &&
        v.persistentVolumeClaim.readOnly !== true,
    ) as { persistentVolumeClaim: { claimName: string } } | undefined;
    if (shared)
      return {
        messageId: 'sharedClaim',
        target: 'StatefulSet',
        data: { replicas, claim: shared.persistentVolumeClaim.claimName, question: question('stable-identity') },
      };
  }

  // 3. Must it run on every node?
  const evidence: string[] = [];
  let strong = false;
  for (const c of containers) {
    if (typeof c.container.image === 'string' && NODE_AGENT_IMAGES.has(imageRepositoryName(c.container.image))) {
      evidence.push(`the ${imageRepositoryName(c.container.image)} image`);
      strong = true;
    }
  }
  if (Array.isArray(podSpec.volumes))
    for (const v of podSpec.volumes) {
      const path = isObject(v) && isObject(v.hostPath) ? v.hostPath.path : undefined;
      if (typeof path === 'string' && NODE_PATHS.test(path)) {
        evidence.push(`hostPath ${path}`);
        strong = true;
      }
    }
  const weak: string[] = [];
  if (podSpec.hostNetwork === true) weak.push('hostNetwork');
  if (podSpec.hostPID === true) weak.push('hostPID');
  if (Array.isArray(podSpec.tolerations) && podSpec.tolerations.some((t) => isObject(t) && t.operator === 'Exists' && t.key === undefined))
    weak.push('a toleration of every taint');
  if (strong || weak.length >= 2)
    return {
      messageId: 'nodeAgent',
      target: 'DaemonSet',
      data: { evidence: [...evidence, ...weak].slice(0, 3).join(', '), question: question('every-node') },
    };
  return undefined;
}

function adviseJob(ctx: CrossDocumentRuleContext): Advice | undefined {
  for (const c of containersOf(ctx.value, 'Job').filter((x) => x.list === 'containers')) {
    const server = statefulServer(c.container);
    // A server image with its own arguments may be doing a one-off task; only the default command is certain.
    if (server && c.container.command === undefined && c.container.args === undefined)
      return {
        messageId: 'jobRunsServer',
        target: 'StatefulSet',
        data: { image: server.image, what: server.what, question: question('runs-to-completion') },
      };
  }
  return undefined;
}

function adviseDaemonSet(ctx: CrossDocumentRuleContext): Advice | undefined {
  for (const c of containersOf(ctx.value, 'DaemonSet').filter((x) => x.list === 'containers')) {
    const server = statefulServer(c.container);
    if (server)
      return {
        messageId: 'daemonSetServer',
        target: 'StatefulSet',
        data: { image: server.image, what: server.what, question: question('stable-identity'), later: question('every-node') },
      };
  }
  return undefined;
}

export const workloadKindAdvice: CrossDocumentRule = {
  meta: {
    id: 'workload-kind-advice',
    name: 'Another workload kind fits better',
    severity: 'information',
    kinds: ['Deployment', 'Job', 'DaemonSet'],
    description:
      "The guide's decision tree points to another kind: a database in a Deployment (StatefulSet), a Deployment that runs to completion (Job), a node agent (DaemonSet).",
    rationale:
      'The guide picks a workload kind by three questions: does it run to completion (Job or CronJob), does it need a stable network identity (StatefulSet), must it run on every node (DaemonSet) — otherwise a Deployment. A database, broker or vector store in a Deployment gets random pod names and, with several replicas, one shared volume; a migration in a Deployment is restarted forever after it succeeds; a log collector in a Deployment misses most nodes. The advice quotes the question that decides it and offers the conversion where one exists.',
    guideSection: 'Decision Tree',
    fixable: true,
    onPatch: 'skip',
    crossDocument: true,
    messages: {
      runsToCompletion:
        'This Deployment looks like a batch task: {{evidence}}. The guide asks "{{question}}" — if yes, use a Job (a CronJob if it runs on a schedule): a Deployment restarts the pod every time it finishes.',
      statefulImage:
        'This Deployment runs {{image}}, a {{what}}. The guide asks "{{question}}" — databases, brokers and vector stores usually do: a StatefulSet gives each replica a stable name ({{name}}-0, {{name}}-1, …), its own DNS record and its own volume. A throwaway cache that keeps no data may stay a Deployment.',
      sharedClaim:
        'These {{replicas}} replicas share the ReadWriteOnce claim {{claim}}, which only one node can mount. The guide asks "{{question}}" — for per-replica storage use a StatefulSet with volumeClaimTemplates, so each replica gets its own claim.',
      nodeAgent:
        'This Deployment looks like a node agent ({{evidence}}). The guide asks "{{question}}" — log collectors and monitoring agents do: a DaemonSet runs one pod on each node, including nodes added later.',
      jobRunsServer:
        'This Job runs {{image}}, a {{what}}, with its default command: a server never exits, so the Job never completes. The guide asks "{{question}}" — if not, use a StatefulSet (or a Deployment); to run a one-off task from this image, set its command.',
      daemonSetServer:
        'This DaemonSet runs {{image}}, a {{what}}, on every node. The guide asks "{{question}}" before "{{later}}" — a {{what}} usually needs stable identity and storage: use a StatefulSet with the replicas you need.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: qdrant\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: qdrant\n  template:\n    metadata:\n      labels:\n        app: qdrant\n    spec:\n      containers:\n      - name: qdrant\n        image: qdrant/qdrant:v1.7.0\n        ports:\n        - containerPort: 6333\n',
      fixed:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: qdrant\nspec:\n  serviceName: qdrant\n  replicas: 3\n  selector:\n    matchLabels:\n      app: qdrant\n  template:\n    metadata:\n      labels:\n        app: qdrant\n    spec:\n      containers:\n      - name: qdrant\n        image: qdrant/qdrant:v1.7.0\n        ports:\n        - containerPort: 6333\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: qdrant\nspec:\n  clusterIP: None\n  selector:\n    app: qdrant\n  ports:\n  - port: 6333\n',
    },
  },
  check(ctx) {
    const kind = ctx.object?.kind;
    const advice =
      kind === 'Deployment'
        ? adviseDeployment(ctx)
        : kind === 'Job'
          ? adviseJob(ctx)
          : kind === 'DaemonSet'
            ? adviseDaemonSet(ctx)
            : undefined;
    if (!advice) return;
    const fixes: Fix[] = [];
    const refactor = getRefactor(ctx.file, ctx.doc, advice.target, ctx.workspace);
    if (refactor) fixes.push({ title: refactor.title, edits: refactor.edits });
    const [start, end] = rangeOfValue(ctx.doc, ['kind']);
    ctx.report({ start, end, messageId: advice.messageId, data: advice.data, fixes });
  },
};
