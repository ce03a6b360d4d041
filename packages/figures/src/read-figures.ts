import { shiftDecimal } from './decimal.ts';
import { yearOf, type PeriodMention } from './periods.ts';
import { readCountedNoun, singularNoun } from './nouns.ts';
import { readSpelled } from './spelled.ts';
import { adjacent, type Token } from './tokens.ts';
import {
  CLOCK_WORDS,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_PREFIXES,
  GLUED_MEASURES,
  HOUR_WORDS,
  ISO_CODES,
  ITEMS,
  MEASURES,
  MONTHS,
  NAMING_WORDS,
  ORDINAL_SUFFIXES,
  PER_WORDS,
  PRODUCT_NUMBERS,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  TRADE_UNITS,
} from './vocabulary.ts';
import { wordTable } from './word-table.ts';

/** One number as written, with what is glued or said around it; tokens [first, last] are its surface. */
export interface Amount {
  first: number;
  last: number;
  digits: string;
  power: number;
  scaled: boolean;
  negative: boolean;
  currency: string | null;
  /** 'percent', 'multiple', a measure unit ('duration', 'energy'...) or 'count' (with or without an item). */
  unit: string | null;
  item: string | null;
  /** A leading "~". */
  tilde: boolean;
  /** A trailing "+" ("$49k+"). */
  plus: boolean;
  spelled: boolean;
  /** "1/3": numerator and denominator of a digit fraction, whose value is their quotient. */
  fraction?: readonly [number, number];
}

/** A figure read from tokens: one amount or a range of two, with its rate denominator. */
export interface Reading {
  first: number;
  last: number;
  low: Amount;
  high: Amount | null;
  per: string | null;
  /** Token index just after the surface and its rate words: where trailing qualifiers start. */
  next: number;
}

const DASHES = new Set(['-', '–', '—']);
/** Percentage points written short: "2.5pp", "1.2 ppts". */
const PERCENTAGE_POINTS = new Set(['pp', 'ppt', 'ppts']);
const MINUS = new Set(['-', '−', '–']);
const OPEN_TO_CLOSE: Record<string, string> = wordTable({ '(': ')', '[': ']' });

function isNumber(token: Token | undefined): token is Token {
  return token?.kind === 'num';
}

function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && words.includes(token.lower);
}

