// Keeps the language service's workspace index current with every YAML file of the workspace
// folders, so the cross-document rules, navigation and name completions see Services, StatefulSets,
// pod labels and Secrets that live in files the user has not opened.
//
// - At start: walks the folders (skipping node_modules, .git and other VCS folders, files over
//   1 MB, and stopping after 5000 YAML files), with a work-done progress for large workspaces.
// - Then: workspace/didChangeWatchedFiles (registered dynamically when the client can) for files
//   changed on disk, and the open documents themselves — an open document's text always wins
//   over what is on disk, and its objects are put in the index by the language service's parse.
// - When the index changes in a way a rule can see (not just positions), the open documents
//   are validated again. That includes which files are Kustomize patches: kustomization files
//   (`kustomization.yaml`/`.yml`, `Kustomization`) are read like the manifests, and a change of the
//   patches they name moves the index generation.
// Only the reduced IndexedObjects stay in memory, never file text or syntax trees.
// What is read from disk: regular files whose real path (every link resolved) lies inside a
// workspace folder, and the files the user opened. A watched-file event or a link never makes the
// server read anything else (a `*.yaml` link to /etc/shadow or /proc/self/environ is not opened).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
  WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from './service/config/index';
import { crdEntriesOfText, onlyCrds, type FileCrdEntry } from './service/crd/entries';
import { parseManifest } from './service/manifest/parse';
import { indexFile, type WorkspaceIndex } from './service/workspace/index';
import { isKustomizationUri, KUSTOMIZATION_FILE_NAMES, kustomizationRefs, type KustomizationRefs } from './service/workspace/kustomize';
import type { IndexedObject } from './service/workspace/types';

export const MAX_INDEXED_FILE_SIZE = 1024 * 1024;
export const MAX_INDEXED_FILES = 5000;
/** Above this many files the initial crawl shows a progress notification. */
export const PROGRESS_THRESHOLD = 200;
/** Dependency, VCS and tool folders: never the user's manifests, sometimes thousands of YAML files. */
const SKIP_DIRS = new Set(['node_modules', 'bower_components', '.git', '.hg', '.svn', '.venv', '.terraform', '.cache']);
const YAML_FILE = /\.ya?ml$/i;
/** Files the index reads: YAML files, and the extension-less `Kustomization`. */
const isIndexedName = (name: string) => YAML_FILE.test(name) || name === 'Kustomization';

export interface IndexerHost {
  /** True while the editor has the document open: its text, not the disk, is the truth. */
  isOpen(uri: string): boolean;
  /** The index changed in a way the cross-document rules can see. */
  indexChanged(): void;
  log(message: string): void;
  /** A progress reporter for the initial crawl (absent when the client cannot show one). */
  beginProgress?(title: string): Promise<ProgressReporter | undefined>;
}

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
}

export interface IndexerLimits {
  readonly maxFileSize: number;
  readonly maxFiles: number;
  readonly progressThreshold: number;
}

