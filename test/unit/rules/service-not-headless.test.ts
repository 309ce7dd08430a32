import { ruleTable } from '../helpers/ruleTester';

const sts = (serviceName: string, ns = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
${ns}spec:
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
`;

ruleTable('service-not-headless', {
  valid: [
    {
      name: 'headless governing Service',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: None\n  selector:\n    app: postgres\n`,
    },
    {
      name: 'a normal Service that no StatefulSet names',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres-lb\nspec:\n  selector:\n    app: postgres\n`,
    },
    {
      name: 'the StatefulSet is in another namespace',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\n  namespace: web\nspec:\n  selector:\n    app: postgres\n',
      files: { 'file:///work/sts.yaml': sts('postgres', '  namespace: db\n') },
    },
    { name: 'no StatefulSet at all', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: 10.0.0.1\n' },
    {
      name: 'a StatefulSet of the same file in another namespace',
      text: `${sts('postgres', '  namespace: db\n')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\n  namespace: web\nspec:\n  selector:\n    app: postgres\n`,
    },
    {
      name: 'a serviceName that is not a string names no Service',
      text: `${sts('7')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: "7"\nspec:\n  selector:\n    app: postgres\n`,
    },
    {
      name: 'a Service without a name',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata: {}\nspec:\n  clusterIP: 10.0.0.1\n`,
    },
  ],
  invalid: [
    {
      name: 'no clusterIP: the fix inserts clusterIP: None under spec',
      text: `${sts('postgres')}---\n# the governing Service\napiVersion: v1\nkind: Service\nmetadata:\n  name: «postgres»\nspec:\n  selector:\n    app: postgres # keep\n  ports:\n    - port: 5432\n`,
      messageId: 'notHeadless',
      message:
        'Service postgres is the governing Service of StatefulSet postgres (its serviceName) but is not headless (no clusterIP: None): ' +
        'the pods get no stable DNS names like postgres-0.postgres. Set clusterIP: None.',
      fix: 'Make the Service headless (clusterIP: None)',
      preferred: true,
      output: `${sts('postgres')}---\n# the governing Service\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  selector:\n    app: postgres # keep\n  ports:\n    - port: 5432\n  clusterIP: None\n`,
    },
    {
      name: 'the StatefulSet is in another file; a cluster IP is replaced',
      text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: «10.96.0.12»\n  selector:\n    app: postgres\n',
      files: { 'file:///work/sts.yaml': sts('postgres') },
      messageId: 'notHeadless',
      message: /not headless \(clusterIP: 10\.96\.0\.12\)/,
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: None\n  selector:\n    app: postgres\n',
    },
    {
      name: 'a quoted clusterIP in a flow mapping',
      text: `${sts('pg')}---\napiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec: {clusterIP: «""», selector: {app: postgres}}\n`,
      messageId: 'notHeadless',
      output: `${sts('pg')}---\napiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec: {clusterIP: None, selector: {app: postgres}}\n`,
    },
    {
      name: 'two StatefulSets name it',
      text: `${sts('db')}---\n${sts('db').replace('name: postgres', 'name: replica')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: «db»\n`,
      messageId: 'notHeadless',
      message: /StatefulSet postgres, replica \(its serviceName\)/,
      output: `${sts('db')}---\n${sts('db').replace('name: postgres', 'name: replica')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n`,
    },
    {
      name: 'dual-stack clusterIPs must agree with clusterIP: reported, but no fix',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  clusterIP: «10.96.0.12»\n  clusterIPs: [10.96.0.12]\n`,
      messageId: 'notHeadless',
      message: /not headless \(clusterIP: 10\.96\.0\.12\)/,
      fixes: [],
    },
    {
      name: 'type ClusterIP written out is still the ordinary case, with its fix',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: «postgres»\nspec:\n  type: ClusterIP\n`,
      messageId: 'notHeadless',
      fixes: ['Make the Service headless (clusterIP: None)'],
      output: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  type: ClusterIP\n  clusterIP: None\n`,
    },
    {
      name: 'the DNS example names the first StatefulSet alphabetically',
      text: `${sts('db').replace('name: postgres', 'name: zeta')}---\n${sts('db').replace('name: postgres', 'name: alpha')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: «db»\n`,
      messageId: 'notHeadless',
      message:
        'Service db is the governing Service of StatefulSet alpha, zeta (its serviceName) but is not headless (no clusterIP: None): ' +
        'the pods get no stable DNS names like alpha-0.db. Set clusterIP: None.',
    },
    {
      name: 'an unnamed StatefulSet is still counted',
      text: `${sts('db').replace('  name: postgres\n', '')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: «db»\n`,
      messageId: 'notHeadless',
      message: /StatefulSet \(unnamed\) \(its serviceName\)/,
    },
    {
      name: 'a NodePort cannot be headless either (range on clusterIP when written)',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  type: NodePort\n  clusterIP: «10.96.0.1»\n`,
      messageId: 'wrongType',
      message: /has type NodePort, which cannot be headless/,
      fixes: [],
    },
    {
      name: 'a LoadBalancer cannot be headless: no fix, advice instead',
      text: `${sts('postgres')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: «postgres»\nspec:\n  type: LoadBalancer\n  selector:\n    app: postgres\n`,
      messageId: 'wrongType',
      message:
        'Service postgres is the governing Service of StatefulSet postgres but has type LoadBalancer, which cannot be headless: ' +
        'add a separate Service with clusterIP: None for serviceName and keep this one for outside access.',
    },
  ],
});
