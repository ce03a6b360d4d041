import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REJECT_REASONS } from '@callset/dataset';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './release.ts';

/** The fenced code block that follows `<!-- snippet:NAME -->` in the README. */
async function snippet(name: string): Promise<string> {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- snippet:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`README has no snippet ${name}`);
  return match[1];
}

async function committedRows(table: string) {
  return tableFromIPC(await readFile(join(repoRoot, 'output', 'next', `${table}.arrow`))).toArray().map((row) => row.toJSON());
}

/** Counts of a column's values, most frequent first, ties by value: what the snippets' GROUP BYs give. */
async function countsBy(table: string, column: string): Promise<[string, number][]> {
  const counts = new Map<string, number>();
  for (const row of await committedRows(table)) {
    if (row[column] === null) continue;
    counts.set(String(row[column]), (counts.get(String(row[column])) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

async function duckdb(sql: string): Promise<unknown[][]> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const previous = process.cwd();
  process.chdir(repoRoot);
  try {
    return (await connection.runAndReadAll(sql)).getRows().map(([key, count]) => [key, Number(count)]);
  } finally {
    process.chdir(previous);
    connection.closeSync();
  }
}

// Debian's python3-pandas lives under /usr/bin/python3 (the pyenv python3 on PATH has none); .ci/run installs it.
const python = '/usr/bin/python3';
const hasPandas = spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

describe('README snippets run against the committed release', () => {
  it('DuckDB counts turns by speaker type from CSV', async () => {
    expect(await duckdb(await snippet('duckdb'))).toEqual(await countsBy('utterances', 'speaker_type'));
  });

  it('DuckDB counts figures by unit from Parquet', async () => {
    expect(await duckdb(await snippet('duckdb-parquet'))).toEqual(await countsBy('figures', 'unit'));
  });

  it('Polars reads the documents table from Arrow IPC', async () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', await snippet('polars')], { cwd: repoRoot, encoding: 'utf8' });
    const documents = await committedRows('documents');
    for (const row of documents) expect(output).toContain(String(row.document_id));
    expect(output).toContain(`shape: (${documents.length}, 3)`);
  });

  // Skipped (and reported as such) only off CI: CI installs pandas, so there a missing pandas fails.
  it.skipIf(!hasPandas && !process.env.CI)('pandas counts turns by document from CSV', async () => {
    const output = execFileSync(python, ['-c', await snippet('pandas')], { cwd: repoRoot, encoding: 'utf8' });
    const expected = (await countsBy('utterances', 'document_id')).sort(([a], [b]) => (a < b ? -1 : 1));
    const lines = output.trim().split('\n');
    expect(lines[0]?.trim()).toBe('document_id');
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/))).toEqual(expected.map(([id, count]) => [id, String(count)]));
  });
});

describe('README', () => {
  it('lists exactly the reject reasons the build gives, with their meanings', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const table = readme.split('<!-- reject-reasons -->\n')[1]?.split('\n\n')[0] ?? '';
    const rows = table.split('\n').slice(2).map((line) => /^\| `([^`]+)` \| (.*) \|$/.exec(line)?.slice(1));
    expect(rows).toEqual(Object.entries(REJECT_REASONS));
  });
});
