import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { detectFormat } from '../src/index.ts';
import { capiqParser } from '../src/formats/capiq.ts';
import type { ParsedDocument } from '../src/types.ts';
import { expectCoverage, expectOrderedSpans, expectSpansOnSpeech, fixture, repairedSeed } from './span-checks.ts';

const turnStarting = (doc: ParsedDocument, words: string) => doc.turns.find((turn) => turn.text.startsWith(words));
const codes = (doc: ParsedDocument) => doc.issues.map((issue) => issue.code);
/** The text an issue's span covers. */
const spanned = (text: string, start: number | null, end: number | null) => [...text].slice(start ?? 0, end ?? 0).join('');

describe('capiq seed 000 (through repairBytes)', () => {
  const text = repairedSeed('000_');
  const doc = capiqParser.parse(text);

  it('is detected from its content', () => {
    expect(detectFormat(text)?.format).toBe('capiq');
  });

  it('reads the header: company, exchange:ticker, fiscal period, the call date in the exchange time zone', () => {
    expect(doc.metadata).toEqual({
      company: 'Tesla, Inc.',
      ticker: 'TSLA',
      exchange: 'NasdaqGS',
      fiscalYear: 2017,
      fiscalQuarter: 2,
      eventDate: '2017-08-02',
      title: 'FQ2 2017 Earnings Call Transcripts',
      eventType: 'earnings_call',
    });
  });

  it('rebuilds the estimates table into cells', () => {
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.turnIndex).toBeNull();
    expect(doc.tables[0]?.cells.map((cell) => [cell.row, cell.col, cell.rowLabel, cell.colLabel, cell.text])).toEqual([
      [0, 0, 'EPS Normalized', 'FQ2 2017 CONSENSUS', '(1.92)'],
      [0, 1, 'EPS Normalized', 'FQ2 2017 ACTUAL', '(1.33)'],
      [0, 2, 'EPS Normalized', 'FQ2 2017 SURPRISE', 'NM'],
      [0, 3, 'EPS Normalized', 'FQ3 2017 CONSENSUS', '(1.58)'],
      [0, 4, 'EPS Normalized', 'FY 2017 CONSENSUS', '(6.14)'],
      [0, 5, 'EPS Normalized', 'FY 2018 CONSENSUS', '(0.78)'],
      [1, 0, 'Revenue (mm)', 'FQ2 2017 CONSENSUS', '2496.05'],
      [1, 1, 'Revenue (mm)', 'FQ2 2017 ACTUAL', '2789.56'],
      [1, 2, 'Revenue (mm)', 'FQ2 2017 SURPRISE', '▲ 11.76'],
      [1, 3, 'Revenue (mm)', 'FQ3 2017 CONSENSUS', '2784.32'],
      [1, 4, 'Revenue (mm)', 'FY 2017 CONSENSUS', '11424.19'],
      [1, 5, 'Revenue (mm)', 'FY 2018 CONSENSUS', '20151.02'],
    ]);
  });

  it('reads the interleaved participant columns, classing research analysts listed under EXECUTIVES by their firm line', () => {
    expect(doc.participants).toHaveLength(17);
    expect(doc.participants.filter((p) => p.speakerType === 'executive').map((p) => p.name)).toEqual(['Deepak Ahuja', 'Elon R. Musk', 'Jeff Evanson', 'Jeffrey B. Straubel', 'Jonathan McNeill']);
    expect(doc.participants.find((p) => p.name === 'Elon R. Musk')).toEqual({ name: 'Elon R. Musk', role: 'CEO, Product Architect, Chairman & Co-Founder', org: 'Tesla, Inc.', speakerType: 'executive' });
    expect(doc.participants.find((p) => p.name === 'David J. Tamberrino')).toEqual({ name: 'David J. Tamberrino', role: null, org: 'Goldman Sachs Group Inc., Research Division', speakerType: 'analyst' });
    expect(doc.participants.find((p) => p.name === 'James Joseph Albertine')).toEqual({ name: 'James Joseph Albertine', role: null, org: 'Consumer Edge Research, LLC', speakerType: 'analyst' });
  });

  it('cuts 176 turns, the Q&A from its heading on', () => {
    expect(doc.turns).toHaveLength(176);
    expect(doc.turns.findIndex((turn) => turn.section === 'qa')).toBe(25);
    expect(doc.turns[24]).toMatchObject({ speakerName: 'Elon R. Musk', section: 'presentation', text: 'One question, Part A through H.' });
    expect(doc.turns[25]).toMatchObject({ speakerLabel: 'Operator', speakerName: 'Operator', speakerType: 'operator', section: 'qa' });
    expect(doc.turns.at(-1)).toMatchObject({ speakerLabel: 'Operator', text: 'Ladies and gentlemen, thank you for participating in today\'s conference. This does conclude the program. You may all disconnect and have a wonderful day.' });
  });

  it('a label followed only by a note is a turn whose text is the note', () => {
    expect(doc.turns.slice(2, 5).map((turn) => [turn.speakerName, turn.text])).toEqual([
      ['Elon R. Musk', '[Technical Difficulty]'],
      ['Jeff Evanson', "Yes, apparently, we're having trouble hearing Elon. Try a different microphone."],
      ['Elon R. Musk', 'Hear me?\n[Technical Difficulty]'],
    ]);
    expect(doc.issues.filter((issue) => issue.code === 'parse/bracketed-note').every((issue) => issue.severity === 'info')).toBe(true);
    expect(doc.issues.filter((issue) => issue.code === 'parse/bracketed-note')).toHaveLength(26);
  });

  it('reads inline Name*Role* labels', () => {
    expect(turnStarting(doc, 'Sharie, are we in the call now?')).toMatchObject({ speakerLabel: 'Jeff Evanson', speakerRole: 'Vice President of Investor Relations', speakerOrg: 'Tesla, Inc.', speakerType: 'executive' });
    expect(turnStarting(doc, 'Just one from me.')).toMatchObject({ speakerName: 'Alexander Eugene Potter', speakerOrg: 'Piper Jaffray Companies, Research Division', speakerType: 'analyst' });
  });

  it('sets the page footer aside between a label and its role, between a role and the speech, and fused onto a label', () => {
    expect(turnStarting(doc, "Okay. That's very helpful.")).toMatchObject({ speakerName: 'Ryan J. Brinkman', speakerOrg: 'JP Morgan Chase & Co, Research Division', speakerType: 'analyst' });
    expect(turnStarting(doc, "It's a denominator problem.")).toMatchObject({ speakerName: 'Jeffrey B. Straubel', text: "It's a denominator problem." });
    expect(turnStarting(doc, 'And what about, just as a follow-up, the charge time?')).toMatchObject({ speakerLabel: 'Colin Langan', speakerOrg: 'UBS Investment Bank, Research Division' });
    const footers = doc.issues.filter((issue) => issue.code === 'parse/page-footer').map((issue) => spanned(text, issue.char_start, issue.char_end));
    expect(footers).toEqual(['WWW.SPCAPITALIQ.COM', '**WWW.SPCAPITALIQ.COM**', 'WWW.SPCAPITALIQ.COM']);
  });

  it('joins paragraphs split across a page break, and only those', () => {
    expect(doc.turns.find((turn) => turn.text.includes('leave as much time for questions as we can.'))?.speakerName).toBe('Elon R. Musk');
    expect(doc.turns.find((turn) => turn.text.includes("I wish -- if I could answer you right now"))?.speakerName).toBe('Elon R. Musk');
    expect(codes(doc).filter((code) => code === 'parse/page-break-joined')).toHaveLength(3);
    expect(turnStarting(doc, 'Good day, ladies and gentlemen')?.text.split('\n')).toHaveLength(2);
  });

  it('sets the header, the table, the participant list and the legal notice aside, not in any turn', () => {
    const asides = doc.issues.filter((issue) => ['parse/document-header', 'parse/estimates-table', 'parse/participant-list', 'parse/legal-boilerplate'].includes(issue.code));
    expect(asides.map((issue) => [issue.code, spanned(text, issue.char_start, issue.char_end).slice(0, 30)])).toEqual([
      ['parse/document-header', 'Tesla, Inc. NasdaqGS:TSLA\n\nFQ2'],
      ['parse/estimates-table', '\t-FQ2 2017-\t\t\t-FQ3 2017-\t-FY 2'],
      ['parse/document-header', 'Currency: USD\n\nConsensus as of'],
      ['parse/participant-list', 'Call Participants\n\nEXECUTIVES\n'],
      ['parse/legal-boilerplate', 'The information in the transcr'],
    ]);
    expect(doc.turns.some((turn) => turn.text.includes('Capital IQ'))).toBe(false);
  });

  it('spans point at the speech and, with labels and set-asides, cover the text', () => {
    expectSpansOnSpeech(text, doc);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });
});

