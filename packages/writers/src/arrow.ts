import {
  AsyncByteQueue,
  Bool,
  DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Table,
  Utf8,
  makeBuilder,
  makeData,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type Data,
  type Vector,
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

/** Rows per record batch (and per Parquet row group): readers can stream a large table a batch at a time. */
export const ARROW_BATCH_ROWS = 65_536;

/**
 * An enum column's declared values as one Utf8 vector shared by every batch, and each value's
 * index in it. apache-arrow's file writer compares dictionaries by identity, so the file holds
 * each dictionary once, with no delta or replacement dictionaries, which not every reader accepts.
 */
interface EnumDictionary {
  vector: Vector<Utf8>;
  indices: ReadonlyMap<string, number>;
}

function enumDictionary(column: ColumnSpec): EnumDictionary | null {
  if (!column.values) return null;
  return { vector: vectorFromArray([...column.values], new Utf8()), indices: new Map(column.values.map((value, index) => [value, index])) };
}

/** One column of a batch, built a value at a time. */
interface ColumnBuilder {
  append(row: Record<string, unknown>): void;
  finish(): Data;
}

const utf8 = new TextEncoder();

/** The first `count` elements in an array of a multiple of 64 bytes (at least 64), zero-filled: the buffers apache-arrow's builders finish with. */
function padded<T extends Uint8Array | Int32Array>(array: T, count: number): T {
  const bytes = Math.max(64, Math.ceil((count * array.BYTES_PER_ELEMENT) / 64) * 64);
  const result = new (array.constructor as new (length: number) => T)(bytes / array.BYTES_PER_ELEMENT);
  result.set(array.subarray(0, count));
  return result;
}

/**
 * A Utf8 column encoded as values arrive: apache-arrow's builder keeps every value of a batch
 * as its own small Uint8Array until it finishes, several times the column's size. The Data is
 * the builder's: the same offsets, bytes and validity bitmap.
 */
function utf8Builder(column: ColumnSpec, type: Utf8): ColumnBuilder {
  let bytes = new Uint8Array(1024);
  let byteLength = 0;
  let offsets = new Int32Array(1024);
  let validity = new Uint8Array(128);
  let length = 0;
  let nullCount = 0;
  const grown = <T extends Uint8Array | Int32Array>(array: T, needed: number): T => {
    if (needed <= array.length) return array;
    const larger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
    larger.set(array);
    return larger;
  };
  return {
    append(row) {
      const value = arrowValue(column, row[column.name]);
      offsets = grown(offsets, length + 2);
      validity = grown(validity, (length >> 3) + 1);
      if (value === null) {
        nullCount++;
      } else {
        const text = String(value);
        bytes = grown(bytes, byteLength + 3 * text.length);
        byteLength += utf8.encodeInto(text, bytes.subarray(byteLength)).written;
        validity[length >> 3] = (validity[length >> 3] ?? 0) | (1 << (length & 7));
      }
      offsets[++length] = byteLength;
    },
    finish() {
      const nullBitmap = nullCount > 0 ? padded(validity, (length + 7) >> 3) : undefined;
      return makeData({ type, length, nullCount, nullBitmap, valueOffsets: padded(offsets, length + 1), data: padded(bytes, byteLength) });
    },
  };
}

function columnBuilder(table: TableName, column: ColumnSpec, type: DataType, dictionary: EnumDictionary | null): ColumnBuilder {
  if (DataType.isUtf8(type)) return utf8Builder(column, type);
  if (!DataType.isDictionary(type) || !dictionary) {
    const builder = makeBuilder({ type, nullValues: [null, undefined] });
    return {
      append: (row) => builder.append(arrowValue(column, row[column.name])),
      finish: () => builder.finish().flush(),
    };
  }
  const indices = makeBuilder({ type: new Int32(), nullValues: [null] });
  return {
    append(row) {
      const value = arrowValue(column, row[column.name]);
      const index = value === null ? null : dictionary.indices.get(String(value));
      if (index === undefined) throw new Error(`${table}.${column.name}: ${String(value)} is not one of its values`);
      indices.append(index);
    },
    finish() {
      const { length, nullCount, nullBitmap, values } = indices.finish().flush();
      return makeData({ type, length, nullCount, nullBitmap, data: values, dictionary: dictionary.vector });
    },
  };
}

/** One record batch, built a row at a time: its columns' builders hold the values, not the rows. */
export interface BatchBuilder {
  append(row: Record<string, unknown>): void;
  readonly rows: number;
  finish(): RecordBatch;
}

/** Record batches of one table, all with one schema and one set of enum dictionaries. */
export interface TableBatches {
  schema: Schema;
  builder(): BatchBuilder;
}

export function tableBatches(table: TableName, columns: readonly ColumnSpec[] = columnsOf(table)): TableBatches {
  const schema = arrowSchema(table, columns);
  const dictionaries = columns.map(enumDictionary);
  return {
    schema,
    builder() {
      const builders = columns.map((column, index) => {
        const field = schema.fields[index];
        if (!field) throw new Error(`no Arrow field for ${table}.${column.name}`);
        return columnBuilder(table, column, field.type, dictionaries[index] ?? null);
      });
      let rows = 0;
      return {
        append(row) {
          for (const builder of builders) builder.append(row);
          rows++;
        },
        get rows() {
          return rows;
        },
        finish: () => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: builders.map((builder) => builder.finish()) })),
      };
    },
  };
}

/** The rows as an Arrow table of record batches of at most `batchRows` rows each (none for no rows). */
export function tableToArrowTable(
  table: TableName,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[] = columnsOf(table),
  batchRows: number = ARROW_BATCH_ROWS,
): Table {
  const batches = tableBatches(table, columns);
  const records: RecordBatch[] = [];
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = batches.builder();
    for (const row of rows.slice(start, start + batchRows)) batch.append(row);
    records.push(batch.finish());
  }
  return new Table(batches.schema, records);
}

/**
 * An Arrow IPC file written a batch at a time: each call returns the bytes it adds, so a caller
 * can write them out and hold no more than one batch. The bytes are tableToIPC(table, 'file')'s
 * for the same batches: the same writer, given a sink that hands each chunk over as it comes.
 */
export interface ArrowFileChunks {
  write(batch: RecordBatch): Uint8Array[];
  close(): Uint8Array[];
}

export function arrowFileChunks(schema: Schema): ArrowFileChunks {
  let chunks: Uint8Array[] = [];
  const take = () => {
    const taken = chunks;
    chunks = [];
    return taken;
  };
  class ChunkSink extends AsyncByteQueue {
    override write(value: unknown): void {
      chunks.push(value as Uint8Array);
    }
  }
  const writer = new RecordBatchFileWriter();
  writer.reset(new ChunkSink(), schema);
  return {
    write(batch) {
      writer.write(batch);
      return take();
    },
    close() {
      writer.close();
      return take();
    },
  };
}

/** Arrow IPC file format bytes of a table. */
export function tableToArrow(
  table: TableName,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[] = columnsOf(table),
  batchRows: number = ARROW_BATCH_ROWS,
): Uint8Array {
  return tableToIPC(tableToArrowTable(table, rows, columns, batchRows), 'file');
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
