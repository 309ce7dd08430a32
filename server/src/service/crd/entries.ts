// The registry entries of a file: its documents that are CustomResourceDefinitions, each with its
// header, its text (schemas are parsed from it on first use) and where its kind is written. From a
// parsed file (an open document), or from a file's text alone (a file read from disk: the schema
// blocks are never parsed at index time, see header.ts).
import type { Range } from 'vscode-languageserver-types';
import { splitDocuments } from '../manifest/parse';
import type { ManifestFile } from '../manifest/types';
import { mayBeCrd, readCrdHeader } from './header';
import { readCrd } from './read';
import type { CrdEntry } from './registry';
import type { CrdInfo } from './types';

export type FileCrdEntry = Omit<CrdEntry, 'uri'>;

const header = (crd: CrdInfo): CrdInfo => ({ ...crd, versions: crd.versions.map((v) => ({ ...v, schema: undefined })) });

/** Line and character of an offset in a text (counting from the start of the file). */
function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** The offsets of `spec.names.kind`'s value in a CRD document's text (the `kind:` under `names:`). */
export function kindValueOffsets(docText: string, kind: string): [number, number] | undefined {
  const names = /^([ \t]*)names:[ \t]*(?:#.*)?$/m.exec(docText);
  const from = names ? names.index : 0;
  const re = new RegExp(`^[ \\t]+kind:[ \\t]*(["']?)(${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\1[ \\t]*(?:#.*)?$`, 'm');
  const m = re.exec(docText.slice(from));
  if (!m) return undefined;
  const start = from + m.index + m[0].indexOf(m[2], m[0].indexOf(':'));
  return [start, start + m[2].length];
}

function kindRange(fileText: string, docOffset: number, docText: string, kind: string): Range | undefined {
  const r = kindValueOffsets(docText, kind);
  return r && { start: position(fileText, docOffset + r[0]), end: position(fileText, docOffset + r[1]) };
}

/** The CRDs of a parsed file. */
export function crdEntriesOfFile(file: ManifestFile): FileCrdEntry[] {
  const out: FileCrdEntry[] = [];
  for (const doc of file.documents) {
    if (doc.object?.kind !== 'CustomResourceDefinition') continue;
    const crd = readCrd(doc.value);
    if (!crd) continue;
    out.push({
      docIndex: doc.index,
      crd: header(crd),
      text: doc.text,
      kindRange: kindRange(file.text, doc.offset, doc.text, crd.names.kind),
    });
  }
  return out;
}

/** The CRDs of a file's text, read without parsing their schemas; [] at once for a file that names no CRD. */
export function crdEntriesOfText(text: string): FileCrdEntry[] {
  if (!mayBeCrd(text)) return [];
  const out: FileCrdEntry[] = [];
  splitDocuments(text).forEach((chunk, docIndex) => {
    const crd = readCrdHeader(chunk.text);
    if (crd) out.push({ docIndex, crd, text: chunk.text, kindRange: kindRange(text, chunk.offset, chunk.text, crd.names.kind) });
  });
  return out;
}

/** Whether every document of a file's text is a CRD, a comment or empty (then the file needs no other parse to be indexed). */
export function onlyCrds(text: string, entries: readonly FileCrdEntry[]): boolean {
  const chunks = splitDocuments(text);
  return chunks.every((c, i) => entries.some((e) => e.docIndex === i) || !/^[ \t]*[^\s#-]/m.test(c.text.replace(/^---.*$/m, '')));
}
