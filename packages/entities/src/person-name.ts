import { normalizeForId, trimWhere } from '@callset/schema';
import { blankAsides } from './asides.ts';
import { sharedGivenNameGroup } from './given-names.ts';

/** One word of a name: as written, and its key (lower case, accents and punctuation folded away). */
export interface NameToken {
  text: string;
  key: string;
  /** A single letter, written "R." or "R". */
  initial: boolean;
}

/** A person's name split by the rules in README.md. */
export interface PersonName {
  /** As written, spaces collapsed. */
  written: string;
  given: NameToken;
  middles: NameToken[];
  /** Surname words, particles included ("van Beethoven"); empty for a one-word name. */
  surname: NameToken[];
  /** The surname's words' keys joined; '' for a one-word name. */
  surnameKey: string;
  /** Jr., Sr., III...: people who differ by it are different people. */
  suffix: NameToken | null;
  /** Two spellings with the same key are the same name: they differ only by case, spacing, punctuation or accents. */
  key: string;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'hon', 'rev']);
const GENERATIONAL = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const CREDENTIALS = new Set(['cfa', 'cpa', 'phd', 'md', 'mba', 'esq', 'jd', 'cfp', 'frm', 'caia']);
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'das', 'dos', 'di', 'du', 'la', 'le', 'st', 'ter', 'ten', 'bin', 'ibn', 'al', 'el']);
/** Nicknames in quotes and asides in brackets are dropped: `Anthony "Tony" Smith (CFO)` is Anthony Smith. */
const ASIDES = [['"', '"'], ['“', '”'], ['(', ')'], ['[', ']']] as const;
const isNotLetterOrDigit = (char: string) => /[^\p{L}\p{N}]/u.test(char);
const isEndPunctuation = (char: string) => char !== '.' && isNotLetterOrDigit(char);
const DOTTED_INITIALS = /^\p{L}(?:\.\p{L})+\.?$/u;

export function wordKey(text: string): string {
  return normalizeForId(text).replace(/ /g, '');
}

function token(text: string): NameToken {
  const key = wordKey(text);
  return { text, key, initial: [...key].length === 1 && /\p{L}/u.test(key) };
}

/**
 * "A.M." and "J.B" are two initials. A word's leading and trailing punctuation is dropped; a
 * final dot is kept after an initial or an abbreviation ("R.", "Jr.") and dropped after a
 * whole word ("McNeill." ends a sentence, not the name).
 */
function tokensOf(word: string): NameToken[] {
  const bare = trimWhere(trimWhere(word, isNotLetterOrDigit, 'start'), isEndPunctuation, 'end');
  if (DOTTED_INITIALS.test(bare)) return bare.split('.').filter(Boolean).map((letter) => token(`${letter}.`));
  const single = token(bare);
  if (!single.key) return [];
  const abbreviation = single.initial || GENERATIONAL.has(single.key) || CREDENTIALS.has(single.key) || HONORIFICS.has(single.key) || PARTICLES.has(single.key);
  return [abbreviation ? single : token(trimWhere(bare, (char) => char === '.', 'end'))];
}

const isSuffixWord = (key: string) => GENERATIONAL.has(key) || CREDENTIALS.has(key);

/**
 * Commas: "Musk, Elon" is Elon Musk; "John Smith, Jr., CFA" keeps its suffixes; after a name of
 * two words or more, other comma parts are titles ("Elon Musk, CEO") and are dropped.
 */
function uncomma(text: string): string {
  const [first = '', ...rest] = text.split(',').map((part) => part.trim()).filter(Boolean);
  const suffixes = rest.filter((part) => part.split(/\s+/).every((word) => isSuffixWord(wordKey(word))));
  const others = rest.filter((part) => !suffixes.includes(part));
  const reordered = others.length === 1 && rest[0] === others[0] && first.split(/\s+/).length === 1 ? `${others[0]} ${first}` : first;
  return [reordered, ...suffixes].join(' ');
}

/** A person's name by the rules; null when nothing name-like is left (no letters). */
export function parsePersonName(raw: string): PersonName | null {
  const text = uncomma(blankAsides(raw.normalize('NFKC'), ASIDES));
  const words = text.split(/\s+/).flatMap(tokensOf);
  while (words.length > 1 && HONORIFICS.has(words[0]?.key ?? '')) words.shift();
  let suffix: NameToken | null = null;
  while (words.length > 1 && isSuffixWord(words.at(-1)?.key ?? '')) {
    const last = words.pop();
    if (last && GENERATIONAL.has(last.key)) suffix ??= last;
  }
  const [given] = words;
  if (!given || !/\p{L}/u.test(words.map((word) => word.key).join(''))) return null;
  let surnameStart = words.length > 1 ? words.length - 1 : words.length;
  while (surnameStart > 1 && PARTICLES.has(words[surnameStart - 1]?.key ?? '')) surnameStart -= 1;
  const middles = words.slice(1, surnameStart);
  const surname = words.slice(surnameStart);
  const surnameKey = surname.map((word) => word.key).join('');
  const key = [given.key, ...middles.map((word) => word.key), surnameKey, suffix?.key ?? ''].filter(Boolean).join(' ');
  return { written: raw.trim().replace(/\s+/g, ' '), given, middles, surname, surnameKey, suffix, key };
}

