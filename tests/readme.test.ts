import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

describe('README snippets run against the committed release', () => {
  it('DuckDB counts turns by speaker type', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const previous = process.cwd();
    process.chdir(repoRoot);
    try {
      const result = await connection.runAndReadAll(await snippet('duckdb'));
      const counts = new Map<string, number>();
      for (const row of await committedRows('utterances')) counts.set(String(row.speaker_type), (counts.get(String(row.speaker_type)) ?? 0) + 1);
      const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      expect(result.getRows().map(([type, turns]) => [type, Number(turns)])).toEqual(expected);
    } finally {
      process.chdir(previous);
      connection.closeSync();
    }
  });

  it('Polars reads the documents table', async () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', await snippet('polars')], { cwd: repoRoot, encoding: 'utf8' });
    for (const row of await committedRows('documents')) expect(output).toContain(String(row.document_id));
    expect(output).toContain('shape: (5, 3)');
  });
});
