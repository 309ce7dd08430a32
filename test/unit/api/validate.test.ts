// api/validate.ts against an independent oracle: ajv validating the same release written as JSON
// Schema (jsonSchemaOracle.ts). Over every object of the corpus and the examples, and over mutated
// copies of each (a key renamed, a value of the wrong type, a required field removed, a number out
// of range, a value outside its allowed set), both must find the same problems at the same paths —
// for the oldest and the newest release.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { KubernetesVersion } from '../../../server/src/service/api/index';
import { checkObject, type SchemaProblem } from '../../../server/src/service/api/validate';
import { ManifestParser } from '../../../server/src/service/manifest/parse';
import type { ManifestDocument } from '../../../server/src/service/manifest/types';
import { testApi } from '../helpers/api';
import { jsonSchemaOracle } from './jsonSchemaOracle';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = [join(ROOT, '..', 'shared', 'corpus', 'k8s'), join(ROOT, 'examples')];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/i.test(name) ? [p] : [];
    });
}

const key = (p: SchemaProblem) => `${p.code} ${p.path.join('/')}${'key' in p ? ` ${p.key}` : ''}`;

/** Mutations of a plain object, each at one place: [what, mutated copy]. */
function mutations(value: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const visit = (v: unknown, path: (string | number)[], depth: number) => {
    if (out.length > 12 || depth > 6 || !v || typeof v !== 'object') return;
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      const at = [...path, k];
      const mutate = (what: string, f: (parent: Record<string | number, unknown>) => void) => {
        const copy = structuredClone(value);
        let parent: unknown = copy;
        for (const seg of path) parent = (parent as Record<string | number, unknown>)[seg];
        f(parent as Record<string | number, unknown>);
        out.push([`${what} at ${at.join('.')}`, copy]);
      };
      if (typeof k === 'string' && depth % 2 === 0) mutate('renamed key', (p) => ((p[`${k}x`] = p[k]), delete p[k]));
      if (typeof x === 'number') mutate('number out of range', (p) => (p[k] = -5_000_000_000));
      if (typeof x === 'string' && depth % 3 === 1) mutate('string made a list', (p) => (p[k] = [x]));
      if (typeof x === 'string' && /^[A-Z]/.test(x)) mutate('value changed', (p) => (p[k] = `${x}Z`));
      if (x && typeof x === 'object' && !Array.isArray(x)) mutate('object made a string', (p) => (p[k] = 'x'));
      visit(x, at, depth + 1);
    }
  };
  visit(value, [], 0);
  return out;
}

function documents(): { name: string; doc: ManifestDocument }[] {
  const parser = new ManifestParser();
  const out: { name: string; doc: ManifestDocument }[] = [];
  for (const dir of SOURCES)
    for (const f of yamlFiles(dir)) {
      const file = parser.parse(`file://${f}`, readFileSync(f, 'utf8'));
      for (const doc of file.documents)
        if (doc.object && doc.syntaxProblems.length === 0) out.push({ name: `${f.slice(ROOT.length - 4)}#${doc.index}`, doc });
    }
  return out;
}

for (const version of ['1.30', '1.35'] as KubernetesVersion[]) {
  describe(`api/validate.ts agrees with ajv on Kubernetes ${version}`, () => {
    const api = testApi(version);
    const oracle = jsonSchemaOracle(api);
    const docs = documents();
    /** Our problems without the conditional requirements, which JSON Schema cannot state. */
    const ours = (apiVersion: string, kind: string, problems: readonly SchemaProblem[]) =>
      problems.filter((p) => {
        if (p.code !== 'required') return true;
        const def = p.path.length ? api.resolveField(apiVersion, kind, p.path)?.definition : api.kindDefinition(apiVersion, kind);
        return !api.extraRequired(def ?? '').some((e) => e.prop === p.key && e.when);
      });
    let compared = 0;
    it('on every object of the corpus and the examples', () => {
      for (const { name, doc } of docs) {
        const check = checkObject(api, doc);
        if (!check) continue;
        const { apiVersion, kind } = doc.object!;
        compared++;
        const want = oracle.problems(apiVersion, kind, check.value).map(key).sort();
        assert.deepEqual(ours(apiVersion, kind, check.problems).map(key).sort(), want, name);
      }
      assert.ok(compared > 100, `only ${compared} objects compared`);
    });
    it('on mutated copies of them', () => {
      let mutated = 0;
      let found = 0;
      for (const { name, doc } of docs) {
        const check = checkObject(api, doc);
        if (!check) continue;
        const { apiVersion, kind } = doc.object!;
        for (const [what, value] of mutations(check.value)) {
          const parsed = new ManifestParser().parse('file:///m.yaml', JSON.stringify(value));
          const mdoc = parsed.documents[0];
          const mine = checkObject(api, mdoc);
          if (!mine) continue;
          mutated++;
          const want = oracle.problems(apiVersion, kind, mine.value).map(key).sort();
          found += want.length;
          assert.deepEqual(ours(apiVersion, kind, mine.problems).map(key).sort(), want, `${name}: ${what}`);
        }
      }
      assert.ok(mutated > 1000 && found > 1000, `${mutated} mutations, ${found} problems`);
    });
  });
}
