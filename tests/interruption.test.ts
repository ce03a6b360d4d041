/**
 * A build killed at any point never damages the release it was replacing: the fault-injection
 * hook (CALLSET_FAULT_AFTER_WRITES=n kills the process right after its n-th file write) is swept
 * over every write of a build, each in a fresh process.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readReleaseFolder } from '@callset/writers';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedsDir } from './release.ts';

const run = promisify(execFile);
const callset = join(repoRoot, 'packages', 'cli', 'bin', 'callset.js');

/** `callset build` in a child process; resolves to the signal that stopped it, or null when it exited 0. */
async function buildKilledAfter(input: string, output: string, writes: number | null): Promise<string | null> {
  const env = { ...process.env, CALLSET_FAULT_AFTER_WRITES: writes === null ? '' : String(writes) };
  try {
    await run(process.execPath, [callset, 'build', '--input', input, '--output', output, '--workers', '1'], { env });
    return null;
  } catch (error) {
    const { signal } = error as { signal?: string };
    if (!signal) throw error;
    return signal;
  }
}

describe('an interrupted build', () => {
  it('leaves the previous release whole at every write, and the next build cleans up', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-interrupt-in-'));
    const output = await mkdtemp(join(tmpdir(), 'callset-interrupt-out-'));
    await mkdir(join(input, 'calls'));
    await copyFile(join(seedsDir, '002_77d29d239d22e634.txt'), join(input, 'calls', 'a.txt'));
    expect(await buildKilledAfter(input, output, null)).toBeNull();
    const previous = await readReleaseFolder(join(output, 'next'));
    // A second source: the build being interrupted would replace every table.
    await copyFile(join(seedsDir, '003_8a2b0ef1bec22bbd.txt'), join(input, 'calls', 'b.txt'));
    const writes = previous.size; // at least as many files as the release being replaced
    for (let n = 1; n <= writes; n++) {
      expect([n, await buildKilledAfter(input, output, n)]).toEqual([n, 'SIGKILL']);
      expect(await readReleaseFolder(join(output, 'next'))).toEqual(previous);
      // Nothing but the release, the first build's registry proposals and document cache, and the dead build's hidden staging folder.
      expect((await readdir(output)).filter((name) => !name.startsWith('.tmp-'))).toEqual(['.cache', 'next', 'registry-proposals.json']);
    }
    expect(await buildKilledAfter(input, output, null)).toBeNull();
    expect((await readdir(output)).sort()).toEqual(['.cache', 'next', 'registry-proposals.json']);
    const rebuilt = await readReleaseFolder(join(output, 'next'));
    expect(rebuilt.size).toBeGreaterThan(previous.size);
  }, 600_000); // some 30 builds, each a fresh process
});
