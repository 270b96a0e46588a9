/**
 * The value a record holds under `key` as its own property, or undefined. Ids arrive from the wire,
 * and a plain lookup of `__proto__` or `constructor` would find the prototype's: a ghost player
 * who counts as present. Every record keyed by a wire id is read through this. Pure.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
