import { describe, expect, it } from 'vitest';
import { countWork, workRatio } from '../src/work.ts';

const lines = (copies: number) => 'Ann Lee\nWe grew.\n'.repeat(copies);

describe('workRatio', () => {
  it('tells a linear scan from quadratic ones', () => {
    const linear = (text: string) => text.split('\n').filter((line) => /grew/.test(line)).length;
    const rescansPrefix = (text: string) => {
      let offset = 0;
      for (const line of text.split('\n')) offset += text.slice(0, offset).length > -1 ? line.length + 1 : 0;
      return offset;
    };
    const searchesWholeText = (text: string) => {
      let found = 0;
      for (const match of text.matchAll(/Ann/g)) found += text.includes('absent') ? 0 : match.index;
      return found;
    };
    const growingList = (text: string) => {
      const seen: string[] = [];
      for (const line of text.split('\n')) if (!seen.some((other) => other === `${line}${seen.length}`)) seen.push(`${line}${seen.length}`);
      return seen.length;
    };
    expect(workRatio(linear, lines, 100)).toBeLessThan(4.1);
    for (const quadratic of [rescansPrefix, searchesWholeText, growingList]) expect(workRatio(quadratic, lines, 100)).toBeGreaterThan(10);
  });

  it('counts the backtracking of a regex, not only the span it matches', () => {
    const spaces = (copies: number) => `${' '.repeat(copies)}x`;
    // Both find no trailing spaces; the regex rescans the run from each of its spaces, the loop reads it once.
    const trailingRegex = (text: string) => /\s+$/.test(text);
    const trailingLoop = (text: string) => {
      let end = text.length;
      while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
      return end < text.length;
    };
    expect(workRatio(trailingRegex, spaces, 100)).toBeGreaterThan(15);
    expect(workRatio(trailingLoop, spaces, 100)).toBeLessThan(4.1);
  });

  it('restores every patched method, even when the run throws', () => {
    const { indexOf } = String.prototype;
    const { exec } = RegExp.prototype;
    expect(() =>
      countWork(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect([String.prototype.indexOf, RegExp.prototype.exec]).toEqual([indexOf, exec]);
    expect(countWork(() => 'abc'.indexOf('c'))).toBe(3);
  });
});
