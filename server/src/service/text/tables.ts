// Lookup tables keyed by what a manifest says: a kind, an image name, a unit suffix, a field name.

/**
 * `table[key]` when `key` is one of the table's own entries, else undefined. A plain object also
 * answers for Object.prototype's members: `kind: constructor` read the Object constructor as the
 * kind's pod template path, and the workspace index threw on every such file.
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
