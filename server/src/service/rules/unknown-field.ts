// unknown-field: a key the selected Kubernetes release does not have at that path. The API
// server's strict field validation (kubectl's default since 1.27) rejects the object; with lenient
// validation the field is silently dropped, which is worse. Found by the shared schema pass
// (api/validate.ts), reported on the key, with the closest valid key as the fix — or, for a field
// of other releases only, the release that adds or removed it.
import { customResourceReportsOf } from '../crd/resource';
import { getAt, rangeOfKey } from '../manifest/navigate';
import { removePair, renameKey } from '../manifest/edit';
import { editDistance } from '../text/distance';
import { fix, pathLabel, report, schemaContext, type SchemaContext } from './schemaReport';
import type { Report, Rule } from './types';
import { entryOf } from '../text/tables';

export const unknownField: Rule = {
  meta: {
    id: 'unknown-field',
    name: 'Unknown field',
    severity: 'error',
    kinds: 'all',
    description:
      'A key the selected Kubernetes release does not have at that place in the object (a typo, a wrong indentation, or a field of another release).',
    rationale:
      'The API server rejects unknown fields under strict field validation (the kubectl default), and drops them silently otherwise: a misspelt `replica` or a key indented one level too deep simply does nothing. The message names the closest valid key.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      unknownCrd: '`{{key}}` is not a field of {{parent}} in the CustomResourceDefinition `{{crd}}`.',
      unknownSuggest: '`{{key}}` is not a field of {{parent}}. Did you mean `{{suggestion}}`?',
      unknown: '`{{key}}` is not a field of {{parent}} in the Kubernetes {{version}} API.',
      notInRelease: '`{{key}}` is not a field of {{parent}} in Kubernetes {{version}}: {{when}}.',
      unknownMoved: '`{{key}}` is not a field of {{parent}}: it belongs in {{home}}. Check the indentation.',
    },
    example: {
      invalid:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      fixed:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
    },
  },
  check(ctx) {
    for (const p of customResourceReportsOf(ctx.doc, ctx.crds)) if (p.ruleId === 'unknown-field') ctx.report(p.report);
    const sc = schemaContext(ctx);
    if (!sc) return;
    for (const p of sc.problems) {
      if (p.code !== 'unknownField') continue;
      const r = unknownFieldReport(sc, [...p.path], p.key, p.releases);
      if (r) ctx.report(r);
    }
  },
};

/** The closest candidate within a distance that still looks like a typo, and whether it is the only one that close. */
export function closest(word: string, candidates: readonly string[]): { best: string; distance: number; unique: boolean } | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let distance = Infinity;
  let unique = true;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < distance) {
      best = c;
      distance = d;
      unique = true;
    } else if (d === distance) unique = false;
  }
  return best !== undefined && distance <= limit ? { best, distance, unique } : undefined;
}

/** Whether every character of `short` appears in `long`, in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; i < short.length && j < long.length; j++) if (short[i] === long[j]) i++;
  return i === short.length;
}

/**
 * The one field a key shortens, when no field is a typo away: same first letter, every letter in
 * order (`imagePolicy` → `imagePullPolicy`, `pullPolicy` does not start like it, so no).
 */
