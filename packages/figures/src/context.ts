import type { FigureKind, PlacedFigure } from './extract.ts';
import { findCues, metricAccepts, type CueMatch, type Metric } from './metrics.ts';
import { findPeriods, type PeriodAnchor, type PeriodMention } from './periods.ts';
import { sentenceIndex, splitSentences, type Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

/** What the document and the turn say about a figure's setting: its fiscal anchor, who speaks, where. */
export interface FigureAnchor extends PeriodAnchor {
  eventType?: 'earnings_call' | 'forum_thread' | null;
  speakerType?: 'executive' | 'analyst' | 'operator' | 'forum_member' | 'unknown' | null;
  section?: 'presentation' | 'qa' | 'post' | null;
}

/** Tokens between a figure and a period said after it ("$750m for Q2", "28% gross margins by 4Q"). */
const PERIOD_AFTER_GAP = 4;
/** Tokens between a period said before a figure and the figure ("Q2 SG&A of $750m"). */
const PERIOD_BEFORE_GAP = 10;
/** Tokens between a figure and a metric named after it ("25% gross margin", "$707m for Q3 SG&A"). */
const METRIC_AFTER_GAP = 3;
/** Tokens between a metric named before a figure and the figure ("gross margin will exceed 25%"). */
const METRIC_BEFORE_GAP = 7;

/** Words before a period that make it a comparison base, not the figure's period. */
const COMPARISON = new Set(['compared', 'versus', 'vs', 'than', 'from', 'since', 'over']);

const split = (phrase: string) => phrase.split(' ');
const CONSENSUS_CUES = ['consensus', 'street estimate', 'street estimates', 'street expectations', 'analyst estimates', 'sell side'].map(split);
const GUIDANCE_CUES = ['guidance', 'guide', 'guiding', 'guided', 'guides', 'outlook'].map(split);
const FORWARD_CUES = [
  'will', "'ll", '’ll', 'going to', 'gonna', 'expect', 'expects', 'expecting', 'expected', 'expectation', 'target', 'targeting', 'targets',
  'targeted', 'plan', 'plans', 'planning', 'aim', 'aiming', 'anticipate', 'anticipates', 'forecast', 'forecasting', 'project', 'projected',
  'projecting', 'projection', 'projections', 'should', 'would', 'could', 'might', 'may', 'estimate', 'estimates', 'estimating', 'hope',
  'hoping', 'aspire', 'aspiration', 'likely', 'future', 'by the end of', 'next year', 'next quarter', 'eventually', 'assume', 'assuming',
  'want to', 'trying to', 'confident', 'modeling', 'modelling',
].map(split);
const PAST_CUES = [
  'was', 'were', 'had', 'grew', 'reached', 'achieved', 'came in', 'did', 'increased', 'decreased', 'declined', 'ended', 'generated',
  'averaged', 'climbed', 'fell', 'rose', 'went', 'produced', 'delivered', 'recorded', 'reported', 'announced', 'made', 'saw', 'sold',
  'last quarter', 'last year', 'so far', 'to date', 'to-date', 'ago', 'have been', "'ve", '’ve', 'has been', 'installed', 'spent', 'gained',
  'is', 'are', 'have', 'has', 'currently', 'now', 'today', 'already',
].map(split);
const SECOND_PERSON = new Set(['you', 'your', "you're", 'you’re', "you've", 'you’ve', "you'll", 'you’ll', 'they', 'their', "they're", 'they’re', 'tesla', 'management', 'company']);

function hasPhrase(tokens: readonly Token[], from: number, to: number, phrases: readonly (readonly string[])[]): boolean {
  for (let at = from; at < to; at++) {
    const lower = tokens[at]?.lower;
    for (const words of phrases) {
      if (words[0] === lower && words.every((word, offset) => tokens[at + offset]?.lower === word) && at + words.length <= to) return true;
    }
  }
  return false;
}

/** The comparison-free period nearest to a figure in its sentence, or undefined when none is near. */
function periodOf(tokens: readonly Token[], figure: PlacedFigure, others: readonly PlacedFigure[], mentions: readonly PeriodMention[], sentence: Sentence): PeriodMention | undefined {
  const { reading } = figure;
  const between = (from: number, to: number) => others.some((other) => other !== figure && other.reading.first >= from && other.reading.last < to);
  let best: { mention: PeriodMention; gap: number } | undefined;
  for (const mention of mentions) {
    if (mention.first < sentence.start || mention.last >= sentence.end) continue;
    const lead = [tokens[mention.first - 1]?.lower, tokens[mention.first - 2]?.lower, tokens[mention.first - 3]?.lower];
    if (lead.some((word) => word !== undefined && COMPARISON.has(word))) continue;
    let gap: number;
    if (mention.first >= reading.next) {
      gap = mention.first - reading.next;
      if (gap > PERIOD_AFTER_GAP || between(reading.next, mention.first)) continue;
    } else if (mention.last < reading.first) {
      gap = reading.first - mention.last - 1;
      const opensSentence = mention.first - sentence.start <= 1;
      // A period said right after an earlier figure is that figure's ("$2 billion CapEx in the back half and ... $1 billion").
      // Unless the two figures are joined ("the 20,000 next year and 25% gross margin").
      const joined = gap <= 1 && (gap === 0 || ['and', ','].includes(tokens[mention.last + 1]?.lower ?? ''));
      const claimed = !joined && others.some((other) => other !== figure && other.reading.next <= mention.first && mention.first - other.reading.next <= PERIOD_AFTER_GAP && other.reading.first >= sentence.start);
      if ((gap > PERIOD_BEFORE_GAP && !opensSentence) || claimed || between(mention.last + 1, reading.first)) continue;
      gap += 0.5; // on a tie the period said after the figure wins: "28% in Q1 and 25% in Q4".
    } else {
      continue;
    }
    if (!best || gap < best.gap) best = { mention, gap };
  }
  return best?.mention;
}

/** The metric cue nearest to a figure in its sentence whose metric accepts the figure's unit. */
function metricOf(figure: PlacedFigure, others: readonly PlacedFigure[], cues: readonly CueMatch[], sentence: Sentence): CueMatch | undefined {
  const { reading, candidate } = figure;
  const between = (from: number, to: number) => others.some((other) => other !== figure && other.reading.first >= from && other.reading.last < to);
  let best: { cue: CueMatch; gap: number } | undefined;
  for (const cue of cues) {
    if (cue.first < sentence.start || cue.last >= sentence.end || !metricAccepts(cue.metric, candidate.unit)) continue;
    let gap: number;
    if (cue.first > reading.last && cue.first <= reading.last + 1 && cue.first < reading.next) {
      gap = 0; // a cue inside the rate words or right after the surface: "40 production vehicles"
    } else if (cue.first >= reading.next) {
      gap = cue.first - reading.next;
      if (gap > METRIC_AFTER_GAP || between(reading.next, cue.first)) continue;
    } else if (cue.last < reading.first) {
      gap = reading.first - cue.last - 1;
      if (gap > METRIC_BEFORE_GAP || between(cue.last + 1, reading.first)) continue;
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

/** The period a figure's period lies in relative to the call: -1 before or at the reported period, 1 after. */
function tense(period: string | null, anchor: FigureAnchor): -1 | 0 | 1 {
  const year = anchor.fiscalYear ?? null;
  const quarter = anchor.fiscalQuarter ?? null;
  if (period === null || year === null) return 0;
  const periodYear = Number(period.slice(0, 4));
  if (period.length === 4) return periodYear < year ? -1 : periodYear > year ? 1 : quarter === 4 ? -1 : 0;
  const periodQuarter = period[4] === 'Q' ? Number(period[5]) : Number(period[5]) * 2;
  const reported = quarter ?? 4;
  const scale = period[4] === 'Q' ? reported : Math.ceil(reported / 2);
  if (periodYear !== year) return periodYear < year ? -1 : 1;
  return periodQuarter <= scale ? -1 : 1;
}

/** actual, guidance, estimate or consensus from who speaks, the tense of the sentence and the period. */
function kindOf(tokens: readonly Token[], sentence: Sentence, period: string | null, anchor: FigureAnchor): FigureKind | null {
  const { start, end } = sentence;
  if (hasPhrase(tokens, start, end, CONSENSUS_CUES)) return 'consensus';
  const speaker = anchor.speakerType ?? null;
  if (speaker === 'operator') return null;
  const when = tense(period, anchor);
  const guidance = hasPhrase(tokens, start, end, GUIDANCE_CUES);
  const forward = when === 1 || guidance || hasPhrase(tokens, start, end, FORWARD_CUES);
  const past = when === -1 || (!forward && hasPhrase(tokens, start, end, PAST_CUES));
  if (speaker === 'executive') return forward && when !== -1 ? 'guidance' : past ? 'actual' : null;
  const aboutCompany = guidance || tokens.slice(start, end).some((token) => SECOND_PERSON.has(token.lower));
  if (forward && when !== -1) return guidance && aboutCompany ? 'guidance' : speaker === 'analyst' || speaker === 'forum_member' ? 'estimate' : null;
  return past ? 'actual' : null;
}

/** Fills period, metric, metric_label and kind of every figure of one text, from its sentences. */
export function resolveContext(text: string, tokens: readonly Token[], figures: readonly PlacedFigure[], anchor: FigureAnchor): void {
  if (figures.length === 0) return;
  const sentences = splitSentences(tokens);
  const sentenceOf = sentenceIndex(sentences, tokens.length);
  const mentions = findPeriods(tokens, anchor);
  const figureTokens = new Set<number>();
  for (const { reading } of figures) for (let at = reading.first; at <= reading.last; at++) figureTokens.add(at);
  // A year read as a figure ("$2016") is no period; every other mention is.
  const periods = mentions.filter((mention) => !figureTokens.has(mention.first));
  const cues = findCues(tokens, 0, tokens.length).filter((cue) => !figureTokens.has(cue.first));
  for (const figure of figures) {
    const sentence = sentences[sentenceOf[figure.reading.first] ?? 0] ?? { start: 0, end: tokens.length };
    const mention = periodOf(tokens, figure, figures, periods, sentence);
    const cue = metricOf(figure, figures, cues, sentence);
    const candidate = figure.candidate;
    candidate.period = mention?.period ?? null;
    if (cue) {
      candidate.metric = refineMetric(cue.metric, candidate.per);
      candidate.metricLabel = text.slice(tokens[cue.first]?.start ?? 0, tokens[cue.last]?.end ?? 0);
    }
    candidate.kind = kindOf(tokens, sentence, candidate.period, anchor);
  }
}
