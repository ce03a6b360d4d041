/**
 * A word-keyed lookup table without a prototype, so that words of a text such as "constructor"
 * or "toString" find nothing in it instead of Object.prototype's members.
 */
export function wordTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
