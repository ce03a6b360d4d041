import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROW_KEYS, type TableRows } from '@callset/schema';
import { readReleaseFolder, releaseContents } from '@callset/writers';
import { build, loadCatalog, type BuildOptions } from '../src/build.ts';
import { stageCodeVersion, type DocumentCache } from '../src/cache.ts';
import { discoverSourceEntries, discoverSources } from '../src/discover.ts';
import { processSources } from '../src/parallel.ts';
import { normalizeStage, parseStage, repairStage, writeStage } from '../src/stages.ts';

const seeds = new URL('../../../seeds/', import.meta.url).pathname;
const catalog = await loadCatalog(join(seeds, 'catalog.json'), true);

/** The seeds, plus a byte-identical copy of the first, in a fresh folder. */
async function seedFolder(): Promise<string> {
  const input = await mkdtemp(join(tmpdir(), 'callset-parallel-'));
  const names = (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort();
  for (const name of names) await writeFile(join(input, name), await readFile(join(seeds, name)));
  await writeFile(join(input, 'zz-copy.txt'), await readFile(join(seeds, names[0] ?? '')));
  return input;
}

function expectSameFiles(actual: Map<string, Uint8Array>, expected: Map<string, Uint8Array>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of expected) expect([path, Buffer.from(actual.get(path) ?? []).equals(Buffer.from(bytes))]).toEqual([path, true]);
}

/** The release of the whole pipeline in memory, in one thread: what every streamed build must equal. */
async function inMemory(input: string): Promise<Map<string, Uint8Array>> {
  return writeStage(normalizeStage(parseStage(repairStage(await discoverSources(input))), catalog));
}

/** `callset build` into a fresh output folder: the release, what is left beside it, and the cache counts it logged. */
async function built(input: string, options: Partial<BuildOptions> = {}): Promise<{ release: Map<string, Uint8Array>; left: string[]; cacheLog: string[] }> {
  const outputDir = await mkdtemp(join(tmpdir(), 'callset-parallel-out-'));
  const messages: string[] = [];
  await build({ inputDir: input, outputDir, catalogPath: join(seeds, 'catalog.json'), cacheDir: false, log: (message) => messages.push(message), ...options });
  return { release: await readReleaseFolder(join(outputDir, 'next')), left: (await readdir(outputDir)).sort(), cacheLog: messages.filter((message) => message.startsWith('cache: ')) };
}

