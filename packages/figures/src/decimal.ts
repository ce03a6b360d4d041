import { wordTable } from './word-table.ts';
/**
 * The float64 nearest to `digits` x 10^power, computed by moving the decimal point in the string so
 * that "4.02" thousand is exactly 4020 (float multiplication would give 4019.9999999999995).
 * `digits` is an unsigned decimal as written, thousands separators allowed: "1,800", "2.25", ".50".
 */
export function shiftDecimal(digits: string, power: number): number {
  const clean = digits.replace(/,/g, '');
  const point = clean.indexOf('.');
  const whole = point < 0 ? clean : clean.slice(0, point);
  const fraction = point < 0 ? '' : clean.slice(point + 1);
  if (power >= 0) {
    const padded = fraction.padEnd(power, '0');
    return Number(`${whole || '0'}${padded.slice(0, power)}.${padded.slice(power) || '0'}`);
  }
  const padded = whole.padStart(1 - power, '0');
  const cut = padded.length + power;
  return Number(`${padded.slice(0, cut)}.${padded.slice(cut)}${fraction}`);
}

const ONES: Record<string, number> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = wordTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });

/** Every word a spelled number below a hundred can start with. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(ONES), ...Object.keys(TENS)]);

/** Value of one spelled number word below a hundred ("seven", "forty"), or undefined. */
export function spelledWord(word: string): number | undefined {
  return ONES[word] ?? TENS[word];
}

export function isTens(word: string): boolean {
  return word in TENS;
}
