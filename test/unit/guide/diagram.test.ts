import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decisionPathTo } from '../../../server/src/service/guide/decisionTree';
import { renderDecisionTreeSvg } from '../../../server/src/service/guide/diagram';
import { DIAGRAM_MARKER, guidePage, workloadKindAt } from '../../../server/src/service/guide/page';
import { WORKLOAD_KINDS } from '../../../server/src/service/guide/types';

/** ids of the boxes (`<g id>`) whose rect carries `cls` */
function boxesWith(svg: string, cls: string): string[] {
  return [...svg.matchAll(/<g id="([^"]+)"><rect class="([^"]*)"/g)].filter((m) => m[2].split(' ').includes(cls)).map((m) => m[1]);
}
function edgesOn(svg: string): string[] {
  return [...svg.matchAll(/<path class="edge on" data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]}>${m[2]}`);
}

describe('decision tree diagram', () => {
  test('the whole tree: four questions, five kinds, eight Yes/No edges, nothing highlighted', () => {
    const svg = renderDecisionTreeSvg();
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.endsWith('</svg>'));
    assert.equal((svg.match(/<rect /g) ?? []).length, 9);
    assert.deepEqual(boxesWith(svg, 'kind').sort(), WORKLOAD_KINDS.map((k) => `kind-${k}`).sort());
    assert.equal((svg.match(/<path class="edge/g) ?? []).length, 8);
    assert.equal((svg.match(/>Yes</g) ?? []).length, 4);
    assert.deepEqual(boxesWith(svg, 'on'), []);
    assert.deepEqual(edgesOn(svg), []);
    // every question is written out (wrapped over lines)
    assert.match(svg, />Is this a batch task that<\/text>\n<text [^>]*>runs to completion\?<\/text>/);
  });

  for (const kind of WORKLOAD_KINDS)
    test(`${kind}: its path from the root is highlighted, and only it`, () => {
      const svg = renderDecisionTreeSvg(kind);
      const questions = decisionPathTo(kind).map((s) => `q-${s.question.id}`);
      assert.deepEqual(boxesWith(svg, 'on').sort(), [...questions, `kind-${kind}`].sort());
      assert.deepEqual(boxesWith(svg, 'current'), [`kind-${kind}`]);
      const ids = [...questions, `kind-${kind}`];
      assert.deepEqual(
        edgesOn(svg),
        ids.slice(1).map((to, i) => `${ids[i]}>${to}`),
      );
    });

  test('a nonce for a strict Content-Security-Policy lands on its style element, escaped', () => {
    assert.match(renderDecisionTreeSvg(undefined, { nonce: 'a"b' }), /<style nonce="a&quot;b">/);
    assert.match(renderDecisionTreeSvg(), /<style>/);
  });
});

describe('guide page', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n';
  test('the kind of the document at the cursor', () => {
    assert.equal(workloadKindAt(text, 5), undefined, 'a Service is not a workload kind');
    assert.equal(workloadKindAt(text, text.lastIndexOf('name: db')), 'StatefulSet');
    assert.equal(workloadKindAt('kind: "CronJob"  # nightly\n', 0), 'CronJob');
    assert.equal(workloadKindAt('', 0), undefined);
  });

  test('opened from a StatefulSet: its path, the diagram, its section first', () => {
    const page = guidePage('StatefulSet');
    assert.equal(page.kind, 'StatefulSet');
    assert.match(
      page.markdown,
      /\*\*This object is a StatefulSet\.\*\* Its path through the tree is highlighted: runs to completion\? no → stable network identity\? yes → StatefulSet\./,
    );
    assert.ok(page.markdown.includes(DIAGRAM_MARKER));
    const headings = [...page.markdown.matchAll(/^## (.*?) — /gm)].map((m) => m[1]);
    assert.deepEqual(headings, ['▶ StatefulSet', 'Deployment', 'DaemonSet', 'Job', 'CronJob']);
    assert.deepEqual(boxesWith(page.svg, 'current'), ['kind-StatefulSet']);
  });

  test('opened from nothing: every kind, nothing highlighted', () => {
    const page = guidePage();
    assert.equal([...page.markdown.matchAll(/^## /gm)].length, 5);
    assert.deepEqual(boxesWith(page.svg, 'on'), []);
  });
});
