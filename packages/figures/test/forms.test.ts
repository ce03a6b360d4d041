import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/index.ts';
import { plain, readAll } from './helpers.ts';

// Every number form the issue lists, in a sentence of the kind the sources use, with its exact reading.
describe('number forms', () => {
  it.each([
    ['has been over 1,800 per day', plain({ surface: '1,800', value: 1800, per: 'day', bound: 'gt' })],
    ['per model 3 2.25', plain({ surface: '2.25', value: 2.25 })],
    ['we had $5 million in the quarter', plain({ surface: '$5 million', value: 5_000_000, unit: 'USD' })],
    ['guiding their Q2 SG&A of $750m to stay flat', plain({ surface: '$750m', value: 750_000_000, unit: 'USD' })],
    ['ZEV sold $302.3m', plain({ surface: '$302.3m', value: 302_300_000, unit: 'USD' })],
    ['the currently available RWD version ($49k+), the', plain({ surface: '$49k+', value: 49_000, unit: 'USD', bound: 'gte' })],
    ['future GF are likely to cost ~$2 billion, and', plain({ surface: '~$2 billion', value: 2_000_000_000, unit: 'USD', approximate: true })],
    ['the $35k SR RWD', plain({ surface: '$35k', value: 35_000, unit: 'USD' })],
    ['the ramp to 35k this year', plain({ surface: '35k', value: 35_000 })],
    ['Cybertruck had 1K a week just a couple of weeks ago.', plain({ surface: '1K', value: 1000, per: 'week' })],
    ['pushed out to 1.8 million vehicles, and', plain({ surface: '1.8 million vehicles', value: 1_800_000, item: 'vehicle' })],
    ['reached the 25% gross margin level', plain({ surface: '25%', value: 25, unit: 'percent' })],
    ['i think i had a -24.5% gm impact', plain({ surface: '-24.5%', value: -24.5, unit: 'percent' })],
    ['EPS Normalized (1.92) for the quarter', plain({ surface: '(1.92)', value: -1.92 })],
    ['I.e. 3x-4x of the value', plain({ surface: '3x-4x', valueLow: 3, valueHigh: 4, unit: 'multiple' })],
    ['and 1.5x if we get very pessimistic', plain({ surface: '1.5x', value: 1.5, unit: 'multiple' })],
    ['Elon saying they get .50c in the dollar', plain({ surface: '.50c', value: 0.5, unit: 'USD', per: 'dollar' })],
    ['ZEV per car $3,965', plain({ surface: '$3,965', value: 3965, unit: 'USD' })],
    ['hanging with us [30] production Model 3s', plain({ surface: '[30]', value: 30 })],
    ['that will drive ~650-750m of additional cash', plain({ surface: '~650-750m', valueLow: 650_000_000, valueHigh: 750_000_000, unit: null, approximate: true })],
    ['With 50k-55k deliveries in Q3', plain({ surface: '50k-55k deliveries', valueLow: 50_000, valueHigh: 55_000, item: 'delivery' })],
    ['We have about 130-140 vehicles left to sell', plain({ surface: '130-140 vehicles', valueLow: 130, valueHigh: 140, item: 'vehicle', approximate: true })],
    ['assuming $3k-$4k/unit market price', plain({ surface: '$3k-$4k', valueLow: 3000, valueHigh: 4000, unit: 'USD', per: 'unit' })],
    ['something like roughly 10-20% (a rough magnitude)', plain({ surface: '10-20%', valueLow: 10, valueHigh: 20, unit: 'percent', approximate: true })],
    ["it's within like 1% or 2%.", plain({ surface: '1% or 2%', valueLow: 1, valueHigh: 2, unit: 'percent', approximate: true })],
    ['a production rate of 10,000 vehicles per week', plain({ surface: '10,000 vehicles', value: 10_000, item: 'vehicle', per: 'week' })],
    ['So it may be 70 to 90 days.', plain({ surface: '70 to 90 days', valueLow: 70, valueHigh: 90, unit: 'duration', item: 'day' })],
    ['It’s, like, $9-10 a gallon in Europe.', plain({ surface: '$9-10', valueLow: 9, valueHigh: 10, unit: 'USD', per: 'gallon', approximate: true })],
    ['take maybe a 1- or 2-month wait', plain({ surface: '1- or 2-month', valueLow: 1, valueHigh: 2, unit: 'duration', item: 'month' })],
    ['we’ve done 5,000-6,000 test drives of reservation holders', plain({ surface: '5,000-6,000 test drives', valueLow: 5000, valueHigh: 6000, item: 'test drive' })],
    ['producing 250-300k pure EVs this year', plain({ surface: '250-300k', valueLow: 250_000, valueHigh: 300_000 })],
    ['would map to $225m-$300m depending', plain({ surface: '$225m-$300m', valueLow: 225_000_000, valueHigh: 300_000_000, unit: 'USD' })],
    ['an other 1.5-2.0% of gross margin', plain({ surface: '1.5-2.0%', valueLow: 1.5, valueHigh: 2, unit: 'percent' })],
    ['for probably 12-18 months at the minimum.', plain({ surface: '12-18 months', valueLow: 12, valueHigh: 18, unit: 'duration', item: 'month', bound: 'gte' })],
    ['between 20 and 30 stores', plain({ surface: '20 and 30 stores', valueLow: 20, valueHigh: 30, item: 'store' })],
    ['We produced an average of 412,000 barrels of oil equivalent per day', plain({ surface: '412,000 barrels', value: 412_000, item: 'barrel', per: 'day' })],
    ['We exited the year producing roughly 431,000 BOE per day.', plain({ surface: '431,000 BOE', value: 431_000, item: 'BOE', per: 'day', approximate: true })],
    ['and $2.11 per Mcf of gas', plain({ surface: '$2.11', value: 2.11, unit: 'USD', per: 'Mcf' })],
    ['our corporate breakeven is now below $40 a barrel.', plain({ surface: '$40', value: 40, unit: 'USD', per: 'barrel', bound: 'lt' })],
    ['our average lateral length increased to 10,400 feet.', plain({ surface: '10,400 feet', value: 10_400, unit: 'distance', item: 'foot' })],
    ['as the 40-milligram dose launches', plain({ surface: '40-milligram', value: 40, unit: 'mass', item: 'milligram' })],
    ["given last year's 200-basis-point markdown headwind?", plain({ surface: '200-basis-point', value: 200, unit: 'bps' })],
    ['Also the dividend is $2.04 annualized.', plain({ surface: '$2.04', value: 2.04, unit: 'USD', per: 'year' })],
    ['we would cut activity by one or two rigs', plain({ surface: 'one or two rigs', valueLow: 1, valueHigh: 2, item: 'rig', spelled: true })],
    ['margins were down 2.5pp on mix', plain({ surface: '2.5pp', value: 2.5, unit: 'percent' })],
    ['up 1.2 ppts year on year', plain({ surface: '1.2 ppts', value: 1.2, unit: 'percent' })],
    ['a R$5 bil program', plain({ surface: 'R$5 bil', value: 5_000_000_000, unit: 'BRL' })],
    ['NT$3 tn of exports', plain({ surface: 'NT$3 tn', value: 3_000_000_000_000, unit: 'TWD' })],
    ['about 20 million ZAR', plain({ surface: '20 million ZAR', value: 20_000_000, unit: 'ZAR', approximate: true })],
  ])('%s', (text, expected) => {
    expect(readAll(text)).toEqual([expected]);
  });

  it('scales on the decimal string, never by float multiplication', () => {
    expect(readAll('4.02 thousand')).toEqual([plain({ surface: '4.02 thousand', value: 4020 })]);
    expect(readAll('$1.1 billion')[0]?.value).toBe(1_100_000_000);
    expect(readAll('0.29 million')[0]?.value).toBe(290_000);
    expect(readAll('$2.3bn')[0]?.value).toBe(2_300_000_000);
    expect(readAll('$1.9 mm')[0]?.value).toBe(1_900_000);
    expect(readAll('1.15 trillion')[0]?.value).toBe(1_150_000_000_000);
  });

  it('reads units: currencies, percent, counts with their noun, durations, multiples, energy, distance', () => {
    expect(readAll('US$5 million and C$2 and USD 40 and €3bn and 20 million euros')).toEqual([
      plain({ surface: 'US$5 million', value: 5_000_000, unit: 'USD' }),
      plain({ surface: 'C$2', value: 2, unit: 'CAD' }),
      plain({ surface: 'USD 40', value: 40, unit: 'USD' }),
      plain({ surface: '€3bn', value: 3_000_000_000, unit: 'EUR' }),
      plain({ surface: '20 million euros', value: 20_000_000, unit: 'EUR' }),
    ]);
    expect(readAll('12 percent, 35 GPUs, 8 weeks, a 2 GWh plant, a 100-kilowatt hour pack, 310-mile range, 200,000 km')).toEqual([
      plain({ surface: '12 percent', value: 12, unit: 'percent' }),
      plain({ surface: '35 GPUs', value: 35, item: 'gpu' }),
      plain({ surface: '8 weeks', value: 8, unit: 'duration', item: 'week' }),
      plain({ surface: '2 GWh', value: 2, unit: 'energy', item: 'GWh' }),
      plain({ surface: '100-kilowatt hour', value: 100, unit: 'energy', item: 'kWh' }),
      plain({ surface: '310-mile', value: 310, unit: 'distance', item: 'mile' }),
      plain({ surface: '200,000 km', value: 200_000, unit: 'distance', item: 'km' }),
    ]);
    expect(readAll('a couple hundred bucks, 50 cents a share')).toEqual([plain({ surface: '50 cents', value: 0.5, unit: 'USD', per: 'share' })]);
  });

  it('reads approximations and bounds around the figure, keeping only ~ and a trailing + in the surface', () => {
    expect(readAll('about 80%, roughly 35,000 GPUs, close to 60 days, 85,000 or so, on the order of 90 days, 1,000 or thereabouts')).toEqual([
      plain({ surface: '80%', value: 80, unit: 'percent', approximate: true }),
      plain({ surface: '35,000 GPUs', value: 35_000, item: 'gpu', approximate: true }),
      plain({ surface: '60 days', value: 60, unit: 'duration', item: 'day', approximate: true }),
      plain({ surface: '85,000', value: 85_000, approximate: true }),
      plain({ surface: '90 days', value: 90, unit: 'duration', item: 'day', approximate: true }),
      plain({ surface: '1,000', value: 1000, approximate: true }),
    ]);
    expect(readAll('over 3 million vehicles, more than 500, at least 20,000 units, up to $300m, below 20%, 20,000 or more, 22,000-and-change')).toEqual([
      plain({ surface: '3 million vehicles', value: 3_000_000, item: 'vehicle', bound: 'gt' }),
      plain({ surface: '500', value: 500, bound: 'gt' }),
      plain({ surface: '20,000 units', value: 20_000, item: 'unit', bound: 'gte' }),
      plain({ surface: '$300m', value: 300_000_000, unit: 'USD', bound: 'lte' }),
      plain({ surface: '20%', value: 20, unit: 'percent', bound: 'lt' }),
      plain({ surface: '20,000', value: 20_000, bound: 'gte' }),
      plain({ surface: '22,000', value: 22_000, bound: 'gt' }),
    ]);
    // An approximation before a list holds for each figure of the list.
    expect(readAll('production increased about 18%, 20% over Q4').map((figure) => [figure.surface, figure.approximate])).toEqual([['18%', true], ['20%', true]]);
    // A bound alone leaves approximate false; an approximation word next to it still counts.
    expect(readAll('roughly over 500 units')).toEqual([plain({ surface: '500 units', value: 500, item: 'unit', bound: 'gt', approximate: true })]);
    expect(readAll('It’s, like, $9-10 a gallon, and like a 1.5 hour wait')).toEqual([
      plain({ surface: '$9-10', valueLow: 9, valueHigh: 10, unit: 'USD', per: 'gallon', approximate: true }),
      plain({ surface: '1.5 hour', value: 1.5, unit: 'duration', item: 'hour' }),
    ]);
  });

  it('reads the other forms of the labelling conventions: basis points, fractions, ranges with one scale, per any noun', () => {
    expect(readAll('margin expanded 8 basis points to 3.42%, or 50bps; about 1/3 of revenue; 2.5 percentage points')).toEqual([
      plain({ surface: '8 basis points', value: 8, unit: 'bps' }),
      plain({ surface: '3.42%', value: 3.42, unit: 'percent' }),
      plain({ surface: '50bps', value: 50, unit: 'bps' }),
      plain({ surface: '1/3', value: 1 / 3, unit: 'fraction', approximate: true }),
      plain({ surface: '2.5 percentage points', value: 2.5, unit: 'percent' }),
    ]);
    expect(readAll('roughly $5.5-5.7bn, revenue of $1.30 billion to $1.38 billion and gross margin between 54% and 55%')).toEqual([
      plain({ surface: '$5.5-5.7bn', valueLow: 5_500_000_000, valueHigh: 5_700_000_000, unit: 'USD', approximate: true }),
      plain({ surface: '$1.30 billion to $1.38 billion', valueLow: 1_300_000_000, valueHigh: 1_380_000_000, unit: 'USD' }),
      plain({ surface: '54% and 55%', valueLow: 54, valueHigh: 55, unit: 'percent' }),
    ]);
    expect(readAll('$41.05/share, $3 per lane, $0.42 per diluted share, $0.98 a year ago, our fleet of 142 aircraft includes')).toEqual([
      plain({ surface: '$41.05', value: 41.05, unit: 'USD', per: 'share' }),
      plain({ surface: '$3', value: 3, unit: 'USD', per: 'lane' }),
      plain({ surface: '$0.42', value: 0.42, unit: 'USD', per: 'share' }),
      plain({ surface: '$0.98', value: 0.98, unit: 'USD' }),
      plain({ surface: '142 aircraft', value: 142, item: 'aircraft' }),
    ]);
    expect(readAll('EPS was 42 cents, or 72c, and we are in the 130s; a sub-20% margin and 60%-plus; 3*112k units')).toEqual([
      plain({ surface: '42 cents', value: 0.42, unit: 'USD', per: 'share' }),
      plain({ surface: '72c', value: 0.72, unit: 'USD' }),
      plain({ surface: '130s', valueLow: 130, valueHigh: 139 }),
      plain({ surface: '20%', value: 20, unit: 'percent', bound: 'lt' }),
      plain({ surface: '60%', value: 60, unit: 'percent', bound: 'gte' }),
      plain({ surface: '3', value: 3, unit: null }),
      plain({ surface: '112k units', value: 112_000, item: 'unit' }),
    ]);
  });

  it('takes only the noun right after a count as its item', () => {
    expect(readAll('these 2 statements, 40 production vehicles, more than 1 partner, the 35,000 delivery number, 100 million Teslas')).toEqual([
      plain({ surface: '2 statements', value: 2, item: 'statement' }),
      plain({ surface: '40', value: 40 }),
      plain({ surface: '1 partner', value: 1, item: 'partner', bound: 'gt' }),
      plain({ surface: '35,000', value: 35_000 }),
      plain({ surface: '100 million', value: 100_000_000 }),
    ]);
  });

  it('keeps money whose currency is unstated without a unit', () => {
    expect(readAll('that will drive ~650-750m of additional cash, and maybe 1.5k per car against $2k per vehicle')).toEqual([
      plain({ surface: '~650-750m', valueLow: 650_000_000, valueHigh: 750_000_000, unit: null, approximate: true }),
      plain({ surface: '1.5k', value: 1500, unit: null, per: 'car' }),
      plain({ surface: '$2k', value: 2000, unit: 'USD', per: 'vehicle' }),
    ]);
  });

  it('keeps "from X to Y" and "by X to Y" as two figures, not a range', () => {
    expect(readAll('Auto margins declined from 18.9% to 18.5%.').map((figure) => figure.surface)).toEqual(['18.9%', '18.5%']);
    expect(readAll('a drop in the market price from $4k to $3k').map((figure) => figure.value)).toEqual([4000, 3000]);
  });

  it('reads spelled-out quantities only where precise, and flags them', () => {
    expect(readAll('ten thousand people and a million people, and by a half billion or more')).toEqual([
      plain({ surface: 'ten thousand people', value: 10_000, item: 'person', spelled: true }),
      plain({ surface: 'a million people', value: 1_000_000, item: 'person', spelled: true }),
      plain({ surface: 'a half billion', value: 500_000_000, bound: 'gte', spelled: true }),
    ]);
    expect(readAll('several hundred million, a couple thousand cars, hundreds of thousands of credits, a few hundred')).toEqual([]);
  });

  it('reads words that are Object.prototype members as plain words', () => {
    expect(readAll('7 constructor, 3 toString units, 5 __proto__')).toEqual([
      plain({ surface: '7', value: 7 }),
      plain({ surface: '3', value: 3 }),
      plain({ surface: '5', value: 5 }),
    ]);
  });

  it('counts offsets in code points, so astral characters before a figure do not shift it', () => {
    const text = '𝔸 “$5 million”';
    const [figure] = extractFigures(text);
    expect(figure?.surface).toBe('$5 million');
    expect([figure?.charStart, figure?.charEnd]).toEqual([3, 13]);
    expect([...text].slice(3, 13).join('')).toBe('$5 million');
  });
});
