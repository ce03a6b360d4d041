import type { FigureAnchor } from './context.ts';
import type { FigureCandidate, FigureKind } from './extract.ts';
import { placeFigures } from './extract.ts';
import { findCues, METRICS, metricAccepts, type Metric } from './metrics.ts';
import { periodOfLabel } from './periods.ts';
import { amountValue } from './read-figures.ts';
import { codePointOffsets, tokenize, type Token } from './tokens.ts';
import { ISO_CODES, ITEMS, MEASURES, NAMING_WORDS, PER_WORDS, SCALE_ABBREVIATIONS, SCALE_WORDS } from './vocabulary.ts';
import { wordTable } from './word-table.ts';

/** One cell of a rebuilt table, as the parsers give it (`ParsedTableCell`). */
export interface TableCell {
  row: number;
  col: number;
  rowLabel: string | null;
  colLabel: string | null;
  text: string | null;
}

export interface TableContext {
  anchor?: FigureAnchor;
  /** The currency the table's amounts are in, when the document states it ("Currency: USD"). */
  currency?: string | null;
}

/** A figure read from a table cell; `surface` is the cell text and offsets are within it. */
export interface TableFigure extends FigureCandidate {
  row: number;
  col: number;
}

const KIND_WORDS: Record<string, FigureKind> = wordTable({ consensus: 'consensus', actual: 'actual', actuals: 'actual', surprise: 'surprise', estimate: 'estimate', estimates: 'estimate', est: 'estimate', estimated: 'estimate', guidance: 'guidance' });
const SURPRISE_SIGNS: Record<string, number> = wordTable({ '▲': 1, '△': 1, '▼': -1, '▽': -1 });

/** "Revenue (mm)", "Sales ($ in thousands)": the power of ten a label says its row is written in. */
function labelScale(tokens: readonly Token[]): number {
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (!token || token.kind !== 'word') continue;
    const inParens = tokens.slice(0, at).some((before) => before.text === '(');
    const power = SCALE_WORDS[token.lower] ?? (inParens ? SCALE_ABBREVIATIONS[token.lower] : undefined);
    if (power !== undefined && (inParens || token.lower in SCALE_WORDS)) return power;
  }
  return 0;
}

/** "q4-18e", "FY 2018 CONSENSUS", "est model 3 gaap gm": the kind a label gives its cells. */
function labelKind(label: string | null): FigureKind | null {
  if (!label) return null;
  for (const token of tokenize(label)) {
    const kind = KIND_WORDS[token.lower];
    if (kind) return kind;
  }
  // A spreadsheet period with an "e" suffix is an estimate: "q3-18e", "2019E".
  return /\d[eE]\b/.test(label) ? 'estimate' : null;
}

/** The metric a label names ("Revenue (mm)", "est model 3 cash gm"), with the words it came from. */
function labelMetric(label: string | null): { metric: Metric; words: string } | null {
  if (!label) return null;
  const tokens = tokenize(label);
  const cue = findCues(tokens, 0, tokens.length)[0];
  if (!cue) return null;
  return { metric: cue.metric, words: label.slice(tokens[cue.first]?.start ?? 0, tokens[cue.last]?.end ?? 0) };
}

/**
 * "ZEV per car", "ZEV per quarter": the rate denominator a label gives its cells. "per model 3"
 * and "per 3" name a product where a unit is meant: in these sources a vehicle model, so per vehicle.
 */
function labelPer(label: string | null): string | null {
  if (!label) return null;
  const tokens = tokenize(label);
  const at = tokens.findIndex((token) => token.lower === 'per');
  const word = tokens[at + 1];
  if (at < 0 || !word) return null;
  if (word.kind === 'num' || (NAMING_WORDS.has(word.lower) && tokens[at + 2]?.kind === 'num')) return 'vehicle';
  const singular = ITEMS[word.lower] ?? MEASURES[word.lower]?.[1] ?? word.lower;
  return PER_WORDS[singular] ?? null;
}

/** The currency named in the lines around a table: the Capital IQ "Currency: USD" note. */
export function tableCurrency(documentText: string, charStart: number, charEnd: number): string | null {
  const points = [...documentText];
  // The note follows the grid within a few lines.
  const window = points.slice(charStart, charEnd + 400).join('');
  const match = /\bCurrency:[ \t]*([A-Z]{3})\b/.exec(window);
  return match?.[1] && ISO_CODES.has(match[1]) ? match[1] : null;
}

