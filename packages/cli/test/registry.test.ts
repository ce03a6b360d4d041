import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY_DIR } from '@callset/entities';
import { describe, expect, it } from 'vitest';
import { capturedIo } from '../src/io.ts';
import { main } from '../src/main.ts';


/** A short call in the Seeking Alpha layout: one executive the rules know from no registry, two analysts. */
const CALL = [
  'Acme Robotics, Inc. (NYSE:ACME) Q1 2024 Earnings Call April 30, 2024 5:00 PM ET',
  'Executives',
  'Dana Whitfield – Chief Executive Officer',
  'Analysts',
  'Ben Okafor – Example Securities',
  'Maria Lindqvist – Sample Capital',
  'Operator',
  'Welcome to the Acme Robotics first quarter call. Our first question comes from Ben Okafor.',
  'Question-and-Answer Session',
  'Ben Okafor – Example Securities',
  'How did margins develop in the quarter?',
  'Dana Whitfield',
  'Margins improved by two points.',
  'Maria Lindqvist – Sample Capital',
  'What about next year?',
  'Dana Whitfield',
  'We expect further improvement.',
  '',
].join('\n');
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as { speaker_id: string }[];

describe('callset registry accept', () => {
  it('merges the proposals a build wrote beside its release into a registry, once', async () => {
    const input = await mkdtemp(join(tmpdir(), 'callset-registry-in-'));
    const output = await mkdtemp(join(tmpdir(), 'callset-registry-out-'));
    const registry = await mkdtemp(join(tmpdir(), 'callset-registry-'));
    await writeFile(join(input, 'acme-2024q1.txt'), CALL);
    await cp(REGISTRY_DIR, registry, { recursive: true });
    const built = capturedIo();
    expect(await main(['build', '--input', input, '--output', output, '--workers', '1'], built)).toBe(0);
    expect(built.stderr).toContain(`registry proposals: 3 people in ${join(output, 'registry-proposals.json')}`);

    const io = capturedIo();
    expect(await main(['registry', 'accept', '--proposals', join(output, 'registry-proposals.json'), '--registry', registry], io)).toBe(0);
    expect(io.stderr).toBe(
      ['added ben-okafor', 'added dana-whitfield', 'added maria-lindqvist', `accepted ${join(output, 'registry-proposals.json')} into ${join(registry, 'people.json')}: 3 added, 0 extended`, ''].join('\n'),
    );
    const people = await readJson(join(registry, 'people.json'));
    expect(people.map((person) => person.speaker_id)).toEqual(['ben-okafor', 'dana-whitfield', 'maria-lindqvist', 'toni-sacconaghi']);
    expect(people[0]).toEqual({
      speaker_id: 'ben-okafor',
      canonical_name: 'Ben Okafor',
      aliases: ['Ben Okafor'],
      evidence: [{ source: 'acme-2024q1.txt', document_id: expect.stringMatching(/^[0-9a-f]{16}$/), quote: 'Ben Okafor – Example Securities' }],
    });
    expect(await readFile(join(registry, 'firms.json'), 'utf8')).toBe(await readFile(join(REGISTRY_DIR, 'firms.json'), 'utf8'));

    const again = capturedIo();
    expect(await main(['registry', 'accept', '--proposals', join(output, 'registry-proposals.json'), '--registry', registry], again)).toBe(0);
    expect(again.stderr).toBe(`accepted ${join(output, 'registry-proposals.json')} into ${join(registry, 'people.json')}: 0 added, 0 extended\n`);
  }, 20_000);

  it('refuses a proposals file that is not one, and leaves the registry as it was', async () => {
    const registry = await mkdtemp(join(tmpdir(), 'callset-registry-'));
    await cp(REGISTRY_DIR, registry, { recursive: true });
    const proposals = join(registry, 'proposals.json');
    await writeFile(proposals, JSON.stringify({ people: [{ speaker_id: 'Nobody', canonical_name: 'Nobody', aliases: [] }] }));
    const io = capturedIo();
    expect(await main(['registry', 'accept', '--proposals', proposals, '--registry', registry], io)).toBe(1);
    expect(io.stderr).toContain(`${proposals} is not a registry proposals file: people.0.speaker_id: a slug`);
    expect(await readFile(join(registry, 'people.json'), 'utf8')).toBe(await readFile(join(REGISTRY_DIR, 'people.json'), 'utf8'));
  });

  it('explains how to call it', async () => {
    const help = capturedIo();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.stdout).toContain('callset registry accept [--proposals FILE] [--registry DIR]');
    const bare = capturedIo();
    expect(await main(['registry'], bare)).toBe(2);
    expect(bare.stderr).toBe('callset: registry needs an action: accept\nRun `callset --help` for usage.\n');
    const missing = capturedIo();
    expect(await main(['registry', 'accept', '--proposals', '/nonexistent/proposals.json'], missing)).toBe(1);
    expect(missing.stderr).toContain('cannot read /nonexistent/proposals.json');
  });
});
