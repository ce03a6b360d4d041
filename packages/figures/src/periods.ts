import { adjacent, type Token } from './tokens.ts';
import { CURRENCY_WORDS, ITEMS, MEASURES, MONTHS, SCALE_ABBREVIATIONS, SCALE_WORDS } from './vocabulary.ts';
import { wordTable } from './word-table.ts';

/** A word that makes the number before it a quantity: a scale, a currency, a measure or a counted noun. */
function isUnitWord(word: string): boolean {
  return word in SCALE_WORDS || word in SCALE_ABBREVIATIONS || word in CURRENCY_WORDS || word in MEASURES || word in ITEMS || word === 'percent';
}

/** What the document says about itself: the fiscal period a call reports on and when it was held. */
export interface PeriodAnchor {
  fiscalYear?: number | null;
  fiscalQuarter?: number | null;
  /** The call's date, `YYYY-MM-DD`: "this year" said in February 2014 on a Q4 2013 call is 2014. */
  eventDate?: string | null;
}

/** A period expression over tokens [first, last], resolved to the contract grammar or null. */
export interface PeriodMention {
  first: number;
  last: number;
  period: string | null;
  /**
   * "The year" as a speaker says it ("for the year", "exiting the year", "the full year"): the fiscal
   * year reported on or under way. On a Q4 call a forward-looking sentence means the coming one,
   * which only the sentence can tell, so the reader of the sentence shifts it.
   */
  yearUnderWay?: boolean;
  /** A quarter or half said without its year ("the back half", "Q3"): `Q3`, `H2`, for a year the sentence names elsewhere. */
  yearless?: string;
}

const ORDINALS: Record<string, number> = wordTable({ first: 1, second: 2, third: 3, fourth: 4 });
const RELATIVE: Record<string, number> = wordTable({ this: 0, current: 0, next: 1, coming: 1, last: -1, previous: -1, prior: -1 });
const HALF_WORDS: Record<string, number> = wordTable({ first: 1, second: 2, back: 2, latter: 2 });

function smallInt(token: Token | undefined, max: number): number | null {
  if (!token || token.kind !== 'num' || !/^\d$/.test(token.text)) return null;
  const value = Number(token.text);
  return value >= 1 && value <= max ? value : null;
}

/** A four-digit year 1990..2099 written without separators. */
export function yearOf(token: Token | undefined): number | null {
  if (!token || token.kind !== 'num' || !/^(?:199\d|20\d\d)$/.test(token.text)) return null;
  return Number(token.text);
}

function twoDigitYear(token: Token | undefined): number | null {
  return token && token.kind === 'num' && /^\d\d$/.test(token.text) ? 2000 + Number(token.text) : null;
}

function isApostrophe(token: Token | undefined): boolean {
  return token?.text === "'" || token?.text === '’';
}

/**
 * The fiscal year under way when the call is held: the reported one, or the next after a Q4 report.
 * The call's date only stands in when the quarter is unknown: a fiscal year that ends in January
 * is under way in the calendar year before its name ("this year" on an August 2024 call of a
 * fiscal 2025 is 2025).
 */
function callYear(anchor: PeriodAnchor): number | null {
  const fiscalYear = anchor.fiscalYear ?? null;
  if (fiscalYear !== null && anchor.fiscalQuarter) return anchor.fiscalQuarter === 4 ? fiscalYear + 1 : fiscalYear;
  const dated = anchor.eventDate ? Number(anchor.eventDate.slice(0, 4)) : NaN;
  if (Number.isInteger(dated)) return dated;
  return fiscalYear;
}

/** "fiscal 2023", "fiscal year 2023", "fiscal '25", "FY 2018", "FY2018", "FY18" at token `at`: the year and its last token. */
function fiscalYearAt(tokens: readonly Token[], at: number): { year: number; last: number } | null {
  const token = tokens[at];
  const lower = token?.lower;
  if (lower !== 'fy' && lower !== 'fiscal') return null;
  const index = lower === 'fiscal' && tokens[at + 1]?.lower === 'year' ? at + 2 : at + 1;
  const full = yearOf(tokens[index]);
  if (full !== null) return { year: full, last: index };
  if (isApostrophe(tokens[index]) && adjacent(tokens[index], tokens[index + 1])) {
    const short = twoDigitYear(tokens[index + 1]);
    if (short !== null) return { year: short, last: index + 1 };
  }
  const glued = lower === 'fy' && adjacent(token, tokens[at + 1]) ? twoDigitYear(tokens[at + 1]) : null;
  return glued === null ? null : { year: glued, last: at + 1 };
}

