import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairBytes } from '../src/index.ts';
import { asCp1252, asLatin1, doubleCp1252, lossy, lossySpaces, repaired } from './helpers.ts';

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
/** Paragraphs of clean transcript-style text: curly quotes, dashes, ellipses, bullets, currencies, accented names. */
const corpus = read('clean-corpus.txt').split('\n\n');
/** Lines of correct text that must come back unchanged. */
const negative = read('negative.txt').split('\n').filter(Boolean);

describe('in-the-wild', () => {
  const cases = JSON.parse(read('in-the-wild.json')) as { source: string; corrupted: string; repaired: string }[];
  it.each(cases)('$source', ({ corrupted, repaired: wanted }) => {
    expect(repaired(corrupted)).toBe(wanted);
  });
});

describe('synthetic: the clean corpus corrupted by each mechanism', () => {
  it('is a corpus of 12 clean paragraphs, unchanged by repair', () => {
    expect(corpus).toHaveLength(12);
    for (const paragraph of corpus) expect(repaired(paragraph)).toBe(paragraph);
  });

  it.each([
    ['cp1252', asCp1252],
    ['latin-1', asLatin1],
    ['double cp1252', doubleCp1252],
  ] as const)('restores %s mojibake exactly', (_, corrupt) => {
    for (const paragraph of corpus) {
      expect(corrupt(paragraph)).not.toBe(paragraph);
      expect(repaired(corrupt(paragraph))).toBe(paragraph);
    }
  });

  it.each([
    ['UTF-16LE', Buffer.from([0xff, 0xfe]), 'utf-16le'],
    ['UTF-16BE', Buffer.from([0xfe, 0xff]), 'utf-16be'],
    ['UTF-8', Buffer.from([0xef, 0xbb, 0xbf]), 'utf8'],
  ] as const)('decodes the corpus from %s with a BOM exactly', (_, bom, encoding) => {
    const text = corpus.join('\n\n');
    const result = repairBytes(Buffer.concat([bom, iconv.encode(text, encoding)]));
    expect([result.text, result.repairs, result.normalizations, result.issues]).toEqual([text, [], [], []]);
  });

  it('decodes every paragraph from cp1252 bytes exactly, and says so', () => {
    for (const paragraph of corpus) {
      const result = repairBytes(iconv.encode(paragraph, 'win1252'));
      expect([result.text, result.encoding, result.issues.map((issue) => issue.code)]).toEqual([paragraph, 'windows-1252', ['encoding/not-utf8']]);
    }
  });

  it('decodes Latin-1 bytes exactly', () => {
    const latin1 = negative.filter((line) => iconv.decode(iconv.encode(line, 'latin1'), 'latin1') === line && /[^\u0000-\u007f]/u.test(line));
    expect(latin1).toHaveLength(5);
    for (const line of latin1) expect(repairBytes(iconv.encode(line, 'latin1')).text).toBe(line);
  });

  it('restores a mixed file, where only some paragraphs went through a mechanism, exactly', () => {
    const mechanisms = [asCp1252, asLatin1, doubleCp1252];
    const mixed = corpus.map((paragraph, i) => (i % 2 ? (mechanisms[i % 3] as (text: string) => string)(paragraph) : paragraph)).join('\n\n');
    expect(repaired(mixed)).toBe(corpus.join('\n\n'));
  });

  // What is still wrong is what the lossy mechanism makes unknowable (see known-failures.json): `—`
  // for the guessed `–`, `‘’` for `“”`, `Â`, `Ä`, `Å`, `Ø`, `Ü` for the guessed `É`.
  it.each([
    ['lossy', lossy, 4, 1579, 1595],
    ['lossy, U+00A0 as space', lossySpaces, 4, 1579, 1595],
  ] as const)('measures %s restoration', (name, corrupt, exactParagraphs, rightChars, comparedChars) => {
    let exact = 0;
    let right = 0;
    let compared = 0;
    for (const paragraph of corpus) {
      const got = [...repaired(corrupt(paragraph))];
      const want = [...paragraph];
      if (got.join('') === paragraph) exact += 1;
      // Position-wise agreement is meaningful only when the lengths agree.
      if (got.length !== want.length) continue;
      compared += want.length;
      right += want.filter((char, i) => got[i] === char).length;
    }
    console.log(`${name}: ${exact}/${corpus.length} paragraphs exact, ${((100 * right) / compared).toFixed(2)}% of ${compared} characters right`);
    expect([exact, right, compared]).toEqual([exactParagraphs, rightChars, comparedChars]);
  });

  it('measures lossy restoration of a mixed file (every other paragraph lossy), line by line', () => {
    const original = corpus.join('\n\n');
    const got = [...repaired(corpus.map((paragraph, i) => (i % 2 ? lossy(paragraph) : paragraph)).join('\n\n'))];
    const want = [...original];
    const right = want.filter((char, i) => got[i] === char).length;
    console.log(`lossy, mixed file: ${((100 * right) / want.length).toFixed(2)}% of ${want.length} characters right`);
    expect([got.length, right]).toEqual([want.length, 1608]);
    // The only `â` left are the real ones of a correct paragraph (`château`, `pâte`).
    expect(got.filter((char) => char === 'â')).toHaveLength(2);
  });
});

describe('negative: correct text stays unchanged', () => {
  it.each(negative)('%s', (line) => {
    expect(repaired(line)).toBe(line);
  });
});

describe('known failures (asserted to still fail)', () => {
  const cases = JSON.parse(read('known-failures.json')) as { why: string; corrupted: string; wanted: string; got: string }[];
  it.each(cases)('$why', ({ corrupted, wanted, got }) => {
    expect(repaired(corrupted)).toBe(got);
    expect(got).not.toBe(wanted);
  });
});
