/**
 * Word lists the extractor reads figures with. Every phrase is written as the lower-case tokens
 * the tokenizer produces, joined by spaces ("sg&a" is "sg & a").
 */
import { wordTable } from './word-table.ts';

/** Scale words after a number, as powers of ten. */
export const SCALE_WORDS: Readonly<Record<string, number>> = wordTable({ hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12 });
/** Scale abbreviations written after a number: "$750m", "35k", "$5 bn", "$2.1mm". */
export const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = wordTable({ k: 3, m: 6, mm: 6, mn: 6, mil: 6, mln: 6, b: 9, bn: 9, bil: 9, bln: 9, tn: 12 });

export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = wordTable({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW' });
/** Letters written against a `$`: "US$", "C$", "A$", "R$", "NT$". */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = wordTable({
  us: 'USD', c: 'CAD', ca: 'CAD', a: 'AUD', au: 'AUD', hk: 'HKD', nz: 'NZD', s: 'SGD', r: 'BRL', nt: 'TWD', mx: 'MXN',
});
/** ISO codes written before or after an amount ("USD 5 million", "20 million EUR"), upper case only. */
export const ISO_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'CAD', 'AUD', 'CHF', 'HKD', 'SEK', 'NOK', 'DKK', 'KRW', 'INR', 'SGD', 'NZD', 'TWD', 'MXN', 'BRL', 'ZAR', 'PLN',
]);
/** Currency words after an amount: [currency, power of ten]. "cents" is hundredths of a dollar. */
export const CURRENCY_WORDS: Readonly<Record<string, readonly [string, number]>> = wordTable({
  dollar: ['USD', 0], dollars: ['USD', 0], bucks: ['USD', 0], cent: ['USD', -2], cents: ['USD', -2],
  euro: ['EUR', 0], euros: ['EUR', 0], yuan: ['CNY', 0], renminbi: ['CNY', 0], yen: ['JPY', 0], pounds: ['GBP', 0],
});

/**
 * Measures: written unit to [unit column, item]. The value stays as written ("2 GWh" is 2 with
 * item GWh), so no conversion error can creep in; the item says what it counts.
 */
export const MEASURES: Readonly<Record<string, readonly [string, string]>> = wordTable({
  second: ['duration', 'second'], seconds: ['duration', 'second'], minute: ['duration', 'minute'], minutes: ['duration', 'minute'],
  hour: ['duration', 'hour'], hours: ['duration', 'hour'], day: ['duration', 'day'], days: ['duration', 'day'],
  week: ['duration', 'week'], weeks: ['duration', 'week'], month: ['duration', 'month'], months: ['duration', 'month'],
  quarter: ['duration', 'quarter'], quarters: ['duration', 'quarter'], year: ['duration', 'year'], years: ['duration', 'year'],
  decade: ['duration', 'decade'], decades: ['duration', 'decade'],
  mile: ['distance', 'mile'], miles: ['distance', 'mile'], km: ['distance', 'km'], kilometer: ['distance', 'km'], kilometers: ['distance', 'km'],
  kilometre: ['distance', 'km'], kilometres: ['distance', 'km'], meter: ['distance', 'meter'], meters: ['distance', 'meter'],
  metre: ['distance', 'meter'], metres: ['distance', 'meter'], foot: ['distance', 'foot'], feet: ['distance', 'foot'], ft: ['distance', 'foot'],
  milligram: ['mass', 'milligram'], milligrams: ['mass', 'milligram'], mg: ['mass', 'milligram'], gram: ['mass', 'gram'], grams: ['mass', 'gram'],
  kilogram: ['mass', 'kilogram'], kilograms: ['mass', 'kilogram'], kg: ['mass', 'kilogram'], tonne: ['mass', 'tonne'], tonnes: ['mass', 'tonne'],
  kwh: ['energy', 'kWh'], mwh: ['energy', 'MWh'], gwh: ['energy', 'GWh'], twh: ['energy', 'TWh'],
  kw: ['power', 'kW'], mw: ['power', 'MW'], gw: ['power', 'GW'], watt: ['power', 'W'], watts: ['power', 'W'], w: ['power', 'W'],
  kilowatt: ['power', 'kW'], kilowatts: ['power', 'kW'], megawatt: ['power', 'MW'], megawatts: ['power', 'MW'],
  gigawatt: ['power', 'GW'], gigawatts: ['power', 'GW'],
  degree: ['angle', 'degree'], degrees: ['angle', 'degree'],
});
/** Abbreviated measures that may be written against the number ("2GWh", "100kWh"). */
export const GLUED_MEASURES: ReadonlySet<string> = new Set(['kwh', 'mwh', 'gwh', 'twh', 'kw', 'mw', 'gw', 'w', 'km', 'mg', 'kg', 'ft']);
/**
 * Trade units written as symbols, counted like nouns and kept in their usual spelling as `item` or
 * `per`: "431,000 BOE per day", "$2.11 per Mcf". Capitalized, so no generic noun rule would take them.
 */
