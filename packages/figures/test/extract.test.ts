import { describe, expect, it } from 'vitest';
import { extractFigures, scaleDecimal } from '../src/index.ts';

describe('extractFigures', () => {
  it('scales money and reads percentages with code-point spans', () => {
    const text = 'We had $5 million in “capex” and margins of 25%.';
    const figures = extractFigures(text);
    expect(figures.map((figure) => [figure.surface, figure.value, figure.unit, figure.charStart, figure.charEnd])).toEqual([
      ['$5 million', 5_000_000, 'USD', 7, 17],
      ['25%', 25, 'percent', 44, 47],
    ]);
  });

  it('scales decimal strings without float noise', () => {
    expect(scaleDecimal('2.3', 1e9)).toBe(2_300_000_000);
    expect(scaleDecimal('1,234.5', 1e6)).toBe(1_234_500_000);
  });
});
