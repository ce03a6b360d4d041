import { readFileSync, readdirSync } from 'node:fs';
import { repairBytes } from '@callset/encoding';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  GoldTableCellSchema,
  GoldTurnSchema,
  blankFigure,
  GoldTurnsSchema,
  codePointSlice,
  formatScore,
  scoreFigures,
  type GoldFigure,
  type GoldTurn,
  type PredictedFigure,
} from '../src/index.ts';

const goldDir = new URL('gold/', import.meta.url);
const seedsDir = new URL('../../../seeds/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, goldDir), 'utf8'));
const seeds = GoldTurnsSchema.parse(readJson('seeds.json'));
const holdout = GoldTurnsSchema.parse(readJson('holdout.json'));
const dev = GoldTurnsSchema.parse(readJson('dev.json'));
const tables = z.array(GoldTableCellSchema).parse(readJson('tables.json'));

/** Whitespace-insensitive: a turn's paragraphs may be joined across a page break in the source. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function sourceText(source: string): string {
  if (source.startsWith('holdout-texts/') || source.startsWith('dev-texts/')) return readFileSync(new URL(source, goldDir), 'utf8');
  return repairBytes(readFileSync(new URL(source, seedsDir))).text;
}

const asPrediction = ({ spelled: _spelled, ...figure }: GoldFigure): PredictedFigure => figure;

describe('gold files', () => {
  it('hold the promised amount: every seed, 45+ turns and 170+ figures; 12+ holdout turns and 60+ figures; 20+ dev turns and 120+ figures', () => {
    const seedFiles = readdirSync(seedsDir).filter((file) => file.endsWith('.txt'));
    expect(new Set(seeds.map((turn) => turn.source))).toEqual(new Set(seedFiles));
    expect(seeds.length).toBeGreaterThanOrEqual(45);
    expect(seeds.flatMap((turn) => turn.figures).length).toBeGreaterThanOrEqual(170);
    expect(holdout.length).toBeGreaterThanOrEqual(12);
    expect(holdout.flatMap((turn) => turn.figures).length).toBeGreaterThanOrEqual(60);
    expect(new Set(holdout.map((turn) => turn.source)).size).toBeGreaterThanOrEqual(3);
    expect(dev.length).toBeGreaterThanOrEqual(20);
    expect(dev.flatMap((turn) => turn.figures).length).toBeGreaterThanOrEqual(120);
    expect(new Set(dev.map((turn) => turn.source)).size).toBeGreaterThanOrEqual(4);
  });

  it('have every surface equal to the text at its code-point span', () => {
    for (const turn of [...seeds, ...holdout, ...dev]) {
      for (const figure of turn.figures) {
        expect(codePointSlice(turn.text, figure.char_start, figure.char_end), `${turn.id} ${figure.surface}`).toBe(figure.surface);
      }
    }
  });

  it('give every range a null value and low < high, and every single figure no bounds of a range', () => {
    for (const figure of [...seeds, ...holdout, ...dev].flatMap((turn) => turn.figures)) {
      if (figure.value === null) {
        expect(figure.value_low).not.toBeNull();
        expect(figure.value_high).not.toBeNull();
        expect(figure.value_low as number).toBeLessThan(figure.value_high as number);
      } else {
        expect([figure.value_low, figure.value_high]).toEqual([null, null]);
      }
    }
  });

  it('take each paragraph of a turn from its repaired source', () => {
    // Paragraph by paragraph: a forum post's text leaves out the tables set aside from it.
    const sources = new Map<string, string>();
    for (const turn of [...seeds, ...holdout, ...dev]) {
      if (!sources.has(turn.source)) sources.set(turn.source, squash(sourceText(turn.source)));
      for (const paragraph of turn.text.split('\n')) {
        expect(sources.get(turn.source)?.includes(squash(paragraph)), `${turn.id}: ${paragraph.slice(0, 40)}`).toBe(true);
      }
    }
  });

  it('key table cells as table_cells does and agree where two cells share a key', () => {
    const byKey = new Map<string, unknown>();
    for (const { table_id: _table, ...cell } of tables) {
      const key = JSON.stringify([cell.source, cell.row_label, cell.col_label, cell.cell_text]);
      if (byKey.has(key)) expect(cell).toEqual(byKey.get(key));
      byKey.set(key, cell);
    }
    expect(tables.find((cell) => cell.cell_text === '(1.92)')).toMatchObject({ value: -1.92, unit: 'USD', per: 'share', period: '2017Q2', metric: 'eps', kind: 'consensus' });
    expect(tables.find((cell) => cell.cell_text === '▲ 11.76')).toMatchObject({ value: 11.76, unit: 'percent', kind: 'surprise' });
  });

  it('reject a surface that does not match its span and a half-filled range', () => {
    const turn = seeds.find((candidate) => candidate.figures.length > 0) as GoldTurn;
    const figure = turn.figures[0] as GoldFigure;
    const shifted = { ...turn, figures: [{ ...figure, char_start: figure.char_start + 1, char_end: figure.char_end + 1 }] };
    expect(GoldTurnSchema.safeParse(shifted).success).toBe(false);
    const halfRange = { ...turn, figures: [{ ...figure, value: null, value_low: 1, value_high: null }] };
    expect(GoldTurnSchema.safeParse(halfRange).success).toBe(false);
  });
});

/** A hand-made turn: four gold figures, one of them spelled (optional). */
const text = 'Revenue was $5 million in Q3, up 25%, on 1,800 vehicles over six quarters.';
const figure = (surface: string, fields: Partial<GoldFigure>): GoldFigure => ({
  ...blankFigure(surface, Array.from(text.slice(0, text.indexOf(surface))).length),
  ...fields,
});
const money = figure('$5 million', { value: 5_000_000, unit: 'USD', period: '2017Q3', metric: 'revenue', metric_label: 'Revenue', kind: 'actual' });
const growth = figure('25%', { value: 25, unit: 'percent', period: '2017Q3', kind: 'actual' });
const vehicles = figure('1,800 vehicles', { value: 1800, unit: 'count', item: 'vehicle', kind: 'actual' });
const quarters = figure('six quarters', { value: 6, unit: 'duration', item: 'quarter', spelled: true });
const tinyGold: GoldTurn[] = [
  {
    id: 'tiny',
    source: 'hand-made',
    anchor: { fiscal_year: 2017, fiscal_quarter: 3, event_type: 'earnings_call' },
    speaker_type: 'executive',
    section: 'presentation',
    text,
    figures: [money, growth, vehicles, quarters],
  },
];

describe('scoreFigures', () => {
  it('validates its own hand-made gold', () => {
    expect(GoldTurnsSchema.safeParse(tinyGold).success).toBe(true);
  });

  it('counts one miss, one extra and one wrong unit exactly', () => {
    // $5 million right (value scaled with float noise within tolerance); 25% read as a count and
    // without its kind; 1,800 vehicles missed; "Q3" predicted (extra); the spelled figure not found.
    const q3 = figure('Q3', { value: 3, unit: 'count' });
    const predictions = [asPrediction({ ...money, value: 5.000000000000001e6 }), asPrediction({ ...growth, unit: 'count', kind: null }), asPrediction(q3)];
    const score = scoreFigures(tinyGold, () => predictions);
    expect(score).toMatchObject({ turns: 1, gold: 3, spelledGold: 1, predicted: 3, matched: 2 });
    expect(score.precision).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(score.recall).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(score.f1).toBeCloseTo(2 / 3, 12);
    expect(score.reading).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(score.period).toEqual({ count: 2, of: 2, share: 1 });
    expect(score.metric).toEqual({ count: 2, of: 2, share: 1 });
    expect(score.kind).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(score.misses).toEqual([{ turn: 'tiny', surface: '1,800 vehicles', char_start: 41, char_end: 55 }]);
    expect(score.extras).toEqual([{ turn: 'tiny', surface: 'Q3', char_start: 26, char_end: 28 }]);
    expect(score.mismatches).toEqual([{ turn: 'tiny', surface: '25%', char_start: 33, char_end: 36, fields: ['unit', 'kind'] }]);
    expect(formatScore(score, { examples: 1 })).toBe(
      [
        'figures: 1 turns, 3 gold (+1 spelled, optional), 3 predicted',
        'spans: precision 0.667 (2/3)  recall 0.667 (2/3)  F1 0.667',
        'matched 2: reading 0.500 (1/2)  period 1.000 (2/2)  metric 1.000 (2/2)  kind 0.500 (1/2)',
        '  miss  tiny "1,800 vehicles" @41-55',
        '  extra tiny "Q3" @26-28',
        '  wrong tiny "25%" @33-36: unit, kind',
      ].join('\n'),
    );
  });

  it('lets a spelled hit count for precision only and a second prediction on one span be an extra', () => {
    const predictions = [money, money, quarters].map(asPrediction);
    const score = scoreFigures(tinyGold, () => predictions);
    expect(score.precision).toEqual({ count: 2, of: 3, share: 2 / 3 });
    expect(score.recall).toEqual({ count: 1, of: 3, share: 1 / 3 });
    expect(score.extras.map((extra) => extra.surface)).toEqual(['$5 million']);
    expect(score.misses.map((miss) => miss.surface)).toEqual(['25%', '1,800 vehicles']);
  });

  it('reports n/a rather than dividing by zero for an empty predictor', () => {
    const score = scoreFigures(tinyGold, () => []);
    expect(score.precision.share).toBeNull();
    expect(score.recall).toEqual({ count: 0, of: 3, share: 0 });
    expect(score.f1).toBeNull();
    expect(formatScore(score).split('\n')[1]).toBe('spans: precision n/a (0/0)  recall 0.000 (0/3)  F1 n/a');
  });

  it('scores the seed gold against itself as perfect, spelled figures included', () => {
    const byText = new Map(seeds.map((turn) => [turn.text, turn.figures.map(asPrediction)]));
    const score = scoreFigures(seeds, (turnText) => byText.get(turnText) ?? []);
    expect(score).toMatchObject({ gold: 238, spelledGold: 21, predicted: 259, matched: 259, f1: 1 });
    expect([score.reading.share, score.period.share, score.metric.share, score.kind.share]).toEqual([1, 1, 1, 1]);
  });

  it('scores the dev gold against itself as perfect, spelled figures included', () => {
    const byText = new Map(dev.map((turn) => [turn.text, turn.figures.map(asPrediction)]));
    const score = scoreFigures(dev, (turnText) => byText.get(turnText) ?? []);
    expect(score).toMatchObject({ turns: 31, gold: 210, spelledGold: 3, predicted: 213, matched: 213, f1: 1 });
    expect([score.reading.share, score.period.share, score.metric.share, score.kind.share]).toEqual([1, 1, 1, 1]);
  });

  it('keeps precision 1 and recall at the share found for any subset of the gold predicted', () => {
    const turn = seeds.find((candidate) => candidate.id === '004-15') as GoldTurn;
    const required = turn.figures.filter((gold) => !gold.spelled);
    fc.assert(
      fc.property(fc.subarray(turn.figures), (subset) => {
        const score = scoreFigures([turn], () => subset.map(asPrediction));
        expect(score.extras).toEqual([]);
        expect(score.recall.count).toBe(subset.filter((gold) => !gold.spelled).length);
        expect(score.recall.of).toBe(required.length);
        expect(score.precision.share).toBe(subset.length === 0 ? null : 1);
      }),
    );
  });
});