/** The value of an amount: its decimal string moved by its scale, signed. */
export function amountValue(amount: Amount): number {
  const magnitude = amount.fraction ? amount.fraction[0] / amount.fraction[1] : shiftDecimal(amount.digits, amount.power);
  return amount.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** A measure word or two at `at` ("weeks", "kilowatt hours"): [unit, item, last token] or null. */
function readMeasure(tokens: readonly Token[], at: number): [string, string, number] | null {
  const token = tokens[at];
  if (!token || token.kind !== 'word') return null;
  const measure = MEASURES[token.lower];
  if (!measure) return null;
  const hour = tokens[at + 1];
  if (measure[0] === 'power' && hour && HOUR_WORDS.has(hour.lower)) return ['energy', `${measure[1]}h`, at + 1];
  if (measure[0] === 'power' && hour?.text === '-' && HOUR_WORDS.has(tokens[at + 2]?.lower ?? '')) return ['energy', `${measure[1]}h`, at + 2];
  return [measure[0], measure[1], at];
}

/** A counted noun hyphenated to the number ("5,000-unit", "33,000-person"): [item, last token] or null. */
function readHyphenatedItem(tokens: readonly Token[], at: number): [string, number] | null {
  const token = tokens[at];
  const item = token && token.kind === 'word' ? ITEMS[token.lower] : undefined;
  return item ? [item, at] : null;
}

/** A minus sign at `at` that belongs to the number after it, not a hyphen, dash or range. */
function isSign(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const before = tokens[at - 1];
  if (!token || !MINUS.has(token.text) || !adjacent(token, tokens[at + 1])) return false;
  // "COVID-19", "650-750m", "$3k-$4k": the mark joins two things written together.
  return !adjacent(before, token) || before?.text === '(' || before?.text === '[';
}

/** The currency written before the number at `at`: [currency, first token] or null. */
function currencyBefore(tokens: readonly Token[], at: number): [string, number] | null {
  const symbol = tokens[at - 1];
  if (!symbol) return null;
  const code = CURRENCY_SYMBOLS[symbol.text];
  if (code) {
    const prefix = tokens[at - 2];
    const named = prefix && adjacent(prefix, symbol) && prefix.kind === 'word' ? DOLLAR_PREFIXES[prefix.lower] : undefined;
    if (symbol.text === '$' && named) return [named, at - 2];
    return [code, at - 1];
  }
  if (symbol.kind === 'word' && ISO_CODES.has(symbol.text)) return [symbol.text === 'RMB' ? 'CNY' : symbol.text, at - 1];
  return null;
}

/**
 * Why the number token at `at` is not a figure, or null when it may be one: a code or product
 * name ("P100D", "Model 3", "4680"), a date, a clock time, an ordinal, a list number.
 */
function notAFigure(tokens: readonly Token[], at: number): string | null {
  const token = tokens[at];
  if (!token) return 'missing';
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  if (before && before.kind === 'word' && adjacent(before, token) && !ISO_CODES.has(before.text) && !(before.text in CURRENCY_SYMBOLS)) return 'code';
  if (before && DASHES.has(before.text) && adjacent(before, token) && adjacent(tokens[at - 2], before) && tokens[at - 2]?.kind === 'word') {
    if (MONTHS[tokens[at - 2]?.lower ?? ''] !== undefined) return 'date';
    // "sub-20%" is a bound; "COVID-19", "KX-7" are names.
    if (!SCALE_ABBREVIATIONS[tokens[at - 2]?.lower ?? ''] && tokens[at - 2]?.lower !== 'x' && tokens[at - 2]?.lower !== 'sub') return 'code';
  }
  // "press *1", "#1"; but "3*112k" is a product of two figures.
  if ((before?.text === '*' && !isNumber(tokens[at - 2])) || before?.text === '#') return 'code';
  // "a week or 2 here or there": an idiom, not a count.
  if (isWord(before, 'or') && MEASURES[tokens[at - 2]?.lower ?? '']?.[0] === 'duration' && isWord(tokens[at - 3], 'a', 'an')) return 'idiom';
  // "10-Q", "8-K": a filing or code, a number hyphenated to a single letter.
  const hyphenated = tokens[at + 2];
  if (after?.text === '-' && adjacent(token, after) && hyphenated?.kind === 'word' && adjacent(after, hyphenated) && hyphenated.text.length === 1) return 'code';
  if (PRODUCT_NUMBERS.has(token.text)) return 'product';
  if (after && after.kind === 'word' && adjacent(token, after)) {
    if (ORDINAL_SUFFIXES.has(after.lower)) return 'ordinal';
    if (CLOCK_WORDS.has(after.lower)) return 'time';
    const known = SCALE_ABBREVIATIONS[after.lower] !== undefined || ['x', 'c', 'bps', 'bp'].includes(after.lower) || PERCENTAGE_POINTS.has(after.lower) || GLUED_MEASURES.has(after.lower);
    if (!known && !isTens(tokens, at)) return 'code';
  }
  if ((after?.text === "'" || after?.text === '’') && adjacent(token, after) && tokens[at + 2]?.lower === 's' && adjacent(after, tokens[at + 2])) return 'name';
  if (after?.text === ':' && adjacent(token, after) && isNumber(tokens[at + 2]) && adjacent(after, tokens[at + 2])) return 'time';
  if (before?.text === ':' && adjacent(before, token) && isNumber(tokens[at - 2]) && adjacent(tokens[at - 2], before)) return 'time';
  if (after && (after.lower === 'a' || after.lower === 'p') && tokens[at + 2]?.text === '.' && tokens[at + 3]?.lower === 'm') return 'time';
  if (after && CLOCK_WORDS.has(after.lower) && after.text === after.text.toUpperCase()) return 'time';
  if (after && (after.lower === 'am' || after.lower === 'pm')) return 'time';
  // "8/2/2017", "24/7": dates and idioms written with a slash ("1/3" is a fraction, read as one).
  if (!fractionAt(tokens, at) && ((after?.text === '/' && adjacent(token, after) && isNumber(tokens[at + 2])) || (before?.text === '/' && adjacent(before, token) && isNumber(tokens[at - 2])))) return 'date';
  const month = (candidate: Token | undefined) => candidate !== undefined && MONTHS[candidate.lower] !== undefined && (candidate.text[0] === candidate.text[0]?.toUpperCase() || candidate.lower.length === 3);
  if (/^\d{1,2}$/.test(token.text) && Number(token.text) >= 1 && Number(token.text) <= 31) {
    if (month(before) || (before?.text === '.' && month(tokens[at - 2]))) return 'date';
    if (month(after) && !(tokens[at - 1]?.text === '$')) return 'date';
    if (after?.lower === 'of' && month(tokens[at + 2])) return 'date';
  }
  // "1. First point" and "2) second" at the start of a line, or after a sentence: "the bridge. 1. Revenue 2. Margin".
  const lineStart = at === 0 || token.newline || (before?.text === '(' && (at === 1 || before.newline));
  const marker = /^\d{1,2}$/.test(token.text) && (after?.text === '.' || after?.text === ')') && adjacent(token, after) && !isNumber(tokens[at + 2]);
  if (marker && lineStart) return 'list';
  const inlineItem = /^\p{Lu}/u.test(tokens[at + 2]?.text ?? '') && (before === undefined || ['.', ':', '?', '!', ';'].includes(before.text) || isListMarker(tokens, at - 1));
  if (marker && inlineItem) return 'list';
  // "a 2-for-1 split": a ratio of shares, not a quantity.
  if (after?.text === '-' && isWord(tokens[at + 2], 'for') && tokens[at + 3]?.text === '-') return 'ratio';
  if (before?.text === '-' && isWord(tokens[at - 2], 'for') && tokens[at - 3]?.text === '-') return 'ratio';
  return null;
}

const LIST_JOINERS = new Set([',', '/', '&', 'and', 'or']);
/** Words after a bare digit that leave it standing alone, as a name does: "the 3 as well", "the 3 is going". */
const AFTER_A_NAME = new Set(['.', ',', '?', '!', ';', ':', ')', 'as', 'is', 'was', 'and', 'or', 'the', 'to', 'will', 'would', 'has', 'have', 'in', 'on', 'for', 'with', 'at', 'are', 'were']);

/** A single capital letter that names a product line ("S, X and 3", "the current 3 and Y"); not "A" or "I". */
function isLetterName(token: Token | undefined): boolean {
  return token !== undefined && /^[B-HJ-Z]$/.test(token.text);
}

/** A unit, scale or noun right after the number at `at`: "12.5%", "12.4 million", "12.5 hours". */
function isUnitAfter(tokens: readonly Token[], at: number): boolean {
  const after = tokens[at + 1];
  if (!after) return false;
  if (after.text === '%' || (after.kind === 'word' && adjacent(tokens[at], after))) return true;
  return SCALE_WORDS[after.lower] !== undefined || MEASURES[after.lower] !== undefined || ITEMS[after.lower] !== undefined;
}

/**
 * A bare whole number right after a capitalized word inside a sentence names a product, program or
 * place ("Rewards 360", "Atlas 7", "Units 1, 2 and 3"); a month, a currency or a word that opens
 * the sentence does not ("March 31", "Revenue 300").
 */
function isTitleName(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at - 1];
  const opener = tokens[at - 2];
  if (!word || !opener || !/^\p{Lu}\p{Ll}{2,}$/u.test(word.text) || !/^\d{1,4}$/.test(tokens[at]?.text ?? '')) return false;
  if (MONTHS[word.lower] !== undefined || CURRENCY_WORDS[word.lower] !== undefined || word.newline) return false;
  if (['.', '?', '!', ';', ':', '"', '“'].includes(opener.text) || isUnitAfter(tokens, at)) return false;
  return !(tokens[at + 1]?.text === '-' && adjacent(tokens[at], tokens[at + 1]));
}