/** A relative year phrase at `at` ("this year", "next year", "of this year"): [offset, last] or null. */
function relativeYear(tokens: readonly Token[], at: number): [number, number] | null {
  const start = tokens[at]?.lower === 'of' ? at + 1 : at;
  const offset = RELATIVE[tokens[start]?.lower ?? ''];
  return offset !== undefined && tokens[start + 1]?.lower === 'year' ? [offset, start + 1] : null;
}

/**
 * The year written after a quarter or half at token `at`: " 2017", " of 2018", " '16", "'16",
 * adjacent "17" ("3Q17"), " this year"; null when none is.
 */
function yearAfter(tokens: readonly Token[], at: number, anchor: PeriodAnchor): { year: number | null; last: number } | null {
  const next = tokens[at + 1];
  const ofYear = next?.lower === 'of' ? yearOf(tokens[at + 2]) : null;
  if (ofYear !== null) return { year: ofYear, last: at + 2 };
  // "the third quarter of fiscal 2023", "Q3 FY24"
  const fiscal = fiscalYearAt(tokens, next?.lower === 'of' ? at + 2 : at + 1);
  if (fiscal) return fiscal;
  const full = yearOf(next);
  if (full !== null) return { year: full, last: at + 1 };
  if (isApostrophe(next) && adjacent(next, tokens[at + 2])) {
    const short = twoDigitYear(tokens[at + 2]);
    if (short !== null) return { year: short, last: at + 2 };
  }
  if (adjacent(tokens[at], next)) {
    const short = twoDigitYear(next);
    if (short !== null) return { year: short, last: at + 1 };
  }
  // "Q1/Q2 19": a two-digit year after a quarter, where nothing makes it a quantity.
  const short = twoDigitYear(next);
  const after = tokens[at + 2];
  const quantity = after !== undefined && (after.kind === 'num' || ['%', '-', '.', ','].includes(after.text) && adjacent(next, after) || isUnitWord(after.lower));
  if (short !== null && short <= 2039 && !quantity) return { year: short, last: at + 1 };
  const relative = relativeYear(tokens, at + 1);
  if (relative) {
    const base = callYear(anchor);
    return { year: base === null ? null : base + relative[0], last: relative[1] };
  }
  return null;
}

/**
 * A quarter without a year is the nearest such quarter to the call, which is held just after the
 * reported quarter ends: "Q1" on a Q4 call is next year's Q1, "Q4" on a Q1 call is last year's,
 * "Q2" on a Q4 call the coming one.
 */
function quarterPeriod(quarter: number, year: { year: number | null } | null, anchor: PeriodAnchor): string | null {
  if (year) return year.year === null ? null : `${year.year}Q${quarter}`;
  const fiscalYear = anchor.fiscalYear ?? null;
  const reported = anchor.fiscalQuarter ?? null;
  if (fiscalYear === null || reported === null) return null;
  // In half quarters from the start of the fiscal year: the call at 2 * reported + 1, the quarter at its middle.
  const distance = 2 * quarter - 1 - (2 * reported + 1);
  const shift = distance > 4 ? -1 : distance < -4 ? 1 : 0;
  return `${fiscalYear + shift}Q${quarter}`;
}

function halfPeriod(half: number, year: { year: number | null } | null, anchor: PeriodAnchor): string | null {
  const resolved = year ? year.year : callYear(anchor);
  return resolved === null ? null : `${resolved}H${half}`;
}

/**
 * "this quarter", "next year", "last quarter". "This quarter" on a call is the quarter it reports;
 * years count from the year the call is held in, so on a Q4 call (held after the year end) "this
 * year" is the next one and "last year" is ambiguous (the year reported, or the one before): null.
 */
