import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeBuilder,
  makeData,
  tableFromIPC,
  tableToIPC,
  type DataType,
} from 'apache-arrow';
import { columnsOf, type ColumnSpec, type TableName } from '@callset/schema';

/** `dictionaryId` must be explicit: apache-arrow otherwise numbers dictionaries from a process-wide counter, and the bytes would depend on what was written before. */
function arrowType(column: ColumnSpec, dictionaryId: number): DataType {
  switch (column.type) {
    case 'string':
      return column.values ? new Dictionary(new Utf8(), new Int32(), dictionaryId) : new Utf8();
    case 'integer':
      return new Int32();
    case 'number':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'list':
      return new List(new Field('item', new Utf8(), false));
  }
}

/** The Arrow schema of a table, derived from its zod schema (or from `columns`, the release's view of it). */
export function arrowSchema(table: TableName, columns: readonly ColumnSpec[] = columnsOf(table)): Schema {
  return new Schema(columns.map((column, index) => new Field(column.name, arrowType(column, index), column.nullable)));
}

function arrowValue(column: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'date') return new Date(`${String(value)}T00:00:00Z`);
  if (column.type === 'string' && value === '') return null;
  return value;
}

export function tableToArrowTable(table: TableName, rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[] = columnsOf(table)): Table {
  const schema = arrowSchema(table, columns);
  const children = columns.map((column, index) => {
    const field = schema.fields[index];
    if (!field) throw new Error(`no Arrow field for ${table}.${column.name}`);
    const builder = makeBuilder({ type: field.type, nullValues: [null, undefined] });
    for (const row of rows) builder.append(arrowValue(column, row[column.name]));
    builder.finish();
    return builder.flush();
  });
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** Arrow IPC file format bytes of a table. */
export function tableToArrow(table: TableName, rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[] = columnsOf(table)): Uint8Array {
  return tableToIPC(tableToArrowTable(table, rows, columns), 'file');
}

function plainValue(column: ColumnSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'date':
      // DateDay comes back as epoch milliseconds.
      return new Date(value as number).toISOString().slice(0, 10);
    case 'list':
      return [...(value as Iterable<unknown>)].map(String);
    default:
      return value;
  }
}

/** Opposite of `tableToArrow`: the rows of an Arrow IPC file as plain records (dates as ISO strings, lists as arrays). */
export function rowsFromArrow(table: TableName, bytes: Uint8Array): Record<string, unknown>[] {
  const arrow = tableFromIPC(bytes);
  const columns = columnsOf(table);
  return arrow.toArray().map((row: Record<string, unknown>) => Object.fromEntries(columns.map((column) => [column.name, plainValue(column, row[column.name])])));
}
