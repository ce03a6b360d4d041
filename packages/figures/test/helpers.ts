import { extractFigures, type FigureAnchor, type FigureCandidate } from '../src/index.ts';

/** The fields that say what a figure is, for exact comparison. */
export type Read = Pick<FigureCandidate, 'surface' | 'value' | 'valueLow' | 'valueHigh' | 'unit' | 'item' | 'per' | 'approximate' | 'bound' | 'spelled'>;

export function read(figure: FigureCandidate): Read {
  const { surface, value, valueLow, valueHigh, unit, item, per, approximate, bound, spelled } = figure;
  return { surface, value, valueLow, valueHigh, unit, item, per, approximate, bound, spelled };
}

/** A figure with every flag at its default, overridden by `fields`. */
export function plain(fields: Partial<Read> & Pick<Read, 'surface'>): Read {
  return { value: null, valueLow: null, valueHigh: null, unit: 'count', item: null, per: null, approximate: false, bound: null, spelled: false, ...fields };
}

/** Every figure of a text, read. */
export function readAll(text: string, anchor?: FigureAnchor): Read[] {
  return extractFigures(text, anchor).map(read);
}

/** The surfaces of every figure of a text. */
export function surfaces(text: string, anchor?: FigureAnchor): string[] {
  return extractFigures(text, anchor).map((figure) => figure.surface);
}
