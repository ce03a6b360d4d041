import { firstWords, normalizeForId, type FigureRow, type UtteranceRow } from '@callset/schema';
import { GOLD_WORDS, type GoldDocument, type GoldTurn } from './gold-format.ts';

export type ScoredUtterance = Pick<UtteranceRow, 'utterance_id' | 'seq' | 'speaker_name' | 'speaker_type' | 'section' | 'text'>;
export type ScoredFigure = Pick<FigureRow, 'utterance_id' | 'surface' | 'value' | 'unit'>;

/** Counts behind every rate, so documents add up into an overall score. */
export interface TurnCounts {
  gold: number;
  release: number;
  matched: number;
  speakerAgrees: number;
  typeAgrees: number;
  sectionAgrees: number;
  goldFigures: number;
  figuresFound: number;
  figuresAgree: number;
}

/** What a gold turn and the release disagree on, for people fixing a parser. */
export interface Disagreement {
  kind: 'missing' | 'extra' | 'speaker' | 'speaker_type' | 'section' | 'figure';
  goldIndex: number | null;
  seq: number | null;
  expected: string | null;
  found: string | null;
}

export interface DocumentScore {
  counts: TurnCounts;
  disagreements: Disagreement[];
}

export const emptyCounts = (): TurnCounts => ({ gold: 0, release: 0, matched: 0, speakerAgrees: 0, typeAgrees: 0, sectionAgrees: 0, goldFigures: 0, figuresFound: 0, figuresAgree: 0 });

export function addCounts(a: TurnCounts, b: TurnCounts): TurnCounts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof TurnCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
  speaker: number;
  speakerType: number;
  section: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Precision, recall and F1 of the turns; speaker, type and section agreement over the matched turns. */
export function ratesOf(counts: TurnCounts): Rates {
  const precision = ratio(counts.matched, counts.release);
  const recall = ratio(counts.matched, counts.gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    speaker: ratio(counts.speakerAgrees, counts.matched),
    speakerType: ratio(counts.typeAgrees, counts.matched),
    section: ratio(counts.sectionAgrees, counts.matched),
  };
}

/**
 * Pairs gold turns with utterances in order: the longest common subsequence under "the
 * utterance's text starts with the gold turn's first words" (normalized, over as many words as
 * the gold gives). A missing or extra turn then costs one match and does not shift the others.
 */
