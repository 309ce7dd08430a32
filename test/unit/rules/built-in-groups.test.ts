// The schema rules on the objects a workload keeps beside it, from every built-in API group:
// Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget, RBAC, storage…
import { ruleTable } from '../helpers/ruleTester';

const ingress = (pathType: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: example.com\n    http:\n      paths:\n      - path: /\n        pathType: ${pathType}\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n`;
const hpa = (extra: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 5\n${extra}`;

ruleTable('invalid-value', {
  valid: [
    ingress('Prefix'),
    ingress('ImplementationSpecific'),
    hpa(
      '  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: 70\n',
    ),
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n  selector:\n    matchLabels: {app: web}\n',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read\nsubjects:\n- kind: ServiceAccount\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: read\n',
  ],
  invalid: [
    {
      name: 'an Ingress pathType outside Exact, Prefix, ImplementationSpecific',
      text: ingress('«prefix»'),
      messageId: 'notAllowed',
      message: '"prefix" is not a valid value of `pathType`. Allowed values: `Exact`, `Prefix`, `ImplementationSpecific`.',
      fix: 'Change to `Prefix`',
      output: ingress('Prefix'),
    },
    {
      name: 'an HPA metric target type',
      text: hpa(
        '  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: «Percent»\n        averageUtilization: 70\n',
      ),
      messageId: 'notAllowed',
    },
    {
      name: 'minReplicas written as a string',
      text: hpa('  minReplicas: «"2"»\n'),
      messageId: 'wrongType',
      output: hpa('  minReplicas: 2\n'),
    },
    {
      name: 'a RoleBinding subject of an unknown kind',
      text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read\nsubjects:\n- kind: «Serviceaccount»\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: read\n',
      messageId: 'notAllowed',
      fix: 'Change to `ServiceAccount`',
      output:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: read\nsubjects:\n- kind: ServiceAccount\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: read\n',
    },
  ],
});

ruleTable('unknown-field', {
  valid: [ingress('Exact')],
  invalid: [
    {
      name: 'a typo in a NetworkPolicy',
      text: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  «podSelecter»: {}\n  policyTypes: [Ingress]\n',
      messageId: 'unknownSuggest',
      message: '`podSelecter` is not a field of NetworkPolicy.spec. Did you mean `podSelector`?',
      output:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
    },
  ],
});

ruleTable('missing-required-field', {
  valid: [hpa('')],
  invalid: [
    {
      name: 'an HPA without maxReplicas',
      text: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n«spec»:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n',
      messageId: 'missing',
      message: 'HorizontalPodAutoscaler.spec is missing the required field `maxReplicas`.',
    },
    {
      name: 'a ClusterRoleBinding without roleRef',
      text: 'apiVersion: rbac.authorization.k8s.io/v1\n«kind: ClusterRoleBinding»\nmetadata:\n  name: read\n',
      messageId: 'missing',
      message: 'ClusterRoleBinding is missing the required field `roleRef`.',
    },
  ],
});
