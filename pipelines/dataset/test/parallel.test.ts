import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageCodeVersion, type DocumentCache } from '../src/cache.ts';
import { discoverSources, type SourceFile } from '../src/discover.ts';
import { processSources } from '../src/parallel.ts';
import { writeStage } from '../src/stages.ts';
import { loadCatalog } from '../src/build.ts';

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

describe('processSources', () => {
  it('gives identical release bytes with 1, 2 and 3 workers, duplicates included', async () => {
    const files = await discoverSources(await seedFolder());
    const renders = [];
    for (const workers of [1, 2, 3]) renders.push(writeStage((await processSources(files, catalog, { workers })).release));
    const [one, ...others] = renders;
    expect(one?.size).toBeGreaterThan(10);
    for (const other of others) expectSameFiles(other ?? new Map(), one ?? new Map());
    const documents = new TextDecoder().decode(one?.get('documents.csv'));
    expect(documents).toContain('zz-copy.txt');
    expect(documents).toContain('discover/duplicate');
  }, 300_000); // three whole builds, on a machine that may be running other suites too

  it('reads unchanged documents from the cache, redoes only a changed one, and gives the bytes of a build without it', async () => {
    const input = await seedFolder();
    const cache: DocumentCache = { dir: await mkdtemp(join(tmpdir(), 'callset-cache-')), codeVersion: 'test-code-1' };
    const files = await discoverSources(input);
    const uncached = writeStage((await processSources(files, catalog, { workers: 1 })).release);

    const cold = await processSources(files, catalog, { workers: 2, cache });
    // Five seeds processed and stored; the duplicate is settled before the cache is asked.
    expect([cold.cached, cold.processed]).toEqual([0, 5]);
    expectSameFiles(writeStage(cold.release), uncached);

    const warm = await processSources(files, catalog, { workers: 2, cache });
    expect([warm.cached, warm.processed]).toEqual([5, 0]);
    expectSameFiles(writeStage(warm.release), uncached);

    const changedName = files.find((file) => file.sourcePath.startsWith('002_'))?.sourcePath ?? '';
    const changed = (await readFile(join(input, changedName), 'utf8')).replace(/\n*$/, '\n\nThank you all for joining us today.\n');
    await writeFile(join(input, changedName), changed);
    const changedFiles = await discoverSources(input);
    const rebuilt = await processSources(changedFiles, catalog, { workers: 1, cache });
    expect([rebuilt.cached, rebuilt.processed]).toEqual([4, 1]);
    expectSameFiles(writeStage(rebuilt.release), writeStage((await processSources(changedFiles, catalog, { workers: 1 })).release));

    const newCode = await processSources(changedFiles, catalog, { workers: 1, cache: { ...cache, codeVersion: 'test-code-2' } });
    expect([newCode.cached, newCode.processed]).toEqual([0, 5]);
  }, 300_000);

  it('rebuilds an entry it cannot read back instead of failing', async () => {
    const cache: DocumentCache = { dir: await mkdtemp(join(tmpdir(), 'callset-cache-')), codeVersion: 'test-code-1' };
    const files: SourceFile[] = (await discoverSources(seeds)).filter((file) => file.sourcePath.startsWith('002_'));
    const first = await processSources(files, catalog, { workers: 1, cache });
    const [shard] = await readdir(cache.dir);
    const [entry] = await readdir(join(cache.dir, shard ?? ''));
    await writeFile(join(cache.dir, shard ?? '', entry ?? ''), 'not a v8 serialisation');
    const again = await processSources(files, catalog, { workers: 1, cache });
    expect([again.cached, again.processed]).toEqual([0, 1]);
    expect(again.release).toEqual(first.release);
    expect((await processSources(files, catalog, { workers: 1, cache })).cached).toBe(1);
  }, 120_000);

  it('versions the stage code by content: a hash that is stable within a checkout', () => {
    expect(stageCodeVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(stageCodeVersion()).toBe(stageCodeVersion());
  });
});
