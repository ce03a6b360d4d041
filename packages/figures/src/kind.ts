import type { FigureAnchor } from './context.ts';
import type { FigureKind, PlacedFigure } from './extract.ts';
import type { Sentence } from './sentences.ts';
import type { Token } from './tokens.ts';

/**
 * The kind of a figure: actual, guidance, estimate or consensus, from who speaks and from the
 * words nearest to it. A sentence often mixes kinds ("We have $740 million left on our
 * authorization, and we expect to spend $150 million"; "you did 34.6% in the quarter, and the
 * Street was at about 34%"), so the tense is the verb nearest to the figure in its clause and the
 * source the attribution nearest to it, the sentence's words only standing in when its clause has none.
 */

/** 'present' is the weak tense of a copula or "have": it only counts when no verb of a stronger tense is in the clause. */
type Tense = 'forward' | 'past' | 'present';
/**
 * Who a figure is attributed to: the Street, management's guidance, "you" (the company, or a
 * fellow member in a forum), "they", the speaker, or the speaker's model said after the figure.
 */
type Source = 'consensus' | 'guidance' | 'second' | 'third' | 'own' | 'model';

const split = (phrase: string) => phrase.split(' ');

/** "may have missed": a modal's guess about the past; the participle after it is no statement of fact. */
const MODAL_PERFECTS = ['may have', 'might have', 'could have', 'would have', 'should have', 'must have'];
const FORWARD = [
  'will', 'going to', 'gonna', 'expect', 'expects', 'expecting', 'expected', 'expectation', 'target', 'targeting', 'targets', 'targeted',
  'plan', 'plans', 'planning', 'planned', 'aim', 'aiming', 'anticipate', 'anticipates', 'forecast', 'forecasting', 'project', 'projected',
  'projecting', 'projection', 'projections', 'should', 'would', 'could', 'might', 'may', 'estimate', 'estimates', 'estimating', 'hope',
  'hoping', 'aspire', 'aspiration', 'likely', 'future', 'by the end of', 'next year', 'next quarter', 'eventually', 'assume', 'assuming',
  'assumed', 'want to', 'trying to', 'confident', 'modeling', 'modelling', 'get to', 'gets to', 'hit', 'achieve', 'reach', 'taking us to',
  'going from', 'in order to', 'has to', 'have to', 'need to', 'needs to', 'is expected', 'are expected', 'is projected', 'is likely',
  'is going to', 'are going to', 'committed to', 'budget', 'budgeted', 'reiterated', 'reiterate', 'reiterating', 'reaffirmed', 'reaffirm',
  'reaffirming', 'now see', 'still see', 'should already', 'will already', 'would already', ...MODAL_PERFECTS, "we're going to", 'we’re going to', "it's going to", 'it’s going to', "that's going to", 'that’s going to', "you're going to",
  'you’re going to', "they're going to", 'they’re going to', "i'm going to", 'i’m going to', "there's going to", 'there’s going to',
];
const PAST = [
  'was', 'were', 'had', 'grew', 'reached', 'achieved', 'came in', 'did', 'increased', 'decreased', 'declined', 'ended', 'generated',
  'averaged', 'climbed', 'fell', 'rose', 'went', 'produced', 'delivered', 'recorded', 'reported', 'announced', 'made', 'saw', 'sold',
  'last quarter', 'last year', 'so far', 'to date', 'ago', 'have been', 'has been', 'installed', 'spent', 'gained', 'currently', 'now',
  'today', 'already', 'yesterday', 'bought', 'took', 'added', 'opened', 'closed', 'posted', 'exited', 'finished', 'returned', 'raised',
  'reduced', 'lowered', 'paid', 'repurchased', 'brought', 'completed', 'launched', 'signed', 'hired', 'acquired', 'shipped', 'beat',
  'missed', 'came', 'improved', 'expanded', 'totaled', 'totalled', 'released', 'started', 'began', 'passed', 'approved', 'remained',
  'stood', 'accounted', 'represented', 'said', 'told', 'got', 'gave', 'found', 'built', 'won', 'lost', 'kept', 'became', 'showed',
  'dropped', 'doubled', 'tripled', 'jumped', 'exceeded', 'crossed', 'surpassed', 'topped', 'ran', 'used',
];
const PRESENT = ['is', 'are', 'have', 'has', 'running', 'runs', 'stands'];
/** Pronouns that, with "'s", say "is": "it's", "that's"; "company's" and "year's" are possessives. */
const IS_CONTRACTIONS = new Set(['it', 'that', 'there', 'here', 'what', 'he', 'she', 'who']);

