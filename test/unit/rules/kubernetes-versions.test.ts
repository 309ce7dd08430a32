// Version differences are findings: a field, kind or apiVersion the selected Kubernetes release
// does not serve says so and names the release that adds or removed it.
import { ruleTable } from '../helpers/ruleTester';

const podWithStopSignal = (lifecycleKey: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      ${lifecycleKey}: SIGUSR1\n`;

ruleTable('unknown-field', {
  valid: [
    { name: 'Lifecycle.stopSignal on 1.33, the release that adds it', text: podWithStopSignal('stopSignal'), kubernetesVersion: '1.33' },
    { name: '… and on 1.35', text: podWithStopSignal('stopSignal'), kubernetesVersion: '1.35' },
    {
      name: 'PodSpec.resources on 1.32',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  resources:\n    limits: {cpu: 1}\n  containers:\n  - name: c\n    image: c:1\n',
      kubernetesVersion: '1.32',
    },
  ],
  invalid: [
    {
      name: 'Lifecycle.stopSignal on 1.32: it arrives in 1.33',
      text: podWithStopSignal('«stopSignal»'),
      kubernetesVersion: '1.32',
      messageId: 'notInRelease',
      message: '`stopSignal` is not a field of Pod.spec.containers[0].lifecycle in Kubernetes 1.32: it arrives in Kubernetes 1.33.',
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n',
    },
    {
      name: 'PodSpec.resources on 1.31: it arrives in 1.32',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  «resources»:\n    limits: {cpu: 1}\n  containers:\n  - name: c\n    image: c:1\n',
      kubernetesVersion: '1.31',
      messageId: 'notInRelease',
      message: '`resources` is not a field of Pod.spec in Kubernetes 1.31: it arrives in Kubernetes 1.32.',
    },
    {
      name: 'a field no release has: a typo, worded with the release',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  «zzzzzzzz»: 1\n  containers:\n  - name: c\n    image: c:1\n',
      kubernetesVersion: '1.30',
      messageId: 'unknown',
      message: '`zzzzzzzz` is not a field of Pod.spec in the Kubernetes 1.30 API.',
    },
  ],
});

ruleTable('api-version-mismatch', {
  valid: [
    {
      name: 'resource.k8s.io/v1 on 1.34',
      text: 'apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata:\n  name: gpu\n',
      kubernetesVersion: '1.34',
    },
    {
      name: 'flowcontrol v1beta3 on 1.31',
      text: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: f\n',
      kubernetesVersion: '1.31',
    },
    { name: 'an Ingress of networking.k8s.io/v1', text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n' },
    { name: 'a Gateway API kind (a CRD group)', text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n' },
  ],
  invalid: [
    {
      name: 'resource.k8s.io/v1 on 1.33: it arrives in 1.34',
      text: 'apiVersion: «resource.k8s.io/v1»\nkind: DeviceClass\nmetadata:\n  name: gpu\n',
      kubernetesVersion: '1.33',
      messageId: 'notYetServed',
      message:
        'Kubernetes 1.33 does not serve DeviceClass at `resource.k8s.io/v1`: it arrives in Kubernetes 1.34. Use `resource.k8s.io/v1alpha3` or `resource.k8s.io/v1beta1` or `resource.k8s.io/v1beta2`.',
    },
    {
      name: 'flowcontrol v1beta3 on 1.32: removed in 1.32',
      text: 'apiVersion: «flowcontrol.apiserver.k8s.io/v1beta3»\nkind: FlowSchema\nmetadata:\n  name: f\n',
      kubernetesVersion: '1.32',
      messageId: 'noLongerServed',
      message:
        'Kubernetes 1.32 no longer serves FlowSchema at `flowcontrol.apiserver.k8s.io/v1beta3`: it was removed in Kubernetes 1.32. Use `flowcontrol.apiserver.k8s.io/v1`.',
      output: 'apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata:\n  name: f\n',
    },
    {
      name: 'autoscaling/v2beta2, removed in 1.26',
      text: 'apiVersion: «autoscaling/v2beta2»\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n',
      messageId: 'removed',
      message:
        '`autoscaling/v2beta2` no longer serves HorizontalPodAutoscaler: it was removed in Kubernetes 1.26. Use `autoscaling/v1` or `autoscaling/v2`.',
    },
    {
      name: 'extensions/v1beta1 Ingress, removed in 1.22',
      text: 'apiVersion: «extensions/v1beta1»\nkind: Ingress\nmetadata:\n  name: web\n',
      messageId: 'removed',
      message: '`extensions/v1beta1` no longer serves Ingress: it was removed in Kubernetes 1.22. Use `networking.k8s.io/v1`.',
      output: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n',
    },
    {
      name: 'policy/v1beta1 PodSecurityPolicy: removed without a replacement',
      text: 'apiVersion: «policy/v1beta1»\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n',
      messageId: 'removedNoReplacement',
      message:
        '`policy/v1beta1` no longer serves PodSecurityPolicy: it was removed in Kubernetes 1.25, and Kubernetes 1.35 has no other apiVersion for it.',
    },
  ],
});