/** A cell's text read as one figure, or null when it holds no number ("......", "n/a"). */
function readCell(text: string): FigureCandidate | null {
  const trimmed = text.trim();
  if (/^(?:NM|N\/?M|NA|N\/A|n\/a|n\.m\.)$/.test(trimmed)) {
    return {
      surface: text, charStart: 0, charEnd: codePointOffsets(text)[text.length] ?? 0, value: null, valueLow: null, valueHigh: null,
      unit: null, item: null, per: null, approximate: false, bound: null, period: null, metric: null, metricLabel: null, kind: null, spelled: false,
    };
  }
  const { figures } = placeFigures(text);
  const only = figures.length === 1 ? figures[0]?.candidate : undefined;
  if (!only) return null;
  const sign = SURPRISE_SIGNS[trimmed[0] ?? ''];
  const value = sign === -1 && only.value !== null ? -only.value : only.value;
  return { ...only, value, surface: text, charStart: 0, charEnd: codePointOffsets(text)[text.length] ?? 0, unit: sign !== undefined ? 'percent' : only.unit };
}

/**
 * Figures of a rebuilt table (Capital IQ estimates, forum tables). The period comes from whichever
 * axis holds one, the metric from the other; a row label's scale ("Revenue (mm)") and the table's
 * currency apply to cells that print none; a cell that prints no scale keeps its value as written.
 * "NM" is a figure without a value; "▲ 11.76" a surprise of +11.76 percent.
 */
export function tableFigures(cells: readonly TableCell[], context: TableContext = {}): TableFigure[] {
  const anchor = context.anchor ?? {};
  const tableIsEstimate = cells.some((cell) => labelKind(cell.rowLabel) === 'estimate' || labelKind(cell.colLabel) === 'estimate');
  const figures: TableFigure[] = [];
  for (const cell of cells) {
    if (!cell.text) continue;
    const read = readCell(cell.text);
    if (!read) continue;
    const rowTokens = tokenize(cell.rowLabel ?? '');
    const colTokens = tokenize(cell.colLabel ?? '');
    const colPeriod = periodOfLabel(colTokens, anchor);
    const rowPeriod = periodOfLabel(rowTokens, anchor);
    const period = colPeriod ?? rowPeriod;
    const measureLabel = colPeriod !== null ? cell.rowLabel : rowPeriod !== null ? cell.colLabel : cell.rowLabel;
    // A table that marks no estimate states what was: a track record read off past reports.
    const kind = labelKind(cell.colLabel) ?? labelKind(cell.rowLabel) ?? (tableIsEstimate ? 'estimate' : period !== null ? 'actual' : null);
    const surprise = kind === 'surprise' || /^[▲△▼▽]/.test(cell.text.trim());
    const named = labelMetric(measureLabel);
    const printedUnit = read.value !== null && !(read.unit === 'count' && read.item === null);
    let value = read.value;
    let unit = read.unit;
    if (surprise) unit = 'percent';
    else if (!printedUnit) {
      const scale = labelScale(tokenize(measureLabel ?? ''));
      if (value !== null && scale > 0) value = readScaled(cell.text, scale) ?? value;
      const countMetric = named !== null && (METRICS[named.metric].units as readonly string[]).every((accepted) => accepted === 'count');
      unit = context.currency && !countMetric ? context.currency : countMetric ? 'count' : null;
    }
    // Only a unit the metric is measured in gets it: no money metric for a bare cell, none for a surprise in percent.
    const metric = named && metricAccepts(named.metric, unit) ? named : null;
    figures.push({
      ...read,
      value,
      unit,
      per: labelPer(measureLabel) ?? (metric?.metric === 'eps' ? 'share' : null),
      period,
      metric: metric?.metric ?? null,
      metricLabel: metric?.words ?? null,
      kind: surprise ? 'surprise' : kind,
      row: cell.row,
      col: cell.col,
    });
  }
  return figures;
}

/** A cell's number moved by a label's scale, exactly: "2496.05" in "Revenue (mm)" is 2496050000. */
function readScaled(text: string, power: number): number | null {
  const { figures } = placeFigures(text);
  const reading = figures[0]?.reading;
  if (!reading || reading.high) return null;
  return amountValue({ ...reading.low, power: reading.low.power + power });
}
