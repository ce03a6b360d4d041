import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { detectFormat } from '../src/index.ts';
import { markdownParser } from '../src/formats/markdown.ts';
import type { ParsedDocument } from '../src/types.ts';
import { expectCoverage, expectOrderedSpans, expectSpansOnSpeech, fixture, repairedSeed } from './span-checks.ts';

const turnStarting = (doc: ParsedDocument, words: string) => doc.turns.find((turn) => turn.text.startsWith(words));
const spanned = (text: string, start: number | null, end: number | null) => [...text].slice(start ?? 0, end ?? 0).join('');

describe('markdown seed 002 (through repairBytes)', () => {
  const text = repairedSeed('002_');
  const doc = markdownParser.parse(text);

  it('is detected from its content', () => {
    expect(detectFormat(text)?.format).toBe('markdown');
  });

  it('has no header: the metadata is left to the catalog', () => {
    expect(doc.metadata).toMatchObject({ company: null, ticker: null, exchange: null, fiscalYear: null, fiscalQuarter: null, eventDate: null, title: null });
    expect(doc.participants).toEqual([]);
  });

  it('starts mid-Q&A: the speech before the first label is an unknown speaker, and every turn is Q&A', () => {
    expect(doc.turns).toHaveLength(104);
    expect(doc.turns[0]).toMatchObject({ speakerLabel: null, speakerName: null, speakerType: 'unknown', section: 'qa' });
    expect(doc.turns[0]?.text.startsWith('Elon, the stock price and the results have been obviously performing very well lately.')).toBe(true);
    expect(doc.turns.every((turn) => turn.section === 'qa')).toBe(true);
  });

  it('reads **Name - Firm, Research Division** as an analyst and bare **Name** as the company', () => {
    expect(doc.turns[2]).toMatchObject({ speakerLabel: 'Adam Jonas - Morgan Stanley, Research Division', speakerName: 'Adam Jonas', speakerType: 'analyst', speakerOrg: 'Morgan Stanley, Research Division' });
    expect(doc.turns[1]).toMatchObject({ speakerLabel: 'Elon R. Musk', speakerName: 'Elon R. Musk', speakerType: 'executive' });
    expect(doc.turns.at(-1)).toMatchObject({ speakerName: 'Jeff Evanson', speakerType: 'executive', text: expect.stringMatching(/^Okay\. Thank you very much, everyone.*Have a great day\.$/) });
    const count = (type: string) => doc.turns.filter((turn) => turn.speakerType === type).length;
    expect([count('operator'), count('executive'), count('analyst'), count('unknown')]).toEqual([12, 55, 36, 1]);
  });

  it('reads labels wrapped in headings (## **Operator**, ### **Deepak Ahuja**)', () => {
    expect(turnStarting(doc, 'Our next question comes from Brian Johnson with Barclays.')).toMatchObject({ speakerLabel: 'Operator', speakerType: 'operator' });
    expect(turnStarting(doc, 'At the same time, we see very good demand in China')).toMatchObject({ speakerLabel: 'Deepak Ahuja', speakerType: 'executive' });
    expect(turnStarting(doc, 'I see that you\'re guiding to a strong 28% gross margins')).toMatchObject({ speakerName: 'Ryan J. Brinkman', speakerOrg: 'JP Morgan Chase & Co, Research Division' });
  });

  it('joins paragraphs broken mid-sentence by a page break, keeps the others', () => {
    expect(doc.issues.filter((issue) => issue.code === 'parse/page-break-joined')).toHaveLength(8);
    expect(doc.turns[13]?.text).toContain("away from manufacturing in China, but we do expect to do that in the long term.");
    expect(turnStarting(doc, 'Good. Fair enough. And then just housekeeping for Deepak.')?.speakerName).toBe('Benjamin J. Kallo');
    expect(turnStarting(doc, 'Sure. Well, I mean, first of all')?.text).toContain('just be in the best possible situation from an environmental standpoint.');
  });

  it('keeps bracketed notes inline and lists them as info issues', () => {
    expect(doc.turns[2]?.text).toContain('follow up [ph] or anything');
    const notes = doc.issues.filter((issue) => issue.code === 'parse/bracketed-note');
    expect(notes.map((issue) => spanned(text, issue.char_start, issue.char_end))).toContain('[ph]');
    expect(notes.every((issue) => issue.severity === 'info')).toBe(true);
  });

  it('spans point at the speech and, with labels and set-asides, cover the text', () => {
    expectSpansOnSpeech(text, doc);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });
});

