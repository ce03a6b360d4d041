import type { Token } from './tokens.ts';
import { ITEMS, NAMING_WORDS } from './vocabulary.ts';

/**
 * Words that look like plural nouns (ending in "s") or could follow a count but name nothing
 * counted: function words, adverbs, and verbs in the third person ("20,000 seems").
 */
const NOT_NOUNS = new Set([
  'is', 'was', 'has', 'does', 'goes', 'this', 'thus', 'plus', 'less', 'unless', 'across', 'versus', 'its', 'yes', 'us', 'as',
  'always', 'perhaps', 'sometimes', 'besides', 'towards', 'afterwards', 'whereas', 'seems', 'means', 'makes', 'takes', 'gets',
  'comes', 'looks', 'sounds', 'works', 'needs', 'helps', 'matters', 'remains', 'becomes', 'includes', 'represents', 'feels',
  'says', 'shows', 'continues', 'depends', 'happens', 'tends', 'applies', 'assumes', 'implies', 'requires', 'gives', 'puts',
  'leaves', 'brings', 'keeps', 'runs', 'sits', 'stands', 'starts', 'ends', 'rises', 'falls', 'grows', 'drops', 'hits', 'reaches',
  'afterwards', 'nowadays', 'overseas', 'whereabouts', 'thereabouts', 'ones', 'others', 'yours', 'ours', 'theirs', 'hers', 'his',
  'the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'from', 'with', 'per', 'each', 'every', 'that', 'which',
  'next', 'last', 'this', 'these', 'those', 'more', 'less', 'than', 'then', 'now', 'so', 'very', 'just', 'only', 'about', 'over',
  'under', 'plus', 'minus', 'times', 'percent', 'total', 'full', 'new', 'net', 'gross', 'additional', 'incremental',
]);

/** Nouns whose plural is the singular: "142 aircraft includes". */
const SAME_IN_PLURAL = new Set(['aircraft', 'staff', 'personnel', 'spacecraft', 'series', 'species']);

/** Words after which a singular noun is not the thing counted but a modifier of what follows ("35,000 delivery number"). */
const AFTER_A_COUNTED_NOUN = new Set([
  'a', 'an', 'per', 'each', 'every', 'of', 'in', 'on', 'and', 'or', 'to', 'for', 'at', 'by', 'is', 'was', 'are', 'were', 'that',
  'which', 'this', 'the', 'from', 'with', 'as', 'than', 'we', 'they', 'you', 'i', 'it', 'will', 'would', 'has', 'have', 'had', 'run',
]);

/** A noun in the singular: "statements" → "statement", "batteries" → "battery", "lane" → "lane". */
export function singularNoun(word: string): string {
  return ITEMS[word] ?? (looksPlural(word) ? singular(word) : word);
}

/** "statements" → "statement", "batteries" → "battery", "boxes" → "box". */
function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function looksPlural(word: string): boolean {
  return word.length >= 3 && word.endsWith('s') && !/(?:ss|us|is|ous)$/.test(word);
}

function isLowerCase(token: Token): boolean {
  const first = token.text[0] ?? '';
  return first === first.toLowerCase() && first !== first.toUpperCase();
}

/**
 * The counted noun directly after a count at token `at` ("10,000 vehicles", "2 statements",
 * "1 partner", "30,000 unit a year"): [singular item, last token] or null. Only the word right
 * after the number counts: "40 production vehicles" and "35,000 H100 computers" have no item, a
 * product named by the noun ("30 Model 3s") is no item, nor is a capitalized name ("100 million Teslas").
 */
export function readCountedNoun(tokens: readonly Token[], at: number, isOne: boolean): [string, number] | null {
  const token = tokens[at];
  if (!token || token.kind !== 'word') return null;
  const next = tokens[at + 1];
  const two = next ? ITEMS[`${token.lower} ${next.lower}`] : undefined;
  if (two) return [two, at + 1];
  if (NAMING_WORDS.has(token.lower) && next && (next.kind === 'num' || /^[A-Z]$/.test(next.text))) return null;
  const known = ITEMS[token.lower];
  const generic = isLowerCase(token) && !NOT_NOUNS.has(token.lower) && (looksPlural(token.lower) || (isOne && token.lower.length >= 3));
  if (!known && !generic) return null;
  const item = known ?? (looksPlural(token.lower) && !isOne ? singular(token.lower) : token.lower);
  const isSingular = known ? known === token.lower && !SAME_IN_PLURAL.has(known) : !looksPlural(token.lower) || isOne;
  // A singular noun before another word modifies it: "the 35,000 delivery number".
  if (isSingular && !isOne && next && next.kind === 'word' && !AFTER_A_COUNTED_NOUN.has(next.lower)) return null;
  if (next?.text === '-' && next.start === token.end) return null;
  return [item, at];
}
