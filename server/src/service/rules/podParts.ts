// Reading the parts of a pod the API-validation rules look at (containers of all three lists,
// volumes, a container's own fields) from the document's plain JS value without trusting it:
// user maps may hold keys such as `__proto__`, `constructor` or `toString`, so a field is read
// only when it is the object's own property.
import { podSpecPath, type Path } from '../k8s/podSpec';
import { getAt } from '../manifest/navigate';
import { isObject } from '../k8s/labels';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerAt {
  readonly container: Record<string, unknown>;
  /** Path of the container item, e.g. ['spec','template','spec','containers',0]. */
  readonly path: Path;
  readonly list: ContainerList;
  /** The container's name, or `containers[0]` when it has none. */
  readonly label: string;
}

export { isObject };

export function hasOwn(o: unknown, key: string): boolean {
  return isObject(o) && Object.prototype.hasOwnProperty.call(o, key);
}

/** `o[key]` when `key` is an own property of the mapping `o`, else undefined. */
export function own(o: unknown, key: string): unknown {
  return hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** The keys among `keys` that `o` holds with a value other than null (Go decodes null into "not set"), in the order written. */
export function setKeys(o: unknown, keys: readonly string[]): string[] {
  if (!isObject(o)) return [];
  return Object.keys(o).filter((k) => keys.includes(k) && o[k] !== null && o[k] !== undefined);
}

/** The keys among `keys` that `o` holds with an empty (null) value (`emptyDir:` with nothing after it), in the order written. */
export function nullKeys(o: unknown, keys: readonly string[]): string[] {
  if (!isObject(o)) return [];
  return Object.keys(o).filter((k) => keys.includes(k) && o[k] === null);
}

/** The mapping items of the list at `path` with their indexes (other items are skipped). */
export function objectItems(value: unknown, path: Path): { item: Record<string, unknown>; path: Path; index: number }[] {
  const list = getAt(value, path);
  if (!Array.isArray(list)) return [];
  const out: { item: Record<string, unknown>; path: Path; index: number }[] = [];
  list.forEach((item, index) => {
    if (isObject(item)) out.push({ item, path: [...path, index], index });
  });
  return out;
}

/** The pod's containers, init containers and ephemeral containers (or only the `lists` given). */
export function containersIn(
  value: unknown,
  kind: string,
  lists: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'],
): ContainerAt[] {
  const spec = podSpecPath(kind);
  if (!spec) return [];
  const out: ContainerAt[] = [];
  for (const list of lists) {
    for (const { item, path, index } of objectItems(value, [...spec, list])) {
      const name = own(item, 'name');
      out.push({ container: item, path, list, label: typeof name === 'string' && name !== '' ? name : `${list}[${index}]` });
    }
  }
  return out;
}

/** A number the API decodes as an integer (the schema rules report the other types). */
export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