function relativePeriod(offset: number, unit: 'year' | 'quarter', anchor: PeriodAnchor): string | null {
  if (unit === 'year') {
    const base = callYear(anchor);
    if (base === null || (offset < 0 && anchor.fiscalQuarter === 4 && !anchor.eventDate)) return null;
    return String(base + offset);
  }
  const fiscalYear = anchor.fiscalYear ?? null;
  const reported = anchor.fiscalQuarter ?? null;
  if (fiscalYear === null || reported === null) return null;
  const index = fiscalYear * 4 + (reported - 1) + offset;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

function mention(first: number, last: number, period: string | null): PeriodMention {
  return { first, last, period };
}

/** Marks a quarter or half said without a year, so that a year named in its sentence can complete it. */
function yearless(found: PeriodMention, year: unknown, part: string): PeriodMention {
  return year ? found : { ...found, yearless: part };
}

/** "fourth quarter", "Fourth-quarter", "second half", "back-half" at token `at`: the part and the token of its unit word. */
function ordinalPart(tokens: readonly Token[], at: number): { unit: 'quarter' | 'half'; part: number; unitAt: number } | null {
  const token = tokens[at];
  const next = tokens[at + 1];
  const hyphenated = next?.text === '-' && adjacent(token, next) && adjacent(next, tokens[at + 2]);
  const unitAt = hyphenated ? at + 2 : at + 1;
  const unit = tokens[unitAt]?.lower;
  const quarter = ORDINALS[token?.lower ?? ''];
  if (quarter !== undefined && unit === 'quarter') return { unit, part: quarter, unitAt };
  const half = HALF_WORDS[token?.lower ?? ''];
  if (half !== undefined && unit === 'half') return { unit, part: half, unitAt };
  return null;
}

/** Words before "the year" that make it the fiscal year reported on or under way: "for the year", "exiting the year". */
const YEAR_LEADS = new Set(['for', 'exit', 'exited', 'exiting', 'end', 'ended', 'ending', 'finish', 'finished', 'finishing', 'close', 'closed', 'closing', 'enter', 'entered', 'entering']);
/** Words between "the" and "of the year" that make it the year under way: "the end of the year", "the rest of the year". */
const OF_YEAR_LEADS = new Set(['end', 'rest', 'balance', 'remainder']);

/** The words a period expression can start with; any other word starts none. */
const STARTS = new Set(['q', 'fq', 'h', 'fy', 'fiscal', 'first', 'second', 'third', 'fourth', 'back', 'latter', 'this', 'current', 'next', 'coming', 'last', 'previous', 'prior', 'the', 'full']);

/** The period expression starting at token `i`, if any. */
export function readPeriod(tokens: readonly Token[], i: number, anchor: PeriodAnchor): PeriodMention | null {
  const token = tokens[i];
  if (!token || (token.kind === 'word' && !STARTS.has(token.lower)) || (token.kind === 'punct' && !isApostrophe(token))) return null;
  const next = tokens[i + 1];
  const lower = token.lower;
  // "Q3", "FQ2 2017", "Q2 '16", "Q4 this year"
  if ((lower === 'q' || lower === 'fq') && adjacent(token, next)) {
    const quarter = smallInt(next, 4);
    if (quarter !== null) {
      const year = yearAfter(tokens, i + 1, anchor);
      return yearless(mention(i, year?.last ?? i + 1, quarterPeriod(quarter, year, anchor)), year, `Q${quarter}`);
    }
  }
  // "H1 2018"
  if (lower === 'h' && adjacent(token, next)) {
    const half = smallInt(next, 2);
    if (half !== null) {
      const year = yearAfter(tokens, i + 1, anchor);
      return yearless(mention(i, year?.last ?? i + 1, halfPeriod(half, year, anchor)), year, `H${half}`);
    }
  }
  if (token.kind === 'num') {
    const letter = tokens[i + 1];
    const digit = tokens[i + 2];
    // "18q1", "2018H1", "2018Q1"
    if (adjacent(token, letter) && adjacent(letter, digit) && (letter?.lower === 'q' || letter?.lower === 'h')) {
      const year = twoDigitYear(token) ?? yearOf(token);
      const part = smallInt(digit, letter.lower === 'q' ? 4 : 2);
      if (year !== null && part !== null) return mention(i, i + 2, `${year}${letter.text.toUpperCase()}${part}`);
    }
    // "3Q", "4Q 2017", "2H", "1H18", "4Q this year"
    if (adjacent(token, letter) && (letter?.lower === 'q' || letter?.lower === 'h')) {
      const part = smallInt(token, letter.lower === 'q' ? 4 : 2);
      if (part !== null) {
        const year = yearAfter(tokens, i + 1, anchor);
        const last = year?.last ?? i + 1;
        const found = mention(i, last, letter.lower === 'q' ? quarterPeriod(part, year, anchor) : halfPeriod(part, year, anchor));
        return yearless(found, year, `${letter.lower === 'q' ? 'Q' : 'H'}${part}`);
      }
    }
    const year = yearOf(token);
    if (year !== null) return mention(i, i, String(year));
  }
  // "'15"
  if (isApostrophe(token) && adjacent(token, next) && tokens[i - 1]?.kind !== 'num') {
    const year = twoDigitYear(next);
    if (year !== null) return mention(i, i + 1, String(year));
  }
  // "FY 2018", "FY2018", "FY18", "fiscal 2018", "fiscal year 2018", "fiscal '25"
  const fiscal = fiscalYearAt(tokens, i);
  if (fiscal) return mention(i, fiscal.last, String(fiscal.year));
  // "second quarter 2017", "third quarter of 2018", "the fourth quarter", "Fourth-quarter", "second half of 2025", "the back half"
  const part = ordinalPart(tokens, i);
  if (part?.unit === 'quarter') {
    const year = yearAfter(tokens, part.unitAt, anchor);
    return yearless(mention(i, year?.last ?? part.unitAt, quarterPeriod(part.part, year, anchor)), year, `Q${part.part}`);
  }
  if (part?.unit === 'half') {
    const at = part.unitAt;
    const ofTheYear = tokens[at + 1]?.lower === 'of' && tokens[at + 2]?.lower === 'the' && tokens[at + 3]?.lower === 'year';
    const year = yearAfter(tokens, at, anchor) ?? (ofTheYear ? { year: callYear(anchor), last: at + 3 } : null);
    return yearless(mention(i, year?.last ?? at, halfPeriod(part.part, year, anchor)), year, `H${part.part}`);
  }
  // "last year's fourth quarter", "this year's second half"
  const offset = RELATIVE[lower];
  const owned = offset !== undefined && (next?.lower === "year's" || next?.lower === 'year’s') ? ordinalPart(tokens, i + 2) : null;
  if (offset !== undefined && owned) {
    const year = relativePeriod(offset, 'year', anchor);
    const period = year === null ? null : `${year}${owned.unit === 'quarter' ? 'Q' : 'H'}${owned.part}`;
    return mention(i, owned.unitAt, period);
  }
  // "this year", "next quarter", "the quarter", "this past quarter"
  if (offset !== undefined && (next?.lower === 'year' || next?.lower === 'quarter')) {
    return mention(i, i + 1, relativePeriod(offset, next.lower, anchor));
  }
  if (lower === 'this' && next?.lower === 'past' && tokens[i + 2]?.lower === 'quarter') return mention(i, i + 2, relativePeriod(0, 'quarter', anchor));
  if (lower === 'the' && next?.lower === 'quarter' && tokens[i - 1]?.lower !== 'of') return mention(i, i + 1, relativePeriod(0, 'quarter', anchor));
  // "the full year", "full-year", "for the year", "exiting the year", "the end of the year": the fiscal year reported on (or under way).
  const fiscalYear = anchor.fiscalYear ? String(anchor.fiscalYear) : null;
  if (lower === 'full' && (next?.lower === 'year' || (next?.text === '-' && tokens[i + 2]?.lower === 'year'))) {
    const last = next.lower === 'year' ? i + 1 : i + 2;
    return { ...mention(i, last, fiscalYear), yearUnderWay: true };
  }
  if (lower === 'the' && next?.lower === 'year' && YEAR_LEADS.has(tokens[i - 1]?.lower ?? '')) return { ...mention(i, i + 1, fiscalYear), yearUnderWay: true };
  // "the end of the year", "the rest of the year"
  const ofTheYear = tokens[i + 2]?.lower === 'of' && tokens[i + 3]?.lower === 'the' && tokens[i + 4]?.lower === 'year';
  if (lower === 'the' && OF_YEAR_LEADS.has(next?.lower ?? '') && ofTheYear) return { ...mention(i, i + 4, fiscalYear), yearUnderWay: true };
  return null;
}

/** Every period expression of a token list, left to right, without overlaps. */
export function findPeriods(tokens: readonly Token[], anchor: PeriodAnchor): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const period = readPeriod(tokens, i, anchor);
    if (!period) continue;
    found.push(period);
    i = period.last;
  }
  return found;
}

/** The calendar quarter of a month, for fiscal years that end in December. */
function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * The period of a table header or row label: "FQ2 2017", "FY 2018", "2018H1", "2016", and the
 * spreadsheet forms "q4-18e" (an estimate for 2018Q4) and "Jun-18" (the quarter ending June 2018).
 */
export function periodOfLabel(tokens: readonly Token[], anchor: PeriodAnchor): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const dash = tokens[i + 1];
    const year = dash?.text === '-' ? twoDigitYear(tokens[i + 2]) : null;
    if (token && year !== null && adjacent(token, dash) && adjacent(dash, tokens[i + 2])) {
      const month = MONTHS[token.lower];
      if (month !== undefined) return `${year}Q${quarterOfMonth(month)}`;
      const quarter = tokens[i - 1]?.lower === 'q' && adjacent(tokens[i - 1], token) ? smallInt(token, 4) : null;
      if (quarter !== null) return `${year}Q${quarter}`;
    }
  }
  return findPeriods(tokens, anchor).find((found) => found.period !== null)?.period ?? null;
}
