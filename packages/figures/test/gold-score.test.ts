import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoldTurnsSchema, extractFigures, figureColumns, formatScore, scoreFigures, type FigureScore, type GoldTurn } from '../src/index.ts';

const goldDir = new URL('gold/', import.meta.url);
const load = (name: string): GoldTurn[] => GoldTurnsSchema.parse(JSON.parse(readFileSync(new URL(name, goldDir), 'utf8')));

/** Scores the extractor on a gold sample, giving it what the pipeline gives it: the turn's anchor, speaker type and section. */
function score(turns: readonly GoldTurn[]): FigureScore {
  const byText = new Map(turns.map((turn) => [turn.text, turn]));
  return scoreFigures(turns, (text, anchor) => {
    const turn = byText.get(text);
    const figures = extractFigures(text, {
      fiscalYear: anchor.fiscal_year,
      fiscalQuarter: anchor.fiscal_quarter,
      eventType: anchor.event_type,
      speakerType: turn?.speaker_type ?? null,
      section: turn?.section ?? null,
    });
    return figures.map(figureColumns);
  });
}

/**
 * The "correct": a figure on a gold span with the same value, unit, range and flags
 * (value, value_low, value_high, unit, approximate, bound), over predictions and over gold figures.
 * The scorer's `reading` also asks for item and per; it is reported beside.
 */
const CORRECT_FIELDS = new Set(['value', 'value_low', 'value_high', 'unit', 'approximate', 'bound']);
function correctness(result: FigureScore): { precision: number; recall: number } {
  const wrong = result.mismatches.filter((mismatch) => mismatch.fields.some((field) => CORRECT_FIELDS.has(field))).length;
  const correct = result.matched - wrong;
  return { precision: correct / result.predicted, recall: correct / (result.gold + result.spelledGold) };
}

// The seeds and dev samples were used to tune the extractor; the holdout sample never was: only
// its score is read, never its misses (so this test prints no holdout examples).
const samples = { seeds: score(load('seeds.json')), dev: score(load('dev.json')), holdout: score(load('holdout.json')) };

describe.each([
  ['seeds (tuning sample)', samples.seeds],
  ['dev (tuning sample, other industries)', samples.dev],
  ['holdout (never tuned on)', samples.holdout],
])('gold score: %s', (label, result) => {
  const correct = correctness(result);

  it('finds figures with span precision and recall of at least 0.95', () => {
    console.log(`${label}\n${formatScore(result)}\ncorrect (span, value, unit, range, flags): precision ${correct.precision.toFixed(3)}  recall ${correct.recall.toFixed(3)}`);
    expect(result.precision.share).toBeGreaterThanOrEqual(0.95);
    expect(result.recall.share).toBeGreaterThanOrEqual(0.95);
  });

  it('reads them correctly (value, unit, range and flags) with precision and recall of at least 0.94', () => {
    expect(correct.precision).toBeGreaterThanOrEqual(0.94);
    expect(correct.recall).toBeGreaterThanOrEqual(0.94);
  });
});

describe('gold score: the issue\'s bar of 0.95 for correct readings', () => {
  it('is met on the seeds sample', () => {
    const correct = correctness(samples.seeds);
    expect(Math.min(correct.precision, correct.recall)).toBeGreaterThanOrEqual(0.95);
  });

  it('is met on the dev sample', () => {
    const correct = correctness(samples.dev);
    expect(Math.min(correct.precision, correct.recall)).toBeGreaterThanOrEqual(0.95);
  });

  it('is met on the holdout sample', () => {
    const correct = correctness(samples.holdout);
    expect(Math.min(correct.precision, correct.recall)).toBeGreaterThanOrEqual(0.95);
  });
});

// What the tuning samples reach today, pinned so that a change that loses a figure, a period, a
// metric or a kind is noticed (and the pins moved on purpose when it gains one).
describe('gold score: exact counts on the tuning samples', () => {
  it('seeds: every span, 253 correct readings, 243 periods, 241 metrics, 193 kinds of 258', () => {
    expect(samples.seeds).toMatchObject({ turns: 90, gold: 238, spelledGold: 21, predicted: 258, matched: 258 });
    expect([correctness(samples.seeds).precision, samples.seeds.reading.count]).toEqual([253 / 258, 253]);
    expect([samples.seeds.period.count, samples.seeds.metric.count, samples.seeds.kind.count]).toEqual([243, 241, 193]);
  });

  it('dev: every span and reading, 191 periods, 211 metrics, 195 kinds of 213', () => {
    expect(samples.dev).toMatchObject({ turns: 31, gold: 210, spelledGold: 3, predicted: 213, matched: 213 });
    expect([correctness(samples.dev).precision, correctness(samples.dev).recall, samples.dev.reading.count]).toEqual([1, 1, 213]);
    expect([samples.dev.period.count, samples.dev.metric.count, samples.dev.kind.count]).toEqual([191, 211, 195]);
  });
});
