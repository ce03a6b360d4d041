import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, readParquet, writeParquet } from 'parquet-wasm';
import { columnsOf, type ColumnSpec, type TableName } from '@callset/schema';
import { ARROW_BATCH_ROWS, tableToArrowTable } from './arrow.ts';

/**
 * Parquet bytes of a table: the Arrow table (same schema, same dictionaries, same batches)
 * handed to parquet-wasm as an IPC stream, with a row group per batch. parquet-wasm's Node
 * build instantiates its wasm synchronously on import, so no init call is needed.
 * `created_by` is pinned so the bytes name no build.
 */
export function tableToParquet(
  table: TableName,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[] = columnsOf(table),
  batchRows: number = ARROW_BATCH_ROWS,
): Uint8Array {
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(tableToArrowTable(table, rows, columns, batchRows), 'stream'));
  const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setCreatedBy('callset (parquet-wasm)').setMaxRowGroupSize(batchRows).build();
  // writeParquet consumes the table and the properties.
  return writeParquet(wasmTable, properties);
}

/** Opposite of `tableToParquet`: Arrow IPC stream bytes of a Parquet file, for apache-arrow's `tableFromIPC`. */
export function parquetToArrowStream(bytes: Uint8Array): Uint8Array {
  return readParquet(bytes).intoIPCStream();
}
