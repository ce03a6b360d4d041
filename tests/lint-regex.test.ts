import { describe, expect, it } from 'vitest';
import { checkRegex, regexesIn } from '../tools/lint-regex.ts';

describe('lint:regex', () => {
  it('finds regex literals and RegExp calls with literal patterns, never regex-like strings', () => {
    const source = [
      "const a = /^(a+)+$/u;",
      "const b = new RegExp('\\\\s*,', 'g');",
      "const c = '/not a regex/';",
      "// const d = /commented/;",
    ].join('\n');
    expect(regexesIn('x.ts', source)).toEqual([
      { file: 'x.ts', line: 1, pattern: '/^(a+)+$/u' },
      { file: 'x.ts', line: 2, pattern: '/\\s*,/g' },
    ]);
  });

  it('tells exponential, polynomial and linear patterns apart', () => {
    const verdict = (pattern: string) => checkRegex({ file: 'x.ts', line: 1, pattern }).complexity;
    expect(verdict('/^(a+)+$/')).toBe('exponential');
    expect(verdict('/\\s*,/')).toBe('polynomial');
    expect(verdict('/^\\d{1,3}(?:,\\d{3})*$/')).toBe('linear');
  });
});
