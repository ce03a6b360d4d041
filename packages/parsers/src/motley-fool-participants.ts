/** One entry of a Motley Fool participant list: `Name`, `Name -- Role` or `Name -- Firm -- Analyst`. */
export interface ListEntry {
  name: string;
  role: string | null;
  firm: string | null;
  analyst: boolean;
}

// One blank each side suffices (callers trim): \s+--\s+ would rescan a long run of blanks from each of them.
const SEPARATOR = /\s--\s/;
const MAX_NAME_WORDS = 4;
const PLACEHOLDERS = [/^(?:Unknown|Unidentified) (?:speaker|participant|analyst|company representative)/i];

/** Entries of a list written one a line. */
export function readListLines(list: string): ListEntry[] {
  return list
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const parts = line.split(SEPARATOR).map((part) => part.trim());
      const name = parts[0] ?? line;
      if (parts.length >= 3 && /^analyst$/i.test(parts[parts.length - 1] ?? '')) {
        return { name, role: null, firm: parts.slice(1, -1).join(' -- '), analyst: true };
      }
      return { name, role: parts.length > 1 ? parts.slice(1).join(' -- ') : null, firm: null, analyst: false };
    });
}

/**
 * Entries of a list flattened onto one line ("A B C D -- Role E F -- Firm -- Analyst ..."). The
 * words between two ` -- ` hold the end of one role and the names of the next entries, with
 * nothing to tell them apart; `seen` says whether a candidate label occurs in the speech, which
 * decides where a role ends and a name begins. Without evidence, a name is two words.
 */
export function readFlatList(list: string, seen: (candidate: string) => boolean): ListEntry[] {
  const segments = list.trim().split(SEPARATOR).map((segment) => segment.split(/\s+/).filter((word) => word.length > 0));
  const entries: ListEntry[] = [];
  const bareNames = (words: readonly string[]) => {
    for (const name of splitBareNames(words, seen)) entries.push({ name, role: null, firm: null, analyst: false });
  };
  /** How many last words name the entry whose role opens `next`: the longest the speech shows as `Name -- Role`. */
  const nameSize = (words: readonly string[], next: readonly string[], most: number) => {
    for (let k = Math.min(MAX_NAME_WORDS, most); k >= 1; k--) if (seen(`${words.slice(-k).join(' ')} -- ${next[0] ?? ''}`)) return k;
    return Math.max(0, Math.min(2, most));
  };
  /** Splits words into bare names and the name whose role follows in `next`. */
  const takeNames = (words: readonly string[], next: readonly string[] | undefined): string | null => {
    if (!next || words.length === 0) {
      bareNames(words);
      return null;
    }
    const size = nameSize(words, next, words.length);
    bareNames(words.slice(0, words.length - size));
    return words.slice(-size).join(' ');
  };

  let pending = takeNames(segments[0] ?? [], segments[1]);
  for (let index = 1; index < segments.length; index++) {
    const words = segments[index] ?? [];
    const next = segments[index + 1];
    const last = entries[entries.length - 1];
    if (pending === null && last && last.role !== null && /^analyst$/i.test(words[0] ?? '')) {
      // "Name -- Firm -- Analyst": what was read as a role is the firm.
      last.firm = last.role;
      last.role = null;
      last.analyst = true;
      pending = takeNames(words.slice(1), next);
      continue;
    }
    if (pending === null) {
      // Stray separator with no name before it: keep the words as names.
      pending = takeNames(words, next);
      continue;
    }
    const name = pending;
    if (next && /^analyst$/i.test(next[0] ?? '')) {
      entries.push({ name, role: words.join(' '), firm: null, analyst: false });
      pending = null;
      continue;
    }
    // The role is the longest start of the words that the speech shows after this name.
    // Without evidence (a silent participant) it runs up to a placeholder name, if any.
    const roleEnd = (limit: number) => {
      for (let k = limit; k >= 1; k--) if (seen(`${name} -- ${words.slice(0, k).join(' ')}`)) return k;
      const placeholder = words.findIndex((_, k) => k > 0 && k < limit && PLACEHOLDERS.some((pattern) => pattern.test(words.slice(k, k + 2).join(' '))));
      return placeholder === -1 ? limit : placeholder;
    };
    if (!next) {
      const end = roleEnd(words.length);
      entries.push({ name, role: words.slice(0, end).join(' ') || null, firm: null, analyst: false });
      bareNames(words.slice(end));
      pending = null;
      continue;
    }
    // At least one word is left for this entry's role.
    const size = nameSize(words, next, words.length - 1);
    const rest = words.slice(0, words.length - size);
    const end = roleEnd(rest.length);
    entries.push({ name, role: rest.slice(0, end).join(' ') || null, firm: null, analyst: false });
    bareNames(rest.slice(end));
    pending = size > 0 ? words.slice(-size).join(' ') : null;
  }
  if (pending !== null) entries.push({ name: pending, role: null, firm: null, analyst: false });
  return entries;
}

/** Words of names with no role, one after another: placeholders first, else the longest run the speech shows. */
function splitBareNames(words: readonly string[], seen: (candidate: string) => boolean): string[] {
  const names: string[] = [];
  let at = 0;
  while (at < words.length) {
    const rest = words.slice(at);
    const placeholder = PLACEHOLDERS.some((pattern) => pattern.test(rest.slice(0, 2).join(' ')));
    let size = placeholder ? 2 : Math.min(2, rest.length);
    if (!placeholder) {
      for (let k = Math.min(MAX_NAME_WORDS, rest.length); k >= 1; k--) {
        if (seen(rest.slice(0, k).join(' '))) {
          size = k;
          break;
        }
      }
    }
    names.push(rest.slice(0, size).join(' '));
    at += size;
  }
  return names;
}
