// Kustomize patches: which files of the workspace are patches rather than whole objects.
//
// A strategic-merge patch such as `overlays/prod/replicas.yaml` (a Deployment with only
// `spec.replicas`) is merged into a base that has the rest, so rules that conclude from an
// absence (no selector, no resources, no matching Service…) must not judge it. A file is a patch
// when a kustomization file (`kustomization.yaml`, `kustomization.yml` or `Kustomization`) names
// it under:
//   patchesStrategicMerge: [path…]                 (legacy; an entry may also be an inline patch)
//   patches: [{path: …, target: …}]                 (strategic-merge or JSON 6902, by content)
//   patchesJson6902: [{path: …, target: …}]         (a YAML list of {op, path, value})
// Paths are relative to the kustomization file's directory. Inline patches (`patch: |-` or an
// inline string under patchesStrategicMerge) live inside the kustomization file, which is not a
// Kubernetes API kind the rules judge, so there is nothing to mark.
//
// Host-independent: the caller reads the files; this only reads parsed documents and URIs.
import type { ManifestFile } from '../manifest/types';
import { isObject } from '../k8s/labels';

export type PatchKind = 'strategic-merge' | 'json6902';

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What one kustomization file says about other files (URIs in uriKey form). */
export interface KustomizationRefs {
  /** Files named as patches, with the kind of patch the field implies. */
  readonly patches: readonly { readonly uri: string; readonly kind: PatchKind }[];
  /** Files named under `resources:` (or the legacy `bases:`): whole objects, never patches. */
  readonly resources: readonly string[];
  /** The `namespace:` the kustomization sets on every object it includes. */
  readonly namespace?: string;
}

function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True for a URI whose file name is one kustomize reads as the kustomization of its directory. */
export function isKustomizationUri(uri: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(baseName(uri));
}

const UPPER_DRIVE = /^file:\/\/\/[A-Z]:/;

/**
 * A comparable form of a URI: editors and Node encode file URIs differently (`%3A` or `:` after a
 * drive letter, `@` or `%40`…), so file URIs are compared decoded, with a lower-case drive letter.
 */
export function uriKey(uri: string): string {
  // Most URIs need nothing (this runs for every file when the index lists its objects).
  if (!uri.startsWith('file:') || (!uri.includes('%') && !UPPER_DRIVE.test(uri))) return uri;
  let s = uri;
  try {
    s = decodeURIComponent(uri);
  } catch {
    // a stray % — compare as written
  }
  return s.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
}

/**
 * `rel` (a kustomization entry) resolved against the directory of `fromUri`, in uriKey form.
 * Undefined for what cannot name a local file: empty, a URL, or an inline patch.
 */
export function resolveRelative(fromUri: string, rel: string): string | undefined {
  const entry = rel.trim();
  if (!entry || entry.includes('\n') || /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^\s*[\w$/.-]+\s*:\s/.test(entry)) return undefined;
  const key = uriKey(fromUri);
  // Scheme and authority (empty for file:///) stay; the path below them is joined segment by segment.
  const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/]*)?/i.exec(key)?.[0] ?? '';
  const dir = key.slice(scheme.length, key.lastIndexOf('/'));
  const segments = entry.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const s of entry.split(/[/\\]/)) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return `${scheme}/${segments.join('/')}`;
}

