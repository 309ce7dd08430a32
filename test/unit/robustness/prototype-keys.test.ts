// Keys named like Object.prototype's members (`__proto__`, `constructor`, `toString`,
// `hasOwnProperty`, `valueOf`) are ordinary keys in labels, selectors, annotations, env and data.
// A metamorphic table over every registered rule: each source manifest gets such keys in every
// map that comes from the user, and its findings must be exactly those of the same text with the
// keys renamed to harmless names of the same length (so every range stays put) — no crash, no
// finding added, none lost. Then the cases the issue names, with their expected results.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { getLanguageService } from '../../../server/src/service/index';
import { RULES } from '../../../server/src/service/rules/registry';
import * as guide from '../rules/guide-examples';

/** Each prototype name and its same-length stand-in. */
const NAMES: readonly [string, string][] = [
  ['__proto__', '__protQ__'],
  ['constructor', 'constructoq'],
  ['toString', 'toStrinQ'],
  ['hasOwnProperty', 'hasOwnPropertQ'],
  ['valueOf', 'valueOQ'],
];

/** Keys whose value is a map of the user's own keys. */
const USER_MAPS = new Set(['labels', 'matchLabels', 'annotations', 'nodeSelector', 'data', 'stringData', 'binaryData']);

function inject(doc: Document.Parsed): void {
  const walk = (node: unknown, parentKey: string | undefined, kind: unknown): void => {
    if (isMap(node)) {
      const serviceSelector = parentKey === 'selector' && kind === 'Service';
      if ((parentKey && USER_MAPS.has(parentKey)) || serviceSelector) {
        for (const [name] of NAMES) node.add(doc.createPair(name, parentKey === 'data' || parentKey === 'annotations' ? 'x' : name));
        return;
      }
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === 'env' && isSeq(pair.value)) {
          for (const [name] of NAMES) pair.value.add(doc.createNode({ name, value: name }));
          continue;
        }
        walk(pair.value, key, kind);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item, parentKey, kind);
    else if (isPair(node)) walk(node.value, undefined, kind);
  };
  walk(doc.contents, undefined, doc.get('kind'));
}

function withPrototypeKeys(text: string): string {
  return parseAllDocuments(text)
    .map((d) => {
      inject(d as Document.Parsed);
      return d.toString({ lineWidth: 0 });
    })
    .join('---\n');
}

function renamed(text: string): string {
  let out = text;
  for (const [name, stand] of NAMES) out = out.split(name).join(stand);
  return out;
}

function findings(text: string): string[] {
  const service = getLanguageService();
  const document = TextDocument.create('file:///work/proto.yaml', 'yaml', 1, text);
  return service
    .doValidation(document)
    .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .sort();
}

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'k8s', 'kubernetes-examples');
const corpusSample = readdirSync(CORPUS)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()
  .filter((_n, i) => i % 6 === 0)
  .map((n) => ({ name: n, text: readFileSync(join(CORPUS, n), 'utf8') }));

const SOURCES: { name: string; text: string }[] = [
  ...RULES.flatMap((r) => [
    ...(r.meta.example ? [{ name: `${r.meta.id} example`, text: r.meta.example.invalid }] : []),
    ...(r.meta.example?.fixed ? [{ name: `${r.meta.id} example fixed`, text: r.meta.example.fixed }] : []),
  ]),
  ...Object.entries(guide)
    .filter(([, text]) => typeof text === 'string')
    .map(([name, text]) => ({ name: `guide ${name}`, text: text as string })),
  ...corpusSample,
].filter((s) => {
  // Only text that parses can be rewritten (the syntax examples have nothing to inject into anyway).
  const docs = parseAllDocuments(s.text);
  return Array.isArray(docs) && docs.every((d) => d.errors.length === 0);
});

describe('prototype-named keys: every rule finds the same as with ordinary keys', () => {
  it('has sources for every kind of map', () => {
    assert.ok(SOURCES.length > 40);
    const all = SOURCES.map((s) => withPrototypeKeys(s.text)).join('\n');
    for (const [name] of NAMES) assert.ok(all.includes(`${name}: `), `${name} injected`);
    assert.ok(all.includes('name: toString'), 'env injected');
  });
  for (const source of SOURCES) {
    it(source.name, () => {
      const text = withPrototypeKeys(source.text);
      const actual = findings(text);
      const expected = findings(renamed(text)).map((f) => {
        let out = f;
        for (const [name, stand] of NAMES) out = out.split(stand).join(name);
        return out;
      });
      assert.deepEqual(actual, expected);
      assert.ok(!actual.some((f) => f.includes('Internal error')), actual.join('\n'));
    });
  }
});