export const TRADE_UNITS: Readonly<Record<string, string>> = wordTable({
  boe: 'BOE', mcf: 'Mcf', mmcf: 'MMcf', bcf: 'Bcf', mcfe: 'Mcfe', mmbtu: 'MMBtu', bbl: 'bbl', bbls: 'bbl',
});
/** "kilowatt hour(s)": a power word followed by one of these is energy. */
export const HOUR_WORDS: ReadonlySet<string> = new Set(['hour', 'hours']);

/** Counted nouns (as written) to their singular `item`. */
export const ITEMS: Readonly<Record<string, string>> = wordTable(Object.fromEntries(
  [
    ['vehicle', 'vehicles'], ['car', 'cars'], ['unit', 'units'], ['gpu', 'gpus'], ['employee', 'employees'], ['person', 'people'],
    ['person', 'persons'], ['shift', 'shifts'], ['store', 'stores'], ['cell', 'cells'], ['camera', 'cameras'], ['sonar', 'sonars'],
    ['reservation', 'reservations'], ['order', 'orders'], ['delivery', 'deliveries'], ['customer', 'customers'],
    ['supercharger', 'superchargers'], ['station', 'stations'], ['factory', 'factories'], ['megapack', 'megapacks'],
    ['pack', 'packs'], ['engineer', 'engineers'], ['worker', 'workers'], ['robot', 'robots'], ['share', 'shares'],
    ['country', 'countries'], ['location', 'locations'], ['truck', 'trucks'], ['battery', 'batteries'], ['supplier', 'suppliers'],
    ['journalist', 'journalists'], ['seat', 'seats'], ['chip', 'chips'], ['job', 'jobs'], ['dealer', 'dealers'], ['plant', 'plants'],
    ['analyst', 'analysts'], ['computer', 'computers'], ['credit', 'credits'], ['part', 'parts'], ['question', 'questions'],
    ['component', 'components'], ['mile', 'miles'], ['sale', 'sales'], ['test drive', 'test drives'], ['household', 'households'],
    ['home', 'homes'], ['roof', 'roofs'], ['powerwall', 'powerwalls'], ['model', 'models'], ['market', 'markets'],
    ['line', 'lines'], ['site', 'sites'], ['center', 'centers'], ['service center', 'service centers'], ['owner', 'owners'],
    ['aircraft', 'aircraft'], ['staff', 'staff'], ['personnel', 'personnel'], ['child', 'children'], ['man', 'men'], ['woman', 'women'],
  ].flatMap(([singular, plural]) => [[singular, singular], [plural, singular]] as [string, string][]),
));

/** Rate denominators written after "per", "a", "an", "each", "every" or "/". */
export const PER_WORDS: Readonly<Record<string, string>> = wordTable({
  second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year',
  annum: 'year', share: 'share', vehicle: 'vehicle', car: 'car', unit: 'unit', kwh: 'kWh', gallon: 'gallon', person: 'person',
  mile: 'mile', dollar: 'dollar', head: 'person', pack: 'pack', cell: 'cell', charge: 'charge', employee: 'employee', credit: 'credit',
  barrel: 'barrel', ton: 'ton', tonne: 'tonne', ounce: 'ounce', mwh: 'MWh', seat: 'seat', user: 'user', subscriber: 'subscriber',
  customer: 'customer', member: 'member', store: 'store', night: 'night', passenger: 'passenger', transaction: 'transaction', patient: 'patient',
  dose: 'dose',
});

