import type { PlacedFigure } from './extract.ts';
import { attachedTokens, kindOf, readSentence, type SentenceReading } from './kind.ts';
import { findCues, metricAccepts, type CueMatch, type Metric } from './metrics.ts';
import type { PeriodAnchor, PeriodMention } from './periods.ts';
import { sentenceIndex, splitSentences, type Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';
import { readCountedNoun } from './nouns.ts';
import { NAMING_WORDS, PER_WORDS } from './vocabulary.ts';

/** What the document and the turn say about a figure's setting: its fiscal anchor, who speaks, where. */
export interface FigureAnchor extends PeriodAnchor {
  eventType?: 'earnings_call' | 'forum_thread' | null;
  speakerType?: 'executive' | 'analyst' | 'operator' | 'forum_member' | 'unknown' | null;
  section?: 'presentation' | 'qa' | 'post' | null;
}

/** Tokens between a figure and a period said after it ("$750m for Q2", "28% gross margins by 4Q"). */
const PERIOD_AFTER_GAP = 6;
/** Tokens between a period said before a figure and the figure ("Q2 SG&A of $750m"). */
const PERIOD_BEFORE_GAP = 10;
/** Tokens between a figure and a metric named after it ("25% gross margin", "$707m for Q3 SG&A"). */
const METRIC_AFTER_GAP = 3;
/** Tokens between a metric named before a figure and the figure ("gross margin will exceed 25%"). */
const METRIC_BEFORE_GAP = 7;

/** Tokens before a figure searched for the period that frames its sentence ("For the fourth quarter, ... and 1% to 2%"). */
const FRAME_WINDOW = 64;
/** Tokens at the start of a sentence a framing period is said in: "For the full year fiscal 2024, we ...", "We ended the quarter with". */
const FRAME_OPENING = 8;
/** Words that open a clause with a subject of its own after a comma, beyond which a framing period does not reach: ", that sounds like". */
const NEW_SUBJECTS = new Set(['that', 'it', 'this', 'there', 'which']);

/** Tokens after a period said after a figure in which a next figure claims it as its own ("$3.47 and FY25 to $3.80"). */
const NEXT_FIGURE_GAP = 6;

/**
 * Words before a period that make it no period of the figure: a comparison base ("versus last
 * year") or the date of something else ("notes due in 2025").
 */
const COMPARISON = new Set(['compared', 'versus', 'vs', 'than', 'from', 'since', 'over', 'due', 'maturing', 'matures', 'mature', 'expiring', 'expires', 'until', 'till']);
/** Words that open a new clause or list member between a figure and a period after it: ", with the first quarter ...". */
const CLAUSE_JOINERS = new Set([',', 'and', 'with', 'while', 'but', 'whereas', 'or']);

/** Whether a clause joiner stands in tokens [from, to): what follows opens a new clause or list member. */
function joinedAt(tokens: readonly Token[], from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (CLAUSE_JOINERS.has(tokens[at]?.lower ?? '')) return true;
  return false;
}

/** Items sorted by their first token: those starting in tokens [from, to), found by binary search. */
function near<T>(sorted: readonly T[], firstOf: (item: T) => number, from: number, to: number): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (firstOf(sorted[middle] as T) < from) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let index = low; index < sorted.length && firstOf(sorted[index] as T) < to; index++) found.push(sorted[index] as T);
  return found;
}
const figureFirst = (figure: PlacedFigure) => figure.reading.first;
const spanFirst = (span: { first: number }) => span.first;
/** Tokens a reading may take, its rate words included; bounds the windows searched around it. */
const LONGEST_READING = 16;

/** Whether another figure than `figure` starts and ends within tokens [from, to). */
function figureBetween(figures: readonly PlacedFigure[], figure: PlacedFigure, from: number, to: number): boolean {
  return near(figures, figureFirst, from, to).some((other) => other !== figure && other.reading.last < to);
}

/**
 * The period a figure compared with a base period is measured in: a growth "of 53% compared to
 * Q2 '16" is the reported period's growth, the later of the two (a quarter or a year, like the base).
 */