const CONSENSUS = [
  'consensus', 'street estimate', 'street estimates', 'street expectations', 'analyst estimates', 'sell side', 'the street is', 'the street was',
  "the street's", 'the street’s', 'the street at', 'the street has', 'the street expects', 'street numbers', 'street consensus',
];
/**
 * Words that present a figure as management's forward-looking value, whatever the verb; and what
 * an analyst reports management said ("you previously said $1 billion", "you're talking $2 billion").
 */
const GUIDANCE_WORDS = new Set(['guidance', 'guide', 'guiding', 'guided', 'guides', 'outlook']);
const GUIDANCE = [
  ...GUIDANCE_WORDS, 'budget', 'framework', 'reiterated', 'reaffirmed', 'reaffirming', 'prior range', 'previous range', 'prior guidance',
  ...['you', 'they', 'management', 'mgmt'].flatMap((subject) => ['said', 'previously said', 'also said', 'mentioned', 'indicated', 'suggested', 'talked about', 'flagged', 'told us'].map((verb) => `${subject} ${verb}`)),
  "you're talking", 'you’re talking', 'you are talking', "you've said", 'you’ve said', "they've said", 'they’ve said',
];
/** Words by which an analyst attributes a figure to the company ("your 5,000"); in a forum, to a fellow member's model. */
const SECOND = ['you', 'your', "you're", 'you’re', "you've", 'you’ve', "you'll", 'you’ll', "you'd", 'you’d'];
/** Words that attribute a figure to the company in the third person: "they are guiding", "Mgmt narrowed". */
const THIRD = ['they', 'their', "they're", 'they’re', "they've", 'they’ve', "they'll", 'they’ll', 'management', 'mgmt', 'company', "company's", 'company’s'];
/** Words by which an analyst or a forum member gives a figure as their own: "our 440,000", "I have FY24 EPS at $3.42", "by our math". */
const OWN = [
  'our', 'my', 'i have', 'i get', 'i got', "i'm at", 'i’m at', 'i am at', 'i was using', "i'm using", 'i’m using', 'i use', 'i assume', 'i model',
  "i'm modeling", 'i’m modeling', "i'd", 'i’d', 'i would', 'we have', 'we get', "we're at", 'we’re at', 'we are at', 'we were at', 'we assume',
  'we model', "we're modeling", 'we’re modeling', "we'd", 'we’d', 'we would', 'we be',
];
/** The speaker's model named after a figure: "about $550 million this year by our math". */
const MODEL = ['by our math', 'by my math', 'in our model', 'in my model', 'by our estimate', 'by my estimate', 'in our numbers', 'in my numbers', 'by our numbers'];

/** Words that make a sentence's figures hypothetical or illustrative, neither actual nor guidance. */
const HYPOTHETICAL = ['if', 'imagine', 'suppose', 'supposing', 'hypothetically', 'let’s say', "let's say", 'say you', 'for example', 'for instance', 'whether'];
/** Counted things of the conversation, not of the business: "three things", "2 statements". */
const DISCOURSE_ITEMS = new Set(['thing', 'statement', 'question', 'point', 'factor', 'way', 'reason', 'example', 'comment', 'topic', 'follow-up', 'part', 'piece', 'step', 'minute']);

