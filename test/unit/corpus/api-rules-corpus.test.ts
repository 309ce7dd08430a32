// The rules that follow the API server's validation code (those citing it in meta.source) over the
// real manifests of ../shared/corpus and the Gateway API examples: those manifests are accepted by
// the API server, so these rules must find nothing in them — and the Gateway API examples, which
// use API groups the extension has no schema for, get no error from any rule.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { RULES } from '../../../server/src/service/rules/registry';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const API_RULES = new Set(RULES.filter((r) => r.meta.source).map((r) => r.meta.id));

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(n) ? [p] : [];
    });
}

function validate(path: string) {
  const service = getLanguageService();
  return service.doValidation(TextDocument.create(`file://${path}`, 'yaml', 1, readFileSync(path, 'utf8')));
}

describe('corpus: the API-validation rules find nothing in manifests the API server accepts', () => {
  it('knows the API-validation rules', () => assert.ok(API_RULES.size >= 15, [...API_RULES].join(', ')));
  for (const folder of [join('k8s'), join('crds', 'gateway-api', 'examples')]) {
    const root = join(CORPUS, folder);
    const all = files(root);
    it(`finds ${folder}`, () => assert.ok(all.length >= 10, root));
    for (const f of all) {
      it(`${folder}/${relative(root, f)}`, () => {
        const diagnostics = validate(f);
        assert.deepEqual(
          diagnostics.filter((d) => API_RULES.has(String(d.code))).map((d) => `${d.code}@${d.range.start.line + 1}: ${d.message}`),
          [],
        );
        if (folder !== 'k8s')
          assert.deepEqual(
            diagnostics
              .filter((d) => d.severity === DiagnosticSeverity.Error)
              .map((d) => `${d.code}@${d.range.start.line + 1}: ${d.message}`),
            [],
          );
      });
    }
  }
});
