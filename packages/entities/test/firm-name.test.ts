import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { firmSlug, parseFirmName } from '../src/index.ts';

const firm = (written: string) => {
  const parsed = parseFirmName(written);
  return parsed && { display: parsed.display, key: parsed.key, id: firmSlug(parsed.display) };
};

describe('parseFirmName', () => {
  it('drops the research division, legal forms, "& Co." and asides from the seeds’ firm names', () => {
    expect(firm('Goldman Sachs Group Inc., Research Division')).toEqual({ display: 'Goldman Sachs', key: 'goldmansachs', id: 'goldman-sachs' });
    expect(firm('Oppenheimer & Co. Inc., Research Division')).toEqual({ display: 'Oppenheimer', key: 'oppenheimer', id: 'oppenheimer' });
    expect(firm('Stifel, Nicolaus & Company, Incorporated, Research Division')).toEqual({ display: 'Stifel, Nicolaus', key: 'stifelnicolaus', id: 'stifel-nicolaus' });
    expect(firm('Sanford C. Bernstein & Co., LLC., Research Division')).toEqual({ display: 'Sanford C. Bernstein', key: 'sanfordcbernstein', id: 'sanford-c-bernstein' });
    expect(firm('Redburn (Europe) Limited, Research Division')).toEqual({ display: 'Redburn', key: 'redburn', id: 'redburn' });
    expect(firm('Piper Jaffray Companies, Research Division')).toEqual({ display: 'Piper Jaffray', key: 'piperjaffray', id: 'piper-jaffray' });
    expect(firm('JP Morgan Chase & Co, Research Division')).toEqual({ display: 'JP Morgan Chase', key: 'jpmorganchase', id: 'jp-morgan-chase' });
  });

  it('gives one key to the spellings of one firm across the seeds', () => {
    const pairs = [
      ['Goldman Sachs Group Inc., Research Division', 'Goldman Sachs'],
      ['Oppenheimer & Co. Inc., Research Division', 'Oppenheimer and Company'],
      ['Dougherty & Company LLC, Research Division', 'Dougherty & Company'],
      ['Deutsche Bank AG, Research Division', 'Deutsche Bank'],
      ['Jefferies LLC, Research Division', 'Jefferies'],
      ['Robert W. Baird & Co. Incorporated, Research Division', 'Robert W. Baird'],
      ['Barclays PLC, Research Division', 'Barclays'],
      ['Morgan Stanley, Research Division', 'Morgan Stanley'],
      ['Tesla, Inc.', 'Tesla'],
      ['JPMorgan Chase', 'J.P. Morgan Chase & Co.'],
    ];
    for (const [a = '', b = ''] of pairs) expect([a, firm(a)?.key]).toEqual([a, firm(b)?.key]);
  });

  it('leaves renames and brands no rule can know to the registry', () => {
    expect(firm('BofA Merrill Lynch, Research Division')?.key).not.toBe(firm('Merrill Lynch')?.key);
    expect(firm('AllianceBernstein')?.key).not.toBe(firm('Sanford C. Bernstein & Co., LLC.')?.key);
    expect(firm('Barclays Capital, Research Division')?.key).not.toBe(firm('Barclays PLC')?.key);
  });

  it('keeps a name that is only a legal form, and finds none without letters or digits', () => {
    expect(firm('The Group')).toEqual({ display: 'Group', key: 'group', id: 'group' });
    expect(firm('A & B')).toEqual({ display: 'A & B', key: 'aandb', id: 'a-and-b' });
    expect(parseFirmName(' , ')).toBeNull();
  });

  // recheck's attack strings for the regexes these steps replaced, scaled.
  it.each([
    ['a run of unclosed brackets', (copies: number) => `Acme ${'['.repeat(copies)}`],
    ['a run of trailing punctuation before a last character', (copies: number) => `Acme ${',;'.repeat(copies)}x`],
  ])('does linear work on %s', (_, build) => {
    expect(workRatio(parseFirmName, build, 500)).toBeLessThan(5);
  });
});
