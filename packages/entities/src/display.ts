/** How to pick one spelling among several that share a key, the same way whatever order they came in. */

/** All capitals or all lower case: the case says nothing about how the name is written. */
function isOneCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const hasCase = letters.toUpperCase() !== letters.toLowerCase();
  return [...letters].length > 1 && hasCase && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
}

/** "ELON" and "elon" read as "Elon"; mixed case is kept as written ("McNeill", "van Beethoven"). */
export function unshout(text: string): string {
  if (!isOneCase(text)) return text;
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** Sort order for spellings of one thing: mixed case before one case, accents kept before folded, then code units. */
export function compareSpellings(a: string, b: string): number {
  return Number(isOneCase(a)) - Number(isOneCase(b)) || b.normalize('NFD').length - a.normalize('NFD').length || (a < b ? -1 : a > b ? 1 : 0);
}

export function bestSpelling(spellings: Iterable<string>): string {
  const [best = ''] = [...spellings].sort(compareSpellings);
  return unshout(best);
}

/** Code-unit order, the one sortRows uses. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids for things that want the same slug: the first (by `tieKey`) keeps it, the others get -2, -3... Reserved ids are never handed out. */
export function assignIds(wanted: readonly { base: string; tieKey: string }[], reserved: ReadonlySet<string>): string[] {
  const taken = new Set(reserved);
  const ids: string[] = new Array(wanted.length);
  const order = wanted.map((item, index) => ({ ...item, index })).sort((a, b) => compareText(a.base, b.base) || compareText(a.tieKey, b.tieKey));
  for (const item of order) {
    let id = item.base;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${item.base}-${suffix}`;
    taken.add(id);
    ids[item.index] = id;
  }
  return ids;
}
