import { stringify } from 'csv-stringify/sync';
import { columnsOf, type ColumnSpec, type TableName } from '@callset/schema';

function csvCell(column: ColumnSpec, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'list':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'integer':
    case 'number':
      return String(value);
    default:
      // Empty strings are stored as null, as the contract says.
      return value === '' ? null : String(value);
  }
}

/**
 * RFC 4180 with LF record ends, no BOM; null is an empty unquoted field. The header row only
 * with `header`: a table written in slices is the concatenation of its slices, the first with
 * the header.
 */
export function csvRows(table: TableName, rows: readonly Record<string, unknown>[], header: boolean): string {
  const columns = columnsOf(table);
  const records = rows.map((row) => columns.map((column) => csvCell(column, row[column.name])));
  return stringify(records, {
    header,
    columns: columns.map((column) => column.name),
    record_delimiter: 'unix',
    quoted_match: /^$/,
  });
}

/** A whole table as CSV, header row first. */
export function tableToCsv(table: TableName, rows: readonly Record<string, unknown>[]): string {
  return csvRows(table, rows, true);
}
