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

/** A hand-written thread's issues as [code, first line, last line] (1-based lines of the fixture). */
const issueLines = (text: string, doc: ParsedDocument) => doc.issues.map((issue) => [issue.code, lineOf(text, issue.char_start ?? 0), lineOf(text, issue.char_end ?? 0)]);

describe('forum thread with quotes of every shape (fixture forum-quotes.txt)', () => {
  const text = fixture('forum-quotes.txt');
  const doc = forumParser.parse(text);
  const A = [
    'Cell prices fell about 15% this year according to the supplier survey, and I expect another 10% next year.',
    'That would put pack cost near $110 per kWh by the end of next year, which changes the margin math for everyone.',
  ].join('\n');
  const X = 'Has anyone seen the new tariff schedule for imported cells? It adds 25% to the landed price from some countries.';

  it('is a forum thread with its title', () => {
    expect(detectFormat(text)?.format).toBe('forum');
    expect(doc.metadata.title).toBe('Battery pack cost outlook for next year');
  });

  it('keeps each distinct post once, in thread order, with what it quotes and whom it mentions', () => {
    expect(doc.turns.map((turn) => [turn.text, turn.replyTo, turn.mentions])).toEqual([
      [A, [], []],
      ['If pack cost really lands at $110 the margin story changes completely. @sparky_01 what do you think about module costs?', [0], ['sparky_01']],
      // Quotes nested two deep: the copy of post 1 carries post 0; the reply answers post 1 only.
      ['Module costs are falling more slowly than cell costs, because the housings are aluminium and aluminium prices are up.', [1], []],
      // A reply before its quote.
      ['Good point about the housings, I had not thought of that at all. @Dave.M do you have the aluminium price series?', [2], ['Dave.M']],
      // Seen only as a quote (in four replies, one of them a piece cut from its middle), kept from its first copy.
      [X, [], []],
      ['Yes, the schedule was published last week and it takes effect in January for cells and in July for finished packs.', [4], []],
      ['So the 10% cost decline next year could be wiped out for anyone importing cells, which is most of the smaller makers.', [4], []],
      ['The schedule exempts cells made under existing contracts until the end of the year, so the effect is delayed for the big makers.', [4], []],
      // Post 0 quoted a third time, by the tail of its second paragraph; a bulleted sentence starting with a reaction word stays.
      ['Only if cathode prices cooperate; lithium carbonate has been bouncing around and nobody can hedge it well.\n• Like the idea of hedging with longer contracts, though.', [0], []],
      ['Tariffs on cells were tried once before and the importers simply moved final assembly, so I expect the same this time.', [4], []],
      // A bare reaction word without bullet or count is a post of its own.
      ['Agree', [], []],
      // Two posts with no U+00A0 line between them, only two blank lines.
      ['Nobody has mentioned recycling yet: recovered nickel and cobalt could cover a tenth of cathode demand by the end of the decade.', [], []],
      ["Recycled material is still more expensive than mined material at today's volumes, so I would not count on it before 2030.", [], []],
    ]);
    expect(doc.tables).toEqual([]);
  });

  it('reports the header, boilerplate variants, every quote and the repeat, each with its lines', () => {
    expect(issueLines(text, doc)).toEqual([
      ['forum/boilerplate-removed', 1, 1],
      ['forum/boilerplate-removed', 2, 2],
      ['forum/boilerplate-removed', 3, 3],
      ['forum/boilerplate-removed', 4, 4],
      ['forum/boilerplate-removed', 6, 6],
      ['forum/boilerplate-removed', 8, 8],
      ['forum/quote-removed', 13, 15],
      ['forum/boilerplate-removed', 18, 18],
      ['forum/quote-removed', 19, 21],
      ['forum/quote-removed', 22, 22],
      ['forum/boilerplate-removed', 26, 26],
      ['forum/boilerplate-removed', 27, 27],
      ['forum/boilerplate-removed', 28, 28],
      ['forum/quote-removed', 31, 31],
      ['forum/residue-removed', 32, 32],
      ['forum/quote-removed', 37, 37],
      ['forum/boilerplate-removed', 40, 40],
      ['forum/quote-removed', 41, 41],
      ['forum/duplicate-post', 45, 47],
      ['forum/quote-removed', 49, 49],
      ['forum/quote-removed', 53, 53],
      ['forum/boilerplate-removed', 63, 63],
    ]);
    const messages = doc.issues.map((issue) => issue.message);
    expect(messages).toContain('a nested quote inside post 2 of post 0 removed; the post is kept once');
    expect(messages).toContain('a quote inside post 2 of post 1 removed; the post is kept once');
    expect(messages).toContain('a repeated copy of post 0 removed; the post is kept once');
    expect(messages.filter((message) => message.startsWith('site boilerplate removed'))).toEqual([
      'site boilerplate removed: "This site may earn a commission from merchant affiliate links, including eBay, Amazon, and others."',
      'site boilerplate removed: "Last edited: Mar 3, 2024"',
      'site boilerplate removed: "• Like"',
      'site boilerplate removed: "• Informative"',
      'site boilerplate removed: "Reactions: sparky_01, Dave M and 2 others"',
      'site boilerplate removed: "Last edited by a moderator:"',
      'site boilerplate removed: "You must log in or register to reply here."',
    ]);
  });

  it('has spans that hold the text and, with the set-asides, cover every non-blank character', () => {
    expectDisjointSpans(text, doc);
    expectTextInSpan(text, doc);
    expectCoverage(text, doc);
  });
});