function laterPeriod(tokens: readonly Token[], figure: PlacedFigure, mentions: readonly PeriodMention[], sentence: Sentence, anchor: FigureAnchor): string | null {
  const { reading } = figure;
  const base = near(mentions, spanFirst, reading.next, reading.next + 5).find((mention) => {
    if (mention.first < reading.next || mention.first - reading.next > 4 || mention.last >= sentence.end || mention.period === null) return false;
    return [tokens[mention.first - 1]?.lower, tokens[mention.first - 2]?.lower, tokens[mention.first - 3]?.lower].some((word) => word === 'compared' || word === 'versus' || word === 'vs');
  });
  if (!base?.period || !anchor.fiscalYear) return null;
  if (base.period.length === 4) return String(anchor.fiscalYear);
  return base.period[4] === 'Q' && anchor.fiscalQuarter ? `${anchor.fiscalYear}Q${anchor.fiscalQuarter}` : null;
}

/** Whether a word among the `count` tokens before `first` (none before `floor`) makes a period there no period of a figure. */
function comparedBefore(tokens: readonly Token[], first: number, floor: number, count = 3): boolean {
  for (let at = Math.max(floor, first - count); at < first; at++) if (COMPARISON.has(tokens[at]?.lower ?? '')) return true;
  return false;
}

/** Periods listed after a compared one, compared too: "accumulated $148m already from Q1 and Q2". */
function listedAfterCompared(tokens: readonly Token[], mentions: readonly PeriodMention[]): Set<PeriodMention> {
  const listed = new Set<PeriodMention>();
  mentions.forEach((mention, index) => {
    const previous = mentions[index - 1];
    if (!previous || previous.last + 2 !== mention.first || !['and', 'or', ',', '/', '&'].includes(tokens[previous.last + 1]?.lower ?? '')) return;
    if (listed.has(previous) || comparedBefore(tokens, previous.first, 0)) listed.add(mention);
  });
  return listed;
}

/** Tokens [from, to) without the qualifier words that stand outside a surface ("the full year, about 54%"). */
function gapWithoutQualifiers(tokens: readonly Token[], from: number, to: number): number {
  let gap = 0;
  for (let at = from; at < to; at++) if (!QUALIFIER_WORDS.has(tokens[at]?.lower ?? '')) gap++;
  return gap;
}

/**
 * The comparison-free period nearest to a figure in its sentence, or undefined when none is near:
 * said right after it, or before it (near, or opening the sentence, and not said right after an
 * earlier figure), else the period that frames the sentence before its figures.
 */
function periodOf(tokens: readonly Token[], figure: PlacedFigure, others: readonly PlacedFigure[], mentions: readonly PeriodMention[], listed: ReadonlySet<PeriodMention>, sentence: Sentence): PeriodMention | undefined {
  const { reading } = figure;
  const compared = (mention: PeriodMention, floor: number) => listed.has(mention) || comparedBefore(tokens, mention.first, floor);
  const between = (from: number, to: number) => figureBetween(others, figure, from, to);
  // A period said right after an earlier figure is that figure's ("$2 billion CapEx in the back half and ... $1 billion"),
  // unless it opens the next clause (", with the first quarter the low point at roughly 415,000").
  const claimedBefore = (mention: PeriodMention) => near(others, figureFirst, Math.max(sentence.start, mention.first - PERIOD_AFTER_GAP - LONGEST_READING), mention.first).some(
    (other) => other !== figure && other.reading.next <= mention.first && mention.first - other.reading.next <= PERIOD_AFTER_GAP && !joinedAt(tokens, other.reading.next, mention.first));
  let best: { mention: PeriodMention; gap: number } | undefined;
  const nearby = near(mentions, spanFirst, reading.first - PERIOD_BEFORE_GAP - LONGEST_READING, reading.next + PERIOD_AFTER_GAP + 1);
  const opening = near(mentions, spanFirst, sentence.start, sentence.start + 2);
  for (const mention of [...opening, ...nearby]) {
    if (mention.first < sentence.start || mention.last >= sentence.end) continue;
    let gap: number;
    if (mention.first >= reading.next) {
      // Only the words after the figure compare: "up from 1,280 last year" is the base figure's own year.
      if (compared(mention, reading.next)) continue;
      gap = mention.first - reading.next;
      if (gap > PERIOD_AFTER_GAP || between(reading.next, mention.first)) continue;
      // "$3.47 and FY25 to $3.80", "440,000 BOE per day, with the first quarter ... at 415,000": a period that opens
      // the next clause or list member belongs to the figure that follows it.
      if (joinedAt(tokens, reading.next, mention.first) && near(others, figureFirst, mention.last + 1, Math.min(sentence.end, mention.last + 1 + NEXT_FIGURE_GAP)).length > 0) continue;
    } else if (mention.last < reading.first) {
      if (compared(mention, sentence.start)) continue;
      gap = reading.first - mention.last - 1;
      const opensSentence = mention.first - sentence.start <= 1;
      // Unless the two figures are joined ("the 20,000 next year and 25% gross margin", "the full year, about 54% oil").
      const tight = gapWithoutQualifiers(tokens, mention.last + 1, reading.first);
      const joined = tight <= 1 && (tight === 0 || ['and', ','].includes(tokens[mention.last + 1]?.lower ?? ''));
      if ((gap > PERIOD_BEFORE_GAP && !opensSentence) || (!joined && claimedBefore(mention)) || between(mention.last + 1, reading.first)) continue;
      gap += 0.5; // on a tie the period said after the figure wins: "28% in Q1 and 25% in Q4".
    } else {
      continue;
    }
    if (!best || gap < best.gap) best = { mention, gap };
  }
  if (best) return best.mention;
  // The period that frames the sentence from its opening words: "For the fourth quarter, we expect net sales of $3.05 billion
  // to $3.12 billion and comparable sales growth of 1% to 2%", "Fourth-quarter production of 426,000 BOE per day was up 3%".
  const from = Math.max(sentence.start, reading.first - FRAME_WINDOW);
  const frames = near(mentions, spanFirst, from, Math.min(reading.first, sentence.start + FRAME_OPENING));
  for (let index = frames.length - 1; index >= 0; index--) {
    const mention = frames[index] as PeriodMention;
    if (mention.last >= reading.first || compared(mention, sentence.start) || claimedBefore(mention)) continue;
    // ", that sounds like it's 2 lines", "if the sale closes in the second quarter ...: we have $500 million"
    const newClause = tokens.slice(mention.last + 1, reading.first).some((token, offset, words) => token.text === ':' || (token.text === ',' && NEW_SUBJECTS.has(words[offset + 1]?.lower ?? '')));
    return newClause ? undefined : mention;
  }
  return undefined;
}