export class WorkspaceIndexer {
  /** Files indexed from disk (so a deleted folder can take its files with it). */
  private readonly known = new Set<string>();
  /** Directories of open documents already looked in for a kustomization file (see probeKustomization). */
  private readonly probedDirs = new Set<string>();
  /** The looks into directories still reading the disk. */
  private readonly probing = new Map<string, Promise<void>>();
  /** The index generation last reported: it moves only when what rules can see changes. */
  private seenGeneration = -1;
  private readonly limits: IndexerLimits;
  /** True when the crawl stopped at maxFiles. */
  truncated = false;
  /** Real paths of the workspace folders crawled (links resolved): what may be read from disk. */
  private readonly roots = new Map<string, string>();
  /** Files the user opened in the editor: read again from disk when closed, wherever they are. */
  private readonly opened = new Set<string>();

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly host: IndexerHost,
    limits: Partial<IndexerLimits> = {},
  ) {
    this.limits = { maxFileSize: MAX_INDEXED_FILE_SIZE, maxFiles: MAX_INDEXED_FILES, progressThreshold: PROGRESS_THRESHOLD, ...limits };
  }

  /** Every YAML file under the folders, in a stable order, up to maxFiles. */
  async listYamlFiles(folders: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    const queue = [...folders];
    while (queue.length) {
      const dir = queue.shift()!;
      let entries;
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable or gone: nothing to index there
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = path.join(dir, e.name);
        // Dirent does not follow symbolic links, so a link loop cannot trap the walk.
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) queue.push(p);
        } else if (e.isFile() && isIndexedName(e.name)) {
          if (out.length + this.known.size >= this.limits.maxFiles) {
            this.truncated = true;
            return out;
          }
          out.push(p);
        }
      }
    }
    return out;
  }

  /**
   * Indexes every YAML file of the folders (at start, or folders added to the workspace later);
   * returns how many files hold Kubernetes objects.
   */
  async crawl(folders: readonly string[]): Promise<{ files: number; indexed: number; truncated: boolean }> {
    const started = Date.now();
    const wasTruncated = this.truncated;
    this.truncated = false;
    for (const folder of folders) this.roots.set(folder, await realPath(folder));
    const files = await this.listYamlFiles(folders);
    const progress =
      files.length > this.limits.progressThreshold ? await this.host.beginProgress?.('Indexing Kubernetes manifests') : undefined;
    let indexed = 0;
    try {
      for (let i = 0; i < files.length; i++) {
        const uri = pathToFileURL(files[i]).toString();
        if (await this.indexFromDisk(uri, files[i], false)) indexed++;
        if (progress && i % 50 === 0) progress.report(Math.floor((i / files.length) * 100), `${i} / ${files.length} files`);
      }
    } finally {
      progress?.done();
    }
    // The index covers the workspace only when nothing was left out, now or by an earlier crawl.
    this.truncated ||= wasTruncated;
    this.workspace.complete = !this.truncated;
    if (this.truncated)
      this.host.log(
        `Indexed the first ${this.limits.maxFiles} YAML files of the workspace only; cross-file checks may miss objects defined in the others.`,
      );
    this.host.log(`Indexed ${indexed} manifest files of ${files.length} YAML files in ${Date.now() - started} ms.`);
    this.generationMoved();
    this.host.indexChanged();
    return { files: files.length, indexed, truncated: this.truncated };
  }

  /**
   * Reads one file and replaces its objects in the index. Open documents are left to the editor's
   * text. Returns true when the file holds Kubernetes objects. Reports a visible change unless `quiet`.
   * Reads only a regular file inside a workspace folder (or `allowedDir`) or one the user opened.
   */
  async indexFromDisk(uri: string, fsPath = toFsPath(uri), notify = true, allowedDir?: string): Promise<boolean> {
    if (!fsPath || this.host.isOpen(uri)) return false;
    if (!this.known.has(uri) && this.known.size >= this.limits.maxFiles) {
      // Over the budget: the index no longer covers the workspace.
      if (!this.truncated) this.host.log(`More than ${this.limits.maxFiles} YAML files: ${uri} and later ones are not indexed.`);
      this.truncated = true;
      this.workspace.complete = false;
      return false;
    }
    let objects: IndexedObject[] = [];
    let refs: KustomizationRefs | undefined;
    let crds: FileCrdEntry[] = [];
    const kustomization = isKustomizationUri(uri);
    const real = await realPath(fsPath);
    // Outside the folders and never opened: not ours to read. What it held before (a link that
    // pointed inside and now points out) leaves the index.
    if (!this.opened.has(uri) && !this.inside(real, allowedDir)) {
      if (this.known.has(uri)) this.remove(uri);
      return false;
    }
    try {
      const stat = await fsp.stat(real);
      if (stat.isFile() && stat.size <= this.limits.maxFileSize) {
        const text = await fsp.readFile(real, 'utf8');
        // CustomResourceDefinitions are read without their schemas (a full parse of an operator's CRD takes most of a second).
        crds = crdEntriesOfText(text);
        // Cheap pre-filter: a manifest names its kind and apiVersion (a kustomization file need not).
        if (kustomization || (text.includes('kind') && text.includes('apiVersion') && !onlyCrds(text, crds))) {
          const file = parseManifest(uri, text, this.limits.maxFileSize);
          objects = indexFile(file, TextDocument.create(uri, 'yaml', 0, text));
          if (kustomization) refs = kustomizationRefs(file);
        }
      }
    } catch {
      objects = []; // gone or unreadable: it holds nothing we can use
      refs = undefined;
      crds = [];
    }
    if (this.host.isOpen(uri)) return false; // opened while we were reading
    this.known.add(uri);
    this.workspace.set(uri, objects);
    this.workspace.setKustomization(uri, refs);
    if (!this.settingCrdFiles.has(uri) || crds.length) this.workspace.setCrds(uri, crds);
    if (this.generationMoved() && notify) this.host.indexChanged();
    return objects.length > 0 || crds.length > 0;
  }

  /** Files named by `k8sWorkloads.customResourceDefinitions` (their CRDs stay while the setting names them). */
  private settingCrdFiles = new Set<string>();

  /**
   * Reads the CRDs of the files, folders and globs of `k8sWorkloads.customResourceDefinitions`
   * (absolute, or relative to each workspace folder): a CRD kept outside the workspace counts too.
   * CRDs of files the setting no longer names leave the index (unless the workspace has the file).
   */
  async setCustomResourceDefinitionPaths(entries: readonly string[], folders: readonly string[]): Promise<void> {
    const files = new Set<string>();
    for (const entry of entries) {
      if (typeof entry !== 'string' || !entry.trim()) continue;
      const bases = path.isAbsolute(entry) ? [''] : folders;
      for (const base of bases) for (const f of await expandPath(path.resolve(base || '/', entry), this.limits.maxFiles)) files.add(f);
    }
    const uris = new Set<string>();
    for (const f of files) {
      const uri = pathToFileURL(f).toString();
      uris.add(uri);
      if (this.host.isOpen(uri)) continue;
      let crds: FileCrdEntry[] = [];
      try {
        const stat = await fsp.stat(f);
        if (stat.isFile() && stat.size <= 4 * this.limits.maxFileSize) crds = crdEntriesOfText(await fsp.readFile(f, 'utf8'));
      } catch {
        crds = [];
      }
      this.workspace.setCrds(uri, crds);
    }
    for (const uri of this.settingCrdFiles)
      if (!uris.has(uri) && !this.known.has(uri) && !this.host.isOpen(uri)) this.workspace.setCrds(uri, []);
    this.settingCrdFiles = uris;
    if (this.generationMoved()) this.host.indexChanged();
  }

  /** Whether a real path lies inside a workspace folder, or directly in `dir` (itself resolved). */
  private inside(real: string, dir?: string): boolean {
    if (dir !== undefined && path.dirname(real) === dir) return true;
    for (const root of this.roots.values())
      if (real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return true;
    return false;
  }

  /** A workspace folder was removed: its files leave the index (open documents stay). */
  removeFolder(folder: string): void {
    this.roots.delete(folder);
    this.remove(pathToFileURL(folder).toString());
  }

  /** A file or folder was deleted on disk. */
  remove(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const u of [...this.known]) {
      if ((u === uri || u.startsWith(prefix)) && !this.host.isOpen(u)) {
        this.known.delete(u);
        this.workspace.delete(u);
      }
    }
    if (this.generationMoved()) this.host.indexChanged();
  }

  /** workspace/didChangeWatchedFiles. */
  async filesChanged(events: readonly FileEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type === FileChangeType.Deleted) this.remove(e.uri);
      else if (YAML_FILE.test(e.uri) || isKustomizationUri(e.uri)) await this.indexFromDisk(e.uri);
    }
  }

  /** An open document was (re)parsed by the language service: tell the others if what rules see changed. */
  documentIndexed(uri: string): void {
    this.opened.add(uri);
    if (this.generationMoved()) this.host.indexChanged();
    this.probeKustomization(uri);
  }

  /**
   * Whether an open file is a Kustomize patch depends on a kustomization file, usually in the same
   * directory. With the whole workspace crawled, the index already has every kustomization file
   * (a file opened from outside the folders then counts as a whole manifest). Without it (a single
   * file opened, no folder; or a crawl cut short at maxFiles) this looks in the document's own
   * directory — once per directory, asynchronously, so validation never waits on the disk: the
   * document is first validated as a whole manifest, and again if a kustomization file there turns
   * out to patch with it. Parent directories are not searched (walking up to the root for every
   * new directory is not worth it; open the folder to get those). A kustomization file found this
   * way outside the folders is not watched for changes.
   */
  probeKustomization(uri: string): Promise<void> | undefined {
    if (this.workspace.complete) return undefined;
    const fsPath = toFsPath(uri);
    if (!fsPath) return undefined;
    const dir = path.dirname(fsPath);
    if (this.probedDirs.has(dir)) return undefined;
    this.probedDirs.add(dir);
    const probe = (async () => {
      const realDir = await realPath(dir);
      for (const name of KUSTOMIZATION_FILE_NAMES) {
        const p = path.join(dir, name);
        const u = pathToFileURL(p).toString();
        if (this.known.has(u) || this.host.isOpen(u)) continue;
        try {
          await fsp.access(p);
        } catch {
          continue; // none of that name
        }
        await this.indexFromDisk(u, p, true, realDir);
      }
    })()
      .catch((err: Error) => this.host.log(`Looking for a kustomization file in ${dir} failed: ${err.message}`))
      .finally(() => this.probing.delete(dir));
    this.probing.set(dir, probe);
    return probe;
  }

  /**
   * Settles once the index knows whether an open file is a Kustomize patch (the look into its
   * directory, started here if need be, has read the disk); undefined when it knows already.
   * The server publishes no diagnostics for the file before: as a whole manifest it would get
   * errors (missing required fields…) that a patch must not, taken back a moment later.
   */
  patchStatusPending(uri: string): Promise<void> | undefined {
    const fsPath = toFsPath(uri);
    if (!fsPath || this.workspace.complete) return undefined;
    return this.probeKustomization(uri) ?? this.probing.get(path.dirname(fsPath));
  }

  /** The editor closed a document: the disk is the truth again (unsaved changes are gone). */
  async documentClosed(uri: string): Promise<void> {
    if (!uri.startsWith('file:')) {
      this.workspace.delete(uri);
      if (this.generationMoved()) this.host.indexChanged();
      return;
    }
    await this.indexFromDisk(uri);
  }

  /** True once per change of the index generation. */
  private generationMoved(): boolean {
    const g = this.workspace.generation;
    if (g === this.seenGeneration) return false;
    this.seenGeneration = g;
    return true;
  }
}

