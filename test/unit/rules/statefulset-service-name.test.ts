import { ruleTable } from '../helpers/ruleTester';
import { LLM_INFERENCE, POSTGRES, QDRANT } from './guide-examples';

const sts = (name: string, spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
${spec}
  selector:
    matchLabels:
      app: db
`;

ruleTable('statefulset-service-name', {
  valid: [
    { name: 'guide: postgres', text: POSTGRES },
    { name: 'guide: qdrant', text: QDRANT },
    { name: 'guide: llm-inference', text: LLM_INFERENCE },
    { name: 'a Deployment needs none', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n' },
    { name: 'an empty spec while typing', text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n' },
    {
      name: 'a scalar spec is the schema rules’ business',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: db\n',
    },
    {
      name: 'a list spec is the schema rules’ business',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: [db]\n',
    },
    { name: 'a serviceName that is not a string is invalid-value’s business', text: sts('db', '  serviceName: 5\n  replicas: 1') },
  ],
  invalid: [
    {
      name: 'missing: serviceName is the StatefulSet name',
      text: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
«spec»:
  replicas: 3  # three members
  selector:
    matchLabels:
      app: postgres
`,
      messageId: 'missing',
      message:
        'StatefulSet postgres has no serviceName, so its pods get no stable DNS names (postgres-0.<service>.<namespace>.svc.cluster.local) — add serviceName naming a headless Service (clusterIP: None).',
      fix: 'Add serviceName: postgres',
      fixes: ['Add serviceName: postgres'],
      preferred: true,
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
spec:
  serviceName: postgres
  replicas: 3  # three members
  selector:
    matchLabels:
      app: postgres
`,
    },
    {
      name: 'without a name there is no name to offer',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  labels: {app: db}\n«spec»:\n  replicas: 1\n',
      messageId: 'missing',
      message: /^StatefulSet <name> has no serviceName/,
      fixes: [],
    },
    {
      name: 'empty string',
      text: sts('db', '  «serviceName»: ""\n  replicas: 1'),
      messageId: 'missing',
      output: sts('db', '  serviceName: db\n  replicas: 1'),
    },
    {
      name: 'empty value',
      text: sts('db', '  «serviceName»:\n  replicas: 1'),
      messageId: 'missing',
      output: sts('db', '  serviceName: db\n  replicas: 1'),
    },
    {
      name: 'a name YAML would read as a number is quoted',
      text: sts('"123"', '  replicas: 1').replace('spec:', '«spec»:'),
      messageId: 'missing',
      message: /^StatefulSet 123 has no serviceName/,
      output: sts('"123"', '  serviceName: "123"\n  replicas: 1'),
    },
    {
      name: 'a comment line above the first key stays above it',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n«spec»:   # the database\n    # members\n    replicas: 1\n',
      messageId: 'missing',
      output:
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:   # the database\n    serviceName: db\n    # members\n    replicas: 1\n',
    },
    {
      name: 'flow-style spec: serviceName first, as in a block spec',
      text: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n«spec»: {replicas: 1}\n',
      messageId: 'missing',
      output: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec: {serviceName: db, replicas: 1}\n',
    },
  ],
});
