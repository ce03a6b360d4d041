import { STAGES, type TableName, type TableRows } from './tables.ts';

type RowOf<T extends TableName> = TableRows[T][number];

const pad = (value: number | null) => String(value ?? -1).padStart(10, '0');

/** The key each table's rows are sorted by in a release: its id, or the columns that identify a row. */
export const ROW_KEYS: { [T in TableName]: (row: RowOf<T>) => string } = {
  documents: (row) => `${row.document_id}\u0000${row.source_path}`,
  utterances: (row) => row.utterance_id,
  speakers: (row) => row.speaker_id,
  firms: (row) => row.firm_id,
  figures: (row) => row.figure_id,
  table_cells: (row) => `${row.table_id}\u0000${pad(row.row)}\u0000${pad(row.col)}`,
  issues: (row) => [row.document_id, row.source_path, STAGES.indexOf(row.stage), pad(row.char_start), row.code, row.message].join('\u0000'),
};

/** Rows in release order: by key, compared by UTF-16 code units, so the order is the same everywhere. */
export function sortRows<T extends TableName>(table: T, rows: RowOf<T>[]): RowOf<T>[] {
  const key = ROW_KEYS[table] as (row: RowOf<T>) => string;
  return rows
    .map((row) => [key(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}
