// Where and how the wizard's manifest goes into an open YAML file: at the cursor, as its own
// YAML document, with `---` separators added only where they are missing.

export interface Insertion {
  /** offset in the file where the text goes */
  readonly offset: number;
  readonly text: string;
}

const SEPARATOR = /^(---|\.\.\.)(\s|$)/;
const hasContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let s = 0; ;) {
    const nl = text.indexOf('\n', s);
    const e = nl < 0 ? text.length : nl;
    lines.push({ start: s, end: e, text: text.slice(s, e).replace(/\r$/, '') });
    if (nl < 0) return lines;
    s = nl + 1;
  }
}

/**
 * Plans the insertion of `manifest` (one or more YAML documents ending in a newline) into `text`
 * at `cursor`. A cursor in the middle of a line moves to the start of the next line; a cursor
 * inside a document (content above and below it) moves to the end of that document, so no
 * document is ever split in two. `---` goes between the manifest and any neighbouring document.
 */
export function planInsertion(text: string, cursor: number, manifest: string): Insertion {
  const body = manifest.endsWith('\n') ? manifest : manifest + '\n';
  if (text.trim().length === 0) return { offset: 0, text: body };
  const lines = splitLines(text);
  const pos = Math.max(0, Math.min(cursor, text.length));
  // the line the insertion goes before (lines.length = at the end)
  let at = lines.findIndex((l) => pos >= l.start && pos <= l.end);
  if (at < 0) at = lines.length - 1;
  if (text.slice(lines[at].start, pos).trim() !== '') at += 1;

  const contentAbove = (i: number) => {
    for (let j = i - 1; j >= 0; j--) {
      if (SEPARATOR.test(lines[j].text)) return false;
      if (hasContent(lines[j].text)) return true;
    }
    return false;
  };
  const nextSeparator = (i: number) => {
    for (let j = i; j < lines.length; j++) if (SEPARATOR.test(lines[j].text)) return j;
    return lines.length;
  };
  const contentBelow = (i: number) => lines.slice(i, nextSeparator(i)).some((l) => hasContent(l.text));

  if (contentAbove(at) && contentBelow(at)) at = nextSeparator(at);

  const offset = at >= lines.length ? text.length : lines[at].start;
  let prefix = offset === text.length && !text.endsWith('\n') ? '\n' : '';
  if (contentAbove(at)) prefix += '---\n';
  const suffix = contentBelow(at) ? '---\n' : '';
  return { offset, text: prefix + body + suffix };
}
