// Whole-manifest skeletons for an empty document: the extension's own snippets
// (snippets/workloads.code-snippets, which ship with it and are tested to expand to manifests
// without diagnostics), so there is one source for them. Clients with snippet support get the
// tab stops and choices; the others get the snippet expanded with its defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Skeleton {
  /** the snippet's name ("Deployment (rolling update)") */
  readonly name: string;
  readonly prefixes: readonly string[];
  readonly description: string;
  /** the snippet body (TextMate snippet syntax) */
  readonly body: string;
  /** the kind of the manifest's first document */
  readonly kind?: string;
  /** the skeleton of a workload kind (one per kind); the others are the guide's patterns and variants */
  readonly primary: boolean;
}

const SNIPPETS_FILE = 'workloads.code-snippets';
/** The five workload kinds' snippets, in the order to offer them; the guide's patterns follow. */
const FIRST = ['k8s-deployment', 'k8s-statefulset', 'k8s-daemonset', 'k8s-job', 'k8s-cronjob'];

/** Removes comments and trailing commas outside strings: .code-snippets files are JSONC. */
export function stripJsonc(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      // trailing comma: dropped
    } else out += ch;
  }
  return out;
}

export function parseSkeletons(jsonc: string): Skeleton[] {
  const raw = JSON.parse(stripJsonc(jsonc)) as Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
  const list = Object.entries(raw).map(([name, s]) => {
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    return {
      name,
      prefixes: Array.isArray(s.prefix) ? s.prefix : [s.prefix],
      description: s.description ?? name,
      body,
      kind: /^kind:[ \t]*(\w+)/m.exec(body)?.[1],
      primary: FIRST.some((p) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(p)),
    };
  });
  const rank = (s: Skeleton) => {
    const i = FIRST.findIndex((p) => s.prefixes.includes(p));
    return i < 0 ? FIRST.length : i;
  };
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

let cache: Skeleton[] | undefined;

/** Where the snippets file is: next to dist/ in the extension, at the repository root in tests. */
function findSnippetsFile(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'snippets', SNIPPETS_FILE);
    if (existsSync(candidate)) return candidate;
    dir = join(dir, '..');
  }
  return undefined;
}

/** The skeletons, read once. Empty when the snippets file cannot be found or read. */
export function loadSkeletons(): Skeleton[] {
  if (cache) return cache;
  const file = findSnippetsFile();
  try {
    cache = file ? parseSkeletons(readFileSync(file, 'utf8')) : [];
  } catch {
    cache = [];
  }
  return cache;
}

/**
 * A snippet body as plain text: every tab stop gets its placeholder's default (or first choice),
 * mirrors included, the way VS Code fills them when nothing is typed.
 */
export function expandDefaults(body: string): string {
  type Node = string | { index: number; children?: Node[]; choices?: string[] };
  let pos = 0;
  const parse = (stopAtBrace: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (stopAtBrace && ch === '}') break;
      if (ch === '\\' && '$}\\'.includes(body[pos + 1] ?? '')) {
        text += body[pos + 1];
        pos += 2;
        continue;
      }
      if (ch === '$') {
        const rest = body.slice(pos + 1);
        const simple = /^(\d+)/.exec(rest) ?? /^\{(\d+)\}/.exec(rest);
        if (simple) {
          nodes.push(text, { index: Number(simple[1]) });
          text = '';
          pos += 1 + simple[0].length;
          continue;
        }
        const choice = /^\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
        if (choice) {
          const choices = choice[2].split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1'));
          nodes.push(text, { index: Number(choice[1]), choices });
          text = '';
          pos += 1 + choice[0].length;
          continue;
        }
        const placeholder = /^\{(\d+):/.exec(rest);
        if (placeholder) {
          pos += 1 + placeholder[0].length;
          const children = parse(true);
          pos++; // the closing brace
          nodes.push(text, { index: Number(placeholder[1]), children });
          text = '';
          continue;
        }
      }
      text += ch;
      pos++;
    }
    nodes.push(text);
    return nodes;
  };
  const nodes = parse(false);
  const defining = new Map<number, Exclude<Node, string>>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (typeof n === 'string') continue;
      if ((n.children || n.choices) && !defining.has(n.index)) defining.set(n.index, n);
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const values = new Map<number, string>();
  const render = (ns: Node[], depth: number): string =>
    ns
      .map((n) => {
        if (typeof n === 'string') return n;
        if (values.has(n.index)) return values.get(n.index)!;
        const def = defining.get(n.index);
        const v = depth > 20 ? '' : def?.children ? render(def.children, depth + 1) : (def?.choices?.[0] ?? '');
        values.set(n.index, v);
        return v;
      })
      .join('');
  return render(nodes, 0);
}
