import { workRatio } from '@callset/testing';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/index.ts';

// Dense with figures, periods, metric words and qualifiers, and written as one long paragraph so
// that nothing but the work per token grows with the text.
const paragraph =
  'We delivered about 1,800 vehicles per day in Q3, revenue was $2.5 billion, up 15% versus Q2 \'16, and gross margin ' +
  'should exceed 25% next year; at least 20,000 units, ~$2 billion of capex, 650-750m of cash and 3x-4x the value. ';

describe('extractFigures cost', () => {
  it('grows linearly: four times the text costs at most five times the work', () => {
    // Work as counted by @callset/testing: characters scanned, regex backtracking steps, elements visited.
    const read = (text: string) => extractFigures(text, { fiscalYear: 2017, fiscalQuarter: 2, speakerType: 'executive' });
    expect(workRatio(read, (copies) => paragraph.repeat(copies), 20)).toBeLessThan(5);
  });

  it('finds as many figures in four times the text', () => {
    const count = (text: string) => extractFigures(text).length;
    expect(count(paragraph.repeat(40))).toBe(4 * count(paragraph.repeat(10)));
  });
});
