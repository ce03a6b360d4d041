import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { detectFormat } from '../src/index.ts';
import { seekingAlphaParser } from '../src/formats/seeking-alpha.ts';
import { expectCoverage, expectOrderedSpans, fixture, repairedSeed } from './span-checks.ts';

describe('seeking_alpha seed 001 (through repairBytes)', () => {
  const text = repairedSeed('001_');
  const doc = seekingAlphaParser.parse(text);

  it('is detected from its content', () => {
    expect(detectFormat(text)?.format).toBe('seeking_alpha');
  });

  it('reads the title line', () => {
    expect(doc.metadata).toMatchObject({ company: 'Tesla Motors', exchange: 'NASDAQ', ticker: 'TSLA', fiscalQuarter: 2, fiscalYear: 2012, eventDate: '2012-07-25' });
  });

  it('reads both participant lists, with either dash', () => {
    expect(doc.participants).toHaveLength(16);
    expect(doc.participants.filter((p) => p.speakerType === 'executive').map((p) => p.name)).toEqual(['Jeff Evanson', 'Elon Musk', 'Deepak Ahuja', 'George Blankenship']);
    expect(doc.participants[1]).toEqual({ name: 'Elon Musk', role: 'Chairman, Product Architect, and CEO', org: 'Tesla Motors', speakerType: 'executive' });
    expect(doc.participants[4]).toEqual({ name: 'John Lovallo', role: null, org: 'Merrill Lynch', speakerType: 'analyst' });
    expect(doc.participants[5]).toEqual({ name: 'Dan Galves', role: null, org: 'Deutsche Bank', speakerType: 'analyst' });
  });

  it('cuts every labelled turn, in order', () => {
    expect(doc.turns).toHaveLength(178);
    expect(doc.turns.slice(0, 8).map((t) => t.speakerLabel)).toEqual([
      'Operator',
      'Jeff Evanson',
      'Operator',
      'John Lovallo - Merrill Lynch',
      'Deepak Ahuja',
      'John Lovallo - Merrill Lynch',
      'Deepak Ahuja',
      'John Lovallo - Merrill Lynch',
    ]);
    const count = (type: string) => doc.turns.filter((t) => t.speakerType === type).length;
    expect([count('operator'), count('executive'), count('analyst'), count('unknown')]).toEqual([13, 111, 54, 0]);
    expect(doc.turns.find((t) => t.speakerLabel === 'Dan Galves – Deutsche Bank')).toMatchObject({ speakerName: 'Dan Galves', speakerOrg: 'Deutsche Bank', speakerType: 'analyst' });
    expect(doc.turns[4]).toMatchObject({ speakerName: 'Deepak Ahuja', speakerRole: 'Chief Financial Officer', speakerOrg: 'Tesla Motors', text: 'Yeah, it is all Daimler revenue. You’re right about that.' });
  });

  it('starts the Q&A at the marker', () => {
    expect(doc.turns.findIndex((t) => t.section === 'qa')).toBe(2);
    expect(doc.turns[1]?.text.split('\n')).toHaveLength(5);
    expect(doc.turns[1]?.text.endsWith('could we please have our first question?')).toBe(true);
  });

  it('ends with the closing turn, its trailing-space label recognised', () => {
    expect(doc.turns.at(-1)).toMatchObject({ speakerLabel: 'Jeff Evanson', section: 'qa' });
    expect(doc.turns.at(-1)?.text.endsWith('Thank you everyone. Goodbye.')).toBe(true);
  });

  it('spans point at the speech and, with labels and set-asides, cover the text', () => {
    for (const turn of doc.turns.slice(0, 20)) expect([...text].slice(turn.charStart, turn.charEnd).join('').replace(/\s*\n\s*/g, '\n')).toBe(turn.text);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });
});


