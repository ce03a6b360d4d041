import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLES, TABLE_NAMES } from '@callset/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeStage, parseStage, repairStage, type ParsedSource } from '../src/stages.ts';

const seedsDir = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const seed = async (name: string) => ({ sourcePath: name, bytes: new Uint8Array(await readFile(join(seedsDir, name))) });

describe('every record is validated before it is written', () => {
  it('rejects a document whose records fail their schema, with the zod path and span, and keeps the others', async () => {
    const sources = parseStage(repairStage([await seed('002_77d29d239d22e634.txt'), await seed('003_8a2b0ef1bec22bbd.txt')]));
    const [markdown, motleyFool] = sources as [ParsedSource, ParsedSource];
    const clean = normalizeStage([motleyFool], {});
    // A parser bug: the fourth turn ends before it starts.
    const turns = markdown.parsed?.turns.map((turn, index) => (index === 3 ? { ...turn, charEnd: -1 } : turn)) ?? [];
    const broken = { ...markdown, parsed: markdown.parsed && { ...markdown.parsed, turns } };
    const release = normalizeStage([broken, motleyFool], {});
    expect(release.tables.documents.map((row) => [row.source_path, row.status, row.reject_reason])).toEqual([
      ['003_8a2b0ef1bec22bbd.txt', 'ok', null],
      ['002_77d29d239d22e634.txt', 'rejected', 'internal/invalid-record'],
    ]);
    expect(release.tables.issues.filter((issue) => issue.code === 'internal/invalid-record').map((issue) => issue.message)).toEqual([
      // The span is where the broken turn starts: "I think it's necessary..." at code point 1056 of the text.
      'utterances[3].char_end at 1056: Too small: expected number to be >=0',
    ]);
    expect(release.tables.utterances.filter((row) => row.document_id === markdown.documentId)).toEqual([]);
    expect(release.tables.utterances).toEqual(clean.tables.utterances);
    expect(release.tables.figures).toEqual(clean.tables.figures);
  });
});

/** Every row of every table passes its zod schema: what the writers rely on. */
function expectValidRelease(release: ReturnType<typeof normalizeStage>): void {
  for (const table of TABLE_NAMES) for (const row of release.tables[table]) expect(TABLES[table].safeParse(row).error).toBeUndefined();
}

describe('the per-document stages never throw, whatever the bytes', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const release = normalizeStage(parseStage(repairStage([{ sourcePath: 'fuzz.txt', bytes }])), {});
        expect(release.tables.documents).toHaveLength(1);
        expectValidRelease(release);
      }),
      { numRuns: 300 },
    );
  });

  it('real lines of every seed, shuffled, and label lines repeated on one line', async () => {
    const names = ['000_a38aff60faea0394.txt', '001_b1b0479d018b9915.txt', '002_77d29d239d22e634.txt', '003_8a2b0ef1bec22bbd.txt', '004_26438e60a0700b48.txt'];
    const lines = (await Promise.all(names.map((name) => readFile(join(seedsDir, name), 'utf8')))).flatMap((text) => text.split('\n').slice(0, 400));
    const encoder = new TextEncoder();
    const line = fc.constantFrom(...lines);
    const document = fc.oneof(
      fc.array(line, { maxLength: 60 }).map((picked) => picked.join('\n')),
      fc.tuple(line, fc.integer({ min: 1, max: 2_000 })).map(([picked, times]) => `${picked} `.repeat(times)),
    );
    fc.assert(
      fc.property(document, (text) => {
        const release = normalizeStage(parseStage(repairStage([{ sourcePath: 'fuzz.txt', bytes: encoder.encode(text) }])), {});
        expect(release.tables.documents).toHaveLength(1);
        expectValidRelease(release);
      }),
      { numRuns: 200 },
    );
  });
});