export function alignTurns(gold: readonly Pick<GoldTurn, 'first_words'>[], utterances: readonly Pick<ScoredUtterance, 'text'>[]): [number, number][] {
  const goldWords = gold.map((turn) => firstWords(turn.first_words, GOLD_WORDS).split(' '));
  const releaseWords = utterances.map((utterance) => (utterance.text === null ? null : firstWords(utterance.text, GOLD_WORDS).split(' ')));
  const same = (g: number, r: number) => {
    const want = goldWords[g] ?? [];
    const have = releaseWords[r];
    return have !== null && have !== undefined && want.length <= have.length && want.every((word, index) => have[index] === word);
  };
  const rows = gold.length + 1;
  const cols = utterances.length + 1;
  // lengths[g * cols + r]: LCS of gold[g..] and utterances[r..].
  const lengths = new Int32Array(rows * cols);
  for (let g = gold.length - 1; g >= 0; g--) {
    for (let r = utterances.length - 1; r >= 0; r--) {
      lengths[g * cols + r] = same(g, r) ? (lengths[(g + 1) * cols + r + 1] ?? 0) + 1 : Math.max(lengths[(g + 1) * cols + r] ?? 0, lengths[g * cols + r + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let g = 0, r = 0; g < gold.length && r < utterances.length; ) {
    if (same(g, r) && lengths[g * cols + r] === (lengths[(g + 1) * cols + r + 1] ?? 0) + 1) {
      pairs.push([g, r]);
      g++;
      r++;
    } else if ((lengths[(g + 1) * cols + r] ?? 0) >= (lengths[g * cols + r + 1] ?? 0)) g++;
    else r++;
  }
  return pairs;
}

/** Whether a name as the gold writes it and a release's canonical name are one person. */
export type SamePerson = (goldName: string, releaseName: string) => boolean;

const sameNormalizedName: SamePerson = (goldName, releaseName) => normalizeForId(goldName) === normalizeForId(releaseName);

/**
 * Whether the release names the speaker the gold does: `Operator` and `unknown` are the
 * placeholders. The gold names people as the document writes them (`Elon R. Musk`), the release
 * by canonical name (`Elon Musk`): `samePerson` decides (the eval command uses the entity rules
 * and registry).
 */
export function speakerAgrees(gold: Pick<GoldTurn, 'speaker'>, utterance: Pick<ScoredUtterance, 'speaker_name' | 'speaker_type'>, samePerson: SamePerson = sameNormalizedName): boolean {
  const wanted = normalizeForId(gold.speaker);
  if (wanted === 'operator') return utterance.speaker_type === 'operator';
  if (wanted === 'unknown') return utterance.speaker_name === null && utterance.speaker_type !== 'operator';
  return utterance.speaker_name !== null && samePerson(gold.speaker, utterance.speaker_name);
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Scores one document's utterances (in `seq` order) and figures against its gold annotation. */
export function scoreDocument(gold: GoldDocument, utterances: readonly ScoredUtterance[], figures: readonly ScoredFigure[], samePerson: SamePerson = sameNormalizedName): DocumentScore {
  const pairs = alignTurns(gold.turns, utterances);
  const counts: TurnCounts = { ...emptyCounts(), gold: gold.turns.length, release: utterances.length, matched: pairs.length };
  const disagreements: Disagreement[] = [];
  const matchOf = new Map<number, ScoredUtterance>();
  const matchedSeqs = new Set<number>();
  for (const [goldIndex, releaseIndex] of pairs) {
    const turn = gold.turns[goldIndex];
    const utterance = utterances[releaseIndex];
    if (!turn || !utterance) continue;
    matchOf.set(goldIndex, utterance);
    matchedSeqs.add(releaseIndex);
    const seq = utterance.seq;
    if (speakerAgrees(turn, utterance, samePerson)) counts.speakerAgrees++;
    else disagreements.push({ kind: 'speaker', goldIndex, seq, expected: turn.speaker, found: utterance.speaker_name ?? `(${utterance.speaker_type})` });
    if (turn.speaker_type === utterance.speaker_type) counts.typeAgrees++;
    else disagreements.push({ kind: 'speaker_type', goldIndex, seq, expected: turn.speaker_type, found: utterance.speaker_type });
    if (turn.section === utterance.section) counts.sectionAgrees++;
    else disagreements.push({ kind: 'section', goldIndex, seq, expected: turn.section, found: utterance.section });
  }
  gold.turns.forEach((turn, goldIndex) => {
    if (!matchOf.has(goldIndex)) disagreements.push({ kind: 'missing', goldIndex, seq: null, expected: `${turn.speaker}: ${turn.first_words}`, found: null });
  });
  utterances.forEach((utterance, releaseIndex) => {
    if (!matchedSeqs.has(releaseIndex)) {
      disagreements.push({ kind: 'extra', goldIndex: null, seq: utterance.seq, expected: null, found: `${utterance.speaker_name ?? `(${utterance.speaker_type})`}: ${firstWords(utterance.text ?? '', GOLD_WORDS)}` });
    }
  });
  for (const figure of gold.figures ?? []) {
    counts.goldFigures++;
    const utterance = matchOf.get(figure.turn);
    const found = utterance ? figures.find((candidate) => candidate.utterance_id === utterance.utterance_id && candidate.surface === figure.surface) : undefined;
    if (!found) {
      disagreements.push({ kind: 'figure', goldIndex: figure.turn, seq: utterance?.seq ?? null, expected: figure.surface, found: null });
      continue;
    }
    counts.figuresFound++;
    const valueAgrees = figure.value === undefined || (figure.value === null ? found.value === null : found.value !== null && sameValue(found.value, figure.value));
    const unitAgrees = figure.unit === undefined || figure.unit === found.unit;
    if (valueAgrees && unitAgrees) counts.figuresAgree++;
    else disagreements.push({ kind: 'figure', goldIndex: figure.turn, seq: utterance?.seq ?? null, expected: `${figure.surface} = ${figure.value ?? 'null'} ${figure.unit ?? ''}`.trim(), found: `${found.value ?? 'null'} ${found.unit ?? ''}`.trim() });
  }
  return { counts, disagreements };
}