describe('forum thread with tables, re-typed lines and a marked quote (fixture forum-tables.txt)', () => {
  const text = fixture('forum-tables.txt');
  const doc = forumParser.parse(text);
  const SOURCES = 'Sources: the supplier survey and two teardown reports, averaged over the last two quarters.';
  const SIZES = ['Standard', 'Long Range', 'Performance'];

  it('keeps the posts, the re-typed sources line in both, and the unclosed "said:" line as words', () => {
    expect(doc.metadata.title).toBe('Pack cost tables');
    expect(doc.turns.map((turn) => [turn.text, turn.replyTo, turn.mentions])).toEqual([
      [`My cost table for the three pack sizes, per kWh, from list prices:\n${SOURCES}`, [], []],
      ['Where does the Performance housing cost come from? The teardown I saw had the same housing as Long Range.', [0], []],
      [`Revised cost table, per kWh, with contract prices this time. @Q_reader the housing is the same, fixed below.\n${SOURCES}`, [], ['Q_reader']],
      ['Same numbers as a plain table, for those who cannot see the BBCode one.\nOur supplier rep said:\nPrice rises are behind us, barring a shock in lithium.', [], []],
      // A quote the page marks ("X said:" ... "Click to expand...").
      ['It is a different bracket on the Performance, heavier, but the cost difference is small.', [1], []],
    ]);
  });

  it('rebuilds the [TD2] tables with an empty and a missing cell, and the Code: table with ...... and a short row', () => {
    expect(doc.tables.map((table) => [table.turnIndex, lineOf(text, table.charStart), lineOf(text, table.charEnd)])).toEqual([
      [0, 9, 12],
      [2, 27, 30],
      [3, 35, 40],
    ]);
    expect(doc.tables[0]?.cells).toEqual(
      cellsOf(SIZES, [
        ['Cells', '$78', '$74', '$74'],
        ['Modules and housing', '$21', null, '$23'],
        ['Pack assembly', '$12', '$11', '$11'],
      ]),
    );
    expect(doc.tables[1]?.cells).toEqual(
      cellsOf(SIZES, [
        ['Cells', '$70', '$67', '$67'],
        ['Modules and housing', '$21', '$22', '$22'],
        ['Pack assembly', '$12', '$11', null],
      ]),
    );
    expect(doc.tables[2]?.cells).toEqual(
      cellsOf(
        ['cells', 'modules', 'assembly'],
        [
          ['Standard', '70', '21', '12'],
          ['Long Range', '67', null, '11'],
          ['Performance', '67', '22', null],
        ],
      ),
    );
  });

  it('reports what it set aside, each with its lines', () => {
    expect(issueLines(text, doc)).toEqual([
      ['forum/boilerplate-removed', 1, 1],
      ['forum/boilerplate-removed', 2, 2],
      ['forum/boilerplate-removed', 3, 3],
      ['forum/boilerplate-removed', 5, 5],
      ['forum/boilerplate-removed', 7, 7],
      ['forum/table-rebuilt', 9, 12],
      ['forum/quote-removed', 16, 20],
      ['forum/boilerplate-removed', 24, 24],
      ['forum/table-rebuilt', 27, 30],
      ['forum/boilerplate-removed', 34, 34],
      ['forum/table-rebuilt', 35, 40],
      ['forum/boilerplate-removed', 46, 46],
      ['forum/quote-removed', 47, 47],
      ['forum/boilerplate-removed', 48, 48],
      ['forum/boilerplate-removed', 51, 51],
    ]);
    expect(doc.issues.map((issue) => issue.message).filter((message) => /attribution|marker|x 3/.test(message))).toEqual([
      'quote attribution removed: "Dave M said:"',
      'quote marker removed: "Click to expand..."',
      'site boilerplate removed: "Like x 3"',
    ]);
  });

  it('has spans that hold the text and, with the set-asides, cover every non-blank character', () => {
    expectDisjointSpans(text, doc);
    expectTextInSpan(text, doc);
    expectCoverage(text, doc);
  });
});
