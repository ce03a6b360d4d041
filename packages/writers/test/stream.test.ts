import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, type TableName, type TableRows } from '@callset/schema';
import { tableToArrow } from '../src/arrow.ts';
import { tableToCsv } from '../src/csv.ts';
import { lockedVersions, readReleaseFolder, type ReleaseSink } from '../src/fs.ts';
import { tableToParquet } from '../src/parquet.ts';
import { releaseContents } from '../src/publish.ts';
import { renderRelease } from '../src/release.ts';
import { streamRelease } from '../src/stream.ts';

/** A sink that keeps each file's chunks, and the order files were closed in. */
function memorySink(): { sink: ReleaseSink; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    sink: {
      async create(path) {
        const chunks: Uint8Array[] = [];
        return {
          write: async (chunk) => void chunks.push(chunk.slice()),
          close: async () => void files.set(path, Buffer.concat(chunks)),
        };
      },
    },
  };
}

const seedRelease = releaseContents(await readReleaseFolder(new URL('../../../output/next/', import.meta.url).pathname));

async function streamed(tables: TableRows, texts: ReadonlyMap<string, string>, batchRows?: number): Promise<Map<string, Uint8Array>> {
  const { sink, files } = memorySink();
  const release = await streamRelease(sink, batchRows);
  for (const [documentId, text] of texts) await release.text(documentId, text);
  // A table in slices of 3 rows: appends need not line up with batches.
  for (const table of TABLE_NAMES) {
    const rows = tables[table] as TableRows[TableName];
    for (let start = 0; start < rows.length; start += 3) await release.append(table, rows.slice(start, start + 3) as never);
  }
  await release.finish({ datasetVersion: 'next', sources: seedRelease.manifest.sources, toolVersions: lockedVersions() });
  return files;
}

function expectSameFiles(actual: ReadonlyMap<string, Uint8Array>, expected: ReadonlyMap<string, Uint8Array>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [path, bytes] of expected) expect([path, Buffer.from(actual.get(path) ?? []).equals(Buffer.from(bytes))]).toEqual([path, true]);
}

describe('streamRelease', () => {
  it('writes the bytes renderRelease renders, for the seed release', async () => {
    const rendered = renderRelease({ datasetVersion: 'next', tables: seedRelease.tables, texts: seedRelease.texts, sources: seedRelease.manifest.sources, toolVersions: lockedVersions() });
    expect(seedRelease.tables.utterances.length).toBeGreaterThan(100);
    expectSameFiles(await streamed(seedRelease.tables, seedRelease.texts), rendered);
  });

  it('writes each table in batches of batchRows as tableToCsv, tableToArrow and tableToParquet do, empty tables included', async () => {
    const tables = { ...seedRelease.tables, firms: [] };
    const files = await streamed(tables, new Map(), 64);
    for (const table of TABLE_NAMES) {
      const rows = tables[table] as unknown as Record<string, unknown>[];
      const expected: [string, Uint8Array][] = [
        [`${table}.csv`, new TextEncoder().encode(tableToCsv(table, rows))],
        [`${table}.arrow`, tableToArrow(table, rows, undefined, 64)],
        [`${table}.parquet`, tableToParquet(table, rows, undefined, 64)],
      ];
      for (const [path, bytes] of expected) expect([path, Buffer.from(files.get(path) ?? []).equals(Buffer.from(bytes))]).toEqual([path, true]);
    }
    expect(tables.utterances.length).toBeGreaterThan(3 * 64);
  });

  it('refuses a row that comes before the last one appended', async () => {
    const release = await streamRelease(memorySink().sink);
    const [first, second] = seedRelease.tables.utterances;
    await release.append('utterances', [second!]);
    await expect(release.append('utterances', [first!])).rejects.toThrow(`utterances: row "${first!.utterance_id}" arrived after "${second!.utterance_id}"`);
  });
});
