// Snippets and syntax highlighting in a real VS Code host: every snippet, inserted with
// editor.insertSnippet, expands exactly as the unit tests' expander says and gets no diagnostics
// of ours; the snippets are offered as completions; the injection grammar is contributed into
// the YAML grammar VS Code has and colours kinds and cron fields.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { expandSnippet } from '../../unit/snippets/expand';
import { diagnosticCode, eventually, extension, setText, waitForDiagnostics } from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const MARKER = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: marker\n  name: marker-again\n';
const markerLine = (text: string) => text.split('\n').indexOf('  name: marker-again');
const onlyTheMarker = (line: number) => (ds: vscode.Diagnostic[]) =>
  ds.length === 1 && diagnosticCode(ds[0]) === 'yaml-syntax' && ds[0].range.start.line === line;

/** The whole-manifest snippets the language server offers (not contributed to VS Code: see below). */
function contributedSnippets(): Record<string, Snippet> {
  const ext = extension();
  assert.equal(ext.packageJSON.contributes.snippets, undefined, 'no snippets contributed: VS Code would offer them at any depth');
  const file = path.join(ext.extensionPath, 'snippets', 'workloads.code-snippets');
  // .code-snippets is JSON with comments and trailing commas, which is also JavaScript
  return runInNewContext(`(${fs.readFileSync(file, 'utf8')}\n)`, {}, { filename: file }) as Record<string, Snippet>;
}

let fresh = 0;
/**
 * A new untitled YAML document with `content`, under a name never used before: VS Code reuses
 * "Untitled-N" names, and a document opened right after "Revert and Close" of Untitled-N can come
 * back with the reverted text from its backup.
 */
async function openYaml(content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(`untitled:/k8s-workloads-${path.basename(__filename, '.js')}-${++fresh}-${Date.now()}.yaml`);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  assert.equal(editor.document.languageId, 'yaml');
  if (content) await setText(editor, content);
  assert.equal(editor.document.getText(), content);
  return editor;
}

async function closeAllEditors(): Promise<void> {
  // Bounded: an editor that will not close (focus in another part of the workbench) must not hang the hook.
  for (let i = 0; i < 20 && (vscode.window.activeTextEditor || vscode.window.visibleTextEditors.length > 0); i++) {
    if (!vscode.window.activeTextEditor) await vscode.window.showTextDocument(vscode.window.visibleTextEditors[0].document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  // whatever is left (untitled documents are reverted above; nothing here asks to save)
  if (vscode.window.visibleTextEditors.length > 0) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('snippets in the editor', () => {
  before(async () => {
    await extension().activate();
  });
  afterEach(closeAllEditors);

  const snippets = Object.entries(contributedSnippets());
  it('has the snippets of every kind and pattern', () => {
    assert.ok(snippets.length >= 12, `${snippets.length} snippets`);
  });

  for (const [name, snippet] of snippets) {
    it(`${name}: insertSnippet expands as expected and yields no diagnostics of ours`, async () => {
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const editor = await openYaml(`---\n${MARKER}`);
      await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(`---\n${MARKER}`)), 'the marker error');
      const inserted = await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
      assert.ok(inserted, 'insertSnippet applied');
      const text = editor.document.getText();
      assert.equal(text, `${expandSnippet(body)}---\n${MARKER}`, 'VS Code expands the snippet as the unit tests do');
      await waitForDiagnostics(editor.document.uri, onlyTheMarker(markerLine(text)), 'only the marker error, below the snippet');
    });
  }

  async function snippetItems(editor: vscode.TextEditor, position: vscode.Position, settled: (items: vscode.CompletionItem[]) => boolean) {
    return eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        position,
      );
      if (!list || list.items.length === 0) return undefined;
      const found = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
      return settled(found) ? found : undefined;
    }, 'completions');
  }
  const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

  it('offers each whole manifest once, by prefix, in an empty document', async () => {
    const editor = await openYaml('k8s-state');
    const items = await snippetItems(editor, new vscode.Position(0, 9), (found) => found.length > 0);
    const labels = items.map(labelOf);
    assert.equal(new Set(labels).size, labels.length, JSON.stringify(labels));
    assert.equal(labels.filter((l) => /statefulset/i.test(l) && !/^AI: /.test(l)).length, 1, JSON.stringify(labels));
    assert.ok(labels.includes('StatefulSet manifest'), JSON.stringify(labels));
  });

  it('offers no whole manifest inside a manifest (spec.selector)', async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    \n';
    const editor = await openYaml(text);
    // the server's own items (matchLabels) show that completion has answered
    const items = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(6, 4),
      );
      return list?.items.some((i) => labelOf(i) === 'matchLabels') ? list.items : undefined;
    }, 'matchLabels among the completions');
    assert.deepEqual(items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf), []);
  });
});

describe('syntax highlighting', () => {
  interface GrammarContribution {
    scopeName: string;
    path: string;
    injectTo?: string[];
    language?: string;
  }
  /** Every grammar the installed extensions contribute, as VS Code registers them. */
  function contributedGrammars(): (GrammarContribution & { file: string })[] {
    return vscode.extensions.all.flatMap((ext) =>
      ((ext.packageJSON?.contributes?.grammars ?? []) as GrammarContribution[]).map((g) => ({
        ...g,
        file: path.join(ext.extensionPath, g.path),
      })),
    );
  }

  it('the injection grammar is contributed into source.yaml and VS Code has a source.yaml grammar', () => {
    const grammars = contributedGrammars();
    const ours = grammars.find((g) => g.scopeName === 'source.k8s-workloads.injection');
    assert.ok(ours, 'our grammar is contributed');
    assert.deepEqual(ours.injectTo, ['source.yaml']);
    assert.ok(fs.existsSync(ours.file), ours.file);
    assert.ok(
      grammars.some((g) => g.scopeName === 'source.yaml' && g.language === 'yaml'),
      "VS Code's YAML grammar is installed",
    );
  });

  it("colours kinds and cron fields inside VS Code's own YAML grammar", async () => {
    const grammars = contributedGrammars();
    const byScope = new Map(grammars.map((g) => [g.scopeName, g.file]));
    const injections = grammars.filter((g) => g.injectTo?.includes('source.yaml')).map((g) => g.scopeName);
    const wasm = fs.readFileSync(path.join(extension().extensionPath, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope) => {
        const file = byScope.get(scope);
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scope) => (scope === 'source.yaml' ? injections : undefined),
    });
    const grammar = await registry.loadGrammar('source.yaml');
    assert.ok(grammar);
    const scopesOf = (line: string, needle: string) => {
      const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
      const at = line.indexOf(needle);
      return tokens.find((t) => t.startIndex <= at && at < t.endIndex)?.scopes ?? [];
    };
    assert.ok(scopesOf('kind: StatefulSet', 'StatefulSet').includes('entity.name.type.kind.workload.k8s-workloads'));
    assert.ok(scopesOf('  schedule: "0 3 * * *"', '3').includes('constant.numeric.cron.hour.k8s-workloads'));
    assert.ok(scopesOf('  clusterIP: None', 'None').includes('constant.language.headless-service.k8s-workloads'));
  });
});
