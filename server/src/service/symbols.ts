// The outline: one symbol per Kubernetes object ("StatefulSet qdrant"), with its main sections
// and containers by name as children.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { findNode, findPair, firstLine, nodeRange } from './manifest/navigate';
import type { ManifestDocument, ManifestFile } from './manifest/types';
import { POD_TEMPLATE_PATH } from './workspace/index';

type ToRange = (start: number, end: number) => Range;

function sectionSymbol(
  doc: ManifestDocument,
  key: string,
  kind: SymbolKind,
  toRange: ToRange,
  children?: DocumentSymbol[],
): DocumentSymbol | undefined {
  const pair = findPair(doc, [key]);
  const keyR = nodeRange(pair?.key as Node | undefined);
  if (!pair || !keyR) return undefined;
  const end = nodeRange(pair.value as Node | undefined)?.[1] ?? keyR[1];
  return { name: key, kind, range: toRange(keyR[0], Math.max(end, keyR[1])), selectionRange: toRange(keyR[0], keyR[1]), children };
}

function containerSymbols(doc: ManifestDocument, podSpecPath: readonly (string | number)[], toRange: ToRange): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const listKey of ['initContainers', 'containers']) {
    const seq = findNode(doc, [...podSpecPath, listKey]);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      if (!isMap(item) || !item.range) continue;
      const namePair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'name');
      const nameNode = namePair?.value;
      const name = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : '(unnamed)';
      const sel = nodeRange(nameNode as Node | undefined) ?? [item.range[0], item.range[0]];
      out.push({
        name,
        detail: listKey === 'initContainers' ? 'init container' : 'container',
        kind: SymbolKind.Object,
        range: toRange(item.range[0], item.range[1]),
        selectionRange: toRange(sel[0], sel[1]),
      });
    }
  }
  return out;
}

export function findDocumentSymbols(file: ManifestFile, document: Pick<TextDocument, 'positionAt'>): DocumentSymbol[] {
  if (file.skippedReason) return [];
  const symbols: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    const header = doc.object;
    if (!header || !doc.yaml.contents) continue;
    const toRange: ToRange = (s, e) => ({ start: document.positionAt(doc.offset + s), end: document.positionAt(doc.offset + e) });
    const whole = nodeRange(doc.yaml.contents as Node) ?? firstLine(doc);
    const sel = nodeRange(findNode(doc, ['metadata', 'name'])) ?? nodeRange(findNode(doc, ['kind'])) ?? firstLine(doc);
    const templatePath = POD_TEMPLATE_PATH[header.kind];
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
