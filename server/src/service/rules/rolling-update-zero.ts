// rolling-update-zero: a rolling update with maxSurge and maxUnavailable both zero can make no
// progress, and the API server rejects it. Defaults count: Deployment 25%/25%, DaemonSet 0/1.
import { insertPair, replaceValue } from '../manifest/edit';
import { findPair, getAt, rangeOfKey } from '../manifest/navigate';
import type { Rule } from './types';
import { entryOf } from '../text/tables';

const STRATEGY: Record<string, string> = { Deployment: 'strategy', DaemonSet: 'updateStrategy' };
const DEFAULTS: Record<string, { maxSurge: string; maxUnavailable: string }> = {
  Deployment: { maxSurge: '25%', maxUnavailable: '25%' },
  DaemonSet: { maxSurge: '0', maxUnavailable: '1' },
};

/** 0, "0" and "0%" (any number of zeros) are zero; anything else is not. */
export function isZero(v: unknown): boolean {
  if (typeof v === 'number') return v === 0;
  return typeof v === 'string' && /^\s*0+(\.0*)?%?\s*$/.test(v);
}

export const rollingUpdateZero: Rule = {
  meta: {
    id: 'rolling-update-zero',
    name: 'Rolling update that cannot progress',
    severity: 'error',
    kinds: ['Deployment', 'DaemonSet'],
    description: 'rollingUpdate.maxSurge and maxUnavailable are both 0 (counting the defaults).',
    rationale:
      'A rolling update replaces pods by either starting extra new ones (maxSurge) or taking old ones down first (maxUnavailable). ' +
      "With both at zero it can do neither, so the API server rejects the object. The guide's zero-downtime rollouts keep " +
      'maxUnavailable at 0 or 1 and allow a surge of 1. Remember the defaults: 25%/25% for a Deployment, and maxSurge 0 with ' +
      'maxUnavailable 1 for a DaemonSet — so a DaemonSet that only sets maxUnavailable: 0 is stuck.',
    guideSection: 'Deployment',
    fixable: true,
    onPatch: 'skip',
    messages: {
      bothZero:
        'maxSurge {{surge}} and maxUnavailable {{unavailable}} are both zero: the rollout could neither add a new pod nor take an old ' +
        'one down, so the API server rejects this {{kind}} — set maxSurge to 1.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  updateStrategy:\n    rollingUpdate:\n' +
        '      maxUnavailable: 0\n',
      fixed:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  updateStrategy:\n    rollingUpdate:\n' +
        '      maxUnavailable: 0\n      maxSurge: 1\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const strategyKey = entryOf(STRATEGY, kind);
    if (!strategyKey) return;
    const base = ['spec', strategyKey];
    const type = getAt(ctx.value, [...base, 'type']);
    if (type !== undefined && type !== null && type !== 'RollingUpdate') return;
    const ru = getAt(ctx.value, [...base, 'rollingUpdate']);
    if (!ru || typeof ru !== 'object' || Array.isArray(ru)) return;
    const r = ru as Record<string, unknown>;
    const has = (k: string) => r[k] !== undefined && r[k] !== null;
    // Both defaults are non-zero for a Deployment, and maxUnavailable's (1) for a DaemonSet.
    const surge = has('maxSurge') ? r.maxSurge : DEFAULTS[kind].maxSurge;
    const unavailable = has('maxUnavailable') ? r.maxUnavailable : DEFAULTS[kind].maxUnavailable;
    if (!isZero(surge) || !isZero(unavailable)) return;
    const show = (k: 'maxSurge' | 'maxUnavailable', v: unknown) =>
      has(k) ? (typeof v === 'string' ? JSON.stringify(v) : String(v)) : `${DEFAULTS[kind][k]} (the ${kind} default)`;
    const surgePath = [...base, 'rollingUpdate', 'maxSurge'];
    const edits = findPair(ctx.doc, surgePath)
      ? replaceValue(ctx.doc, surgePath, '1')
      : insertPair(ctx.doc, [...base, 'rollingUpdate'], 'maxSurge', '1');
    const [start, end] = rangeOfKey(ctx.doc, [...base, 'rollingUpdate']);
    ctx.report({
      start,
      end,
      messageId: 'bothZero',
      data: { surge: show('maxSurge', surge), unavailable: show('maxUnavailable', unavailable), kind },
      fixes: edits ? [{ title: 'Set maxSurge: 1', edits, isPreferred: true, safe: true }] : [],
    });
  },
};