/** The metric cue nearest to a figure in its sentence whose metric accepts the figure's unit. */
function metricOf(tokens: readonly Token[], figure: PlacedFigure, others: readonly PlacedFigure[], cues: readonly CueMatch[], sentence: Sentence): CueMatch | undefined {
  const { reading, candidate } = figure;
  const between = (from: number, to: number) => figureBetween(others, figure, from, to);
  let best: { cue: CueMatch; gap: number } | undefined;
  for (const cue of near(cues, spanFirst, reading.first - METRIC_BEFORE_GAP - LONGEST_READING, reading.next + METRIC_AFTER_GAP + 1)) {
    if (cue.first < sentence.start || cue.last >= sentence.end || !metricAccepts(cue.metric, candidate.unit)) continue;
    let gap: number;
    if (cue.first > reading.first && cue.last <= reading.last) {
      gap = 0; // the counted noun names it: "50k-55k deliveries", "3,412 employees"
    } else if (cue.first > reading.last && cue.first <= reading.last + 1 && cue.first < reading.next) {
      gap = 0; // a cue inside the rate words or right after the surface: "40 production vehicles"
    } else if (cue.first >= reading.next) {
      gap = cue.first - reading.next;
      if (gap > METRIC_AFTER_GAP || between(reading.next, cue.first)) continue;
    } else if (cue.last < reading.first) {
      gap = reading.first - cue.last - 1;
      if (gap > METRIC_BEFORE_GAP || between(cue.last + 1, reading.first)) continue;
      // A cue said right after an earlier figure is that figure's: "$612 million of cash and no borrowings on the $1 billion revolver".
      const claimed = gap > 1 && near(others, figureFirst, Math.max(sentence.start, cue.first - METRIC_AFTER_GAP - LONGEST_READING), cue.first).some(
        (other) => other !== figure && other.reading.next <= cue.first && cue.first - other.reading.next <= METRIC_AFTER_GAP &&
          metricAccepts(cue.metric, other.candidate.unit) && !joinedAt(tokens, other.reading.next, cue.first));
      if (claimed) continue;
    } else {
      continue;
    }
    if (!best || gap < best.gap) best = { cue, gap };
  }
  return best?.cue;
}

/** A production figure given per day, week, month or year is a production rate. */
function refineMetric(metric: Metric, per: string | null): Metric {
  if (metric === 'production' && per !== null && ['day', 'week', 'month', 'year'].includes(per)) return 'production_rate';
  return metric;
}

