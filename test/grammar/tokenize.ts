// Loads the injection grammar into vscode-textmate the way VS Code does (injected into source.yaml) and
// tokenizes text, so the tests can assert the scopes a theme sees.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = resolve(__dirname, '..', '..');
export const INJECTION_PATH = join(ROOT, 'syntaxes', 'k8s-workloads.injection.tmLanguage.json');
export const INJECTION_SCOPE = 'source.k8s-workloads.injection';
const FIXTURE_PATH = join(__dirname, 'fixtures', 'yaml-base.tmLanguage.json');

export interface Token {
  text: string;
  scopes: string[];
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function getOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/**
 * VS Code's own YAML grammar (extensions/yaml/syntaxes of VS Code 1.100.3, MIT; see fixtures/vscode-yaml/SOURCE.md),
 * kept in the repository so the grammar tests never depend on the integration-test host being installed.
 * K8S_WORKLOADS_YAML_SYNTAXES=<folder> runs them against another copy (e.g. a newer VS Code's).
 */
export const VSCODE_YAML_SYNTAXES = process.env.K8S_WORKLOADS_YAML_SYNTAXES || join(__dirname, 'fixtures', 'vscode-yaml');

/** The YAML grammar folder of the VS Code in the integration-test host (code-server), when it is installed. */
export function findInstalledVsCodeYamlSyntaxes(): string | undefined {
  const candidates = [process.env.TEST_HOST_DIR, join(ROOT, '.test-host')].filter((d): d is string => !!d);
  for (const base of candidates) {
    const hit = join(base, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml', 'syntaxes');
    if (existsSync(join(hit, 'yaml.tmLanguage.json'))) return hit;
  }
  return undefined;
}

/** Grammar files by scope name: the base YAML grammar(s) and our injection. */
function grammarFiles(yamlSyntaxesDir: string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  const base = yamlSyntaxesDir
    ? readdirSync(yamlSyntaxesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(yamlSyntaxesDir, f))
    : [FIXTURE_PATH];
  for (const file of [...base, INJECTION_PATH]) {
    const scopeName = (JSON.parse(readFileSync(file, 'utf8')) as { scopeName?: string }).scopeName;
    if (scopeName) files.set(scopeName, file);
  }
  return files;
}

export async function loadYamlGrammar(yamlSyntaxesDir?: string): Promise<vsctm.IGrammar> {
  const files = grammarFiles(yamlSyntaxesDir);
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // What package.json's `injectTo: ["source.yaml"]` makes VS Code do.
    getInjections: (scopeName) => (scopeName === 'source.yaml' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  if (!grammar) throw new Error('source.yaml did not load');
  return grammar;
}

export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The tokens covering `needle` on the given line (its first occurrence at or after `from`). */
export function tokensOf(line: Token[], needle: string, from = 0): Token[] {
  const text = line.map((t) => t.text).join('');
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in line "${text}"`);
  const end = start + needle.length;
  const out: Token[] = [];
  let pos = 0;
  for (const t of line) {
    const tEnd = pos + t.text.length;
    if (tEnd > start && pos < end) out.push(t);
    pos = tEnd;
  }
  return out;
}
