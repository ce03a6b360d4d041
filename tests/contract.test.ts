import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parquetToArrowStream } from '@callset/writers';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedsRelease } from './release.ts';

// Typed by hand from ../shared/DATASET-CONTRACT.md, not read from the schema package: if the
// schema drifts from the contract, this test says so.
const CONTRACT_COLUMNS: Record<string, string[]> = {
  documents: ['document_id', 'source_path', 'source_sha256', 'source_format', 'status', 'reject_reason', 'company_id', 'company', 'ticker', 'exchange', 'event_id', 'event_type', 'fiscal_year', 'fiscal_quarter', 'event_date', 'title', 'license', 'encoding_repairs', 'normalizations', 'issue_count'],
  utterances: ['utterance_id', 'document_id', 'seq', 'section', 'speaker_id', 'speaker_name', 'speaker_label', 'speaker_type', 'speaker_role', 'speaker_org', 'firm_id', 'text', 'char_start', 'char_end', 'reply_to', 'mentions'],
  speakers: ['speaker_id', 'canonical_name', 'is_person', 'aliases', 'speaker_type', 'firm_ids'],
  firms: ['firm_id', 'canonical_name', 'aliases', 'successor_firm_id'],
  figures: ['figure_id', 'document_id', 'utterance_id', 'table_id', 'speaker_id', 'surface', 'char_start', 'char_end', 'value', 'value_low', 'value_high', 'unit', 'item', 'per', 'approximate', 'bound', 'period', 'metric', 'metric_label', 'kind'],
  table_cells: ['table_id', 'document_id', 'utterance_id', 'row', 'col', 'row_label', 'col_label', 'cell_text'],
  issues: ['document_id', 'stage', 'code', 'severity', 'char_start', 'char_end', 'message'],
};
const LIST_COLUMNS = new Set(['reply_to', 'mentions', 'aliases', 'firm_ids']);

let releaseDir = '';
beforeAll(async () => {
  releaseDir = await buildSeedsRelease();
});

async function readCsv(table: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = await readFile(join(releaseDir, `${table}.csv`), 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

async function readArrow(table: string) {
  return tableFromIPC(await readFile(join(releaseDir, `${table}.arrow`)));
}

/** A CSV cell as the value it encodes, for comparison with Arrow. */
function csvValue(arrowValue: unknown, cell: string, column: string): unknown {
  if (cell === '') return null;
  if (LIST_COLUMNS.has(column)) return JSON.parse(cell);
  if (typeof arrowValue === 'number') return Number(cell);
  if (typeof arrowValue === 'boolean') return cell === 'true';
  return cell;
}

function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && value !== null && Symbol.iterator in value && typeof value !== 'string') return [...(value as Iterable<unknown>)].map(String);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

describe.each(Object.entries(CONTRACT_COLUMNS))('table %s', (table, columns) => {
  it('has every contract column in CSV, Arrow and Parquet, in the same order', async () => {
    const { header } = await readCsv(table);
    const arrow = await readArrow(table);
    const parquet = tableFromIPC(parquetToArrowStream(await readFile(join(releaseDir, `${table}.parquet`))));
    expect(header.filter((name) => columns.includes(name))).toEqual(columns);
    expect(arrow.schema.fields.map((field) => field.name)).toEqual(header);
    expect(parquet.schema.fields.map((field) => field.name)).toEqual(header);
  });

  it('holds the same rows and values in CSV and Arrow', async () => {
    const { header, rows } = await readCsv(table);
    const arrow = await readArrow(table);
    expect(arrow.numRows).toBe(rows.length);
    const arrowRows = arrow.toArray();
    rows.forEach((row, index) => {
      const arrowRow = arrowRows[index]?.toJSON() as Record<string, unknown>;
      header.forEach((column, col) => {
        const fromArrow = plain(column === 'event_date' && arrowRow[column] !== null ? new Date(arrowRow[column] as number) : arrowRow[column]);
        expect([table, index, column, csvValue(fromArrow, row[col] ?? '', column)]).toEqual([table, index, column, fromArrow]);
      });
    });
  });
});

describe('the seeds release', () => {
  it('lists every seed in documents with a status and parses all five', async () => {
    const { header, rows } = await readCsv('documents');
    const at = (name: string) => header.indexOf(name);
    expect(rows.map((row) => [row[at('source_path')], row[at('source_format')], row[at('status')]])).toEqual([
      ['000_a38aff60faea0394.txt', 'capiq', 'ok'],
      ['001_b1b0479d018b9915.txt', 'seeking_alpha', 'ok'],
      ['004_26438e60a0700b48.txt', 'forum', 'ok'],
      ['003_8a2b0ef1bec22bbd.txt', 'motley_fool', 'ok'],
      ['002_77d29d239d22e634.txt', 'markdown', 'ok'],
    ]);
  });

  it('gives every transcript utterances with speaker labels', async () => {
    const { header, rows } = await readCsv('utterances');
    const labelled = new Set(rows.filter((row) => row[header.indexOf('speaker_label')] !== '').map((row) => row[header.indexOf('document_id')]));
    expect([...labelled].sort()).toEqual(['2da7dfa3541f8f5b', '54b5ab4507da0a16', 'c24a3e3252badfbe', 'f3f52acc5878a0da']);
  });

  it('sorts rows by id and points spans into the texts', async () => {
    const arrow = await readArrow('utterances');
    const ids = arrow.toArray().map((row) => String(row.utterance_id));
    expect(ids).toEqual([...ids].sort());
    const first = arrow.toArray().find((row) => row.seq === 0 && row.document_id === '2da7dfa3541f8f5b');
    const text = [...(await readFile(join(releaseDir, 'texts', '2da7dfa3541f8f5b.txt'), 'utf8'))];
    // The span holds the speech; the label line `Operator` lies before it, outside.
    expect(text.slice(first?.char_start, (first?.char_start ?? 0) + 22).join('')).toBe('Good day, ladies and g');
    expect(text.slice(0, first?.char_start).join('').trimEnd().endsWith('\nOperator')).toBe(true);
  });

  it('writes a manifest whose checksums match the files', async () => {
    const manifest = JSON.parse(await readFile(join(releaseDir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string; bytes: number }[]; sources: unknown[] };
    expect(manifest.sources).toHaveLength(5);
    const { createHash } = await import('node:crypto');
    for (const file of manifest.files) {
      const bytes = await readFile(join(releaseDir, file.path));
      expect([file.path, createHash('sha256').update(bytes).digest('hex'), bytes.byteLength]).toEqual([file.path, file.sha256, file.bytes]);
    }
  });
});