describe('seeking_alpha variants', () => {
  it('another company, em dashes, trailing spaces, a name inside speech, boilerplate', () => {
    const text = fixture('seeking-alpha-acme.txt');
    expect(detectFormat(text)?.format).toBe('seeking_alpha');
    const doc = seekingAlphaParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: 'Acme Robotics', exchange: 'NYSE', ticker: 'ACME', fiscalQuarter: 3, fiscalYear: 2019, eventDate: '2019-10-29' });
    expect(doc.turns.map((t) => [t.speakerName, t.speakerType, t.section])).toEqual([
      ['Operator', 'operator', 'presentation'],
      ['Maria Lopez', 'executive', 'presentation'],
      ['Tom Baker', 'executive', 'presentation'],
      ['Operator', 'operator', 'qa'],
      ['Priya Nair', 'analyst', 'qa'],
      ['Tom Baker', 'executive', 'qa'],
      ['Priya Nair', 'analyst', 'qa'],
      [null, 'analyst', 'qa'],
      ['Maria Lopez', 'executive', 'qa'],
    ]);
    expect(doc.turns[2]?.text).toBe('Thanks, Maria. Revenue grew 12% to $410 million.\nTom Baker is my name, and margins are my game.\n[Technical Difficulty]');
    expect(doc.turns[4]).toMatchObject({ speakerLabel: 'Priya Nair — Jefferson Capital', speakerOrg: 'Jefferson Capital' });
    expect(doc.turns[6]?.speakerOrg).toBe('Jefferson Capital');
    expect(doc.issues.map((issue) => issue.code)).toContain('parse/boilerplate');
    expect(doc.issues.filter((issue) => issue.code === 'parse/bracketed-note')).toHaveLength(1);
    expectCoverage(text, doc);
  });

  it('without a Q&A marker, the operator opening the questions starts the Q&A', () => {
    const text = fixture('seeking-alpha-no-marker.txt');
    const doc = seekingAlphaParser.parse(text);
    expect(doc.turns.map((t) => t.section)).toEqual(['presentation', 'presentation', 'qa', 'qa', 'qa']);
    expect(doc.turns.map((t) => t.speakerName)).toEqual(['Operator', 'Sam Reed', 'Operator', 'Lee Chan', 'Sam Reed']);
  });

  it('a relabelled speaker continues the turn', () => {
    const text = ['Beta Corp (NASDAQ:BETA) Q1 2020 Earnings Call May 5, 2020 8:00 AM ET', 'Executives', 'Ann Hill - CEO', 'Analysts', 'Bo Diaz - Delta Securities', 'Operator', 'Welcome.', 'Ann Hill', 'First part.', 'Ann Hill ', 'Second part.'].join('\n');
    const doc = seekingAlphaParser.parse(text);
    expect(doc.turns.map((t) => [t.speakerName, t.text])).toEqual([
      ['Operator', 'Welcome.'],
      ['Ann Hill', 'First part.\nSecond part.'],
    ]);
    expect(doc.turns[1]?.labelSpans).toHaveLength(2);
  });

  it('a header-less fragment: leading speech is unknown, label-shaped lines are labels', () => {
    const text = ['costs came down, as I said.', 'Lee Chan – Orbit Research', 'And next year?', 'Sam Reed', 'Higher. Sam Reed does not guess.', 'Lee Chan – Orbit Research', 'Thanks.', 'Sam Reed', 'Sure.'].join('\n');
    const doc = seekingAlphaParser.parse(text);
    expect(doc.turns.map((t) => [t.speakerName, t.speakerType, t.speakerOrg])).toEqual([
      [null, 'unknown', null],
      ['Lee Chan', 'analyst', 'Orbit Research'],
      ['Sam Reed', 'unknown', null],
      ['Lee Chan', 'analyst', 'Orbit Research'],
      ['Sam Reed', 'unknown', null],
    ]);
    expect(doc.issues.map((issue) => issue.code)).toContain('parse/no-participant-list');
    expectCoverage(text, doc);
  });

  it('a fragment without lists: a dash label names a firm (analyst) unless it names an office (executive)', () => {
    const text = ['so demand held up.', 'Lee Chan – Morgan Stanley', 'And pricing?', 'Sam Reed – Chief Financial Officer', 'Firm. Lee Chan – Morgan Stanley asked that last year.', 'Lee Chan – Morgan Stanley', 'Thanks.'].join('\n');
    const doc = seekingAlphaParser.parse(text);
    expect(doc.turns.map((t) => [t.speakerName, t.speakerType, t.speakerRole, t.speakerOrg, t.text])).toEqual([
      [null, 'unknown', null, null, 'so demand held up.'],
      ['Lee Chan', 'analyst', null, 'Morgan Stanley', 'And pricing?'],
      ['Sam Reed', 'executive', 'Chief Financial Officer', null, 'Firm. Lee Chan – Morgan Stanley asked that last year.'],
      ['Lee Chan', 'analyst', null, 'Morgan Stanley', 'Thanks.'],
    ]);
  });

  it('parse never throws and keeps spans ordered inside the text', () => {
    const base = fixture('seeking-alpha-acme.txt');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat({ max: base.length }), fc.nat({ max: base.length }), (noise, cut, drop) => {
        const text = base.slice(0, cut) + noise + base.slice(Math.min(base.length, cut + (drop % 200)));
        expectOrderedSpans(text, seekingAlphaParser.parse(text));
      }),
      { numRuns: 300 },
    );
  });
  it('parsing work grows linearly with the transcript (4x the turns, under 5x the work)', () => {
    const base = fixture('seeking-alpha-acme.txt');
    const at = base.indexOf('Copyright policy:');
    const chunk = 'Tom Baker\nMargins held - and then some.\nPriya Nair — Jefferson Capital\nThanks, Tom Baker.\n';
    const transcript = (copies: number) => base.slice(0, at) + chunk.repeat(copies) + base.slice(at);
    expect(seekingAlphaParser.parse(transcript(1000)).turns).toHaveLength(2009);
    expect(workRatio((text) => seekingAlphaParser.parse(text), transcript, 100)).toBeLessThan(5);
  });
});
