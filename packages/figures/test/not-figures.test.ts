import { describe, expect, it } from 'vitest';
import { plain, readAll, surfaces } from './helpers.ts';

// What the contract says is not a figure, each in a sentence from the sources or of their kind.
describe('not figures', () => {
  it.each([
    ['years used as years', 'in 2014 we certainly expect growth, since 2012 and by 2019.'],
    ['years before a noun', 'the 2018 deliveries and the 2013 plan'],
    ['quarter and half periods', 'in Q1, in 3Q, in 18q1, the 2018H1 row, FY 2018, FY18, Q2 \'16, 3Q17, H2 2019, 1H18, Q1/Q2 19 seems'],
    ['product and model names', 'Model 3, P100D, H100, Hardware 3, V12, FSD Version 12, the 4680 ramp, 18650 cells, Model Y'],
    ['names in a list', 'where do we put Gigafactories 3, 4, 5 and 6. We'],
    ['product lines listed with letters', 'the Supercharging needs of S, X and 3. And the current 3 and Y.'],
    ['a lone digit standing as a name', 'if it’s called the Y, and the 3 as well. Is the charge time on the 3 the same as the S?'],
    ['dates', 'on August 7 for the conference, or on April 13 in Vail, Aug-02-2017, 8/2/2017, on the 14th'],
    ['clock times', 'Consensus as of 10:17 PM GMT, shortly after 1 p.m. Pacific time, at 5pm'],
    ['ordinals', 'the 1st, 2nd, 3rd and 14th deliveries'],
    ['list numbers', '1. First point\n2) Second point\n(3) Third point'],
    ['idioms', 'people should absolutely have 0 concern about, 0, is that; all hands on deck 24/7'],
    ['codes and filings', 'in our most recent 10-Q filed with the SEC, COVID-19, 12v batteries, press *1 now'],
    ['decades and plurals of names', 'back in the 1990s, the 3’s produced'],
    ['model and place names with numbers', 'the Boeing 737 MAX 8 fleet, Terminal 2, Flight 227, Phase 1, top 5 airlines, Gen 5, the N5 node, KX-7, A321neo, 3nm, CET1, the S&P 500'],
    ['versions after a named one', 'if you tried FSD 12.3, and like I said, 12.4 is going to be better and 12.5 even better'],
    ['year spans, dates and times from other formats', 'over 2020-2022, on March 31 at 9:00 a.m., in 2Q18 and 4Q24 and Q3 \'22, FY24'],
    ['ratios and inline list markers', 'a 2-for-1 split. 1. Revenue 2. Margin'],
    ['idioms with a spoken number', 'So a week or 2 here or there is fine.'],
    ['programs, products and units named by a number', 'Our Larkspur Rewards 360 program and our Atlas 7 platform, at Units 1, 2 and 3 of Crane Point (Units 1, 2 and 3).'],
  ])('%s', (_label, text) => {
    expect(surfaces(text)).toEqual([]);
  });

  it('keeps the quantity next to a name: "35,000 H100 computers", "30 Model 3s", "50,000 3’s"', () => {
    expect(surfaces('working 35,000 H100 computers; from 30 Model 3s; based on 50,000 3’s produced')).toEqual(['35,000', '30', '50,000']);
  });

  it('keeps percentage points said short: "3 points of the 24%"', () => {
    expect(readAll('Price was about 3 points of the 24%.')).toEqual([
      plain({ surface: '3 points', value: 3, unit: 'percent', approximate: true }),
      plain({ surface: '24%', value: 24, unit: 'percent' }),
    ]);
    expect(readAll('I have 3 points of view on that.')).toEqual([plain({ surface: '3 points', value: 3, item: 'point' })]);
  });

  it('keeps a year that carries a currency, a scale or a percent', () => {
    expect(surfaces('it cost $2017 and then 2018%')).toEqual(['$2017', '2018%']);
  });
});
