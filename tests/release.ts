import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '@callset/dataset';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const seedsDir = join(repoRoot, 'seeds');

/** Builds the seeds into a fresh temporary folder and returns the release folder. */
export async function buildSeedsRelease(): Promise<string> {
  const output = await mkdtemp(join(tmpdir(), 'callset-release-'));
  return (await build({ inputDir: seedsDir, outputDir: output, workers: 1 })).releaseDir;
}
