import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedIo } from '../src/io.ts';
import { main } from '../src/main.ts';


describe('callset repair', () => {
  it('prints the repaired text of a FILE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callset-repair-'));
    const file = join(dir, 'broken.txt');
    await writeFile(file, 'Dan Galves â Deutsche Bank\nIâm sure itâs fine â¦\r\n');
    const io = capturedIo();
    expect(await main(['repair', file], io)).toBe(0);
    expect(io.stdout).toBe('Dan Galves – Deutsche Bank\nI’m sure it’s fine …\n');
  });

  it('--explain lists each repair and normalisation by input offset: offset, before, after, rule', async () => {
    const io = capturedIo('Iâm sure itâ€™s\r\n');
    expect(await main(['repair', '--explain'], io)).toBe(0);
    expect(io.stdout).toBe(['1\t"â"\t"’"\tlossy-apostrophe', '11\t"â€™"\t"’"\tutf8-as-cp1252', '15\t"\\r\\n"\t"\\n"\tline-end', ''].join('\n'));
    expect(io.stderr).toBe('2 repairs, 1 normalizations, decoded as utf-8\n');
  });

  it('rejects two files as a usage error', async () => {
    const io = capturedIo();
    expect(await main(['repair', 'a', 'b'], io)).toBe(2);
  });
});
