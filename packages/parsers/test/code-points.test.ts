import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointOffsets } from '../src/text.ts';

describe('codePointOffsets', () => {
  it('counts the code points before any UTF-16 offset in the text, emoji and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', '😀', '\ud83d', '\ude00', '\n'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 60 }), fc.nat(), (text, seed) => {
        const offset = seed % (text.length + 1);
        expect(codePointOffsets(text)(offset)).toBe(codePointLength(text.slice(0, offset)));
      }),
      { numRuns: 500 },
    );
  });

  it('maps offsets around emoji', () => {
    const toPoint = codePointOffsets('a😀b😀c');
    expect([0, 1, 3, 4, 6, 7].map(toPoint)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
