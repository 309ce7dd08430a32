// The warm-up before the first request (service/warmUp.ts): it must really run completion and hover
// (a sample whose positions hit nothing would warm nothing), and leave the user's index alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createApiProvider } from '../../server/src/service/api/index';
import { getLanguageService } from '../../server/src/service/index';
import { warmUp } from '../../server/src/service/warmUp';

const hoverText = (h: { contents: unknown } | null) => JSON.stringify(h?.contents ?? '');

describe('warm-up', () => {
  it('answers value completion, key completion and hover on its sample', () => {
    const answers = warmUp({ apis: createApiProvider() });
    const values = answers.valueCompletion.items.map((i) => i.label);
    assert.ok(values.includes('Always') && values.includes('IfNotPresent'), `imagePullPolicy values: ${values.join(', ')}`);
    const keys = answers.keyCompletion.items.map((i) => i.label);
    assert.ok(keys.includes('command') && keys.includes('resources'), `container keys: ${keys.slice(0, 10).join(', ')}`);
    assert.match(hoverText(answers.hover), /replicas/);
  });

  it("leaves the user's index and diagnostics as they were", () => {
    const apis = createApiProvider();
    const service = getLanguageService({ apis });
    // A Service that selects the warm-up sample's pods, beside a Deployment whose pods it misses:
    // were the sample in the user's index, the Service would select its pods and lose its warning.
    const svc = TextDocument.create(
      'file:///w/web.yaml',
      'yaml',
      1,
      [
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: warm-up\n  ports:\n  - port: 80\n',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: warm-up-v2\n' +
          '  template:\n    metadata:\n      labels:\n        app: warm-up-v2\n    spec:\n      containers:\n      - name: web\n        image: web:1.0.0\n',
      ].join('---\n'),
    );
    const codes = () => service.doValidation(svc).map((d) => d.code);
    assert.ok(codes().includes('dangling-service'));
    const generation = service.workspace.generation;
    warmUp({ apis });
    assert.equal(service.workspace.generation, generation);
    assert.ok(codes().includes('dangling-service'));
  });
});
