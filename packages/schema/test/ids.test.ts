import { describe, expect, it } from 'vitest';
import { documentIdFromSha256, figureId, normalizeForId, sha256Hex, utteranceIds } from '../src/ids.ts';

const turns = [
  { speakerLabel: 'Operator', text: 'Good day, ladies and gentlemen, and welcome to the call.' },
  { speakerLabel: 'Elon R. Musk', text: 'Thanks. So, the second quarter was a good one.' },
  { speakerLabel: 'Operator', text: 'Our next question comes from Adam Jonas with Morgan Stanley.' },
  { speakerLabel: 'Elon R. Musk', text: 'Yes.' },
  { speakerLabel: 'Elon R. Musk', text: 'Yes.' },
];

describe('ids', () => {
  it('takes the first 16 hex of the sha256 as document id', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(documentIdFromSha256(sha256Hex('abc'))).toBe('ba7816bf8f01cfea');
  });

  it('keeps every other utterance id when a turn is inserted', () => {
    const before = utteranceIds('ba7816bf8f01cfea', turns);
    const inserted = [...turns.slice(0, 2), { speakerLabel: 'Deepak Ahuja', text: 'Revenue was $2.8 billion.' }, ...turns.slice(2)];
    const after = utteranceIds('ba7816bf8f01cfea', inserted);
    expect(after.filter((_, index) => index !== 2)).toEqual(before);
    expect(after[2]).not.toBe(before[2]);
  });

  it('tells repeated identical turns apart by occurrence index', () => {
    const ids = utteranceIds('ba7816bf8f01cfea', turns);
    expect(new Set(ids).size).toBe(turns.length);
    expect(ids[3]).toMatch(/^ba7816bf8f01cfea-[0-9a-f]{12}$/);
  });

  it('ignores case, accents and punctuation in the label and words', () => {
    expect(normalizeForId('  Élon R. MUSK!! ')).toBe('elon r musk');
    const [a] = utteranceIds('d', [{ speakerLabel: 'ELON R. MUSK', text: 'Yes, it is.' }]);
    const [b] = utteranceIds('d', [{ speakerLabel: 'Elon R Musk', text: 'yes it is' }]);
    expect(a).toBe(b);
  });

  it('builds figure ids from owner, position and surface', () => {
    expect(figureId('u1', 14, '$5 million')).toMatch(/^u1-14-[0-9a-f]{8}$/);
    expect(figureId('t1', { row: 2, col: 3 }, '(1.92)')).toMatch(/^t1-r2c3-[0-9a-f]{8}$/);
  });
});

describe('firstWords', () => {
  it('gives the same words from a prefix as from the whole text, even past the first window', async () => {
    const { firstWords } = await import('../src/ids.ts');
    const long = `${'Supercalifragilistic '.repeat(11)}expialidocious-and-more ${'tail '.repeat(1000)}`;
    expect(firstWords(long, 12)).toBe(`${'supercalifragilistic '.repeat(11)}expialidocious`);
    expect(firstWords('Only three words.', 12)).toBe('only three words');
  });
});
