// dns-policy-none: `dnsPolicy: None` takes every DNS setting from `dnsConfig`, so the API
// server's validatePodDNSConfig requires a dnsConfig with at least one nameserver.
import { getAt, rangeOfKey, rangeOfValue } from '../manifest/navigate';
import { own } from './podParts';
import { podSpecPath, POD_KINDS } from '../k8s/podSpec';
import type { Rule } from './types';

export const dnsPolicyNone: Rule = {
  meta: {
    id: 'dns-policy-none',
    name: 'dnsPolicy None without nameservers',
    severity: 'error',
    kinds: POD_KINDS,
    description: 'A pod with `dnsPolicy: None` and no `dnsConfig`, or a `dnsConfig` without nameservers.',
    rationale:
      '`dnsPolicy: None` tells the kubelet to ignore the cluster DNS and the node’s resolver and to write the pod’s /etc/resolv.conf from ' +
      '`dnsConfig` alone. Without a dnsConfig, or with one that lists no nameserver, the pod could resolve nothing, so the API server ' +
      'rejects it ("must provide `dnsConfig` when `dnsPolicy` is None", "must provide at least one DNS nameserver"). Add the nameservers, ' +
      'or use `ClusterFirst` (the default) and put only extra searches or options in dnsConfig.',
    guideSection: 'Kubernetes API',
    source: '`validatePodDNSConfig` (with `validateDNSPolicy`), pkg/apis/core/validation/validation.go',
    fixable: false,
    // The base a patch is merged into may hold the dnsConfig.
    onPatch: 'skip',
    messages: {
      noDnsConfig: 'dnsPolicy: None needs a dnsConfig with at least one nameserver: the pod takes all of its DNS settings from it.',
      noNameservers: 'dnsConfig has no nameservers, but dnsPolicy is None: list at least one nameserver (dnsConfig.nameservers).',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  dnsPolicy: None\n  dnsConfig:\n    searches:\n    - svc.cluster.local\n' +
        '  containers:\n  - name: web\n    image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const spec = podSpecPath(ctx.object.kind);
    if (!spec) return;
    const podSpec = getAt(ctx.value, spec);
    if (own(podSpec, 'dnsPolicy') !== 'None') return;
    const config = own(podSpec, 'dnsConfig');
    if (config === undefined || config === null) {
      const [start, end] = rangeOfValue(ctx.doc, [...spec, 'dnsPolicy']);
      ctx.report({ start, end, messageId: 'noDnsConfig' });
      return;
    }
    const nameservers = own(config, 'nameservers');
    if (Array.isArray(nameservers) && nameservers.length > 0) return;
    // A non-list is invalid-value's; null and [] are no nameservers.
    if (nameservers !== undefined && nameservers !== null && !Array.isArray(nameservers)) return;
    const [start, end] = rangeOfKey(ctx.doc, [...spec, 'dnsConfig', ...(nameservers === undefined ? [] : ['nameservers'])]);
    ctx.report({ start, end, messageId: 'noNameservers' });
  },
};
