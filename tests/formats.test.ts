import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
// readIPC takes a Buffer: given a string, nodejs-polars reads it as a path only when it ends in .ipc.
import pl from 'nodejs-polars';
import { BOUNDS, FIGURE_KINDS, SECTIONS, SPEAKER_TYPES, TABLE_NAMES, columnsOf, type FigureRow, type TableName, type UtteranceRow } from '@callset/schema';
import { tableToArrow, tableToParquet } from '@callset/writers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedsRelease } from './release.ts';

// The same bytes as the committed output/next/ (.ci/run compares them), built fresh so the test holds for any seeds.
let releaseDir = '';
let connection: DuckDBConnection;
beforeAll(async () => {
  releaseDir = await buildSeedsRelease();
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection.closeSync());

/** A value as JSON would hold it, whichever reader produced it. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<unknown>)].map(plain);
  return value;
}

/** A typed value as the CSV spells it. */
function csvText(table: TableName, column: string, value: unknown): string | null {
  if (value === null) return null;
  const type = columnsOf(table).find((spec) => spec.name === column)?.type;
  return type === 'list' ? JSON.stringify(value) : String(value);
}

async function duck(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe.each(TABLE_NAMES)('table %s', (table) => {
  it('has the same row count and sampled typed values in apache-arrow, nodejs-polars, DuckDB Parquet and DuckDB CSV', async () => {
    const path = (ext: string) => join(releaseDir, `${table}.${ext}`).replaceAll("'", "''");
    const arrow = tableFromIPC(await readFile(join(releaseDir, `${table}.arrow`)));
    const rows = arrow.toArray().map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([key, value]) => [key, plain(key === 'event_date' && value !== null ? new Date(value as number) : value)])));
    const polars = pl.readIPC(await readFile(join(releaseDir, `${table}.arrow`)));
    const parquet = await duck(`SELECT * FROM read_parquet('${path('parquet')}')`);
    const csv = await duck(`SELECT * FROM read_csv('${path('csv')}', all_varchar = true, header = true)`);
    expect([polars.height, parquet.length, csv.length]).toEqual([rows.length, rows.length, rows.length]);
    expect(polars.columns).toEqual(arrow.schema.fields.map((field) => field.name));

    const polarsRecords = polars.toRecords();
    const sample = [...new Set([0, Math.floor(rows.length / 2), rows.length - 1])].filter((index) => index >= 0 && index < rows.length);
    for (const index of sample) {
      const expected = rows[index] ?? {};
      const fromPolars = Object.fromEntries(Object.entries(polarsRecords[index] ?? {}).map(([key, value]) => [key, plain(value)]));
      const fromParquet = Object.fromEntries(Object.entries(parquet[index] ?? {}).map(([key, value]) => [key, plain(value)]));
      expect([index, fromPolars]).toEqual([index, expected]);
      expect([index, fromParquet]).toEqual([index, expected]);
      const asCsv = Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, csvText(table, key, value)]));
      expect([index, csv[index]]).toEqual([index, asCsv]);
    }
  });

  it('keeps the types in Parquet: integers, floats, booleans, dates, lists and dictionary-encoded enums', async () => {
    const described = await duck(`DESCRIBE SELECT * FROM read_parquet('${join(releaseDir, `${table}.parquet`)}')`);
    const duckTypes = Object.fromEntries(described.map((row) => [String(row.column_name), String(row.column_type)]));
    const expected: Record<string, string> = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', list: 'VARCHAR[]' };
    const polars = pl.readIPC(await readFile(join(releaseDir, `${table}.arrow`)));
    for (const column of columnsOf(table)) {
      expect([column.name, duckTypes[column.name]]).toEqual([column.name, expected[column.type]]);
      if (column.values) expect([column.name, String(polars.getColumn(column.name).dtype)]).toEqual([column.name, 'DataType(Categorical)']);
    }
  });
});

describe('the dataset card', () => {
  it('has loading snippets that run inside the release folder', async () => {
    const card = await readFile(join(releaseDir, 'README.md'), 'utf8');
    const blocks = [...card.matchAll(/```(sql|js|python)\n([\s\S]*?)```/g)].map(([, language, code]) => [language, code ?? ''] as const);
    expect(blocks.map(([language]) => language)).toEqual(['sql', 'js', 'python']);
    for (const [language, code] of blocks) {
      if (language === 'sql') {
        const previous = process.cwd();
        process.chdir(releaseDir);
        try {
          expect((await duck(code)).length).toBeGreaterThan(0);
        } finally {
          process.chdir(previous);
        }
      } else if (language === 'js') {
        // The release folder sits outside any node_modules: point the import at this workspace's copy.
        const polars = pathToFileURL(createRequire(import.meta.url).resolve('nodejs-polars')).href;
        execFileSync(process.execPath, ['--input-type=module', '-e', `${code.replace("'nodejs-polars'", `'${polars}'`)}\nif (figures.height === 0) process.exit(1);`], { cwd: releaseDir });
      } else if (spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0 || process.env.CI) {
        execFileSync('/usr/bin/python3', ['-c', `${code}\nassert len(documents) == 5`], { cwd: releaseDir });
      }
    }
  });
});

