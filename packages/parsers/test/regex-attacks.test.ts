import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { looksLikeHeaderLine, readCallHeader } from '../src/capiq-common.ts';
import { capiqParser } from '../src/formats/capiq.ts';
import { markdownParser } from '../src/formats/markdown.ts';
import { motleyFoolParser } from '../src/formats/motley-fool.ts';
import { seekingAlphaParser } from '../src/formats/seeking-alpha.ts';
import { readThread } from '../src/forum/blocks.ts';
import { splitNameDash } from '../src/labels.ts';
import { tsvCells } from '../src/tsv-table.ts';

/**
 * The attack strings recheck printed for the regexes these steps replaced, scaled so that 4x the
 * input stays inside the bounds the old patterns had (label lines of 200 characters, reaction
 * lines of 80, name words of 31, firms of 60): within them the old work grew with the square or
 * the cube of the input (its ratio, counted on the old code, is given for each); now it grows
 * with the input (2.2x to 3.9x).
 */
const ATTACKS: [string, (text: string) => unknown, (copies: number) => string, number][] = [
  // /^(.{1,150}?)\s+\(?EXCHANGE:TICKER\)?$/ was 14.6x: its run of spaces retried from each company length.
  ['a header line of tabs', (line) => [looksLikeHeaderLine(line), readCallHeader([line])], (copies) => `-${'\t'.repeat(copies)}x`, 40],
  // /^[^\n]{1,150}[ \t]EXCHANGE:TICKER[ \t]*$/m and /^[^*\n]{2,100}\*[^*\n]{2,150}\*[ \t]*$/m were 11.4x: every \r starts a line.
  ['a CapIQ page of carriage returns', (text) => capiqParser.detect(text), (copies) => '-\r'.repeat(copies), 20],
  // /^#{1,6}[ \t]+(.*)$/ was 13.4x: (.*) retried from each tab when a line break stops it.
  ['a Markdown heading of tabs', (text) => markdownParser.parse(text), (copies) => `#\t${'\t'.repeat(copies)}\u2028x`, 40],
  // The analyst-label regex was 11.1x: it read up to four words from every capital.
  ['a page of long capitalised words', (text) => motleyFoolParser.parse(text), (copies) => `Ann ${`${'A'.repeat(copies)} `.repeat(40)}-- Acme -- Analyst.`, 7],
  // / -- [^\n]{1,60}? -- Analyst\b/ was 9.2x: it scanned for a tail from every ' -- '.
  ['a page of spaced dashes', (text) => motleyFoolParser.detect(text), (copies) => ' --'.repeat(copies), 5],
  // /^(.+?)\s*\(TICKER\)/ was 12.5x: its spaces retried from each company length.
  ['a Seeking Alpha title of tabs', (text) => seekingAlphaParser.parse(text), (copies) => `A${'\t'.repeat(copies)}(`, 60],
  // /\s*x?\s*\d{1,6}$/i was 40.5x: every split of the spaces between its two \s* from every start.
  ['a reaction line of tabs', (text) => readThread(text), (copies) => `Post\n\nLike${'\t'.repeat(copies)}\u00000\n`, 18],
  // /^(.*?)\s+[-–—]{1,2}\s+(.*)$/ was 57.6x: two runs of tabs shared out between its three quantifiers.
  ['a dashed label of tabs and line breaks', (label) => splitNameDash(label), (copies) => `A${'\t'.repeat(copies)}-\n${'\t'.repeat(copies)}\u0000\n-\tB`, 50],
  // /^-+|-+$/g was 14.8x: a run of dashes rescanned from each when something follows.
  ['a table header cell of dashes', (block) => tsvCells(block), (copies) => `\tx${'-'.repeat(copies)}x\nRow\t1\n`, 100],
];

describe('recheck attack strings', () => {
  it.each(ATTACKS)('%s: 4x the input costs under 5x the work', (_, run, build, copies) => {
    expect(workRatio(run, build, copies)).toBeLessThan(5);
  });
});
