// selector-mismatch: spec.selector must select the pod template's labels, or the controller would
// never own the pods it creates (the API server rejects it).
import { insertPair, removePair } from '../manifest/edit';
import { findNode, findPair, getAt, rangeOfKey } from '../manifest/navigate';
import type { JsonPath } from '../manifest/types';
import { composeEdits, replaceString, yamlString, type EditStep } from './fixText';
import { podTemplatePath } from '../k8s/podSpec';
import type { Fix, Rule } from './types';
import { hasLabel, labelMap, labelValue, type Labels } from '../k8s/labels';

interface Requirement {
  /** kubectl label-selector syntax: app=web, tier in (a,b), tier notin (a), tier, !tier */
  readonly text: string;
  /** Path of the selector entry (for the range). */
  readonly path: JsonPath;
  /** Whether the labels satisfy it. */
  matches(labels: Labels): boolean;
  /** The template-label change that satisfies it, if one can be derived without guessing a value. */
  readonly change?: { readonly op: 'set'; readonly key: string; readonly value: string } | { readonly op: 'remove'; readonly key: string };
  /** The change is an exact value from the selector (matchLabels), not a choice among several. */
  readonly exact: boolean;
}

/** The selector's requirements; undefined when the selector is absent, empty or not readable. */
export function requirementsOf(selector: unknown, base: JsonPath): Requirement[] | undefined {
  if (!selector || typeof selector !== 'object' || Array.isArray(selector)) return undefined;
  const s = selector as Record<string, unknown>;
  const reqs: Requirement[] = [];
  const matchLabels = labelMap(s.matchLabels);
  for (const [key, value] of Object.entries(matchLabels ?? {})) {
    reqs.push({
      text: `${key}=${value}`,
      path: [...base, 'matchLabels', key],
      matches: (l) => labelValue(l, key) === value,
      change: { op: 'set', key, value },
      exact: true,
    });
  }
  const exprs = Array.isArray(s.matchExpressions) ? s.matchExpressions : [];
  exprs.forEach((e, i) => {
    if (!e || typeof e !== 'object') return;
    const { key, operator, values } = e as Record<string, unknown>;
    if (typeof key !== 'string' || typeof operator !== 'string') return;
    const vals = Array.isArray(values) ? values.map(String) : [];
    const path = [...base, 'matchExpressions', i];
    const list = `(${vals.join(',')})`;
    switch (operator) {
      case 'In':
        reqs.push({
          text: `${key} in ${list}`,
          path,
          matches: (l) => vals.includes(labelValue(l, key) ?? '\0'),
          change: vals.length ? { op: 'set', key, value: vals[0] } : undefined,
          exact: vals.length === 1,
        });
        break;
      case 'NotIn':
        reqs.push({
          text: `${key} notin ${list}`,
          path,
          matches: (l) => !hasLabel(l, key) || !vals.includes(labelValue(l, key)!),
          change: { op: 'remove', key },
          exact: false,
        });
        break;
      case 'Exists':
        reqs.push({ text: key, path, matches: (l) => hasLabel(l, key), exact: false });
        break;
      case 'DoesNotExist':
        reqs.push({ text: `!${key}`, path, matches: (l) => !hasLabel(l, key), change: { op: 'remove', key }, exact: false });
        break;
      default:
        // An unknown operator is invalid-value's to report.
        return;
    }
  });
  return reqs.length ? reqs : undefined;
}

export const selectorMismatch: Rule = {
  meta: {
    id: 'selector-mismatch',
    name: 'Selector does not match template labels',
    severity: 'error',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
    description: "spec.selector does not select the pod template's labels.",
    rationale:
      'A controller finds its pods through spec.selector. If the selector does not match the labels of the pods it creates from its ' +
      'template, it would never own them and would keep creating more, so the API server rejects the object. In every example of the ' +
      'guide the selector and the template labels carry the same app label. The selector cannot be changed after creation, so the ' +
      'fix adds the labels to the template.',
    guideSection: 'Deployment',
    fixable: true,
    onPatch: 'skip',
    messages: {
      mismatch: 'selector {{selector}} does not match the pod template labels {{labels}} — the {{kind}} would never own its pods.',
      noLabels: 'selector {{selector}} does not match the pod template, which has no labels — the {{kind}} would never own its pods.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n' +
        '  template:\n    metadata:\n      labels:\n        app: wob\n    spec:\n      containers:\n      - name: web\n        image: web:1.0.0\n',
      fixed:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n' +
        '  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: web:1.0.0\n',
    },
  },
  check(ctx) {
    if (!ctx.value || !ctx.object) return;
    const kind = ctx.object.kind;
    const template = podTemplatePath(kind);
    if (!template) return;
    // Without a template there are no pods to match (missing-required-field reports it).
    if (getAt(ctx.value, template) === undefined) return;
    const reqs = requirementsOf(getAt(ctx.value, ['spec', 'selector']), ['spec', 'selector']);
    if (!reqs) return;
    const labelsPath = [...template, 'metadata', 'labels'];
    const labels = labelMap(getAt(ctx.value, labelsPath)) ?? {};
    const failing = reqs.filter((r) => !r.matches(labels));
    if (failing.length === 0) return;

    const fixes: Fix[] = [];
    if (failing.every((r) => r.change)) {
      const steps: EditStep[] = failing.map((r) => {
        const c = r.change!;
        const keyPath = [...labelsPath, c.key];
        if (c.op === 'remove') return (d) => removePair(d, keyPath);
        return (d) =>
          findPair(d, keyPath) ? replaceString(d, keyPath, c.value) : insertPair(d, labelsPath, yamlString(c.key), yamlString(c.value));
      });
      const edits = composeEdits(ctx.doc, steps);
      if (edits) {
        const onlyAdds = failing.every((r) => r.change!.op === 'set' && !hasLabel(labels, r.change!.key));
        const changes = failing.map((r) => (r.change!.op === 'set' ? `${r.change!.key}=${r.change!.value}` : `remove ${r.change!.key}`));
        fixes.push({
          title: onlyAdds
            ? `Add ${changes.join(', ')} to the pod template labels`
            : `Make the pod template labels match the selector (${changes.join(', ')})`,
          edits,
          isPreferred: true,
          // Adding the selector's own labels cannot guess wrong; changing or removing a label might break a Service that uses it.
          safe: onlyAdds && failing.every((r) => r.exact),
        });
      }
    }

    const first = failing[0];
    const entry = findPair(ctx.doc, first.path);
    const [start, end] =
      entry?.key?.range && entry.value?.range && typeof first.path[first.path.length - 1] === 'string'
        ? [entry.key.range[0], entry.value.range[1]]
        : findNode(ctx.doc, first.path)
          ? rangeOfKey(ctx.doc, first.path)
          : rangeOfKey(ctx.doc, ['spec', 'selector']);
    const labelText = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    ctx.report({
      start,
      end,
      messageId: labelText ? 'mismatch' : 'noLabels',
      data: { selector: reqs.map((r) => r.text).join(', '), labels: labelText, kind },
      fixes,
    });
  },
};