/** The patch and resource files a kustomization file names (undefined when it is not a kustomization file). */
export function kustomizationRefs(file: ManifestFile): KustomizationRefs | undefined {
  if (!isKustomizationUri(file.uri) || file.isTemplate) return undefined;
  const patches: { uri: string; kind: PatchKind }[] = [];
  const resources: string[] = [];
  let namespace: string | undefined;
  const add = (rel: unknown, kind: PatchKind) => {
    const uri = typeof rel === 'string' ? resolveRelative(file.uri, rel) : undefined;
    if (uri) patches.push({ uri, kind });
  };
  // A kustomization is one document; tolerate a leading empty one (a `---` first line).
  for (const doc of file.documents) {
    const k = doc.value;
    if (!isObject(k)) continue;
    if (Array.isArray(k.patchesStrategicMerge)) for (const p of k.patchesStrategicMerge) add(p, 'strategic-merge');
    if (Array.isArray(k.patches)) for (const p of k.patches) if (isObject(p)) add(p.path, 'strategic-merge');
    if (Array.isArray(k.patchesJson6902)) for (const p of k.patchesJson6902) if (isObject(p)) add(p.path, 'json6902');
    for (const key of ['resources', 'bases'])
      if (Array.isArray(k[key]))
        for (const r of k[key] as unknown[]) {
          const uri = typeof r === 'string' ? resolveRelative(file.uri, r) : undefined;
          if (uri) resources.push(uri);
        }
    if (typeof k.namespace === 'string' && k.namespace !== '') namespace = k.namespace;
    break;
  }
  return namespace ? { patches, resources, namespace } : { patches, resources };
}

/**
 * Which files are patches, from every kustomization file seen. A file some kustomization uses as
 * a resource is a whole object even if another one patches with it.
 */
export class KustomizePatchIndex {
  private readonly byKustomization = new Map<string, { readonly refs: KustomizationRefs; readonly signature: string }>();
  private patchKinds: Map<string, PatchKind> | undefined;

  /** Records (or, with undefined, forgets) what a kustomization file names; true when that changed. */
  set(kustomizationUri: string, refs: KustomizationRefs | undefined): boolean {
    const key = uriKey(kustomizationUri);
    const before = this.byKustomization.get(key);
    if (!refs) {
      if (!before) return false;
      this.byKustomization.delete(key);
      this.patchKinds = undefined;
      return true;
    }
    const signature = JSON.stringify(refs);
    if (before?.signature === signature) return false;
    this.byKustomization.set(key, { refs, signature });
    this.patchKinds = undefined;
    return true;
  }

  /**
   * The namespaces kustomizations put a file's objects in: for each kustomization that lists the
   * file (or, for an overlay, the directory of a kustomization that does) under resources, the
   * outermost `namespace:` on that chain — kustomize applies the overlay's over the base's.
   */
  namespacesFor(uri: string): { namespace: string; kustomization: string }[] {
    const out = new Map<string, { namespace: string; kustomization: string }>();
    const walk = (target: string, depth: number): { namespace: string; kustomization: string }[] => {
      if (depth > 8) return [];
      const found: { namespace: string; kustomization: string }[] = [];
      for (const [k, { refs }] of this.byKustomization) {
        if (!refs.resources.includes(target)) continue;
        const outer = walk(k.slice(0, k.lastIndexOf('/')), depth + 1);
        if (outer.length) found.push(...outer);
        else if (refs.namespace) found.push({ namespace: refs.namespace, kustomization: k });
      }
      return found;
    };
    for (const f of walk(uriKey(uri), 0)) out.set(`${f.namespace}\n${f.kustomization}`, f);
    return [...out.values()].sort((a, b) => a.kustomization.localeCompare(b.kustomization));
  }

  /** The kind of patch a file is, or undefined for a file no kustomization names as a patch. */
  patchKind(uri: string): PatchKind | undefined {
    if (this.byKustomization.size === 0) return undefined;
    if (!this.patchKinds) {
      const kinds = new Map<string, PatchKind>();
      const resources = new Set<string>();
      for (const { refs } of this.byKustomization.values()) {
        for (const r of refs.resources) resources.add(r);
        // JSON 6902 wins when two kustomizations disagree: it gets the fewest checks, and is never an object.
        for (const p of refs.patches) if (kinds.get(p.uri) !== 'json6902') kinds.set(p.uri, p.kind);
      }
      for (const r of resources) kinds.delete(r);
      this.patchKinds = kinds;
    }
    return this.patchKinds.size === 0 ? undefined : this.patchKinds.get(uriKey(uri));
  }
}
