// A small expander for VS Code snippet bodies (the TextMate snippet syntax VS Code documents):
// tab stops `$1` / `${1}`, placeholders `${1:default}` (nested), choices `${1|a,b|}`, variables
// `$NAME` / `${NAME:default}` and the escapes `\$`, `\}`, `\\` (and `\,` `\|` in choices).
// Every occurrence of a tab stop gets the same text, as VS Code mirrors them: the override given
// for it, else the default of its (first) placeholder, else its first choice, else ''.

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[] };

export interface ExpandOptions {
  /** Text typed at a tab stop (by index). */
  readonly values?: Readonly<Record<number, string>>;
  /** Values of `$TM_*` and other variables; an unknown variable is an error (VS Code would insert its name). */
  readonly variables?: Readonly<Record<string, string>>;
}

export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;

  function parseNodes(stop: (ch: string) => boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < body.length && !stop(body[pos])) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          pos++;
        }
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  /** At a `$`: returns the node and advances, or undefined (a literal `$`) without advancing. */
  function parseDollar(): SnippetNode | undefined {
    const rest = body.slice(pos + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      pos += 1 + m[1].length;
      return { type: 'tabstop', index: Number(m[1]) };
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      pos += 1 + m[1].length;
      return { type: 'variable', name: m[1] };
    }
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}/])/.exec(rest);
    if (!m) return undefined;
    const [, id, sep] = m;
    const isTabstop = /^\d/.test(id);
    pos += 1 + m[0].length;
    if (sep === '}') return isTabstop ? { type: 'tabstop', index: Number(id) } : { type: 'variable', name: id };
    if (sep === '/') throw new Error(`transforms are not supported: \${${id}/…} at ${pos}`);
    if (sep === '|') {
      if (!isTabstop) throw new Error(`choice on a variable at ${pos}`);
      const choices: string[] = [];
      let cur = '';
      while (pos < body.length) {
        const ch = body[pos];
        if (ch === '\\' && ',|\\$}'.includes(body[pos + 1] ?? '')) {
          cur += body[pos + 1];
          pos += 2;
        } else if (ch === ',') {
          choices.push(cur);
          cur = '';
          pos++;
        } else if (ch === '|' && body[pos + 1] === '}') {
          choices.push(cur);
          pos += 2;
          return { type: 'tabstop', index: Number(id), choices };
        } else {
          cur += ch;
          pos++;
        }
      }
      throw new Error(`unterminated choice \${${id}|…`);
    }
    // placeholder / variable default: nested content up to the matching `}`
    const children = parseNodes((ch) => ch === '}');
    if (body[pos] !== '}') throw new Error(`unterminated \${${id}:…`);
    pos++;
    return isTabstop ? { type: 'tabstop', index: Number(id), children } : { type: 'variable', name: id, children };
  }

  const nodes = parseNodes(() => false);
  return nodes;
}

/** Tab stops in order of first appearance (depth-first, as in the text). */
export function tabstopOrder(nodes: SnippetNode[]): number[] {
  const order: number[] = [];
  const walk = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.type === 'tabstop' && !order.includes(n.index)) order.push(n.index);
      if (n.type !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return order;
}

/** Every choice tab stop with its options. */
export function choicesOf(nodes: SnippetNode[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const walk = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.type === 'tabstop' && n.choices && !out.has(n.index)) out.set(n.index, n.choices);
      if (n.type !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(typeof body === 'string' ? body : body.join('\n'));
  // The defining occurrence of each tab stop: the first with a placeholder or choices.
  const defining = new Map<number, Extract<SnippetNode, { type: 'tabstop' }>>();
  const collect = (ns: SnippetNode[]) => {
    for (const n of ns) {
      if (n.type === 'tabstop' && (n.children || n.choices) && !defining.has(n.index)) defining.set(n.index, n);
      if (n.type !== 'text' && n.children) collect(n.children);
    }
  };
  collect(nodes);

  const resolving = new Set<number>();
  const values = new Map<number, string>();
  function valueOf(index: number): string {
    const given = options.values?.[index];
    if (given !== undefined) return given;
    const cached = values.get(index);
    if (cached !== undefined) return cached;
    if (resolving.has(index)) throw new Error(`tab stop $${index} contains itself`);
    resolving.add(index);
    const def = defining.get(index);
    const v = def?.children ? render(def.children) : (def?.choices?.[0] ?? '');
    resolving.delete(index);
    values.set(index, v);
    return v;
  }
  function render(ns: SnippetNode[]): string {
    return ns
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'tabstop') return valueOf(n.index);
        const v = options.variables?.[n.name];
        if (v !== undefined) return v;
        if (n.children) return render(n.children);
        throw new Error(`unknown snippet variable $${n.name}`);
      })
      .join('');
  }
  return render(nodes);
}
