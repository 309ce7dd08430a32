import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isZero } from '../../../server/src/service/rules/rolling-update-zero';
import { ruleTable } from '../helpers/ruleTester';
import { API_SERVER, NODE_EXPORTER } from './guide-examples';

const deployment = (strategy: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  strategy:
${strategy}
`;
const daemonSet = (strategy: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  updateStrategy:
${strategy}
`;

describe('rolling-update-zero isZero', () => {
  const cases: [unknown, boolean][] = [
    [0, true],
    ['0', true],
    ['0%', true],
    ['00%', true],
    ['0.00', true],
    [' 0% ', true],
    ['0.5', false],
    [1, false],
    ['10%', false],
    ['', false],
    [null, false],
  ];
  for (const [v, z] of cases) it(`${JSON.stringify(v)} → ${z}`, () => assert.equal(isZero(v), z));
});

ruleTable('rolling-update-zero', {
  valid: [
    { name: 'guide: api-server (1/1)', text: API_SERVER },
    { name: 'guide: node-exporter (defaults 0/1)', text: NODE_EXPORTER },
    {
      name: 'zero downtime: maxUnavailable 0 with the Deployment default surge 25%',
      text: deployment('    rollingUpdate:\n      maxUnavailable: 0'),
    },
    { name: 'maxSurge 0 with the Deployment default unavailability 25%', text: deployment('    rollingUpdate:\n      maxSurge: 0') },
    {
      name: 'Recreate ignores rollingUpdate',
      text: deployment('    type: Recreate\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0'),
    },
    { name: 'DaemonSet maxUnavailable 0 with a surge', text: daemonSet('    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0') },
    { name: 'DaemonSet OnDelete', text: daemonSet('    type: OnDelete\n    rollingUpdate:\n      maxUnavailable: 0') },
    { name: 'an empty rollingUpdate while typing', text: daemonSet('    rollingUpdate:') },
  ],
  invalid: [
    {
      name: 'Deployment with both 0: maxSurge becomes 1',
      text: deployment('    type: RollingUpdate\n    «rollingUpdate»:\n      maxSurge: 0  # no extra pods\n      maxUnavailable: 0'),
      messageId: 'bothZero',
      message:
        'maxSurge 0 and maxUnavailable 0 are both zero: the rollout could neither add a new pod nor take an old one down, so the API server rejects this Deployment — set maxSurge to 1.',
      fix: 'Set maxSurge: 1',
      fixes: ['Set maxSurge: 1'],
      preferred: true,
      safe: true,
      output: deployment('    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1  # no extra pods\n      maxUnavailable: 0'),
    },
    {
      name: 'percent and string zeros',
      text: deployment('    «rollingUpdate»:\n      maxSurge: "0%"\n      maxUnavailable: "0"'),
      messageId: 'bothZero',
      message: /^maxSurge "0%" and maxUnavailable "0" are both zero/,
      output: deployment('    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: "0"'),
    },
    {
      name: 'DaemonSet with only maxUnavailable 0: the default surge is 0',
      text: daemonSet('    type: RollingUpdate\n    «rollingUpdate»:\n      maxUnavailable: 0'),
      messageId: 'bothZero',
      message:
        'maxSurge 0 (the DaemonSet default) and maxUnavailable 0 are both zero: the rollout could neither add a new pod nor take an old one down, so the API server rejects this DaemonSet — set maxSurge to 1.',
      output: daemonSet('    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1'),
    },
    {
      name: 'an empty type is RollingUpdate, the default',
      text: deployment('    type:\n    «rollingUpdate»:\n      maxSurge: 0\n      maxUnavailable: 0'),
      messageId: 'bothZero',
    },
    {
      name: 'an empty maxSurge is the DaemonSet default, 0',
      text: daemonSet('    «rollingUpdate»:\n      maxSurge: ~\n      maxUnavailable: 0'),
      messageId: 'bothZero',
      message: /^maxSurge 0 \(the DaemonSet default\) and maxUnavailable 0 are both zero/,
      output: daemonSet('    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0'),
    },
    {
      name: 'flow style',
      text: daemonSet('    «rollingUpdate»: {maxUnavailable: 0%}'),
      messageId: 'bothZero',
      output: daemonSet('    rollingUpdate: {maxUnavailable: 0%, maxSurge: 1}'),
    },
  ],
});
