import { z } from 'zod';
import { EVENT_TYPES, SECTIONS, SPEAKER_TYPES, figureSchema } from '@callset/schema';

/**
 * The hand-labelled gold format of `test/gold/*.json` (see its README) and a pure scorer of a
 * figure predictor against it. Figures use the contract's snake_case `figures` columns.
 */
const predictedFigureSchema = figureSchema.pick({
  surface: true,
  char_start: true,
  char_end: true,
  value: true,
  value_low: true,
  value_high: true,
  unit: true,
  item: true,
  per: true,
  approximate: true,
  bound: true,
  period: true,
  metric: true,
  metric_label: true,
  kind: true,
});
export type PredictedFigure = z.infer<typeof predictedFigureSchema>;

/** A figure spanning `surface` from code point `charStart` that reads nothing yet: what a predictor or a labeller fills in. */
export function blankFigure(surface: string, charStart: number): PredictedFigure {
  return {
    surface,
    char_start: charStart,
    char_end: charStart + Array.from(surface).length,
    value: null,
    value_low: null,
    value_high: null,
    unit: null,
    item: null,
    per: null,
    approximate: false,
    bound: null,
    period: null,
    metric: null,
    metric_label: null,
    kind: null,
  };
}

/** A single value, or a range (value null, low below high): never a mix. */
function hasValueShape(figure: { value: number | null; value_low: number | null; value_high: number | null }): boolean {
  if (figure.value !== null) return figure.value_low === null && figure.value_high === null;
  return figure.value_low !== null && figure.value_high !== null && figure.value_low < figure.value_high;
}

export const GoldFigureSchema = predictedFigureSchema
  .extend({ spelled: z.literal(true).optional() })
  .strict()
  .refine((figure) => figure.char_end > figure.char_start, { message: 'char_end must follow char_start' })
  .refine(hasValueShape, { message: 'a figure has a value, or value null with value_low < value_high' });
export type GoldFigure = z.infer<typeof GoldFigureSchema>;

export const GoldAnchorSchema = z
  .object({
    fiscal_year: z.int().min(1900).max(2100).nullable(),
    fiscal_quarter: z.int().min(1).max(4).nullable(),
    event_type: z.enum(EVENT_TYPES),
  })
  .strict();
export type GoldAnchor = z.infer<typeof GoldAnchorSchema>;

/** The code points of `text` from `start` to `end` (end exclusive), as the contract counts offsets. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export const GoldTurnSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    anchor: GoldAnchorSchema,
    speaker_type: z.enum(SPEAKER_TYPES),
    section: z.enum(SECTIONS),
    text: z.string().min(1),
    figures: z.array(GoldFigureSchema),
    not_figures: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((turn, ctx) => {
    let previousEnd = 0;
    turn.figures.forEach((figure, index) => {
      const atSpan = codePointSlice(turn.text, figure.char_start, figure.char_end);
      if (atSpan !== figure.surface) {
        ctx.addIssue({ code: 'custom', path: ['figures', index, 'surface'], message: `text at span is ${JSON.stringify(atSpan)}` });
      }
      if (figure.char_start < previousEnd) {
        ctx.addIssue({ code: 'custom', path: ['figures', index, 'char_start'], message: 'figures must be sorted and must not overlap' });
      }
      previousEnd = figure.char_end;
    });
    turn.not_figures?.forEach((surface, index) => {
      if (!turn.text.includes(surface)) ctx.addIssue({ code: 'custom', path: ['not_figures', index], message: 'not in the text' });
    });
  });
export type GoldTurn = z.infer<typeof GoldTurnSchema>;
export const GoldTurnsSchema = z
  .array(GoldTurnSchema)
  .refine((turns) => new Set(turns.map((turn) => turn.id)).size === turns.length, { message: 'turn ids must be unique' });

/** Expected figure of a document table cell, keyed as `table_cells` names the cell. */
export const GoldTableCellSchema = z
  .object({
    source: z.string().min(1),
    table_id: z.string().min(1),
    row_label: z.string().min(1),
    col_label: z.string().min(1),
    cell_text: z.string().min(1),
    value: z.number().nullable(),
    value_low: z.number().optional(),
    value_high: z.number().optional(),
    unit: z.string().min(1).nullable(),
    per: z.string().min(1).nullable(),
    period: figureSchema.shape.period,
    metric: z.string().min(1).nullable(),
    kind: figureSchema.shape.kind,
  })
  .strict();
export type GoldTableCell = z.infer<typeof GoldTableCellSchema>;

/** The fields that make a matched figure's reading correct; period, metric and kind are scored apart. */
export const READING_FIELDS = ['value', 'value_low', 'value_high', 'unit', 'item', 'per', 'approximate', 'bound'] as const;
type ComparedField = (typeof READING_FIELDS)[number] | 'period' | 'metric' | 'kind';

/** Relative tolerance for numbers: scaling a decimal string by 1e6 need not be bit-exact. */
const RELATIVE_TOLERANCE = 1e-9;

function sameField(gold: GoldFigure, predicted: PredictedFigure, field: ComparedField): boolean {
  const expected = gold[field];
  const actual = predicted[field];
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return expected === actual;
}

/** A count and its share; `share` is null when there is nothing to share over. */
export interface Ratio {
  count: number;
  of: number;
  share: number | null;
}

function ratio(count: number, of: number): Ratio {
  return { count, of, share: of === 0 ? null : count / of };
}

export interface FigureRef {
  turn: string;
  surface: string;
  char_start: number;
  char_end: number;
}

