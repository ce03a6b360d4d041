import { readFileSync, readdirSync } from 'node:fs';
import { documentIdFromSha256, placeholderSpeakerId, sha256Hex } from '@callset/schema';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/index.ts';
import { forumParser } from '../src/formats/forum.ts';
import type { ParsedDocument, ParsedTableCell } from '../src/types.ts';
import { expectCoverage, fixture, repairedSeed } from './span-checks.ts';

interface GoldPost {
  speaker: string;
  speaker_type: string;
  section: string;
  first_words: string;
  reply_to: number[];
  mentions: string[];
}

const gold = JSON.parse(fixture('forum-seed-posts.json')) as { document_id: string; posts: GoldPost[] };
const seedBytes = readFileSync(new URL(`../../../seeds/${readdirSync(new URL('../../../seeds/', import.meta.url)).find((f) => f.startsWith('004_'))}`, import.meta.url));

const firstWords = (text: string, count = 8) => text.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
const lineOf = (text: string, offset: number) => [...text].slice(0, offset).join('').split('\n').length;

/** A table written as the reader sees it: column labels, then rows of [row label, ...cells]; null is an empty cell. */
function cellsOf(colLabels: (string | null)[], rows: (string | null)[][]): ParsedTableCell[] {
  return rows.flatMap(([rowLabel = null, ...cells], row) => colLabels.map((colLabel, col) => ({ row, col, rowLabel, colLabel, text: cells[col] ?? null })));
}

/** Turns are in thread order, which may put a post whose only copy follows its reply ahead of it: spans never overlap. */
function expectDisjointSpans(text: string, doc: ParsedDocument) {
  const spans = doc.turns.map((turn) => [turn.charStart, turn.charEnd] as const).sort((a, b) => a[0] - b[0]);
  spans.forEach(([start, end], i) => {
    expect(end).toBeGreaterThan(start);
    expect(start).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
    expect(end).toBeLessThanOrEqual([...text].length);
  });
}

