import { createHash } from 'node:crypto';
import { ROW_KEYS, TABLE_NAMES, type DocumentRow, type TableName, type TableRows } from '@callset/schema';
import { ARROW_BATCH_ROWS, arrowFileChunks, tableBatches } from './arrow.ts';
import { csvRows } from './csv.ts';
import type { FileOut, ReleaseSink } from './fs.ts';
import { parquetStream, tableToParquet } from './parquet.ts';
import { releaseColumns, renderDescription, type ManifestFile, type ReleaseSummary, type Source } from './release.ts';

const encoder = new TextEncoder();

interface MeasuredFile {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<ManifestFile>;
}

/** A file whose sha256 and size are taken as its bytes go out: the manifest's facts without keeping the bytes. */
async function measuredFile(sink: ReleaseSink, path: string): Promise<MeasuredFile> {
  const out: FileOut = await sink.create(path);
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(chunk) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await out.write(chunk);
    },
    async close() {
      await out.close();
      return { path, sha256: hash.digest('hex'), bytes, rows: null };
    },
  };
}

type RowOf<T extends TableName> = TableRows[T][number];

/**
 * One table written as CSV, Arrow and Parquet while its rows arrive in release order: CSV as
 * the rows come, Arrow and Parquet a record batch (a Parquet row group) at a time, built in
 * Arrow builders rather than held as rows. The same bytes as tableToCsv, tableToArrow and
 * tableToParquet of all the rows.
 */
class StreamedTable<T extends TableName> {
  private rows = 0;
  private lastKey: string | null = null;
  private readonly columns;
  private readonly batches;
  private batch;
  private readonly arrow;
  private readonly parquet;

  private constructor(
    private readonly table: T,
    private readonly batchRows: number,
    private readonly files: { csv: MeasuredFile; arrow: MeasuredFile; parquet: MeasuredFile },
  ) {
    // The build writes the full release; a public one is rendered from it by `callset release`.
    this.columns = releaseColumns(table, false);
    this.batches = tableBatches(table, this.columns);
    this.batch = this.batches.builder();
    this.arrow = arrowFileChunks(this.batches.schema);
    this.parquet = parquetStream(batchRows, (chunk) => files.parquet.write(chunk));
  }

  static async open<T extends TableName>(sink: ReleaseSink, table: T, batchRows: number): Promise<StreamedTable<T>> {
    const files = { csv: await measuredFile(sink, `${table}.csv`), arrow: await measuredFile(sink, `${table}.arrow`), parquet: await measuredFile(sink, `${table}.parquet`) };
    const streamed = new StreamedTable(table, batchRows, files);
    await files.csv.write(encoder.encode(csvRows(table, [], true)));
    return streamed;
  }

  async append(rows: readonly RowOf<T>[]): Promise<void> {
    const key = ROW_KEYS[this.table] as (row: RowOf<T>) => string;
    for (const row of rows) {
      const rowKey = key(row);
      // The files' bytes are those of the sorted table only if every row comes after the last.
      if (this.lastKey !== null && rowKey < this.lastKey) throw new Error(`${this.table}: row ${JSON.stringify(rowKey)} arrived after ${JSON.stringify(this.lastKey)}`);
      this.lastKey = rowKey;
    }
    await this.files.csv.write(encoder.encode(csvRows(this.table, rows as unknown as Record<string, unknown>[], false)));
    for (const row of rows) {
      this.batch.append(row as unknown as Record<string, unknown>);
      this.rows++;
      if (this.batch.rows === this.batchRows) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    const batch = this.batch.finish();
    this.batch = this.batches.builder();
    for (const chunk of this.arrow.write(batch)) await this.files.arrow.write(chunk);
    await this.parquet.write(batch);
  }

  async close(): Promise<ManifestFile[]> {
    if (this.batch.rows > 0) await this.flush();
    for (const chunk of this.arrow.close()) await this.files.arrow.write(chunk);
    if (this.rows > 0) await this.parquet.close();
    else await this.files.parquet.write(tableToParquet(this.table, [], this.columns, this.batchRows));
    const closed = [await this.files.csv.close(), await this.files.arrow.close(), await this.files.parquet.close()];
    return closed.map((file) => ({ ...file, rows: this.rows }));
  }
}

/** A release written while its rows arrive: each table in release order, texts in any order. */
export interface StreamedRelease {
  /** Rows that come after every row of `table` appended before (an error otherwise). */
  append<T extends TableName>(table: T, rows: readonly RowOf<T>[]): Promise<void>;
  text(documentId: string, text: string): Promise<void>;
  /** Closes the tables and writes the files that describe the release; returns each table's row count. */
  finish(release: { datasetVersion: string; sources: readonly Source[]; toolVersions: Readonly<Record<string, string>> }): Promise<Record<TableName, number>>;
}

/**
 * The streaming counterpart of renderRelease (for a release that is not public and not frozen,
 * which is what a build writes): the same files, byte for byte, for the same rows and texts.
 * Only the documents table is kept, for the dataset card.
 */
export async function streamRelease(sink: ReleaseSink, batchRows: number = ARROW_BATCH_ROWS): Promise<StreamedRelease> {
  const tables = new Map<TableName, StreamedTable<TableName>>();
  for (const table of TABLE_NAMES) tables.set(table, await StreamedTable.open(sink, table, batchRows));
  const documents: DocumentRow[] = [];
  const textFiles: ManifestFile[] = [];
  return {
    async append(table, rows) {
      if (table === 'documents') documents.push(...(rows as readonly DocumentRow[]));
      await tables.get(table)?.append(rows);
    },
    async text(documentId, text) {
      const file = await measuredFile(sink, `texts/${documentId}.txt`);
      await file.write(encoder.encode(text));
      textFiles.push(await file.close());
    },
    async finish(release) {
      const tableFiles: ManifestFile[] = [];
      for (const table of tables.values()) tableFiles.push(...(await table.close()));
      const rowCounts = Object.fromEntries(TABLE_NAMES.map((table) => [table, tableFiles.find((file) => file.path === `${table}.csv`)?.rows ?? 0])) as Record<TableName, number>;
      const summary: ReleaseSummary = { ...release, public: false, withheld: [], documents, rowCounts, textCount: textFiles.length };
      for (const [path, bytes] of renderDescription(summary, [...tableFiles, ...textFiles])) {
        const file = await sink.create(path);
        await file.write(bytes);
        await file.close();
      }
      return rowCounts;
    },
  };
}
