// Globs for `ignore` and `crds`: `*` and `?` within a path segment, `**` across folders,
// `{a,b}` and `[abc]` (translated by the project file's globBody), a trailing `/` for folders only, and (as in .gitignore) a pattern without `/` matches a name at any depth.
// A relative pattern is matched against paths relative to a base folder, an absolute one against
// absolute paths; a folder that matches takes everything below it along.
import * as path from 'node:path';
import { globBody } from '../service/config/glob';

export const GLOB_CHARS = /[*?[\]{}]/;

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The regular expression of one glob (posix separators). */
export function globRegExp(glob: string): RegExp {
  let g = toPosix(glob.trim());
  const absolute = g.startsWith('/');
  g = g.replace(/^(?:\.\/)+/, '');
  const folderOnly = /[^/]\/+$/.test(g);
  g = g.replace(/\/+$/, '') || '/';
  const anyDepth = !absolute && !g.includes('/');
  // `dir/` is the folder and everything below it (a file is never ignored by it alone; close enough)
  if (folderOnly) g += '/**';
  // `dir/**`: the folder itself and everything below it; the rest as the project file's globs
  const re = g.endsWith('/**') ? `${globBody(g.slice(0, -3))}(?:/.*)?` : globBody(g);
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${re}$`);
}

/** Whether a glob names more than one literal path. */
export const isGlob = (p: string) => GLOB_CHARS.test(p);

/**
 * A test for "is this absolute path ignored": it, or a folder above it, matches one of the globs
 * (relative globs against the path relative to `base`).
 */
export function ignoreMatcher(globs: readonly string[], base: string): (absolute: string) => boolean {
  const compiled = globs.filter((g) => g.trim() !== '').map((g) => ({ re: globRegExp(g), absolute: path.isAbsolute(g.trim()) }));
  if (compiled.length === 0) return () => false;
  return (absolute) => {
    const abs = toPosix(path.resolve(absolute));
    const rel = toPosix(path.relative(base, path.resolve(absolute)));
    for (const { re, absolute: isAbs } of compiled) {
      const subject = isAbs ? abs : rel;
      if (!isAbs && (rel === '' || rel.startsWith('../'))) continue;
      // the path itself or any folder above it
      for (let p = subject; p && p !== '/'; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') if (re.test(p)) return true;
    }
    return false;
  };
}