/** The path with every link resolved; the path itself when it does not resolve (gone, dangling, a loop). */
async function realPath(p: string): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    return p;
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

/** The folders to index, from the initialize request. */
export function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const paths = uris.map(toFsPath).filter((p): p is string => !!p);
  if (!paths.length && params.rootPath) paths.push(params.rootPath);
  return paths;
}

/** How long to wait after the last index change before validating the open documents again. */
const REVALIDATE_DELAY_MS = 150;

/**
 * Wires a WorkspaceIndexer to the LSP connection. The server calls `start()` once initialized,
 * `documentIndexed(uri)` after validating a document and `documentClosed(uri)` when one closes.
 */
export function createWorkspaceIndexing(options: {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceIndex;
  params: InitializeParams;
  /** Validates every open document again. */
  revalidate: () => void;
  /** Every workspace/didChangeWatchedFiles, before the index reads the files (project files are watched too). */
  onWatchedFiles?: (events: readonly FileEvent[]) => void;
  /** The workspace folders after folders were added or removed. */
  onFoldersChanged?: (folders: string[]) => void;
}): {
  indexer: WorkspaceIndexer;
  start(): Promise<void>;
  documentIndexed(uri: string): void;
  documentClosed(uri: string): void;
  /** `k8sWorkloads.customResourceDefinitions`: read now, or once the workspace is indexed. */
  setCustomResourceDefinitionPaths(paths: readonly string[]): void;
  /** Settles once the index knows whether the open file `uri` is a Kustomize patch; undefined when it knows now. */
  patchStatusPending(uri: string): Promise<void> | undefined;
} {
  const { connection, documents, workspace, params, revalidate, onWatchedFiles, onFoldersChanged } = options;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let crdPaths: readonly string[] = [];
  let crdPathsRead: string | undefined;
  const readCrdPaths = () => {
    const key = JSON.stringify(crdPaths);
    if (key === crdPathsRead) return;
    crdPathsRead = key;
    void indexer
      .setCustomResourceDefinitionPaths(crdPaths, workspaceFolderPaths(params))
      .catch((err: Error) => connection.console.error(`Reading k8sWorkloads.customResourceDefinitions failed: ${err.message}`));
  };
  /** The first crawl of the workspace folders, while it runs: it reads every kustomization file. */
  let crawling: Promise<void> | undefined;
  let folders = workspaceFolderPaths(params);
  const inFolders = (uri: string) => {
    const p = toFsPath(uri);
    return !!p && folders.some((f) => p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  };
  const indexer = new WorkspaceIndexer(workspace, {
    isOpen: (uri) => documents.get(uri) !== undefined,
    indexChanged() {
      if (!started) return; // the end of the crawl revalidates once
      clearTimeout(timer);
      timer = setTimeout(revalidate, REVALIDATE_DELAY_MS);
    },
    log: (m) => connection.console.info(m),
    beginProgress: params.capabilities.window?.workDoneProgress
      ? async (title) => {
          try {
            const reporter = await connection.window.createWorkDoneProgress();
            reporter.begin(title, 0, undefined, false);
            return { report: (p, m) => reporter.report(p, m), done: () => reporter.done() };
          } catch {
            return undefined;
          }
        }
      : undefined,
  });

  connection.onDidChangeWatchedFiles((change) => {
    onWatchedFiles?.(change.changes);
    void indexer.filesChanged(change.changes);
  });

  return {
    indexer,
    async start() {
      if (params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            // YAML files (manifests, kustomization.yaml and the project file .k8s-workloads.yaml, named
            // apart in case a client's `*` skips dot files), the extension-less Kustomization, and deletions of anything.
            watchers: [
              { globPattern: '**/*.{yaml,yml}' },
              { globPattern: `**/${CONFIG_FILE_NAME}` },
              { globPattern: '**/Kustomization' },
              { globPattern: '**/*', kind: WatchKind.Delete },
            ],
          })
          .catch((err: Error) => connection.console.warn(`Could not watch the workspace files: ${err.message}`));
      }
      if (params.capabilities.workspace?.workspaceFolders) {
        try {
          connection.workspace.onDidChangeWorkspaceFolders((e) => {
            for (const f of e.removed) {
              const p = toFsPath(f.uri);
              if (p) indexer.removeFolder(p);
            }
            const added = e.added.map((f) => toFsPath(f.uri)).filter((p): p is string => !!p);
            const removed = new Set(e.removed.map((f) => toFsPath(f.uri)));
            folders = [...folders.filter((f) => !removed.has(f)), ...added.filter((f) => !folders.includes(f))];
            onFoldersChanged?.(folders);
            if (added.length)
              void indexer
                .crawl(added)
                .then(revalidate, (err: Error) => connection.console.error(`Indexing ${added.join(', ')} failed: ${err.message}`));
          });
        } catch (err) {
          connection.console.warn(`Workspace folder changes will not be followed: ${(err as Error).message}`);
        }
      }
      let crawled: () => void = () => undefined;
      if (folders.length) crawling = new Promise<void>((resolve) => (crawled = resolve));
      try {
        if (folders.length) await indexer.crawl(folders);
      } catch (err) {
        connection.console.error(`Indexing the workspace failed: ${(err as Error).stack ?? String(err)}`);
      } finally {
        started = true;
        crawling = undefined;
        crawled();
      }
      readCrdPaths();
      if (folders.length) revalidate();
    },
    setCustomResourceDefinitionPaths(paths) {
      crdPaths = paths;
      if (started) readCrdPaths();
    },
    patchStatusPending(uri) {
      // a file of the folders: the crawl reads every kustomization that may name it (a file opened
      // from outside them counts as a whole manifest, see probeKustomization); then, or without
      // folders, a look into the file's own directory
      if (crawling && inFolders(uri)) return crawling;
      return started || !folders.length ? indexer.patchStatusPending(uri) : undefined;
    },
    documentIndexed(uri) {
      indexer.documentIndexed(uri);
    },
    documentClosed(uri) {
      void indexer.documentClosed(uri);
    },
  };
}

