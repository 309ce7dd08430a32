// The guide's decision tree drawn as an SVG diagram (for the guide view): questions as boxes,
// Yes/No edges, the five kinds as leaves. With a kind given, its path from the root is highlighted.
// Plain string building, no DOM: tests read the SVG as text.
import { DECISION_QUESTIONS, DECISION_ROOT, type DecisionNodeId } from './decisionTree';
import type { WorkloadKind } from './types';

interface Node {
  readonly id: string;
  readonly label: string;
  readonly kind?: WorkloadKind;
  readonly depth: number;
  x: number;
  readonly children: { readonly answer: 'yes' | 'no'; readonly node: Node }[];
}

const LEAF_GAP = 190;
const ROW = 110;
const BOX_H = 44;
const MARGIN = 20;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function build(id: DecisionNodeId, depth: number, leaves: Node[]): Node {
  const q = DECISION_QUESTIONS[id];
  const children = q.answers.map((a) => {
    let node: Node;
    if ('outcome' in a.next) {
      node = { id: `kind-${a.next.outcome}`, label: a.next.outcome, kind: a.next.outcome, depth: depth + 1, x: 0, children: [] };
      node.x = leaves.length * LEAF_GAP;
      leaves.push(node);
    } else node = build(a.next.question, depth + 1, leaves);
    return { answer: a.id, node };
  });
  const x = children.reduce((s, c) => s + c.node.x, 0) / children.length;
  return { id: `q-${id}`, label: q.question, depth, x, children };
}

/** Splits a question into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The node ids on the path from the root to `kind` (questions and the leaf). */
function pathIds(root: Node, kind: WorkloadKind | undefined): Set<string> {
  const ids = new Set<string>();
  if (!kind) return ids;
  const walk = (n: Node): boolean => {
    if (n.kind === kind || n.children.some((c) => walk(c.node))) {
      ids.add(n.id);
      return true;
    }
    return false;
  };
  walk(root);
  return ids;
}

/**
 * The decision tree as a standalone SVG. Elements on the path to `highlight` carry the class
 * `on` (and the kind's box `current`); colours come from CSS variables with fallbacks, so the
 * host (a VS Code webview) can theme it; `nonce` lets a strict Content-Security-Policy admit its style.
 */
export function renderDecisionTreeSvg(highlight?: WorkloadKind, options: { readonly nonce?: string } = {}): string {
  const leaves: Node[] = [];
  const root = build(DECISION_ROOT, 0, leaves);
  const on = pathIds(root, highlight);
  const boxW = LEAF_GAP - 20;
  const all: Node[] = [];
  const collect = (n: Node) => {
    all.push(n);
    n.children.forEach((c) => collect(c.node));
  };
  collect(root);
  const maxDepth = Math.max(...all.map((n) => n.depth));
  const width = (leaves.length - 1) * LEAF_GAP + boxW + 2 * MARGIN;
  const height = maxDepth * ROW + BOX_H + 2 * MARGIN;
  const cx = (n: Node) => MARGIN + boxW / 2 + n.x;
  const top = (n: Node) => MARGIN + n.depth * ROW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(
      `Decision tree: which workload type${highlight ? `; the path to ${highlight} is highlighted` : ''}`,
    )}">`,
    `<style${options.nonce ? ` nonce="${esc(options.nonce)}"` : ''}>` +
      '.edge{stroke:var(--k8sw-line,#888);stroke-width:1.5;fill:none}.edge.on{stroke:var(--k8sw-accent,#0a84ff);stroke-width:3.5}' +
      '.box{fill:var(--k8sw-box,#f3f3f3);stroke:var(--k8sw-line,#888);stroke-width:1.2}.box.on{stroke:var(--k8sw-accent,#0a84ff);stroke-width:3}' +
      '.box.kind{fill:var(--k8sw-kind,#e6f0ff)}.box.current{fill:var(--k8sw-accent,#0a84ff)}' +
      'text{font-family:var(--k8sw-font,sans-serif);font-size:12px;fill:var(--k8sw-fg,#222);text-anchor:middle}' +
      'text.kind{font-weight:bold;font-size:14px}text.current{fill:var(--k8sw-accent-fg,#fff)}text.answer{font-size:11px;font-weight:bold}' +
      '</style>',
  ];
  for (const n of all)
    for (const c of n.children) {
      const x1 = cx(n);
      const y1 = top(n) + BOX_H;
      const x2 = cx(c.node);
      const y2 = top(c.node);
      const cls = on.has(n.id) && on.has(c.node.id) ? 'edge on' : 'edge';
      parts.push(
        `<path class="${cls}" data-from="${n.id}" data-to="${c.node.id}" d="M${x1} ${y1} C${x1} ${y1 + 40} ${x2} ${y2 - 40} ${x2} ${y2}"/>`,
      );
      parts.push(`<text class="answer" x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2}">${c.answer === 'yes' ? 'Yes' : 'No'}</text>`);
    }
  for (const n of all) {
    const x = cx(n) - boxW / 2;
    const y = top(n);
    const current = n.kind !== undefined && n.kind === highlight;
    const cls = ['box', n.kind ? 'kind' : '', on.has(n.id) ? 'on' : '', current ? 'current' : ''].filter(Boolean).join(' ');
    parts.push(`<g id="${n.id}"><rect class="${cls}" x="${x}" y="${y}" width="${boxW}" height="${BOX_H}" rx="6"/>`);
    const lines = n.kind ? [n.label] : wrap(n.label, 26);
    const textCls = [n.kind ? 'kind' : '', current ? 'current' : ''].filter(Boolean).join(' ');
    lines.forEach((l, i) => {
      const ty = y + BOX_H / 2 + (i - (lines.length - 1) / 2) * 14 + 4;
      parts.push(`<text${textCls ? ` class="${textCls}"` : ''} x="${cx(n)}" y="${ty}">${esc(l)}</text>`);
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
