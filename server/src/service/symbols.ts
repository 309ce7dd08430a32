// The outline: one symbol per Kubernetes object ("StatefulSet qdrant"), with its main sections
// and containers by name as children. VS Code asks for it as soon as a file opens, so it reads
// ranges through manifest/locate.ts: documents read by the fast path keep no syntax tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { itemRanges, keyRange, kindAt, rootRange, scalarAt, valueRange } from './manifest/locate';
import { firstLine } from './manifest/navigate';
import type { ManifestDocument, ManifestFile } from './manifest/types';
import { POD_TEMPLATE_PATH } from './k8s/podSpec';
import { entryOf } from './text/tables';

type ToRange = (start: number, end: number) => Range;

function sectionSymbol(
  doc: ManifestDocument,
  key: string,
  kind: SymbolKind,
  toRange: ToRange,
  children?: DocumentSymbol[],
): DocumentSymbol | undefined {
  const keyR = keyRange(doc, [key]);
  if (!keyR) return undefined;
  const end = valueRange(doc, [key])?.[1] ?? keyR[1];
  return { name: key, kind, range: toRange(keyR[0], Math.max(end, keyR[1])), selectionRange: toRange(keyR[0], keyR[1]), children };
}

function containerSymbols(doc: ManifestDocument, podSpecPath: readonly (string | number)[], toRange: ToRange): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const listKey of ['initContainers', 'containers']) {
    const path = [...podSpecPath, listKey];
    const items = itemRanges(doc, path);
    if (!items) continue;
    items.forEach((range, i) => {
      if (!range || kindAt(doc, [...path, i]) !== 'map') return;
      const namePath = [...path, i, 'name'];
      const scalar = scalarAt(doc, namePath);
      const name = scalar && scalar.value !== null ? String(scalar.value) : '(unnamed)';
      const sel = valueRange(doc, namePath) ?? [range[0], range[0]];
      out.push({
        name,
        detail: listKey === 'initContainers' ? 'init container' : 'container',
        kind: SymbolKind.Object,
        range: toRange(range[0], range[1]),
        selectionRange: toRange(sel[0], sel[1]),
      });
    });
  }
  return out;
}

export function findDocumentSymbols(file: ManifestFile, document: Pick<TextDocument, 'positionAt'>): DocumentSymbol[] {
  if (file.skippedReason) return [];
  const symbols: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    const header = doc.object;
    // An object's document is a mapping: it has a root node.
    const root = header ? rootRange(doc) : undefined;
    if (!header || !root) continue;
    const toRange: ToRange = (s, e) => ({ start: document.positionAt(doc.offset + s), end: document.positionAt(doc.offset + e) });
    const whole = root;
    const sel = valueRange(doc, ['metadata', 'name']) ?? valueRange(doc, ['kind']) ?? firstLine(doc);
    const templatePath = entryOf(POD_TEMPLATE_PATH, header.kind);
    const podSpecPath = templatePath ? [...templatePath, 'spec'] : header.kind === 'Pod' ? ['spec'] : undefined;
    const containers = podSpecPath ? containerSymbols(doc, podSpecPath, toRange) : [];
    const children = [
      sectionSymbol(doc, 'metadata', SymbolKind.Namespace, toRange),
      sectionSymbol(doc, 'spec', SymbolKind.Struct, toRange, containers.length ? containers : undefined),
      sectionSymbol(doc, 'data', SymbolKind.Struct, toRange),
      sectionSymbol(doc, 'stringData', SymbolKind.Struct, toRange),
    ].filter((s): s is DocumentSymbol => !!s);
    symbols.push({
      name: header.name ? `${header.kind} ${header.name}` : header.kind,
      detail: header.namespace ? `${header.apiVersion} · ${header.namespace}` : header.apiVersion,
      kind: SymbolKind.Class,
      range: toRange(whole[0], Math.max(whole[1], sel[1])),
      selectionRange: toRange(sel[0], sel[1]),
      children,
    });
  }
  return symbols;
}
