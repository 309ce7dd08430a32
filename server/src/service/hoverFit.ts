// A field hover that fits: about 15 lines, leading with what matters at that spot. The guide's
// note worked out for the manifest (a StatefulSet's pod DNS names, a schedule's next runs…) comes
// right after the field's path and type; the API description follows, cut to its first sentence
// when the hover is long; guide blocks that do not fit are left out, and the links (Kubernetes
// docs) always stay, for the rest.

/** Rendered lines a hover should not exceed (VS Code's hover is about 80 characters wide). */
export const HOVER_LINE_BUDGET = 15;
const WIDTH = 80;

/** Splits markdown into blocks at blank lines, keeping fenced code blocks whole. */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fence = !fence;
    if (!fence && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/** About how many lines a block takes in the hover: text wraps, code and table rows do not (a table's rule row is no line). */
export function renderedLines(block: string): number {
  const lines = block.split('\n');
  if (/^\s*```/.test(lines[0])) return Math.max(0, lines.length - 2);
  if (lines[0].startsWith('|')) return lines.filter((l) => !/^\|[\s|:-]+\|$/.test(l)).length;
  return lines.reduce((n, l) => n + Math.max(1, Math.ceil(visible(l).length / WIDTH)), 0);
}

/** The text a reader sees: links as their label, no emphasis or code marks. */
function visible(line: string): string {
  return line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '');
}

/** Lines of a hover made of these blocks (a blank line between blocks counts as half a line). */
export function hoverLines(blocks: readonly string[]): number {
  return blocks.reduce((n, b) => n + renderedLines(b), 0) + Math.max(0, blocks.length - 1) / 2;
}

const isLinkBlock = (b: string) => /^(\[[^\]]+\]\([^)]+\)[\s·,]*)+$/.test(b.trim());

/** The first sentence of an API description (with an ellipsis when there was more). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const m = /^.*?[.!?](?=\s+[A-Z"`(]|\s*$)/.exec(flat);
  const sentence = m ? m[0] : flat;
  return sentence.length < flat.length ? `${sentence} …` : sentence;
}

/**
 * A field hover within the budget: `head` (path and type), then the guide's `note` blocks, then
 * the API `description`, cut to one sentence when the whole would not fit, and the links.
 */
export function fitFieldHover(head: readonly string[], description: string | undefined, note: string | undefined): string {
  const noteBlocks = note ? markdownBlocks(note) : [];
  const links = noteBlocks.filter(isLinkBlock);
  const guide = noteBlocks.filter((b) => !isLinkBlock(b));
  const linkLine: string[] = links.length ? [links.map((l) => l.trim()).join(' · ')] : [];
  const whole = [...head, ...guide, ...(description ? [description] : []), ...linkLine];
  if (hoverLines(whole) <= HOVER_LINE_BUDGET) return whole.join('\n\n');
  const short = description ? [firstSentence(description)] : [];
  // the description's own links ("More info: https://…") stay reachable
  const cut = description ? [...description.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].filter((m) => !short[0].includes(m[0])) : [];
  if (cut.length)
    linkLine.splice(0, linkLine.length, [...cut.map((m) => `[More info](${m[2]})`), ...links.map((l) => l.trim())].join(' · '));
  // The note's own lines first, in order, each kept when it still fits (with the list it
  // introduces, if any); generic troubleshooting tables only with room to spare.
  const keep = new Set<number>();
  const fits = (extra: number[]) =>
    hoverLines([...head, ...guide.filter((_, i) => keep.has(i) || extra.includes(i)), ...linkLine]) <= HOVER_LINE_BUDGET;
  const isTable = (b: string) => b.startsWith('|');
  for (const tables of [false, true])
    guide.forEach((block, i) => {
      if (keep.has(i) || isTable(block) !== tables) return;
      // a lead-in ending with ":" goes with the block it introduces, or not at all
      const group = /:\s*$/.test(block) && i + 1 < guide.length ? [i, i + 1] : [i];
      if (fits(group)) group.forEach((g) => keep.add(g));
    });
  // the description's first sentence when there is still room (its link stays either way)
  const body = [...head, ...guide.filter((_, i) => keep.has(i))];
  const withShort = hoverLines([...body, ...short, ...linkLine]) <= HOVER_LINE_BUDGET ? short : [];
  return [...body, ...withShort, ...linkLine].join('\n\n');
}
