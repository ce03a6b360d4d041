/** A numeric quantity found in a text, offsets in code points of that text. */
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
  bound: 'gt' | 'gte' | 'lt' | 'lte' | null;
  period: string | null;
  metric: string | null;
  metricLabel: string | null;
  kind: 'actual' | 'guidance' | 'estimate' | 'consensus' | 'surprise' | null;
}

const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mm: 1e6, billion: 1e9, b: 1e9, bn: 1e9, trillion: 1e12 };

/** Scales a decimal string exactly enough for float64: "2.5" x million = 2500000. */
export function scaleDecimal(digits: string, scale: number): number {
  return Number((Number(digits.replace(/,/g, '')) * scale).toPrecision(15));
}

const MONEY = /\$\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(thousand|million|billion|trillion|bn|mm|[kmb])\b)?/gi;
const PERCENT = /\b(\d+(?:\.\d+)?)\s?(?:%|percent\b)/gi;

function codePointIndex(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

function candidate(text: string, index: number, surface: string, value: number, unit: string): FigureCandidate {
  const charStart = codePointIndex(text, index);
  return {
    surface,
    charStart,
    charEnd: charStart + [...surface].length,
    value,
    valueLow: null,
    valueHigh: null,
    unit,
    item: null,
    per: null,
    approximate: false,
    bound: null,
    period: null,
    metric: null,
    metricLabel: null,
    kind: null,
  };
}

/** Money amounts and percentages in running text. Pure. */
export function extractFigures(text: string): FigureCandidate[] {
  const found: FigureCandidate[] = [];
  for (const match of text.matchAll(MONEY)) {
    const scale = match[2] ? (SCALES[match[2].toLowerCase()] ?? 1) : 1;
    found.push(candidate(text, match.index, match[0], scaleDecimal(match[1] ?? '0', scale), 'USD'));
  }
  for (const match of text.matchAll(PERCENT)) {
    found.push(candidate(text, match.index, match[0], scaleDecimal(match[1] ?? '0', 1), 'percent'));
  }
  return found.sort((a, b) => a.charStart - b.charStart);
}
export * from './score.ts';
