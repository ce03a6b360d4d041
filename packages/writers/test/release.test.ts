import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { FirmRow } from '@callset/schema';
import { diffReleases, renderChangelog, type ReleaseSnapshot } from '../src/changes.ts';
import { readReleaseFolder, removeStaleTemp, writeReleaseFolder } from '../src/fs.ts';
import { parquetToArrowStream, tableToParquet } from '../src/parquet.ts';
import { tarArchive, tarGz } from '../src/tar.ts';
import { csvRecordCount } from '../src/verify.ts';
import { bumpVersion, latestVersion } from '../src/version.ts';

const firms: FirmRow[] = [
  { firm_id: 'barclays', canonical_name: 'Barclays PLC', aliases: ['Barclays'], successor_firm_id: null },
  { firm_id: 'morgan-stanley', canonical_name: 'Morgan Stanley', aliases: [], successor_firm_id: 'barclays' },
];

describe('Parquet', () => {
  it('round-trips rows with the Arrow schema and gives the same bytes twice', () => {
    const bytes = tableToParquet('firms', firms);
    const back = tableFromIPC(parquetToArrowStream(bytes));
    expect(back.schema.fields.map((field) => `${field.name}: ${String(field.type)} ${field.nullable}`)).toEqual([
      'firm_id: Utf8 false',
      'canonical_name: Utf8 false',
      'aliases: List<Utf8> false',
      'successor_firm_id: Utf8 true',
    ]);
    expect(back.toArray().map((row) => ({ ...row.toJSON(), aliases: [...row.aliases] }))).toEqual(firms);
    expect(Buffer.from(tableToParquet('firms', firms)).equals(Buffer.from(bytes))).toBe(true);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
  });
});

describe('versions', () => {
  it('bumps from nothing and from the highest frozen release', () => {
    expect([bumpVersion(null, 'patch'), bumpVersion(null, 'minor'), bumpVersion(null, 'major')]).toEqual(['0.0.1', '0.1.0', '1.0.0']);
    expect([bumpVersion('1.9.3', 'patch'), bumpVersion('1.9.3', 'minor'), bumpVersion('1.9.3', 'major')]).toEqual(['1.9.4', '1.10.0', '2.0.0']);
    expect(latestVersion(['next', '.tmp-1-next-x', '1.10.0', '1.9.9', '01.2.0', '2.0.0-rc'])).toBe('1.10.0');
    expect(latestVersion(['next'])).toBeNull();
  });
});

