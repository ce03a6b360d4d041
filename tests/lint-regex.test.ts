import { describe, expect, it } from 'vitest';
import { checkRegex, fails, regexesIn, type RegexVerdict } from '../tools/lint-regex.ts';

describe('lint:regex', () => {
  it('finds regex literals and RegExp calls with literal patterns, never regex-like strings', () => {
    const source = [
      "const a = /^(a+)+$/u;",
      "const b = new RegExp('\\\\s*,', 'g');",
      "const c = '/not a regex/';",
      "// const d = /commented/;",
    ].join('\n');
    expect(regexesIn('x.ts', source)).toEqual([
      { file: 'x.ts', line: 1, pattern: '/^(a+)+$/u', linearBecause: null },
      { file: 'x.ts', line: 2, pattern: '/\\s*,/g', linearBecause: null },
    ]);
  });

  it('reads the escape hatch on the line before a pattern only, and only with a reason', () => {
    const source = [
      '// lint-regex: linear because it reads the 4 characters before a label only.',
      'const a = /\\s*,/;',
      '',
      'const b = /\\s*;/;',
      '// lint-regex: linear because',
      'const c = /\\s*:/;',
      '// lint-regex: linear because the line is capped at 200 characters.',
      '',
      'const d = /\\s*!/;',
    ].join('\n');
    expect(regexesIn('x.ts', source).map((found) => [found.pattern, found.linearBecause])).toEqual([
      ['/\\s*,/', 'it reads the 4 characters before a label only.'],
      ['/\\s*;/', null],
      ['/\\s*:/', null],
      ['/\\s*!/', null],
    ]);
  });

  it('tells exponential, polynomial and linear patterns apart', () => {
    const verdict = (pattern: string) => checkRegex({ file: 'x.ts', line: 1, pattern, linearBecause: null }).complexity;
    expect(verdict('/^(a+)+$/')).toBe('exponential');
    expect(verdict('/\\s*,/')).toBe('polynomial');
    expect(verdict('/^\\d{1,3}(?:,\\d{3})*$/')).toBe('linear');
  });

  it('fails on exponential patterns always, on polynomial ones unless a reason is given, never on undecided ones', () => {
    const verdict = (complexity: RegexVerdict['complexity'], file: string, linearBecause: string | null): RegexVerdict => ({ file, line: 1, pattern: '/x/', linearBecause, complexity, summary: complexity, attack: null });
    expect(fails(verdict('exponential', 'packages/parsers/src/a.ts', 'the input is capped'))).toBe(true);
    expect(fails(verdict('exponential', 'packages/encoding/src/a.ts', null))).toBe(true);
    expect(fails(verdict('polynomial', 'packages/parsers/src/a.ts', null))).toBe(true);
    expect(fails(verdict('unknown', 'pipelines/dataset/src/a.ts', null))).toBe(false);
    expect(fails(verdict('polynomial', 'packages/parsers/src/a.ts', 'the input is capped'))).toBe(false);
    expect(fails(verdict('polynomial', 'packages/encoding/src/a.ts', null))).toBe(true);
    expect(fails(verdict('linear', 'packages/parsers/src/a.ts', null))).toBe(false);
  });
});