describe('markdown variants', () => {
  it('another company with a header, a participant list, headings, footers and a relabelled speaker', () => {
    const text = fixture('markdown-orion.md');
    expect(detectFormat(text)?.format).toBe('markdown');
    const doc = markdownParser.parse(text);
    expect(doc.metadata).toMatchObject({ company: 'Orion Air Inc.', exchange: 'NYSE', ticker: 'ORA', fiscalYear: 2021, fiscalQuarter: 1, eventDate: '2021-05-04' });
    expect(doc.participants).toEqual([
      { name: 'Kate Moss', role: 'Chief Executive Officer', org: 'Orion Air Inc.', speakerType: 'executive' },
      { name: 'Ivan Petrov', role: 'Chief Financial Officer', org: 'Orion Air Inc.', speakerType: 'executive' },
      { name: 'Lucy Grant', role: null, org: 'Evercore ISI Institutional Equities, Research Division', speakerType: 'analyst' },
    ]);
    expect(doc.turns.map((turn) => [turn.speakerLabel, turn.speakerName, turn.speakerType, turn.speakerOrg, turn.section, turn.text])).toEqual([
      ['Operator', 'Operator', 'operator', null, 'presentation', 'Good afternoon, and welcome to the Orion Air first quarter call. I will now hand over to Kate Moss.'],
      ['Kate Moss', 'Kate Moss', 'executive', 'Orion Air Inc.', 'presentation', 'Thank you. Bookings recovered faster than we planned, and we now expect the summer schedule to be 80% of 2019.'],
      ['Ivan Petrov', 'Ivan Petrov', 'executive', 'Orion Air Inc.', 'presentation', 'Kate Moss said bookings. I will add that cash burn fell to $2 million a day.'],
      ['Operator', 'Operator', 'operator', null, 'qa', 'Our first question comes from Lucy Grant with Evercore.'],
      ['Lucy Grant - Evercore ISI Institutional Equities, Research Division', 'Lucy Grant', 'analyst', 'Evercore ISI Institutional Equities, Research Division', 'qa', 'How much of the $2 million is fuel?'],
      ['Ivan Petrov', 'Ivan Petrov', 'executive', 'Orion Air Inc.', 'qa', 'About a third.\nAnd falling.'],
      ['Unidentified Analyst', null, 'analyst', null, 'qa', '[Technical Difficulty]'],
      ['Kate Moss', 'Kate Moss', 'executive', 'Orion Air Inc.', 'qa', 'Thank you all for joining.'],
    ]);
    const asides = doc.issues.filter((issue) => !['parse/bracketed-note', 'parse/page-break-joined', 'parse/unescaped'].includes(issue.code));
    expect(asides.map((issue) => [issue.code, spanned(text, issue.char_start, issue.char_end).slice(0, 24)])).toEqual([
      ['parse/document-header', '# Orion Air Inc. NYSE:OR'],
      ['parse/participant-list', '## Call Participants\n\n**'],
      ['parse/section-heading', '## Presentation'],
      ['parse/section-heading', '## Question and Answer'],
      ['parse/page-footer', 'WWW.SPCAPITALIQ.COM'],
      ['parse/page-footer', '**WWW.SPCAPITALIQ.COM**'],
    ]);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });

  it('a header-less fragment: leading speech unknown, a firm without Research Division, the host opening the Q&A', () => {
    const text = fixture('markdown-fragment.md');
    expect(detectFormat(text)?.format).toBe('markdown');
    const doc = markdownParser.parse(text);
    expect(doc.turns.map((turn) => [turn.speakerLabel, turn.speakerType, turn.speakerOrg, turn.section, turn.text])).toEqual([
      [null, 'unknown', null, 'presentation', 'which is why the new plant matters so much to us.'],
      ['Nadia Flores', 'executive', null, 'qa', 'Thanks, Greg. Greg Hall covered volumes, so let me take margins: they rose to 31% in the quarter, helped by pricing and a lighter freight bill. With that, let\'s open the line for questions.'],
      ['Operator', 'operator', null, 'qa', 'Our first question comes from Sam Li with Morgan Stanley.'],
      ['Sam Li - Morgan Stanley', 'analyst', 'Morgan Stanley', 'qa', 'Nadia, can margins hold above 30%?'],
      ['Nadia Flores', 'executive', null, 'qa', 'We think so.'],
      ['Greg Hall', 'executive', null, 'qa', 'Yes. Nadia Flores and I agree on that.'],
    ]);
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });

  it('a dash label naming the company is one of its people', () => {
    const text = ['# Orion Air Inc. NYSE:ORA', '', '**Operator**', '', 'Welcome.', '', '**Kate Moss - Orion Air Inc.**', '', 'Thanks.', '', '**Sam Li - Morgan Stanley**', '', 'Hello.'].join('\n');
    const doc = markdownParser.parse(text);
    expect(doc.turns.map((turn) => [turn.speakerName, turn.speakerType])).toEqual([
      ['Operator', 'operator'],
      ['Kate Moss', 'executive'],
      ['Sam Li', 'analyst'],
    ]);
  });

  it('parsing work grows linearly with the transcript (4x the turns, under 5x the work)', () => {
    const base = fixture('markdown-orion.md');
    const at = base.indexOf('**Kate Moss**\n\nThank you all');
    const chunk = '## **Lucy Grant - Evercore ISI Institutional Equities, Research Division**\n\nAnd the fuel share\n\nnext year?\n\n**Ivan Petrov****WWW.SPCAPITALIQ.COM**\n\nLower [ph].\n\n';
    const transcript = (copies: number) => base.slice(0, at) + chunk.repeat(copies) + base.slice(at);
    expect(markdownParser.parse(transcript(100)).turns).toHaveLength(208);
    expect(workRatio((text) => markdownParser.parse(text), transcript, 100)).toBeLessThan(5);
  });
});
