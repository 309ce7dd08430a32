// "Kubernetes: Open Workload Types Guide": the guide in a webview — the decision tree drawn as a
// diagram with the current object's kind and path highlighted, then each kind's section. The page
// comes from the host-independent service (guide/page.ts); VS Code's built-in markdown renderer
// turns it into HTML. No scripts, no network: a Content-Security-Policy that admits only the
// page's own style.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DIAGRAM_MARKER, guidePage, workloadKindAt } from '../../server/src/service/guide/page';
import type { WorkloadKind } from '../../server/src/service/guide/types';

export const GUIDE_COMMAND = 'k8sWorkloads.openGuide';

/** What the command showed, returned for tests. */
export interface GuideViewResult {
  readonly kind?: WorkloadKind;
  readonly html: string;
}

let panel: vscode.WebviewPanel | undefined;

export function registerGuideView(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(GUIDE_COMMAND, () => openGuide()));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function openGuide(): Promise<GuideViewResult> {
  const editor = vscode.window.activeTextEditor;
  const kind =
    editor && editor.document.languageId === 'yaml'
      ? workloadKindAt(editor.document.getText(), editor.document.offsetAt(editor.selection.active))
      : undefined;
  const nonce = randomBytes(16).toString('base64');
  const page = guidePage(kind, { nonce });
  let body: string;
  try {
    body = await vscode.commands.executeCommand<string>('markdown.api.render', page.markdown);
  } catch {
    // the built-in markdown extension is disabled: show the markdown as text
    body = `<pre>${escapeHtml(page.markdown)}</pre>`;
  }
  body = body.replace(DIAGRAM_MARKER, `<div class="diagram">${page.svg}</div>`);
  if (!body.includes('class="diagram"')) body = `<div class="diagram">${page.svg}</div>${body}`;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Workload Types Guide</title>
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 24px 24px;line-height:1.5;max-width:1100px}
.diagram{overflow-x:auto;margin:12px 0 24px;--k8sw-fg:var(--vscode-foreground);--k8sw-line:var(--vscode-descriptionForeground);--k8sw-box:var(--vscode-editorWidget-background);--k8sw-kind:var(--vscode-textBlockQuote-background);--k8sw-accent:var(--vscode-focusBorder);--k8sw-accent-fg:var(--vscode-button-foreground);--k8sw-font:var(--vscode-font-family)}
table{border-collapse:collapse}td,th{border:1px solid var(--vscode-panel-border);padding:2px 8px}
code,pre{font-family:var(--vscode-editor-font-family)}pre{background:var(--vscode-textCodeBlock-background);padding:8px;overflow-x:auto}
</style>
</head>
<body>
${body}
</body>
</html>`;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('k8sWorkloads.guide', 'Workload Types Guide', vscode.ViewColumn.Beside, {
      enableScripts: false,
      enableCommandUris: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (panel = undefined));
  } else panel.reveal(vscode.ViewColumn.Beside, true);
  panel.title = kind ? `Workload Types Guide — ${kind}` : 'Workload Types Guide';
  panel.webview.html = html;
  return { kind, html };
}
