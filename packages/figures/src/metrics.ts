import type { Token } from './tokens.ts';

/** A figure unit a metric accepts: `currency` is any ISO code, `count` a count with or without an item. */
type MetricUnit = 'currency' | 'count' | 'percent' | 'duration' | 'distance' | 'energy' | 'power' | 'multiple';

interface MetricDefinition {
  units: readonly MetricUnit[];
  description: string;
  /** Lower-case token sequences ("sg & a" for "SG&A") that name the metric next to a figure. */
  cues: readonly string[];
}

const money = ['currency'] as const;
const count = ['count'] as const;
const percent = ['percent'] as const;

/**
 * The `figures.metric` vocabulary. A metric is given only when one of its cues stands next to the
 * figure in the same sentence and the figure's unit is one the metric is measured in: "revenue
 * grew 15%" gets no metric (a growth rate is not revenue). A wrong metric is worse than none.
 */
export const METRICS = {
  revenue: {
    units: money,
    description: 'Revenue or sales, in a currency',
    cues: ['revenue', 'revenues', 'top line', 'sales revenue', 'total revenue', 'total revenues', 'automotive revenue', 'automotive revenues', 'net sales', 'total net sales', 'net revenue', 'net revenues', 'product revenue', 'product revenues'],
  },
  gross_margin: {
    units: percent,
    description: 'Gross margin, in percent (also "GM"; not "auto margins" or "margins" alone, which may be other margins)',
    cues: ['gross margin', 'gross margins', 'auto gross margin', 'automotive gross margin', 'gm', 'gaap gm', 'cash gm'],
  },
  gross_profit: { units: money, description: 'Gross profit, in a currency', cues: ['gross profit'] },
  operating_margin: { units: percent, description: 'Operating (EBIT) margin, in percent', cues: ['operating margin', 'operating margins', 'ebit margin', 'ebit margins'] },
  operating_income: { units: money, description: 'Operating income or EBIT, in a currency', cues: ['operating income', 'operating profit', 'operating earnings', 'ebit'] },
  ebitda: { units: money, description: 'EBITDA, in a currency', cues: ['ebitda'] },
  net_income: { units: money, description: 'Net income or loss, in a currency', cues: ['net income', 'net loss', 'net profit', 'net earnings', 'net inc', 'net inc to common'] },
  eps: { units: money, description: 'Earnings per share, in a currency', cues: ['eps', 'earnings per share', 'earnings per diluted share', 'eps normalized'] },
  deliveries: { units: count, description: 'Vehicles delivered to customers', cues: ['deliveries', 'delivery', 'deliver', 'delivered', 'delivering'] },
  production: { units: count, description: 'Vehicles or units produced over a period', cues: ['production', 'produce', 'produced', 'producing', 'build', 'built', 'building'] },
  production_rate: {
    units: count,
    description: 'Production per unit of time: a production figure with a `per` of day, week, month or year, or a run rate',
    cues: ['production rate', 'run rate', 'production week', 'exit rate'],
  },
  orders: { units: count, description: 'Customer orders', cues: ['orders', 'order rate', 'net orders'] },
  reservations: { units: count, description: 'Reservations (net or gross)', cues: ['reservations', 'net reservations', 'gross reservations'] },
  deposits: { units: money, description: 'Customer deposits, in a currency', cues: ['deposit', 'deposits', 'customer deposits'] },
  capex: {
    units: money,
    description: 'Capital expenditure (also the capital budget or program)',
    cues: ['capex', 'capital expenditure', 'capital expenditures', 'capital spending', 'cap ex', 'capital budget', 'capital program', 'capex budget'],
  },
  opex: {
    units: money,
    description: 'Operating expenses (also O&M, lease operating expense)',
    cues: ['opex', 'operating expense', 'operating expenses', 'operating costs', 'o & m', 'operations and maintenance'],
  },
  sga: { units: money, description: 'Selling, general and administrative expense', cues: ['sg & a', 'sga'] },
  r_and_d: { units: money, description: 'Research and development expense', cues: ['r & d', 'research and development'] },
  cogs: { units: money, description: 'Cost of goods sold (also per vehicle)', cues: ['cogs', 'cost of goods sold', 'cost of goods', 'cash cogs'] },
  stock_based_compensation: { units: money, description: 'Stock-based compensation', cues: ['stock - based comp', 'stock - based compensation', 'sbc'] },
  cash: { units: money, description: 'Cash and liquidity held', cues: ['cash', 'liquidity', 'cash balance', 'cash balances', 'cash position', 'gross cash'] },
  free_cash_flow: { units: money, description: 'Free cash flow', cues: ['free cash flow', 'fcf'] },
  operating_cash_flow: { units: money, description: 'Cash flow from operations', cues: ['operating cash flow', 'cash flow from operations', 'cash from operations'] },
  zev_credits: { units: money, description: 'Zero-emission-vehicle (regulatory) credit sales', cues: ['zev credits', 'zev credit', 'zev', 'zev sold', 'regulatory credits', 'zev income'] },
  warranty_reserve: { units: money, description: 'Warranty reserve, often per vehicle', cues: ['warranty reserve', 'warranty reserves', 'warranty reserving'] },
  asp: { units: money, description: 'Average selling price', cues: ['asp', 'asps', 'average selling price', 'average transaction price'] },
  price: {
    units: money,
    description: 'A list, sale or subscription price, or the price realized for what is sold',
    cues: ['price', 'priced', 'price point', 'starting price', 'subscription price', 'realized price', 'realized prices', 'list price', 'list prices'],
  },
  depreciation: { units: money, description: 'Depreciation (and amortization)', cues: ['depreciation', 'manuf depreciation'] },
  payment_terms: { units: ['duration'], description: 'Supplier payment terms, a duration', cues: ['payment terms', 'days payable'] },
  inventory_days: { units: ['duration'], description: 'Inventory held, in days of supply', cues: ['inventory', 'of inventory', 'days of inventory', 'inventory days'] },
  headcount: { units: count, description: 'Employees', cues: ['employees', 'headcount', 'head count', 'associates'] },
  range: { units: ['distance'], description: 'Vehicle driving range, a distance', cues: ['range'] },
  storage_deployments: { units: ['energy'], description: 'Energy storage deployed', cues: ['storage deployments', 'energy storage', 'deployments', 'deployed'] },
} as const satisfies Record<string, MetricDefinition>;

