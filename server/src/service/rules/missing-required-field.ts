// missing-required-field: a field the API server requires: the spec's `required` lists plus what
// its validation code insists on (containers[].image, a Service's ports unless headless or
// ExternalName; see api/required.ts). Reported on the parent key (the `kind` line for a
// top-level field); the fix inserts the field with a placeholder at the right indentation.
import { customResourceReportsOf } from '../crd/resource';
import { insertPair } from '../manifest/edit';
import { rangeOfKey, rangeOfValue, type OffsetRange } from '../manifest/navigate';
import { afterKindLine, fillEmpty, placeholder, toEditValue } from './placeholders';
import { fieldLabel, fix, pathLabel, report, schemaContext, type SchemaContext } from './schemaReport';
import type { Report, Rule } from './types';

export const missingRequiredField: Rule = {
  meta: {
    id: 'missing-required-field',
    name: 'Missing required field',
    severity: 'error',
    kinds: 'all',
    description:
      'A field the Kubernetes API requires is missing (spec.selector, spec.template, containers[].name and image, schedule, jobTemplate…).',
    rationale:
      'The API server rejects an object without its required fields ("Required value"): a Deployment without a selector or template, a container without a name or image, a CronJob without a schedule. Catching it in the editor saves a failed apply.',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'skip',
    messages: {
      missing: '{{parent}} is missing the required field `{{field}}`.',
      empty: '`{{field}}` of {{parent}} is empty, but the API requires a value.',
    },
    example: {
      invalid: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n',
      fixed: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ""\n',
    },
  },
  check(ctx) {
    for (const p of customResourceReportsOf(ctx.doc, ctx.crds)) if (p.ruleId === 'missing-required-field') ctx.report(p.report);
    const sc = schemaContext(ctx);
    if (!sc) return;
    for (const p of sc.problems) {
      const path = [...p.path];
      if (p.code === 'required') {
        const r = missingField(sc, path, p.key);
        if (r) ctx.report(r);
      } else if (p.code === 'empty')
        ctx.report(report(rangeOfValue(sc.doc, path), 'empty', { field: fieldLabel(path), parent: pathLabel(sc.kind, path.slice(0, -1)) }));
    }
  },
};

function kindLineRange(ctx: SchemaContext): OffsetRange {
  const k = rangeOfKey(ctx.doc, ['kind']);
  const v = rangeOfValue(ctx.doc, ['kind']);
  return [k[0], Math.max(k[1], v[1])];
}

function missingRange(ctx: SchemaContext, parent: (string | number)[]): OffsetRange {
  return parent.length === 0 ? kindLineRange(ctx) : rangeOfKey(ctx.doc, parent);
}

function missingField(ctx: SchemaContext, parent: (string | number)[], key: string): Report | undefined {
  const parentInfo = ctx.api.resolveField(ctx.apiVersion, ctx.kind, parent);
  const defName = parentInfo?.definition ?? '';
  const t = ctx.api.getDefinition(defName)?.p[key]?.[0] ?? 'string';
  const sample = placeholder(ctx, defName, key, t, parent);
  const edits =
    fillEmpty(ctx, [...parent, key], sample) ??
    (parent.length === 0 && key === 'metadata' ? afterKindLine(ctx, key, sample) : undefined) ??
    insertPair(ctx.doc, parent, key, toEditValue(ctx, sample));
  const fixes = fix(`Add \`${key}\``, edits, { preferred: true });
  return report(missingRange(ctx, parent), 'missing', { parent: pathLabel(ctx.kind, parent), field: key }, fixes);
}