export function abbreviationOf(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 4) return undefined;
  const w = word.toLowerCase();
  const matches = candidates.filter((c) => {
    const lc = c.toLowerCase();
    return lc.length > w.length && lc[0] === w[0] && isSubsequence(w, lc);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** When a field is in other releases only: 'arrives in 1.33', 'was removed in 1.32', 'is in 1.31–1.33'. */
export function releaseNote(current: string, releases: readonly string[]): string {
  const minor = (v: string) => Number(v.split('.')[1]);
  const c = minor(current);
  if (releases.every((r) => minor(r) > c)) return `it arrives in Kubernetes ${releases[0]}`;
  if (releases.every((r) => minor(r) < c)) return `it was removed in Kubernetes 1.${minor(releases[releases.length - 1]) + 1}`;
  return `it is in Kubernetes ${releases.join(', ')}`;
}

function unknownFieldReport(ctx: SchemaContext, parent: (string | number)[], key: string, releases: readonly string[]): Report | undefined {
  const path = [...parent, key];
  if (releases.length) {
    // A real field of other releases: say which, rather than guessing a typo.
    const data = { key, parent: pathLabel(ctx.kind, parent), version: ctx.api.version, when: releaseNote(ctx.api.version, releases) };
    return report(rangeOfKey(ctx.doc, path), 'notInRelease', data, fix(`Remove \`${key}\``, removePair(ctx.doc, path)));
  }
  const parentDef = ctx.api.resolveField(ctx.apiVersion, ctx.kind, parent)?.definition;
  const def = parentDef ? ctx.api.getDefinition(parentDef) : undefined;
  const present = getAt(ctx.value, parent);
  const taken = present && typeof present === 'object' ? Object.keys(present) : [];
  const candidates = def ? Object.keys(def.p).filter((p) => !taken.includes(p)) : [];
  const near = closest(key, candidates);
  const data = { key, parent: pathLabel(ctx.kind, parent) };
  const range = rangeOfKey(ctx.doc, path);
  if (near) {
    const fixes = fix(`Rename to \`${near.best}\``, renameKey(ctx.doc, path, near.best), {
      preferred: true,
      safe: near.unique && near.distance <= 1,
    });
    return report(range, 'unknownSuggest', { ...data, suggestion: near.best }, fixes);
  }
  const fixes = fix(`Remove \`${key}\``, removePair(ctx.doc, path));
  const home = homeOf(ctx, parent, parentDef, key);
  if (home) return report(range, 'unknownMoved', { ...data, home }, fixes);
  const longer = abbreviationOf(key, candidates);
  if (longer) {
    // More than a typo apart: offered first, but never applied by fix-all.
    const rename = fix(`Rename to \`${longer}\``, renameKey(ctx.doc, path, longer), { preferred: true });
    return report(range, 'unknownSuggest', { ...data, suggestion: longer }, [...rename, ...fixes]);
  }
  return report(range, 'unknown', { ...data, version: ctx.api.version }, fixes);
}

/** Whether the definition has the property `key` (its own: `constructor` is not a field of every object). */
function hasProperty(ctx: SchemaContext, def: string, key: string): boolean {
  const p = ctx.api.getDefinition(def)?.p;
  return !!p && entryOf(p, key) !== undefined;
}

/**
 * Where a misplaced key belongs: a field of an enclosing object (indented too deep), or of an
 * object a few levels below (`containers` written directly under a Deployment's spec).
 */
function homeOf(ctx: SchemaContext, parent: (string | number)[], parentDef: string | undefined, key: string): string | undefined {
  // Up: the nearest enclosing object (at most two objects up) that has the key.
  let up = parent.slice();
  for (let level = 0; level < 2 && up.length > 0;) {
    up = up.slice(0, -1);
    const info = ctx.api.resolveField(ctx.apiVersion, ctx.kind, up);
    if (info?.shape !== 'object') continue; // an array or map on the way up
    level++;
    if (info.definition && hasProperty(ctx, info.definition, key)) return pathLabel(ctx.kind, up);
  }
  // Down: breadth-first through object fields (not status), at most three levels.
  if (!parentDef) return undefined;
  let frontier: { def: string; rel: string }[] = [{ def: parentDef, rel: '' }];
  for (let depth = 0; depth < 3; depth++) {
    const next: { def: string; rel: string }[] = [];
    for (const { def, rel } of frontier) {
      for (const [prop, [t]] of Object.entries(ctx.api.getDefinition(def)?.p ?? {})) {
        if (prop === 'status') continue;
        const target = t.startsWith('@') ? t.slice(1) : t.startsWith('[]@') ? t.slice(3) : undefined;
        if (!target) continue;
        const r = `${rel}${rel ? '.' : ''}${prop}${t.startsWith('[]') ? '[]' : ''}`;
        if (hasProperty(ctx, target, key)) return `${pathLabel(ctx.kind, parent)}.${r}`;
        next.push({ def: target, rel: r });
      }
    }
    frontier = next;
  }
  return undefined;
}