/** A word in capitals that is no unit, scale or currency: "MAX" in "737 MAX 8". */
function isCapitalsName(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word' || token.text.length < 2 || token.text !== token.text.toUpperCase()) return false;
  const lower = token.lower;
  return !ISO_CODES.has(token.text) && SCALE_ABBREVIATIONS[lower] === undefined && MEASURES[lower] === undefined && !GLUED_MEASURES.has(lower) && lower !== 'bps';
}

/** A product letter within a short noun phrase from `at`: "X", "the high-end S". */
function letterNameFollows(tokens: readonly Token[], at: number): boolean {
  for (let index = at; index < at + 5; index++) {
    const token = tokens[index];
    if (!token || token.kind === 'num' || ['.', ',', '?', '!', ';'].includes(token.text)) return false;
    if (isLetterName(token)) return true;
  }
  return false;
}

/** A list member in a naming list: one to three digits standing alone ("Gigafactories 3, 4, 5 and 6"). */
function isBareListNumber(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const after = tokens[at + 1];
  if (!isNumber(token) || !/^\d{1,3}$/.test(token.text)) return false;
  return !(after && (after.text === '%' || (after.kind === 'word' && adjacent(token, after)) || SCALE_WORDS[after.lower] !== undefined || ITEMS[after.lower] || MEASURES[after.lower]));
}

/** An inline list marker ending at token `last`: "1." in "1. Revenue 2. Margin". */
function isListMarker(tokens: readonly Token[], last: number): boolean {
  return tokens[last]?.kind === 'word' && tokens[last - 1]?.text === '.' && /^\d{1,2}$/.test(tokens[last - 2]?.text ?? '') && adjacent(tokens[last - 2], tokens[last - 1]);
}

/** "1/3", "1/4": a digit fraction at token `at` (its numerator), never part of a date ("8/2/2017") or an idiom ("24/7"). */
function fractionAt(tokens: readonly Token[], at: number): readonly [number, number] | null {
  const numerator = tokens[at];
  const slash = tokens[at + 1];
  const denominator = tokens[at + 2];
  if (!numerator || !/^\d{1,2}$/.test(numerator.text) || slash?.text !== '/' || !denominator || !/^\d{1,2}$/.test(denominator.text)) return null;
  if (!adjacent(numerator, slash) || !adjacent(slash, denominator)) return null;
  if (tokens[at - 1]?.text === '/' || tokens[at + 3]?.text === '/') return null;
  const [top, bottom] = [Number(numerator.text), Number(denominator.text)];
  return top >= 1 && top < bottom && bottom <= 16 ? [top, bottom] : null;
}