/**
 * A mention's period as its sentence means it: "the year" said on a Q4 call is the year reported
 * when the sentence looks back ("we ended the year with"), the coming one when it looks forward
 * ("expect to average 13 rigs for the year").
 */
function periodInTone(mention: PeriodMention, tone: SentenceReading, anchor: FigureAnchor): string | null {
  if (!mention.yearUnderWay || anchor.fiscalQuarter !== 4 || !anchor.fiscalYear || !(tone.forward || tone.guidanceWord)) return mention.period;
  return String(anchor.fiscalYear + 1);
}

/**
 * A quarter or half said without a year, in a sentence that names a year before it, is of that
 * year: "Looking into fiscal 2025, ... roughly 35 of them in the back half" is 2025H2.
 */
function periodInSentence(tokens: readonly Token[], mention: PeriodMention, mentions: readonly PeriodMention[], sentence: Sentence): string | null {
  if (!mention.yearless) return mention.period;
  const before = near(mentions, spanFirst, Math.max(sentence.start, mention.first - FRAME_WINDOW), mention.first);
  for (let index = before.length - 1; index >= 0; index--) {
    const named = before[index] as PeriodMention;
    if (named.period?.length === 4 && !named.yearUnderWay && !comparedBefore(tokens, named.first, sentence.start)) return `${named.period}${mention.yearless}`;
  }
  return mention.period;
}

/** Words that make a bare amount near them money: "~650-750m of additional cash", "cash balances by a half billion". */
const MONEY_WORDS = new Set([
  'cash', 'income', 'revenue', 'revenues', 'cost', 'costs', 'price', 'prices', 'profit', 'profits', 'balance', 'balances', 'deposit',
  'deposits', 'spend', 'spending', 'spent', 'expense', 'expenses', 'capex', 'opex', 'funding', 'debt', 'liquidity', 'payables',
  'receivables', 'earnings', 'burn', 'worth', 'valuation', 'budget', 'savings', 'proceeds', 'loss', 'losses', 'dollars', 'loans',
  'assets', 'capital', 'equity', 'reserves', 'provision', 'provisions', 'fees', 'dividend', 'dividends', 'buyback', 'buybacks',
  'repurchases', 'sales',
]);
/** Tokens around a bare amount searched for money words. */
const MONEY_WINDOW = 4;
const QUALIFIER_WORDS = new Set(['about', 'roughly', 'approximately', 'around', 'maybe', '~', 'only', 'just']);

/**
 * A bare amount (no currency, no counted noun) is money by context when a money word stands next
 * to it, or when it is scaled ("1.5k") in a sentence that prices something in a currency; its
 * currency is not stated, so its unit is unknown (null) rather than a count.
 */
function isMoneyByContext(tokens: readonly Token[], figure: PlacedFigure, sentence: Sentence, priced: boolean): boolean {
  const { reading, candidate } = figure;
  if (candidate.unit !== 'count' || candidate.item !== null) return false;
  // "30 Model 3s", "75k total units": things are counted a word or two later.
  for (let at = reading.next; at < Math.min(sentence.end, reading.next + 2); at++) {
    const word = tokens[at];
    if (word && (NAMING_WORDS.has(word.lower) || readCountedNoun(tokens, at, false) !== null)) return false;
  }
  const from = Math.max(sentence.start, reading.first - MONEY_WINDOW);
  const to = Math.min(sentence.end, reading.next + MONEY_WINDOW);
  for (let at = from; at < to; at++) {
    if ((at < reading.first || at >= reading.next) && MONEY_WORDS.has(tokens[at]?.lower ?? '')) return true;
  }
  return reading.low.scaled && priced;
}

/** "from $1.5 to about $1.1": the second figure of a change takes the metric of the first. */
function changePartner(tokens: readonly Token[], figure: PlacedFigure, previous: PlacedFigure | undefined): PlacedFigure | undefined {
  if (!previous) return undefined;
  const between = tokens.slice(previous.reading.next, figure.reading.first).map((token) => token.lower);
  const from = tokens[previous.reading.first - 1]?.lower === 'from';
  return from && between[0] === 'to' && between.slice(1).every((word) => QUALIFIER_WORDS.has(word)) ? previous : undefined;
}

