// Offsets and lines in a text: the one home of these small helpers (edits, refactors, fixes).

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The offset just after the line containing `offset` (after its newline), or the text end. */
export function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** True when the text before `offset` on its line is only spaces (the node starts its own line). */
export function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStartOf(text, offset), offset));
}
