import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedIo } from '../src/io.ts';
import { main } from '../src/main.ts';


describe('callset release and verify', () => {
  it('are in the help', async () => {
    const io = capturedIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('callset release --bump patch|minor|major [--public]');
    expect(io.stdout).toContain('callset verify DIR [--public]');
  });

  it('reject calls without a bump or a folder as usage errors', async () => {
    for (const [args, message] of [
      [['release'], 'release needs --bump patch|minor|major'],
      [['release', '--bump', 'huge'], 'release needs --bump patch|minor|major'],
      [['verify'], 'verify takes one release folder'],
      [['verify', 'a', 'b'], 'verify takes one release folder'],
    ] as const) {
      const io = capturedIo();
      expect([args, await main([...args], io)]).toEqual([args, 2]);
      expect(io.stderr).toContain(message);
    }
  });

  it('refuses to freeze when there is no next/ release', async () => {
    const output = await mkdtemp(join(tmpdir(), 'callset-empty-'));
    const io = capturedIo();
    expect(await main(['release', '--bump', 'patch', '--output', output, '--dist', join(output, 'dist')], io)).toBe(1);
    expect(io.stderr).toContain(`no release at ${join(output, 'next')}: run callset build first`);
  });
});