/** Words that open a clause of their own: "..., and we expect to spend", "..., which is roughly 17%", "if the sale closes". */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'so', 'which', 'who', 'where', 'whereas', 'although', 'though', 'because', 'as', 'or', 'if', 'when', 'with', 'then']);
const SUBJECTS = new Set(['we', 'i', 'they', 'you', 'he', 'she', 'it', 'that', 'there']);
/** Tokens searched around a figure for its clause, tense and source: bounds the work per figure. */
const WINDOW = 24;
/** Tokens before a figure an "if" reaches over: "If we conservatively assume a drop ... from $4k to $3k, that's 3*112k units, i.e. +$336m". */
const HYPOTHETICAL_REACH = 48;
/** Tokens before a figure searched for who it is attributed to. */
const SOURCE_WINDOW = 16;

/** Phrases indexed by their first word, longest first, so that a sentence is scanned once whatever the number of phrases. */
function indexPhrases<T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<string, readonly { words: readonly string[]; value: T }[]> {
  const index = new Map<string, { words: readonly string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const words = split(phrase);
    index.set(words[0] ?? '', [...(index.get(words[0] ?? '') ?? []), { words, value }]);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const TENSES = indexPhrases<Tense>([
  ...FORWARD.map((phrase) => [phrase, 'forward'] as const),
  ...PAST.map((phrase) => [phrase, 'past'] as const),
  ...PRESENT.map((phrase) => [phrase, 'present'] as const),
]);
const SOURCES = indexPhrases<Source>([
  ...CONSENSUS.map((phrase) => [phrase, 'consensus'] as const),
  ...GUIDANCE.map((phrase) => [phrase, 'guidance'] as const),
  ...SECOND.map((phrase) => [phrase, 'second'] as const),
  ...THIRD.map((phrase) => [phrase, 'third'] as const),
  ...OWN.map((phrase) => [phrase, 'own'] as const),
  ...MODEL.map((phrase) => [phrase, 'model'] as const),
]);
const HYPOTHETICALS = indexPhrases<true>(HYPOTHETICAL.map((phrase) => [phrase, true] as const));

/** The phrase of `index` starting at token `at` (not past `end`): its value and length, or null. */
function phraseAt<T>(tokens: readonly Token[], at: number, end: number, index: ReadonlyMap<string, readonly { words: readonly string[]; value: T }[]>): { value: T; length: number } | null {
  const found = index.get(tokens[at]?.lower ?? '')?.find(({ words }) => at + words.length <= end && words.every((word, offset) => tokens[at + offset]?.lower === word));
  return found ? { value: found.value, length: found.words.length } : null;
}

/** The tense a contraction says: "we'll" and "I'd" look forward, "we've", "we're" and "it's" state. */
function contractionTense(token: Token): Tense | null {
  const match = /^(\p{L}+)['’](ll|d|ve|re|s)$/u.exec(token.lower);
  if (!match) return null;
  const [, head, tail] = match;
  if (tail === 'll' || tail === 'd') return 'forward';
  if (tail === 've') return 'past';
  if (tail === 's') return IS_CONTRACTIONS.has(head ?? '') ? 'present' : null;
  return 'present';
}

/** What a sentence says about its figures, read once: tense, source and hypothetical cues by token, and clause starts. */
export interface SentenceReading {
  start: number;
  end: number;
  tense: (Tense | undefined)[];
  source: (Source | undefined)[];
  clauseStart: boolean[];
  /** "if", "suppose", "for example" ... */
  hypothetical: boolean[];
  /** ";", ":", "--": where the reach of an "if" ends. */
  scopeEnd: boolean[];
  forward: boolean;
  past: boolean;
  /** "guidance", "guide", "outlook": management's forward-looking numbers named as such. */
  guidanceWord: boolean;
}

export function readSentence(tokens: readonly Token[], sentence: Sentence): SentenceReading {
  const { start, end } = sentence;
  const reading: SentenceReading = { start, end, tense: [], source: [], clauseStart: [], hypothetical: [], scopeEnd: [], forward: false, past: false, guidanceWord: false };
  // A phrase's later words are no cue of their own: "should already be" looks forward, "you previously said" reports guidance.
  let tenseUntil = start;
  let sourceUntil = start;
  // The comma that closes an "if" clause opens the main one: "if oil stays at $70, would you still fund".
  let conditional = false;
  for (let at = start; at < end; at++) {
    const token = tokens[at] as Token;
    const offset = at - start;
    const next = tokens[at + 1];
    if ([';', ':', '—', '–'].includes(token.text) || (token.text === '-' && next?.text === '-')) reading.scopeEnd[offset] = reading.clauseStart[offset] = true;
    // ", and we", ", which is", ", of which about 58%", "if ...", "and we expect": where a clause of its own begins.
    const relative = next && ['of', 'in', 'for'].includes(next.lower) && ['which', 'whom'].includes(tokens[at + 2]?.lower ?? '');
    if (token.text === ',' && next && (CLAUSE_OPENERS.has(next.lower) || relative || conditional)) reading.clauseStart[offset] = true;
    if (token.text === ',' || reading.scopeEnd[offset]) conditional = false;
    if (token.lower === 'if' || token.lower === 'unless') conditional = true;
    const subject = SUBJECTS.has((next?.lower ?? '').split(/['’]/u)[0] ?? '');
    if (['if', 'but', 'because', 'while', 'whereas', 'although'].includes(token.lower) || (token.lower === 'and' && subject)) reading.clauseStart[offset] = true;
    if (phraseAt(tokens, at, end, HYPOTHETICALS)) reading.hypothetical[offset] = true;
    // "May" inside a sentence is the month, not the modal.
    const month = token.text === 'May' && at > start;
    const tense = month || at < tenseUntil ? null : phraseAt(tokens, at, end, TENSES);
    const tenseValue = tense?.value ?? (at < tenseUntil ? null : contractionTense(token));
    if (tense) tenseUntil = at + tense.length + (tense.length === 2 && MODAL_PERFECTS.includes(`${token.lower} ${next?.lower ?? ''}`) ? 1 : 0);
    if (tenseValue) {
      reading.tense[offset] = tenseValue;
      if (tenseValue === 'forward') reading.forward = true;
      else reading.past = true;
    }
    const source = at < sourceUntil ? null : phraseAt(tokens, at, end, SOURCES);
    if (source) {
      sourceUntil = at + source.length;
      reading.source[offset] = source.value;
      if (GUIDANCE_WORDS.has(token.lower)) reading.guidanceWord = true;
    }
  }
  return reading;
}

/** The tokens [first, end) of the clause a figure stands in, within WINDOW tokens of it. */
function clauseOf(reading: SentenceReading, figure: PlacedFigure): [number, number] {
  let first = figure.reading.first;
  while (first > reading.start && first > figure.reading.first - WINDOW && !reading.clauseStart[first - reading.start]) first--;
  let end = figure.reading.next;
  while (end < reading.end && end < figure.reading.next + WINDOW && !reading.clauseStart[end - reading.start]) end++;
  return [first, end];
}

/** The nearest tense in tokens [first, end) around a figure, before it first, then after it; a weak one only when no strong one is there. */
function nearestTense(reading: SentenceReading, figure: PlacedFigure, first: number, end: number): Tense | undefined {
  let weak: Tense | undefined;
  for (let at = figure.reading.first - 1; at >= first; at--) {
    const tense = reading.tense[at - reading.start];
    if (tense === 'present') weak ??= tense;
    else if (tense) return tense;
  }
  for (let at = figure.reading.next; at < end; at++) {
    const tense = reading.tense[at - reading.start];
    if (tense === 'present') weak ??= tense;
    else if (tense) return tense;
  }
  return weak;
}

/**
 * The tense of the verb nearest to a figure: in its clause, else up to the figures before and
 * after it (a verb beyond them is theirs: "11 Phase 3 programs, 4 filings planned"), else before
 * it past those ("we expect net sales of $3.05 billion ... and growth of 1% to 2%"). A copula or
 * "have" only counts when no verb of a stronger tense is there ("we are at steady-state 5,000
 * units ... when we've reached", "We're running 14 rigs ... today").
 */
function localTense(reading: SentenceReading, figure: PlacedFigure, bounds: readonly [number, number]): Tense | undefined {
  const [clauseFirst, clauseEnd] = clauseOf(reading, figure);
  const window = Math.max(reading.start, figure.reading.first - WINDOW);
  const first = Math.max(bounds[0], window);
  const end = Math.min(bounds[1], figure.reading.next + WINDOW);
  return nearestTense(reading, figure, Math.max(clauseFirst, first), Math.min(clauseEnd, end)) ??
    nearestTense(reading, figure, first, end) ??
    nearestTense(reading, figure, window, figure.reading.next);
}

/**
 * Whether a figure is said under an "if" (or "suppose", "for example"): one said before it and not
 * closed by ";", ":" or "--" ("if you had a gasoline car, after 10 years, it's ... 10-15%"), or one
 * opening the clause right after it ("could that go to 75% if the Permian sale closes").
 */
function isHypothetical(reading: SentenceReading, figure: PlacedFigure): boolean {
  for (let at = figure.reading.first - 1; at >= reading.start && at >= figure.reading.first - HYPOTHETICAL_REACH; at--) {
    if (reading.scopeEnd[at - reading.start]) break;
    if (reading.hypothetical[at - reading.start]) return true;
  }
  const end = clauseOf(reading, figure)[1];
  return end < reading.end && reading.hypothetical[end - reading.start] === true;
}

/**
 * Who a figure is attributed to: a word right after it ("$1.21 consensus", "the 20% guide", "the
 * buyback you announced", "by our math"), else the nearest before it, passing over the words that
 * stand right before or after another figure (theirs: "the company's $3.40-$3.50 guide").
 */
function localSource(reading: SentenceReading, figure: PlacedFigure, attached: ReadonlySet<number>, next: PlacedFigure | undefined, wanted: ReadonlySet<Source>): Source | undefined {
  const after = figure.reading.next;
  const named = reading.source[after - reading.start];
  if ((named === 'consensus' || named === 'guidance') && wanted.has(named)) return named;
  for (let at = after; at < after + 2 && at < reading.end; at++) {
    const source = reading.source[at - reading.start];
    if ((source === 'second' || source === 'third') && wanted.has(source)) return source;
  }
  const end = Math.min(clauseOf(reading, figure)[1], next?.reading.first ?? reading.end);
  for (let at = after; at < end; at++) if (reading.source[at - reading.start] === 'model' && wanted.has('model')) return 'model';
  for (let at = figure.reading.first - 1; at >= reading.start && at >= figure.reading.first - SOURCE_WINDOW; at--) {
    const source = reading.source[at - reading.start];
    if (source && wanted.has(source) && (at === figure.reading.first - 1 || !attached.has(at))) return source;
  }
  return undefined;
}

/** Who the clause of a figure names at all, guidance first: "does the 20% guide for Q3 bake in the full $14 million". */
function clauseSource(reading: SentenceReading, figure: PlacedFigure, wanted: ReadonlySet<Source>): Source | undefined {
  const [first, end] = clauseOf(reading, figure);
  let found: Source | undefined;
  for (let at = first; at < end; at++) {
    const source = reading.source[at - reading.start];
    if (source === 'guidance' && wanted.has(source)) return source;
    if ((source === 'second' || source === 'third') && wanted.has(source)) found ??= source;
  }
  return found;
}

/** Whether the speaker gives a number of this sentence as their own before the figure: "I have FY24 EPS at $3.42, ..., and FY25 at $3.68". */
function ownBefore(reading: SentenceReading, figure: PlacedFigure): boolean {
  for (let at = figure.reading.first - 1; at >= reading.start && at >= figure.reading.first - HYPOTHETICAL_REACH; at--) {
    const source = reading.source[at - reading.start];
    if (source === 'own' || source === 'model') return true;
  }
  return false;
}

/** What each speaker's figures may be attributed to: management names the Street and its own guidance, nobody else. */
const MANAGEMENT_SOURCES: ReadonlySet<Source> = new Set(['consensus', 'guidance']);
const ALL_SOURCES: ReadonlySet<Source> = new Set(['consensus', 'guidance', 'second', 'third', 'own', 'model']);

/** The period a figure's period lies in relative to the call: -1 before or at the reported period, 1 after. */
function tenseOfPeriod(period: string | null, anchor: FigureAnchor): -1 | 0 | 1 {
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

/**
 * Tokens that stand right before or after a figure: an attribution there is that figure's ("the
 * company's $3.40-$3.50 guide", "$1.21 consensus"), not the next one's.
 */
export function attachedTokens(figures: readonly PlacedFigure[]): Set<number> {
  const attached = new Set<number>();
  for (const { reading } of figures) {
    attached.add(reading.first - 1);
    attached.add(reading.next);
  }
  return attached;
}

/**
 * actual, guidance, estimate or consensus; null for an operator's figures, an executive's
 * hypothetical or illustrative ones, counts of things said, and durations that say when or how long
 * rather than measure something (those with a metric, such as payment terms, keep a kind).
 * `neighbours` are the figures before and after it in its sentence.
 */
export function kindOf(reading: SentenceReading, figure: PlacedFigure, neighbours: readonly [PlacedFigure | undefined, PlacedFigure | undefined], attached: ReadonlySet<number>, anchor: FigureAnchor): FigureKind | null {
  const { candidate } = figure;
  const speaker = anchor.speakerType ?? null;
  if (speaker === 'operator') return null;
  const management = speaker === 'executive' || speaker === 'unknown' || speaker === null;
  const wanted = management ? MANAGEMENT_SOURCES : ALL_SOURCES;
  const source = localSource(reading, figure, attached, neighbours[1], wanted);
  if (source === 'consensus') return 'consensus';
  const hypothetical = isHypothetical(reading, figure);
  // An executive's "if" is an illustration; an analyst's or a member's is their own scenario, an estimate.
  if (hypothetical && management) return null;
  if (DISCOURSE_ITEMS.has(candidate.item ?? '') || (candidate.unit === 'duration' && candidate.metric === null)) return null;
  const when = tenseOfPeriod(candidate.period, anchor);
  const bounds = [neighbours[0]?.reading.next ?? reading.start, neighbours[1]?.reading.first ?? reading.end] as const;
  const sentenceTense: Tense | undefined = reading.forward ? 'forward' : reading.past ? 'past' : undefined;
  const tense: Tense | undefined = when === 1 ? 'forward' : when === -1 ? 'past' : localTense(reading, figure, bounds) ?? sentenceTense;
  // Management speaks of its own business: what it does not project is what it has.
  if (management) return tense === 'forward' || source === 'guidance' ? 'guidance' : 'actual';
  // "they are guiding their Q2 SG&A of $750m", "you're guiding to": whoever is named, the clause speaks of guidance.
  const inClause = clauseSource(reading, figure, wanted);
  const attribution = (source === 'second' || source === 'third') && inClause === 'guidance' ? 'guidance' : source ?? inClause ?? (ownBefore(reading, figure) ? 'own' : undefined);
  if (speaker === 'analyst') {
    if (attribution === 'own' || attribution === 'model') return 'estimate';
    if (attribution === 'guidance') return 'guidance';
    // An analyst who puts a figure to the company ("your 5,000", "you're guiding to") quotes its guidance, unless it is a result.
    if (attribution === 'second' || attribution === 'third') return tense === 'past' || tense === 'present' ? 'actual' : 'guidance';
    return tense === 'forward' || hypothetical ? 'estimate' : tense ? 'actual' : null;
  }
  // A forum member's "you" is a fellow member, whose numbers are a model; only management's words make guidance.
  if (attribution === 'guidance') return 'guidance';
  if (hypothetical || attribution === 'own' || attribution === 'model' || attribution === 'second') return 'estimate';
  return tense === 'past' || tense === 'present' ? 'actual' : 'estimate';
}