export interface NameComparison {
  compatible: boolean;
  /** Why, one rule per entry: the explanation a person can check. */
  reasons: string[];
  /** The first part that keeps them apart, in the order the rules look: surname, given name, middle names, suffix. */
  differsIn: 'surname' | 'given' | 'middles' | 'suffix' | null;
}

/** Whether two words of a name can stand for the same word: same, an initial of it, or a variant in the given-name table. */
function compareWords(a: NameToken, b: NameToken): string | null {
  if (a.key === b.key) return null;
  if (a.initial || b.initial) {
    const [initial, full] = a.initial ? [a, b] : [b, a];
    return full.key.startsWith(initial.key) ? `${initial.text} is the initial of ${full.text}` : 'no';
  }
  const group = sharedGivenNameGroup(a.key, b.key);
  return group ? `${a.text} and ${b.text} are variants of the given name ${group}` : 'no';
}

/** Middle names: the shorter list must match, in order, words of the longer; what the shorter leaves out is fine. */
function compareMiddles(a: readonly NameToken[], b: readonly NameToken[]): string[] | null {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const reasons: string[] = [];
  let next = 0;
  for (const word of shorter) {
    let matched: string | null | undefined;
    while (next < longer.length && matched === undefined) {
      const candidate = longer[next++];
      const verdict = candidate ? compareWords(word, candidate) : 'no';
      if (verdict === 'no') reasons.push(`middle name ${candidate?.text ?? ''} is not written in the other`);
      else matched = verdict;
    }
    if (matched === undefined) return null;
    if (matched) reasons.push(matched);
  }
  for (const word of longer.slice(next)) reasons.push(`middle name ${word.text} is not written in the other`);
  return reasons;
}

/**
 * The matching rules: same surname, compatible given names (same, initial, variant), middle
 * names compatible in order or left out, suffixes not in conflict. One-word names match only
 * spellings of themselves.
 */
export function compareNames(a: PersonName, b: PersonName): NameComparison {
  const no = (differsIn: NameComparison['differsIn'], reason: string): NameComparison => ({ compatible: false, reasons: [reason], differsIn });
  if (a.key === b.key) return { compatible: true, reasons: ['the same name up to case, spacing, punctuation and accents'], differsIn: null };
  if (!a.surnameKey || !b.surnameKey) return no('surname', 'a one-word name matches only itself');
  if (a.surnameKey !== b.surnameKey) return no('surname', 'the surnames differ');
  const given = compareWords(a.given, b.given);
  if (given === 'no') return no('given', `the given names ${a.given.text} and ${b.given.text} differ`);
  const middles = compareMiddles(a.middles, b.middles);
  if (!middles) return no('middles', 'the middle names differ');
  if (a.suffix && b.suffix && a.suffix.key !== b.suffix.key) return no('suffix', `the suffixes ${a.suffix.text} and ${b.suffix.text} differ`);
  const suffix = (a.suffix ?? b.suffix) && !(a.suffix && b.suffix) ? [`suffix ${(a.suffix ?? b.suffix)?.text ?? ''} is not written in the other`] : [];
  return { compatible: true, reasons: [...(given ? [given] : []), ...middles, ...suffix], differsIn: null };
}

/**
 * Whether two written names can stand for one person: the same registry entry holds both (a
 * nickname no rule knows), or the rules find them compatible. For scoring against annotations,
 * which name a person as the document writes them, a release by canonical name.
 */
export function couldBeSamePerson(a: string, b: string, people: readonly { canonical_name: string; aliases: readonly string[] }[]): boolean {
  const first = parsePersonName(a);
  const second = parsePersonName(b);
  if (!first || !second) return false;
  if (compareNames(first, second).compatible) return true;
  const keysOf = (person: (typeof people)[number]) => [person.canonical_name, ...person.aliases].map((name) => parsePersonName(name)?.key);
  return people.some((person) => {
    const keys = keysOf(person);
    return keys.includes(first.key) && keys.includes(second.key);
  });
}
