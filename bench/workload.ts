// The benchmark's workload: a realistic multi-document manifest, clean by every rule. bench/run.ts
// measures both servers on it; unit tests use it as the common shape of real manifests.
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

function container(name: string, indent: string, probes: boolean): string {
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
    `  securityContext:`,
    `    allowPrivilegeEscalation: false`,
    ...(probes ? [...probe('readinessProbe', '/ready'), ...probe('livenessProbe', '/healthz')] : []),
    `  ports:`,
    `  - name: http`,
    `    containerPort: 8080`,
    `  env:`,
    `  - name: LOG_LEVEL`,
    `    value: info`,
    `  resources:`,
    `    requests:`,
    `      cpu: 100m`,
    `      memory: 128Mi`,
    `    limits:`,
    `      cpu: 500m`,
    `      memory: 256Mi`,
  ]
    .map((l) => indent + l)
    .join('\n');
}

function podTemplate(name: string, indent: string, restart?: string, tolerations = false): string {
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
    `${i}    securityContext:`,
    `${i}      runAsNonRoot: true`,
    `${i}    containers:`,
    container(name, `${i}    `, probes),
  ].join('\n');
}

export function documentFor(slot: (typeof KINDS)[number], n: number, schemaUri?: (kind: string) => string): string {
  const kind = slot === 'HeadlessService' ? 'Service' : slot;
  // A Service takes the name of the workload just before it in the cycle.
  const name = kind === 'Service' ? `${KINDS[(n - 1) % KINDS.length].toLowerCase()}-${n - 1}` : `${kind.toLowerCase()}-${n}`;
  const modeline = schemaUri ? `# yaml-language-server: $schema=${schemaUri(kind)}\n` : '';
  const head = `${modeline}apiVersion: ${API[kind]}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: bench\n  labels:\n    app: ${name}\n    tier: backend\n    app.kubernetes.io/part-of: bench\n  annotations:\n    owner: team-a\n`;
  switch (slot) {
    case 'Deployment':
      return `${head}spec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ')}\n`;
    case 'StatefulSet':
      return `${head}spec:\n  serviceName: ${name}\n  replicas: 3\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ')}\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: ["ReadWriteOnce"]\n      resources:\n        requests:\n          storage: 10Gi\n`;
    case 'DaemonSet':
      return `${head}spec:\n  selector:\n    matchLabels:\n      app: ${name}\n${podTemplate(name, '  ', undefined, true)}\n`;
    case 'Service':
      return `${head}spec:\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n`;
    case 'HeadlessService':
      return `${head}spec:\n  clusterIP: None\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 8080\n`;
    case 'ConfigMap':
      return `${head}data:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "a,b,c"\n  config.yaml: |\n    server:\n      port: 8080\n`;
    case 'Job':
      return `${head}spec:\n  backoffLimit: 3\n  activeDeadlineSeconds: 600\n  ttlSecondsAfterFinished: 3600\n${podTemplate(name, '  ', 'Never')}\n`;
    default:
      return `${head}spec:\n  schedule: "0 3 * * *"\n  timeZone: Etc/UTC\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      activeDeadlineSeconds: 600\n${podTemplate(name, '      ', 'OnFailure')}\n`;
  }
}

/**
 * `docs` documents joined by `---`. With `schemaUri`, each starts with the modeline that points
 * yaml-language-server at its kind's schema.
 */
export function benchWorkload(docs: number, schemaUri?: (kind: string) => string): string {
  return Array.from({ length: docs }, (_v, i) => documentFor(KINDS[i % KINDS.length], i, schemaUri)).join('---\n');
}