/** Words that set a figure against the one before it as another value of the same measure: "$1.38, compared with $1.19". */
const COMPARING = new Set(['compared', 'versus', 'vs', 'than', 'above', 'below', 'under', 'over', 'from', 'against', 'ahead', 'behind']);
/** Words that may stand between two values of one measure, compared or listed: "$1.18 billion this quarter, which was above the $1.1 billion consensus". */
const PARTNER_WORDS = new Set([
  ',', '.', 'and', 'with', 'to', 'of', 'at', 'in', 'for', 'by', 'the', 'a', 'an', 'our', 'your', 'their', 'its', "company's", 'company’s', 'prior',
  'previous', 'range', 'consensus', 'street', 'guidance', 'guide', 'estimate', 'estimates', 'midpoint', 'which', 'was', 'were', 'is', 'just',
  'slightly', 'well', 'gaap', 'non', '-', 'adjusted', 'reported', 'diluted', 'about', 'roughly', 'approximately', 'around', 'nearly', 'least',
]);
/** Words after a figure that make it a difference between two values: "three cents ahead of", "2 points higher". */
const DIFFERENCE_WORDS = new Set(['ahead', 'behind', 'above', 'below', 'more', 'less', 'higher', 'lower', 'better', 'worse', 'short']);
/** Tokens between two values of one measure compared or listed. */
const PARTNER_GAP = 12;

/**
 * The figure before this one whose metric it shares: a value it is compared with ("diluted EPS
 * of $5.85 to $5.95, versus our prior range of $5.70 to $5.95", "Adjusted EPS $1.28 vs. $1.21
 * consensus") or listed after ("Consensus EPS is $3.46 for this year and $3.71 for 2025"), in the
 * same unit and rate, with nothing but such words and periods between.
 */
function metricPartner(tokens: readonly Token[], figure: PlacedFigure, previous: PlacedFigure | undefined, inPeriod: ReadonlySet<number>, sentence: Sentence): PlacedFigure | undefined {
  const metric = previous?.candidate.metric;
  if (!previous || !metric || previous.reading.first < sentence.start || !metricAccepts(metric as Metric, figure.candidate.unit)) return undefined;
  if (previous.candidate.unit !== figure.candidate.unit || (previous.candidate.per !== figure.candidate.per && !(metric === 'eps' && figure.candidate.per === null))) return undefined;
  const from = previous.reading.next;
  const to = figure.reading.first;
  // "$0.47, three cents ahead of the high end": a difference, not another value.
  if (to - from > PARTNER_GAP || DIFFERENCE_WORDS.has(tokens[figure.reading.next]?.lower ?? '')) return undefined;
  for (let at = from; at < to; at++) {
    const word = tokens[at]?.lower ?? '';
    if (!COMPARING.has(word) && !PARTNER_WORDS.has(word) && !inPeriod.has(at)) return undefined;
  }
  return previous;
}

/** "net income was $612 million, or $1.97 per diluted share": the amount per share of a net income is its EPS. */
function isEarningsPerShare(tokens: readonly Token[], figure: PlacedFigure, previous: PlacedFigure | undefined): boolean {
  if (figure.candidate.per !== 'share' || previous?.candidate.metric !== 'net_income') return false;
  return tokens.slice(previous.reading.next, figure.reading.first).every((token) => token.lower === ',' || token.lower === 'or');
}

/** "Per unit effective ZEV credit market price ... $4.0k": a rate said before the metric's words. */
function perBefore(tokens: readonly Token[], cue: CueMatch, sentence: Sentence): string | null {
  for (let at = Math.max(sentence.start, cue.first - 6); at < cue.first; at++) {
    if (tokens[at]?.lower === 'per') return PER_WORDS[tokens[at + 1]?.lower ?? ''] ?? null;
  }
  return null;
}

