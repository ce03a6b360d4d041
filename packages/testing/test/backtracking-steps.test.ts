import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtrackingSteps } from '../src/backtracking-steps.ts';

const steps = (regex: RegExp, input: string) => backtrackingSteps(regex, input, 0).steps;
/** Steps on the input built with 4n over steps on the input built with n. */
const growth = (regex: RegExp, build: (n: number) => string, n: number) => steps(regex, build(4 * n)) / steps(regex, build(n));

describe('backtrackingSteps', () => {
  // Patterns of the kinds the sources use: classes, Unicode properties, lazy and bounded
  // quantifiers, alternatives, anchors in both modes, boundaries and lookarounds.
  const patterns = [
    /\.+$/,
    /[\s,;:&.-]+$/u,
    /^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu,
    /^(.*?)\s+[-–—]{1,2}\s+(.*)$/,
    /\s*x?\s*\d{1,6}$/i,
    /^-+|-+$/gm,
    /(a|ab)(c|bcd)(d*)/,
    /(?:a-|b)+?-(?=a)\b/y,
    /(?<!a)b{2,}?(?:-a|a)?$/m,
  ];

  it('finds the match the engine finds, from any start', () => {
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'x', 'X', '1', '.', '-', '–', ' ', '\t', '\n', 'é', '😀'), maxLength: 30 }), fc.nat({ max: 32 }), (regex, input, from) => {
        const engine = new RegExp(regex.source, regex.flags.includes('y') ? regex.flags : `${regex.flags.replace('g', '')}g`);
        engine.lastIndex = from;
        const match = engine.exec(input);
        const { match: counted } = backtrackingSteps(regex, input, from);
        expect(counted).toEqual(match ? { index: match.index, end: match.index + match[0].length } : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('grows with the input as backtracking does: linear, quadratic from restarts, cubic from overlapping runs', () => {
    expect(growth(/^\d{1,3}(?:,\d{3})*$/, (n) => `1${',000'.repeat(n)}`, 50)).toBeLessThan(4.1);
    // A trailing run is rescanned from each of its characters when something follows it.
    expect(growth(/\.+$/, (n) => `${'.'.repeat(n)}x`, 50)).toBeGreaterThan(15);
    // Two runs that can share the spaces, from every start: recheck's attack on the label split.
    expect(growth(/^(.*?)\s+[-–—]{1,2}\s+(.*)$/, (n) => `${'\t'.repeat(n)}-\n${'\t'.repeat(n)}\u0000\n-\t`, 20)).toBeGreaterThan(40);
  });

  it('counts a sticky search as one attempt, and a search from lastIndex from there', () => {
    expect(backtrackingSteps(/b+/y, 'aaab', 0)).toEqual({ steps: 1, match: null });
    expect(backtrackingSteps(/b+/g, 'aaab', 3)).toEqual({ steps: 3, match: { index: 3, end: 4 } });
  });

  it('refuses backreferences, whose cost it cannot model without captures', () => {
    expect(() => backtrackingSteps(/(a)\1/, 'aa', 0)).toThrow('backreferences are not supported');
  });
});
