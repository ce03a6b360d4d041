import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/index.ts';
import { expectCoverage, expectOrderedSpans, repairedSeed } from './span-checks.ts';

describe.each(['000_', '001_', '002_', '003_'])('seed transcript %s, parsed as the pipeline does', (prefix) => {
  const text = repairedSeed(prefix);
  const doc = parseDocument(text);

  it('turns (with their labels) and set-aside spans cover the whole text', () => {
    expect(doc).not.toBeNull();
    if (!doc) return;
    expectOrderedSpans(text, doc);
    expectCoverage(text, doc);
  });

  it('keeps every bracketed note inline and lists each as an info issue', () => {
    const inline = doc?.turns.flatMap((turn) => turn.text.match(/\[[^[\]\n]{1,80}\]/g) ?? []) ?? [];
    const listed = doc?.issues.filter((issue) => issue.code === 'parse/bracketed-note') ?? [];
    const points = [...text];
    expect(inline.length).toBeGreaterThan(0);
    expect(listed.map((issue) => points.slice(issue.char_start ?? 0, issue.char_end ?? 0).join(''))).toEqual(inline);
    expect(listed.every((issue) => issue.severity === 'info')).toBe(true);
  });
});