describe('changes', () => {
  const snapshot = (version: string, rows: FirmRow[], type = 'Utf8'): ReleaseSnapshot => ({
    version,
    schema: { firms: [{ name: 'firm_id', type, nullable: false }] },
    rows: { documents: [], utterances: [], speakers: [], firms: rows as unknown as Record<string, unknown>[], figures: [], table_cells: [], issues: [] },
  });

  it('lists ids added, removed and changed with the columns that differ', () => {
    const next: FirmRow[] = [{ ...firms[0]!, aliases: ['Barclays', 'Barclays Capital'] }, { firm_id: 'ubs', canonical_name: 'UBS', aliases: [], successor_firm_id: null }];
    const changes = diffReleases(snapshot('1.0.0', firms), snapshot('1.1.0', next));
    expect(changes.tables.firms).toEqual({ rows: 2, added: ['ubs'], removed: ['morgan-stanley'], changed: [{ id: 'barclays', columns: ['aliases'] }] });
    expect(changes.breaking).toBe(false);
    const changelog = renderChangelog(changes, '# Changelog\n\n## 1.0.0\n\nFirst frozen release.\n');
    expect(changelog).toMatch(/^# Changelog\n\n## 1\.1\.0\n\nAgainst 1\.0\.0\./);
    expect(changelog).toContain('\n| firms | 2 | 1 | 1 | 1 |\n');
    expect(changelog.endsWith('| issues | 0 | 0 | 0 | 0 |\n\n## 1.0.0\n\nFirst frozen release.\n')).toBe(true);
  });

  it('calls a retyped column breaking', () => {
    const changes = diffReleases(snapshot('1.0.0', firms, 'Int32'), snapshot('1.1.0', firms));
    expect(changes.schema).toEqual([{ table: 'firms', column: 'firm_id', change: 'retyped', before: 'Int32 not null', after: 'Utf8 not null' }]);
    expect(changes.breaking).toBe(true);
  });
});

describe('tar', () => {
  const files = new Map([
    ['texts/b.txt', new TextEncoder().encode('bee')],
    ['a.csv', new TextEncoder().encode('x\n1\n')],
  ]);

  it('writes a sorted ustar archive that tar extracts, with folders, zero times and owners', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callset-tar-'));
    await writeFile(join(dir, 'x.tar.gz'), tarGz('root', files));
    expect(execFileSync('tar', ['-tvzf', join(dir, 'x.tar.gz'), '--numeric-owner'], { encoding: 'utf8' })).toBe(
      [
        'drwxr-xr-x 0/0               0 1970-01-01 00:00 root/',
        '-rw-r--r-- 0/0               4 1970-01-01 00:00 root/a.csv',
        'drwxr-xr-x 0/0               0 1970-01-01 00:00 root/texts/',
        '-rw-r--r-- 0/0               3 1970-01-01 00:00 root/texts/b.txt',
        '',
      ].join('\n'),
    );
    execFileSync('tar', ['-xzf', join(dir, 'x.tar.gz'), '-C', dir]);
    expect(await readFile(join(dir, 'root', 'texts', 'b.txt'), 'utf8')).toBe('bee');
    expect(tarArchive('root', files).byteLength).toBe(512 * (4 + 2 + 2));
    expect(Buffer.from(tarGz('root', files)).equals(Buffer.from(tarGz('root', new Map([...files].reverse()))))).toBe(true);
  });
});

describe('release folders', () => {
  it('counts CSV records with quoted line ends', () => {
    expect(csvRecordCount('a,b\n"x\ny","say ""hi""\n"\n,\n')).toBe(3);
  });

  it('replaces next/ whole, removes dead writers\' temporary folders and never rewrites a frozen one', async () => {
    const output = await mkdtemp(join(tmpdir(), 'callset-out-'));
    // A build that died (pid 999999999 is never a live process) left a half-written release behind.
    await mkdir(join(output, '.tmp-999999999-next-abc123', 'texts'), { recursive: true });
    await writeReleaseFolder(join(output, 'next'), new Map([['a.csv', new Uint8Array([1])]]));
    await writeReleaseFolder(join(output, 'next'), new Map([['b.csv', new Uint8Array([2])]]));
    expect(await readdir(output)).toEqual(['next']);
    expect([...(await readReleaseFolder(join(output, 'next'))).keys()]).toEqual(['b.csv']);
    await writeReleaseFolder(join(output, '1.0.0'), new Map([['b.csv', new Uint8Array([2])]]), { frozen: true });
    await expect(writeReleaseFolder(join(output, '1.0.0'), new Map(), { frozen: true })).rejects.toThrow('is a frozen release');
    expect((await readdir(output)).sort()).toEqual(['1.0.0', 'next']);
    expect(await removeStaleTemp(output)).toEqual([]);
  });

  it('puts back a release a dead writer had moved aside, and drops its unfinished successor', async () => {
    const output = await mkdtemp(join(tmpdir(), 'callset-out-'));
    // Killed between its two renames: next/ moved aside as <staging>-previous, the new one still staged.
    await mkdir(join(output, '.tmp-999999999-next-abc123-previous'), { recursive: true });
    await writeFile(join(output, '.tmp-999999999-next-abc123-previous', 'a.csv'), 'old');
    await mkdir(join(output, '.tmp-999999999-next-abc123'), { recursive: true });
    expect((await removeStaleTemp(output)).sort()).toEqual(['.tmp-999999999-next-abc123', '.tmp-999999999-next-abc123-previous']);
    expect(await readdir(output)).toEqual(['next']);
    expect(await readFile(join(output, 'next', 'a.csv'), 'utf8')).toBe('old');
  });
});
