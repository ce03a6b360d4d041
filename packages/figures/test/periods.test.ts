import { describe, expect, it } from 'vitest';
import { extractFigures, type FigureAnchor } from '../src/index.ts';

const q2of2017: FigureAnchor = { fiscalYear: 2017, fiscalQuarter: 2, eventDate: '2017-08-02' };
const q4of2013: FigureAnchor = { fiscalYear: 2013, fiscalQuarter: 4, eventDate: '2014-02-19' };
const forum: FigureAnchor = { eventType: 'forum_thread', speakerType: 'forum_member' };
// A retailer's fiscal year ends in January: its Q3 2024 call is held in November 2024, a SaaS company's Q2 2025 in August 2024.
const q3of2024: FigureAnchor = { fiscalYear: 2024, fiscalQuarter: 3, eventDate: '2024-11-19' };
const q2of2025: FigureAnchor = { fiscalYear: 2025, fiscalQuarter: 2, eventDate: '2024-08-28' };
const q4of2023: FigureAnchor = { fiscalYear: 2023, fiscalQuarter: 4, eventDate: '2024-02-22' };

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

  it('gives the period that opens a sentence to each figure of it', () => {
    expect(periods('For the fourth quarter, we now expect net sales of $3.05 billion to $3.12 billion and comparable sales growth of 1% to 2%.', q3of2024)).toEqual([
      ['$3.05 billion to $3.12 billion', '2024Q4'],
      ['1% to 2%', '2024Q4'],
    ]);
    expect(periods('Fourth-quarter production of 426,000 BOE per day was up 3% sequentially and 9% year-over-year.', q4of2023)).toEqual([
      ['426,000 BOE', '2023Q4'],
      ['3%', '2023Q4'],
      ['9%', '2023Q4'],
    ]);
    // Not past a clause with a subject of its own, nor past a colon.
    expect(periods('In Q3, deliveries were 5,000, that means 2 lines running.', q2of2017)).toEqual([['5,000', '2017Q3'], ['2 lines', null]]);
    expect(periods('If the sale closes in the second quarter as expected, the proceeds go to debt first: we have $500 million of notes.', q4of2023)).toEqual([['$500 million', null]]);
  });

  it('reads fiscal years, owned and hyphenated quarters, and completes a quarter or half from the year its sentence names', () => {
    expect(periods('diluted earnings per share were $1.38, compared with $1.19 in the third quarter of fiscal 2023.', q3of2024)).toEqual([['$1.38', null], ['$1.19', '2023Q3']]);
    expect(periods("given last year's fourth quarter had a 200-basis-point markdown headwind?", q3of2024)).toEqual([['200-basis-point', '2023Q4']]);
    expect(periods("and I'd say 55 is a reasonable planning number for fiscal '25.", q3of2024)).toEqual([['55', '2025']]);
    expect(periods("I'd say fiscal '25 is 55", q3of2024)).toEqual([['55', '2025']]);
    expect(periods('Looking into fiscal 2025, we plan at least 50 new store openings, with roughly 35 of them in the back half.', q3of2024)).toEqual([['50', '2025'], ['35', '2025H2']]);
  });

  it('reads "the year" a speaker means: on a Q4 call the year reported when looking back, the coming one when looking forward', () => {
    expect(periods('We ended the year with net debt of $2.3 billion, or 0.6 times trailing EBITDA.', q4of2023)).toEqual([['$2.3 billion', '2023'], ['0.6 times', '2023']]);
    expect(periods('We are running 14 rigs today and expect to average 13 rigs for the year.', q4of2023)).toEqual([['14 rigs', null], ['13 rigs', '2024']]);
    expect(periods('We think net retention stabilizes in the 116% to 117% range through the end of the year.', q2of2025)).toEqual([['116% to 117%', '2025']]);
    expect(periods('the average customer on 1,450 seats, up from 1,280 last year.', q2of2025)).toEqual([['1,450 seats', null], ['1,280', '2024']]);
  });

  it('takes no period from a maturity, a listed comparison base or the next figure’s lead, and gives none to a duration', () => {
    expect(periods('we have $500 million of notes due in 2025', q4of2023)).toEqual([['$500 million', null]]);
    expect(periods('accumulated around $148m already from Q1 and Q2, using a ~$4k/unit rate.', q2of2017)).toEqual([['$148m', null], ['~$4k', null]]);
    expect(periods('Raising my FY24 to $3.47 and FY25 to $3.80.', forum)).toEqual([['$3.47', '2024'], ['$3.80', '2025']]);
    expect(periods('Our Q2 results were announced 80 minutes ago.', q2of2017)).toEqual([['80 minutes', null]]);
  });

  it('gives a period said after one figure to that figure only', () => {
    expect(periods('guiding to $2 billion CapEx in the back half and you previously said $1 billion of gross cash is as low as you go', q2of2017)).toEqual([
      ['$2 billion', '2017H2'],
      ['$1 billion', null],
    ]);
  });
});
