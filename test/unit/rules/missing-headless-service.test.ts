import { ruleTable } from '../helpers/ruleTester';

const sts = (serviceName: string, extra = '') =>
  `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
${extra}spec:
  serviceName: ${serviceName}
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          ports:
            - containerPort: 5432
`;

const headless = (name: string, ns = '') =>
  `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${ns}spec:
  clusterIP: None
  selector:
    app: postgres
`;

ruleTable('missing-headless-service', {
  valid: [
    { name: 'the Service is in the same file', text: `${sts('postgres')}---\n${headless('postgres')}` },
    { name: 'the Service is in another workspace file', text: sts('postgres'), files: { 'file:///work/svc.yaml': headless('postgres') } },
    {
      name: 'the Service is in a Helm-style template (its `{{ }}` file gets no diagnostics but still counts)',
      text: sts('postgres'),
      files: {
        'file:///work/svc.yaml': headless('postgres').replace(
          '  name: postgres\n',
          '  name: postgres\n  labels:\n    chart: {{ .Chart.Name }}\n',
        ),
      },
    },
    {
      name: 'both in the same explicit namespace',
      text: sts('postgres', '  namespace: db\n'),
      files: { 'file:///work/svc.yaml': headless('postgres', '  namespace: db\n') },
    },
    {
      name: 'absent namespace counts as default',
      text: sts('postgres'),
      files: { 'file:///work/svc.yaml': headless('postgres', '  namespace: default\n') },
    },
    { name: 'no serviceName at all (another rule)', text: sts('postgres').replace('  serviceName: postgres\n', '') },
    {
      name: 'not a StatefulSet',
      text: sts('postgres').replace('kind: StatefulSet', 'kind: Deployment').replace('  serviceName: postgres\n', ''),
    },
  ],
  invalid: [
    {
      name: 'no Service anywhere: the fix appends a headless Service',
      text: sts('«postgres»'),
      messageId: 'missing',
      message:
        'StatefulSet postgres names Service "postgres" in serviceName, but no Service postgres exists in namespace default (this file or the workspace): ' +
        'its pods get no DNS names like postgres-0.postgres. Add a headless Service (clusterIP: None) named postgres.',
      fix: 'Add a headless Service "postgres" to this file',
      fixes: ['Add a headless Service "postgres" to this file'],
      preferred: true,
      safe: false,
      output: `${sts('postgres')}---
apiVersion: v1
kind: Service
metadata:
  name: postgres
spec:
  clusterIP: None
  selector:
    app: postgres
  ports:
    - port: 5432
`,
    },
    {
      name: 'a JSON-style document without a final newline, no ports, no template labels: the selector comes from matchLabels',
      text: '{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "q"}, "spec": {"serviceName": «"q"», "selector": {"matchLabels": {"app": "q"}}, "template": {"spec": {"containers": [{"name": "q", "image": "qdrant/qdrant:v1.7.0"}]}}}}',
      messageId: 'missing',
      output:
        '{"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "q"}, "spec": {"serviceName": "q", "selector": {"matchLabels": {"app": "q"}}, "template": {"spec": {"containers": [{"name": "q", "image": "qdrant/qdrant:v1.7.0"}]}}}}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: q\nspec:\n  clusterIP: None\n  selector:\n    app: q\n',
    },
    {
      name: 'a Service with another name does not count',
      text: `${sts('«pg-headless»')}---\n${headless('postgres')}`,
      messageId: 'missing',
      message: /Service "pg-headless"/,
    },
    {
      name: 'a Service in another namespace does not count; the fix keeps the namespace',
      text: sts('«postgres»', '  namespace: db\n'),
      files: { 'file:///work/svc.yaml': headless('postgres', '  namespace: other\n') },
      messageId: 'missing',
      message: /in namespace db/,
      output: `${sts('postgres', '  namespace: db\n')}---
apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: db
spec:
  clusterIP: None
  selector:
    app: postgres
  ports:
    - port: 5432
`,
    },
    {
      name: 'first document of two, compact sequences, several named ports; comments and the other document stay',
      text: `# the database
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
spec:
  serviceName: «kafka-headless»
  selector:
    matchLabels: {app: kafka}
  template:
    metadata:
      labels:
        app: kafka
        tier: "true"
    spec:
      containers:
      - name: kafka
        image: kafka:3.7
        ports:
        - containerPort: 9092
          name: client
        - containerPort: 9093
        - containerPort: 9093
      - name: exporter
        image: exporter:1.0
        ports:
        - containerPort: 9308
          protocol: UDP
---
# unrelated
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
`,
      messageId: 'missing',
      output: `# the database
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: kafka
spec:
  serviceName: kafka-headless
  selector:
    matchLabels: {app: kafka}
  template:
    metadata:
      labels:
        app: kafka
        tier: "true"
    spec:
      containers:
      - name: kafka
        image: kafka:3.7
        ports:
        - containerPort: 9092
          name: client
        - containerPort: 9093
        - containerPort: 9093
      - name: exporter
        image: exporter:1.0
        ports:
        - containerPort: 9308
          protocol: UDP
---
apiVersion: v1
kind: Service
metadata:
  name: kafka-headless
spec:
  clusterIP: None
  selector:
    app: kafka
    tier: "true"
  ports:
  - name: client
    port: 9092
  - name: tcp-9093
    port: 9093
  - name: udp-9308
    port: 9308
    protocol: UDP
---
# unrelated
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
`,
    },
  ],
});
