// invalid-quantity: a resource quantity that does not parse with Kubernetes' quantity grammar
// (`500mi`, `2GB`, `1.5.0`); the fix offers the unit the author most likely meant. Found by the
// shared schema pass (the `quantity` format of api/validate.ts, grammar in k8s/quantity.ts).
import { getAt, rangeOfValue } from '../manifest/navigate';
import { replaceValue } from '../manifest/edit';
import { suggestQuantities } from '../k8s/quantity';
import { fieldLabel, fix, report, schemaContext, shown, type SchemaContext } from './schemaReport';
import type { Fix, Report, Rule } from './types';

export const invalidQuantity: Rule = {
  meta: {
    id: 'invalid-quantity',
    name: 'Invalid resource quantity',
    severity: 'error',
    kinds: 'all',
    description: 'A resource quantity (cpu, memory, storage…) that is not a valid Kubernetes quantity.',
    rationale:
      'Quantities are a number with an optional suffix: binary Ki Mi Gi Ti Pi Ei, decimal n u m k M G T P E, or an exponent (1e3). Suffixes are case-sensitive, so `500mi`, `2GB` or `1K` are rejected by the API server; note that `m` means milli (500m memory is half a byte).',
    guideSection: 'Kubernetes API',
    fixable: true,
    onPatch: 'check',
    messages: {
      invalidSuggest:
        '{{value}} is not a valid quantity for `{{field}}`. Did you mean `{{suggestion}}`? (units are case-sensitive: Ki Mi Gi Ti, k M G T, m for milli)',
      invalid: '{{value}} is not a valid quantity for `{{field}}`: write a number with an optional unit such as 500m, 256Mi or 2Gi.',
    },
    example: {
      invalid:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      limits:\n        memory: 500mi\n',
      fixed:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      limits:\n        memory: 500Mi\n',
    },
  },
  check(ctx) {
    const sc = schemaContext(ctx);
    if (!sc) return;
    for (const p of sc.problems) if (p.code === 'format' && p.format === 'quantity') ctx.report(badQuantity(sc, [...p.path]));
  },
};

function badQuantity(ctx: SchemaContext, path: (string | number)[]): Report {
  const raw = getAt(ctx.value, path);
  const v = String(raw);
  const range = rangeOfValue(ctx.doc, path);
  const suggestions = suggestQuantities(v);
  const fixes: Fix[] = [];
  suggestions.forEach((s, i) => {
    fixes.push(
      ...fix(`Change to \`${s}\``, replaceValue(ctx.doc, path, s), {
        preferred: i === 0,
        safe: suggestions.length === 1,
      }),
    );
  });
  const field = fieldLabel(path);
  // Quoted like every schema message's value (an empty one shows as "").
  const value = shown(raw);
  return suggestions.length
    ? report(range, 'invalidSuggest', { field, value, suggestion: suggestions[0] }, fixes)
    : report(range, 'invalid', { field, value });
}