/**
 * "the 130s", "the low 20s": a band of numbers written as its round start and an "s" (130 to 139,
 * 20 to 29). Decades of years ("the 1990s") and hundreds ("100s of") are not figures.
 */
function isTens(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const suffix = tokens[at + 1];
  if (!token || suffix?.lower !== 's' || !/^[1-9]\d?0$/.test(token.text)) return false;
  if (tokens[at + 2]?.lower === 'of' || /^[1-9]00$/.test(token.text)) return false;
  const before = tokens[at - 1]?.lower;
  const beforeThat = tokens[at - 2]?.lower;
  return before === 'the' || (['low', 'mid', 'high', 'upper', 'lower'].includes(before ?? '') && beforeThat === 'the');
}

/**
 * Number tokens that name things: after a naming word ("Model 3", "Gigafactories 3, 4, 5 and 6"),
 * listed with product letters ("S, X and 3"), or a lone digit after "the" that stands like a name
 * ("the 3 is going to have", "the release of 3.").
 */
function namedNumbers(tokens: readonly Token[]): Set<number> {
  const named = new Set<number>();
  const versions = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const before = tokens[index - 1];
    if (!isNumber(token)) continue;
    // "top 10%" and "tier 1 billion" are quantities even after a naming word.
    const quantity = tokens[index + 1]?.text === '%' || SCALE_WORDS[tokens[index + 1]?.lower ?? ''] !== undefined;
    // "S&P 500", "Class B 2": a capital letter standing before the number names it.
    const afterNamingWord = before !== undefined && (NAMING_WORDS.has(before.lower) || (isLetterName(before) && !adjacent(before, token)) || isTitleName(tokens, index)) && !quantity;
    // "737 MAX 8": a number, a word in capitals and a number make one model name.
    const modelName = isCapitalsName(tokens[index + 1]) && isNumber(tokens[index + 2]) || (isCapitalsName(before) && isNumber(tokens[index - 2]) && named.has(index - 2));
    const besideLetter = isBareListNumber(tokens, index) && (
      (LIST_JOINERS.has(before?.lower ?? '') && isLetterName(tokens[index - 2])) ||
      (LIST_JOINERS.has(tokens[index + 1]?.lower ?? '') && letterNameFollows(tokens, index + 2)));
    const loneAfterThe = /^\d$/.test(token.text) && isWord(before, 'the', 'of', 'for') && AFTER_A_NAME.has(tokens[index + 1]?.lower ?? '.') &&
      (before?.lower === 'the' || ['.', '?', '!', 'and'].includes(tokens[index + 1]?.lower ?? '.'));
    const sameFamily = /^\d+\.\d$/.test(token.text) && versions.has(token.text.split('.')[0] ?? '') && !isUnitAfter(tokens, index);
    if (!afterNamingWord && !besideLetter && !loneAfterThe && !sameFamily && !modelName) continue;
    // "FSD 12.3 ... 12.4 and 12.5": the later releases of a named version are names too.
    if (afterNamingWord && token.text.includes('.')) versions.add(token.text.split('.')[0] ?? '');
    named.add(index);
    let next = index + 1;
    while (LIST_JOINERS.has(tokens[next]?.lower ?? '') && isBareListNumber(tokens, next + 1)) {
      named.add(next + 1);
      next += 2;
    }
  }
  return named;
}

/** Token indexes inside period expressions ("Q3", "18q1", "FY 2018"), years excluded (they are read as amounts first). */
function periodTokens(tokens: readonly Token[], mentions: readonly PeriodMention[]): Set<number> {
  const covered = new Set<number>();
  for (const mention of mentions) {
    if (mention.first === mention.last && yearOf(tokens[mention.first]) !== null) continue;
    for (let index = mention.first; index <= mention.last; index++) covered.add(index);
  }
  return covered;
}

interface Prefix {
  first: number;
  tilde: boolean;
  negative: boolean;
  open: string | null;
  currency: string | null;
}

