import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '@callset/cli';
import { describe, expect, it } from 'vitest';
import { buildSeedsRelease, repoRoot } from './release.ts';

const goldDir = join(repoRoot, 'tests', 'gold');

describe('callset eval on the hand annotations of the seeds', () => {
  it('scores F1, speaker, speaker-type and section accuracy 1.000 for every annotated seed', async () => {
    const releaseDir = await buildSeedsRelease();
    let stdout = '';
    const io = { out: (text: string) => void (stdout += text), err: () => {}, readStdin: async () => new Uint8Array() };
    expect(await main(['eval', '--gold', goldDir, '--release', releaseDir, '--details'], io)).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const goldFiles = readdirSync(goldDir).filter((name) => name.endsWith('.json'));
    expect(goldFiles.map((name) => name.slice(0, 4))).toEqual(expect.arrayContaining(['000_', '001_', '002_', '003_']));
    // --details adds an indented line per disagreement: none may appear. Then a header, a line per document, the overall line.
    expect(lines.filter((line) => line.startsWith('  '))).toEqual([]);
    expect(lines).toHaveLength(goldFiles.length + 2);
    for (const line of lines.slice(1)) {
      // Gold turns, release utterances and matches are the same count; then P R F1 speaker type section.
      expect(line).toMatch(/^\S+\s+(\d+)\s+\1\s+\1(?: 1\.000){3}(?:\s+1\.000){3}$/);
    }
  }, 60_000);
});
