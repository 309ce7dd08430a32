// The language service's imports run one way — yaml/text → manifest → Kubernetes model → API →
// rules/refactors → features — and never in a circle (DESIGN.md, "The shape to grow into"). Reads
// every import and export-from of server/src/service, type-only ones included.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';

const SERVICE = join(__dirname, '..', '..', 'server', 'src', 'service');

/** The layer of each top folder of the service; files at the top and other folders are features. */
const LAYERS: Readonly<Record<string, number>> = {
  text: 0,
  manifest: 1,
  k8s: 2,
  cron: 2,
  api: 3,
  guide: 3,
  workspace: 3,
  crd: 3,
  rules: 4,
  refactors: 4,
};
const FEATURES = 5;
/** Modules that word findings like the rules do, kept beside the model they word. */
const RULE_LEVEL = new Set(['crd/problems.ts', 'crd/resource.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
    let target = normalize(join(dirname(file), m[1]));
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index');
    if (existsSync(`${target}.ts`)) out.push(`${target}.ts`);
  }
  return out;
}

const layerOf = (file: string) => {
  const rel = relative(SERVICE, file);
  if (RULE_LEVEL.has(rel)) return LAYERS.rules;
  return rel.includes('/') ? (LAYERS[rel.split('/')[0]] ?? FEATURES) : FEATURES;
};

describe('the language service architecture', () => {
  const files = tsFiles(SERVICE);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(SERVICE))]));
  it('reads the service', () => assert.ok(files.length > 100 && [...graph.values()].flat().length > 300));

  it('imports run one way: no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph)
      for (const t of targets) if (layerOf(t) > layerOf(file)) upward.push(`${relative(SERVICE, file)} → ${relative(SERVICE, t)}`);
    assert.deepEqual(upward, []);
  });

  it('has no import cycles', () => {
    // Tarjan's strongly connected components: any component of more than one module is a cycle.
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(relative(SERVICE, w));
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of files) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  it('has no module-level caches in the features and rules (they belong to a language service instance)', () => {
    // Memos of pure functions keyed by immutable objects (a parsed file, an index state): they can
    // never answer for another release or settings, and go with their key.
    const pureMemos = new Set([
      'refactors/index.ts',
      'rules/dangling-service.ts',
      'rules/duplicate-name.ts',
      'rules/service-not-headless.ts',
      'crd/resource.ts',
    ]);
    const offenders = files
      .filter((f) => layerOf(f) >= 4 && !pureMemos.has(relative(SERVICE, f)))
      .filter((f) => /^(?:const|let) \w+ = new WeakMap\b/m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SERVICE, f));
    assert.deepEqual(offenders, []);
  });
});