/** Each line of a post's text lies, in order, inside the post's span. */
function expectTextInSpan(text: string, doc: ParsedDocument) {
  const points = [...text];
  for (const turn of doc.turns) {
    const slice = points.slice(turn.charStart, turn.charEnd).join('');
    let from = 0;
    for (const line of turn.text.split('\n')) {
      const at = slice.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
  }
}

const ORIGINAL_LABELS = [
  'est model 3 manuf deprciation',
  'per model 3',
  'blended manuf deprciation per 3',
  'stock-based comp per model 3',
  'estimated cogs per model 3',
  'minus non-cash cogs',
  'est cash cogs per model 3',
  'est model 3 cash gm',
  'est model 3 gaap gm',
];
const QUARTERS = ['luv q4-18e', 'luv q3-18e', 'Jun-18', 'Mar-18'];

describe('forum seed 004 (through repairBytes)', () => {
  const text = repairedSeed('004_');
  const doc = forumParser.parse(text);

  it('is detected as a forum thread and titled by its thread title', () => {
    expect(detectFormat(text)?.format).toBe('forum');
    expect(doc.metadata).toMatchObject({ title: 'Near-future quarterly financial projections', eventType: 'forum_thread' });
    expect(doc.participants).toEqual([]);
  });

  // Known failure (asserted, so that a fix is noticed): gold post 13 is seen once, after the reply that
  // answers it, with no separator and no other copy; no text match can find it, so it stays inside post 14.
  const HIDDEN = 13;
  const expected = gold.posts
    .filter((_, i) => i !== HIDDEN)
    .map((post) => ({ ...post, reply_to: post.reply_to.filter((q) => q !== HIDDEN).map((q) => (q > HIDDEN ? q - 1 : q)) }));

  it('has the hand-read distinct posts, in order, with their replies and mentions', () => {
    expect(gold.posts).toHaveLength(20);
    expect(doc.turns).toHaveLength(19);
    expect(doc.turns.map((turn) => ({ first_words: firstWords(turn.text), reply_to: turn.replyTo, mentions: turn.mentions ?? [] }))).toEqual(
      expected.map(({ first_words, reply_to, mentions }) => ({ first_words, reply_to, mentions })),
    );
  });

  it('still keeps the post seen only after its reply inside that reply (known failure)', () => {
    const merged = doc.turns[HIDDEN];
    expect(firstWords(merged?.text ?? '')).toBe(gold.posts[HIDDEN + 1]?.first_words);
    expect(merged?.text.split('\n').slice(-2)).toEqual([
      'What do you think is the major reason for analyst consensus estimate for Q3 to be negative, while I understand, that consensus here is positive Q3 eps?',
      'TSLA Analyst Opinion | Analyst Estimates | Tesla, Inc. Stock - Yahoo Finance',
    ]);
  });

  it('gives every post to the per-document forum member, in the post section', () => {
    const documentId = documentIdFromSha256(sha256Hex(seedBytes));
    expect(documentId).toBe(gold.document_id);
    for (const post of gold.posts) expect([post.speaker, post.speaker_type, post.section]).toEqual([placeholderSpeakerId.forumMember(documentId), 'forum_member', 'post']);
    // No author in the scrape: a null name is what makes the pipeline use the placeholder (is_person false).
    for (const turn of doc.turns) expect(turn).toMatchObject({ speakerLabel: null, speakerName: null, speakerType: 'forum_member', section: 'post' });
  });

  it('keeps no boilerplate, quote markup or table markup in any post', () => {
    const banned = [
      'Welcome to Tesla Motors Club',
      'Discuss Tesla',
      'Register',
      'Near-future quarterly financial projections',
      'This site may earn commission',
      'Last edited',
      'Reactions:',
      'Informative',
      'Fact Checking',
      '[TD2]',
      '[/TD2]',
      'Code:',
      '-----',
      '......',
    ];
    for (const turn of doc.turns) for (const string of banned) expect(turn.text, string).not.toContain(string);
    for (const turn of doc.turns) expect(turn.text.split('\n').filter((line) => line === '.')).toEqual([]);
  });

  it('keeps each post once: a paragraph is shared only where its author re-typed it in two posts', () => {
    const holders = new Map<string, number[]>();
    doc.turns.forEach((turn, i) => new Set(turn.text.split('\n')).forEach((line) => holders.set(line, [...(holders.get(line) ?? []), i])));
    const shared = [...holders].filter(([, posts]) => posts.length > 1).map(([line, posts]) => [firstWords(line, 5), posts]);
    expect(shared).toEqual([
      ['*edit* just thinking warranty reserve', [3, 7]],
      ['*edit-edit* including warranty reserve as', [3, 7]],
      ["here's one comment in the", [4, 7]],
      ['Model 3 gross margin turned', [4, 7]],
      ["here's the other comment in", [4, 7]],
      ['Model 3 gross profit excluding', [4, 7]],
    ]);
    expect(new Set(doc.turns.map((turn) => firstWords(turn.text, 12))).size).toBe(doc.turns.length);
  });

  it('reads the post quoted three times from its first copy, and its replies from their own words', () => {
    expect(doc.turns[1]?.text.split('\n')).toHaveLength(4);
    expect(doc.turns[1]?.text.endsWith('with a short term boost of as much as 3% possible.')).toBe(true);
    expect(doc.turns[2]?.text.startsWith('Almost but not quite correct.')).toBe(true);
    expect(doc.turns[6]?.text.split('\n')).toHaveLength(2);
    expect(doc.turns[11]?.text.split('\n')[0]).toBe('If you email Tesla IR with a list of questions they should get back to you?');
    expect(doc.turns[9]?.text).toBe(
      'Effectively, there is a cliff edge in the production costs for the SR RWD because of fewer and less expensive parts. Compared to the currently available RWD version ($49k+), the $35k SR RWD has a smaller battery, no premium upgrades package, and uses less LTE bandwidth. In addition, by the time the SR is produced in the beginning of 2019, the factory should already be at or near 8k/week so depreciation will be spread out over even more cars.',
    );
    expect(doc.turns[10]?.text).toBe('Ah yes thanks, of course. I’d better not make any important decisions today, my brain has obviously vacated the building.');
    expect(doc.turns[18]?.text).toMatch(/^Very interesting\.\.\. thanks.*"haters gonna hate"\.$/);
  });

  it('keeps bullets and *edit* notes readable in the text', () => {
    expect(doc.turns[3]?.text.split('\n').slice(0, 3)).toEqual([
      '*edit* just thinking warranty reserve should be included here as well. will come back with a refresh in a bit.',
      "*edit-edit* including warranty reserve as a non-cash cogs item will push cash gross margin far over 30% in q3 and doesn't seem sensible. so going to leave the discussion as it is for now.",
      'i have been thinking over the discussion with @Reality below.',
    ]);
    expect(doc.turns[17]?.text.split('\n').slice(0, 4)).toEqual([
      'Yeah, so this is why I tried to establish historic patterns for the past couple of years, and Tesla seems to have earned more credits per unit, despite:',
      '• growing sales',
      '• growing international sales',
      'I.e. the assumptions I made in my estimates are pretty conservative.',
    ]);
    expect(doc.turns[15]?.text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(8);
    expect(doc.turns[11]?.text).toContain('\n• Model 3 gross margin turned slightly positive in Q2, expecting roughly 15% in Q3.\n');
  });

  it('rebuilds the original [TD2] table of post 3 with its row labels, and takes its lines out of the text', () => {
    const table = doc.tables[0];
    expect(table?.turnIndex).toBe(3);
    expect(table?.cells).toEqual(
      cellsOf(QUARTERS, [
        [ORIGINAL_LABELS[0] ?? '', '135,000', '125,000', '115,000', '95,000'],
        [ORIGINAL_LABELS[1] ?? '', '2.25', '2.50', '4.02', '9.73'],
        [ORIGINAL_LABELS[2] ?? '', '2.31', '2.84', '4.65', '12.61'],
        [ORIGINAL_LABELS[3] ?? '', '-0.65', '0.35', '0.32', '0.50'],
        [ORIGINAL_LABELS[4] ?? '', '45.24', '50.40', '53.29', '70.15'],
        [ORIGINAL_LABELS[5] ?? '', '1.66', '3.19', '4.98', '13.11'],
        [ORIGINAL_LABELS[6] ?? '', '43.58', '47.21', '48.31', '57.04'],
        [ORIGINAL_LABELS[7] ?? '', '33.1%', '27.1%', '15.5%', '-0.4%'],
        [ORIGINAL_LABELS[8] ?? '', '22.0%', '16.0%', '4.5%', '-23.5%'],
      ]),
    );
    expect(doc.turns[3]?.text.split('\n').at(-1)).toBe(
      "i don't want to go into what drives every single line below, but you'll get the idea of how the evolution of depreciation and subtraction of sbc + dep from cogs will impact cash gross margin.",
    );
    for (const label of ORIGINAL_LABELS) expect(doc.turns[3]?.text.split('\n')).not.toContain(label);
  });

  it('rebuilds the revised [TD2] table of post 7 with its own spelling of the labels', () => {
    const table = doc.tables[1];
    expect(table?.turnIndex).toBe(7);
    expect(table?.cells).toEqual(
      cellsOf(QUARTERS, [
        ['est model 3 manuf deprication', '135,000', '125,000', '115,000', '95,000'],
        ['per model 3', '2.25', '2.50', '4.02', '9.73'],
        ['blended manuf deprctn per 3', '2.31', '2.84', '4.65', '12.61'],
        ['stock-based comp per model 3', '0.34', '0.32', '0.32', '0.50'],
        ['estimated cogs per model 3', '45.24', '50.40', '53.29', '70.15'],
        ['minus non-cash cogs', '2.65', '3.17', '4.98', '13.11'],
        ['est cash cogs per model 3', '42.59', '47.23', '48.31', '57.04'],
        ['est model 3 cash gm', '36.2%', '27.0%', '15.5%', '-0.4%'],
        ['est model 3 gaap gm', '22.0%', '16.0%', '4.5%', '-23.5%'],
      ]),
    );
  });

  it('rebuilds the Code: ZEV table of post 15, with ...... cells null, and no table from quoted copies', () => {
    expect(doc.tables).toHaveLength(3);
    expect(doc.tables[2]?.turnIndex).toBe(15);
    expect(doc.tables[2]?.cells).toEqual(
      cellsOf(
        ['deliveries', 'ZEV sold', 'ZEV per quarter', 'ZEV per car'],
        [
          ['2016', '76,230', '$302.3m', '$75.5m', '$3,965'],
          ['2017', '81,824', '$360.3m', '$90.0m', '$4,403'],
          ['2018H1', '70,720', '$134.3m', null, null],
        ],
      ),
    );
    expect(doc.tables.map((table) => [lineOf(text, table.charStart), lineOf(text, table.charEnd)])).toEqual([
      [37, 46],
      [102, 111],
      [202, 207],
    ]);
  });

  it('reports every removed line, quote and rebuilt table with its span', () => {
    const rows = doc.issues.map((issue) => [issue.code, lineOf(text, issue.char_start ?? 0), lineOf(text, issue.char_end ?? 0)]);
    expect(rows).toEqual([
      ['forum/boilerplate-removed', 1, 1],
      ['forum/boilerplate-removed', 2, 2],
      ['forum/boilerplate-removed', 3, 3],
      ['forum/boilerplate-removed', 5, 5],
      ['forum/boilerplate-removed', 7, 7],
      ['forum/table-rebuilt', 37, 46],
      ['forum/boilerplate-removed', 73, 73],
      ['forum/quote-removed', 74, 75],
      ['forum/quote-removed', 79, 85],
      ['forum/boilerplate-removed', 89, 89],
      ['forum/boilerplate-removed', 90, 90],
      ['forum/table-rebuilt', 102, 111],
      ['forum/boilerplate-removed', 116, 116],
      ['forum/quote-removed', 119, 119],
      ['forum/quote-removed', 125, 125],
      ['forum/residue-removed', 126, 126],
      ['forum/quote-removed', 128, 128],
      ['forum/boilerplate-removed', 140, 140],
      ['forum/quote-removed', 141, 147],
      ['forum/quote-removed', 160, 178],
      ['forum/quote-removed', 181, 181],
      ['forum/table-rebuilt', 202, 207],
      ['forum/boilerplate-removed', 229, 229],
      ['forum/quote-removed', 230, 274],
      ['forum/quote-removed', 279, 279],
      ['forum/quote-removed', 298, 313],
    ]);
    expect(doc.issues.every((issue) => issue.severity === 'info')).toBe(true);
    expect(doc.issues.find((issue) => lineOf(text, issue.char_start ?? 0) === 128)?.message).toBe('a quote inside post 11 of post 7 removed; the post is kept once');
  });

  it('has spans that hold the text and, with the set-asides, cover every non-blank character', () => {
    expectDisjointSpans(text, doc);
    expectTextInSpan(text, doc);
    expectCoverage(text, doc);
  });
});
