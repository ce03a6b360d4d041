import { describe, expect, it } from 'vitest';
import { extractFigures, type FigureAnchor } from '../src/index.ts';

const q2of2017: FigureAnchor = { fiscalYear: 2017, fiscalQuarter: 2, eventDate: '2017-08-02' };
const q4of2013: FigureAnchor = { fiscalYear: 2013, fiscalQuarter: 4, eventDate: '2014-02-19' };
const forum: FigureAnchor = { eventType: 'forum_thread', speakerType: 'forum_member' };

function periods(text: string, anchor: FigureAnchor): [string, string | null][] {
  return extractFigures(text, anchor).map((figure) => [figure.surface, figure.period]);
}

describe('period', () => {
  it('reads explicit quarters, halves and years, resolved against the call', () => {
    expect(periods('that number climbed to around $2,400 in 18q1 and to $2,900 in 18q2.', forum)).toEqual([['$2,400', '2018Q1'], ['$2,900', '2018Q2']]);
    expect(periods('they are guiding their Q2 SG&A of $750m to stay flat', q2of2017)).toEqual([['$750m', '2017Q2']]);
    expect(periods('deliveries of 5,000 in Q2 \'16 were', q2of2017)).toEqual([['5,000', '2016Q2']]);
    expect(periods('So you put in $2 billion second half to get there', q2of2017)).toEqual([['$2 billion', '2017H2']]);
    expect(periods('in 2013 we’ll produce at least 20,000 units', q4of2013)).toEqual([['20,000 units', '2013']]);
    expect(periods('we had negative free cash flow of $2.5 billion in the first quarter.', { fiscalYear: 2024, fiscalQuarter: 1, eventDate: '2024-04-23' })).toEqual([['$2.5 billion', '2024Q1']]);
  });

  it('takes a quarter without a year as the nearest one to the reported quarter', () => {
    expect(periods('28% gross margin in Q1 and 25% in Q4', q4of2013)).toEqual([['28%', '2014Q1'], ['25%', '2013Q4']]);
    expect(periods('a dip below 20% in 3Q', q2of2017)).toEqual([['20%', '2017Q3']]);
  });

  it('resolves "this year", "next year" and "next quarter" from the call date: a Q4 call is held in the next year', () => {
    expect(periods('you’re guiding to a strong 28% gross margins by 4Q this year', q4of2013)).toEqual([['28%', '2014Q4']]);
    expect(periods('we expect 35,000 deliveries this year', q4of2013)).toEqual([['35,000 deliveries', '2014']]);
    expect(periods('a production rate of 10,000 vehicles per week towards the end of next year', q2of2017)).toEqual([['10,000 vehicles', '2018']]);
    expect(periods('we expect margins of 20% next quarter', q2of2017)).toEqual([['20%', '2017Q3']]);
  });

  it('leaves the period null without an anchor: a forum post only has explicit periods', () => {
    expect(periods('cash gross margin is going to be near 30% in q3', forum)).toEqual([['30%', null]]);
    expect(periods('we expect 35,000 deliveries this year', forum)).toEqual([['35,000 deliveries', null]]);
  });

  it('never takes a comparison base for the figure’s period: a growth is the later period’s', () => {
    expect(periods('deliveries grew by 53% compared to the Q2 \'16 in a flat market', q2of2017)).toEqual([['53%', '2017Q2']]);
    expect(periods('July orders were 15% higher than our Q2 average', q2of2017)).toEqual([['15%', null]]);
  });

  it('gives a period said after one figure to that figure only', () => {
    expect(periods('guiding to $2 billion CapEx in the back half and you previously said $1 billion of gross cash is as low as you go', q2of2017)).toEqual([
      ['$2 billion', '2017H2'],
      ['$1 billion', null],
    ]);
  });
});
