import type { Reading } from './read-figures.ts';
import type { Token } from './tokens.ts';
import { APPROXIMATE_AFTER, APPROXIMATE_BEFORE, BOUND_AFTER, BOUND_BEFORE, type Bound } from './vocabulary.ts';

export interface Qualifiers {
  approximate: boolean;
  bound: Bound | null;
}

const split = (phrase: string) => phrase.split(' ');
// Longest phrases first, so that "at least" wins over "least" and "more than" over "than".
const byLength = (a: readonly string[], b: readonly string[]) => b.length - a.length;
const APPROXIMATE_BEFORE_WORDS = APPROXIMATE_BEFORE.map(split).sort(byLength);
const APPROXIMATE_AFTER_WORDS = APPROXIMATE_AFTER.map(split).sort(byLength);
const BOUND_BEFORE_WORDS = Object.keys(BOUND_BEFORE).map(split).sort(byLength);
const BOUND_AFTER_WORDS = Object.keys(BOUND_AFTER).map(split).sort(byLength);
/** Words a qualifier may stand before without losing its figure: "about a 15-minute", "at least at the 30,000". */
const SKIPPABLE = new Set(['a', 'an', 'the', 'at', 'maybe', 'just', 'only', 'perhaps', 'probably', 'still', 'well']);

/** The phrase of `phrases` that ends right before token `end` (exclusive) and starts at or after `floor`. */
function phraseEndingAt(tokens: readonly Token[], end: number, floor: number, phrases: readonly (readonly string[])[]): readonly string[] | null {
  for (const words of phrases) {
    const start = end - words.length;
    if (start < floor) continue;
    if (words.every((word, offset) => tokens[start + offset]?.lower === word)) return words;
  }
  return null;
}

/** The phrase of `phrases` starting at token `start`, its words possibly hyphenated ("and-change"). */
function phraseStartingAt(tokens: readonly Token[], start: number, phrases: readonly (readonly string[])[]): readonly string[] | null {
  for (const words of phrases) {
    let at = start;
    const matches = words.every((word, offset) => {
      if (offset > 0 && tokens[at]?.text === '-') at += 1;
      return tokens[at++]?.lower === word;
    });
    if (matches) return words;
  }
  return null;
}

/**
 * Approximation and bound words around a reading. A bound wins over an approximation ("about
 * over" says over): the contract keeps `approximate` false for bounded figures.
 */
export function qualifiersOf(tokens: readonly Token[], reading: Reading, floor: number): Qualifiers {
  let approximate = reading.low.tilde;
  let bound: Bound | null = reading.low.plus || reading.high?.plus ? 'gte' : null;
  let end = reading.first;
  // Look back over skippable words, trying qualifiers at each step: "at least at the 30,000".
  for (let skipped = 0; skipped <= 3 && end > floor; skipped++) {
    const boundWords = phraseEndingAt(tokens, end, floor, BOUND_BEFORE_WORDS);
    if (boundWords && bound === null) bound = BOUND_BEFORE[boundWords.join(' ')] ?? null;
    const approximateWords = phraseEndingAt(tokens, end, floor, APPROXIMATE_BEFORE_WORDS);
    if (approximateWords) approximate = true;
    const matched = boundWords ?? approximateWords;
    if (matched) {
      end -= matched.length;
      continue;
    }
    if (!SKIPPABLE.has(tokens[end - 1]?.lower ?? '')) break;
    end -= 1;
  }
  const after = reading.next;
  // "22,000-and-change", "1,000-plus", "50-ish": the qualifier hyphenated to the figure.
  const closing = tokens[after]?.text === '-' && tokens[after]?.start === tokens[reading.last]?.end ? after + 1 : after;
  const boundAfter = phraseStartingAt(tokens, closing, BOUND_AFTER_WORDS);
  if (boundAfter && bound === null) bound = BOUND_AFTER[boundAfter.join(' ')] ?? null;
  if (phraseStartingAt(tokens, closing, APPROXIMATE_AFTER_WORDS)) approximate = true;
  return { approximate: bound === null && approximate, bound };
}
