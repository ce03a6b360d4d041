import Papa from 'papaparse';
import { trimWhere } from '@callset/schema';
import type { ParsedTableCell } from './types.ts';

/**
 * A tab-separated grid (the CapIQ estimates table) as cells: the leading rows whose first cell is
 * empty are column headers (the period row spans its measures, so it is carried right across
 * empty cells; the last header row is not), the first column holds the row labels.
 */
export function tsvCells(block: string): ParsedTableCell[] {
  // An explicit delimiter, and a quote character that never occurs: PDF-extracted figures are never quoted.
  const grid = Papa.parse<string[]>(block, { delimiter: '\t', quoteChar: '\u0000', skipEmptyLines: 'greedy' }).data.map((row) => row.map((cell) => cell.trim()));
  let headerRows = 0;
  while (headerRows < grid.length - 1 && (grid[headerRows]?.[0] ?? '') === '') headerRows++;
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  const headers = grid.slice(0, headerRows).map((row, index) => {
    const filled: string[] = [];
    for (let col = 0; col < width; col++) {
      const value = trimWhere(row[col] ?? '', (char) => char === '-').trim();
      filled.push(value === '' && index < headerRows - 1 && col > 1 ? (filled[col - 1] ?? '') : value);
    }
    return filled;
  });
  const cells: ParsedTableCell[] = [];
  grid.slice(headerRows).forEach((row, rowIndex) => {
    for (let col = 1; col < width; col++) {
      const colLabel = headers.map((header) => header[col] ?? '').filter(Boolean).join(' ');
      cells.push({ row: rowIndex, col: col - 1, rowLabel: row[0] || null, colLabel: colLabel || null, text: row[col] || null });
    }
  });
  return cells;
}
