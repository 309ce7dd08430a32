// Helpers for the integration suite. Wait on editor events (diagnostics changes) wherever the API
// has one; `eventually` polls a condition with a deadline only where VS Code offers no event
// (extension activation, a provider becoming available). Never a fixed sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'local.k8s-workloads';
export const SOURCE = 'k8s-workloads';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the test host`);
  return ext;
}

/** The workspace folder: a fresh copy of test/integration/fixtures/workspace. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc);
}

/** A new untitled YAML document with `content`, shown in an editor. */
export async function openYaml(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(doc);
}

export function diagnosticCode(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Our diagnostics (source k8s-workloads) for a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describeDiagnostics(ds: vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => ({ code: diagnosticCode(d), line: d.range.start.line, message: d.message })));
}

/**
 * Resolves with our diagnostics for `uri` as soon as `predicate` holds for them: checks now, then
 * on every vscode.languages.onDidChangeDiagnostics event for that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.toString()}; have ${describeDiagnostics(ours(uri))}`));
    }, timeoutMs);
    const check = (): void => {
      const ds = ours(uri);
      if (!predicate(ds)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    check();
  });
}

/** Polls `fn` until it returns a truthy value (for states without an event), failing after the deadline. */
export async function eventually<T>(fn: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replaces the whole text of the editor's document. */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const ok = await editor.edit((b) => b.replace(all, text));
  assert.ok(ok, 'editor.edit was not applied');
}

/** The document symbols as a flat list of [depth, name] for readable assertion messages. */
export function flattenSymbols(symbols: vscode.DocumentSymbol[], depth = 0): Array<[number, string]> {
  return symbols.flatMap((s) => [[depth, s.name] as [number, string], ...flattenSymbols(s.children ?? [], depth + 1)]);
}