describe('prototype-named keys: the cases of the issue', () => {
  const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
${selector}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: {requests: {cpu: 10m, memory: 8Mi}, limits: {memory: 8Mi}}
          securityContext: {runAsNonRoot: true}
`;
  const mismatches = (text: string) => findings(text).filter((f) => f.startsWith('selector-mismatch'));

  it('matchExpressions `toString` Exists is flagged when the template lacks it', () => {
    const text = deployment(
      '    matchLabels:\n      app: web\n    matchExpressions:\n      - {key: toString, operator: Exists}',
      '        app: web',
    );
    assert.equal(mismatches(text).length, 1, findings(text).join('\n'));
  });
  it('matchExpressions `constructor` DoesNotExist is satisfied when the template lacks it', () => {
    const text = deployment(
      '    matchLabels:\n      app: web\n    matchExpressions:\n      - {key: constructor, operator: DoesNotExist}',
      '        app: web',
    );
    assert.deepEqual(mismatches(text), []);
  });
  it('matchExpressions `hasOwnProperty` In is flagged when the template lacks it', () => {
    const text = deployment(
      '    matchLabels:\n      app: web\n    matchExpressions:\n      - {key: hasOwnProperty, operator: In, values: [a]}',
      '        app: web',
    );
    assert.equal(mismatches(text).length, 1);
  });
  it('a Service selecting on `toString` gets no internal error from dangling-service', () => {
    const text = `${deployment('    matchLabels:\n      app: web', '        app: web')}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    toString: web
  ports:
    - port: 80
`;
    const all = findings(text);
    assert.ok(!all.some((f) => f.includes('Internal error')), all.join('\n'));
    assert.equal(all.filter((f) => f.startsWith('dangling-service')).length, 1, all.join('\n'));
  });
  it('matchLabels `constructor` is not taken as present in a template without it', () => {
    const text = deployment('    matchLabels:\n      app: web\n      constructor: x', '        app: web');
    assert.equal(mismatches(text).length, 1);
  });
});

/**
 * Prototype names where a manifest's VALUES are looked up in tables: a kind, an apiVersion, an
 * image, a schedule descriptor, a quantity suffix, policies and types, a Job field hovered. The
 * same metamorphic check: each finding equals that of the harmless same-length name, and every
 * feature answers without throwing (`kind: constructor` once made the workspace index throw, and
 * `image: constructor` was described as "a function Object() { [native code] }").
 */
const VALUE_PROBE = (w: string) => `apiVersion: apps/v1
kind: ${w}
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${w}:1.0
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${w}
spec:
  schedule: "@${w}"
  timeZone: ${w}
  ${w}: 1
  jobTemplate:
    spec:
      ${w}: 1
      template:
        spec:
          restartPolicy: ${w}
          dnsPolicy: ${w}
          containers:
            - name: ${w}
              image: ${w}
              imagePullPolicy: ${w}
              resources:
                limits:
                  cpu: 1${w}
                  ${w}: 1
---
apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  type: ${w}
  ports:
    - port: 80
      protocol: ${w}
      targetPort: ${w}
---
apiVersion: ${w}/v1
kind: Deployment
metadata:
  name: d
spec:
  strategy:
    type: ${w}
---
apiVersion: ${w}
kind: ${w}
metadata:
  name: e
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: img
spec:
  template:
    spec:
      containers:
        - name: c
          image: registry.example/${w}:2
          command: ["${w}"]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  serviceName: ${w}
  updateStrategy:
    type: ${w}
  podManagementPolicy: ${w}
  template:
    spec:
      containers:
        - name: c
          image: ${w}
          volumeMounts:
            - name: ${w}
              mountPath: /${w}
`;

describe('prototype names as values: the same findings as ordinary names, and every feature answers', () => {
  for (const [name, stand] of NAMES) {
    it(name, () => {
      const text = VALUE_PROBE(name);
      const actual = findings(text);
      const expected = findings(VALUE_PROBE(stand)).map((f) => f.split(stand).join(name));
      assert.deepEqual(actual, expected);
      assert.ok(!actual.some((f) => f.includes('Internal error') || f.includes('[native code]')), actual.join('\n'));
      const service = getLanguageService();
      const document = TextDocument.create('file:///work/proto-values.yaml', 'yaml', 1, text);
      service.findDocumentSymbols(document);
      service.getCodeLenses(document);
      service.getInlayHints(document, { start: { line: 0, character: 0 }, end: document.positionAt(text.length) });
      text.split('\n').forEach((line, i) => {
        for (const character of [line.indexOf(':') - 1, line.length]) {
          if (character < 0) continue;
          const position = { line: i, character };
          const hover = service.doHover(document, position);
          const shown = JSON.stringify(hover ?? '');
          assert.ok(!shown.includes('[native code]'), `hover at ${i}:${character}: ${shown}`);
          service.doComplete(document, position);
          service.findDefinition(document, position);
          service.getDebugCommands(document, position);
        }
      });
    });
  }
});
