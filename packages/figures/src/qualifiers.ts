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
const SKIPPABLE = new Set(['a', 'an', 'the', 'at', 'maybe', 'just', 'only', 'perhaps', 'probably', 'still', 'well', ',', 'other', 'another']);
const PREPOSITIONS = new Set(['over', 'under', 'above', 'below', 'beyond', 'sub']);
const MOVEMENT_VERBS = new Set([
  'ramp', 'ramps', 'ramping', 'ramped', 'go', 'goes', 'going', 'went', 'move', 'moves', 'moving', 'moved', 'scale', 'scaling', 'scaled',
  'step', 'stepping', 'stepped', 'come', 'coming', 'came', 'climb', 'climbing', 'climbed', 'grow', 'growing', 'grew', 'get', 'getting',
  'got', 'bring', 'bringing', 'brought', 'build', 'building', 'built', 'pick', 'picking', 'picked', 'speed', 'ratchet', 'tick', 'ticked',
]);
/** Words between a figure and an approximation after it: "in the 10-15% range or so". */
const BEFORE_APPROXIMATE_AFTER = new Set(['range', 'level', 'area', 'mark', 'region']);
/** Comparatives that compare two figures rather than bound one: "50% greater than 20,000". */
const COMPARATIVES = new Set(['greater than', 'higher than', 'more than', 'less than', 'lower than', 'better than', 'fewer than', 'bigger than', 'above', 'below']);

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
 * Approximation and bound words around a reading. A bound does not make a figure approximate;
 * only an approximation word or "~" does, even next to a bound ("roughly over 500").
 */
export function qualifiersOf(tokens: readonly Token[], reading: Reading, floor: number): Qualifiers {
  let approximate = reading.low.tilde;
  let bound: Bound | null = reading.low.plus || reading.high?.plus ? 'gte' : null;
  let end = reading.first;
  // "sub-20%": the bound is hyphenated to the figure.
  if (tokens[end - 1]?.text === '-' && tokens[end - 2]?.lower === 'sub' && tokens[end - 1]?.end === tokens[end]?.start) {
    bound = 'lt';
    end -= 2;
  }
  let articleSkipped = false;
  // Look back over skippable words, trying qualifiers at each step: "at least at the 30,000".
  for (let skipped = 0; skipped <= 3 && end > floor; skipped++) {
    const found = phraseEndingAt(tokens, end, floor, BOUND_BEFORE_WORDS);
    const foundPhrase = found?.join(' ') ?? '';
    // A preposition bounds only the figure right after it: "over 1,800", not "over the 5 years";
    // "spread over 2 years" spans a time ("over 100 hours a week" and "for over 14 years" still bound);
    // "ramp up to 5,000" says where a ramp goes, not a ceiling.
    const temporal = foundPhrase === 'over' && reading.low.unit === 'duration' && reading.per === null && tokens[end - 2]?.lower !== 'for';
    const movement = foundPhrase === 'up to' && MOVEMENT_VERBS.has(tokens[end - 3]?.lower ?? '');
    const boundWords = (found && found.length === 1 && PREPOSITIONS.has(foundPhrase) && articleSkipped) || temporal || movement ? null : found;
    const phraseStart = end - (boundWords?.length ?? 0);
    const afterFigure = floor > 0 && (phraseStart === floor || (phraseStart === floor + 1 && tokens[floor]?.kind === 'word'));
    const comparison = boundWords !== null && COMPARATIVES.has(boundWords.join(' ')) && afterFigure;
    if (boundWords && bound === null && !comparison) bound = BOUND_BEFORE[boundWords.join(' ')] ?? null;
    const approximateWords = phraseEndingAt(tokens, end, floor, APPROXIMATE_BEFORE_WORDS);
    // Colloquial "like" approximates only the figure right after it ("like, $9-10"), not "like a 1.5 hour wait".
    if (approximateWords && !(approximateWords.join(' ') === 'like' && articleSkipped)) approximate = true;
    const matched = boundWords ?? approximateWords;
    if (matched) {
      end -= matched.length;
      continue;
    }
    const word = tokens[end - 1]?.lower ?? '';
    // "approx. 30": the abbreviation's period.
    if (word === '.' && tokens[end - 2]?.lower === 'approx') {
      approximate = true;
      end -= 2;
      continue;
    }
    if (!SKIPPABLE.has(word)) break;
    if (word === 'a' || word === 'an' || word === 'the') articleSkipped = true;
    end -= 1;
  }
  const after = reading.next;
  // "22,000-and-change", "1,000-plus", "50-ish": the qualifier hyphenated to the figure.
  const closing = tokens[after]?.text === '-' && tokens[after]?.start === tokens[reading.last]?.end ? after + 1 : after;
  const boundAfter = phraseStartingAt(tokens, closing, BOUND_AFTER_WORDS);
  // "55k deliveries plus the credits" adds; "20,000 plus" and "$1 billion plus." bound.
  const adds = boundAfter?.join(' ') === 'plus' && tokens[closing + 1]?.kind === 'word';
  if (boundAfter && bound === null && !adds) bound = BOUND_AFTER[boundAfter.join(' ')] ?? null;
  const approximateAt = BEFORE_APPROXIMATE_AFTER.has(tokens[closing]?.lower ?? '') ? closing + 1 : closing;
  if (phraseStartingAt(tokens, approximateAt, APPROXIMATE_AFTER_WORDS)) approximate = true;
  return { approximate, bound };
}
