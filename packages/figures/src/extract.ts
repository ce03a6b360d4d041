import { resolveContext, type FigureAnchor } from './context.ts';
import { findPeriods, type PeriodAnchor, type PeriodMention } from './periods.ts';
import { qualifiersOf } from './qualifiers.ts';
import { amountValue, readFigures, type Reading } from './read-figures.ts';
import { codePointOffsets, tokenize, type Token } from './tokens.ts';
import type { Bound } from './vocabulary.ts';

export type FigureKind = 'actual' | 'guidance' | 'estimate' | 'consensus' | 'surprise';

/** A numeric quantity found in a text, offsets in code points of that text; fields map 1:1 to `figures` columns. */
export interface FigureCandidate {
  surface: string;
  charStart: number;
  charEnd: number;
  value: number | null;
  valueLow: number | null;
  valueHigh: number | null;
  unit: string | null;
  item: string | null;
  per: string | null;
  approximate: boolean;
  bound: Bound | null;
  period: string | null;
  metric: string | null;
  metricLabel: string | null;
  kind: FigureKind | null;
  spelled: boolean;
}

/** A reading placed in its text: the candidate plus the token span the context rules work on. */
export interface PlacedFigure {
  candidate: FigureCandidate;
  reading: Reading;
}

function candidateOf(text: string, tokens: readonly Token[], points: Uint32Array, reading: Reading, floor: number): FigureCandidate {
  const first = tokens[reading.first];
  const last = tokens[reading.last];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  const { approximate, bound } = qualifiersOf(tokens, reading, floor);
  const high = reading.high;
  return {
    surface: text.slice(start, end),
    charStart: points[start] ?? 0,
    charEnd: points[end] ?? 0,
    value: high ? null : amountValue(reading.low),
    valueLow: high ? amountValue(reading.low) : null,
    valueHigh: high ? amountValue(high) : null,
    unit: reading.low.unit,
    item: reading.low.item,
    per: reading.per,
    approximate,
    bound,
    period: null,
    metric: null,
    metricLabel: null,
    kind: null,
    spelled: reading.low.spelled || (high?.spelled ?? false),
  };
}

/** Every figure of a text with the tokens it was read from. */
export function placeFigures(text: string, anchor: PeriodAnchor = {}): { tokens: Token[]; figures: PlacedFigure[]; mentions: PeriodMention[] } {
  const tokens = tokenize(text);
  const points = codePointOffsets(text);
  const mentions = findPeriods(tokens, anchor);
  const readings = readFigures(tokens, mentions);
  const figures = readings.map((reading, index) => ({
    reading,
    candidate: candidateOf(text, tokens, points, reading, index === 0 ? 0 : (readings[index - 1]?.next ?? 0)),
  }));
  // "about 18%, 20%": an approximation said before a list holds for each figure listed after a comma.
  figures.forEach((figure, index) => {
    const previous = figures[index - 1];
    const listed = previous && figure.reading.first === previous.reading.next + 1 && tokens[previous.reading.next]?.text === ',';
    if (listed && previous.candidate.approximate && previous.candidate.unit === figure.candidate.unit) figure.candidate.approximate = true;
  });
  return { tokens, figures, mentions };
}

/**
 * Every numeric quantity of an utterance text, with its value, unit, range and flags, and the
 * period, metric and kind its sentence gives it. Pure; spans in code points, sorted, never overlapping.
 */
export function extractFigures(text: string, anchor: FigureAnchor = {}): FigureCandidate[] {
  const { tokens, figures, mentions } = placeFigures(text, anchor);
  resolveContext(text, tokens, figures, mentions, anchor);
  return figures.map((figure) => figure.candidate);
}

/**
 * The figure a surface reads as on its own, or null: a figure's surface read again gives its value.
 * Two forms are figures only after a word that stays outside their surface: a range "54% and 55%"
 * after "between", a band "130s" after "the"; such surfaces are read after that word.
 */
export function readSurface(surface: string): FigureCandidate | null {
  for (const prefix of ['', 'between ', 'the ']) {
    const found = extractFigures(prefix + surface);
    const figure = found[0];
    if (found.length === 1 && figure?.surface === surface) {
      const shift = [...prefix].length;
      return { ...figure, charStart: figure.charStart - shift, charEnd: figure.charEnd - shift };
    }
  }
  return null;
}