// More rows than a batch, so every enum's values spread over several batches of one shared dictionary.
const BATCH_ROWS = 64;
const utterances: UtteranceRow[] = Array.from({ length: 200 }, (_, index) => ({
  utterance_id: `d1-${String(index).padStart(3, '0')}`,
  document_id: 'd1',
  seq: index,
  section: SECTIONS[Math.floor(index / 70)] ?? 'post',
  speaker_id: `speaker-${index % 7}`,
  speaker_name: index % 4 === 0 ? null : `Speaker ${index % 7}`,
  speaker_label: null,
  speaker_type: SPEAKER_TYPES[index % SPEAKER_TYPES.length] ?? 'unknown',
  speaker_role: index % 3 === 0 ? 'Chief Financial Officer' : null,
  speaker_org: null,
  firm_id: null,
  text: `Turn ${index}: “revenue” up ${index}%`,
  char_start: index * 10,
  char_end: index * 10 + 9,
  reply_to: Array.from({ length: index % 3 }, (_, reply) => `d1-${String(reply).padStart(3, '0')}`),
  mentions: index % 5 === 0 ? ['Elon'] : [],
}));
const figures: FigureRow[] = Array.from({ length: 200 }, (_, index) => ({
  figure_id: `d1-${String(index).padStart(3, '0')}-0-abc`,
  document_id: 'd1',
  utterance_id: `d1-${String(index).padStart(3, '0')}`,
  table_id: null,
  speaker_id: 'speaker-1',
  surface: `$${index}.5 million`,
  char_start: 0,
  char_end: 12,
  value: index % 9 === 0 ? null : index * 1_000_000 + 500_000,
  value_low: null,
  value_high: index % 9 === 0 ? 2.25 : null,
  unit: 'USD',
  item: null,
  per: null,
  approximate: index % 2 === 0,
  bound: index % 5 === 4 ? null : (BOUNDS[index % BOUNDS.length] ?? null),
  period: index % 6 === 0 ? null : `20${20 + (index % 5)}Q${1 + (index % 4)}`,
  metric: 'revenue',
  metric_label: null,
  kind: index % 6 === 5 ? null : (FIGURE_KINDS[Math.floor(index / 40)] ?? null),
  spelled: false,
}));

/** A row with each value as plain() gives it. */
function plainRow(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)]));
}

// DuckDB reads the .arrow files only through an extension downloaded from the network, so it reads the Parquet here.
describe.each([
  ['utterances', utterances],
  ['figures', figures],
] as const)('%s in batches of %i rows', (table, rows) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'callset-batches-'));
    await writeFile(join(dir, `${table}.arrow`), tableToArrow(table, rows, undefined, BATCH_ROWS));
    await writeFile(join(dir, `${table}.parquet`), tableToParquet(table, rows, undefined, BATCH_ROWS));
    await writeFile(join(dir, `empty.arrow`), tableToArrow(table, [], undefined, BATCH_ROWS));
    await writeFile(join(dir, `empty.parquet`), tableToParquet(table, [], undefined, BATCH_ROWS));
  });

  it('reads back every row in apache-arrow, nodejs-polars and DuckDB, from several batches and row groups', async () => {
    const expected = rows.map(plainRow);
    const bytes = await readFile(join(dir, `${table}.arrow`));
    const arrow = tableFromIPC(bytes);
    expect(arrow.batches.map((batch) => batch.numRows)).toEqual([64, 64, 64, 8]);
    expect(arrow.toArray().map((row) => plainRow(row.toJSON()))).toEqual(expected);

    const polars = pl.readIPC(bytes);
    expect([polars.height, polars.columns]).toEqual([rows.length, columnsOf(table).map((column) => column.name)]);
    expect(polars.toRecords().map(plainRow)).toEqual(expected);
    for (const column of columnsOf(table).filter((spec) => spec.values)) {
      expect([column.name, String(polars.getColumn(column.name).dtype)]).toEqual([column.name, 'DataType(Categorical)']);
    }

    const parquet = join(dir, `${table}.parquet`);
    expect((await duck(`SELECT * FROM read_parquet('${parquet}')`)).map(plainRow)).toEqual(expected);
    const groups = await duck(`SELECT row_group_id, any_value(row_group_num_rows) AS num_rows FROM parquet_metadata('${parquet}') GROUP BY ALL ORDER BY row_group_id`);
    expect(groups.map((group) => Number(group.num_rows))).toEqual([64, 64, 64, 8]);
  });

  it('writes no rows as files every reader opens with the schema', async () => {
    const bytes = await readFile(join(dir, 'empty.arrow'));
    const arrow = tableFromIPC(bytes);
    expect([arrow.numRows, arrow.schema.fields.map((field) => field.name)]).toEqual([0, columnsOf(table).map((column) => column.name)]);
    const polars = pl.readIPC(bytes);
    expect([polars.height, polars.columns]).toEqual([0, columnsOf(table).map((column) => column.name)]);
    const described = await duck(`DESCRIBE SELECT * FROM read_parquet('${join(dir, 'empty.parquet')}')`);
    expect(described.map((row) => row.column_name)).toEqual(columnsOf(table).map((column) => column.name));
    expect(await duck(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(dir, 'empty.parquet')}')`)).toEqual([{ n: 0 }]);
  });
});
