import { readFileSync } from 'node:fs';
import { repairBytes } from '@callset/encoding';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GoldTableCellSchema, tableCurrency, tableFigures, type TableCell } from '../src/index.ts';

function cell(row: number, col: number, rowLabel: string, colLabel: string, text: string | null): TableCell {
  return { row, col, rowLabel, colLabel, text };
}

// The Capital IQ estimates table of seeds/000 as the parser rebuilds it (merged period headers carried right).
const capiq: TableCell[] = [
  cell(0, 0, 'EPS Normalized', 'FQ2 2017 CONSENSUS', '(1.92)'),
  cell(0, 1, 'EPS Normalized', 'FQ2 2017 ACTUAL', '(1.33)'),
  cell(0, 2, 'EPS Normalized', 'FQ2 2017 SURPRISE', 'NM'),
  cell(0, 4, 'EPS Normalized', 'FY 2017 CONSENSUS', '(6.14)'),
  cell(1, 0, 'Revenue (mm)', 'FQ2 2017 CONSENSUS', '2496.05'),
  cell(1, 2, 'Revenue (mm)', 'FQ2 2017 SURPRISE', '▲ 11.76'),
  cell(1, 3, 'Revenue (mm)', 'FQ3 2017 CONSENSUS', '2784.32'),
  cell(1, 5, 'Revenue (mm)', 'FY 2018 CONSENSUS', '20151.02'),
];

describe('tableFigures', () => {
  it('reads the Capital IQ estimates table: row scale, currency note, merged periods, accounting negatives, NM, surprise', () => {
    const figures = tableFigures(capiq, { anchor: { fiscalYear: 2017, fiscalQuarter: 2 }, currency: 'USD' });
    expect(figures.map((figure) => [figure.row, figure.col, figure.surface, figure.value, figure.unit, figure.period, figure.metric, figure.kind])).toEqual([
      [0, 0, '(1.92)', -1.92, 'USD', '2017Q2', 'eps', 'consensus'],
      [0, 1, '(1.33)', -1.33, 'USD', '2017Q2', 'eps', 'actual'],
      [0, 2, 'NM', null, 'percent', '2017Q2', null, 'surprise'],
      [0, 4, '(6.14)', -6.14, 'USD', '2017', 'eps', 'consensus'],
      [1, 0, '2496.05', 2_496_050_000, 'USD', '2017Q2', 'revenue', 'consensus'],
      [1, 2, '▲ 11.76', 11.76, 'percent', '2017Q2', null, 'surprise'],
      [1, 3, '2784.32', 2_784_320_000, 'USD', '2017Q3', 'revenue', 'consensus'],
      [1, 5, '20151.02', 20_151_020_000, 'USD', '2018', 'revenue', 'consensus'],
    ]);
    expect(figures.every((figure) => figure.charStart === 0 && figure.charEnd === [...figure.surface].length)).toBe(true);
  });

  it('reads a forum table with periods down the rows: printed scales and currencies, the rest as written', () => {
    const zev: TableCell[] = [
      cell(0, 0, '2016', 'deliveries', '76,230'),
      cell(0, 1, '2016', 'ZEV sold', '$302.3m'),
      cell(0, 3, '2016', 'ZEV per car', '$3,965'),
      cell(2, 1, '2018H1', 'ZEV sold', '$134.3m'),
      cell(2, 2, '2018H1', 'ZEV per quarter', null),
    ];
    expect(tableFigures(zev).map((figure) => [figure.surface, figure.value, figure.unit, figure.per, figure.period, figure.metric, figure.kind])).toEqual([
      ['76,230', 76_230, 'count', null, '2016', 'deliveries', 'actual'],
      ['$302.3m', 302_300_000, 'USD', null, '2016', 'zev_credits', 'actual'],
      ['$3,965', 3965, 'USD', 'car', '2016', 'zev_credits', 'actual'],
      ['$134.3m', 134_300_000, 'USD', null, '2018H1', 'zev_credits', 'actual'],
    ]);
  });

  it('reads a forum table with spreadsheet periods across the columns, as estimates; bare cells get no money metric', () => {
    const model: TableCell[] = [
      cell(1, 0, 'per model 3', 'luv q4-18e', '2.25'),
      cell(1, 2, 'per model 3', 'Jun-18', '4.02'),
      cell(3, 0, 'stock-based comp per model 3', 'luv q4-18e', '-0.65'),
      cell(7, 3, 'est model 3 cash gm', 'Mar-18', '-0.4%'),
    ];
    expect(tableFigures(model).map((figure) => [figure.surface, figure.value, figure.unit, figure.period, figure.metric, figure.kind])).toEqual([
      ['2.25', 2.25, null, '2018Q4', null, 'estimate'],
      ['4.02', 4.02, null, '2018Q2', null, 'estimate'],
      ['-0.65', -0.65, null, '2018Q4', null, 'estimate'],
      ['-0.4%', -0.4, 'percent', '2018Q1', 'gross_margin', 'estimate'],
    ]);
  });

  it('finds the currency note next to the table', () => {
    const text = 'S&P Capital IQ Estimates\n\tCONSENSUS\nRevenue (mm)\t2496.05\n\nCurrency: USD\n\nConsensus as of Aug-02-2017';
    const end = text.indexOf('\n\nCurrency');
    expect(tableCurrency(text, 0, end)).toBe('USD');
    expect(tableCurrency('Revenue (mm)\t2496.05', 0, 20)).toBeNull();
  });
});

describe('tableFigures on the labelled tables of the seeds (test/gold/tables.json)', () => {
  const gold = z.array(GoldTableCellSchema).parse(JSON.parse(readFileSync(new URL('gold/tables.json', import.meta.url), 'utf8')));
  const capiqText = repairBytes(readFileSync(new URL('../../../seeds/000_a38aff60faea0394.txt', import.meta.url))).text;

  it('reads every labelled cell as labelled: value, unit, per, period, metric and kind', () => {
    const byTable = new Map<string, typeof gold>();
    for (const cell of gold) byTable.set(cell.table_id, [...(byTable.get(cell.table_id) ?? []), cell]);
    const wrong: string[] = [];
    for (const [table, labelled] of byTable) {
      // Rebuild the table's cells as the parser gives them: rows and columns numbered by label.
      const rows = [...new Set(labelled.map((cell) => cell.row_label))];
      const cols = [...new Set(labelled.map((cell) => cell.col_label))];
      const cells = labelled.map((cell) => ({ row: rows.indexOf(cell.row_label), col: cols.indexOf(cell.col_label), rowLabel: cell.row_label, colLabel: cell.col_label, text: cell.cell_text }));
      const source = labelled[0]?.source ?? '';
      const currency = source.startsWith('000_') ? tableCurrency(capiqText, 0, capiqText.indexOf('Revenue (mm)')) : null;
      const figures = tableFigures(cells, { currency });
      for (const cell of labelled) {
        const figure = figures.find((found) => found.row === rows.indexOf(cell.row_label) && found.col === cols.indexOf(cell.col_label));
        const got = figure && { value: figure.value, unit: figure.unit, per: figure.per, period: figure.period, metric: figure.metric, kind: figure.kind };
        const expected = { value: cell.value, unit: cell.unit, per: cell.per, period: cell.period, metric: cell.metric, kind: cell.kind };
        if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${table} ${cell.row_label} / ${cell.col_label}: ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(gold.length).toBe(94);
  });
});