export interface FigureMismatch extends FigureRef {
  fields: ComparedField[];
}

export interface FigureScore {
  turns: number;
  /** Gold figures that must be found (spelled ones are optional and not counted here). */
  gold: number;
  spelledGold: number;
  predicted: number;
  /** Predictions on a gold span: precision's numerator (spelled hits included). */
  matched: number;
  precision: Ratio;
  /** Required gold figures found. */
  recall: Ratio;
  f1: number | null;
  /** Over matched figures: value, value_low, value_high, unit, item, per, approximate and bound all equal. */
  reading: Ratio;
  period: Ratio;
  metric: Ratio;
  kind: Ratio;
  misses: FigureRef[];
  extras: FigureRef[];
  mismatches: FigureMismatch[];
}

const spanKey = (start: number, end: number): string => `${start}:${end}`;
const ref = (turn: GoldTurn, figure: GoldFigure | PredictedFigure): FigureRef => ({
  turn: turn.id,
  surface: figure.surface,
  char_start: figure.char_start,
  char_end: figure.char_end,
});

/**
 * Scores `predict` on gold turns. A prediction matches a gold figure with the same char_start and
 * char_end (each gold figure matches once; a second prediction on its span is an extra). Spelled
 * gold figures are optional: a hit counts for precision, a miss does not lower recall. Pure.
 */
export function scoreFigures(gold: readonly GoldTurn[], predict: (text: string, anchor: GoldAnchor) => PredictedFigure[]): FigureScore {
  let required = 0;
  let spelledGold = 0;
  let predicted = 0;
  let matched = 0;
  let requiredFound = 0;
  const correct = { reading: 0, period: 0, metric: 0, kind: 0 };
  const misses: FigureRef[] = [];
  const extras: FigureRef[] = [];
  const mismatches: FigureMismatch[] = [];

  for (const turn of gold) {
    const bySpan = new Map(turn.figures.map((figure) => [spanKey(figure.char_start, figure.char_end), figure]));
    const found = new Set<string>();
    const predictions = [...predict(turn.text, turn.anchor)].sort((a, b) => a.char_start - b.char_start || a.char_end - b.char_end);
    predicted += predictions.length;
    for (const prediction of predictions) {
      const key = spanKey(prediction.char_start, prediction.char_end);
      const target = bySpan.get(key);
      if (!target || found.has(key)) {
        extras.push(ref(turn, prediction));
        continue;
      }
      found.add(key);
      matched += 1;
      if (!target.spelled) requiredFound += 1;
      const wrongReading = READING_FIELDS.filter((field) => !sameField(target, prediction, field));
      const wrongContext = (['period', 'metric', 'kind'] as const).filter((field) => !sameField(target, prediction, field));
      if (wrongReading.length === 0) correct.reading += 1;
      for (const field of ['period', 'metric', 'kind'] as const) if (!wrongContext.includes(field)) correct[field] += 1;
      if (wrongReading.length + wrongContext.length > 0) mismatches.push({ ...ref(turn, prediction), fields: [...wrongReading, ...wrongContext] });
    }
    for (const figure of turn.figures) {
      if (figure.spelled) spelledGold += 1;
      else required += 1;
      if (!figure.spelled && !found.has(spanKey(figure.char_start, figure.char_end))) misses.push(ref(turn, figure));
    }
  }

  const precision = ratio(matched, predicted);
  const recall = ratio(requiredFound, required);
  const f1 =
    precision.share === null || recall.share === null
      ? null
      : precision.share + recall.share === 0
        ? 0
        : (2 * precision.share * recall.share) / (precision.share + recall.share);
  return {
    turns: gold.length,
    gold: required,
    spelledGold,
    predicted,
    matched,
    precision,
    recall,
    f1,
    reading: ratio(correct.reading, matched),
    period: ratio(correct.period, matched),
    metric: ratio(correct.metric, matched),
    kind: ratio(correct.kind, matched),
    misses,
    extras,
    mismatches,
  };
}

function formatRatio(value: Ratio): string {
  return value.share === null ? `n/a (0/0)` : `${value.share.toFixed(3)} (${value.count}/${value.of})`;
}

function formatRef(figure: FigureRef): string {
  return `${figure.turn} ${JSON.stringify(figure.surface)} @${figure.char_start}-${figure.char_end}`;
}

/** A readable report of a score; `examples` lists that many misses, extras and mismatches. */
export function formatScore(score: FigureScore, { examples = 0 }: { examples?: number } = {}): string {
  const lines = [
    `figures: ${score.turns} turns, ${score.gold} gold (+${score.spelledGold} spelled, optional), ${score.predicted} predicted`,
    `spans: precision ${formatRatio(score.precision)}  recall ${formatRatio(score.recall)}  F1 ${score.f1 === null ? 'n/a' : score.f1.toFixed(3)}`,
    `matched ${score.matched}: reading ${formatRatio(score.reading)}  period ${formatRatio(score.period)}  metric ${formatRatio(score.metric)}  kind ${formatRatio(score.kind)}`,
  ];
  if (examples > 0) {
    for (const miss of score.misses.slice(0, examples)) lines.push(`  miss  ${formatRef(miss)}`);
    for (const extra of score.extras.slice(0, examples)) lines.push(`  extra ${formatRef(extra)}`);
    for (const mismatch of score.mismatches.slice(0, examples)) lines.push(`  wrong ${formatRef(mismatch)}: ${mismatch.fields.join(', ')}`);
  }
  return lines.join('\n');
}
