import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repairBytes } from '../src/index.ts';

const seed = readFileSync(new URL('../../../seeds/001_b1b0479d018b9915.txt', import.meta.url));
const result = repairBytes(seed);
const lines = result.text.split('\n');

describe('seeds/001 (lossy UTF-8 as Latin-1, C1 stripped)', () => {
  it('repairs all 495 `â` and leaves none', () => {
    expect(result.repairs).toHaveLength(495);
    expect([...result.text].filter((char) => char === 'â')).toHaveLength(0);
    expect(result.normalizations).toEqual([]);
    expect(result.encoding).toBe('utf-8');
  });

  it('counts each repaired character class exactly', () => {
    const counts: Record<string, number> = {};
    for (const repair of result.repairs) counts[`${repair.rule} ${repair.after}`] = (counts[`${repair.rule} ${repair.after}`] ?? 0) + 1;
    expect(counts).toEqual({
      'lossy-apostrophe ’': 434,
      'lossy-en-dash –': 55,
      'lossy-open-quote “': 2,
      'lossy-close-quote ”': 2,
      'lossy-c1-stripped …': 2,
    });
  });

  it('pins an apostrophe of every kind: possessive and each contraction', () => {
    expect(result.text).toContain('today by Elon Musk, Tesla’s chairman,');
    expect(result.text).toContain('question that if you weren’t going to');
    expect(result.text).toContain('all Daimler revenue. You’re right about');
    expect(result.text).toContain('somebody probably would. We’ve made a');
    expect(result.text).toContain('It’s not linear. So we’ll see quite');
    expect(result.text).toContain('And I also said that we’d start deli');
    expect(result.text).toContain('Q&A conference call. I’m joined');
  });

  it('pins a sample of every kind', () => {
    expect(lines[2]).toBe('Jeff Evanson – Vice President, Investor Relations');
    expect(lines).toContain('Dan Galves – Deutsche Bank ');
    expect(lines).toContain('John Lovallo - Merrill Lynch');
    expect(result.text).toContain('Adam Jonas – Morgan Stanley\nI’m going to go back to');
    expect(result.text).toContain('with that “at least,” you’re emphasizing that with');
    expect(result.text).toContain('Yep. When I say “at least” I mean higher.');
    expect(result.text).toContain('But we only asked them to lock in… \nDeepak Ahuja\nA few months. We haven’t');
    expect(result.text).toContain('people who don’t have reservations, that’s… \nElon Musk');
  });

  it('locates repairs in the input and logs each one as an info issue pointing into the output', () => {
    const first = result.repairs[0];
    expect(first).toEqual({ offset: seed.toString('utf8').indexOf('â'), before: 'â', after: '–', rule: 'lossy-en-dash' });
    expect(result.issues).toHaveLength(495);
    const issue = result.issues[0];
    expect(issue).toMatchObject({ code: 'encoding/repaired', severity: 'info' });
    expect([...result.text].slice(issue?.char_start ?? 0, issue?.char_end ?? 0).join('')).toBe('–');
  });
});
