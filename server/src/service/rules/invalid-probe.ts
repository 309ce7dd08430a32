// invalid-probe: probes and lifecycle handlers the API server rejects although each field is
// valid on its own: no handler or several (validateProbe / validateLifecycleHandler), a
// successThreshold other than 1 on a liveness or startup probe, and probes or lifecycle hooks on
// an init container that is not a sidecar (validateInitContainers).
import { insertPair, removePair, replaceValue } from '../manifest/edit';
import { rangeOfKey, rangeOfValue } from '../manifest/navigate';
import type { Path } from '../k8s/podSpec';
import { containersIn, isInt, isObject, own, setKeys, type ContainerAt } from './podParts';
import { POD_KINDS } from '../k8s/podSpec';
import type { Fix, Rule, RuleContext } from './types';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function handlerCount(ctx: RuleContext, at: Path, handler: unknown, keys: readonly string[], what: string, container: string): void {
  const set = setKeys(handler, keys);
  if (set.length === 1) return;
  if (set.length === 0) {
    const [start, end] = rangeOfKey(ctx.doc, at);
    ctx.report({ start, end, messageId: 'noHandler', data: { what, container, handlers: keys.join(', ') } });
    return;
  }
  const [start, end] = rangeOfKey(ctx.doc, [...at, set[1]]);
  ctx.report({ start, end, messageId: 'manyHandlers', data: { what, container, handlers: set.join(', ') } });
}

function checkRunning(ctx: RuleContext, { container, path, label }: ContainerAt): void {
  for (const probe of PROBES) {
    const p = own(container, probe);
    if (!isObject(p)) continue;
    handlerCount(ctx, [...path, probe], p, PROBE_HANDLERS, probe, label);
    const threshold = own(p, 'successThreshold');
    if (probe !== 'readinessProbe' && isInt(threshold) && threshold > 1) {
      const at = [...path, probe, 'successThreshold'];
      const [start, end] = rangeOfValue(ctx.doc, at);
      const edits = replaceValue(ctx.doc, at, '1');
      ctx.report({
        start,
        end,
        messageId: 'successThreshold',
        data: { probe, container: label, value: threshold },
        fixes: edits ? [{ title: 'Set successThreshold to 1', edits, isPreferred: true, safe: true }] : [],
      });
    }
  }
  const lifecycle = own(container, 'lifecycle');
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = own(lifecycle, hook);
    if (isObject(h)) handlerCount(ctx, [...path, 'lifecycle', hook], h, LIFECYCLE_HANDLERS, `lifecycle.${hook}`, label);
  }
}

function checkPlainInit(ctx: RuleContext, { container, path, label }: ContainerAt): void {
  for (const field of [...PROBES, 'lifecycle'] as const) {
    const v = own(container, field);
    if (v === undefined || v === null) continue;
    const [start, end] = rangeOfKey(ctx.doc, [...path, field]);
    const fixes: Fix[] = [];
    const remove = removePair(ctx.doc, [...path, field]);
    if (remove) fixes.push({ title: `Remove ${field} from init container ${label}`, edits: remove, isPreferred: true, safe: false });
    const sidecar =
      own(container, 'restartPolicy') === undefined
        ? insertPair(ctx.doc, path, 'restartPolicy', 'Always')
        : replaceValue(ctx.doc, [...path, 'restartPolicy'], 'Always');
    if (sidecar) fixes.push({ title: `Make ${label} a sidecar (restartPolicy: Always)`, edits: sidecar, safe: false });
    ctx.report({ start, end, messageId: 'initContainerField', data: { field, container: label }, fixes });
  }
}

export const invalidProbe: Rule = {
  meta: {
    id: 'invalid-probe',
    name: 'Probe or lifecycle hook the API server rejects',
    severity: 'error',
    kinds: POD_KINDS,
    description:
      'A probe or lifecycle hook with no handler or more than one (exec, httpGet, tcpSocket, grpc / sleep), a liveness or startup probe ' +
      'with successThreshold other than 1, or a probe or lifecycle hook on an init container that is not a sidecar.',
    rationale:
      'A probe runs exactly one check: the API server rejects a probe with none ("must specify a handler type") or with two ' +
      '("may not specify more than 1 handler type"), and the same for the postStart and preStop hooks. A liveness or startup probe ' +
      'succeeds once, so its successThreshold must be 1. A plain init container runs to completion before the app starts, so it cannot ' +
      'have liveness, readiness or startup probes or lifecycle hooks ("may not be set for init containers without restartPolicy=Always"); ' +
      'an init container with `restartPolicy: Always` is a sidecar (Kubernetes 1.29+), which keeps running beside the app and may have them.',
    guideSection: 'Kubernetes API',
    source:
      '`validateProbe`, `validateHandler`/`validateLifecycleHandler`, `validateLivenessProbe`/`validateStartupProbe` and ' +
      '`validateInitContainers`, pkg/apis/core/validation/validation.go',
    fixable: true,
    onPatch: {
      skipMessages: ['noHandler', 'initContainerField'],
      skipped:
        'a probe without a handler (a patch may change only its timing) and probes on init containers (the base may make it a sidecar)',
    },
    messages: {
      noHandler: '{{what}} of container {{container}} has no handler: the API server requires exactly one of {{handlers}}.',
      manyHandlers: '{{what}} of container {{container}} has {{handlers}}: the API server accepts only one handler.',
      successThreshold:
        '{{probe}} of container {{container}} has successThreshold {{value}}: a {{probe}} must have successThreshold 1 (only a readinessProbe may need more).',
      initContainerField:
        '{{field}} is not allowed on init container {{container}}: it runs to completion before the app starts. Remove it, or make the container a ' +
        'sidecar with restartPolicy: Always.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    livenessProbe:\n' +
        '      httpGet:\n        path: /healthz\n        port: 8080\n      successThreshold: 3\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0.0\n    livenessProbe:\n' +
        '      httpGet:\n        path: /healthz\n        port: 8080\n      successThreshold: 1\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    // Ephemeral containers (added by kubectl debug, not written in manifests) may not have probes at all: left out.
    for (const c of containersIn(ctx.value, ctx.object.kind, ['initContainers', 'containers'])) {
      if (c.list === 'initContainers' && own(c.container, 'restartPolicy') !== 'Always') checkPlainInit(ctx, c);
      else checkRunning(ctx, c);
    }
  },
};