/** What is written before the number at `at`: "~", a sign, "(" or "[", a currency. */
function readPrefix(tokens: readonly Token[], at: number, floor: number): Prefix {
  let first = at;
  let currency: string | null = null;
  const found = currencyBefore(tokens, at);
  const symbol = tokens[at - 1];
  // "$5", "US$5", "USD 5", and "$ 5" as PDF extraction spaces it: a currency symbol stands before nothing else.
  const spacedSymbol = symbol !== undefined && CURRENCY_SYMBOLS[symbol.text] !== undefined && (tokens[at]?.start ?? 0) - symbol.end === 1;
  if (found && found[1] >= floor && (adjacent(tokens[found[1]], tokens[at]) || adjacent(symbol, tokens[at]) || spacedSymbol || ISO_CODES.has(symbol?.text ?? ''))) {
    [currency, first] = found;
  }
  let negative = false;
  if (first - 1 >= floor && isSign(tokens, first - 1)) {
    negative = tokens[first - 1]?.text !== '+';
    first -= 1;
  } else if (first - 1 >= floor && tokens[first - 1]?.text === '+' && adjacent(tokens[first - 1], tokens[first]) && !adjacent(tokens[first - 2], tokens[first - 1])) {
    first -= 1;
  }
  let tilde = false;
  if (first - 1 >= floor && tokens[first - 1]?.text === '~') {
    tilde = true;
    first -= 1;
  }
  let open: string | null = null;
  const bracket = tokens[first - 1];
  if (first - 1 >= floor && bracket && OPEN_TO_CLOSE[bracket.text] && adjacent(bracket, tokens[first])) {
    open = bracket.text;
    first -= 1;
  }
  return { first, tilde, negative, open, currency };
}

/** The amount whose number token (or first spelled word) is at `at`, or null. */
function readAmount(tokens: readonly Token[], at: number, floor: number): Amount | null {
  const token = tokens[at];
  if (!token) return null;
  let digits: string;
  let power = 0;
  let last = at;
  let spelled = false;
  if (isNumber(token)) {
    digits = token.text.replace(/,/g, '');
  } else {
    const words = readSpelled(tokens, at);
    if (!words || !words.precise) return null;
    digits = words.digits;
    power = words.power;
    last = words.last;
    spelled = true;
  }
  const prefix = readPrefix(tokens, at, floor);
  let currency = prefix.currency;
  let scaled = power > 0;
  let unit: string | null = null;
  let item: string | null = null;
  let plus = false;
  const glued = tokens[last + 1];
  const fraction = spelled ? null : fractionAt(tokens, at);
  if (fraction) last = at + 2;
  if (!spelled && !fraction && glued && glued.kind === 'word' && adjacent(tokens[last], glued)) {
    const scale = SCALE_ABBREVIATIONS[glued.lower];
    if (scale !== undefined) {
      power += scale;
      scaled = true;
      last += 1;
    } else if (glued.lower === 'x') {
      unit = 'multiple';
      last += 1;
    } else if (glued.lower === 'bps' || glued.lower === 'bp') {
      unit = 'bps';
      last += 1;
    } else if (PERCENTAGE_POINTS.has(glued.lower)) {
      unit = 'percent';
      last += 1;
    } else if (glued.lower === 'c') {
      // ".50c in the dollar": the writer's fraction of a dollar; "50c" is fifty cents.
      if (!digits.startsWith('.')) power -= 2;
      currency = 'USD';
      last += 1;
    } else if (GLUED_MEASURES.has(glued.lower)) {
      const measure = MEASURES[glued.lower];
      if (measure) [unit, item] = measure;
      last += 1;
    }
  }
  if (fraction) unit = 'fraction';
  if (!spelled && !fraction && !scaled && unit === null) {
    // "$5 million", "1.8 million", "5 bn"; "mm" and "mn" only after a currency ("5 mm" is a length).
    let scaleWords = 0;
    while (tokens[last + 1] && SCALE_WORDS[tokens[last + 1]?.lower ?? ''] !== undefined) {
      power += SCALE_WORDS[tokens[last + 1]?.lower ?? ''] ?? 0;
      last += 1;
      scaleWords += 1;
    }
    const abbreviation = tokens[last + 1];
    if (scaleWords === 0 && abbreviation?.kind === 'word' && SCALE_ABBREVIATIONS[abbreviation.lower] !== undefined && abbreviation.lower.length > 1) {
      if (abbreviation.lower === 'bn' || currency !== null) {
        power += SCALE_ABBREVIATIONS[abbreviation.lower] ?? 0;
        last += 1;
        scaleWords += 1;
      }
    }
    scaled = scaleWords > 0;
  }
  if (tokens[last + 1]?.text === '+' && adjacent(tokens[last], tokens[last + 1])) {
    plus = true;
    last += 1;
  }
  const next = tokens[last + 1];
  if (unit === null && next) {
    if (next.text === '%') {
      unit = 'percent';
      last += 1;
    } else if (next.lower === 'percent' || next.lower === 'pct') {
      unit = 'percent';
      last += 1;
    } else if (next.lower === 'per' && tokens[last + 2]?.lower === 'cent') {
      unit = 'percent';
      last += 2;
    } else if (next.lower === 'bps' || next.lower === 'bp') {
      unit = 'bps';
      last += 1;
    } else if (PERCENTAGE_POINTS.has(next.lower)) {
      unit = 'percent';
      last += 1;
    } else if (next.lower === 'percentage' && isWord(tokens[last + 2], 'point', 'points')) {
      unit = 'percent';
      last += 2;
    } else if (next.lower === 'basis' && isWord(tokens[last + 2], 'point', 'points')) {
      unit = 'bps';
      last += 2;
    } else if (currency === null && CURRENCY_WORDS[next.lower]) {
      const [code, shift] = CURRENCY_WORDS[next.lower] ?? ['USD', 0];
      currency = code;
      power += shift;
      last += 1;
    } else if (currency === null && ISO_CODES.has(next.text)) {
      currency = next.text === 'RMB' ? 'CNY' : next.text;
      last += 1;
    } else if (currency === null) {
      // "15-minute", "5,000-unit", "100-kilowatt hour": a measure or noun joined by a hyphen.
      const hyphenated = next.text === '-' && adjacent(tokens[last], next) && adjacent(next, tokens[last + 2]);
      const at = hyphenated ? last + 2 : last + 1;
      const measure = readMeasure(tokens, at);
      const isOne = digits === '1' && power === 0;
      const trade = TRADE_UNITS[tokens[at]?.lower ?? ''];
      const counted = measure || trade ? null : hyphenated ? readHyphenatedItem(tokens, at) : readCountedNoun(tokens, at, isOne);
      if (hyphenated && isBasisPointWords(tokens, at)) {
        // "a 200-basis-point headwind"
        unit = 'bps';
        last = tokens[at]?.lower === 'basis' ? at + 2 : at;
      } else if (measure) {
        [unit, item, last] = measure;
      } else if (trade) {
        unit = 'count';
        item = trade;
        last = at;
      } else if (counted && counted[0] === 'point' && isPointsOfPercent(tokens, counted[1] + 1)) {
        // "about 3 points of the 24%": percentage points said short.
        unit = 'percent';
        last = counted[1];
      } else if (counted) {
        unit = 'count';
        [item, last] = counted;
      } else if (next.lower === 'times' && !isWord(tokens[last + 2], 'a', 'an', 'per', 'each', 'every')) {
        // "three times that number": a multiple; "3 times a week" is a frequency.
        unit = 'multiple';
        last += 1;
      }
    }
  }
  // "[30]" is a transcriber's uncertain number and "(1.92)" an accounting negative, both kept with
  // their brackets; "($49k+)" is a parenthesis around a figure, left out of it.
  let first = prefix.first;
  let accounting = false;
  if (prefix.open) {
    const close = tokens[last + 1];
    const closed = close?.text === OPEN_TO_CLOSE[prefix.open] && adjacent(tokens[last], close);
    const bare = currency === null && unit === null && !scaled && !plus && !prefix.negative && !prefix.tilde && !spelled;
    accounting = prefix.open === '(' && closed && bare && /[.,]/.test(token.text);
    if (closed && (prefix.open === '[' || accounting)) last += 1;
    else first += 1;
  }
  // "3*112k units": a factor multiplying a figure is a pure number, without a unit.
  const factor = unit === null && currency === null && (tokens[last + 1]?.text === '*' || tokens[last + 1]?.text === '×') && adjacent(tokens[last], tokens[last + 1]);
  return {
      first,
      last,
      digits,
      power,
      scaled,
      negative: prefix.negative || accounting,
      currency,
      unit: currency !== null ? currency : factor ? null : (unit ?? 'count'),
      item: currency !== null ? null : item,
      tilde: prefix.tilde,
      plus,
      spelled,
      ...(fraction ? { fraction } : {}),
    };
}

