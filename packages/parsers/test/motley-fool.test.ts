import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { detectFormat } from '../src/index.ts';
import { motleyFoolParser } from '../src/formats/motley-fool.ts';
import { readFlatList } from '../src/motley-fool-participants.ts';
import { expectCoverage, expectOrderedSpans, fixture, repairedSeed } from './span-checks.ts';

const ELON = 'Elon Musk -- Chief Executive Officer and Product Architect';

describe('motley_fool seed 003 (one line)', () => {
  const text = repairedSeed('003_');
  const doc = motleyFoolParser.parse(text);

  it('is detected from its content', () => {
    expect(detectFormat(text)?.format).toBe('motley_fool');
  });

  it('reads the header', () => {
    expect(doc.metadata).toMatchObject({ company: 'Tesla', ticker: 'TSLA', fiscalQuarter: 1, fiscalYear: 2024, eventDate: '2024-04-23', title: 'Tesla (TSLA) Q1 2024 Earnings Call' });
  });

  it('splits the flattened participant list', () => {
    expect(doc.participants.map((p) => [p.name, p.speakerType])).toEqual([
      ['Martin Viecha', 'executive'],
      ['Elon Musk', 'executive'],
      ['Vaibhav Taneja', 'executive'],
      ['Lars Moravy', 'executive'],
      ['Ashok Elluswamy', 'executive'],
      ['Unknown speaker', 'unknown'],
      ['Tony Sacconaghi', 'analyst'],
      ['Adam Jonas', 'analyst'],
      ['Alex Potter', 'analyst'],
      ['Mark Delaney', 'analyst'],
      ['George Gianarikas', 'analyst'],
      ['Colin Rusch', 'analyst'],
      ['Shreyas Patil', 'analyst'],
    ]);
    expect(doc.participants[1]).toEqual({ name: 'Elon Musk', role: 'Chief Executive Officer and Product Architect', org: 'Tesla', speakerType: 'executive' });
    expect(doc.participants[11]).toEqual({ name: 'Colin Rusch', role: 'Analyst', org: 'Oppenheimer and Company', speakerType: 'analyst' });
  });

  it('splits turns exactly at the labels, not at names or dashes in speech', () => {
    expect(doc.turns).toHaveLength(133);
    expect(doc.turns.slice(0, 6).map((t) => t.speakerLabel)).toEqual([
      'Martin Viecha',
      ELON,
      'Martin Viecha',
      'Vaibhav Taneja -- Chief Financial Officer',
      'Martin Viecha',
      'Lars Moravy -- Vice President, Vehicle Engineering',
    ]);
    const count = (type: string) => doc.turns.filter((t) => t.speakerType === type).length;
    expect([count('executive'), count('analyst'), count('unknown'), count('operator')]).toEqual([114, 16, 3, 0]);
    expect(doc.turns[0]?.text.startsWith('[Audio gap] first quarter 2024 Q&A webcast. My name is Martin Viecha, VP of investor relations')).toBe(true);
    expect(doc.turns[0]?.text.endsWith('one question and one follow-up.\nPlease use the Raise Hand button to join the question queue. But before we jump into Q&A, Elon has some opening remarks. Elon?')).toBe(true);
    expect(doc.turns[2]?.text).toBe('Thank you very much, and Vaibhav has comments as well.');
    const tony = doc.turns.find((t) => t.speakerName === 'Tony Sacconaghi');
    expect(tony).toMatchObject({ speakerLabel: 'Tony Sacconaghi -- AllianceBernstein -- Analyst', speakerRole: 'Analyst', speakerOrg: 'AllianceBernstein', section: 'qa' });
    const interrupted = doc.turns.findIndex((t) => t.text.endsWith('to keep making the price --'));
    expect(doc.turns[interrupted + 1]).toMatchObject({ speakerName: 'Lars Moravy', text: 'More accessible.' });
  });

  it('starts the Q&A with the host turn that opens the questions', () => {
    const first = doc.turns.findIndex((t) => t.section === 'qa');
    expect(first).toBe(4);
    expect(doc.turns[first]?.text.startsWith("OK. Let's start with investor Q&A.")).toBe(true);
    expect(doc.turns.slice(first).every((t) => t.section === 'qa')).toBe(true);
  });

  it('sets aside the header, the duration, the list and the trailers', () => {
    const asides = doc.issues.filter((issue) => issue.code !== 'parse/bracketed-note');
    expect(asides.map((issue) => [issue.code, issue.severity])).toEqual([
      ['parse/header', 'info'],
      ['parse/end-matter', 'info'],
      ['parse/participant-list', 'info'],
      ['parse/boilerplate', 'info'],
    ]);
    const points = [...text];
    expect(points.slice(asides[3]?.char_start ?? 0, asides[3]?.char_end ?? 0).join('').trim()).toBe('More TSLA analysis All earnings call transcripts');
    expect(doc.issues.filter((issue) => issue.code === 'parse/bracketed-note').length).toBeGreaterThan(0);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });
});

