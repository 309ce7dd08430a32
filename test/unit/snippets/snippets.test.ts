// Every snippet in snippets/workloads.code-snippets, expanded the way VS Code would with its defaults
// (and with every choice, and with a new name typed at the name tab stop), must be a valid manifest
// that the language service finds nothing to say about, with the names that must match mirrored.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/index';
import { assertPodFacts } from '../helpers/podFacts';
import { choicesOf, expandSnippet, parseSnippet, tabstopOrder } from './expand';

const ROOT = join(__dirname, '..', '..', '..');
const SNIPPETS_FILE = join(ROOT, 'snippets', 'workloads.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}
/** .code-snippets files are JSON with comments and trailing commas (Prettier writes them); both are also JavaScript. */
function readSnippetsFile(file: string): Record<string, Snippet> {
  return runInNewContext(`(${readFileSync(file, 'utf8')}\n)`, {}, { filename: file }) as Record<string, Snippet>;
}
const snippets = Object.entries(readSnippetsFile(SNIPPETS_FILE));
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** The variables VS Code would resolve, should a snippet use any. */
const VARIABLES = { TM_FILENAME: 'app.yaml', TM_FILENAME_BASE: 'app', TM_DIRECTORY: '/work', TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '' };

function validate(text: string) {
  const service = getLanguageService();
  const document = TextDocument.create('file:///work/snippet.yaml', 'yaml', 1, text);
  return service.doValidation(document).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function objectsOf(text: string): Obj[] {
  const docs = parseAllDocuments(text);
  assert.ok(Array.isArray(docs), 'parses as YAML');
  for (const d of docs) assert.deepEqual(d.errors, [], 'no YAML errors');
  return docs.map((d) => d.toJS() as Obj).filter((o) => o !== null);
}

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
/** The names that must agree in one snippet: workload name, selector, template labels, serviceName, governing Service. */
function mirroredNames(objects: Obj[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const o of objects) {
    const k = o.kind as string;
    names[`${k}.metadata.name`] = o.metadata?.name;
    if (['Deployment', 'StatefulSet', 'DaemonSet'].includes(k)) {
      names[`${k}.spec.selector.matchLabels.app`] = o.spec.selector.matchLabels.app;
      names[`${k}.spec.template.metadata.labels.app`] = o.spec.template.metadata.labels.app;
    }
    if (k === 'StatefulSet') names['StatefulSet.spec.serviceName'] = o.spec.serviceName;
    if (k === 'Service') names['Service.spec.selector.app'] = o.spec.selector.app;
  }
  return names;
}

describe('snippets/workloads.code-snippets', () => {
  it('is not contributed to VS Code: the language server offers it only where a manifest can start', () => {
    // VS Code shows contributed snippets in every completion list at any depth, next to the server's items
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets?: unknown } };
    assert.equal(pkg.contributes.snippets, undefined);
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!snippets\/\*\.code-snippets$/m, 'the .vsix ships it for the server to read');
  });

  it('has one snippet per kind and guide pattern', () => {
    const all = snippets.flatMap(([, s]) => prefixes(s));
    for (const p of [
      'k8s-deployment',
      'k8s-statefulset',
      'k8s-daemonset',
      'k8s-job',
      'k8s-job-parallel',
      'k8s-job-indexed',
      'k8s-cronjob',
      'k8s-ai-vector-db',
      'k8s-ai-llm-inference',
      'k8s-ai-embedding-refresh',
      'k8s-ai-model-migration',
      'k8s-ai-document-ingestion',
    ]) {
      assert.ok(all.includes(p), `a snippet with prefix ${p}`);
    }
  });

  it('follows the prefix scheme: k8s-<kind>[-<variant>] or k8s-ai-<pattern>, plus the bare kind name for the long-running kinds and CronJob', () => {
    const seen = new Set<string>();
    for (const [name, s] of snippets) {
      const [main, ...aliases] = prefixes(s);
      assert.match(main, /^k8s-(?:ai-)?[a-z]+(?:-[a-z]+)*$/, `${name}: first prefix`);
      for (const a of aliases) assert.ok(['deployment', 'statefulset', 'daemonset', 'cronjob'].includes(a), `${name}: alias ${a}`);
      for (const p of prefixes(s)) {
        assert.ok(!seen.has(p), `prefix ${p} used twice`);
        seen.add(p);
      }
    }
  });

  it('documents every prefix in docs/snippets.md', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'snippets.md'), 'utf8');
    for (const [, s] of snippets) for (const p of prefixes(s)) assert.ok(doc.includes(`\`${p}\``), `docs/snippets.md mentions \`${p}\``);
  });

  it('really runs validation (a broken manifest gets diagnostics)', () => {
    assert.notDeepEqual(validate('apiVersion: v1\nkind: Pod\nkind: Pod\n'), []);
  });

  for (const [name, snippet] of snippets) {
    describe(name, () => {
      const body = bodyText(snippet);
      const nodes = parseSnippet(body);

      it('has a description and tab stops numbered 1..n in the order they appear, ending with $0', () => {
        assert.ok(snippet.description.length > 20);
        const order = tabstopOrder(nodes).filter((i) => i !== 0);
        assert.deepEqual(
          order,
          order.map((_, i) => i + 1),
          'tab stops appear in order 1, 2, 3, …',
        );
        assert.ok(/\$0\s*$/.test(body), 'the final cursor ($0) is at the end');
        assert.ok(!/\t/.test(body), 'YAML is indented with spaces');
      });

      it('expands with its defaults to Kubernetes objects with zero diagnostics', () => {
        const text = expandSnippet(body, { variables: VARIABLES });
        const objects = objectsOf(text);
        assert.ok(objects.length >= 1);
        for (const o of objects) {
          assert.equal(typeof o.apiVersion, 'string');
          assert.equal(typeof o.kind, 'string');
        }
        assert.ok(
          objects.some((o) => WORKLOADS.includes(o.kind)),
          'contains a workload',
        );
        assert.deepEqual(validate(text), []);
      });

      it('follows the guide: pinned image, requests and limits, runAsNonRoot, and the kind’s own safeguards', () => {
        for (const o of objectsOf(expandSnippet(body, { variables: VARIABLES }))) {
          if (!WORKLOADS.includes(o.kind)) continue;
          const podSpec = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
          assert.equal(podSpec.securityContext?.runAsNonRoot, true);
          for (const c of podSpec.containers as Obj[]) {
            assert.match(c.image, /^[^:]+:(?!latest$)[\w][\w.-]*$/, `${c.name}: image tag pinned`);
            for (const side of ['requests', 'limits'])
              for (const r of ['cpu', 'memory']) assert.ok(c.resources?.[side]?.[r], `${c.name}: ${side}.${r}`);
          }
          const jobSpec = o.kind === 'Job' ? o.spec : o.kind === 'CronJob' ? o.spec.jobTemplate.spec : undefined;
          if (jobSpec) {
            assert.ok(['Never', 'OnFailure'].includes(podSpec.restartPolicy));
            assert.equal(typeof jobSpec.backoffLimit, 'number');
            assert.equal(typeof jobSpec.activeDeadlineSeconds, 'number');
          }
          if (o.kind === 'Job') assert.equal(typeof o.spec.ttlSecondsAfterFinished, 'number');
          if (o.kind === 'CronJob') assert.ok(['Allow', 'Forbid', 'Replace'].includes(o.spec.concurrencyPolicy));
          if (o.kind === 'DaemonSet') assert.ok((podSpec.tolerations as Obj[]).length > 0);
          if (o.kind === 'StatefulSet') {
            const svc = objectsOf(expandSnippet(body)).find((s) => s.kind === 'Service' && s.metadata.name === o.spec.serviceName);
            assert.equal(svc?.spec.clusterIP, 'None', 'a headless Service named by serviceName');
          }
        }
      });

      it('mirrors the name: what is typed at $1 becomes every name that must match', () => {
        const typed = 'renamed-app';
        const before = mirroredNames(objectsOf(expandSnippet(body, { variables: VARIABLES })));
        const after = mirroredNames(objectsOf(expandSnippet(body, { values: { 1: typed }, variables: VARIABLES })));
        assert.ok(Object.keys(after).length >= 1);
        const distinct = new Set(Object.values(before));
        assert.equal(distinct.size, 1, `with defaults the names agree: ${JSON.stringify(before)}`);
        for (const [where, value] of Object.entries(after)) assert.equal(value, typed, `${where} follows $1`);
        assert.deepEqual(validate(expandSnippet(body, { values: { 1: typed }, variables: VARIABLES })), []);
      });

      const choices = choicesOf(nodes);
      it('checked without the product: no container as root or refused by the kubelet, requests within limits, with every choice', () => {
        assertPodFacts(objectsOf(expandSnippet(body, { variables: VARIABLES })), 'defaults');
        for (const [index, options] of choices)
          for (const option of options)
            assertPodFacts(objectsOf(expandSnippet(body, { values: { [index]: option }, variables: VARIABLES })), `$${index} = ${option}`);
      });
      for (const [index, options] of choices) {
        it(`stays clean with every option of choice $${index} (${options.join(', ')})`, () => {
          for (const option of options) {
            const text = expandSnippet(body, { values: { [index]: option }, variables: VARIABLES });
            assert.deepEqual(validate(text), [], `with ${option}`);
          }
        });
      }
    });
  }
});
