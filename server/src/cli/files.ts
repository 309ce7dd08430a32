// The files a lint run reads: its targets (files, and folders searched recursively), the CRDs of
// --crds, and the kustomization files beside them. A hostile tree never ends or hangs the run:
// only regular files are opened (a FIFO or a link to /dev/zero is skipped), the size limit is
// checked before reading, broken links and link loops are reported and passed over, and links
// never lead out of the folder they were found in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GLOB_CHARS, globRegExp } from './glob';

/** Folders never searched: dependencies, VCS data, build output. */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.test-host', 'dist']);
export const YAML_NAME = /\.ya?ml$/i;

/** Something given or found that could not be linted: `error` makes the run exit 2, `warning` is only said. */
export interface InputProblem {
  readonly path: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface FoundFile {
  /** The path as the user gave it (a target) or as found below a given folder (`<target>/<relative path>`). */
  readonly path: string;
  /** The resolved real path (links followed). */
  readonly real: string;
}

export interface Collected {
  readonly files: FoundFile[];
  /** Real paths of every folder searched. */
  readonly folders: string[];
  readonly problems: InputProblem[];
  /** True when a target is a folder (it stands for a whole workspace). */
  readonly anyFolder: boolean;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop',
  ENOTDIR: 'a path component is not a folder',
  ENAMETOOLONG: 'name too long',
  EISDIR: 'is a folder',
  EIO: 'input/output error',
};

/** A file system error in words, with its code: "permission denied (EACCES)". */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code) return REASONS[code] ? `${REASONS[code]} (${code})` : code;
  return err instanceof Error ? err.message : String(err);
}

/** What a stat says an entry is, for messages about entries that are not regular files or folders. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const inside = (real: string, root: string) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

export interface CollectOptions {
  /** Absolute paths (of files or folders) not to lint. */
  readonly isIgnored?: (absolute: string) => boolean;
  /** Which found files to take (default: .yaml/.yml names). A target named directly is always taken. */
  readonly wanted?: (name: string) => boolean;
}

/**
 * The files of the targets, in order: a file target as given, a folder's YAML files sorted by
 * name, each file once (by real path).
 */
