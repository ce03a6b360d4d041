import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forumParser } from '../src/formats/forum.ts';
import { readThread } from '../src/forum/blocks.ts';
import { resolvePosts } from '../src/forum/quotes.ts';
import type { ParsedDocument } from '../src/types.ts';
import { expectCoverage, repairedSeed } from './span-checks.ts';

/** What must hold on any text: a score in 0..1, spans inside the text, posts that do not cross, nothing dropped. */
function expectSound(text: string, doc: ParsedDocument) {
  const score = forumParser.detect(text);
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(1);
  const length = [...text].length;
  // A post seen only as a marked quote between two parts of a reply lies inside the reply's span; no other overlap.
  const spans = doc.turns.map((turn) => [turn.charStart, turn.charEnd] as const).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  spans.forEach(([start, end], i) => {
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(length);
    const previous = spans[i - 1];
    if (previous && start < previous[1]) expect(end).toBeLessThanOrEqual(previous[1]);
  });
  for (const turn of doc.turns) for (const q of turn.replyTo) expect(q).not.toBe(doc.turns.indexOf(turn));
  for (const table of doc.tables) expect(table.turnIndex).not.toBeNull();
  expectCoverage(text, doc);
}

const seedLines = repairedSeed('004_').split('\n');

/** A small stock of lines, so that texts repeat them the way quotes and repeats do. */
const forumLine = fc.oneof(
  fc.constantFrom(
    '\u00a0',
    '',
    'Register',
    'Last edited:',
    '  • Informative',
    '  • growing sales',
    'Reactions: Fact Checking',
    'Dave said:',
    'Click to expand...',
    'Code:',
    'year | a | b',
    '------',
    '2016 | 1 | ......',
    'row label',
    '[TD2]x[/TD2][TD2]y[/TD2] [TD2]1[/TD2][TD2][/TD2]',
    '[TD2]unclosed [TD2]',
    '@name said hello to @other.',
    'Delivered today 😀👍 and the range is fine.',
    '.',
    'Model 3 gross margin turned slightly positive in Q2 even though we were still ramping production.',
    'Model 3 gross margin turned slightly positive in Q2',
    'gross margin turned slightly positive in Q2 even though we were',
  ),
  fc.constantFrom(...seedLines),
  fc.string({ maxLength: 40 }),
);

describe('forum parser on any text', () => {
  it('never throws on arbitrary strings, and what it finds is sound', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectSound(text, forumParser.parse(text))),
      { numRuns: 200 },
    );
  });

  it('never throws on threads made of forum lines, seed lines and noise, and keeps every line accounted for', () => {
    fc.assert(
      fc.property(fc.array(forumLine, { maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        expectSound(text, forumParser.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on the seed lines shuffled', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(seedLines, { minLength: 0, maxLength: seedLines.length }), (lines) => {
        const text = lines.join('\n');
        expectSound(text, forumParser.parse(text));
      }),
      { numRuns: 25 },
    );
  });

  it('reads a huge quote-like line repeated in many posts as one post and its copies', () => {
    const line = `${'Model 3 gross margin turned slightly positive in Q2 [TD2]1[/TD2] Click to expand... '.repeat(300)}end`;
    const text = ['Welcome', 'Register', '', 'Title', '', ...Array.from({ length: 30 }, () => `${line}\n\u00a0`)].join('\n');
    const doc = forumParser.parse(text);
    expect(doc.turns).toHaveLength(1);
    expect(doc.issues.filter((issue) => issue.code === 'forum/duplicate-post')).toHaveLength(29);
    expectSound(text, doc);
  });
});

/** A thread of `count` posts: most quote the post before them, some after their reply, some are repeated whole. */
function chainThread(count: number): string {
  const own = (i: number) => [
    `Post ${i} estimates batch ${(i * 7919) % 10007} at ${i % 97} dollars under batch ${(i * 104729) % 10007} for note ${i}.`,
    `Reply ${i} adds that the figure for lot ${(i * 31) % 1009} was revised ${i % 13} times, see @member${i % 50}.`,
  ];
  const lines = ['Welcome to Example Forum', 'Talk about batteries.', 'Register', '', 'Batch estimates', ''];
  for (let i = 0; i < count; i++) {
    const quoted = i > 0 ? own(i - 1) : [];
    if (i % 5 === 4) lines.push(...own(i), '', ...quoted);
    else lines.push(...quoted, ...own(i));
    lines.push('\u00a0');
    if (i % 7 === 3) lines.push('  • Like', `Reactions: member${i % 50}`);
    if (i % 11 === 6) lines.push(...own(i), '\u00a0');
  }
  return lines.join('\n');
}

/** A thread where every even post quotes the first one and every odd post quotes a cut piece of the one before it. */
function hubThread(count: number): string {
  const opening = 'The opening post sets out the whole model: cell cost, module cost, pack assembly and the margin that follows from them.';
  const own = (i: number) => `Answer ${i} puts the module cost of build ${(i * 7919) % 10007} at ${i % 89} dollars, against ${(i * 104729) % 10007} in the model.`;
  const lines = ['Welcome to Example Forum', 'Register', '', 'Model thread', '', opening, '\u00a0'];
  for (let i = 1; i < count; i++) {
    if (i % 2 === 0) lines.push(opening, own(i), '\u00a0');
    else lines.push((i === 1 ? opening : own(i - 1)).slice(9), own(i), '\u00a0');
  }
  return lines.join('\n');
}

describe('forum parser cost', () => {
  it('keeps a chain of quoting posts intact', () => {
    const doc = forumParser.parse(chainThread(40));
    expect(doc.turns).toHaveLength(40);
    expect(doc.turns.map((turn) => turn.replyTo)).toEqual(Array.from({ length: 40 }, (_, i) => (i === 0 ? [] : [i - 1])));
    expect(doc.turns[4]?.mentions).toEqual(['member4']);
  });

  it('keeps a post quoted by every other post once, and cut pieces as quotes', () => {
    const doc = forumParser.parse(hubThread(41));
    expect(doc.turns).toHaveLength(41);
    expect(doc.turns.map((turn) => turn.replyTo)).toEqual(Array.from({ length: 41 }, (_, i) => (i === 0 ? [] : i % 2 === 0 || i === 1 ? [0] : [i - 1])));
  });

  // Counted, not timed: the work of matching is deterministic, so four times the posts must cost four times the steps.
  it.each([
    ['a chain of quotes', chainThread],
    ['a post quoted by every other', hubThread],
  ])('matching work grows linearly on %s', (_, thread) => {
    const steps = (count: number) => resolvePosts(readThread(thread(count))).steps;
    const small = steps(250);
    expect(small).toBeGreaterThan(250);
    expect(steps(1000) / small).toBeLessThan(4.2);
  });
});
