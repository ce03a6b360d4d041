import { describe, expect, it } from 'vitest';
import { extractFigures, type FigureAnchor } from '../src/index.ts';

const call2017: FigureAnchor = { fiscalYear: 2017, fiscalQuarter: 2, eventDate: '2017-08-02', eventType: 'earnings_call' };
const call2012: FigureAnchor = { fiscalYear: 2012, fiscalQuarter: 2, eventDate: '2012-07-25', eventType: 'earnings_call' };
const executive = (anchor: FigureAnchor): FigureAnchor => ({ ...anchor, speakerType: 'executive', section: 'qa' });
const analyst = (anchor: FigureAnchor): FigureAnchor => ({ ...anchor, speakerType: 'analyst', section: 'qa' });
const forum: FigureAnchor = { eventType: 'forum_thread', speakerType: 'forum_member', section: 'post' };

function context(text: string, anchor: FigureAnchor): [string, string | null, string | null, string | null][] {
  return extractFigures(text, anchor).map((figure) => [figure.surface, figure.metric, figure.metricLabel, figure.kind]);
}

// Sentences from the seeds, with the metric and kind a reader gives them.
describe('metric and kind', () => {
  it('names the metric from the words beside the figure', () => {
    const steadyState = extractFigures('the point at which we are at steady-state 5,000 units a week for Model 3 is about when we’ve reached the 25% gross margin level.', executive(call2017));
    expect(steadyState.map((figure) => [figure.surface, figure.metric, figure.metricLabel])).toEqual([
      ['5,000 units', null, null],
      ['25%', 'gross_margin', 'gross margin'],
    ]);
    expect(context('I see you’re also guiding to $2 billion CapEx in the back half', analyst(call2017))).toEqual([['$2 billion', 'capex', 'CapEx', 'guidance']]);
    expect(context('over the last few years tesla has averaged around $2,200 per vehicle in warranty reserves.', forum)).toEqual([['$2,200', 'warranty_reserve', 'warranty reserves', 'actual']]);
    expect(context('I.e. they are guiding their Q2 SG&A of $750m to stay flat.', forum)).toEqual([['$750m', 'sga', 'SG&A', 'guidance']]);
  });

  it('names the metric by a synonym, by the counted noun, and by the head of "A for B"', () => {
    const q3of2024: FigureAnchor = { fiscalYear: 2024, fiscalQuarter: 3, eventDate: '2024-11-19' };
    expect(context('Net sales for the third quarter were $2.41 billion.', executive(q3of2024))).toEqual([['$2.41 billion', 'revenue', 'Net sales', 'actual']]);
    expect(context('Our capital budget is $2.6 billion to $2.8 billion.', executive(q3of2024)).map((row) => row.slice(0, 3))).toEqual([['$2.6 billion to $2.8 billion', 'capex', 'capital budget']]);
    expect(context('they guided O&M flat at $1.2 billion.', forum)).toEqual([['$1.2 billion', 'opex', 'O&M', 'guidance']]);
    expect(context('We ended the quarter with 3,412 employees.', executive(q3of2024))).toEqual([['3,412 employees', 'headcount', 'employees', 'actual']]);
    expect(context('assume a drop in the market price for ZEV credits from $4k to $3k', forum)).toEqual([
      ['$4k', 'price', 'price for ZEV credits', 'estimate'],
      ['$3k', 'price', 'price for ZEV credits', 'estimate'],
    ]);
  });

  it('gives no metric from words that only hold a cue, nor from a cue another figure has just taken', () => {
    expect(context('We added 412 net new customers with more than $100,000 in annual recurring revenue.', executive(call2017))).toEqual([
      ['412', null, null, 'actual'],
      ['$100,000', null, null, 'actual'],
    ]);
    expect(context('you ended with $612 million of cash and no borrowings on the $1 billion revolver.', analyst(call2017)).map(([surface, metric]) => [surface, metric])).toEqual([
      ['$612 million', 'cash'],
      ['$1 billion', null],
    ]);
  });

  it('gives a value compared or listed with another the same metric, but not a difference', () => {
    const metrics = (text: string, anchor: FigureAnchor) => extractFigures(text, anchor).map((figure) => [figure.surface, figure.metric, figure.per]);
    expect(metrics('we now expect diluted EPS of $5.85 to $5.95, versus our prior range of $5.70 to $5.95.', executive(call2017))).toEqual([
      ['$5.85 to $5.95', 'eps', 'share'],
      ['$5.70 to $5.95', 'eps', 'share'],
    ]);
    expect(metrics('R&D was $1.18 billion this quarter, which was above the $1.1 billion consensus.', analyst(call2017))).toEqual([
      ['$1.18 billion', 'r_and_d', null],
      ['$1.1 billion', 'r_and_d', null],
    ]);
    expect(metrics('Consensus EPS is $3.46 for this year and $3.71 for 2025.', forum)).toEqual([['$3.46', 'eps', 'share'], ['$3.71', 'eps', 'share']]);
    expect(metrics('non-GAAP EPS was $0.47, three cents ahead of the high end of our guidance.', executive(call2017))).toEqual([['$0.47', 'eps', 'share'], ['three cents', null, null]]);
    expect(metrics('adjusted net income was $612 million, or $1.97 per diluted share, and', executive(call2017))).toEqual([['$612 million', 'net_income', null], ['$1.97', 'eps', 'share']]);
    expect(metrics('the dividend was $612 million, or $1.97 per share', executive(call2017))).toEqual([['$612 million', null, null], ['$1.97', null, 'share']]);
  });

  it('gives no metric when the unit does not fit it: a growth rate is not the amount', () => {
    expect(context('Obviously, customer deposits are up 16%, so demand looks good.', analyst(call2017))).toEqual([['16%', null, null, 'actual']]);
  });

  it('turns production per week into a production rate', () => {
    expect(context('I’m very confident that we’ll be able to reach a production rate of 10,000 vehicles per week towards the end of next year.', executive(call2017))).toEqual([
      ['10,000 vehicles', 'production_rate', 'production rate', 'guidance'],
    ]);
  });

  it('tells management’s forward figures (guidance) from what happened (actual)', () => {
    expect(context('And I think we’re going to exceed 20,000 units next year and exceed 25% gross margin.', executive(call2012))).toEqual([
      ['20,000 units', null, null, 'guidance'],
      ['25%', 'gross_margin', 'gross margin', 'guidance'],
    ]);
    expect(context('We’ve made a total of 40 production vehicles so far.', executive(call2012))).toEqual([['40', 'production', 'production', 'actual']]);
  });

  it('gives no kind to illustrations, counts of things said and durations that only say when', () => {
    expect(context('And if you had a gasoline car, after 10 years, it’s on the order of 10-15% of its original value.', executive(call2012))).toEqual([
      ['10 years', null, null, null],
      ['10-15%', null, null, null],
    ]);
    expect(context('And those are the three things that I said I was highly confident that we would do.', executive(call2012))).toEqual([['three things', null, null, null]]);
    expect(context('Our supplier payment terms are on average about 45 days.', executive(call2012))).toEqual([['45 days', 'payment_terms', 'payment terms', 'actual']]);
  });

  it('reads the tense of the verb nearest to each figure in its clause, not of the whole sentence', () => {
    const kinds = (text: string, anchor: FigureAnchor) => extractFigures(text, anchor).map((figure) => [figure.surface, figure.kind]);
    expect(kinds('We have $740 million left on our authorization, and we expect to spend $150 million to $200 million on repurchases.', executive(call2017))).toEqual([
      ['$740 million', 'actual'],
      ['$150 million to $200 million', 'guidance'],
    ]);
    expect(kinds('We’re running 14 rigs and 4 frac crews today and expect to average 13 rigs over time.', executive(call2017))).toEqual([
      ['14 rigs', 'actual'],
      ['4', 'actual'],
      ['13 rigs', 'guidance'],
    ]);
    expect(kinds('Our Atlas 7 platform, released in May, already runs in 1,100 accounts.', executive(call2017))).toEqual([['1,100 accounts', 'actual']]);
    // An "if" reaches to the end of its sentence or to a colon, not beyond.
    expect(kinds('If the sale closes as expected, the proceeds go to debt first: we have $500 million of notes and we’d like to get net debt under $2 billion.', executive(call2017))).toEqual([
      ['$500 million', 'actual'],
      ['$2 billion', 'guidance'],
    ]);
  });

  it('attributes each of an analyst’s figures to whoever is named next to it: the company, the Street, their own model', () => {
    const kinds = (text: string) => extractFigures(text, analyst(call2017)).map((figure) => [figure.surface, figure.kind]);
    expect(kinds('On gross margin, you did 34.6% in the quarter, and the Street was at about 34%.')).toEqual([['34.6%', 'actual'], ['34%', 'consensus']]);
    expect(kinds('On the production guide, the midpoint of 432,500 BOE per day is a little below our 440,000 and consensus at about 438,000.')).toEqual([
      ['432,500 BOE', 'guidance'],
      ['440,000', 'estimate'],
      ['438,000', 'consensus'],
    ]);
    expect(kinds('With free cash flow tracking to about $550 million by our math, how are you thinking about the buyback?')).toEqual([['$550 million', 'estimate']]);
    expect(kinds('And if oil stays at $70, would you still fund the full $2.7 billion?')).toEqual([['$70', 'estimate'], ['$2.7 billion', 'guidance']]);
  });

  it('reads a forum member’s "you" as a fellow member and only management’s words as guidance', () => {
    const kinds = (text: string) => extractFigures(text, forum).map((figure) => [figure.surface, figure.kind]);
    expect(kinds('In your last forecast you used $750m for Q2.')).toEqual([['$750m', 'estimate']]);
    expect(kinds('The rate case adds roughly $95 million of revenue in January, and they guided O&M flat at $1.2 billion.')).toEqual([
      ['$95 million', 'estimate'],
      ['$1.2 billion', 'guidance'],
    ]);
    expect(kinds('Adjusted EPS $1.28 vs. $1.21 consensus.').map(([surface, kind]) => [surface, kind === 'consensus'])).toEqual([['$1.28', false], ['$1.21', true]]);
    expect(kinds('Also the dividend is $2.04 annualized, a 4.1% yield.')).toEqual([['$2.04', 'actual'], ['4.1%', 'actual']]);
  });

  it('takes the figures an analyst puts to the company for its guidance', () => {
    expect(context('Or am I right to be thinking that in order to do your 5,000, that geometric switch has to be pretty steep?', analyst(call2012))).toEqual([['5,000', null, null, 'guidance']]);
  });

  it('calls an analyst’s or a forum member’s own projection an estimate', () => {
    expect(context('i think what it means is that model 3 cash gross margin is going to be near 30% in q3.', forum)).toEqual([['30%', 'gross_margin', 'gross margin', 'estimate']]);
  });
});
