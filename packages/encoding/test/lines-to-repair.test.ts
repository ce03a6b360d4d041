import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/decode.ts';
import { actingCharacters, linesToRepair } from '../src/lines-to-repair.ts';
import { MOJIBAKE_START } from '../src/mojibake.ts';
import { AFTER_REPAIR, BEFORE_REPAIR, NFC_SENSITIVE } from '../src/normalize.ts';
import { repairDecoded } from '../src/repair-bytes.ts';
import { asCp1252, lossy, utf8 } from './helpers.ts';

const { flagged, candidates } = actingCharacters([BEFORE_REPAIR, MOJIBAKE_START, AFTER_REPAIR, NFC_SENSITIVE]);
const spansOf = (text: string) => linesToRepair(text, flagged, candidates);

describe('linesToRepair', () => {
  it('keeps each line holding an acting character, with the line feed before it and the one ending it', () => {
    const text = 'clean\nbad Ã©\nclean “ok” – fine…\n\\$5\nend';
    expect(spansOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(['\nbad Ã©\n', '\n\\$5\n']);
  });

  it('merges adjacent lines and reaches the ends of the text', () => {
    expect(spansOf('Ã©\nx\u00a0y\nclean\nz\r\nend')).toEqual([
      { start: 0, end: 7 },
      { start: 12, end: 16 },
    ]);
    expect(spansOf('plain ASCII, “curly” – and 👍\n\t')).toEqual([]);
  });
});

/** Lines of every kind, clean ones with typography among them (the lossy rules count it document-wide). */
const line = fc.oneof(
  fc.constantFrom('Clean “quotes” – dash… and ’90s', 'plain ASCII line', '', '👍🏽 emoji', 'Ελληνικά', 'Benoît – São Paulo', '\u00a0', 'a\u00a0b', 'cost \\$5', '\uf0b7 bullet', 'x\u200by', 'cafe\u0301'),
  fc.constantFrom('Dan Galves – Deutsche Bank', 'I’m sure it’s “at least,” isn’t it… Jones’ view.', 'voilà, École, Straße, 5×3 €5 • Autopilot™').map(lossy),
  fc.constantFrom('it’s “fine” — Benoît', 'Zürich ½ ©').map(asCp1252),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const document = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\n')), { maxLength: 10 }).map((lines) => lines.flat().join(''));

describe('passing through the lines no pass acts on', () => {
  it('changes nothing: the result is that of the chain run over the whole text', () => {
    fc.assert(
      fc.property(document, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 2 }), (text, badBytes) => {
        const bytes = [...utf8(text)];
        for (const [at, byte] of badBytes) bytes.splice(at % (bytes.length + 1), 0, byte);
        const decoded = decodeBytes(Uint8Array.from(bytes));
        const whole = [{ start: 0, end: decoded.text.length }];
        expect(repairDecoded(decoded, spansOf(decoded.text))).toEqual(repairDecoded(decoded, whole));
      }),
      { numRuns: 1500 },
    );
  });
});