export function collect(targets: readonly string[], options: CollectOptions = {}): Collected {
  const isIgnored = options.isIgnored ?? (() => false);
  const wanted = options.wanted ?? ((name: string) => YAML_NAME.test(name));
  const files: FoundFile[] = [];
  const folders: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  let anyFolder = false;
  const add = (file: FoundFile) => {
    if (seen.has(file.real)) return;
    seen.add(file.real);
    files.push(file);
  };

  /** Searches a folder (display path, real path) below the real root of its target. */
  const searched = new Set<string>();
  const walk = (display: string, real: string, root: string, stack: Set<string>) => {
    folders.push(real);
    searched.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: display, severity: 'error', message: `cannot read folder: ${reason(err)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (SKIP_DIRS.has(e.name)) continue;
      const shown = path.join(display, e.name);
      let entryReal = path.join(real, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        let stat: fs.Stats;
        try {
          entryReal = fs.realpathSync(entryReal);
          stat = fs.statSync(entryReal);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          const what =
            code === 'ENOENT' ? 'broken symbolic link' : code === 'ELOOP' ? 'symbolic link loop' : `unreadable link: ${reason(err)}`;
          problems.push({ path: shown, severity: 'warning', message: `skipped: ${what}` });
          continue;
        }
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        if (!isDir && !wanted(e.name)) continue;
        if (!inside(entryReal, root)) {
          problems.push({ path: shown, severity: 'warning', message: `skipped: a link to ${entryReal}, outside the folder being checked` });
          continue;
        }
        if (!isDir && !isFile) {
          problems.push({ path: shown, severity: 'warning', message: `skipped: a link to ${kindOf(stat)}` });
          continue;
        }
      } else if (!isDir && !isFile) {
        // FIFO, socket, device: never opened (a FIFO would block, a device would read forever)
        if (wanted(e.name)) {
          let what = 'not a regular file';
          try {
            what = kindOf(fs.lstatSync(entryReal));
          } catch {
            // gone meanwhile: the generic words do
          }
          problems.push({ path: shown, severity: 'warning', message: `skipped: ${what}` });
        }
        continue;
      }
      if (isFile && !wanted(e.name)) continue;
      if (isIgnored(path.resolve(shown))) continue;
      if (isFile) {
        add({ path: shown, real: entryReal });
        continue;
      }
      // A link back to a folder being searched would never end; one to another folder of the tree is searched there.
      if (stack.has(entryReal)) {
        problems.push({ path: shown, severity: 'warning', message: 'skipped: symbolic link loop (a link to a folder above it)' });
        continue;
      }
      if (searched.has(entryReal)) continue;
      stack.add(entryReal);
      walk(shown, entryReal, root, stack);
      stack.delete(entryReal);
    }
  };

  for (const target of targets) {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(target);
      stat = fs.statSync(real);
    } catch (err) {
      let words = reason(err);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        try {
          if (fs.lstatSync(target).isSymbolicLink()) words = 'broken symbolic link';
        } catch {
          // really absent
        }
      problems.push({ path: target, severity: 'error', message: `cannot read: ${words}` });
      continue;
    }
    if (stat.isDirectory()) {
      anyFolder = true;
      walk(target, real, real, new Set([real]));
    } else if (stat.isFile()) {
      if (!isIgnored(path.resolve(target))) add({ path: target, real });
      else problems.push({ path: target, severity: 'warning', message: 'skipped: matches an ignore pattern' });
    } else problems.push({ path: target, severity: 'error', message: `cannot read: ${kindOf(stat)}, not a regular file` });
  }
  return { files, folders, problems, anyFolder };
}

/**
 * The files of --crds entries (files, folders, globs); a relative one is resolved against `base`.
 * A path that cannot be read is an error; a glob that matches nothing, a warning.
 */
export function collectCrds(entries: readonly string[], base: string): Collected {
  const plain: string[] = [];
  const globbed: FoundFile[] = [];
  const problems: InputProblem[] = [];
  for (const entry of entries) {
    if (!GLOB_CHARS.test(entry)) {
      plain.push(path.isAbsolute(entry) || base === process.cwd() ? entry : path.join(base, entry));
      continue;
    }
    const absolute = path.resolve(base, entry);
    const segments = absolute.split(path.sep);
    const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
    const root = segments.slice(0, firstGlob).join(path.sep) || path.sep;
    const re = globRegExp(absolute.split(path.sep).join('/'));
    const found = collect([root], {}).files.filter((f) => re.test(path.resolve(f.path).split(path.sep).join('/')));
    if (found.length === 0) problems.push({ path: entry, severity: 'warning', message: 'no CustomResourceDefinition files match' });
    globbed.push(...found);
  }
  const fromPlain = collect(plain, { wanted: (name) => YAML_NAME.test(name) });
  return {
    files: [...fromPlain.files, ...globbed],
    folders: fromPlain.folders,
    problems: [...problems, ...fromPlain.problems],
    anyFolder: fromPlain.anyFolder,
  };
}

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Reads a regular file of at most `maxSize` bytes. The size is checked before reading, and the
 * file is opened without blocking and checked again once open, so a file swapped for a FIFO or a
 * device meanwhile cannot block the run or read without end.
 */
export function readLimited(file: string, maxSize: number): ReadResult {
  let fd: number;
  try {
    const before = fs.statSync(file);
    if (!before.isFile()) return { kind: 'error', message: `cannot read: ${kindOf(before)}, not a regular file` };
    if (before.size > maxSize) return { kind: 'too-large', size: before.size };
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { kind: 'error', message: `cannot read: ${reason(err)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'error', message: `cannot read: ${kindOf(stat)}, not a regular file` };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    // One byte more than allowed tells a file that grew since the stat.
    const buffer = Buffer.alloc(Math.min(stat.size, maxSize) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // It grew since the stat: too large now, or changing under us.
      if (length === buffer.length)
        return length > maxSize
          ? { kind: 'too-large', size: length }
          : { kind: 'error', message: 'cannot read: it changed while being read' };
    }
    return { kind: 'text', text: buffer.toString('utf8', 0, length) };
  } catch (err) {
    return { kind: 'error', message: `cannot read: ${reason(err)}` };
  } finally {
    fs.closeSync(fd);
  }
}
