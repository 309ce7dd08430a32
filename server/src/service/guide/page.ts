// The guide as one page for the "Open Workload Types Guide" view: the decision tree as a diagram
// (diagram.ts) with the current object's kind and path highlighted, then each kind's section.
// Host-independent: markdown and SVG out; the client renders the markdown and shows the page.
import { renderDecisionPath } from './decisionTree';
import { renderDecisionTreeSvg } from './diagram';
import { kindHoverMarkdown } from './render';
import { isWorkloadKind, WORKLOAD_KINDS, type WorkloadKind } from './types';

/** Where the diagram goes in the markdown (the client replaces it with the SVG). */
export const DIAGRAM_MARKER = '<!-- k8sw:decision-tree -->';

export interface GuidePage {
  /** The workload kind of the object the page was opened from, if any. */
  readonly kind?: WorkloadKind;
  readonly markdown: string;
  readonly svg: string;
}

/** The `kind:` of the YAML document around `offset` (documents split at `---` lines), if it is a workload kind. */
export function workloadKindAt(text: string, offset: number): WorkloadKind | undefined {
  const separators = [...text.matchAll(/^---[^\S\r\n]*(?:#.*)?$/gm)].map((m) => m.index ?? 0);
  let start = 0;
  let end = text.length;
  for (const s of separators) {
    if (s <= offset) start = s;
    else {
      end = s;
      break;
    }
  }
  const m = /^kind:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(?:#.*)?$/m.exec(text.slice(start, end));
  return m && isWorkloadKind(m[1]) ? m[1] : undefined;
}

export function guidePage(kind?: WorkloadKind, options: { nonce?: string } = {}): GuidePage {
  const parts: string[] = ['# Workload Types Decision Guide'];
  parts.push(
    kind
      ? `**This object is a ${kind}.** Its path through the tree is highlighted: ${renderDecisionPath(kind)}.`
      : 'Answer the questions from the top: each answer leads to the next question or to the workload type to use.',
  );
  parts.push(DIAGRAM_MARKER);
  const order = kind ? [kind, ...WORKLOAD_KINDS.filter((k) => k !== kind)] : [...WORKLOAD_KINDS];
  for (const k of order) parts.push(kindHoverMarkdown(k)!.replace(/^### /, k === kind ? '## ▶ ' : '## '));
  return { kind, markdown: parts.join('\n\n'), svg: renderDecisionTreeSvg(kind, options) };
}
