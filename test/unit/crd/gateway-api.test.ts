// The Gateway API standard-channel CRDs (shared/corpus/crds/gateway-api, 178 CEL rules in
// HTTPRoute alone) against the project's own examples: every example validates with no problem,
// and each kind of mistake in a mutated copy is caught at its path.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { readCrd, versionFor } from '../../../server/src/service/crd/read';
import { checkCrdDocument } from '../../../server/src/service/crd/structural';
import type { CrdInfo, CrdProblem } from '../../../server/src/service/crd/types';
import { validateCustomResource } from '../../../server/src/service/crd/validate';

const ROOT = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'crds', 'gateway-api');
const values = (file: string): unknown[] =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as unknown)
    .filter((v) => v !== null && v !== undefined);

const crdValues = readdirSync(join(ROOT, 'crds')).flatMap((f) => values(join(ROOT, 'crds', f)));
const CRDS: CrdInfo[] = crdValues.map((v) => readCrd(v)).filter((c): c is CrdInfo => !!c);

function check(value: Record<string, unknown>): CrdProblem[] | undefined {
  for (const crd of CRDS) {
    if (crd.names.kind !== value.kind) continue;
    const version = versionFor(crd, String(value.apiVersion));
    if (version?.schema) return validateCustomResource(version.schema, value).problems;
  }
  return undefined;
}

/** The parts of the example HTTPRoute that the mutations change. */
interface Route {
  spec: {
    parentRefs: Record<string, unknown>[];
    hostnames: string[];
    rules: { matches: { path: Record<string, unknown> }[]; backendRefs: Record<string, unknown>[] }[];
  };
}

const HTTPROUTE = values(join(ROOT, 'examples', 'http-routing__foo-httproute.yaml'))[0] as Record<string, unknown>;

describe('crd: the Gateway API CRDs and their examples', () => {
  it('reads the ten standard-channel CRDs, and their documents pass the structural checks', () => {
    assert.equal(CRDS.length, 10);
    assert.deepEqual(
      crdValues.filter((v) => readCrd(v)).flatMap((v) => checkCrdDocument(v)),
      [],
    );
  });

  it('every example validates with no problem', () => {
    let checked = 0;
    for (const f of readdirSync(join(ROOT, 'examples')))
      for (const v of values(join(ROOT, 'examples', f))) {
        const problems = check(v as Record<string, unknown>);
        if (!problems) continue;
        checked++;
        assert.deepEqual(problems, [], f);
      }
    assert.ok(checked >= 90, `only ${checked} custom resources among the examples`);
  });

  type Mutation = [string, (route: Route) => void, Pick<CrdProblem, 'code' | 'path'> & { params?: Record<string, unknown> }];
  const mutations: Mutation[] = [
    [
      'a typo field',
      (r) => (r.spec.parentRefs[0].nmae = r.spec.parentRefs[0].name),
      { code: 'unknownField', path: ['spec', 'parentRefs', 0, 'nmae'] },
    ],
    [
      'a wrong enum',
      (r) => (r.spec.rules[0].matches[0].path.type = 'Prefix'),
      { code: 'enum', path: ['spec', 'rules', 0, 'matches', 0, 'path', 'type'] },
    ],
    [
      'a wrong type',
      (r) => (r.spec.rules[0].backendRefs[0].port = '8080'),
      { code: 'type', path: ['spec', 'rules', 0, 'backendRefs', 0, 'port'], params: { expected: 'integer', actual: 'string' } },
    ],
    [
      'a missing required field',
      (r) => delete r.spec.rules[0].backendRefs[0].name,
      { code: 'required', path: ['spec', 'rules', 0, 'backendRefs', 0], params: { field: 'name' } },
    ],
    ['a pattern violation', (r) => (r.spec.hostnames[0] = 'Foo_Bar.example.com'), { code: 'pattern', path: ['spec', 'hostnames', 0] }],
    [
      'a port out of range',
      (r) => (r.spec.rules[0].backendRefs[0].port = 70000),
      { code: 'maximum', path: ['spec', 'rules', 0, 'backendRefs', 0, 'port'] },
    ],
    [
      'a broken CEL rule: a PathPrefix that is not absolute',
      (r) => (r.spec.rules[0].matches[0].path.value = 'login'),
      { code: 'cel', path: ['spec', 'rules', 0, 'matches', 0, 'path'] },
    ],
    [
      'a broken CEL rule: a backendRef to a Service without a port',
      (r) => delete r.spec.rules[0].backendRefs[0].port,
      { code: 'cel', path: ['spec', 'rules', 0, 'backendRefs', 0] },
    ],
  ];
  for (const [name, mutate, expected] of mutations)
    it(`a mutated HTTPRoute: ${name} is caught at ${expected.path.join('.')}`, () => {
      const route = structuredClone(HTTPROUTE);
      mutate(route as unknown as Route);
      const problems = check(route)!;
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].code, expected.code);
      assert.deepEqual(problems[0].path, expected.path);
      for (const [k, v] of Object.entries(expected.params ?? {})) assert.deepEqual(problems[0].params[k], v, k);
    });

  it("a broken CEL rule says the CRD's message", () => {
    const route = structuredClone(HTTPROUTE) as unknown as Route;
    route.spec.rules[0].matches[0].path.value = 'login';
    assert.match(
      String(check(route as unknown as Record<string, unknown>)![0].params.message),
      /must be an absolute path and start with '\/'/,
    );
  });
});