const GLOB = /[*?[{]/;

/** `*`, `?` and `**` of one path segment pattern as a regular expression. */
function segmentRegExp(segment: string): RegExp {
  const re = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

/**
 * The YAML files a path names: the file itself, every YAML file below a folder, or the files a
 * glob matches (`*` and `?` within a segment, `**` across folders). At most `max` files.
 */
export async function expandPath(p: string, max: number): Promise<string[]> {
  const out: string[] = [];
  const segments = p.split(path.sep);
  const firstGlob = segments.findIndex((s) => GLOB.test(s));
  const walk = async (dir: string, rest: string[]): Promise<void> => {
    if (out.length >= max) return;
    if (rest.length === 0) return;
    const [head, ...tail] = rest;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (head === '**') {
      await walk(dir, tail);
      for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name), rest);
      return;
    }
    const re = segmentRegExp(head);
    for (const e of entries) {
      if (!re.test(e.name)) continue;
      const child = path.join(dir, e.name);
      if (tail.length === 0) {
        if (e.isFile() && YAML_FILE.test(e.name) && !out.includes(child)) out.push(child);
      } else if (e.isDirectory()) await walk(child, tail);
    }
  };
  if (firstGlob < 0) {
    try {
      const stat = await fsp.stat(p);
      if (stat.isFile()) return [p];
      if (stat.isDirectory()) {
        await walk(p, ['**', '*']);
        return out;
      }
    } catch {
      return [];
    }
    return [];
  }
  await walk(segments.slice(0, firstGlob).join(path.sep) || path.sep, segments.slice(firstGlob));
  return out;
}
