import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseDocument } from '../src/index.ts';

const seedsDir = new URL('../../../seeds/', import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(new URL(name, seedsDir), 'utf8');
};

describe('detectFormat', () => {
  it.each([
    ['000_', 'capiq'],
    ['001_', 'seeking_alpha'],
    ['002_', 'markdown'],
    ['003_', 'motley_fool'],
    ['004_', 'forum'],
  ])('detects seed %s as %s from its text', (prefix, format) => {
    expect(detectFormat(seed(prefix))?.format).toBe(format);
  });

  it('recognises nothing in plain prose', () => {
    expect(detectFormat('Just a sentence about nothing in particular.')).toBeNull();
  });
});

describe('capiq', () => {
  it('reads the header and starts with the operator', () => {
    const parsed = parseDocument(seed('000_'));
    expect(parsed?.metadata).toMatchObject({ company: 'Tesla, Inc.', exchange: 'NasdaqGS', ticker: 'TSLA', fiscalYear: 2017, fiscalQuarter: 2, eventDate: '2017-08-02' });
    expect(parsed?.turns[0]).toMatchObject({ speakerLabel: 'Operator', speakerType: 'operator', section: 'presentation' });
    expect(parsed?.turns[0]?.text.startsWith('Good day, ladies and gentlemen')).toBe(true);
  });
});
