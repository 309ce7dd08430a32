// The `ignore` globs of a project file, matched against a path relative to the file's folder
// (always with `/`). The rules, like .gitignore's:
// - `*` and `?` match within one name, `**` any number of folders, `{a,b}` either, `[abc]` one of;
// - a pattern without `/` (apart from a trailing one) matches a file or folder name at any depth;
// - a pattern with `/` is anchored to the file's folder (a leading `/` or `./` changes nothing);
// - a pattern that matches a folder ignores everything below it (a trailing `/` matches folders only).

function classOf(pattern: string, i: number): { re: string; next: number } | undefined {
  const close = pattern.indexOf(']', i + 2);
  if (close < 0) return undefined;
  let body = pattern.slice(i + 1, close);
  const negated = body.startsWith('!') || body.startsWith('^');
  if (negated) body = body.slice(1);
  return { re: `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`, next: close + 1 };
}

/** The body of a regular expression for a glob (no anchors); the CLI's globs use it too (cli/glob.ts). */
export function globBody(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // `**/` matches no folder or several; a final `**` anything below
          if (i + 2 === pattern.length) re += '.*';
          else re += '(?:[^/]*/)*';
          i += 3;
          continue;
        }
      }
      re += '[^/]*';
      while (pattern[i] === '*') i++;
      continue;
    }
    if (c === '?') re += '[^/]';
    else if (c === '[') {
      const cls = classOf(pattern, i);
      if (cls) {
        re += cls.re;
        i = cls.next;
        continue;
      }
      re += '\\[';
    } else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close > i) {
        const alternatives = pattern.slice(i + 1, close).split(',');
        re += `(?:${alternatives.map(globBody).join('|')})`;
        i = close + 1;
        continue;
      }
      re += '\\{';
    } else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  return re;
}

export interface IgnoreMatcher {
  /** True when the path (relative to the project file's folder, `/`-separated) is ignored. */
  ignores(relativePath: string): boolean;
}

/** A matcher for a project file's `ignore` patterns. */
export function ignoreMatcher(patterns: readonly string[]): IgnoreMatcher {
  const compiled = patterns
    .map((raw) => raw.trim().replace(/\\/g, '/'))
    .filter((p) => p && !p.startsWith('!'))
    .map((p) => {
      let pattern = p.replace(/^\.\//, '');
      const folderOnly = pattern.endsWith('/');
      pattern = pattern.replace(/\/+$/, '');
      const anchored = pattern.includes('/');
      pattern = pattern.replace(/^\/+/, '');
      return { re: new RegExp(`^${globBody(pattern)}$`), anchored, folderOnly };
    });
  return {
    ignores(relativePath) {
      const segments = relativePath
        .replace(/\\/g, '/')
        .split('/')
        .filter((s) => s && s !== '.');
      if (segments.length === 0 || segments[0] === '..') return false;
      for (const { re, anchored, folderOnly } of compiled) {
        // the folders above the file (as prefixes or names), then the file itself unless only folders match
        const last = folderOnly ? segments.length - 1 : segments.length;
        for (let n = 1; n <= last; n++) {
          if (anchored ? re.test(segments.slice(0, n).join('/')) : re.test(segments[n - 1])) return true;
        }
      }
      return false;
    },
  };
}