/** An amount whose unit or scale is only implied, taking them from its partner in a range. */
function unitless(amount: Amount): boolean {
  return amount.unit === 'count' && amount.item === null;
}

/** "basis-point(s)" or "bp(s)" written after a hyphen at `at`. */
function isBasisPointWords(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at];
  if (isWord(word, 'bp', 'bps')) return true;
  return isWord(word, 'basis') && tokens[at + 1]?.text === '-' && isWord(tokens[at + 2], 'point', 'points') && adjacent(word, tokens[at + 1]);
}

/** Words after "N points" that make them percentage points: "of the 24%", "of margin", "of growth". */
const POINTS_OF = new Set(['growth', 'margin', 'margins', 'share', 'expansion', 'contraction', 'headwind', 'tailwind', 'improvement', 'dilution', 'accretion']);
function isPointsOfPercent(tokens: readonly Token[], at: number): boolean {
  if (!isWord(tokens[at], 'of')) return false;
  for (let index = at + 1; index <= at + 3; index++) {
    const token = tokens[index];
    if (!token) return false;
    if (token.text === '%' || POINTS_OF.has(token.lower)) return true;
    if (token.kind !== 'num' && !isWord(token, 'the', 'a', 'our', 'that', 'gross', 'operating')) return false;
  }
  return false;
}

