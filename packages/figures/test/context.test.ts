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

  it('takes the figures an analyst puts to the company for its guidance', () => {
    expect(context('Or am I right to be thinking that in order to do your 5,000, that geometric switch has to be pretty steep?', analyst(call2012))).toEqual([['5,000', null, null, 'guidance']]);
  });

  it('calls an analyst’s or a forum member’s own projection an estimate', () => {
    expect(context('i think what it means is that model 3 cash gross margin is going to be near 30% in q3.', forum)).toEqual([['30%', 'gross_margin', 'gross margin', 'estimate']]);
  });
});
