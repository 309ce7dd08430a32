// Helpers for completion tests: `‸` marks the cursor; items are applied like an editor would.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type CompletionOptions } from '../../../server/src/service/index';

export const CURSOR = '‸';

export function complete(marked: string, options: CompletionOptions = {}) {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error('no cursor in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///work/test.yaml', 'yaml', 1, text);
  const service = getLanguageService();
  const list: CompletionList = service.doComplete(document, document.positionAt(offset), options);
  const sorted = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { service, document, list, items: sorted, labels: sorted.map((i) => i.label) };
}

export function item(items: readonly CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

/** The document text after accepting the item (its text edit and additional edits), snippet syntax left as is. */
export function applyItem(document: TextDocument, it: CompletionItem): string {
  const edits: TextEdit[] = [it.textEdit as TextEdit, ...(it.additionalTextEdits ?? [])];
  return TextDocument.applyEdits(document, edits);
}