/** Fills period, metric, metric_label and kind of every figure of one text, from its sentences. */
export function resolveContext(text: string, tokens: readonly Token[], figures: readonly PlacedFigure[], mentions: readonly PeriodMention[], anchor: FigureAnchor): void {
  if (figures.length === 0) return;
  const sentences = splitSentences(tokens);
  const sentenceOf = sentenceIndex(sentences, tokens.length);
  const figureTokens = new Set<number>();
  for (const { reading } of figures) for (let at = reading.first; at <= reading.last; at++) figureTokens.add(at);
  // A year read as a figure ("$2016") is no period; every other mention is.
  const periods = mentions.filter((mention) => !figureTokens.has(mention.first));
  const listed = listedAfterCompared(tokens, periods);
  const inPeriod = new Set<number>();
  for (const mention of periods) for (let at = mention.first; at <= mention.last; at++) inPeriod.add(at);
  // A cue on a figure's own tokens names nothing, unless it is the counted noun ("55k deliveries").
  const countedNouns = new Set(figures.filter(({ candidate }) => candidate.unit === 'count' && candidate.item !== null).map(({ reading }) => (reading.high ?? reading.low).last));
  const cues = findCues(tokens, 0, tokens.length).filter((cue) => !figureTokens.has(cue.first) || countedNouns.has(cue.first));
  // Per sentence, read once: its words of tense and attribution, and whether it prices anything in a currency.
  const tones = new Map<number, SentenceReading>();
  const attached = attachedTokens(figures);
  const isMoney = (figure: PlacedFigure) => /^[A-Z]{3}$/.test(figure.candidate.unit ?? '');
  const priced = new Map<number, number>();
  for (const figure of figures) {
    const at = sentenceOf[figure.reading.first] ?? 0;
    if (isMoney(figure)) priced.set(at, (priced.get(at) ?? 0) + 1);
  }
  figures.forEach((figure, index) => {
    const sentenceAt = sentenceOf[figure.reading.first] ?? 0;
    const sentence = sentences[sentenceAt] ?? { start: 0, end: tokens.length };
    const candidate = figure.candidate;
    const pricedElsewhere = (priced.get(sentenceAt) ?? 0) - (isMoney(figure) ? 1 : 0) > 0;
    if (isMoneyByContext(tokens, figure, sentence, pricedElsewhere)) candidate.unit = null;
    let tone = tones.get(sentenceAt);
    if (!tone) {
      tone = readSentence(tokens, sentence);
      tones.set(sentenceAt, tone);
    }
    // A duration says how long, not when: it has no period of its own.
    const mention = candidate.unit === 'duration' ? undefined : periodOf(tokens, figure, figures, periods, listed, sentence);
    const cue = metricOf(tokens, figure, figures, cues, sentence);
    const completed = mention ? { ...mention, period: periodInSentence(tokens, mention, periods, sentence) } : undefined;
    candidate.period = completed ? periodInTone(completed, tone, anchor) : candidate.unit === 'duration' ? null : laterPeriod(tokens, figure, periods, sentence, anchor);
    const previous = figures[index - 1];
    const partner = cue ? undefined : (changePartner(tokens, figure, previous) ?? metricPartner(tokens, figure, previous, inPeriod, sentence));
    if (cue) {
      candidate.metric = refineMetric(cue.metric, candidate.per);
      candidate.metricLabel = text.slice(tokens[cue.first]?.start ?? 0, tokens[cue.last]?.end ?? 0);
      if (candidate.per === null && candidate.unit !== null && /^[A-Z]{3}$/.test(candidate.unit)) candidate.per = perBefore(tokens, cue, sentence);
    } else if (partner?.candidate.metric && metricAccepts(partner.candidate.metric as Metric, candidate.unit)) {
      candidate.metric = partner.candidate.metric;
      candidate.metricLabel = partner.candidate.metricLabel;
    } else if (isEarningsPerShare(tokens, figure, previous)) {
      candidate.metric = 'eps';
      candidate.metricLabel = text.slice(tokens[figure.reading.low.last + 1]?.start ?? 0, tokens[figure.reading.next - 1]?.end ?? 0);
    }
    // Earnings per share are per share, whether or not the sentence says so.
    if (candidate.metric === 'eps' && candidate.per === null) candidate.per = 'share';
    // "the ramp from 5,000 to 10,000 in 2018": the start of a change is in the period said after its end.
    const start = changePartner(tokens, figure, previous);
    if (start && start.candidate.period === null && start.candidate.unit !== 'duration' && mention && mention.first >= figure.reading.next) start.candidate.period = candidate.period;
  });
  // The kinds last: a figure's kind depends on its period, and a change's start takes its end's.
  figures.forEach((figure, index) => {
    const sentenceAt = sentenceOf[figure.reading.first] ?? 0;
    const tone = tones.get(sentenceAt) as SentenceReading;
    const sameSentence = (other: PlacedFigure | undefined) => (other && sentenceOf[other.reading.first] === sentenceAt ? other : undefined);
    figure.candidate.kind = kindOf(tone, figure, [sameSentence(figures[index - 1]), sameSentence(figures[index + 1])], attached, anchor);
  });
}
