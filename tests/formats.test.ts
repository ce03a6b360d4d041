import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
// readIPC takes a Buffer: given a string, nodejs-polars reads it as a path only when it ends in .ipc.
import pl from 'nodejs-polars';
import { TABLE_NAMES, columnsOf, type TableName } from '@callset/schema';
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
