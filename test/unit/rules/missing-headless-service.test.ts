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

/** A StatefulSet "web" with serviceName `svc` and the given containers (under `containers:`) and extra pod spec lines. */
const web = (svc: string, containers: string, podExtra = '', templateLabels = '      labels:\n        app: web\n') =>
  `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ${svc}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
${templateLabels}    spec:
${podExtra}      containers:
${containers}`;
const service = (body: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
${body}`;

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
    { name: 'an empty serviceName (another rule)', text: web('""', '        - name: a\n          image: a:1\n') },
    { name: 'a blank serviceName (another rule)', text: web('"  "', '        - name: a\n          image: a:1\n') },
    { name: 'a serviceName that is not a string (the schema rules)', text: web('42', '        - name: a\n          image: a:1\n') },
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
    {
      name: 'an unnamed StatefulSet; another kind of the same name in the file does not count',
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  labels:
    app: db
spec:
  serviceName: «db»
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
          image: db:1
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: db
`,
      messageId: 'missing',
      message:
        'StatefulSet (unnamed) names Service "db" in serviceName, but no Service db exists in namespace default (this file or the workspace): ' +
        'its pods get no DNS names like (unnamed)-0.db. Add a headless Service (clusterIP: None) named db.',
    },
    {
      name: 'a Service of that name in the same file but another namespace does not count',
      text: `${web('«web»', '        - name: a\n          image: a:1\n').replace('  name: web\nspec:', '  name: web\n  namespace: shop\nspec:')}---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: other
spec:
  clusterIP: None
`,
      messageId: 'missing',
      message: /no Service web exists in namespace shop/,
    },
    {
      name: 'init container ports, ports without a whole-number containerPort and an empty entry are left out; TCP written out is the default',
      text: web(
        '«web»',
        `        - name: a
          image: a:1
          ports:
            - null
            - containerPort: "8080"
            - containerPort: 80.5
            - name: ""
              containerPort: 80
              protocol: TCP
`,
        `      initContainers:
        - name: init
          image: init:1
          ports:
            - containerPort: 9000
`,
      ),
      messageId: 'missing',
      output: `${web(
        'web',
        `        - name: a
          image: a:1
          ports:
            - null
            - containerPort: "8080"
            - containerPort: 80.5
            - name: ""
              containerPort: 80
              protocol: TCP
`,
        `      initContainers:
        - name: init
          image: init:1
          ports:
            - containerPort: 9000
`,
      )}${service('  selector:\n    app: web\n  ports:\n    - port: 80\n')}`,
    },
    {
      name: 'the same port over TCP (explicit or not) once, over UDP and SCTP again; repeated and taken names get new ones',
      text: web(
        '«web»',
        `        - name: a
          image: a:1
          ports:
            - containerPort: 53
              name: dns
            - containerPort: 53
              protocol: TCP
            - containerPort: 53
              protocol: UDP
              name: dns
            - containerPort: 53
              protocol: SCTP
            - containerPort: 80
              name: tcp-8080
            - containerPort: 81
              name: port-8080-2
            - containerPort: 8080
`,
      ),
      messageId: 'missing',
      output: `${web(
        'web',
        `        - name: a
          image: a:1
          ports:
            - containerPort: 53
              name: dns
            - containerPort: 53
              protocol: TCP
            - containerPort: 53
              protocol: UDP
              name: dns
            - containerPort: 53
              protocol: SCTP
            - containerPort: 80
              name: tcp-8080
            - containerPort: 81
              name: port-8080-2
            - containerPort: 8080
`,
      )}${service(`  selector:
    app: web
  ports:
    - name: dns
      port: 53
    - name: udp-53
      port: 53
      protocol: UDP
    - name: sctp-53
      port: 53
      protocol: SCTP
    - name: tcp-8080
      port: 80
    - name: port-8080-2
      port: 81
    - name: port-8080-3
      port: 8080
`)}`,
    },
    {
      name: 'a port name or protocol that is not a string is left out',
      text: web(
        '«web»',
        '        - name: a\n          image: a:1\n          ports:\n            - containerPort: 80\n              name: 5\n              protocol: 6\n',
      ),
      messageId: 'missing',
      output: `${web('web', '        - name: a\n          image: a:1\n          ports:\n            - containerPort: 80\n              name: 5\n              protocol: 6\n')}${service('  selector:\n    app: web\n  ports:\n    - port: 80\n')}`,
    },
    {
      name: 'empty template labels: the selector comes from matchLabels',
      text: web('«web»', '        - name: a\n          image: a:1\n', '', '      labels: {}\n'),
      messageId: 'missing',
      output: `${web('web', '        - name: a\n          image: a:1\n', '', '      labels: {}\n')}${service('  selector:\n    app: web\n')}`,
    },
  ],
});
