// The benchmark's workloads: a realistic multi-document manifest, clean by every rule, and its
// "findings" twin where every pod-running document has findings (containers without a
// securityContext or resources, as in real repositories). bench/run.ts measures the servers on
// both; unit tests use the clean one as the common shape of real manifests.
// A cycle of eight documents (~40 lines each, as the 500 documents / ~20,000 lines): each Deployment and StatefulSet is followed by the Service that
// selects it (headless for the StatefulSet), so the workload is clean by every rule.
export const KINDS = ['Deployment', 'Service', 'StatefulSet', 'HeadlessService', 'CronJob', 'Job', 'ConfigMap', 'DaemonSet'] as const;
export const API: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Service: 'v1',
  HeadlessService: 'v1',
  ConfigMap: 'v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** Which of the two workloads: `clean` has no findings, `findings` leaves out what real repositories often leave out. */
export type WorkloadShape = 'clean' | 'findings';

/** The kinds that run pods: in the findings workload each gets missing-resources and run-as-non-root findings. */
export const POD_SLOTS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'CronJob', 'Job', 'DaemonSet']);

function container(name: string, indent: string, probes: boolean, shape: WorkloadShape): string {
  const probe = (kind: string, path: string) => [
    `  ${kind}:`,
    `    httpGet:`,
    `      path: ${path}`,
    `      port: http`,
    `    periodSeconds: 10`,
  ];
  return [
    `- name: ${name}`,
    `  image: registry.example.com/${name}:v1.${name.length}.0`,
    `  imagePullPolicy: IfNotPresent`,
    ...(shape === 'clean' ? [`  securityContext:`, `    allowPrivilegeEscalation: false`] : []),
    ...(probes ? [...probe('readinessProbe', '/ready'), ...probe('livenessProbe', '/healthz')] : []),
    `  ports:`,
    `  - name: http`,
    `    containerPort: 8080`,
    `  env:`,
    `  - name: LOG_LEVEL`,
    `    value: info`,
    ...(shape === 'clean'
      ? [`  resources:`, `    requests:`, `      cpu: 100m`, `      memory: 128Mi`, `    limits:`, `      cpu: 500m`, `      memory: 256Mi`]
      : []),
  ]
    .map((l) => indent + l)
    .join('\n');
}

function podTemplate(name: string, indent: string, shape: WorkloadShape, restart?: string, tolerations = false): string {
  // Long-running pods get health probes; run-to-completion ones (with a restartPolicy) do not.
  const probes = restart === undefined;
  const i = indent;
  return [
    `${i}template:`,
    `${i}  metadata:`,
    `${i}    labels:`,
    `${i}      app: ${name}`,
    `${i}  spec:`,
    ...(restart ? [`${i}    restartPolicy: ${restart}`] : []),
    ...(tolerations ? [`${i}    tolerations:`, `${i}    - operator: Exists`] : []),
    ...(shape === 'clean' ? [`${i}    securityContext:`, `${i}      runAsNonRoot: true`] : []),
    `${i}    containers:`,
    container(name, `${i}    `, probes, shape),
  ].join('\n');
}

export function documentFor(
  slot: (typeof KINDS)[number],
  n: number,
  schemaUri?: (kind: string) => string,
  shape: WorkloadShape = 'clean',
): string {
  const kind = slot === 'HeadlessService' ? 'Service' : slot;
  // A Service takes the name of the workload just before it in the cycle.
  const name = kind === 'Service' ? `${KINDS[(n - 1) % KINDS.length].toLowerCase()}-${n - 1}` : `${kind.toLowerCase()}-${n}`;
  const modeline = schemaUri ? `# yaml-language-server: $schema=${schemaUri(kind)}\n` : '';
  const head = `${modeline}apiVersion: ${API[kind]}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: bench\n  labels:\n    app: ${name}\n    tier: backend\n    app.kubernetes.io/part-of: bench\n  annotations:\n    owner: team-a\n`;
  switch (slot) {
    case 'Deployment':
      return `${head}spec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ', shape)}\n`;
    case 'StatefulSet':
      return `${head}spec:\n  serviceName: ${name}\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ', shape)}\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      resources:\n        requests:\n          storage: 10Gi\n`;
    case 'DaemonSet':
      return `${head}spec:\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ', shape, undefined, true)}\n`;
    case 'Service':
      return `${head}spec:\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n`;
    case 'HeadlessService':
      return `${head}spec:\n  clusterIP: None\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 8080\n`;
    case 'ConfigMap':
      return `${head}data:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "a,b,c"\n  config.yaml: |\n    server:\n      port: 8080\n`;
    case 'Job':
      return `${head}spec:\n  backoffLimit: 3\n  activeDeadlineSeconds: 600\n  ttlSecondsAfterFinished: 3600\n${podTemplate(name, '  ', shape, 'Never')}\n`;
    default:
      return `${head}spec:\n  schedule: "0 3 * * *"\n  timeZone: Etc/UTC\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      activeDeadlineSeconds: 600\n${podTemplate(name, '      ', shape, 'OnFailure')}\n`;
  }
}

/**
 * `docs` documents joined by `---`. With `schemaUri`, each starts with the modeline that points
 * yaml-language-server at its kind's schema.
 */
export function benchWorkload(docs: number, schemaUri?: (kind: string) => string, shape: WorkloadShape = 'clean'): string {
  return Array.from({ length: docs }, (_v, i) => documentFor(KINDS[i % KINDS.length], i, schemaUri, shape)).join('---\n');
}
