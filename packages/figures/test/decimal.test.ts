import { describe, expect, it } from 'vitest';
import { shiftDecimal } from '../src/index.ts';

describe('shiftDecimal', () => {
  it('moves the decimal point in the string, so scaling is exact', () => {
    expect(shiftDecimal('4.02', 3)).toBe(4020);
    expect(4.02 * 1000).not.toBe(4020); // what float multiplication would have given
    expect(shiftDecimal('1,234.5', 6)).toBe(1_234_500_000);
    expect(shiftDecimal('2.3', 9)).toBe(2_300_000_000);
    expect(shiftDecimal('.50', 0)).toBe(0.5);
    expect(shiftDecimal('.5', 2)).toBe(50);
    expect(shiftDecimal('50', -2)).toBe(0.5);
    expect(shiftDecimal('5', -2)).toBe(0.05);
    expect(shiftDecimal('302.3', 6)).toBe(302_300_000);
    expect(shiftDecimal('0', 9)).toBe(0);
  });
});
