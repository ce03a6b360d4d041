import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { capiqParser } from '../src/formats/capiq.ts';
import { markdownParser } from '../src/formats/markdown.ts';
import { motleyFoolParser } from '../src/formats/motley-fool.ts';
import { seekingAlphaParser } from '../src/formats/seeking-alpha.ts';
import type { FormatParser } from '../src/types.ts';
import { expectCoverage, expectOrderedSpans, repairedSeed } from './span-checks.ts';

const TRANSCRIPT_PARSERS: readonly FormatParser[] = [capiqParser, seekingAlphaParser, markdownParser, motleyFoolParser];

/** Whatever the text: a score in 0..1, no exception, ordered spans inside the text that with the set-asides cover it. */
function expectSound(parser: FormatParser, text: string): void {
  const score = parser.detect(text);
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(1);
  const doc = parser.parse(text);
  expectOrderedSpans(text, doc);
  expectCoverage(text, doc);
}

// The pieces labels, headings, footers and lists are made of, for texts that come near every parser's rules.
const PIECES = [
  '\n',
  '\n\n',
  '  ',
  '\t',
  ' -- ',
  ' – ',
  ' - ',
  '*',
  '**',
  '## ',
  'Operator',
  'Unknown speaker',
  'Unidentified Analyst',
  'Ann Lee',
  'Bo Diaz -- Acme Securities -- Analyst',
  'Ann Lee*Chief Executive Officer*',
  '**Bo Diaz - Acme, Research Division**',
  'Chief Financial Officer',
  'Research Division',
  'Executives',
  'Analysts',
  'EXECUTIVES',
  'Call Participants',
  'Presentation',
  'Question and Answer',
  'Question-and-Answer Session',
  'Prepared Remarks:',
  'Questions & Answers:',
  'Duration: 3 minutes',
  'WWW.SPCAPITALIQ.COM',
  'Acme Corp. NYSE:ACME',
  'FQ2 2020 Earnings Call Transcripts',
  'Image source: The Motley Fool.',
  '[Technical Difficulty]',
  'Copyright policy:',
  'These materials have been prepared',
  '\\$',
  '😀',
];
const pieced = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), pieced);

const SEED_LINES = ['000_', '001_', '002_', '003_'].flatMap((prefix) => repairedSeed(prefix).split(/\n| {2,}/));
const shuffledLines = fc.shuffledSubarray(SEED_LINES, { minLength: 1, maxLength: 80 }).map((lines) => lines.join('\n'));

// A label-like string said over and over on one line: every parser must stay linear on it.
const REPEATED_LABELS = ['Elon R. Musk*CEO, Product Architect* ', '**Operator** ', 'Jo Park -- Acme -- Analyst ', 'Ann Lee – Acme Securities ', 'Ann Lee WWW.SPCAPITALIQ.COM** ', 'Ann Lee '];

describe.each(TRANSCRIPT_PARSERS.map((parser) => [parser.format, parser] as const))('%s parser on any input', (_format, parser) => {
  it('arbitrary text and label-shaped pieces: never throws, spans ordered and covering', () => {
    fc.assert(
      fc.property(anyText, (text) => expectSound(parser, text)),
      { numRuns: 300 },
    );
  });

  it('shuffled real lines of every seed: never throws, spans ordered and covering', () => {
    fc.assert(
      fc.property(shuffledLines, (text) => expectSound(parser, text)),
      { numRuns: 100 },
    );
  });

  it('a long run of whitespace-only lines after a word stays sound (regexes must not rescan it from every line)', () => {
    expectSound(parser, `Q${'\n '.repeat(60_000)}`);
  });

  it('a long unspaced run of word characters inside speech stays sound (name regexes must not rescan it)', () => {
    expectSound(parser, `Image source: The Motley Fool. Jo Park Hello ${'B0'.repeat(60_000)} -- Acme -- Analyst Duration: 3 minutes Jo Park`);
  });

  it.each(REPEATED_LABELS)('a label-like string repeated many times on one line (%j): sound and linear', (label) => {
    const line = (copies: number) => label.repeat(copies);
    expectSound(parser, line(2000));
    expect(workRatio((text) => parser.parse(text), line, 250)).toBeLessThan(5);
  });
});