describe('build', () => {
  it('streams the bytes of the in-memory pipeline with 1, 2 and 3 workers, duplicates included, and leaves no spill folder', async () => {
    const input = await seedFolder();
    const expected = await inMemory(input);
    expect(expected.size).toBeGreaterThan(10);
    for (const workers of [1, 2, 3]) {
      const { release, left } = await built(input, { workers });
      expectSameFiles(release, expected);
      expect(left).toEqual(['next', 'registry-proposals.json']);
    }
    const documents = new TextDecoder().decode(expected.get('documents.csv'));
    expect(documents).toContain('zz-copy.txt');
    expect(documents).toContain('discover/duplicate');
  }, 300_000); // four whole builds, on a machine that may be running other suites too

  it('writes rows in release order by writing documents in document_id order, each its own rows sorted', async () => {
    const { tables } = releaseContents((await built(seeds, { workers: 1 })).release);
    const documentIds = tables.documents.map((document) => document.document_id);
    expect(new Set(documentIds.map((id) => id.length))).toEqual(new Set([16]));
    const ownerOf: { [T in 'utterances' | 'figures' | 'table_cells' | 'issues']: (row: TableRows[T][number]) => string } = {
      utterances: (row) => row.utterance_id,
      figures: (row) => row.figure_id,
      table_cells: (row) => row.table_id,
      issues: (row) => ROW_KEYS.issues(row),
    };
    for (const [table, idOf] of Object.entries(ownerOf) as [keyof typeof ownerOf, (row: unknown) => string][]) {
      const rows = tables[table] as unknown as { document_id: string }[];
      expect(rows.length).toBeGreaterThan(0);
      // Each row's sort key starts with its fixed-length document_id: the document decides the order before anything else does.
      expect([table, rows.filter((row) => !idOf(row).startsWith(row.document_id) || !'-\u0000'.includes(idOf(row).charAt(16)))]).toEqual([table, []]);
      const owners = rows.map((row) => row.document_id);
      expect([table, owners]).toEqual([table, [...owners].sort()]);
    }
  }, 120_000);

  it('reads unchanged documents from the cache, redoes only a changed one, and gives the bytes of a build without it', async () => {
    const input = await seedFolder();
    const cacheDir = await mkdtemp(join(tmpdir(), 'callset-cache-'));
    const expected = await inMemory(input);

    const cold = await built(input, { workers: 2, cacheDir });
    // Five seeds processed and stored; the duplicate is settled before the cache is asked.
    expect(cold.cacheLog).toEqual(['cache: 0 read, 5 processed and stored (of 5 distinct sources)']);
    expectSameFiles(cold.release, expected);

    const warm = await built(input, { workers: 2, cacheDir });
    expect(warm.cacheLog).toEqual(['cache: 5 read, 0 processed and stored (of 5 distinct sources)']);
    expectSameFiles(warm.release, expected);

    const changedName = (await readdir(input)).find((name) => name.startsWith('002_')) ?? '';
    const changed = (await readFile(join(input, changedName), 'utf8')).replace(/\n*$/, '\n\nThank you all for joining us today.\n');
    await writeFile(join(input, changedName), changed);
    const rebuilt = await built(input, { workers: 1, cacheDir });
    expect(rebuilt.cacheLog).toEqual(['cache: 4 read, 1 processed and stored (of 5 distinct sources)']);
    expectSameFiles(rebuilt.release, await inMemory(input));
  }, 300_000);

  it('rebuilds a cache entry it cannot read back instead of failing', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-parallel-'));
    const name = (await readdir(seeds)).find((file) => file.startsWith('002_')) ?? '';
    await writeFile(join(input, name), await readFile(join(seeds, name)));
    const cacheDir = await mkdtemp(join(tmpdir(), 'callset-cache-'));
    const first = await built(input, { workers: 1, cacheDir });
    const [shard] = await readdir(cacheDir);
    const [entry] = await readdir(join(cacheDir, shard ?? ''));
    await writeFile(join(cacheDir, shard ?? '', entry ?? ''), 'not a v8 serialisation');
    const again = await built(input, { workers: 1, cacheDir });
    expect(again.cacheLog).toEqual(['cache: 0 read, 1 processed and stored (of 1 distinct sources)']);
    expectSameFiles(again.release, first.release);
    expect((await built(input, { workers: 1, cacheDir })).cacheLog).toEqual(['cache: 1 read, 0 processed and stored (of 1 distinct sources)']);
  }, 120_000);

  it('versions the stage code by content: a hash that is stable within a checkout, and new code misses every entry', async () => {
    expect(stageCodeVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(stageCodeVersion()).toBe(stageCodeVersion());
    const cache: DocumentCache = { dir: await mkdtemp(join(tmpdir(), 'callset-cache-')), codeVersion: 'test-code-1' };
    const spill: DocumentCache = { dir: await mkdtemp(join(tmpdir(), 'callset-spill-')), codeVersion: 'spill' };
    const sources = await discoverSourceEntries(seeds);
    expect((await processSources(sources, catalog, { workers: 1, cache, spill })).processed).toBe(5);
    expect((await processSources(sources, catalog, { workers: 1, cache, spill })).cached).toBe(5);
    expect((await processSources(sources, catalog, { workers: 1, cache: { ...cache, codeVersion: 'test-code-2' }, spill })).cached).toBe(0);
  }, 120_000);
});