/** Words that name things by number: "Model 3", "Hardware 3", "Gigafactories 3, 4, 5 and 6". */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'model', 'models', 'hardware', 'hw', 'version', 'versions', 'generation', 'gen', 'fsd', 'gigafactory', 'gigafactories', 'giga',
  'series', 'page', 'pages', 'slide', 'slides', 'chapter', 'item', 'number', 'phase', 'step', 'tier', 'level', 'class', 'type',
  'route', 'highway', 'interstate', 'street', 'suite', 'floor', 'room', 'autopilot', 'release', 'firmware', 'software', 'beta', 'form', 'rule',
  'article', 'section', 'question', 'line', 'plaid', 'semi', 'cybertruck', 'ios', 'android', 'iphone', 'windows', 'covid', 'channel',
  'platform', 'stage', 'option', 'gate', 'building', 'bay', 'v', 'terminal', 'flight', 'runway', 'pier', 'hangar', 'top', 'rank', 'ranked',
  'grade', 'exhibit', 'figure', 'table', 'appendix', 'note', 'footnote', 'district', 'region', 'zone', 'block', 'lot', 'track', 'episode',
  'russell', 'ftse', 'nikkei', 'dax', 'cac', 'stoxx', 'nasdaq', 'dow', 'msci',
]);
/** Product and cell numbers that stand alone and read like quantities ("the 4680 ramp", "18650 cells"). */
export const PRODUCT_NUMBERS: ReadonlySet<string> = new Set(['4680', '18650', '2170', '21700', '4680s']);

export const MONTHS: Readonly<Record<string, number>> = wordTable({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
/** Words after a number that make it a clock time. */
export const CLOCK_WORDS: ReadonlySet<string> = new Set(['am', 'pm', 'a.m', 'p.m', 'o’clock', "o'clock", 'gmt', 'et', 'pt', 'est', 'pst', 'edt', 'pdt', 'utc']);
/** Letters written against a number that make it an ordinal. */
export const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);

/** Words (as token sequences) before a figure meaning "approximately". */
export const APPROXIMATE_BEFORE: readonly string[] = [
  'about', 'roughly', 'approximately', 'approx', 'around', 'close to', 'closer to', 'nearly', 'almost', 'circa', 'something like',
  'on the order of', 'in the order of', 'order of', 'in the neighborhood of', 'in the region of', 'ballpark', 'give or take',
  'some', 'somewhere around', 'pretty close to', 'something around', 'near', 'at or near', 'like', 'an approximate', 'approximate',
];
/** Words after a figure meaning "approximately". */
export const APPROXIMATE_AFTER: readonly string[] = ['or so', 'or thereabouts', 'approximately', 'ish', 'give or take', 'roughly', 'odd'];

export type Bound = 'gt' | 'gte' | 'lt' | 'lte';
/** Words before a figure bounding it. */
export const BOUND_BEFORE: Readonly<Record<string, Bound>> = wordTable({
  over: 'gt', 'just over': 'gt', 'well over': 'gt', 'way over': 'gt', 'far over': 'gt', 'way more than': 'gt', 'far more than': 'gt',
  'well above': 'gt', 'way above': 'gt', 'well below': 'lt', 'well under': 'lt', sub: 'lt', 'more than': 'gt', above: 'gt', exceed: 'gt', exceeds: 'gt', exceeding: 'gt',
  'in excess of': 'gt', 'well in excess of': 'gt', 'north of': 'gt', 'greater than': 'gt', 'better than': 'gt', 'higher than': 'gt',
  beyond: 'gt', 'upwards of': 'gt', 'at least': 'gte', 'no less than': 'gte', 'a minimum of': 'gte', minimum: 'gte',
  'up to': 'lte', 'at most': 'lte', 'no more than': 'lte', 'as much as': 'lte', 'as many as': 'lte', 'as high as': 'lte',
  'a maximum of': 'lte', maximum: 'lte', 'less than': 'lt', 'fewer than': 'lt', under: 'lt', below: 'lt', 'lower than': 'lt',
  'south of': 'lt', 'as little as': 'gte', 'as low as': 'gte', 'as few as': 'gte',
});
/** Words after a figure bounding it ("20,000 or more"); a trailing "+" is read with the figure. */
export const BOUND_AFTER: Readonly<Record<string, Bound>> = wordTable({
  plus: 'gte', 'or more': 'gte', 'or higher': 'gte', 'or better': 'gte', 'or greater': 'gte', 'and up': 'gte', 'and above': 'gte',
  'and beyond': 'gte', 'at the minimum': 'gte', 'at a minimum': 'gte', 'or less': 'lte', 'or lower': 'lte', 'or fewer': 'lte',
  'at most': 'lte', 'at the most': 'lte', 'and change': 'gt',
});
