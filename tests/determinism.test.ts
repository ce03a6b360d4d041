import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeedsRelease } from './release.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('determinism', () => {
  it('gives the same bytes from two clean builds', async () => {
    const [a, b] = [await buildSeedsRelease(), await buildSeedsRelease()];
    const files = await listFiles(a);
    expect(await listFiles(b)).toEqual(files);
    for (const file of files) {
      expect([file, (await readFile(join(a, file))).equals(await readFile(join(b, file)))]).toEqual([file, true]);
    }
  });
});
