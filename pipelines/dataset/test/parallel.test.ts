import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSources } from '../src/discover.ts';
import { processSources } from '../src/parallel.ts';
import { writeStage } from '../src/stages.ts';
import { loadCatalog } from '../src/build.ts';

const seeds = new URL('../../../seeds/', import.meta.url).pathname;

describe('processSources', () => {
  it('gives identical release bytes with 1, 2 and 3 workers, duplicates included', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-parallel-'));
    const names = (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort();
    for (const name of names) await writeFile(join(input, name), await readFile(join(seeds, name)));
    await writeFile(join(input, 'zz-copy.txt'), await readFile(join(seeds, names[0] ?? '')));
    const files = await discoverSources(input);
    const catalog = await loadCatalog(join(seeds, 'catalog.json'), true);
    const renders = [];
    for (const workers of [1, 2, 3]) renders.push(writeStage(await processSources(files, catalog, workers)));
    const [one, ...others] = renders;
    expect(one?.size).toBeGreaterThan(10);
    for (const other of others) {
      expect([...(other?.keys() ?? [])]).toEqual([...(one?.keys() ?? [])]);
      for (const [path, bytes] of one ?? []) expect([path, Buffer.from(other?.get(path) ?? []).equals(Buffer.from(bytes))]).toEqual([path, true]);
    }
    const documents = new TextDecoder().decode(one?.get('documents.csv'));
    expect(documents).toContain('zz-copy.txt');
    expect(documents).toContain('discover/duplicate');
  }, 300_000); // three whole builds, on a machine that may be running other suites too
});
