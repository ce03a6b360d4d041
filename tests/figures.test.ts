import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSurface } from '@callset/figures';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedsRelease } from './release.ts';

type Row = Record<string, string>;

let figures: Row[] = [];
let utterances = new Map<string, Row>();
let cells = new Map<string, Row>();

async function readCsv(releaseDir: string, table: string): Promise<Row[]> {
  const parsed = Papa.parse<Row>(await readFile(join(releaseDir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

beforeAll(async () => {
  const releaseDir = await buildSeedsRelease();
  figures = await readCsv(releaseDir, 'figures');
  utterances = new Map((await readCsv(releaseDir, 'utterances')).map((row) => [row.utterance_id ?? '', row]));
  cells = new Map((await readCsv(releaseDir, 'table_cells')).map((row) => [`${row.table_id}-r${row.row}c${row.col}`, row]));
});

/** A CSV number cell as the value it encodes (null is an empty field). */
const numberOf = (cell: string | undefined): number | null => (cell ? Number(cell) : null);

// Over the whole release built from the seeds: every figure is traceable to the text it was read from.
describe('figures of the release', () => {
  it('has figures from utterances and from tables', () => {
    expect(figures.filter((figure) => figure.utterance_id).length).toBeGreaterThan(300);
    expect(figures.filter((figure) => figure.table_id).length).toBe(94);
  });

  it('gives every utterance figure the surface found in its utterance text at its code-point span', () => {
    const wrong = figures
      .filter((figure) => figure.utterance_id)
      .filter((figure) => {
        const text = utterances.get(figure.utterance_id ?? '')?.text ?? '';
        return Array.from(text).slice(Number(figure.char_start), Number(figure.char_end)).join('') !== figure.surface;
      });
    expect(wrong.map((figure) => figure.figure_id)).toEqual([]);
  });

  it('reads every utterance figure’s surface again to its value', () => {
    const wrong = figures
      .filter((figure) => figure.utterance_id)
      .filter((figure) => {
        const again = readSurface(figure.surface ?? '');
        return !again || again.value !== numberOf(figure.value) || again.valueLow !== numberOf(figure.value_low) || again.valueHigh !== numberOf(figure.value_high);
      });
    expect(wrong.map((figure) => `${figure.figure_id} ${figure.surface}`)).toEqual([]);
  });

  it('gives every table figure the text of its cell as surface, with offsets within it', () => {
    const wrong = figures
      .filter((figure) => figure.table_id)
      .filter((figure) => {
        const key = /^(.*-r\d+c\d+)-[0-9a-f]+$/.exec(figure.figure_id ?? '')?.[1] ?? '';
        const cell = cells.get(key);
        return cell?.cell_text !== figure.surface || figure.char_start !== '0' || Number(figure.char_end) !== Array.from(figure.surface ?? '').length;
      });
    expect(wrong.map((figure) => figure.figure_id)).toEqual([]);
  });
});
