import { isTens, NUMBER_WORDS, spelledWord } from './decimal.ts';
import type { Token } from './tokens.ts';
import { SCALE_WORDS } from './vocabulary.ts';

/** A spelled-out number over tokens [first, last]: digits as a decimal string, plus a scale power. */
export interface SpelledNumber {
  first: number;
  last: number;
  digits: string;
  power: number;
  /** False for "several hundred", "a couple thousand", "hundreds of": quantities nobody stated. */
  precise: boolean;
}

/** Words that make a following scale word vague. */
const VAGUE = new Set(['several', 'few', 'couple', 'many', 'some', 'multiple', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'dozens']);

/** Below a thousand: "seven", "forty-two", "two hundred and five". Returns [value, last] or null. */
function readHundreds(tokens: readonly Token[], at: number): [number, number] | null {
  const first = tokens[at];
  const firstValue = first ? spelledWord(first.lower) : undefined;
  if (first === undefined || firstValue === undefined) return null;
  let value = firstValue;
  let last = at;
  const tensPart = (index: number): [number, number] | null => {
    const word = tokens[index];
    if (!word || !isTens(word.lower)) return null;
    let tens = spelledWord(word.lower) ?? 0;
    let end = index;
    const hyphen = tokens[index + 1];
    const unit = hyphen?.text === '-' ? tokens[index + 2] : hyphen;
    const unitValue = unit ? spelledWord(unit.lower) : undefined;
    if (unit && unitValue !== undefined && unitValue > 0 && unitValue < 10) {
      tens += unitValue;
      end = hyphen?.text === '-' ? index + 2 : index + 1;
    }
    return [tens, end];
  };
  const tens = tensPart(at);
  if (tens) [value, last] = tens;
  if (tokens[last + 1]?.lower === 'hundred' && value > 0 && value < 10) {
    value *= 100;
    last += 1;
    const joiner = tokens[last + 1]?.lower === 'and' ? 1 : 0;
    const rest = tensPart(last + 1 + joiner);
    const restOnes = tokens[last + 1 + joiner];
    const onesValue = restOnes ? spelledWord(restOnes.lower) : undefined;
    if (rest) [value, last] = [value + rest[0], rest[1]];
    else if (onesValue !== undefined && onesValue > 0 && onesValue < 20) [value, last] = [value + onesValue, last + 1 + joiner];
  }
  return [value, last];
}

/**
 * The spelled number starting at token `at`: "ten thousand", "a million", "a half billion",
 * "half a million", "two hundred", "forty-two". Vague amounts ("several hundred", "a couple of
 * thousand") come back with `precise` false so that nobody reads them as figures.
 */
export function readSpelled(tokens: readonly Token[], at: number): SpelledNumber | null {
  const token = tokens[at];
  if (!token || token.kind !== 'word') return null;
  const lower = token.lower;
  if (!NUMBER_WORDS.has(lower) && !VAGUE.has(lower) && lower !== 'a' && lower !== 'an' && lower !== 'half') return null;
  const scaleAt = (index: number): [number, number] | null => {
    let power = 0;
    let last = index - 1;
    while (tokens[last + 1] && SCALE_WORDS[tokens[last + 1]?.lower ?? ''] !== undefined) {
      power += SCALE_WORDS[tokens[last + 1]?.lower ?? ''] ?? 0;
      last += 1;
    }
    return power > 0 ? [power, last] : null;
  };
  if (VAGUE.has(lower) || (lower === 'a' && (tokens[at + 1]?.lower === 'few' || tokens[at + 1]?.lower === 'couple'))) {
    let index = at + 1;
    while (tokens[index] && (VAGUE.has(tokens[index]?.lower ?? '') || tokens[index]?.lower === 'of' || tokens[index]?.lower === 'a')) index++;
    const scale = scaleAt(index);
    if (!scale && !['hundreds', 'thousands', 'millions', 'billions', 'dozens'].includes(lower)) return null;
    return { first: at, last: scale ? scale[1] : at, digits: '0', power: 0, precise: false };
  }
  // "a million", "a half billion", "an hundred"; "half a million"
  if (lower === 'a' || lower === 'an' || lower === 'one' || lower === 'half') {
    if (lower === 'half' && (tokens[at + 1]?.lower === 'a' || tokens[at + 1]?.lower === 'an')) {
      const scale = scaleAt(at + 2);
      return scale ? { first: at, last: scale[1], digits: '0.5', power: scale[0], precise: true } : null;
    }
    if (lower !== 'half' && tokens[at + 1]?.lower === 'half') {
      const scale = scaleAt(at + 2);
      return scale ? { first: at, last: scale[1], digits: '0.5', power: scale[0], precise: true } : null;
    }
    if (lower === 'a' || lower === 'an') {
      const scale = scaleAt(at + 1);
      return scale ? { first: at, last: scale[1], digits: '1', power: scale[0], precise: true } : null;
    }
  }
  const hundreds = readHundreds(tokens, at);
  if (!hundreds) return null;
  const [value, last] = hundreds;
  const scale = scaleAt(last + 1);
  return { first: at, last: scale ? scale[1] : last, digits: String(value), power: scale ? scale[0] : 0, precise: true };
}
