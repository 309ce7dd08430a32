// Finding and reading the project file `.k8s-workloads.yaml` on disk, for the language server and
// the command line alike. The file that applies to a manifest is the nearest one in the manifest's
// folder or the folders above it, up to the repository root (the first folder holding `.git`) —
// or the filesystem root outside a repository. What it says is read by service/config.
import { promises as fsp, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CONFIG_FILE_NAME,
  ignoreMatcher,
  parseProjectConfig,
  type ConfigProblem,
  type IgnoreMatcher,
  type ProjectConfig,
} from './service/config/index';

/** A project file as read: where it is, what it sets, and what is wrong in it. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  readonly path: string;
  readonly uri: string;
  /** Its folder: `ignore` and `customResourceDefinitions` are relative to it. */
  readonly dir: string;
  readonly text: string;
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
  readonly ignore: IgnoreMatcher;
}

export function loadedConfig(file: string, text: string): LoadedConfig {
  const { config, problems } = parseProjectConfig(text);
  return {
    path: file,
    uri: pathToFileURL(file).toString(),
    dir: path.dirname(file),
    text,
    config,
    problems,
    ignore: ignoreMatcher(config.ignore ?? []),
  };
}

/** True when the file is ignored by the project file (itself never is). */
export function isIgnoredBy(loaded: LoadedConfig | undefined, file: string): boolean {
  if (!loaded || path.basename(file) === CONFIG_FILE_NAME) return false;
  const rel = path.relative(loaded.dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return loaded.ignore.ignores(rel.split(path.sep).join('/'));
}

/** `customResourceDefinitions` of a project file as absolute paths or globs. */
export function crdPathsOf(loaded: LoadedConfig): string[] {
  return (loaded.config.customResourceDefinitions ?? []).map((p) => path.resolve(loaded.dir, p));
}

/** The folders looked in for the file that applies in `dir`, nearest first: up to the repository root or `/`. */
export function configSearchDirs(dir: string, exists: (p: string) => boolean): { dirs: string[]; found?: string } {
  const dirs: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    dirs.push(current);
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (exists(candidate)) return { dirs, found: candidate };
    if (exists(path.join(current, '.git'))) return { dirs };
    const parent = path.dirname(current);
    if (parent === current) return { dirs };
    current = parent;
  }
}

const existsSyncSafe = (p: string) => {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The project file that applies to the files of `dir` (synchronous, for the command line). */
export function findProjectConfigSync(dir: string): string | undefined {
  return configSearchDirs(dir, existsSyncSafe).found;
}

/** Reads a project file (synchronous, for the command line); throws when it cannot be read. */
export function readProjectConfigSync(file: string): LoadedConfig {
  return loadedConfig(path.resolve(file), readFileSync(file, 'utf8'));
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.stat(p);
    return true;
  } catch {
    return false;
  }
}

function toFsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export interface ProjectConfigHost {
  /** The text of an open document (the editor's text wins over the disk), undefined when closed. */
  openText(uri: string): string | undefined;
  /** Folders for documents without a path (untitled): the first one's project file applies to them. */
  folders(): readonly string[];
  log(message: string): void;
}

/**
 * The language server's view of the project files: which one applies to each document (looked
 * up once per folder, asynchronously), their contents (an open project file's unsaved text
 * counts at once), and a way to forget everything when one is created, changed or deleted.
 */
export class ProjectConfigStore {
  /** Folder → the project file that applies there (undefined: none), once looked up. */
  private readonly lookups = new Map<string, string | undefined>();
  /** Folder → the look-up still reading the disk. */
  private readonly lookingUp = new Map<string, Promise<void>>();
  /** Project file path → what it holds. */
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Every folder looked in (for watching the ones outside the workspace). */
  readonly searchedDirs = new Set<string>();
  /** Moves whenever what some document sees may have changed. */
  generation = 0;

  constructor(private readonly host: ProjectConfigHost) {}

  private dirOf(uri: string): string | undefined {
    const p = toFsPath(uri);
    if (p) return path.dirname(p);
    return this.host.folders()[0];
  }

  /** Settles once the project file of the document's folder is known; undefined when it is now. */
  pending(uri: string): Promise<void> | undefined {
    const dir = this.dirOf(uri);
    if (dir === undefined || this.lookups.has(dir)) return undefined;
    return this.lookUp(dir);
  }

  /** Starts (or joins) the look-up for a folder. */
  lookUp(dir: string): Promise<void> {
    const running = this.lookingUp.get(dir);
    if (running) return running;
    const generation = this.generation;
    const work = (async () => {
      const seen: string[] = [];
      let found: string | undefined;
      let current = path.resolve(dir);
      for (;;) {
        seen.push(current);
        const candidate = path.join(current, CONFIG_FILE_NAME);
        // on disk: a project file deleted while open in an editor no longer applies (its open text does while it exists)
        if (await exists(candidate)) {
          found = candidate;
          break;
        }
        if (await exists(path.join(current, '.git'))) break;
        const parent = path.dirname(current);
        if (parent === current) break;
        current = parent;
      }
      if (found && !this.loaded.has(found)) {
        const text = this.host.openText(pathToFileURL(found).toString()) ?? (await fsp.readFile(found, 'utf8').catch(() => undefined));
        if (generation !== this.generation) return; // forgotten meanwhile: a newer look-up decides
        if (text === undefined) found = undefined;
        else this.loaded.set(found, loadedConfig(found, text));
      }
      if (generation !== this.generation) return;
      for (const d of seen) this.searchedDirs.add(d);
      this.lookups.set(dir, found);
    })()
      .catch((err: Error) => {
        this.host.log(`Looking for ${CONFIG_FILE_NAME} above ${dir} failed: ${err.message}`);
        if (generation === this.generation) this.lookups.set(dir, undefined);
      })
      .finally(() => {
        if (this.lookingUp.get(dir) === work) this.lookingUp.delete(dir);
      });
    this.lookingUp.set(dir, work);
    return work;
  }

  /** The project file that applies to a document (undefined: none, or not looked up yet). */
  configFor(uri: string): LoadedConfig | undefined {
    const dir = this.dirOf(uri);
    const file = dir === undefined ? undefined : this.lookups.get(dir);
    return file ? this.loaded.get(file) : undefined;
  }

  /** True when the project file that applies to the document ignores it. */
  ignores(uri: string): boolean {
    const p = toFsPath(uri);
    return !!p && isIgnoredBy(this.configFor(uri), p);
  }

  /** Every project file read. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
  }

  /**
   * An open project file's text changed (or it was opened): what it sets applies at once.
   * True when the file is one that applies to some document.
   */
  textChanged(uri: string, text: string): boolean {
    const p = toFsPath(uri);
    if (!p) return false;
    const before = this.loaded.get(p);
    // not one that applies (yet): a look-up still running reads the open text; one created on disk
    // is announced by the file watcher (which makes everything be looked up again); one deleted on
    // disk no longer applies, whatever its editor still shows
    if (!before) return false;
    if (before.text === text) return false;
    this.loaded.set(p, loadedConfig(p, text));
    this.generation++;
    return true;
  }

  /** A project file was created, changed, deleted (or closed unsaved): look everything up again. */
  forget(): void {
    this.lookups.clear();
    this.lookingUp.clear();
    this.loaded.clear();
    this.generation++;
  }
}
