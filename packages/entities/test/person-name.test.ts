import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { compareNames, parsePersonName, type PersonName } from '../src/index.ts';

function parsed(name: string): PersonName {
  const result = parsePersonName(name);
  if (!result) throw new Error(`no name in ${name}`);
  return result;
}

const shape = (name: string) => {
  const { given, middles, surname, suffix, key } = parsed(name);
  return { given: given.text, middles: middles.map((word) => word.text), surname: surname.map((word) => word.text), suffix: suffix?.text ?? null, key };
};

describe('parsePersonName', () => {
  it('splits the seeds’ names into given, middle and surname, initials written either way', () => {
    expect(shape('Elon R. Musk')).toEqual({ given: 'Elon', middles: ['R.'], surname: ['Musk'], suffix: null, key: 'elon r musk' });
    expect(shape('A.M. Sacconaghi')).toEqual({ given: 'A.', middles: ['M.'], surname: ['Sacconaghi'], suffix: null, key: 'a m sacconaghi' });
    expect(shape('Alexander Eugene Potter')).toEqual({ given: 'Alexander', middles: ['Eugene'], surname: ['Potter'], suffix: null, key: 'alexander eugene potter' });
    expect(shape('Jonathan McNeill')).toEqual({ given: 'Jonathan', middles: [], surname: ['McNeill'], suffix: null, key: 'jonathan mcneill' });
  });

  it('folds case, spacing, accents and trailing punctuation into the key', () => {
    expect(parsed('ELON  R MUSK.').key).toBe('elon r musk');
    expect(parsed(' elon r. musk ').key).toBe('elon r musk');
    expect(parsed('José Núñez').key).toBe('jose nunez');
  });

  it('drops honorifics, credentials and asides, keeps generational suffixes, reads "Surname, Given"', () => {
    expect(shape('Mr. Jeff Evanson')).toEqual({ given: 'Jeff', middles: [], surname: ['Evanson'], suffix: null, key: 'jeff evanson' });
    expect(shape('John Smith, Jr., CFA')).toEqual({ given: 'John', middles: [], surname: ['Smith'], suffix: 'Jr.', key: 'john smith jr' });
    expect(shape('Musk, Elon R.')).toEqual({ given: 'Elon', middles: ['R.'], surname: ['Musk'], suffix: null, key: 'elon r musk' });
    expect(shape('Anthony "Tony" Smith (CFO)')).toEqual({ given: 'Anthony', middles: [], surname: ['Smith'], suffix: null, key: 'anthony smith' });
    expect(shape('Elon Musk, Chief Executive Officer')).toEqual({ given: 'Elon', middles: [], surname: ['Musk'], suffix: null, key: 'elon musk' });
  });

  it('keeps surname particles with the surname', () => {
    expect(shape('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', middles: [], surname: ['van', 'Beethoven'], suffix: null, key: 'ludwig vanbeethoven' });
  });

  it('finds no name where there are no letters', () => {
    expect(parsePersonName('')).toBeNull();
    expect(parsePersonName(' -- ')).toBeNull();
    expect(parsePersonName('12')).toBeNull();
  });
});

describe('parsePersonName on adversarial input', () => {
  // recheck's attack strings for the regexes these steps replaced, scaled: each repeats a
  // run that the regex rescanned from every one of its characters.
  it.each([
    ['an unclosed bracket run before a closed quote', (copies: number) => `Ann ${'('.repeat(copies)}""`],
    ['a word of punctuation between a digit and a dot', (copies: number) => `Ann 0${'\u0000'.repeat(copies)}.`],
    ['a run of dots before a final character', (copies: number) => `Ann Lee${'.'.repeat(copies)}\u0000.`],
  ])('does linear work on %s', (_, build) => {
    expect(workRatio(parsePersonName, build, 500)).toBeLessThan(5);
  });

  it('keeps what the trims keep: a dot after an initial, none after a whole word', () => {
    expect(shape('«Ann» R.. Lee.:')).toEqual({ given: 'Ann', middles: ['R..'], surname: ['Lee'], suffix: null, key: 'ann r lee' });
  });
});

describe('compareNames', () => {
  const compare = (a: string, b: string) => compareNames(parsed(a), parsed(b));

  it('matches the seeds’ spellings of one person and says why', () => {
    expect(compare('Elon R. Musk', 'Elon Musk')).toEqual({ compatible: true, differsIn: null, reasons: ['middle name R. is not written in the other'] });
    expect(compare('Colin W. Rusch', 'Colin William Rusch')).toEqual({ compatible: true, differsIn: null, reasons: ['W. is the initial of William'] });
    expect(compare('Jon McNeill', 'Jonathan McNeill')).toEqual({ compatible: true, differsIn: null, reasons: ['Jon and Jonathan are variants of the given name jonathan'] });
    expect(compare('Ben Kallo', 'Benjamin J. Kallo')).toEqual({
      compatible: true,
      differsIn: null,
      reasons: ['Ben and Benjamin are variants of the given name benjamin', 'middle name J. is not written in the other'],
    });
    expect(compare('Alex Potter', 'Alexander Eugene Potter')).toEqual({
      compatible: true,
      differsIn: null,
      reasons: ['Alex and Alexander are variants of the given name alexander', 'middle name Eugene is not written in the other'],
    });
    expect(compare('James J. Albertine', 'James Joseph Albertine')).toEqual({ compatible: true, differsIn: null, reasons: ['J. is the initial of Joseph'] });
    expect(compare('ELON MUSK', 'Elon Musk')).toEqual({ compatible: true, differsIn: null, reasons: ['the same name up to case, spacing, punctuation and accents'] });
  });

  it('keeps apart people who share a first or a last name', () => {
    expect(compare('Colin Rusch', 'Colin Langan')).toEqual({ compatible: false, differsIn: 'surname', reasons: ['the surnames differ'] });
    expect(compare('Adam Jonas', 'Andrea Jonas')).toEqual({ compatible: false, differsIn: 'given', reasons: ['the given names Adam and Andrea differ'] });
    expect(compare('Colin W. Rusch', 'Colin X. Rusch')).toEqual({ compatible: false, differsIn: 'middles', reasons: ['the middle names differ'] });
    expect(compare('John Smith Jr.', 'John Smith Sr.')).toEqual({ compatible: false, differsIn: 'suffix', reasons: ['the suffixes Jr. and Sr. differ'] });
  });

  it('leaves nicknames no rule knows to the registry', () => {
    expect(compare('A.M. Sacconaghi', 'Tony Sacconaghi')).toEqual({ compatible: false, differsIn: 'given', reasons: ['the given names A. and Tony differ'] });
    expect(compare('Elon', 'Elon Musk')).toEqual({ compatible: false, differsIn: 'surname', reasons: ['a one-word name matches only itself'] });
  });
});
