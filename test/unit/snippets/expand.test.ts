// The snippet expander the snippet tests rely on: if it expanded wrongly, those tests would prove nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { choicesOf, expandSnippet, parseSnippet as parse, tabstopOrder } from './expand';

describe('snippet expander', () => {
  const cases: { name: string; body: string; values?: Record<number, string>; variables?: Record<string, string>; out: string }[] = [
    { name: 'plain text', body: 'kind: Job', out: 'kind: Job' },
    { name: 'placeholder default', body: 'name: ${1:web}', out: 'name: web' },
    { name: 'mirror takes the placeholder default', body: 'a: $1\nb: ${1:web}\nc: ${1}', out: 'a: web\nb: web\nc: web' },
    { name: 'typed value goes to every mirror', body: 'a: ${1:web}\nb: $1', values: { 1: 'api' }, out: 'a: api\nb: api' },
    { name: 'first choice', body: 'p: ${2|Forbid,Allow,Replace|}', out: 'p: Forbid' },
    { name: 'chosen choice', body: 'p: ${2|Forbid,Allow,Replace|}', values: { 2: 'Replace' }, out: 'p: Replace' },
    { name: 'escaped choice separator', body: '${1|a\\,b,c|}', out: 'a,b' },
    { name: 'nested placeholder', body: '${1:${2:img}:v1}', out: 'img:v1' },
    { name: 'nested placeholder, inner typed', body: '${1:${2:img}:v1} $2', values: { 2: 'x' }, out: 'x:v1 x' },
    { name: 'empty tab stops', body: 'a$0b$3', out: 'ab' },
    { name: 'escaped dollar stays literal', body: 'args: ["\\$(JOB_INDEX)"]', out: 'args: ["$(JOB_INDEX)"]' },
    { name: 'escaped brace inside a placeholder', body: '${1:a\\}b}', out: 'a}b' },
    { name: 'lone dollar is text', body: 'cost: $ 5', out: 'cost: $ 5' },
    { name: 'variable', body: 'file: $TM_FILENAME_BASE', variables: { TM_FILENAME_BASE: 'app' }, out: 'file: app' },
    { name: 'variable default', body: 'x: ${NOPE:fallback}', out: 'x: fallback' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(expandSnippet(c.body, { values: c.values, variables: c.variables }), c.out));
  }
  it('rejects an unknown variable without default', () => assert.throws(() => expandSnippet('$UNKNOWN_VAR'), /unknown snippet variable/));
  it('rejects an unterminated placeholder', () => assert.throws(() => expandSnippet('${1:abc'), /unterminated/));
  it('lists tab stops in order of appearance', () => assert.deepEqual(tabstopOrder(parse('${2:a} $1 ${3|x,y|} $2 $0')), [2, 1, 3, 0]));
  it('lists choices', () => assert.deepEqual([...choicesOf(parse('${3|x,y|} ${1:a}'))], [[3, ['x', 'y']]]));
});
