/**
 * The comparison system: Microsoft Recognizers-Text (English) turned into `figures` rows so that
 * the gold scorer can score it like callset. Its currency, dimension, percentage and number
 * models are run on the same text and unioned; where spans overlap the longest wins (the earlier
 * on a tie), so "$5 million" beats the bare number "5 million". Its units are mapped to ours:
 * currencies to ISO codes (its `isoCurrency`, else the unit name; "Cent" is hundredths of a
 * dollar), percentages to `percent`, lengths to `distance` and power to `power` with the measure
 * in `item`, numbers to `count`. It has no ranges, approximations, bounds, rates, periods,
 * metrics or kinds, so those stay empty. Offsets are converted from UTF-16 to code points and its
 * inclusive `end` to our exclusive one.
 */
import { recognizeNumber, recognizePercentage } from '@microsoft/recognizers-text-number';
import { Culture, recognizeCurrency, recognizeDimension } from '@microsoft/recognizers-text-number-with-unit';
import { blankFigure, type PredictedFigure } from '../src/index.ts';

interface ModelResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: { value?: string; unit?: string; isoCurrency?: string } | null;
}

const CURRENCY_NAMES: Record<string, [string, number]> = {
  Dollar: ['USD', 1], 'United States dollar': ['USD', 1], Cent: ['USD', 0.01], Euro: ['EUR', 1], Pound: ['GBP', 1],
  'British pound': ['GBP', 1], Yen: ['JPY', 1], 'Japanese yen': ['JPY', 1], Yuan: ['CNY', 1], 'Chinese yuan': ['CNY', 1],
};
const DIMENSIONS: Record<string, [string, string]> = {
  Mile: ['distance', 'mile'], Kilometer: ['distance', 'km'], Meter: ['distance', 'meter'], Watt: ['power', 'W'],
  Kilowatt: ['power', 'kW'], Megawatt: ['power', 'MW'], Gigawatt: ['power', 'GW'],
};

/** Our unit, item and value for one of its results; null when it is not a quantity we record. */
function mapResult(result: ModelResult): Pick<PredictedFigure, 'value' | 'unit' | 'item'> | null {
  const resolution = result.resolution ?? {};
  const raw = Number(String(resolution.value ?? '').replace(/%$/, ''));
  if (!Number.isFinite(raw)) return null;
  switch (result.typeName) {
    case 'currency': {
      const [named, factor] = CURRENCY_NAMES[resolution.unit ?? ''] ?? [resolution.isoCurrency ?? null, 1];
      return { value: raw * factor, unit: resolution.isoCurrency ?? named, item: null };
    }
    case 'dimension': {
      const [unit, item] = DIMENSIONS[resolution.unit ?? ''] ?? [null, resolution.unit ?? null];
      return { value: raw, unit, item };
    }
    case 'percentage':
      return { value: raw, unit: 'percent', item: null };
    case 'number':
      return { value: raw, unit: 'count', item: null };
    default:
      return null;
  }
}

/** Every figure Recognizers-Text finds in a text, as `figures` columns. */
export function recognizersFigures(text: string): PredictedFigure[] {
  const found: ModelResult[] = [
    ...(recognizeCurrency(text, Culture.English) as ModelResult[]),
    ...(recognizeDimension(text, Culture.English) as ModelResult[]),
    ...(recognizePercentage(text, Culture.English) as ModelResult[]),
    ...(recognizeNumber(text, Culture.English) as ModelResult[]),
  ];
  // Longest span first, then the earliest; a result overlapping one already kept is dropped.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ModelResult[] = [];
  for (const result of found) {
    if (!kept.some((other) => result.start <= other.end && other.start <= result.end)) kept.push(result);
  }
  kept.sort((a, b) => a.start - b.start);
  const points = (offset: number) => Array.from(text.slice(0, offset)).length;
  const figures: PredictedFigure[] = [];
  for (const result of kept) {
    const mapped = mapResult(result);
    if (!mapped) continue;
    figures.push({ ...blankFigure(text.slice(result.start, result.end + 1), points(result.start)), ...mapped });
  }
  return figures;
}
