import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/index.ts';

// Dense with figures, periods, metric words and qualifiers, and written as one long paragraph so
// that nothing but the work per token grows with the text.
const paragraph =
  'We delivered about 1,800 vehicles per day in Q3, revenue was $2.5 billion, up 15% versus Q2 \'16, and gross margin ' +
  'should exceed 25% next year; at least 20,000 units, ~$2 billion of capex, 650-750m of cash and 3x-4x the value. ';

/** Milliseconds for reading `text` `times` times over (short single runs are too coarse to compare). */
function millisecondsFor(text: string, times: number): number {
  const started = performance.now();
  for (let run = 0; run < times; run++) extractFigures(text, { fiscalYear: 2017, fiscalQuarter: 2, speakerType: 'executive' });
  return performance.now() - started;
}

describe('extractFigures cost', () => {
  it('grows linearly: four times the text costs at most about six times the time', () => {
    const small = paragraph.repeat(20);
    const large = paragraph.repeat(80);
    // The same bytes each way (the small text four times, the large once), timed in turns so that
    // a busy moment of the machine or the JIT hits both, the median of the ratios kept.
    millisecondsFor(large, 2);
    const ratios = Array.from({ length: 9 }, () => {
      const smallTime = millisecondsFor(small, 8);
      const largeTime = millisecondsFor(large, 2);
      return largeTime / smallTime;
    }).sort((a, b) => a - b);
    // Per byte, the large text may cost at most 1.5 times the small one: 4x the text, at most 6x the time.
    expect(ratios[4]).toBeLessThan(1.5);
  });

  it('finds as many figures in four times the text', () => {
    const count = (text: string) => extractFigures(text).length;
    expect(count(paragraph.repeat(40))).toBe(4 * count(paragraph.repeat(10)));
  });
});
