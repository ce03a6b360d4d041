import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BYTE_OF, isContinuation, sequenceLength } from '../src/bytes.ts';
import { repairBytes } from '../src/index.ts';
import { asCp1252, asLatin1, doubleCp1252, lossy, repaired, utf8 } from './helpers.ts';


/** Words of correct text in several scripts, with a real `â` and `Ã` only inside real words. */
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,10}$/),
  fc.array(fc.constantFrom(...'aeiouéèêëàäçîïôöüûñãõøåæœßÉÀÇØÅÜÖÑÍÓÚáíóúýąęłśźżčšžřőű'), { minLength: 1, maxLength: 8 }).map((chars) => chars.join('')),
  fc.constantFrom('château', 'pâte', 'âge', 'théâtre', 'câmera', 'SÃO', 'JOÃO', 'Ângela', 'Benoît', 'São', 'Müller', 'crème', 'brûlée'),
  fc.array(fc.constantFrom(...'αβγδεжзийкאבגمنه中文日本語한국어'), { minLength: 1, maxLength: 5 }).map((chars) => chars.join('')),
  fc.constantFrom('2012', '20,000', '$1.9', '€5', '£3', '¥100', '12%', '👍', '🏎️'),
);
const separator = fc.constantFrom(' ', ' ', ', ', '. ', ' – ', ' — ', '…', '’', '’s ', ' “', '” ', ' ‘', '’ ', '\n', '\n\n', ' • ', '™ ', ' - ', '"', "'");
/** A lead character right before a continuation character: what cp1252-read UTF-8 looks like (`Üš` is U+071A). */
function hasMojibakePair(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    if (sequenceLength(BYTE_OF[text.charCodeAt(i)] ?? 0) > 0 && isContinuation(BYTE_OF[text.charCodeAt(i + 1)] ?? 0)) return true;
  }
  return false;
}
const cleanText = fc
  .array(fc.tuple(word, separator), { maxLength: 40 })
  .map((parts) => parts.flat().join(''))
  .filter((text) => !hasMojibakePair(text));

/**
 * Characters that the documented normalisation changes (controls, odd and zero-width spaces,
 * U+F0B7, the backslash of an export escape) or that mojibake repair reads (`Â`, `Ã`, `â`):
 * arbitrary text without them, in NFC and with no lead-continuation pair, is clean.
 */
const NORMALISED_OR_READ = /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u00c2\u00c3\u00e2\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\uf0b7\\]/u;
const arbitraryCleanText = fc
  .string({ unit: 'grapheme', maxLength: 60 })
  .map((text) => text.normalize('NFC'))
  .filter((text) => !NORMALISED_OR_READ.test(text) && !hasMojibakePair(text));

/** Text that looks like mojibake of every kind, to stress idempotence. */
const mojibakeText = fc.oneof(
  cleanText.map(asCp1252),
  cleanText.map(asLatin1),
  cleanText.map(doubleCp1252),
  cleanText.map(lossy),
  fc.array(fc.constantFrom(...'âÃÂ€™œ¦¬¢©ðŸ˜ \u0080\u0092\u00a0\ufffdsmtI\n'), { maxLength: 30 }).map((chars) => chars.join('')),
);

describe('properties', () => {
  it('never throws on any bytes, and always yields well-formed text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = repairBytes(bytes);
        expect(typeof result.text).toBe('string');
        expect(/\p{Cs}/u.test(result.text)).toBe(false); // no lone surrogate
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves clean Unicode text unchanged', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        const result = repairBytes(utf8(text));
        expect(result.text).toBe(text);
        expect(result.repairs).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves arbitrary clean Unicode text (any script, accents, emoji) unchanged', () => {
    fc.assert(
      fc.property(arbitraryCleanText, (text) => {
        expect(repairBytes(utf8(text))).toMatchObject({ text, repairs: [], normalizations: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on arbitrary strings, mojibake and bytes', () => {
    const once = (text: string): void => {
      const first = repaired(text);
      expect(repaired(first)).toBe(first);
    };
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), once), { numRuns: 1000 });
    fc.assert(fc.property(mojibakeText, once), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const first = repairBytes(bytes).text;
        expect(repaired(first)).toBe(first);
      }),
      { numRuns: 1000 },
    );
  });
});
