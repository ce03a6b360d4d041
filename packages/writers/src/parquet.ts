import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, readParquet, transformParquetStream, writeParquet, type RecordBatch as WasmRecordBatch, type WriterProperties } from 'parquet-wasm';
import { columnsOf, type ColumnSpec, type TableName } from '@callset/schema';
import { ARROW_BATCH_ROWS, tableToArrowTable } from './arrow.ts';

/** ZSTD, a row group per batch, and `created_by` pinned so the bytes name no build. Consumed by the writer it is given to. */
function writerProperties(batchRows: number): WriterProperties {
  return new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setCreatedBy('callset (parquet-wasm)').setMaxRowGroupSize(batchRows).build();
}

/**
 * Parquet bytes of a table: the Arrow table (same schema, same dictionaries, same batches)
 * handed to parquet-wasm as an IPC stream, with a row group per batch. parquet-wasm's Node
 * build instantiates its wasm synchronously on import, so no init call is needed.
 */
export function tableToParquet(
  table: TableName,
  rows: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[] = columnsOf(table),
  batchRows: number = ARROW_BATCH_ROWS,
): Uint8Array {
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(tableToArrowTable(table, rows, columns, batchRows), 'stream'));
  // writeParquet consumes the table and the properties.
  return writeParquet(wasmTable, writerProperties(batchRows));
}

/**
 * A Parquet file written a row group at a time through parquet-wasm's streaming writer, the
 * same bytes as tableToParquet for the same batches. `onBytes` gets the file's bytes as they
 * are encoded; `write` waits until the writer has taken the previous batch, so at most one
 * waits in memory. transformParquetStream reads the first batch (for the schema) before it
 * returns, so the writer starts at the first `write`; a file of no rows is tableToParquet's.
 */
export interface ParquetStream {
  write(batch: RecordBatch): Promise<void>;
  close(): Promise<void>;
}

export function parquetStream(batchRows: number, onBytes: (chunk: Uint8Array) => Promise<void>): ParquetStream {
  let wake: (() => void) | null = null;
  let writer: { input: ReadableStreamDefaultController<WasmRecordBatch>; drained: Promise<void>; stopped: Promise<void> } | null = null;
  async function start(first: WasmRecordBatch) {
    let input: ReadableStreamDefaultController<WasmRecordBatch> | null = null;
    const batches = new ReadableStream<WasmRecordBatch>(
      {
        start: (controller) => {
          input = controller;
          controller.enqueue(first);
        },
        pull: () => {
          wake?.();
          wake = null;
        },
      },
      { highWaterMark: 1 },
    );
    if (!input) throw new Error('the Parquet input stream did not start');
    const output = (await transformParquetStream(batches, writerProperties(batchRows))) as ReadableStream<Uint8Array>;
    const drained = (async () => {
      for await (const chunk of output) await onBytes(chunk);
    })();
    // What a waiting write races: the writer failing, or ending before its input did.
    const stopped = drained.then(() => {
      throw new Error('parquet-wasm ended its output before its input');
    });
    // A failure surfaces at the next write or at close, whichever comes first; never unhandled.
    stopped.catch(() => {});
    return { input: input as ReadableStreamDefaultController<WasmRecordBatch>, drained, stopped };
  }
  return {
    async write(batch) {
      const wasmBatch = WasmTable.fromIPCStream(tableToIPC(new Table(batch.schema, [batch]), 'stream')).recordBatch(0);
      if (!wasmBatch) throw new Error('parquet-wasm read back no record batch');
      if (!writer) {
        writer = await start(wasmBatch);
        return;
      }
      const { input, stopped } = writer;
      while ((input.desiredSize ?? 0) <= 0) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), stopped]);
      input.enqueue(wasmBatch);
    },
    async close() {
      if (!writer) throw new Error('a Parquet stream of no batches: write it with tableToParquet');
      writer.input.close();
      await writer.drained;
    },
  };
}

/** Opposite of `tableToParquet`: Arrow IPC stream bytes of a Parquet file, for apache-arrow's `tableFromIPC`. */
export function parquetToArrowStream(bytes: Uint8Array): Uint8Array {
  return readParquet(bytes).intoIPCStream();
}
