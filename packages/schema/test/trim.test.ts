import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimWhere } from '../src/trim.ts';

const isDot = (char: string) => char === '.';
const isNotLetter = (char: string) => /\P{L}/u.test(char);

describe('trimWhere', () => {
  it('trims the accepted characters at the side asked for', () => {
    expect(trimWhere('..R.J..', isDot)).toBe('R.J');
    expect(trimWhere('..R.J..', isDot, 'start')).toBe('R.J..');
    expect(trimWhere('..R.J..', isDot, 'end')).toBe('..R.J');
    expect(trimWhere('....', isDot, 'end')).toBe('');
    expect(trimWhere('', isDot)).toBe('');
  });

  it('tests whole code points: an astral letter is kept, an astral symbol trimmed', () => {
    expect(trimWhere('😀𝐀b😀', isNotLetter)).toBe('𝐀b');
    expect(trimWhere('\ud800a\udc00', isNotLetter)).toBe('a');
  });

  it('removes what /^[set]+|[set]+$/gu removes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '.', ' ', '-', '😀', '\ud800', '\udc00', 'é') }), (text) => {
        expect(trimWhere(text, (char) => /[.\s-]/u.test(char))).toBe(text.replace(/^[.\s-]+|[.\s-]+$/gu, ''));
        expect(trimWhere(text, isNotLetter, 'end')).toBe(text.replace(/\P{L}+$/u, ''));
      }),
    );
  });
});
