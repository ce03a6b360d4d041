import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures, readSurface } from '../src/index.ts';

// Pieces of the sources' language, so that random texts are dense in figures and near-figures.
const pieces = [
  '$', '~', '(', ')', '[', ']', '-', '–', '+', '%', '/', ',', '.', ' ', ' ', ' ', '\n', "'", '’', 'x', 'k', 'm', 'bn', 'K',
  '1', '25', '2.25', '1,800', '.50', '2017', '18', 'q1', 'Q', 'H', 'FY', 'million', 'billion', 'thousand', 'a', 'about',
  'over', 'up to', 'or', 'to', 'and', 'between', 'from', 'per', 'week', 'vehicles', 'units', 'days', 'GWh', 'Model', 'the',
  'gross margin', 'revenue', 'will', 'in', 'ten', 'half', 'several', 'c', '𝔸', 'é', 'e\u0301', 'NM', '▲', 'constructor', 'toString',
  '__proto__', 'hasOwnProperty', 'bps', '1/3', 'Q3', "'22", 'the', 's', 'like', 'per', 'share',
];
const sourceLike = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', ' ', ' ')), { maxLength: 40 }).map((parts) => parts.flat().join(''));
const anyText = fc.oneof(sourceLike, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('extractFigures properties', () => {
  it('never throws, and every surface is the text at its code-point span', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const points = [...text];
        for (const figure of extractFigures(text)) {
          expect(points.slice(figure.charStart, figure.charEnd).join('')).toBe(figure.surface);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives spans sorted and never overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const figures = extractFigures(text);
        for (let index = 1; index < figures.length; index++) {
          expect(figures[index]!.charStart).toBeGreaterThanOrEqual(figures[index - 1]!.charEnd);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a surface on its own to the same value', () => {
    fc.assert(
      fc.property(sourceLike, (text) => {
        for (const figure of extractFigures(text)) {
          const again = readSurface(figure.surface);
          expect(again && [again.surface, again.value, again.valueLow, again.valueHigh]).toEqual([figure.surface, figure.value, figure.valueLow, figure.valueHigh]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('fills a range or a value, never both, with low below high', () => {
    fc.assert(
      fc.property(sourceLike, (text) => {
        for (const figure of extractFigures(text)) {
          if (figure.value !== null) expect([figure.valueLow, figure.valueHigh]).toEqual([null, null]);
          else expect(figure.valueLow!).toBeLessThan(figure.valueHigh!);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