/** Joins "650-750m", "$3k-$4k", "10-20%", "1% or 2%", "70 to 90 days" into one range, or null. */
function joinRange(low: Amount, high: Amount): [Amount, Amount] | null {
  let left = { ...low };
  let right = { ...high };
  // "650-750m", "$5.5-5.7bn": a scale on the second number only applies to both.
  if (!left.scaled && right.scaled && Number(left.digits) <= Number(right.digits)) {
    left = { ...left, power: left.power + right.power, scaled: true };
  }
  if (unitless(left) && !unitless(right)) left = { ...left, unit: right.unit, item: right.item, currency: right.currency };
  if (unitless(right) && !unitless(left)) right = { ...right, unit: left.unit, item: left.item, currency: left.currency };
  if (left.unit !== right.unit) return null;
  if (left.negative !== right.negative && !left.negative) return null;
  if (amountValue(left) >= amountValue(right)) return null;
  return [left, right];
}

/** The rate denominator after token `last` ("per week", "a day", "/unit"): [per, last token] or null. */
function readPer(tokens: readonly Token[], last: number, counted: boolean): [string, number] | null {
  const word = tokens[last + 1];
  if (!word) return null;
  // "412,000 barrels of oil equivalent per day": what is counted, then its rate.
  if (counted && isWord(word, 'of')) {
    for (let at = last + 2; at <= last + 4 && tokens[at]?.kind === 'word' && /^\p{Ll}/u.test(tokens[at]?.text ?? ''); at++) {
      if (isWord(tokens[at + 1], 'per') || (tokens[at + 1]?.text === '/' && adjacent(tokens[at], tokens[at + 1]))) return readPer(tokens, at, false);
    }
  }
  const noun = (at: number): [string, number] | null => {
    const measure = readMeasure(tokens, at);
    if (measure && measure[0] === 'energy') return [measure[1], measure[2]];
    const token = tokens[at];
    if (!token || token.kind !== 'word') return null;
    const trade = TRADE_UNITS[token.lower];
    if (trade) return [trade, at];
    const singular = ITEMS[token.lower] ?? MEASURES[token.lower]?.[1] ?? token.lower;
    const per = PER_WORDS[singular] ?? PER_WORDS[token.lower];
    return per ? [per, at] : null;
  };
  // After "per" and "/" any noun is the denominator, as written in the singular: "per lane", "$41.05/share".
  const anyNoun = (at: number): [string, number] | null => {
    const known = noun(at);
    if (known) return known;
    // "per diluted share": a known denominator a word or two on.
    for (let later = at + 1; later <= at + 2 && tokens[later]?.kind === 'word'; later++) {
      const found = noun(later);
      if (found) return found;
    }
    const token = tokens[at];
    return token && token.kind === 'word' && /^\p{Ll}/u.test(token.text) ? [singularNoun(token.lower), at] : null;
  };
  if (word.text === '/' && adjacent(tokens[last], word)) return anyNoun(last + 2);
  if (word.lower === 'per') return anyNoun(last + 2);
  if (isWord(word, 'a', 'an', 'each', 'every')) {
    const found = noun(last + 2);
    // "$0.98 a year ago" dates the figure; it is no rate.
    return found && !isWord(tokens[found[1] + 1], 'ago', 'earlier', 'before', 'prior', 'back', 'later') ? found : null;
  }
  // ".50c in the dollar", "on the dollar"
  if (isWord(word, 'in', 'on') && isWord(tokens[last + 2], 'the') && isWord(tokens[last + 3], 'dollar')) return ['dollar', last + 3];
  // "$1 billion on an annual run rate basis", "$5 million annually"
  if (isWord(word, 'annually', 'annualized', 'annualised')) return ['year', last + 1];
  if (isWord(word, 'on') && isWord(tokens[last + 2], 'an') && isWord(tokens[last + 3], 'annual', 'annualized')) return ['year', last + 3];
  // "a 5,000-unit week", "a 10,000-unit production week": the hyphenated count is a rate.
  if (tokens[last - 1]?.text === '-' && tokens[last]?.kind === 'word') {
    const time = TIME_WORDS.has(word.lower) ? last + 1 : TIME_WORDS.has(tokens[last + 2]?.lower ?? '') && word.kind === 'word' ? last + 2 : -1;
    if (time > 0) return [tokens[time]?.lower ?? '', time];
  }
  return null;
}

const TIME_WORDS = new Set(['day', 'week', 'month', 'quarter', 'year']);