export type Metric = keyof typeof METRICS;

/**
 * Phrases that hold a cue's words but name something else: "annual recurring revenue" is no
 * revenue, "cash dividend" and "cash flow" no cash held, a "price target" or "share price" no price
 * of what the company sells. Read like cues, so that the words inside them are no cue either.
 */
const NOT_CUES: readonly string[] = [
  'annual recurring revenue', 'recurring revenue', 'deferred revenue', 'unearned revenue', 'revenue retention', 'net revenue retention',
  'interest income', 'net interest income', 'other income', 'cash dividend', 'cash dividends', 'cash flow', 'cash flows', 'cash taxes',
  'cash interest', 'cash cost', 'cash costs', 'cash return', 'cash returns', 'cash burn', 'price target', 'share price', 'stock price',
  'price increase', 'price increases', 'price cut', 'price cuts',
];

interface Cue {
  metric: Metric | null;
  words: readonly string[];
}

// Longest cues first: "gross margin" before "margin", "free cash flow" before "cash".
const CUES: readonly Cue[] = [
  ...Object.entries(METRICS).flatMap(([metric, definition]) => definition.cues.map((cue) => ({ metric: metric as Metric, words: cue.split(' ') }))),
  ...NOT_CUES.map((phrase) => ({ metric: null, words: phrase.split(' ') })),
].sort((a, b) => b.words.length - a.words.length);
const CUES_BY_FIRST = new Map<string, Cue[]>();
for (const cue of CUES) {
  const first = cue.words[0] ?? '';
  CUES_BY_FIRST.set(first, [...(CUES_BY_FIRST.get(first) ?? []), cue]);
}

/** A metric cue found in a text: tokens [first, last]. */
export interface CueMatch {
  metric: Metric;
  first: number;
  last: number;
}

/** Words by which a cue names what the cue after it is about: "the market price for ZEV credits" is a price. */
const OF_WORDS = new Set(['of', 'for', 'on']);

/**
 * Every metric cue in tokens [from, to), longest first at each position, without overlaps. A cue
 * followed by "of", "for" or "on" and another cue is the first one ("market price for ZEV
 * credits", "capex for production"): the head noun comes first.
 */
export function findCues(tokens: readonly Token[], from: number, to: number): CueMatch[] {
  const found: CueMatch[] = [];
  let head: CueMatch | undefined;
  for (let at = from; at < to; at++) {
    const candidates = CUES_BY_FIRST.get(tokens[at]?.lower ?? '');
    const cue = candidates?.find((candidate) => at + candidate.words.length <= to && candidate.words.every((word, offset) => tokens[at + offset]?.lower === word));
    if (!cue) continue;
    const last = at + cue.words.length - 1;
    at = last;
    if (cue.metric === null) continue;
    if (head && head.last + 2 === last - cue.words.length + 1 && OF_WORDS.has(tokens[head.last + 1]?.lower ?? '')) {
      head.last = last;
      continue;
    }
    head = { metric: cue.metric, first: last - cue.words.length + 1, last };
    found.push(head);
  }
  return found;
}

/** Whether a figure of `unit` can be a value of `metric`. */
export function metricAccepts(metric: Metric, unit: string | null): boolean {
  const units: readonly MetricUnit[] = METRICS[metric].units;
  if (unit === null) return false;
  if (/^[A-Z]{3}$/.test(unit)) return units.includes('currency');
  return units.includes(unit as MetricUnit);
}