describe('capiq variants', () => {
  it('another company: analyst under EXECUTIVES, footers around labels, trailing spaces, a note-only turn, a relabelled speaker, boilerplate', () => {
    const text = fixture('capiq-northwind.txt');
    expect(detectFormat(text)?.format).toBe('capiq');
    const doc = capiqParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: 'Northwind Foods Corp.', exchange: 'NYSE', ticker: 'NWF', fiscalYear: 2019, fiscalQuarter: 4, eventDate: '2020-02-13' });
    expect(doc.participants.map((p) => [p.name, p.speakerType, p.role ?? p.org])).toEqual([
      ['Dana Wu', 'executive', 'Chief Executive Officer'],
      ['Leo Brandt', 'analyst', 'KeyBanc Capital Markets Inc., Research Division'],
      ['Omar Haddad', 'executive', 'Senior Vice President of Finance & Treasurer'],
      ['Priya Raman', 'analyst', 'Stifel, Nicolaus & Company, Incorporated, Research Division'],
    ]);
    expect(doc.turns.map((turn) => [turn.speakerLabel, turn.speakerName, turn.speakerType, turn.speakerOrg, turn.section, turn.text])).toEqual([
      ['Operator', 'Operator', 'operator', null, 'presentation', 'Good morning, and welcome to the Northwind Foods fourth quarter call. [Operator Instructions] I will now turn the call over to Dana Wu.'],
      ['Dana Wu', 'Dana Wu', 'executive', 'Northwind Foods Corp.', 'presentation', 'Thank you. With me is Omar Haddad. Sales rose 4% in the quarter, and we expect the same pace next year. Omar?'],
      ['Omar Haddad', 'Omar Haddad', 'executive', 'Northwind Foods Corp.', 'presentation', '[Technical Difficulty]'],
      ['Dana Wu', 'Dana Wu', 'executive', 'Northwind Foods Corp.', 'presentation', 'While Omar reconnects, a word on margins: they held at 21%.'],
      ['Operator', 'Operator', 'operator', null, 'qa', '[Operator Instructions] Our first question comes from Leo Brandt with KeyBanc.'],
      ['Leo Brandt', 'Leo Brandt', 'analyst', 'KeyBanc Capital Markets Inc., Research Division', 'qa', 'Dana Wu, how did pricing hold up?'],
      ['Dana Wu', 'Dana Wu', 'executive', 'Northwind Foods Corp.', 'qa', 'Pricing held. Omar Haddad can say more.'],
      ['Omar Haddad', 'Omar Haddad', 'executive', 'Northwind Foods Corp.', 'qa', 'It held, yes.'],
      ['Priya Raman', 'Priya Raman', 'analyst', 'Stifel, Nicolaus & Company, Incorporated, Research Division', 'qa', 'And volumes?'],
      ['Unidentified Analyst', null, 'analyst', null, 'qa', 'One more on volumes, if I may.'],
      ['Dana Wu', 'Dana Wu', 'executive', 'Northwind Foods Corp.', 'qa', 'Flat.\nAnd that is all the time we have.'],
      ['Operator', 'Operator', 'operator', null, 'qa', 'This concludes the call.'],
    ]);
    expect(doc.turns[10]?.labelSpans).toHaveLength(2);
    expect(doc.issues.filter((issue) => issue.code === 'parse/page-footer').map((issue) => spanned(text, issue.char_start, issue.char_end))).toEqual([
      'WWW.SPCAPITALIQ.COM',
      'WWW.SPCAPITALIQ.COM',
      'WWW.SPCAPITALIQ.COM',
      '**WWW.SPCAPITALIQ.COM**',
    ]);
    expect(codes(doc)).toEqual(expect.arrayContaining(['parse/document-header', 'parse/estimates-table', 'parse/participant-list', 'parse/page-break-joined', 'parse/legal-boilerplate']));
    expect(doc.tables[0]?.cells.find((cell) => cell.rowLabel === 'Revenue (mm)' && cell.colLabel === 'FQ4 2019 SURPRISE')?.text).toBe('▼ (1.75)');
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });

  it('a header-less fragment with no participant list and no Q&A heading', () => {
    const text = fixture('capiq-fragment.txt');
    expect(detectFormat(text)?.format).toBe('capiq');
    const doc = capiqParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: null, ticker: null, fiscalYear: null, eventDate: null });
    expect(doc.participants).toEqual([]);
    expect(doc.turns.map((turn) => [turn.speakerLabel, turn.speakerType, turn.speakerRole, turn.speakerOrg, turn.section, turn.text])).toEqual([
      [null, 'unknown', null, null, 'presentation', 'and that is why we raised the dividend again this year.\nSo with that, operator, please open the line.'],
      ['Operator', 'operator', null, null, 'qa', 'Thank you. Our first question comes from Hana Sato with Barclays.'],
      ['Hana Sato', 'analyst', null, 'Barclays PLC, Research Division', 'qa', 'Good morning. Could you talk about freight costs -- and where they go from here?'],
      ['Rui Costa', 'executive', 'Chief Financial Officer', null, 'qa', 'Freight costs fell 6%. Hana Sato asked this last year, too.'],
      ['Hana Sato', 'analyst', null, 'Barclays PLC, Research Division', 'qa', '[Inaudible]'],
      ['Rui Costa', 'executive', 'Chief Financial Officer', null, 'qa', 'Sorry, you broke up.'],
    ]);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });

  it('a one-word line before a role-like line is speech, not a label', () => {
    const text = ['Presentation', '', 'Ann Lee', '', 'Chief Executive Officer', '', 'Yes.', '', 'Ann Lee*Chief Executive Officer*', '', 'More.'].join('\n');
    const doc = capiqParser.parse(text);
    expect(doc.turns.map((turn) => [turn.speakerName, turn.text])).toEqual([['Ann Lee', 'Yes.\nMore.']]);
  });

  it('parsing work grows linearly with the transcript (4x the turns, under 5x the work)', () => {
    const base = fixture('capiq-northwind.txt');
    const at = base.indexOf('Operator\n\nThis concludes');
    const chunk = 'Dana Wu*Chief Executive Officer*\n\nPricing held, and so did\n\nWWW.SPCAPITALIQ.COM\n\nvolumes.\n\nLeo Brandt\n\nKeyBanc Capital Markets Inc., Research Division\n\n[Inaudible]\n\n';
    const transcript = (copies: number) => base.slice(0, at) + chunk.repeat(copies) + base.slice(at);
    // The first copy's Dana Wu continues the turn she ends the base with.
    expect(capiqParser.parse(transcript(100)).turns).toHaveLength(211);
    expect(workRatio((text) => capiqParser.parse(text), transcript, 100)).toBeLessThan(5);
  });
});