/** Reads every figure in a token list, left to right, spans never overlapping; `mentions` are its period expressions (not figures). */
export function readFigures(tokens: readonly Token[], mentions: readonly PeriodMention[]): Reading[] {
  const named = namedNumbers(tokens);
  const inPeriod = periodTokens(tokens, mentions);
  const readings: Reading[] = [];
  let floor = 0;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!token) continue;
    if (token.kind === 'word') {
      const words = readSpelled(tokens, at);
      if (!words) continue;
      if (!words.precise) {
        at = words.last;
        continue;
      }
    } else if (token.kind !== 'num') {
      continue;
    }
    if (token.kind === 'num' && (inPeriod.has(at) || named.has(at) || notAFigure(tokens, at) !== null)) continue;
    const amount = readAmount(tokens, at, floor);
    if (!amount) continue;
    if (token.kind === 'num' && isTens(tokens, at)) {
      const band = { ...amount, last: at + 1, digits: String(Number(amount.digits) + 9) };
      readings.push({ first: amount.first, last: at + 1, low: { ...amount, last: at + 1 }, high: band, per: null, next: at + 2 });
      floor = at + 2;
      at += 1;
      continue;
    }
    if (token.kind === 'num' && (isPlainYear(tokens, at, amount) || isIdiomaticZero(amount))) continue;
    const reading = withRange(tokens, amount, floor);
    if (amount.spelled && !isStatedInWords(reading)) {
      at = amount.last;
      continue;
    }
    readings.push(reading);
    floor = reading.next;
    at = reading.last;
  }
  return readings;
}

/**
 * A spelled quantity stated precisely: a scale expression ("a million", "ten thousand"), a range
 * ("one or two", "three to four year"), or a number from two up with its unit or noun ("six
 * quarters", "three things", "three times"). "one shift", "a week" and a bare "two" are words.
 */
function isStatedInWords(reading: Reading): boolean {
  const { low, high } = reading;
  if (low.scaled || high !== null) return true;
  const hasUnit = low.unit !== 'count' || low.item !== null;
  return hasUnit && Number(low.digits) >= 2;
}

/** A bare "0" ("have 0 concern", "there's 0 marketing") says none, not a quantity; "0%" and "$0" stay. */
function isIdiomaticZero(amount: Amount): boolean {
  return amount.digits === '0' && amount.unit === 'count' && amount.item === null && !amount.scaled;
}

/** "2017" read as a year: four digits of a year with no currency, percent, scale or unit. */
function isPlainYear(tokens: readonly Token[], at: number, amount: Amount): boolean {
  // "2018 deliveries" are the deliveries of 2018: a counted noun does not make a year a count.
  return yearOf(tokens[at]) !== null && !amount.scaled && amount.unit === 'count' && !amount.negative;
}

/** The reading that starts with `amount`: a range when a second amount follows it, then a rate. */
function withRange(tokens: readonly Token[], amount: Amount, floor: number): Reading {
  let high: Amount | null = null;
  let low = amount;
  let last = amount.last;
  const separator = tokens[last + 1];
  // "1- or 2-month": a hyphen left hanging before "or" / "to".
  const suspended = separator?.text === '-' && adjacent(tokens[last], separator) && isWord(tokens[last + 2], 'or', 'to');
  const joiner = suspended ? tokens[last + 2] : separator;
  const secondAt = suspended ? last + 3 : last + 2;
  const second = tokens[secondAt];
  const changeWord = (at: number) => isWord(tokens[at], 'from') ? 'from' : isWord(tokens[at], 'by') ? 'by' : null;
  const change = changeWord(amount.first - 1) ?? (!isNumber(tokens[amount.first - 1]) ? changeWord(amount.first - 2) : null);
  const betweenBefore = isWord(tokens[amount.first - 1], 'between') && amount.first - 1 >= floor;
  let joins = false;
  if (joiner && second) {
    if (!suspended && DASHES.has(joiner.text)) joins = adjacent(tokens[last], joiner) === adjacent(joiner, second);
    else if (isWord(joiner, 'to')) joins = change !== 'from';
    else if (isWord(joiner, 'or')) joins = true;
    else if (isWord(joiner, 'and')) joins = betweenBefore;
  }
  if (joins && second) {
    const numberAt = firstNumberAt(tokens, secondAt);
    const other = numberAt === null || notAFigure(tokens, numberAt) !== null ? null : readAmount(tokens, numberAt, secondAt);
    let joined = other && other.first === secondAt ? joinRange(amount, other) : null;
    // "grew by 3% to 28%" is a change and a level; "grow by 10% to 12%" a range of close values.
    if (joined && change === 'by' && isWord(joiner, 'to') && amountValue(joined[1]) > 1.5 * amountValue(joined[0])) joined = null;
    if (joined) {
      [low, high] = joined;
      last = high.last;
    }
  }
  const per = readPer(tokens, last, (high ?? low).item !== null);
  return { first: low.first, last, low, high, per: per?.[0] ?? null, next: (per?.[1] ?? last) + 1 };
}

/** The number token of an amount starting at `at` ("$4k" starts at "$", "~35" at "~"), or null. */
function firstNumberAt(tokens: readonly Token[], at: number): number | null {
  for (let index = at; index < at + 4 && index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) return null;
    if (token.kind === 'num' || (token.kind === 'word' && readSpelled(tokens, index)?.precise)) return index;
    if (token.kind === 'word' && !ISO_CODES.has(token.text) && !DOLLAR_PREFIXES[token.lower]) return null;
  }
  return null;
}
