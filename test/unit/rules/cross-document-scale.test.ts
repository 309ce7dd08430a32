// Cross-document rules stay linear in the number of documents of a file (issue 14, item 10: a
// file of 20,000 same-named Services took 15.7 s because service-not-headless scanned the whole
// file for every Service). Counted, not timed: every read of an element of file.documents is
// counted while all rules run over files of N and 4N documents; the reads must grow like N.
// bench/cli-scale.ts times the command line over 5k/10k/20k documents.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifest } from '../../../server/src/service/manifest/parse';
import type { ManifestFile } from '../../../server/src/service/manifest/types';
import { createRuleRunner } from '../../../server/src/service/validation';
import { RULES } from '../../../server/src/service/rules/registry';
import { WorkspaceIndex } from '../../../server/src/service/workspace/index';
import { testApi } from '../helpers/api';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: same\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n';
const STATEFULSET =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: same\nspec:\n  serviceName: same\n  selector:\n    matchLabels:\n      app: x\n' +
  '  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n        - name: c\n          image: postgres:16.4\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: same\nspec:\n  selector:\n    matchLabels:\n      app: y\n' +
  '  template:\n    metadata:\n      labels:\n        app: y\n    spec:\n      containers:\n        - name: c\n          image: web:1.0.0\n';

/** Runs every rule over a file of `n` copies of each manifest; returns the element reads of file.documents and the results. */
function documentReads(n: number, manifests: readonly string[]): { reads: number; results: number } {
  const text = Array.from({ length: n }, () => manifests.join('---\n')).join('---\n');
  const parsed = parseManifest('file:///scale.yaml', text);
  let reads = 0;
  const documents = new Proxy(parsed.documents, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const file: ManifestFile = { ...parsed, documents };
  const workspace = new WorkspaceIndex();
  workspace.setFile(parsed, TextDocument.create(parsed.uri, 'yaml', 1, text));
  reads = 0;
  const results = createRuleRunner(testApi(), RULES).run(file, workspace).length;
  return { reads, results };
}

describe('cross-document rules are linear in the documents of a file', () => {
  for (const [name, manifests] of [
    ['same-named Services', [SERVICE]],
    ['same-named StatefulSets with their (same-named) Services and Deployments', [STATEFULSET, SERVICE, DEPLOYMENT]],
  ] as const) {
    it(name, () => {
      const small = documentReads(50, manifests);
      const large = documentReads(200, manifests);
      assert.ok(large.results > small.results, 'the rules found the duplicates');
      // Linear: 4× the documents, about 4× the reads (a scan per document would be 16×).
      assert.ok(large.reads <= 5 * small.reads, `${small.reads} reads for 50, ${large.reads} for 200`);
    });
  }
});