describe('motley_fool variants', () => {
  it('multi-line page with headings and a participant list', () => {
    const text = fixture('motley-fool-multiline.txt');
    expect(detectFormat(text)?.format).toBe('motley_fool');
    const doc = motleyFoolParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: 'Zeta Energy', exchange: 'NYSE', ticker: 'ZET', fiscalQuarter: 4, fiscalYear: 2022, eventDate: '2023-02-14' });
    expect(doc.turns.map((t) => [t.speakerName, t.speakerType, t.section])).toEqual([
      ['Operator', 'operator', 'presentation'],
      ['Dana Price', 'executive', 'presentation'],
      ['Raj Patel', 'executive', 'presentation'],
      ['Operator', 'operator', 'qa'],
      ['Kim Ito', 'analyst', 'qa'],
      ['Raj Patel', 'executive', 'qa'],
      ['Operator', 'operator', 'qa'],
    ]);
    expect(doc.turns[1]?.text).toBe('Thank you. Joining me is Raj Patel -- our CEO -- who will walk through the year.');
    expect(doc.turns[2]?.text).toBe('Thanks, Dana. We grew output 8% in the quarter.\n[Technical Difficulty]');
    expect(doc.turns[4]?.text).toBe('Raj Patel said costs fall. By how much?');
    expect(doc.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['parse/header', 'parse/section-heading', 'parse/participant-list', 'parse/boilerplate']));
    expectCoverage(text, doc);
  });

  it('flattened page: bare names, relabelled speaker, placeholder, silent participant', () => {
    const text = fixture('motley-fool-flat.txt');
    expect(detectFormat(text)?.format).toBe('motley_fool');
    const doc = motleyFoolParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: 'Omega Motors', ticker: 'OMGA', fiscalQuarter: 3, fiscalYear: 2023, eventDate: '2023-10-18' });
    expect(doc.participants.map((p) => [p.name, p.role])).toEqual([
      ['Jo Park', null],
      ['Lina Ortiz', 'Chief Financial Officer'],
      ['Peter Quinn', 'Chief Technology Officer'],
      ['Unknown speaker', null],
      ['Ravi Menon', 'Analyst'],
    ]);
    // The placeholder label names nobody: its turn has a label but no speaker name.
    expect(doc.turns[5]).toMatchObject({ speakerLabel: 'Unknown speaker', speakerName: null, speakerType: 'unknown' });
    expect(doc.turns.map((t) => [t.speakerName, t.section, t.text])).toEqual([
      ['Jo Park', 'presentation', 'Hello and welcome. Lina Ortiz will open. Jo Park is here too.'],
      ['Lina Ortiz', 'presentation', 'Thanks, Jo. Margins were 18% -- up from 17%.\nAnd deliveries rose.'],
      ['Jo Park', 'qa', "OK. Let's start with analyst questions."],
      ['Ravi Menon', 'qa', 'Will margins hold?'],
      ['Lina Ortiz', 'qa', 'Yes.'],
      [null, 'qa', '[Inaudible]'],
      ['Jo Park', 'qa', 'Thank you all.'],
    ]);
    expectCoverage(text, doc);
  });

  it('an analyst labelled with a firm worded otherwise than in the list', () => {
    const text = 'Image source: The Motley Fool. Omega Motors (OMGA +0.52%)Q3 2023 Earnings CallOct 18, 2023, 4:30 p.m. ET Jo Park Over to questions. Thanks Ravi Menon -- Summit Partners LLC -- Analyst Will margins hold? Jo Park Yes. Duration: 2 minutes Jo Park Ravi Menon -- Summit Partners -- Analyst';
    const doc = motleyFoolParser.parse(text);
    expect(doc.turns.map((t) => [t.speakerLabel, t.speakerOrg, t.text])).toEqual([
      ['Jo Park', 'Omega Motors', 'Over to questions. Thanks'],
      ['Ravi Menon -- Summit Partners LLC -- Analyst', 'Summit Partners LLC', 'Will margins hold?'],
      ['Jo Park', 'Omega Motors', 'Yes.'],
    ]);
  });

  it('a fragment with no header still parses, speech before any label is unknown', () => {
    const text = 'costs came down a lot. Ravi Menon -- Summit Partners -- Analyst Thanks. Operator Next question, please. Duration: 5 minutes';
    const doc = motleyFoolParser.parse(text);
    expect(doc.turns.map((t) => [t.speakerType, t.text])).toEqual([
      ['unknown', 'costs came down a lot.'],
      ['analyst', 'Thanks.'],
      ['operator', 'Next question, please.'],
    ]);
  });

  it('labels followed by trailing spaces, on a multi-line page and on a flattened one', () => {
    const lines = ['Image source: The Motley Fool.', '', 'Zeta Energy (NYSE: ZET)', 'Q4 2022 Earnings Call', 'Feb 14, 2023, 10:00 a.m. ET', '', 'Operator   ', '', 'Welcome.', '', 'Raj Patel -- Chief Executive Officer  \t', '', 'Output rose 8%.', '', 'Duration: 3 minutes', '', 'Call participants:', '', 'Raj Patel -- Chief Executive Officer'].join('\n');
    const flat = 'Image source: The Motley Fool. Zeta Energy (NYSE: ZET) Q4 2022 Earnings Call Feb 14, 2023, 10:00 a.m. ET Operator    Welcome.   Raj Patel -- Chief Executive Officer     Output rose 8%. Duration: 3 minutes Raj Patel -- Chief Executive Officer';
    for (const text of [lines, flat]) {
      const doc = motleyFoolParser.parse(text);
      expect(doc.turns.map((t) => [t.speakerLabel, t.speakerType, t.text])).toEqual([
        ['Operator', 'operator', 'Welcome.'],
        ['Raj Patel -- Chief Executive Officer', 'executive', 'Output rose 8%.'],
      ]);
      expectCoverage(text, doc);
    }
  });

  it('splits a flat list using the speech as evidence', () => {
    const speech = 'Hi. Ann Lee -- Chief Operating Officer Thanks. Bo Li -- Vice President, Sales Sure.';
    const seen = (s: string) => speech.includes(s);
    expect(readFlatList('Ann Lee -- Chief Operating Officer Bo Li -- Vice President, Sales', seen).map((e) => [e.name, e.role])).toEqual([
      ['Ann Lee', 'Chief Operating Officer'],
      ['Bo Li', 'Vice President, Sales'],
    ]);
  });

  it('parsing work grows linearly with a one-line page (4x the turns, under 5x the work)', () => {
    const base = fixture('motley-fool-flat.txt');
    const at = base.indexOf(' Duration:');
    const chunk = " Lina Ortiz -- Chief Financial Officer We shipped more -- a lot more. Jo Park Thanks, Lina. Jo Park said so, didn't he?";
    const page = (copies: number) => base.slice(0, at) + chunk.repeat(copies) + base.slice(at);
    expect(motleyFoolParser.parse(page(1000)).turns).toHaveLength(2007);
    expect(workRatio((text) => motleyFoolParser.parse(text), page, 100)).toBeLessThan(5);
  });

  it('parse never throws and keeps spans ordered inside the text', () => {
    const base = fixture('motley-fool-flat.txt');
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.nat({ max: base.length }), fc.nat({ max: 300 }), (noise, cut, drop) => {
        const text = base.slice(0, cut) + noise + base.slice(Math.min(base.length, cut + drop));
        expectOrderedSpans(text, motleyFoolParser.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
