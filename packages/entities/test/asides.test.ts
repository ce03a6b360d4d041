import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workRatio } from '@callset/testing';
import { blankAsides } from '../src/asides.ts';

const BRACKETS = [['"', '"'], ['(', ')'], ['[', ']']] as const;

describe('blankAsides', () => {
  it('blanks each aside, brackets included, and leaves unclosed brackets', () => {
    expect(blankAsides('Anthony "Tony" Smith (CFO)', BRACKETS)).toBe('Anthony   Smith  ');
    expect(blankAsides('Redburn (Europe (UK)) Ltd', BRACKETS)).toBe('Redburn  ) Ltd');
    expect(blankAsides('(a [b] c', BRACKETS)).toBe('(a   c');
    expect(blankAsides('no asides', BRACKETS)).toBe('no asides');
  });

  it('replaces what the alternation of bracket patterns replaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', '(', ')', '[', ']') }), (text) => {
        expect(blankAsides(text, BRACKETS)).toBe(text.replace(/"[^"]*"|\([^)]*\)|\[[^\]]*\]/g, ' '));
      }),
    );
  });

  it('is linear on a run of unclosed brackets, where the regex rescanned the rest from each (recheck: "[".repeat(n))', () => {
    expect(workRatio((text) => blankAsides(text, BRACKETS), (copies) => '['.repeat(copies), 500)).toBeLessThan(5);
  });
});
