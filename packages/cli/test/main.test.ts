import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedIo } from '../src/io.ts';
import { main } from '../src/main.ts';


describe('callset', () => {
  it('prints help', async () => {
    const io = capturedIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('callset build --input DIR --output DIR');
  });

  it('prints its version', async () => {
    const io = capturedIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout).toBe('callset 0.1.0\n');
  });

  it('rejects an unknown command with usage exit code 2', async () => {
    const io = capturedIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toContain('unknown command "frobnicate"');
  });

  it('repairs stdin', async () => {
    const io = capturedIo('a\r\nb');
    expect(await main(['repair'], io)).toBe(0);
    expect(io.stdout).toBe('a\nb');
  });

  it('builds a folder and exits non-zero with --strict when a document is rejected', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-in-'));
    const output = await mkdtemp(join(tmpdir(), 'callset-out-'));
    await writeFile(join(input, 'a.txt'), 'nothing a parser knows');
    await writeFile(join(input, 'b.txt'), '');
    const io = capturedIo();
    expect(await main(['build', '--input', input, '--output', output, '--workers', '1'], io)).toBe(0);
    expect(await main(['build', '--input', input, '--output', output, '--workers', '1', '--strict'], capturedIo())).toBe(1);
    expect((await readdir(join(output, 'next'))).includes('documents.csv')).toBe(true);
    const documents = await readFile(join(output, 'next', 'documents.csv'), 'utf8');
    expect(documents).toContain(',a.txt,');
    expect(documents).toContain('parse/unknown-format');
    expect(documents).toContain('repair/empty');
    expect(io.stderr).toContain('rejected a.txt: parse/unknown-format');
  });

  it('prints an error without its stack, and the stack only with --verbose', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-in-'));
    const output = await mkdtemp(join(tmpdir(), 'callset-out-'));
    await writeFile(join(input, 'catalog.json'), '{"not-a-sha": {"license": "restricted"}}');
    const args = ['build', '--input', input, '--output', output, '--workers', '1'];
    const quiet = capturedIo();
    expect(await main(args, quiet)).toBe(1);
    expect(quiet.stderr).toBe(`callset: catalog ${join(input, 'catalog.json')}: invalid catalog:\n  "not-a-sha": catalog keys are sha256 hex digests\n`);
    expect(quiet.stderr).not.toMatch(/^\s+at /m);
    const verbose = capturedIo();
    expect(await main([...args, '--verbose'], verbose)).toBe(1);
    expect(verbose.stderr).toMatch(/^\s+at /m);
  });

  it('caches documents under <output>/.cache/documents by default, elsewhere with --cache, not at all with --no-cache', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-in-'));
    const output = await mkdtemp(join(tmpdir(), 'callset-out-'));
    const seed = new URL('../../../seeds/002_77d29d239d22e634.txt', import.meta.url);
    await writeFile(join(input, 'call.md'), await readFile(seed));
    const args = ['build', '--input', input, '--output', output, '--workers', '1'];
    const cold = capturedIo();
    expect(await main(args, cold)).toBe(0);
    expect(cold.stderr).toContain(`cache ${join(output, '.cache', 'documents')}`);
    expect(cold.stderr).toContain('cache: 0 read, 1 processed and stored (of 1 distinct sources)');
    const warm = capturedIo();
    expect(await main(args, warm)).toBe(0);
    expect(warm.stderr).toContain('cache: 1 read, 0 processed and stored (of 1 distinct sources)');
    const elsewhere = join(output, 'elsewhere');
    const moved = capturedIo();
    expect(await main([...args, '--cache', elsewhere], moved)).toBe(0);
    expect(moved.stderr).toContain('cache: 0 read, 1 processed and stored (of 1 distinct sources)');
    expect((await readdir(elsewhere)).length).toBe(1);
    const none = capturedIo();
    expect(await main([...args, '--no-cache'], none)).toBe(0);
    expect(none.stderr).toContain(', no cache');
    expect(none.stderr).not.toContain('cache:');
    const both = capturedIo();
    expect(await main([...args, '--no-cache', '--cache', elsewhere], both)).toBe(2);
    expect(both.stderr).toContain('--cache DIR and --no-cache contradict each other');
  });
});
